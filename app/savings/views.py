"""The saving body's pages: the lines awaiting its commissioners, and the answer to each."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from ..accounts.access import role_required
from ..accounts.models import Role
from . import services
from .forms import AnswerForm

bp = Blueprint("savings", __name__, url_prefix="/savings")
bp.add_app_template_global(services.confirmations, "saving_confirmations")


@bp.get("/", endpoint="index")
@role_required(Role.COMMISSIONER)
def index():
    """The savings other bodies' cases claim for the commissioner's body."""
    awaiting, answered = services.lines_of(current_user.public_body_id)
    return render_template("savings/index.html", awaiting=awaiting, answered=answered)


@bp.route("/<int:confirmation_id>", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def line(confirmation_id: int):
    """Confirm, adjust or dispute one saving, with a reason."""
    found = services.line_for(confirmation_id, current_user) or abort(404)
    form = AnswerForm()
    if form.validate_on_submit():
        services.answer(
            found, form.status.data, form.adjusted_value.data, form.reason.data or "", current_user
        )
        flash(f"Saving {found.status_name.lower()}", "success")
        return redirect(url_for(".index"))
    return render_template("savings/line.html", line=found, form=form)
