"""Fixtures: the triage tests' body, commissioners and submitted challenge, and helpers to
read the PDFs kept for a submission."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.extensions import db
from app.reports.models import RenderedPdf
from tests.triage.conftest import (  # noqa: F401  (fixtures shared with the triage tests)
    body,
    challenge,
    commissioner,
    commissioner_client,
    proposer,
    reviewer,
)


@pytest.fixture(autouse=True)
def preparing_pdfs(app, monkeypatch):
    """These tests are about PDFs prepared after each action: turn that on."""
    monkeypatch.setitem(app.config, "PREPARE_PDFS", True)


def kept(proposal_id: int, kind: str) -> list[bytes]:
    """Every PDF of this kind kept for the submission."""
    db.session.expire_all()
    query = select(RenderedPdf.pdf).where(
        RenderedPdf.proposal_id == proposal_id, RenderedPdf.kind == kind
    )
    return list(db.session.scalars(query))


def pdf_text(data: bytes) -> str:
    """The text of every page."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
