"""JSON API v1: the proposal schemas, the check, and the register as open data."""

from flask import Blueprint, Response, abort, current_app, jsonify, request, stream_with_context

from ..extensions import csrf, limiter
from ..proposals.document import (
    MAX_DOCUMENT_BYTES,
    VERSIONS,
    DocumentInvalid,
    load_document,
    schema,
)
from ..register import opendata
from ..register.filters import read_filter, read_page
from ..register.ocds import stream_package

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


def _bad_arguments(errors: dict[str, str]):
    return {"errors": [{"parameter": k, "message": m} for k, m in errors.items()]}, 400


@bp.get("/register")
def register_records():
    """Decided submissions as JSON, newest first, a page at a time, filtered as the register
    page is (docs/register.md); 400 with every error for arguments it cannot read."""
    wanted, errors = read_filter(request.args)
    page, per_page, page_errors = read_page(request.args, opendata.PER_PAGE, opendata.MAX_PER_PAGE)
    if errors or page_errors:
        return _bad_arguments(errors | page_errors)
    return opendata.page_document(wanted, page, per_page)


@bp.get("/register/ocds")
def register_ocds():
    """The matching decisions and their contracts as an OCDS 1.1.5 release package, streamed;
    404 when nothing matches (a release package holds at least one release)."""
    wanted, errors = read_filter(request.args)
    if errors:
        return _bad_arguments(errors)
    pieces = stream_package(
        opendata.publication(wanted), opendata.package_uri(wanted), opendata.site_url()
    )
    if pieces is None:
        return {"errors": [{"parameter": None, "message": "No decision matches."}]}, 404
    return Response(stream_with_context(pieces), mimetype="application/json")
