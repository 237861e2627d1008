"""Section pages of the task list: one page of questions, or items added one per page."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from . import answers, services
from .access import member_proposal
from .forms import CompletionForm, ConfirmForm, revision_of, section_form_class
from .models import Proposal
from .sections import BY_KEY, Section

bp = Blueprint("sections", __name__, url_prefix="/proposals/<int:proposal_id>/sections")


def section_or_404(proposal: Proposal, key: str) -> Section:
    """The section, if this kind of submission has it."""
    section = BY_KEY.get(key)
    if section is None or proposal.kind not in section.kinds:
        abort(404)
    return section


def stakeholder_choices(proposal: Proposal) -> list[tuple[str, str]]:
    """The stakeholders entered so far, for questions that refer to them."""
    found = answers.read(proposal.draft, ("stakeholders",)) or []
    return [
        (str(s.get("id")), str(s.get("name") or s.get("id")))
        for s in found
        if isinstance(s, dict) and s.get("id")
    ]


def initial_data(proposal: Proposal, section: Section, item_index: int | None) -> dict:
    """The form's answers as the document holds them."""
    source = proposal.draft
    if section.repeating:
        found = answers.items(proposal.draft, section)
        source = found[item_index] if item_index is not None else {}
    data = {
        spec.name: answers.to_form(spec, answers.read(source, spec.path))
        for spec in section.fields_for(proposal.kind)
        if spec.path
    }
    if section.toggle:
        contract = proposal.draft.get("contract") or {}
        present = answers.read(proposal.draft, section.optional_object) is not None
        data[section.toggle] = (
            "yes" if present else ("no" if "payment_by_results" in contract else "")
        )
    data["revision"] = proposal.revision
    if not section.repeating:
        data["completed"] = "yes" if section.key in (proposal.completed_sections or []) else ""
    return data


def make_form(proposal: Proposal, section: Section, item_index: int | None, formdata=None):
    """The page's form: posted data, kept typed input, or the document's answers."""
    form_class = section_form_class(
        section, proposal.kind, stakeholder_choices(proposal), with_completion=not section.repeating
    )
    if formdata is not None:
        return form_class(formdata=formdata)
    key = services.typed_key(current_user, section, item_index)
    typed = (proposal.typed or {}).get(key)
    if typed:
        form = form_class(formdata=MultiDict([(k, v) for k, vs in typed.items() for v in vs]))
        form.revision.data = str(proposal.revision)
        form.validate()
        return form
    return form_class(formdata=as_formdata(initial_data(proposal, section, item_index)))


def as_formdata(data: dict) -> MultiDict:
    """Answers as a browser would post them, so every field shows them as text."""
    pairs = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                pairs.append((name, str(item)))
    return MultiDict(pairs)


def handle_post(proposal: Proposal, section: Section, item_index: int | None):
    """Save what is valid, keep what is not; returns (form, saved index, conflict)."""
    form = make_form(proposal, section, item_index, formdata=request.form)
    form.validate()
    specs = section.fields_for(proposal.kind)
    values = {
        s.name: answers.from_form(s, form[s.name].data) for s in specs if not form[s.name].errors
    }
    typed = {}
    if any(form[s.name].errors for s in specs):
        typed = {s.name: request.form.getlist(s.name)[:1000] for s in specs}
    page = services.Save(section, values, typed, revision_of(form), item_index)
    try:
        index = services.save(proposal, current_user, page)
    except services.StaleDraft as stale:
        form.revision.data = str(proposal.revision)
        return form, item_index, stale
    form.revision.data = str(proposal.revision)
    return form, index, None


def render(proposal, section, form, item_index=None, conflict=None, status=200):
    """The question page."""
    return render_template(
        "proposals/section.html",
        proposal=proposal,
        section=section,
        form=form,
        item_index=item_index,
        conflict=conflict,
        fields=section.fields_for(proposal.kind),
    ), status


@bp.route("/<key>", methods=["GET", "POST"])
@member_proposal(editing=True)
def edit(proposal: Proposal, key: str):
    """A one-page section, or the list of a repeating section's items."""
    section = section_or_404(proposal, key)
    if section.repeating:
        return item_list(proposal, section)
    if request.method == "GET":
        return render(proposal, section, make_form(proposal, section, None))
    form, _, conflict = handle_post(proposal, section, None)
    if conflict or form.errors:
        if not conflict:
            flash("We saved the answers that were valid. Correct the others below.", "info")
        return render(proposal, section, form, conflict=conflict, status=409 if conflict else 200)
    if form.completed.data:
        services.set_completed(proposal, section, form.completed.data == "yes")
    return redirect(url_for("proposals.overview", proposal_id=proposal.id))


def item_list(proposal: Proposal, section: Section):
    """The items entered so far, with links to add, change and remove."""
    form = CompletionForm(
        data={
            "revision": proposal.revision,
            "completed": "yes" if section.key in (proposal.completed_sections or []) else None,
        }
    )
    if request.method == "POST" and form.validate_on_submit():
        services.set_completed(proposal, section, form.completed.data == "yes")
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    listed = [
        (i, answers.item_title(section, item, i), item)
        for i, item in enumerate(answers.items(proposal.draft, section))
    ]
    return render_template(
        "proposals/item_list.html", proposal=proposal, section=section, listed=listed, form=form
    )


@bp.route("/<key>/new", methods=["GET", "POST"])
@bp.route("/<key>/<int:index>", methods=["GET", "POST"])
@member_proposal(editing=True)
def item(proposal: Proposal, key: str, index: int | None = None):
    """Add or change one item of a repeating section."""
    section = section_or_404(proposal, key)
    if not section.repeating or (
        index is not None and index >= len(answers.items(proposal.draft, section))
    ):
        abort(404)
    if request.method == "GET":
        return render(proposal, section, make_form(proposal, section, index), item_index=index)
    form, saved, conflict = handle_post(proposal, section, index)
    if conflict:
        return render(proposal, section, form, item_index=index, conflict=conflict, status=409)
    if form.errors:
        flash("We saved the answers that were valid. Correct the others below.", "info")
        return redirect(url_for("sections.item", proposal_id=proposal.id, key=key, index=saved))
    return redirect(url_for("sections.edit", proposal_id=proposal.id, key=key))


@bp.route("/<key>/<int:index>/remove", methods=["GET", "POST"])
@member_proposal(editing=True)
def remove(proposal: Proposal, key: str, index: int):
    """Confirm, then remove an item."""
    section = section_or_404(proposal, key)
    found = answers.items(proposal.draft, section) if section.repeating else []
    if index >= len(found):
        abort(404)
    title = answers.item_title(section, found[index], index)
    used = (
        answers.references_to(proposal.draft, str(found[index].get("id")))
        if section.key == "stakeholders"
        else []
    )
    form = ConfirmForm(data={"revision": proposal.revision})
    if not used and form.validate_on_submit():
        try:
            services.remove_item(proposal, current_user, section, index, revision_of(form))
        except services.StaleDraft:
            flash(
                "Someone else changed this list while you were looking at it. Check the list "
                "and remove the item again if you still want to.",
                "info",
            )
        else:
            flash(f"Removed {title}.", "success")
        return redirect(url_for("sections.edit", proposal_id=proposal.id, key=key))
    return render_template(
        "proposals/remove.html",
        proposal=proposal,
        section=section,
        title=title,
        used=used,
        form=form,
    )
