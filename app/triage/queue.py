"""The commissioners' queue: filters, sorting, pagination and counts over indexed columns."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import defer, selectinload

from .. import search
from ..accounts.models import aware, utcnow
from ..extensions import db
from ..proposals.models import Proposal
from ..proposals.workflow import Status
from ..workdays import bank_holidays
from .deadlines import TimeLeft, time_left
from .models import CoCommissioner

SORTS = {
    "received": (Proposal.received_at.desc(), "Newest received first"),
    "deadline": (Proposal.deadline.asc(), "Deadline, soonest first"),
    "readiness": (Proposal.readiness.desc(), "Readiness, most ready first"),
    "ratio": (Proposal.sroi_ratio.desc(), "Claimed SROI ratio, highest first"),
}
AREA_COLUMNS = {
    "proportionality": Proposal.proportionality_status,
    "stakeholders": Proposal.stakeholders_status,
    "vfm": Proposal.vfm_status,
}
PER_PAGE = 25
FILTERS = (
    ("kind", "Kind", (("", "Any"), ("challenge", "Challenge"), ("propose", "Proposal"))),
    (
        "status",
        "Status",
        (("", "Any"),) + tuple((s.value, s.label) for s in Status if s != Status.DRAFT),
    ),
    ("tier", "Tier", (("", "Any"), ("light", "Light"), ("standard", "Standard"), ("full", "Full"))),
    (
        "failing",
        "Failing area",
        (
            ("", "Any"),
            ("proportionality", "Proportionality"),
            ("stakeholders", "Stakeholders"),
            ("vfm", "Value for money"),
        ),
    ),
    ("sort", "Sort by", tuple((key, label) for key, (_, label) in SORTS.items())),
)


@dataclass(frozen=True)
class QueueFilter:
    """What the commissioner asked to see."""

    kind: str = ""
    status: str = ""
    tier: str = ""
    failing_area: str = ""
    mine: bool = False
    sort: str = "received"
    page: int = 1
    q: str = ""


@dataclass(frozen=True)
class QueuePage:
    """One page of the queue with its totals."""

    items: list[Proposal]
    total: int
    page: int
    pages: int
    counts: dict[str, int]


def addressed_to(public_body_id: int) -> ColumnElement[bool]:
    """Submissions the body leads, or is named on as a co-commissioner of a joint submission."""
    joint = select(CoCommissioner.proposal_id).where(
        CoCommissioner.public_body_id == public_body_id
    )
    return or_(Proposal.public_body_id == public_body_id, Proposal.id.in_(joint))


def _base(public_body_id: int) -> Select:
    """Submissions addressed to the body (drafts are never in the queue).

    The queue shows no document, so the draft columns are left unread, and each page's
    organisations and assignees are loaded together rather than one row at a time.
    """
    return (
        select(Proposal)
        .where(addressed_to(public_body_id), Proposal.status != Status.DRAFT)
        .options(
            defer(Proposal.draft),
            defer(Proposal.typed),
            defer(Proposal.completed_sections),
            selectinload(Proposal.organisation),
            selectinload(Proposal.assignee),
            selectinload(Proposal.public_body),
        )
    )


def _filtered(query: Select, wanted: QueueFilter, user_id: int) -> Select:
    if wanted.kind in ("challenge", "propose"):
        query = query.where(Proposal.kind == wanted.kind)
    if wanted.status in {s.value for s in Status}:
        query = query.where(Proposal.status == Status(wanted.status))
    if wanted.tier in ("light", "standard", "full"):
        query = query.where(Proposal.tier == wanted.tier)
    if wanted.failing_area in AREA_COLUMNS:
        query = query.where(AREA_COLUMNS[wanted.failing_area] == "fail")
    if wanted.mine:
        query = query.where(Proposal.assignee_id == user_id)
    # a further condition: the query keeps to the body's submissions
    keys = search.matching_keys(db.session.get_bind().dialect.name, "queue", wanted.q)
    if keys is not None:
        query = query.where(Proposal.id.in_(keys))
    return query


def queue_page(
    public_body_id: int, wanted: QueueFilter, user_id: int, per_page: int = PER_PAGE
) -> QueuePage:
    """The page of the queue the filter asks for."""
    query = _filtered(_base(public_body_id), wanted, user_id)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(1, wanted.page), pages)
    order, _ = SORTS.get(wanted.sort, SORTS["received"])
    items = db.session.scalars(
        query.order_by(order.nulls_last(), Proposal.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return QueuePage(list(items), total, page, pages, status_counts(public_body_id))


def status_counts(public_body_id: int) -> dict[str, int]:
    """How many of the body's submissions are in each status."""
    rows = db.session.execute(
        select(Proposal.status, func.count())
        .where(addressed_to(public_body_id), Proposal.status != Status.DRAFT)
        .group_by(Proposal.status)
    )
    return {status.value: count for status, count in rows}


def all_rows(public_body_id: int, wanted: QueueFilter, user_id: int) -> list[Proposal]:
    """Every submission the filter matches, for the CSV download."""
    order, _ = SORTS.get(wanted.sort, SORTS["received"])
    query = _filtered(_base(public_body_id), wanted, user_id)
    return list(db.session.scalars(query.order_by(order.nulls_last(), Proposal.id.desc())))


def is_overdue(proposal: Proposal, now: datetime | None = None) -> bool:
    """Undecided after its deadline."""
    if proposal.deadline is None or proposal.status not in (Status.SUBMITTED, Status.IN_REVIEW):
        return False
    deadline = proposal.deadline
    now = now or utcnow()
    if deadline.tzinfo is None:
        now = now.replace(tzinfo=None)
    return deadline < now


def time_left_of(proposal: Proposal, today: date | None = None) -> TimeLeft | None:
    """The working days left to decide it, or by how many it is late; None when the body is
    not the one waiting (decided, withdrawn, or waiting on the proposer for information)."""
    if proposal.deadline is None or proposal.status not in (Status.SUBMITTED, Status.IN_REVIEW):
        return None
    today = today or utcnow().date()
    return time_left(aware(proposal.deadline).date(), today, bank_holidays())


CSV_COLUMNS = (
    "id",
    "kind",
    "title",
    "organisation",
    "received",
    "deadline",
    "tier",
    "proportionality",
    "stakeholders",
    "vfm",
    "sroi_ratio",
    "status",
    "assignee",
    "overdue",
    "working_days_left",
)


def csv_rows(proposals: list[Proposal]) -> list[tuple]:
    """The queue's rows for the CSV download, in CSV_COLUMNS order."""
    return [
        (
            p.id,
            p.kind,
            p.title,
            p.organisation.name,
            p.received_at.date().isoformat() if p.received_at else None,
            p.deadline.date().isoformat() if p.deadline else None,
            p.tier,
            p.proportionality_status,
            p.stakeholders_status,
            p.vfm_status,
            p.sroi_ratio,
            p.status.value,
            p.assignee.name if p.assignee else None,
            "yes" if is_overdue(p) else "no",
            clock.left if (clock := time_left_of(p)) else None,
        )
        for p in proposals
    ]
