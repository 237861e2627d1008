"""Submissions (proposals), their frozen versions and the changes made to their drafts."""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, defer, mapped_column, relationship, selectinload, validates

from ..accounts.models import Organisation, PublicBody, User, enum_column, utcnow
from ..extensions import JSONDocument as Document
from ..extensions import db
from ..names import normalise_name
from .sections import BY_KEY, Section
from .workflow import Status


class Proposal(db.Model):
    """A right-to-challenge or right-to-propose submission and its working draft."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    public_body_id: Mapped[int] = mapped_column(ForeignKey("public_body.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[Status] = mapped_column(enum_column(Status, 30), default=Status.DRAFT)
    draft: Mapped[dict[str, Any]] = mapped_column(Document)
    typed: Mapped[dict[str, Any]] = mapped_column(Document, default=dict)
    completed_sections: Mapped[list[str]] = mapped_column(Document, default=list)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deadline: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), index=True)
    # the published service a challenge or proposal concerns, when it names one
    baseline_id: Mapped[int | None] = mapped_column(ForeignKey("service_baseline.id"), index=True)
    # the latest check of the latest submitted version, kept here for the queue's filters
    tier: Mapped[str | None] = mapped_column(String(10))
    proportionality_status: Mapped[str | None] = mapped_column(String(10))
    stakeholders_status: Mapped[str | None] = mapped_column(String(10))
    vfm_status: Mapped[str | None] = mapped_column(String(10))
    readiness: Mapped[int | None] = mapped_column(Integer)
    sroi_ratio: Mapped[float | None] = mapped_column(Numeric(14, 2))

    organisation: Mapped[Organisation] = relationship()
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    public_body: Mapped[PublicBody] = relationship()
    versions: Mapped[list["ProposalVersion"]] = relationship(
        back_populates="proposal", order_by="ProposalVersion.number"
    )

    __mapper_args__ = {"version_id_col": revision}
    __table_args__ = (
        # on PostgreSQL the counts of a filtered queue are read from this index alone
        Index(
            "ix_proposal_body_status",
            "public_body_id",
            "status",
            postgresql_include=[
                "kind",
                "tier",
                "proportionality_status",
                "stakeholders_status",
                "vfm_status",
                "assignee_id",
            ],
        ),
        Index("ix_proposal_body_deadline", "public_body_id", "deadline"),
        Index("ix_proposal_status_submitted", "status", "submitted_at"),
    )

    @validates("title")
    def _normalise_title(self, _key: str, title: str) -> str:
        """Titles are stored NFKC-normalised, as every name people read is."""
        return normalise_name(title)

    def record_report(self, report: dict | None) -> None:
        """Keep the check report's headline figures for the queue."""
        if not report or "areas" not in report:
            return
        areas = report["areas"]
        self.tier = report.get("tier")
        self.proportionality_status = areas["proportionality"]["status"]
        self.stakeholders_status = areas["stakeholders"]["status"]
        self.vfm_status = areas["vfm"]["status"]
        self.readiness = sum(int(area["score"]) for area in areas.values())
        ratio = (report.get("value") or {}).get("sroi_ratio")
        self.sroi_ratio = ratio if ratio is None or abs(ratio) < 1e12 else None

    @property
    def editable(self) -> bool:
        """Whether the proposer may change the draft now."""
        return self.status in (Status.DRAFT, Status.MORE_INFO)


# The queue's sort orders (empty values last, then newest id), so a page is read in order.
for _name, _column in (
    ("ix_proposal_body_received", Proposal.received_at),
    ("ix_proposal_body_readiness", Proposal.readiness),
    ("ix_proposal_body_ratio", Proposal.sroi_ratio),
):
    Index(_name, Proposal.public_body_id, _column.desc().nulls_last(), Proposal.id.desc())


class ProposalVersion(db.Model):
    """A submitted version, frozen."""

    __table_args__ = (UniqueConstraint("proposal_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(Document)
    check_report: Mapped[dict[str, Any] | None] = mapped_column(Document)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    proposal: Mapped[Proposal] = relationship(back_populates="versions")
    submitted_by: Mapped[User | None] = relationship()


class DraftChange(db.Model):
    """One saved change to a draft: who changed which section, and which fields."""

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    user: Mapped[User | None] = relationship()


class AuditEvent(db.Model):
    """A transition or assignment: who did what, when and why."""

    __table_args__ = (Index("ix_audit_event_proposal_at", "proposal_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"))
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str | None] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    actor: Mapped[User | None] = relationship()


class InformationRequest(db.Model):
    """A commissioner's request for more information, naming the sections that need work.

    ``needs`` holds, in task-list order, each section named and what is needed of it:
    ``[{"section": key, "needed": text}]``. Only those sections reopen for the proposer. The
    request is answered when the proposer resubmits, or closed when the case is decided,
    withdrawn or the request is withdrawn while it waits.
    """

    __table_args__ = (Index("ix_information_request_proposal", "proposal_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"))
    version_number: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    needs: Mapped[list[dict[str, str]]] = mapped_column(Document, default=list)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # why a request closed unanswered: the step that closed it (accept, reject, withdraw, ...)
    closed_by_step: Mapped[str | None] = mapped_column(String(40))

    author: Mapped[User | None] = relationship()

    @property
    def is_open(self) -> bool:
        """Whether the proposer is still asked to answer it."""
        return self.answered_at is None and self.closed_at is None

    @property
    def section_keys(self) -> list[str]:
        """The keys of the sections it names, in task-list order."""
        return [need["section"] for need in self.needs or []]

    @property
    def named(self) -> list[tuple[Section, str]]:
        """Each section it names with what is needed of it, in task-list order."""
        return [
            (BY_KEY[need["section"]], need["needed"])
            for need in self.needs or []
            if need["section"] in BY_KEY
        ]

    def needed_for(self, section_key: str) -> str | None:
        """What is needed of one section, or None when the request does not name it."""
        return next(
            (need["needed"] for need in self.needs or [] if need["section"] == section_key), None
        )


LIGHTLY = (
    defer(Proposal.draft),
    defer(Proposal.typed),
    selectinload(Proposal.versions).options(
        defer(ProposalVersion.document), defer(ProposalVersion.check_report)
    ),
)
"""Load a submission without its draft, and its versions without their documents and check
reports: at the size limit each is a large JSON value, and most pages read one or none (each
is loaded when first read)."""
