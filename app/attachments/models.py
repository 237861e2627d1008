"""Attachments: the record of a file kept outside the web root under a random name.

An attachment is immutable: its bytes are written once and never replaced, and the row
keeps their size and SHA-256 so what was uploaded can be proven later. It can only be
deleted, and only while no submitted version cites it.
"""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User, utcnow
from ..extensions import db
from ..messages.models import Message


class Attachment(db.Model):
    """A file attached to a submission, alone or with a message."""

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"), index=True)
    uploader_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    uploader: Mapped[User] = relationship()
    message: Mapped[Message | None] = relationship()
