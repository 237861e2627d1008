"""The public register: list, detail and CSV."""

from flask import Blueprint, abort, render_template, request

from ..accounts.models import utcnow
from ..baselines.services import transparency_gaps
from ..csv_download import csv_response
from ..delivery.services import delivery_record
from ..triage import joint
from ..triage.grounds import GROUNDS
from . import filters, services

bp = Blueprint("register", __name__, url_prefix="/register")


@bp.get("/", endpoint="index")
def index():
    """Decided submissions, newest first, searched and filtered as the query string asks (an
    argument it cannot read is left out)."""
    wanted, _ = filters.read_filter(request.args)
    page, _, _ = filters.read_page(request.args, services.PER_PAGE, services.PER_PAGE)
    found, total = services.entries(page, services.PER_PAGE, wanted)
    pages = services.last_page(total, services.PER_PAGE)
    return render_template(
        "register/index.html",
        entries=found,
        total=total,
        page=min(page, pages),
        pages=pages,
        wanted=wanted,
        args=wanted.query_args(),
        choices=filters.choices(services.bodies(), services.years()),
        gaps=transparency_gaps(),
    )


@bp.get("/<int:proposal_id>")
def detail(proposal_id: int):
    """One decision with its reasons."""
    found = services.entry(proposal_id) or abort(404)
    delivery = delivery_record(proposal_id, utcnow().date())
    return render_template(
        "register/detail.html",
        entry=found,
        grounds=GROUNDS,
        delivery=delivery,
        co_commissioners=joint.co_commissioners(proposal_id),
        positions=joint.POSITIONS,
    )


@bp.get("/register.csv")
def register_csv():
    """The whole register as CSV."""
    return csv_response(
        "register.csv", services.CSV_COLUMNS, services.csv_rows(services.all_entries())
    )
