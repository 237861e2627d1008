"""A submission's messages (seen by both sides) and its internal notes (commissioners only).

Both are only ever added: nothing here is edited after it is sent. Each is signed with the
name and affiliation its author had when writing it, so a later change of name or employer
does not rewrite what was said, or by whom.
"""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User, utcnow
from ..extensions import db


class Message(db.Model):
    """One message in a submission's thread, from a member or a commissioner."""

    __table_args__ = (Index("ix_message_proposal_at", "proposal_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    side: Mapped[str] = mapped_column(String(20))  # proposer or commissioner
    signed_name: Mapped[str] = mapped_column(String(100))
    signed_for: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    author: Mapped[User] = relationship()


class InternalNote(db.Model):
    """A note between the body's commissioners about a submission; never shown to proposers."""

    __table_args__ = (Index("ix_internal_note_proposal_at", "proposal_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    signed_name: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    author: Mapped[User] = relationship()
