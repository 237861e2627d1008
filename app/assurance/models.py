"""An assurance statement on something published."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User, utcnow
from ..extensions import db

CONCLUSIONS = {
    "assured": "Assured: the figures and claims are fairly stated",
    "exceptions": "Assured with exceptions: fairly stated except as set out in the scope",
    "not_assured": "Not assured: the figures or claims are not fairly stated",
}
SUBJECTS = {
    "case": "a decided case",
    "contract": "a contract's results",
    "assessment": "a decommissioning assessment",
}


class AssuranceStatement(db.Model):
    """Who verified what, against which standard, when, over what scope, concluding what."""

    __table_args__ = (Index("ix_assurance_statement_subject", "subject_kind", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int] = mapped_column(Integer)
    assurer_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    assurer_name: Mapped[str] = mapped_column(String(200))  # as signed, kept if they leave
    assurer_organisation: Mapped[str] = mapped_column(String(200))
    standard: Mapped[str] = mapped_column(String(200))
    verified_on: Mapped[date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text)
    conclusion: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    assurer: Mapped[User] = relationship()

    @property
    def conclusion_text(self) -> str:
        return CONCLUSIONS.get(self.conclusion, self.conclusion)
