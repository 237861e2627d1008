"""Submissions (proposals), their frozen versions and the changes made to their drafts."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import Organisation, PublicBody, User, enum_column, utcnow
from ..extensions import db
from ..triage.workflow import Status

Document = JSON().with_variant(JSONB(), "postgresql")


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
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    organisation: Mapped[Organisation] = relationship()
    public_body: Mapped[PublicBody] = relationship()
    versions: Mapped[list["ProposalVersion"]] = relationship(
        back_populates="proposal", order_by="ProposalVersion.number"
    )

    __mapper_args__ = {"version_id_col": revision}

    @property
    def editable(self) -> bool:
        """Whether the proposer may change the draft now."""
        return self.status in (Status.DRAFT, Status.MORE_INFO)


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
