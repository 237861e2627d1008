"""Queries for the register: decided submissions only, and no personal data."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import defer, joinedload

from ..extensions import db
from ..proposals.models import Proposal
from ..triage.grounds import GROUNDS
from ..triage.models import Decision

PER_PAGE = 50


@dataclass(frozen=True)
class Entry:
    """One decided submission as the register shows it."""

    proposal: Proposal
    decision: Decision


def _query():
    # The register shows no document: the draft columns are left unread.
    return (
        select(Proposal, Decision)
        .join(Decision, Decision.proposal_id == Proposal.id)
        .options(
            defer(Proposal.draft),
            defer(Proposal.typed),
            defer(Proposal.completed_sections),
            joinedload(Proposal.public_body),
            joinedload(Proposal.organisation),
        )
    )


def entries(page: int = 1, per_page: int = PER_PAGE) -> tuple[list[Entry], int]:
    """A page of decisions, newest first, with the total.

    The page's decisions are chosen first from the decisions alone, then joined to their
    submissions, so a late page skips over decision rows only, not over joined rows.
    """
    newest_first = (Decision.decided_at.desc(), Decision.id.desc())
    total = db.session.scalar(select(func.count()).select_from(Decision)) or 0
    page = min(max(page, 1), max(1, -(-total // per_page)))
    chosen = (
        select(Decision.id)
        .order_by(*newest_first)
        .offset((max(page, 1) - 1) * per_page)
        .limit(per_page)
        .subquery()
    )
    rows = db.session.execute(
        _query().join(chosen, chosen.c.id == Decision.id).order_by(*newest_first)
    )
    return [Entry(p, d) for p, d in rows], total


def all_entries() -> list[Entry]:
    """Every decision, for the CSV download."""
    rows = db.session.execute(_query().order_by(Decision.decided_at.desc(), Decision.id.desc()))
    return [Entry(p, d) for p, d in rows]


def entry(proposal_id: int) -> Entry | None:
    """One decided submission, or None when undecided or unknown."""
    row = db.session.execute(_query().where(Proposal.id == proposal_id)).first()
    return Entry(*row) if row else None


CSV_COLUMNS = (
    "id",
    "decided",
    "public_body",
    "service",
    "kind",
    "title",
    "organisation",
    "decision",
    "grounds",
    "reasons",
    "current_annual_cost",
    "present_value",
    "investment",
    "sroi_ratio",
)


def csv_rows(entries: list[Entry]) -> list[tuple]:
    """The register's rows for the CSV download, in CSV_COLUMNS order."""
    rows = []
    for e in entries:
        summary = e.decision.summary or {}
        rows.append(
            (
                e.proposal.id,
                e.decision.decided_at.date().isoformat(),
                e.proposal.public_body.name,
                summary.get("service", ""),
                e.proposal.kind,
                e.proposal.title,
                e.proposal.organisation.name,
                e.decision.outcome,
                "; ".join(GROUNDS.get(g, g) for g in e.decision.grounds),
                e.decision.reasons,
                summary.get("current_annual_cost"),
                summary.get("present_value"),
                summary.get("investment"),
                summary.get("sroi_ratio"),
            )
        )
    return rows
