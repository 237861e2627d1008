"""Training pages for what a person does in a module, and their CPD record: marking a module
read, answering its exercise, and the record of hours (also as CSV)."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..csv_download import csv_response
from . import record_services
from .cpd import CSV_HEADER, csv_rows, hours, total_minutes
from .forms import ExerciseForm, ReadForm
from .loaded import current_curriculum

bp = Blueprint("records", __name__)


@bp.post("/modules/<module_id>/read")
@login_required
def mark_read(module_id: str):
    """Record that the person has read the module."""
    module = current_curriculum().module(module_id) or abort(404)
    if ReadForm().validate_on_submit():
        record_services.mark_read(current_user, module)
        flash(f"You have marked {module.id} as read.", "success")
    return redirect(url_for("training.module", module_id=module.id, _anchor="your-progress"))


@bp.route("/modules/<module_id>/exercise", methods=["GET", "POST"])
@login_required
def exercise(module_id: str):
    """The module's exercise: write an answer, save it as a draft or submit it, and see it."""
    module = current_curriculum().module(module_id) or abort(404)
    if not module.exercise:
        abort(404)
    saved = record_services.exercise_of(current_user, module.id)
    form = ExerciseForm(data={"answer": saved.answer if saved else ""})
    if form.validate_on_submit():
        try:
            saved = record_services.save_exercise(
                current_user, module, form.answer.data, submit=bool(form.submit.data)
            )
        except record_services.ExerciseInvalid as error:
            error.attach(form)
        else:
            done = "submitted" if saved.status == record_services.SUBMITTED else "saved as a draft"
            flash(f"Your answer is {done}.", "success")
            return redirect(url_for(".exercise", module_id=module.id))
    return render_template("training/exercise.html", module=module, form=form, saved=saved)


@bp.get("/cpd")
@login_required
def cpd():
    """The person's CPD record: each module completed, when, and its hours."""
    entries = record_services.cpd_record(current_user, current_curriculum())
    total = total_minutes(entries)
    return render_template(
        "training/cpd.html", entries=entries, total_minutes=total, total_hours=hours(total)
    )


@bp.get("/cpd.csv")
@login_required
def cpd_csv():
    """The person's CPD record as a CSV file."""
    entries = record_services.cpd_record(current_user, current_curriculum())
    return csv_response("training-cpd-record.csv", CSV_HEADER, csv_rows(entries))
