"""Rendering the PDFs ahead of their download, after each action that changes what they show.

``pdfs_changed`` is called after the commit of a submission, a transition, a request for
information, a judgement, a decision or a withdrawal; ``letters_changed`` after a body's
contact details change (every decision letter of the body gives them). With REDIS_URL set,
each queues a job; without, the PDFs are rendered here and now. With PREPARE_PDFS off (the
demo's history, most tests) nothing is prepared. Neither ever raises: a PDF not prepared is
rendered by its next download instead.
"""

from __future__ import annotations

import logging

from flask import current_app

from ..extensions import db
from ..jobs.queue import RESULT_TTL, job_queue

logger = logging.getLogger("valuecase.reports")

# Named, not imported: the jobs render through the review context, whose services call here.
PDFS_JOB = "app.jobs.pdf.render_pdfs_job"
LETTERS_JOB = "app.jobs.pdf.render_letters_job"


def pdfs_changed(proposal_id: int) -> None:
    """After the commit: prepare the submission's PDFs as it stands now."""
    _prepare(PDFS_JOB, proposal_id, "Rendering PDFs")


def letters_changed(public_body_id: int) -> None:
    """After the commit: prepare the decision letters of every decided submission to a body."""
    _prepare(LETTERS_JOB, public_body_id, "Rendering decision letters")


def _prepare(job: str, argument: int, description: str) -> None:
    if not current_app.config.get("PREPARE_PDFS", True):
        return
    try:
        queue = job_queue(current_app.config)
        if queue is not None:
            queue.enqueue(job, argument, result_ttl=RESULT_TTL, description=description)
            return
        from . import services  # the rendering reads the triage services, which call here

        if job == LETTERS_JOB:
            for proposal_id in services.decided_proposal_ids(argument):
                services.render_missing(proposal_id)
        else:
            services.render_missing(argument)
    except Exception:
        db.session.rollback()
        logger.exception("PDFs left to be rendered when next downloaded")
