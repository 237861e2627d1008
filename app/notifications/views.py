"""A person's notifications: the list, opening one, the email choice and the unread count."""

from flask import Blueprint, abort, flash, has_request_context, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy.exc import SQLAlchemyError

from ..accounts.models import Role
from ..extensions import db
from . import services
from .cli import send_digests_command
from .forms import EmailChoiceForm, MarkAllReadForm
from .models import EmailChoice

bp = Blueprint("notifications", __name__, url_prefix="/notifications")
# the digest command belongs with the notifications it sends, so it comes with the blueprint
bp.record_once(lambda state: state.app.cli.add_command(send_digests_command))
SUBMISSION_PAGE = {Role.CSO: "proposals.overview", Role.COMMISSIONER: "triage.review"}


@bp.app_context_processor
def unread_notifications() -> dict:
    """The signed-in person's unread count, for the header."""
    user = current_user if has_request_context() else None
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    try:
        return {"unread_notifications": services.unread_count(user)}
    except SQLAlchemyError:
        # the error page of an unavailable database must still render
        db.session.rollback()
        return {"unread_notifications": 0}


def index_page(form: EmailChoiceForm | None = None, code: int = 200):
    """The list, newest first, with the email choice."""
    form = form or EmailChoiceForm(data={"email": services.email_choice(current_user).value})
    found = services.for_user(current_user)
    page = render_template(
        "notifications/index.html",
        notifications=found,
        unread={n.id for n in found if n.read_at is None},
        form=form,
        read_all_form=MarkAllReadForm(),
    )
    return page, code


@bp.get("/", endpoint="index")
@login_required
def index():
    """The latest notifications, each marked read or unread; opening one marks it read."""
    return index_page()


@bp.get("/<int:notification_id>")
@login_required
def open_one(notification_id: int):
    """Mark the notification read and go to what it is about."""
    notification = services.open_notification(current_user, notification_id) or abort(404)
    target = services.local_target(notification)
    endpoint = SUBMISSION_PAGE.get(current_user.role)
    if target is None and notification.proposal_id is not None and endpoint:
        # one without a link (written before links were kept) leads to its submission
        target = url_for(endpoint, proposal_id=notification.proposal_id)
    return redirect(target or url_for("notifications.index"))


@bp.post("/email")
@login_required
def email_choice():
    """Keep the person's choice: an email each time, or once a day."""
    form = EmailChoiceForm()
    if not form.validate_on_submit():
        return index_page(form, 400)
    choice = EmailChoice(form.email.data)
    services.choose_email(current_user, choice)
    flash(
        "You will get one email a day summarising your notifications."
        if choice == EmailChoice.DAILY
        else "You will get an email each time you are notified.",
        "success",
    )
    return redirect(url_for("notifications.index"))


@bp.post("/read")
@login_required
def read_all():
    """Mark every notification read."""
    if MarkAllReadForm().validate_on_submit():
        services.mark_read(current_user)
        flash("All your notifications are marked read.", "success")
    return redirect(url_for("notifications.index"))
