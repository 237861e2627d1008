"""What commissioners record: documented judgements and decisions with reasons."""

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User, utcnow
from ..extensions import JSONDocument as Document
from ..extensions import db

AREAS = ("proportionality", "stakeholders", "vfm")


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
