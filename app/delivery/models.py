"""Contracts that follow accepted cases, their versions, and the results reported on them."""

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import Organisation, PublicBody, User, utcnow
from ..extensions import JSONDocument as Document
from ..extensions import db
from ..proposals.models import Proposal
from .terms import ContractTerms


class Contract(db.Model):
    """The contract a body records after accepting a case (or after the procurement a
    challenge led to): who delivers it and on what terms, version by version."""

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"), unique=True)
    public_body_id: Mapped[int] = mapped_column(ForeignKey("public_body.id"), index=True)
    provider_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id"), index=True
    )
    provider_name: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    proposal: Mapped[Proposal] = relationship()
    public_body: Mapped[PublicBody] = relationship()
    provider_organisation: Mapped[Organisation | None] = relationship()
    versions: Mapped[list["ContractVersion"]] = relationship(
        back_populates="contract", order_by="ContractVersion.number"
    )
    reports: Mapped[list["ResultsReport"]] = relationship(
        back_populates="contract", order_by="ResultsReport.period_number"
    )

    @property
    def current(self) -> "ContractVersion":
        return self.versions[-1]

    @property
    def terms(self) -> ContractTerms:
        return ContractTerms.from_json(self.current.terms)

    @property
    def provider(self) -> str:
        """Who delivers the service, as pages name them."""
        if self.provider_organisation is not None:
            return self.provider_organisation.name
        return self.provider_name

    def report_for(self, period_number: int) -> "ResultsReport | None":
        return next((r for r in self.reports if r.period_number == period_number), None)


class ContractVersion(db.Model):
    """The terms as recorded or changed, with who changed them and why."""

    __table_args__ = (UniqueConstraint("contract_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    terms: Mapped[dict[str, Any]] = mapped_column(Document)
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    contract: Mapped[Contract] = relationship(back_populates="versions")
    changed_by: Mapped[User | None] = relationship()


class ResultsReport(db.Model):
    """One period's results: reported by the provider, verified figure by figure by the body.

    ``figures`` maps each line key (``outcome:<id>``, ``measure:<id>``, ``input:<n>``) to
    ``{"value": "12", "evidence": "...", "reason": "..."}``; ``checks`` maps the same keys to
    the commissioner's ``{"verdict": ..., "value": ..., "reason": ...}``.
    """

    __table_args__ = (UniqueConstraint("contract_id", "period_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"), index=True)
    period_number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    figures: Mapped[dict[str, Any]] = mapped_column(Document, default=dict)
    checks: Mapped[dict[str, Any]] = mapped_column(Document, default=dict)
    learning: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))

    contract: Mapped[Contract] = relationship(back_populates="reports")
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])
    verified_by: Mapped[User | None] = relationship(foreign_keys=[verified_by_id])
