"""The public register: list, detail and CSV."""

from flask import Blueprint, abort, render_template, request

from ..csv_download import csv_response
from ..triage.grounds import GROUNDS
from . import services

bp = Blueprint("register", __name__, url_prefix="/register")


@bp.get("/", endpoint="index")
def index():
    """Decided submissions, newest first."""
    page = request.args.get("page", 1, type=int) or 1
    found, total = services.entries(page)
    pages = max(1, -(-total // services.PER_PAGE))
    return render_template(
        "register/index.html", entries=found, total=total, page=min(page, pages), pages=pages
    )


@bp.get("/<int:proposal_id>")
def detail(proposal_id: int):
    """One decision with its reasons."""
    found = services.entry(proposal_id) or abort(404)
    return render_template("register/detail.html", entry=found, grounds=GROUNDS)


@bp.get("/register.csv")
def register_csv():
    """The whole register as CSV."""
    return csv_response(
        "register.csv", services.CSV_COLUMNS, services.csv_rows(services.all_entries())
    )
