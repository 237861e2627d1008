"""Admin pages: users and roles, organisations, public bodies and their contact details."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..accounts import events, second_factor
from ..accounts.access import admin_required
from ..accounts.forms import ConfirmForm
from ..accounts.models import Organisation, PublicBody, Role, User, utcnow
from ..accounts.services import AccountError
from ..extensions import db
from ..triage.forms import ContactDetailsForm
from ..triage.services import save_contact_details
from . import audit, invitations, people, services
from .forms import (
    OrganisationEditForm,
    OrganisationForm,
    PeopleSearchForm,
    PublicBodyEditForm,
    PublicBodyForm,
    SecondFactorResetForm,
    UserForm,
)
from .invitation_views import bp as invitation_bp

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.register_blueprint(invitation_bp)


def place_choices() -> list[tuple[str, str]]:
    """Every organisation and public body, for the users page's filter."""
    return (
        [("", "Any")]
        + [(f"org-{o.id}", o.name) for o in services.list_organisations()]
        + [(f"body-{b.id}", b.name) for b in services.list_public_bodies()]
    )


def people_filter(form: PeopleSearchForm) -> people.PeopleFilter:
    """The filter a search form asks for; a value not offered counts as no filter."""
    kind, _, number = (form.place.data or "").partition("-")
    place = int(number) if number.isdigit() and len(number) < 10 else None
    return people.PeopleFilter(
        text=(form.q.data or "")[:200] if not form.q.errors else "",
        role=Role(form.role.data) if form.role.data in set(Role) else None,
        organisation_id=place if kind == "org" else None,
        public_body_id=place if kind == "body" else None,
        active={"active": True, "deactivated": False}.get(form.status.data or ""),
    )


def page_link(page: int) -> str:
    """The users page with the same search, at another page."""
    args = {key: value for key, value in request.args.items() if key != "page" and value}
    return url_for("admin.users", **args, page=page)


@bp.get("/")
@admin_required
def users():
    """Find people by name or email, role, organisation or body and status, 50 a page."""
    form = PeopleSearchForm(request.args)
    form.place.choices = place_choices()
    form.validate()
    found = people.find_people(people_filter(form), request.args.get("page", 1, type=int) or 1)
    return render_template(
        "admin/users.html",
        form=form,
        found=found,
        searched=any(request.args.get(key) for key in ("q", "role", "place", "status")),
        previous_link=page_link(found.page - 1) if found.page > 1 else None,
        next_link=page_link(found.page + 1) if found.page < found.pages else None,
    )


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@admin_required
def edit_user(user_id: int):
    """Change one person's role, affiliation and access, and whether they assess portfolios."""
    user = db.session.get(User, user_id) or abort(404)
    form = UserForm(obj=user)
    form.organisation_id.choices = organisation_choices()
    form.public_body_id.choices = public_body_choices()
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
                form.assurer.data,
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


def organisation_choices() -> list[tuple[int, str]]:
    """Every organisation for a select, deactivated ones marked."""
    return [(0, "None")] + [
        (org.id, org.name + ("" if org.active else " (deactivated)"))
        for org in services.list_organisations()
    ]


def public_body_choices() -> list[tuple[int, str]]:
    """Every public body for a select, deactivated ones marked."""
    return [(0, "None")] + [
        (body.id, body.name + ("" if body.active else " (deactivated)"))
        for body in services.list_public_bodies()
    ]


@bp.route("/organisations", methods=["GET", "POST"])
@admin_required
def organisations():
    """List organisations and add one."""
    form = OrganisationForm()
    if form.validate_on_submit():
        try:
            services.add_organisation(
                form.name.data, form.type.data, form.registration_number.data, current_user
            )
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
            services.add_public_body(form.name.data, form.response_period_days.data, current_user)
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


@bp.get("/organisations/<int:organisation_id>")
@admin_required
def organisation(organisation_id: int):
    """One organisation: its details, members, pending invitations and history."""
    found = db.session.get(Organisation, organisation_id) or abort(404)
    return render_template(
        "admin/organisation.html",
        organisation=found,
        members=services.members_of(User.organisation_id, found.id),
        invitations=invitations.pending_invitations(organisation=found),
        expired=invitations.expired,
        history=audit.history(organisation=found),
        label=audit.label,
    )


