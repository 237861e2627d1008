"""PDFs rendered by a worker ahead of their download, and kept in the database.

``render_pdfs_job`` renders a submission's assessment report and, once it is decided, its
decision letter, each only when the one kept is not current (``app.reports.services``);
``render_letters_job`` does the letters of every decided submission to a body, after its
contact details change. ``app.reports.prepare`` queues them after each action.
"""

from __future__ import annotations

from flask import Flask

from ..extensions import db
from ..proposals.models import Proposal
from ..reports.documents import ASSESSMENT, rendering_context, source
from ..reports.services import decided_proposal_ids, render_missing, rendered
from .queue import app_context


class NotFound(LookupError):
    """The submission does not exist, or has no submitted version to report on."""


def render_assessment(app: Flask, proposal_id: int) -> bytes:
    """The assessment report PDF of a submission, rendered now (nothing is kept)."""
    with app.app_context(), rendering_context():
        proposal = db.session.get(Proposal, proposal_id)
        found = source(proposal, ASSESSMENT) if proposal is not None else None
        if found is None:
            raise NotFound(f"submission {proposal_id} has no submitted version")
        return rendered(found)


def render_pdfs_job(proposal_id: int) -> list[str]:
    """RQ job: render and keep whichever of a submission's PDFs is not current; their kinds."""
    with app_context():
        try:
            return render_missing(proposal_id)
        finally:
            db.session.rollback()  # end the read transaction: a worker lives long


def render_letters_job(public_body_id: int) -> int:
    """RQ job: bring every decision letter of a body up to date; how many were rendered."""
    with app_context():
        try:
            return sum(len(render_missing(pid)) for pid in decided_proposal_ids(public_body_id))
        finally:
            db.session.rollback()
