"""A decommissioning assessment, and the record of who did what to it."""

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..accounts.models import PublicBody, User, utcnow
from ..baselines.models import ServiceBaseline
from ..extensions import JSONDocument as Document
from ..extensions import db

CHANGES = {
    "stop": "Stop the service",
    "reduce": "Reduce the service",
    "change_provider": "Change the provider or the model of delivery",
    "merge": "Merge it with another service",
}
DECISIONS = {
    "proceed": "Proceed with the change",
    "proceed_with_changes": "Proceed with changes",
    "do_not_proceed": "Do not proceed",
}
DRAFT, DECIDED = "draft", "decided"


class DecommissioningAssessment(db.Model):
    """What stopping or changing a service puts at risk, for whom, and the decision on it.

    ``content`` is the assessment as :mod:`app.decommissioning.document` reads it: the change,
    the affected groups (each with its lost outcome, consultation and mitigation), the
    options, the equality effects and the transition. Amounts are kept as decimal strings.
    ``revision`` goes up with every save, so a page saved from an older view is refused.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    public_body_id: Mapped[int] = mapped_column(ForeignKey("public_body.id"), index=True)
    baseline_id: Mapped[int | None] = mapped_column(ForeignKey("service_baseline.id"), index=True)
    service_name: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[dict[str, Any]] = mapped_column(Document, default=dict)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default=DRAFT, index=True)
    decision: Mapped[str] = mapped_column(String(30), default="")
    reasons: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    public_body: Mapped[PublicBody] = relationship()
    baseline: Mapped[ServiceBaseline | None] = relationship(
        backref=backref(
            "published_decommissioning",
            primaryjoin=(
                "and_(ServiceBaseline.id == DecommissioningAssessment.baseline_id, "
                f"DecommissioningAssessment.status == '{DECIDED}')"
            ),
            order_by="DecommissioningAssessment.decided_at.desc()",
            viewonly=True,
        )
    )
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    @property
    def name(self) -> str:
        """The service's name: its baseline's, or the one the assessment gives."""
        return self.baseline.name if self.baseline else self.service_name

    @property
    def decided(self) -> bool:
        """Whether the decision is made (and the assessment published)."""
        return self.status == DECIDED


class DecommissioningEvent(db.Model):
    """One thing done to an assessment: created, changed, decided."""

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("decommissioning_assessment.id"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    actor: Mapped[User | None] = relationship()
