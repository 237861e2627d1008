"""The rendered PDFs kept in the database, one current PDF per submission and kind.

The database, not files in the instance folder: every web worker and job worker, on any
machine, reads and writes the same rows, and a PDF kept by one is served by all.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from .models import RenderedPdf


def kept_pdf(proposal_id: int, kind: str, key: str) -> bytes | None:
    """The PDF kept under ``key``, or None when none is."""
    query = select(RenderedPdf.pdf).where(
        RenderedPdf.proposal_id == proposal_id, RenderedPdf.kind == kind, RenderedPdf.key == key
    )
    return db.session.scalar(query)


def keep_pdf(proposal_id: int, kind: str, key: str, pdf: bytes) -> None:
    """Keep ``pdf`` under ``key`` and delete the submission's PDFs of that kind under any
    other key; committed. Another worker keeping the same PDF first is no failure."""
    db.session.execute(
        delete(RenderedPdf).where(
            RenderedPdf.proposal_id == proposal_id,
            RenderedPdf.kind == kind,
            RenderedPdf.key != key,
        )
    )
    db.session.add(RenderedPdf(proposal_id=proposal_id, kind=kind, key=key, pdf=pdf))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # the same PDF, kept by another worker a moment ago
