"""PDF downloads: the assessment report and the decision letter for commissioners, and the
decision letter for the organisation's members (from the proposals blueprint).

Each is served from the PDFs kept by key (``services.current_pdf``), rendered on the spot
only when the one for what the document shows now is not kept yet.
"""

from flask import Blueprint, Response, abort
from flask_login import current_user

from ..accounts.access import role_required
from ..accounts.models import Role
from ..proposals.models import Proposal
from ..triage import services as triage
from .documents import ASSESSMENT, DECISION_LETTER
from .services import current_pdf

bp = Blueprint("reports", __name__, url_prefix="/triage")


def pdf_response(pdf: bytes, name: str) -> Response:
    """A PDF download."""
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}.pdf"'},
    )


def decision_letter_response(proposal: Proposal) -> Response:
    """The decision letter as a PDF download; 404 while the submission is undecided."""
    decision = triage.decision_for(proposal) or abort(404)
    reference = decision.reference
    pdf = current_pdf(proposal, DECISION_LETTER) or abort(404)
    return pdf_response(pdf, f"decision-{reference}")


@bp.get("/<int:proposal_id>/assessment.pdf")
@role_required(Role.COMMISSIONER)
def assessment(proposal_id: int):
    """Summary, check report, value account with charts, judgements, decision and reasons."""
    proposal = triage.proposal_for_commissioner(proposal_id, current_user) or abort(404)
    pdf = current_pdf(proposal, ASSESSMENT) or abort(404)
    return pdf_response(pdf, f"assessment-{proposal_id}")


@bp.get("/<int:proposal_id>/decision-letter.pdf")
@role_required(Role.COMMISSIONER)
def decision_letter(proposal_id: int):
    """The letter telling the organisation the decision and its reasons."""
    proposal = triage.proposal_for_commissioner(proposal_id, current_user) or abort(404)
    return decision_letter_response(proposal)
