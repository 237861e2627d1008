"""Everything a commissioner reviews about one submission, gathered once for the page and PDF.

The review is read in parts, each a page of its own: :data:`PARTS` lists them in the order
the sub-navigation shows them, and each ``*_part`` function gathers what one part shows
beside the header every part shares (title, reference, status and deadline).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from ..checks.catalogue import AREA_NAMES
from ..extensions import db
from ..proposals import lifecycle
from ..proposals.models import LIGHTLY, Proposal
from ..proposals.presenting import present_document
from ..value.impact_map import value_view
from . import joint, queue, services
from .grounds import GROUNDS
from .models import Decision, Judgement


@dataclass(frozen=True)
class Part:
    """One part of the review: its key, its name in the navigation and the route showing it."""

    key: str
    label: str
    endpoint: str


PARTS = (
    Part("summary", "Summary", "triage.review"),
    Part("case", "The case", "triage.case"),
    Part("value", "Value account", "triage.value"),
    Part("changes", "Changes", "triage.changes"),
    Part("judgements", "Judgements and decision", "triage.judgements"),
    Part("messages", "Messages", "messages.commissioner_thread"),
    Part("notes", "Internal notes", "messages.notes"),
    Part("audit", "Audit trail", "triage.audit"),
)
BY_KEY = {part.key: part for part in PARTS}
# a co-commissioning body reads the review but not the lead's messages or internal notes
CO_COMMISSIONER_PARTS = tuple(part for part in PARTS if part.key not in ("messages", "notes"))


def _utc(moment: datetime) -> datetime:
    """A stored time as UTC (SQLite gives it back without its zone)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def after_the_decision(judgements: Iterable[Judgement], decision: Decision | None) -> set[int]:
    """The ids of the notes written after the decision, which cannot have informed it."""
    if decision is None:
        return set()
    decided = _utc(decision.decided_at)
    return {j.id for j in judgements if _utc(j.created_at) > decided}


def proposal_for_review(proposal_id: int, user) -> Proposal | None:
    """The submission, loaded lightly, if it is addressed to the commissioner's body, as its
    lead or as a co-commissioner (who may read it: see :mod:`.joint`)."""
    lightly = db.session.get(Proposal, proposal_id, options=LIGHTLY)  # held: the check finds it
    found = services.proposal_for_commissioner(
        proposal_id, user
    ) or joint.proposal_for_co_commissioner(proposal_id, user)
    return found if found is lightly else None


def case_reference(proposal: Proposal) -> str:
    """The submission's reference, VC-<body>-<submission>: the stem of its decision's."""
    return f"VC-{proposal.public_body_id}-{proposal.id}"


def header(proposal: Proposal, part: str) -> dict:
    """What every part shows: the submission, its latest version, reference, status and
    deadline, and which part this is."""
    return {
        "proposal": proposal,
        "version": proposal.versions[-1],
        "reference": case_reference(proposal),
        "overdue": queue.is_overdue(proposal),
        "parts": PARTS,
        "part": BY_KEY[part],
    }


def summary_part(proposal: Proposal) -> dict:
    """The summary: the check report, any decision and any open request for information."""
    return header(proposal, "summary") | {
        "report": proposal.versions[-1].check_report,
        "decision": services.decision_for(proposal),
        "grounds": GROUNDS,
        "open_request": lifecycle.open_request(proposal),
    }


def changes_part(proposal: Proposal) -> dict:
    """What the latest version changed, beside the request for information it answers."""
    versions = proposal.versions
    grouped, answered = lifecycle.version_changes(proposal, versions[-1].number)
    previous = versions[-2] if len(versions) > 1 else None
    return header(proposal, "changes") | {
        "changes": grouped if previous else None,
        "answered_request": answered,
        "previous": previous,
    }


def judgements_part(proposal: Proposal) -> dict:
    """The commissioners' judgements and the decision."""
    judgements = services.judgements(proposal)
    decision = services.decision_for(proposal)
    return header(proposal, "judgements") | {
        "judgements": judgements,
        "after_decision": after_the_decision(judgements, decision),
        "decision": decision,
        "grounds": GROUNDS,
        "areas": AREA_NAMES,
        "co_commissioners": joint.co_commissioners(proposal.id),
        "positions": joint.POSITIONS,
    }


def audit_part(proposal: Proposal) -> dict:
    """Everything done to the submission, in order."""
    return header(proposal, "audit") | {"trail": services.audit_trail(proposal)}


def review_context(proposal: Proposal) -> dict:
    """The latest version, its check report and value account, what it changed (section by
    section, beside the request for information it answers), judgements and trail."""
    versions = proposal.versions
    latest = versions[-1]
    previous = versions[-2] if len(versions) > 1 else None
    judgements = services.judgements(proposal)
    decision = services.decision_for(proposal)
    grouped, answered = lifecycle.version_changes(proposal, latest.number)
    return {
        "proposal": proposal,
        "version": latest,
        "blocks": present_document(latest.document, proposal.kind),
        "report": latest.check_report,
        "view": value_view(latest.document),
        "changes": grouped if previous else None,
        "answered_request": answered,
        "open_request": lifecycle.open_request(proposal),
        "previous": previous,
        "judgements": judgements,
        "after_decision": after_the_decision(judgements, decision),
        "trail": services.audit_trail(proposal),
        "decision": decision,
        "grounds": GROUNDS,
        "overdue": queue.is_overdue(proposal),
    }
