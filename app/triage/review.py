"""Everything a commissioner reviews about one submission, gathered once for the page and PDF."""

from collections.abc import Iterable
from datetime import UTC, datetime

from ..proposals import lifecycle
from ..proposals.models import Proposal
from ..proposals.presenting import present_document
from ..value.impact_map import value_view
from . import queue, services
from .grounds import GROUNDS
from .models import Decision, Judgement


def _utc(moment: datetime) -> datetime:
    """A stored time as UTC (SQLite gives it back without its zone)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def after_the_decision(judgements: Iterable[Judgement], decision: Decision | None) -> set[int]:
    """The ids of the notes written after the decision, which cannot have informed it."""
    if decision is None:
        return set()
    decided = _utc(decision.decided_at)
    return {j.id for j in judgements if _utc(j.created_at) > decided}


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
