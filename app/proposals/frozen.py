"""What a submitted version shows, rendered once: a frozen document never changes.

A document at the schema's size limit has thousands of answers and hundreds of outcomes, and
laying them out is most of the cost of the pages that show a version. The HTML is kept in
process, keyed by what was rendered and by the version: its submission, row id, number and the
moment it was submitted. A row id alone could come back for another document (SQLite reuses
the highest once its row is deleted); with the moment of submission it cannot. Keyed so, a
page served from here never reads or decodes the document at all. Drafts change, so their
pages never come from here.
"""

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock

from flask import get_template_attribute
from markupsafe import Markup

from ..value.impact_map import value_view
from .models import ProposalVersion
from .presenting import present_document

KEPT_CHARACTERS = 40_000_000
"""At most this much HTML is kept (a document at the size limit makes about 1.5 million)."""

_kept: OrderedDict[tuple[str, str, str], Markup] = OrderedDict()
_lock = Lock()


def version_key(what: str, version: ProposalVersion, kind: str) -> tuple[str, str, str]:
    """What is rendered, the kind, and the version: equal only for the same submitted version."""
    moment = version.submitted_at.isoformat() if version.submitted_at else ""
    return what, kind, f"{version.proposal_id}:{version.id}:{version.number}:{moment}"


def rendered_once(
    what: str, version: ProposalVersion, kind: str, render: Callable[[], str]
) -> Markup:
    """``render()`` for this version, made on first sight and kept (the least recently shown
    goes first once :data:`KEPT_CHARACTERS` is passed)."""
    key = version_key(what, version, kind)
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    html = Markup(render())
    with _lock:
        _kept[key] = html
        while len(_kept) > 1 and sum(map(len, _kept.values())) > KEPT_CHARACTERS:
            _kept.popitem(last=False)
    return html


def frozen_answers(version: ProposalVersion, kind: str) -> Markup:
    """A submitted version's answers as the ``answers`` macro lays them out, without links
    to change them."""

    def render() -> str:
        answers = get_template_attribute("proposals/_answers.html", "answers")
        return answers(present_document(version.document, kind), None)

    return rendered_once("answers", version, kind, render)


def frozen_value_account(version: ProposalVersion, kind: str) -> Markup:
    """A submitted version's value account as the ``value_account`` macro lays it out."""

    def render() -> str:
        account = get_template_attribute("value/_account.html", "value_account")
        return account(value_view(version.document))

    return rendered_once("value account", version, kind, render)
