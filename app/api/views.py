"""JSON API v1: the proposal schema and the check."""

from flask import Blueprint, current_app, jsonify, request

from ..extensions import csrf, limiter
from ..proposals.document import MAX_DOCUMENT_BYTES, DocumentInvalid, load_document, schema

bp = Blueprint("api", __name__, url_prefix="/api/v1")
ARITHMETIC_FAILED = (
    "The value account of this document cannot be worked out: its figures are beyond what "
    "the calculator can handle. Check the amounts, quantities and shares."
)


@bp.get("/ping")
def ping():
    """A trivial answer that touches neither the database nor the rules: for load tests."""
    return {"ok": True}


@bp.get("/schema/proposal")
def proposal_schema():
    """The JSON Schema of the proposal document (format proposal/1)."""
    response = jsonify(schema())
    response.mimetype = "application/schema+json"
    return response


@bp.post("/check")
@csrf.exempt
@limiter.limit(lambda: current_app.config["RATELIMIT_CHECK"])
def check():
    """Check a proposal document: the check report, or 422 with every error (or with why its
    arithmetic cannot be done, which no document the schema accepts should ever meet)."""
    raw = request.get_data(cache=False)
    if len(raw) > MAX_DOCUMENT_BYTES:
        return {"errors": [{"path": "", "message": "The document is larger than 1 MB."}]}, 413
    try:
        document = load_document(raw)
    except DocumentInvalid as invalid:
        return {"errors": [error.as_dict() for error in invalid.errors]}, 422
    try:
        return current_app.extensions["rulebook"].check(document)
    except ArithmeticError:  # decimal's errors included: a 422 that says so, not a 500
        current_app.logger.exception("the value account of a checked document failed")
        return {"errors": [{"path": "", "message": ARITHMETIC_FAILED}]}, 422
