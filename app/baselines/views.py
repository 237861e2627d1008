"""Service baselines: the public list and pages, and the commissioners' publishing pages."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import search
from ..accounts.access import role_required
from ..accounts.models import Role
from ..extensions import db
from . import services
from .forms import MOST_OUTCOMES, BaselineForm
from .models import COST_BASES, ServiceBaseline

bp = Blueprint("baselines", __name__, url_prefix="/baselines")


@bp.get("/", endpoint="index")
def index():
    """Every published baseline, by body, with the transparency gaps marked; one body's, or
    those matching a search, when the query string asks (a body it cannot read is left out)."""
    body_id = request.args.get("body", type=int)
    body_id = body_id if body_id is not None and 0 < body_id < 2**31 else None
    q = search.cleaned(request.args.get("q"))
    page = request.args.get("page", 1, type=int) or 1
    found, total = services.published(body_id, page, q)
    pages = max(1, -(-total // services.PER_PAGE))
    return render_template(
        "baselines/index.html",
        baselines=found,
        total=total,
        page=min(max(page, 1), pages),
        pages=pages,
        body_id=body_id,
        q=q,
        args={key: value for key, value in (("body", body_id), ("q", q)) if value},
        bodies=services.bodies_with_baselines(),
        gaps=services.transparency_gaps(),
        mine=current_user.is_authenticated and current_user.role == Role.COMMISSIONER,
    )


@bp.get("/<int:baseline_id>")
def show(baseline_id: int):
    """One service: what it costs, what it includes and what it creates."""
    baseline = db.session.get(ServiceBaseline, baseline_id) or abort(404)
    editable = (
        services.for_commissioner(baseline_id, current_user) is not None
        if (current_user.is_authenticated)
        else False
    )
    return render_template(
        "baselines/show.html", baseline=baseline, bases=COST_BASES, editable=editable
    )


def rows_for(form: BaselineForm, outcomes: list[dict]) -> None:
    """Put stored outcomes into the form's rows (a GET only)."""
    for row, outcome in zip(form.outcomes, outcomes, strict=False):
        row.form.description.data = outcome.get("description")
        row.form.indicator.data = outcome.get("indicator")


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def new():
    """Publish a service the commissioner's body runs or buys."""
    form = BaselineForm()
    if form.validate_on_submit():
        baseline = services.publish(form.data, current_user)
        flash("Service published", "success")
        return redirect(url_for(".show", baseline_id=baseline.id))
    return render_template("baselines/form.html", form=form, baseline=None, rows=MOST_OUTCOMES)


@bp.route("/<int:baseline_id>/edit", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def edit(baseline_id: int):
    """Change what a service costs or creates."""
    baseline = services.for_commissioner(baseline_id, current_user) or abort(404)
    form = BaselineForm(obj=None if request.method == "POST" else baseline)
    if request.method == "GET":
        rows_for(form, baseline.outcomes)
    form.submit.label.text = "Save changes"
    if form.validate_on_submit():
        services.change(baseline, form.data, current_user)
        flash("Service changed", "success")
        return redirect(url_for(".show", baseline_id=baseline.id))
    return render_template("baselines/form.html", form=form, baseline=baseline, rows=MOST_OUTCOMES)