@bp.route("/organisations/<int:organisation_id>/edit", methods=["GET", "POST"])
@admin_required
def edit_organisation(organisation_id: int):
    """Change an organisation's name, type and registration number."""
    found = db.session.get(Organisation, organisation_id) or abort(404)
    form = OrganisationEditForm(obj=found)
    if not form.is_submitted():
        form.type.data = found.type.value
    if form.validate_on_submit():
        try:
            changed = services.update_organisation(
                found, form.name.data, form.type.data, form.registration_number.data, current_user
            )
        except AccountError as error:
            error.attach(form)
        else:
            flash(
                f"Saved changes to {found.name}." if changed else "Nothing was changed.",
                "success" if changed else "info",
            )
            return redirect(url_for("admin.organisation", organisation_id=found.id))
    return render_template("admin/edit_organisation.html", form=form, organisation=found)


@bp.route(
    "/organisations/<int:organisation_id>/deactivate",
    methods=["GET", "POST"],
    defaults={"step": "deactivate"},
)
@bp.route(
    "/organisations/<int:organisation_id>/reactivate",
    methods=["GET", "POST"],
    defaults={"step": "reactivate"},
)
@admin_required
def organisation_status(organisation_id: int, step: str):
    """Confirm, then deactivate or reactivate an organisation."""
    found = db.session.get(Organisation, organisation_id) or abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        active = step == "reactivate"
        if services.set_organisation_active(found, active, current_user):
            flash(f"{found.name} is {step}d.", "success")
        else:
            flash(f"{found.name} was already {step}d.", "info")
        return redirect(url_for("admin.organisation", organisation_id=found.id))
    return render_template(
        "admin/confirm_status.html",
        form=form,
        step=step,
        name=found.name,
        kind="organisation",
        back=url_for("admin.organisation", organisation_id=found.id),
    )


@bp.get("/public-bodies/<int:body_id>/overview")
@admin_required
def public_body(body_id: int):
    """One public body: its details, commissioners, pending invitations and history."""
    body = db.session.get(PublicBody, body_id) or abort(404)
    return render_template(
        "admin/public_body_overview.html",
        body=body,
        members=services.members_of(User.public_body_id, body.id),
        invitations=invitations.pending_invitations(public_body=body),
        expired=invitations.expired,
        history=audit.history(public_body=body),
        label=audit.label,
    )


@bp.route("/public-bodies/<int:body_id>/edit", methods=["GET", "POST"])
@admin_required
def edit_public_body(body_id: int):
    """Change a public body's name and response period."""
    body = db.session.get(PublicBody, body_id) or abort(404)
    form = PublicBodyEditForm(obj=body)
    if form.validate_on_submit():
        try:
            changed = services.update_public_body(
                body, form.name.data, form.response_period_days.data, current_user
            )
        except AccountError as error:
            error.attach(form)
        else:
            flash(
                f"Saved changes to {body.name}." if changed else "Nothing was changed.",
                "success" if changed else "info",
            )
            return redirect(url_for("admin.public_body", body_id=body.id))
    return render_template("admin/edit_public_body.html", form=form, body=body)


@bp.route(
    "/public-bodies/<int:body_id>/deactivate",
    methods=["GET", "POST"],
    defaults={"step": "deactivate"},
)
@bp.route(
    "/public-bodies/<int:body_id>/reactivate",
    methods=["GET", "POST"],
    defaults={"step": "reactivate"},
)
@admin_required
def public_body_status(body_id: int, step: str):
    """Confirm, then deactivate or reactivate a public body."""
    body = db.session.get(PublicBody, body_id) or abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        if services.set_public_body_active(body, step == "reactivate", current_user):
            flash(f"{body.name} is {step}d.", "success")
        else:
            flash(f"{body.name} was already {step}d.", "info")
        return redirect(url_for("admin.public_body", body_id=body.id))
    return render_template(
        "admin/confirm_status.html",
        form=form,
        step=step,
        name=body.name,
        kind="public body",
        back=url_for("admin.public_body", body_id=body.id),
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
        return redirect(url_for("admin.public_body", body_id=body.id))
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
