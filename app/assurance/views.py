"""Assurance: an assurer chooses what to assure and publishes a statement on it."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from . import services
from .forms import StatementForm
from .models import SUBJECTS

bp = Blueprint("assurance", __name__, url_prefix="/assurance")


def assurer_only() -> None:
    if not current_user.assurer:
        abort(403)


@bp.get("/")
@login_required
def index():
    """What an assurer may assure: decided cases and contracts."""
    assurer_only()
    subjects = services.assurable()
    return render_template("assurance/index.html", subjects=subjects, kinds=SUBJECTS)


@bp.route("/<kind>/<int:subject_id>", methods=["GET", "POST"])
@login_required
def new(kind: str, subject_id: int):
    """Publish an assurance statement on one published case, contract or assessment."""
    assurer_only()
    subject = services.subject_of(kind, subject_id) or abort(404)
    refusal = services.independence_problem(current_user, subject)
    form = StatementForm()
    if refusal is None and form.validate_on_submit():
        if form.verified_on.data > services.latest_date_allowed():
            form.verified_on.errors = [
                "The date the assurance was completed must be today or in the past"
            ]
        else:
            services.publish(subject, current_user, form.data)
            flash("Assurance statement published", "success")
            endpoint, values = subject.link
            return redirect(url_for(endpoint, **values))
    return render_template(
        "assurance/new.html", form=form, subject=subject, refusal=refusal, kinds=SUBJECTS
    )


@bp.app_template_global()
def assurance_statements(kind: str, subject_id: int):
    """The statements published on a subject, for the pages that show it."""
    return services.statements_on(kind, subject_id)
