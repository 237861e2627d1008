"""Rendered PDFs, kept by the key of what they show so that a download never waits for one."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..accounts.models import utcnow
from ..extensions import db


class RenderedPdf(db.Model):
    """One rendered PDF of a submission: ``kind`` is ``assessment`` or ``decision-letter``,
    ``key`` the digest of the exact HTML it was rendered from (with the renderer's salt).

    Derived data: rebuilt from the rest of the database whenever it is missing, so backups
    leave it out.
    """

    __tablename__ = "rendered_pdf"
    __table_args__ = (
        UniqueConstraint("proposal_id", "kind", "key"),
        {"info": {"derived": True}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id"))
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
