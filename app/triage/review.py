"""Everything a commissioner reviews about one submission, gathered once for the page and PDF."""

from ..proposals.diff import changes
from ..proposals.models import Proposal
from ..proposals.presenting import present_document
from ..value.impact_map import value_view
from . import queue, services
from .grounds import GROUNDS


def review_context(proposal: Proposal) -> dict:
    """The latest version, its check report and value account, changes, judgements, trail."""
    versions = proposal.versions
    latest = versions[-1]
    previous = versions[-2] if len(versions) > 1 else None
    return {
        "proposal": proposal,
        "version": latest,
        "blocks": present_document(latest.document, proposal.kind),
        "report": latest.check_report,
        "view": value_view(latest.document),
        "changes": changes(previous.document, latest.document) if previous else None,
        "previous": previous,
        "judgements": services.judgements(proposal),
        "trail": services.audit_trail(proposal),
        "decision": services.decision_for(proposal),
        "grounds": GROUNDS,
        "overdue": queue.is_overdue(proposal),
    }
