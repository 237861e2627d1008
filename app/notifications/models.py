"""Notifications: in-app messages to one person."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..accounts.models import enum_column, utcnow
from ..extensions import db


class Notification(db.Model):
    """An in-app message to one person about a submission, leading to what it is about."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposal.id"))
    message: Mapped[str] = mapped_column(Text)
    # the address of what it is about, on SITE_URL, as its email gives it
    link: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # when an email told of it (its own, or a daily digest): the digest takes only the others
    emailed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class EmailChoice(enum.StrEnum):
    """How often a person wants email about their notifications."""

    EACH = "each"
    DAILY = "daily"


class NotificationPreference(db.Model):
    """A person's choice of email: one per notification (the default, with no row) or a digest."""

    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"), primary_key=True)
    email: Mapped[EmailChoice] = mapped_column(enum_column(EmailChoice, 10))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OutboxMail(db.Model):
    """An email written in the same transaction as what it reports, sent after the commit."""

    __table_args__ = (Index("ix_outbox_mail_pending", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    to: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
