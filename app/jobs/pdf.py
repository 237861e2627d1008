"""Assessment PDFs rendered away from the web workers and kept in Redis for a while.

``assessment_pdf_job`` is the RQ job: it renders a submission's assessment report exactly as
the download on the review page does and stores the bytes in Redis under a key that expires
(``PDF_TTL`` seconds, an hour unless set). The job's return value is that key; ``fetch_pdf``
reads the bytes back, or None once they have expired.
"""

from __future__ import annotations

from flask import Flask, render_template
from redis import Redis
from rq import get_current_job

from ..extensions import db
from ..proposals.models import Proposal
from ..reports.pdf import render_as_pdf
from .queue import app_context

PDF_TTL = 3600
KEY_PREFIX = "valuecase:pdf:assessment"


class NotFound(LookupError):
    """The submission does not exist, or has no submitted version to report on."""


def render_assessment(app: Flask, proposal_id: int) -> bytes:
    """The assessment report PDF of a submission, as the review page's download makes it."""
    from ..triage.views import review_context

    base_url = app.config.get("PDF_BASE_URL") or "http://localhost/"
    with app.test_request_context("/", base_url=base_url):
        proposal = db.session.get(Proposal, proposal_id)
        if proposal is None or not proposal.versions:
            raise NotFound(f"submission {proposal_id} has no submitted version")
        html = render_template("reports/assessment.html", **review_context(proposal))
        return render_as_pdf(html, base_url)


def pdf_key(proposal_id: int, job_id: str) -> str:
    """Where a rendered assessment PDF is kept in Redis."""
    return f"{KEY_PREFIX}:{proposal_id}:{job_id}"


def assessment_pdf_job(proposal_id: int) -> str:
    """RQ job: render the assessment PDF and keep it in Redis until it expires; its key."""
    job = get_current_job()
    with app_context() as app:
        try:
            pdf = render_assessment(app, proposal_id)
        finally:
            db.session.rollback()  # end the read transaction: a worker lives long
        key = pdf_key(proposal_id, job.id)
        job.connection.set(key, pdf, ex=int(app.config.get("PDF_TTL") or PDF_TTL))
    return key


def fetch_pdf(connection: Redis, key: str) -> bytes | None:
    """The PDF kept under ``key``, or None when it has expired or never existed."""
    return connection.get(key)
