"""What commissioners record: documented judgements and decisions with reasons."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..accounts.models import PublicBody, User, utcnow
from ..checks.catalogue import AREAS as AREAS  # the areas judgements are on: the checks' own
from ..extensions import JSONDocument as Document
from ..extensions import db
from ..proposals.models import Proposal
from .grounds import GROUNDS, GROUNDS_CITATION


class Judgement(db.Model):
    """A commissioner's documented judgement on one area of a submission."""

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    version_number: Mapped[int]
    area: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(String(200))
    judgement: Mapped[str] = mapped_column(Text)
    rationale: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    author: Mapped[User] = relationship()


class Decision(db.Model):
    """The decision on a submission, with its reasons; published on the register."""

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), unique=True)
    outcome: Mapped[str] = mapped_column(String(20))  # accepted or rejected
    grounds: Mapped[list[str]] = mapped_column(Document, default=list)
    reasons: Mapped[str] = mapped_column(Text)
    next_steps: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    decided_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
    summary: Mapped[dict[str, Any]] = mapped_column(Document, default=dict)

    decided_by: Mapped[User] = relationship()
    # read-only both ways: the proposer's page reads ``proposal.decision``; a decision is only
    # ever written here, by the commissioner's confirmed decision
    proposal: Mapped[Proposal] = relationship(
        backref=backref("decision", uselist=False, viewonly=True), viewonly=True
    )

    # where the grounds of a rejected challenge are set out, as letters and pages cite them
    grounds_citation = GROUNDS_CITATION

    @property
    def reference(self) -> str:
        """The decision letter's reference, stable as it is made of the body, the submission
        and the year of the decision: VC-<body>-<submission>-<year>."""
        return f"VC-{self.proposal.public_body_id}-{self.proposal_id}-{self.decided_at.year}"

    @property
    def ground_texts(self) -> list[str]:
        """The statutory grounds relied on, in the words of the Schedule to SI 2012/1647."""
        return [GROUNDS.get(key, key) for key in self.grounds or []]


class Reminder(db.Model):
    """The day a commissioner was emailed about submissions due soon or overdue.

    One a person a day: running the reminders again the same day finds the row and sends
    nothing more.
    """

    __table_args__ = (UniqueConstraint("user_id", "sent_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    sent_on: Mapped[date] = mapped_column(Date)
    cases: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CoCommissioner(db.Model):
    """A public body a submission is also addressed to, beside its lead body, and where that
    body stands on it: no position yet, supports, supports with conditions, or opposes."""

    __table_args__ = (UniqueConstraint("proposal_id", "public_body_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    public_body_id: Mapped[int] = mapped_column(ForeignKey("public_body.id"), index=True)
    position: Mapped[str] = mapped_column(String(30), default="none")
    reason: Mapped[str] = mapped_column(Text, default="")
    stated_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    stated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    public_body: Mapped[PublicBody] = relationship()
    stated_by: Mapped[User | None] = relationship()
