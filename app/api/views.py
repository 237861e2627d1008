"""JSON API v1: the proposal schemas and the check."""

from flask import Blueprint, abort, current_app, jsonify, request

from ..extensions import csrf, limiter
from ..proposals.document import (
    MAX_DOCUMENT_BYTES,
    VERSIONS,
    DocumentInvalid,
    load_document,
    schema,
)

bp = Blueprint("api", __name__, url_prefix="/api/v1")
ARITHMETIC_FAILED = (
    "The value account of this document cannot be worked out: its figures are beyond what "
    "the calculator can handle. Check the amounts, quantities and shares."
)


@bp.get("/ping")
def ping():
    """A trivial answer that touches neither the database nor the rules: for load tests."""
    return {"ok": True}


@bp.get("/schema/proposal", defaults={"number": 2})
@bp.get("/schema/proposal/<int:number>")
def proposal_schema(number: int):
    """The JSON Schema of the proposal document: proposal/2, or that of the format version
    numbered (1 is still read, and converted to 2)."""
    if number not in VERSIONS:
        abort(404)
    response = jsonify(schema(number))
    response.mimetype = "application/schema+json"
    return response


@bp.post("/check")
@csrf.exempt
@limiter.limit(lambda: current_app.config["RATELIMIT_CHECK"])
def check():
    """Check a proposal document (proposal/2, or proposal/1 converted on reading): the check
    report, or 422 with every error (or with why its arithmetic cannot be done, which no
    document the schema accepts should ever meet)."""
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
