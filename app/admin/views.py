"""Admin pages: users and roles, organisations, public bodies and their contact details."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from ..accounts import events, second_factor
from ..accounts.access import admin_required
from ..accounts.models import PublicBody, Role, User, utcnow
from ..accounts.services import AccountError
from ..extensions import db
from ..triage.forms import ContactDetailsForm
from ..triage.services import save_contact_details
from . import services
from .forms import OrganisationForm, PublicBodyForm, SecondFactorResetForm, UserForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@admin_required
def users():
    """Every account with its role and affiliation."""
    return render_template("admin/users.html", users=services.list_users())


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@admin_required
def edit_user(user_id: int):
    """Change one person's role, affiliation and access, and whether they assess portfolios."""
    user = db.session.get(User, user_id) or abort(404)
    form = UserForm(obj=user)
    form.organisation_id.choices = [(0, "None")] + [
        (org.id, org.name) for org in services.list_organisations()
    ]
    form.public_body_id.choices = [(0, "None")] + [
        (body.id, body.name) for body in services.list_public_bodies()
    ]
    if not form.is_submitted():
        form.organisation_id.data = user.organisation_id or 0
        form.public_body_id.data = user.public_body_id or 0
    if form.validate_on_submit():
        try:
            services.update_user(
                user,
                Role(form.role.data),
                form.organisation_id.data or None,
                form.public_body_id.data or None,
                form.active.data,
                current_user,
                form.assessor.data,
            )
        except AccountError as error:
            error.attach(form)
        else:
            flash(f"Saved changes to {user.name}.", "success")
            return redirect(url_for("admin.users"))
    return render_template(
        "admin/edit_user.html",
        form=form,
        user=user,
        activity=events.recent(user),
        label=events.label,
    )


@bp.route("/users/<int:user_id>/second-factor", methods=["GET", "POST"])
@admin_required
def reset_second_factor(user_id: int):
    """Reset a person's second factor (a lost device), with a reason; they are signed out."""
    user = db.session.get(User, user_id) or abort(404)
    form = SecondFactorResetForm()
    if form.validate_on_submit():
        second_factor.reset_by_admin(
            user, current_user._get_current_object(), form.reason.data, utcnow()
        )
        flash(
            f"Reset the second factor of {user.name} and signed them out everywhere. They can "
            "set it up again after signing in.",
            "success",
        )
        return redirect(url_for("admin.edit_user", user_id=user.id))
    return render_template("admin/reset_second_factor.html", form=form, user=user)


@bp.route("/organisations", methods=["GET", "POST"])
@admin_required
def organisations():
    """List organisations and add one."""
    form = OrganisationForm()
    if form.validate_on_submit():
        try:
            services.add_organisation(form.name.data, form.type.data, form.registration_number.data)
        except AccountError as error:
            error.attach(form)
        else:
            flash(f"Added {form.name.data.strip()}.", "success")
            return redirect(url_for("admin.organisations"))
    return render_template(
        "admin/organisations.html",
        form=form,
        organisations=services.list_organisations(),
        counts=services.member_counts(User.organisation_id),
    )


@bp.route("/public-bodies", methods=["GET", "POST"])
@admin_required
def public_bodies():
    """List public bodies and add one."""
    form = PublicBodyForm()
    if form.validate_on_submit():
        try:
            services.add_public_body(form.name.data, form.response_period_days.data)
        except AccountError as error:
            error.attach(form)
        else:
            flash(f"Added {form.name.data.strip()}.", "success")
            return redirect(url_for("admin.public_bodies"))
    return render_template(
        "admin/public_bodies.html",
        form=form,
        bodies=services.list_public_bodies(),
        counts=services.member_counts(User.public_body_id),
    )


@bp.route("/public-bodies/<int:body_id>", methods=["GET", "POST"])
@admin_required
def public_body_contact(body_id: int):
    """Change the contact details a public body's decision letters give."""
    body = db.session.get(PublicBody, body_id) or abort(404)
    form = ContactDetailsForm(obj=body)
    if form.validate_on_submit():
        save_contact_details(body.id, form.details())
        flash(f"Saved the contact details of {body.name}.", "success")
        return redirect(url_for("admin.public_bodies"))
    return render_template("admin/public_body.html", form=form, body=body)


@bp.get("/outbox")
@admin_required
def outbox():
    """Recent email and where each stands: sent, waiting to retry, or failed."""
    from ..notifications.services import recent_mail

    return render_template("admin/outbox.html", entries=recent_mail())


@bp.post("/outbox/<int:mail_id>/send")
@admin_required
def send_outbox_mail(mail_id: int):
    """Send one unsent email now, whether it is queued, waiting to retry or failed."""
    from flask import current_app

    from ..mail import mail_state, send_now
    from ..notifications.forms import SendNowForm

    if not SendNowForm().validate_on_submit():
        return redirect(url_for("admin.outbox"))
    mail = send_now(current_app.config, mail_id)
    state = mail_state(mail) if mail else None
    if mail is None:
        flash("That email is no longer in the outbox.", "info")
    elif state == "sent":
        flash(f"Sent the email to {mail.to}.", "success")
    elif state == "sending":
        flash(f"The email to {mail.to} is being sent right now.", "info")
    else:
        flash(f"Could not send the email to {mail.to}: {mail.last_error}", "info")
    return redirect(url_for("admin.outbox"))
