"""PDF downloads: the assessment report and the decision letter for commissioners, and the
decision letter for the organisation's members (from the proposals blueprint)."""

from flask import Blueprint, Response, abort, render_template, request
from flask_login import current_user

from ..accounts.access import role_required
from ..accounts.models import Role
from ..proposals.models import Proposal
from ..triage import services
from ..triage.letters import letter_context
from ..triage.review import review_context
from .pdf import render_as_pdf

bp = Blueprint("reports", __name__, url_prefix="/triage")


def pdf_response(html: str, name: str) -> Response:
    """A PDF download."""
    return Response(
        render_as_pdf(html, request.url_root),
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}.pdf"'},
    )


def decision_letter_response(proposal: Proposal) -> Response:
    """The decision letter as a PDF download; 404 while the submission is undecided."""
    decision = services.decision_for(proposal) or abort(404)
    html = render_template("reports/decision_letter.html", **letter_context(proposal, decision))
    return pdf_response(html, f"decision-{decision.reference}")


@bp.get("/<int:proposal_id>/assessment.pdf")
@role_required(Role.COMMISSIONER)
def assessment(proposal_id: int):
    """Summary, check report, value account with charts, judgements, decision and reasons."""
    proposal = services.proposal_for_commissioner(proposal_id, current_user) or abort(404)
    html = render_template("reports/assessment.html", **review_context(proposal))
    return pdf_response(html, f"assessment-{proposal.id}")


@bp.get("/<int:proposal_id>/decision-letter.pdf")
@role_required(Role.COMMISSIONER)
def decision_letter(proposal_id: int):
    """The letter telling the organisation the decision and its reasons."""
    proposal = services.proposal_for_commissioner(proposal_id, current_user) or abort(404)
    return decision_letter_response(proposal)
