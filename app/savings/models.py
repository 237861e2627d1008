"""A saving a submitted case claims for another body on the platform, and that body's answer."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import PublicBody, User, utcnow
from ..extensions import db
from ..proposals.models import Proposal

STATUSES = {
    "unconfirmed": "Unconfirmed",
    "confirmed": "Confirmed",
    "adjusted": "Adjusted",
    "disputed": "Disputed",
}
"""A line's status and how pages name it; every line starts unconfirmed."""
ANSWERS = ("confirmed", "adjusted", "disputed")


class SavingConfirmation(db.Model):
    """One saving line of one submitted version, as the body that would save it sees it.

    ``position`` is the line's index in the version's ``savings``; ``annual_value`` is what the
    case claims, ``adjusted_value`` what the body says instead when it adjusts the line.
    """

    __table_args__ = (UniqueConstraint("proposal_id", "version_number", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), index=True)
    version_number: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    annual_value: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    public_body_id: Mapped[int] = mapped_column(ForeignKey("public_body.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="unconfirmed")
    adjusted_value: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    reason: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    proposal: Mapped[Proposal] = relationship()
    public_body: Mapped[PublicBody] = relationship()
    answered_by: Mapped[User | None] = relationship()

    @property
    def status_name(self) -> str:
        """The status as pages say it."""
        return STATUSES.get(self.status, self.status)
