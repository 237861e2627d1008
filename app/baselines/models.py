"""A service a public body runs or buys, as its commissioners publish it."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import PublicBody, User, utcnow
from ..extensions import JSONDocument as Document
from ..extensions import db

COST_BASES = {
    "full": "Full cost, including overheads",
    "direct": "Direct cost only, without overheads",
}
PROVIDERS = {"in_house": "Run by the body itself", "named": "Bought from a provider"}


class ServiceBaseline(db.Model):
    """What a service costs and creates today: the baseline a challenge or proposal starts from.

    ``outcomes`` is a list of ``{"description": ..., "indicator": ...}``. A baseline with no
    ``annual_cost`` is a transparency gap, shown as one on the register.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    public_body_id: Mapped[int] = mapped_column(ForeignKey("public_body.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    provider_kind: Mapped[str] = mapped_column(String(20), default="in_house")
    provider_name: Mapped[str] = mapped_column(String(200), default="")
    annual_cost: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    cost_basis: Mapped[str] = mapped_column(String(20), default="")
    cost_note: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[list[dict[str, Any]]] = mapped_column(Document, default=list)
    contract_end: Mapped[date | None] = mapped_column(Date)
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))

    public_body: Mapped[PublicBody] = relationship()
    updated_by: Mapped[User | None] = relationship()

    @property
    def provider(self) -> str:
        """Who runs the service, as pages say it."""
        if self.provider_kind == "named" and self.provider_name:
            return self.provider_name
        return f"{self.public_body.name} (in-house)"

    @property
    def cost_gap(self) -> bool:
        """No annual cost published: a transparency gap."""
        return self.annual_cost is None
