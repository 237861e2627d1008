"""The public register: list, detail and CSV."""

import csv
import io

from flask import Blueprint, Response, abort, render_template, request

from ..triage.grounds import GROUNDS
from . import services

bp = Blueprint("register", __name__, url_prefix="/register")
COLUMNS = [
    "id",
    "decided",
    "public_body",
    "service",
    "kind",
    "title",
    "organisation",
    "decision",
    "grounds",
    "reasons",
    "current_annual_cost",
    "present_value",
    "investment",
    "sroi_ratio",
]


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
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for e in services.all_entries():
        s = e.decision.summary or {}
        writer.writerow(
            [
                e.proposal.id,
                e.decision.decided_at.date().isoformat(),
                e.proposal.public_body.name,
                s.get("service", ""),
                e.proposal.kind,
                e.proposal.title,
                e.proposal.organisation.name,
                e.decision.outcome,
                "; ".join(GROUNDS.get(g, g) for g in e.decision.grounds),
                e.decision.reasons,
                _blank(s.get("current_annual_cost")),
                _blank(s.get("present_value")),
                _blank(s.get("investment")),
                _blank(s.get("sroi_ratio")),
            ]
        )
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="register.csv"'},
    )


def _blank(value) -> str:
    return "" if value is None else str(value)
