"""Example submissions anyone can read, without signing in: the answers, the value account
and the check report, as a commissioner would see them."""

from flask import Blueprint, abort, current_app, render_template

from ..checks.views import module_link
from ..proposals.presenting import present_document
from ..value.impact_map import value_view
from . import WHAT_EACH_SHOWS, example_names, load_example

bp = Blueprint("examples", __name__, url_prefix="/examples")

KIND_NAMES = {"challenge": "Right to challenge", "propose": "Right to propose"}


def first_sentence(text: str) -> str:
    """The summary's first sentence, for a one-line list entry."""
    text = " ".join(str(text or "").split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


@bp.get("")
def index():
    """Every example: its title, kind, a one-line summary and what it shows."""
    examples = []
    for name in example_names():
        document = load_example(name)
        examples.append(
            {
                "name": name,
                "title": document["title"],
                "kind": KIND_NAMES[document["kind"]],
                "summary": first_sentence(document.get("summary")),
                "shows": WHAT_EACH_SHOWS.get(name, ""),
            }
        )
    return render_template("examples/index.html", examples=examples)


@bp.get("/<name>")
def show(name: str):
    """One example, read-only: its answers, value account and check report."""
    if name not in example_names():
        abort(404)
    document = load_example(name)
    rulebook = current_app.extensions.get("rulebook")
    return render_template(
        "examples/show.html",
        name=name,
        document=document,
        kind=KIND_NAMES[document["kind"]],
        shows=WHAT_EACH_SHOWS.get(name, ""),
        blocks=present_document(document, document["kind"]),
        view=value_view(document),
        report=rulebook.check(document) if rulebook else None,
        module_link=module_link,
    )
