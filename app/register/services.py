"""Queries for the register: decided submissions only, and no personal data."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import defer, joinedload

from .. import search
from ..accounts.models import Organisation, PublicBody
from ..extensions import db
from ..proposals.models import Proposal
from ..triage.grounds import GROUNDS
from ..triage.models import Decision
from .filters import RegisterFilter
from .models import NEWEST_FIRST_INDEX  # noqa: F401 (declares the register's index)

PER_PAGE = 50
NEWEST_FIRST = (Decision.decided_at.desc(), Decision.id.desc())
EVERYTHING = RegisterFilter()


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


def filtered(query: Select, wanted: RegisterFilter) -> Select:
    """``query`` (over decisions joined to their submissions) narrowed to what is wanted."""
    if wanted.body is not None:
        query = query.where(Proposal.public_body_id == wanted.body)
    if wanted.kind:
        query = query.where(Proposal.kind == wanted.kind)
    if wanted.decision:
        query = query.where(Decision.outcome == wanted.decision)
    if wanted.tier:
        query = query.where(Proposal.tier == wanted.tier)
    if wanted.year is not None:
        start, end = (datetime(year, 1, 1, tzinfo=UTC) for year in (wanted.year, wanted.year + 1))
        query = query.where(Decision.decided_at >= start, Decision.decided_at < end)
    keys = search.matching_keys(db.session.get_bind().dialect.name, "register", wanted.q)
    if keys is not None:
        query = query.where(Proposal.id.in_(keys))
    return query


def count(wanted: RegisterFilter = EVERYTHING) -> int:
    """How many decisions match."""
    if not wanted.active:  # every decision: counted from the decisions alone
        return db.session.scalar(select(func.count()).select_from(Decision)) or 0
    query = (
        select(func.count())
        .select_from(Decision)
        .join(Proposal, Proposal.id == Decision.proposal_id)
    )
    return db.session.scalar(filtered(query, wanted)) or 0


def _chosen(wanted: RegisterFilter, offset: int, limit: int):
    """The ids of one page of matching decisions, newest first, as a subquery.

    A page's decisions are chosen from the decisions (and the columns filtered on) alone,
    then joined to what is shown, so a late page skips over narrow rows only.
    """
    query = select(Decision.id).order_by(*NEWEST_FIRST).offset(offset).limit(limit)
    if wanted.active:
        query = filtered(query.join(Proposal, Proposal.id == Decision.proposal_id), wanted)
    return query.subquery()


def last_page(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def entries(
    page: int = 1, per_page: int = PER_PAGE, wanted: RegisterFilter = EVERYTHING
) -> tuple[list[Entry], int]:
    """A page of matching decisions, newest first, with how many match; a page past the last
    is read as the last."""
    total = count(wanted)
    page = min(max(page, 1), last_page(total, per_page))
    chosen = _chosen(wanted, (page - 1) * per_page, per_page)
    rows = db.session.execute(
        _query().join(chosen, chosen.c.id == Decision.id).order_by(*NEWEST_FIRST)
    )
    return [Entry(p, d) for p, d in rows], total


RECORD_COLUMNS = (
    Decision.id.label("decision_id"),
    Proposal.id,
    Proposal.title,
    Proposal.kind,
    Proposal.tier,
    Decision.outcome,
    Decision.decided_at,
    Decision.reasons,
    Decision.grounds,
    Decision.next_steps,
    Decision.summary,
    PublicBody.id.label("body_id"),
    PublicBody.name.label("body_name"),
    Organisation.id.label("organisation_id"),
    Organisation.name.label("organisation_name"),
    Organisation.type.label("organisation_type"),
    Organisation.registration_number,
)
"""What open data publishes of a decision, read as plain rows (no objects to keep)."""


def _records() -> Select:
    return (
        select(*RECORD_COLUMNS)
        .select_from(Decision)
        .join(Proposal, Proposal.id == Decision.proposal_id)
        .join(PublicBody, PublicBody.id == Proposal.public_body_id)
        .join(Organisation, Organisation.id == Proposal.organisation_id)
    )


def record_rows(wanted: RegisterFilter, page: int, per_page: int) -> list[Row]:
    """One page of matching decisions as plain rows, newest first."""
    chosen = _chosen(wanted, (page - 1) * per_page, per_page)
    query = _records().join(chosen, chosen.c.id == Decision.id).order_by(*NEWEST_FIRST)
    return list(db.session.execute(query))


def record_batches(wanted: RegisterFilter, size: int = 500) -> Iterator[list[Row]]:
    """Every matching decision as plain rows, oldest decision row first, ``size`` at a time:
    each batch starts after the last id of the one before, so no batch rereads the rows
    before it and nothing is held between batches."""
    after = 0
    while True:
        query = filtered(_records(), wanted).where(Decision.id > after)
        batch = list(db.session.execute(query.order_by(Decision.id).limit(size)))
        if not batch:
            return
        yield batch
        after = batch[-1].decision_id


def years() -> list[int]:
    """The years decisions were made in, latest first."""
    first, last = db.session.execute(
        select(func.min(Decision.decided_at), func.max(Decision.decided_at))
    ).one()
    return list(range(last.year, first.year - 1, -1)) if first and last else []


def bodies() -> list[tuple[int, str]]:
    """Every public body, by name, for the register's filter."""
    return list(
        db.session.execute(select(PublicBody.id, PublicBody.name).order_by(PublicBody.name))
    )


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
