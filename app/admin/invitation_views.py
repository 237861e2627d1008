"""Admin pages for invitations: invite someone, see who is invited, send again, withdraw."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..accounts.access import admin_required
from ..accounts.forms import ConfirmForm
from ..accounts.invitations import invitation_token
from ..accounts.models import Invitation, Organisation, PublicBody, Role, User, joining
from ..accounts.services import AccountError
from ..extensions import db
from ..links import external_url
from . import invitations, services
from .forms import InvitationForm

bp = Blueprint("invitations", __name__, url_prefix="/invitations")


def links() -> invitations.Links:
    """The links invitation emails carry, built on SITE_URL."""
    secret = current_app.config["SECRET_KEY"]
    return invitations.Links(
        accept=lambda invitation: external_url(
            "accounts.accept_invitation", token=invitation_token(invitation, secret)
        ),
        sign_in=external_url("accounts.sign_in"),
    )


def invitation_form() -> InvitationForm:
    """The form, offering active places only, and the place the page was opened for."""
    form = InvitationForm()
    form.organisation_id.choices = [(0, "Choose an organisation")] + [
        (org.id, org.name) for org in services.list_organisations() if org.active
    ]
    form.public_body_id.choices = [(0, "Choose a public body")] + [
        (body.id, body.name) for body in services.list_public_bodies() if body.active
    ]
    if not form.is_submitted():
        form.organisation_id.data = request.args.get("organisation", 0, type=int)
        form.public_body_id.data = request.args.get("public_body", 0, type=int)
        if form.public_body_id.data and not form.organisation_id.data:
            form.role.data = Role.COMMISSIONER.value
    return form


def invitee(form: InvitationForm) -> invitations.Invitee:
    """Whom the form invites."""
    return invitations.Invitee(
        email=form.email.data,
        role=Role(form.role.data),
        organisation=db.session.get(Organisation, form.organisation_id.data or 0),
        public_body=db.session.get(PublicBody, form.public_body_id.data or 0),
        assessor=form.assessor.data,
    )


@bp.route("/", methods=["GET", "POST"])
@admin_required
def index():
    """Invite a person by email; every invitation still waiting for an answer."""
    form = invitation_form()
    if form.validate_on_submit():
        settings, actor = current_app.config, current_user._get_current_object()
        try:
            result = invitations.invite(invitee(form), actor, settings, links())
        except AccountError as error:
            error.attach(form)
        else:
            if isinstance(result, User):
                joined = joining(result.role, result.organisation, result.public_body)
                flash(
                    f"{result.email} already had an account: {result.name} is now {joined}, "
                    "and has been told by email.",
                    "success",
                )
            else:
                flash(f"Sent an invitation to {result.email}.", "success")
            return redirect(url_for("admin.invitations.index"))
    return render_template(
        "admin/invitations.html",
        form=form,
        invitations=invitations.pending_invitations(),
        expired=invitations.expired,
        resend_form=ConfirmForm(formdata=None),
    )


@bp.post("/<int:invitation_id>/resend")
@admin_required
def resend(invitation_id: int):
    """Send a waiting invitation again, with a new link; the old link stops working."""
    invitation = db.session.get(Invitation, invitation_id) or abort(404)
    if ConfirmForm().validate_on_submit():
        actor = current_user._get_current_object()
        if invitations.resend(invitation, actor, current_app.config, links()):
            flash(f"Sent the invitation to {invitation.email} again.", "success")
        else:
            flash(f"The invitation to {invitation.email} has been {state(invitation)}.", "info")
    return redirect(url_for("admin.invitations.index"))


def state(invitation: Invitation) -> str:
    """What became of an invitation that is no longer waiting."""
    return "accepted" if invitation.accepted_at else "withdrawn"


@bp.route("/<int:invitation_id>/withdraw", methods=["GET", "POST"])
@admin_required
def withdraw(invitation_id: int):
    """Confirm, then withdraw an invitation so that its link stops working."""
    invitation = db.session.get(Invitation, invitation_id) or abort(404)
    if not invitation.pending:
        flash(f"The invitation to {invitation.email} has been {state(invitation)}.", "info")
        return redirect(url_for("admin.invitations.index"))
    form = ConfirmForm()
    if form.validate_on_submit():
        if invitations.withdraw(invitation, current_user._get_current_object()):
            flash(f"Withdrew the invitation to {invitation.email}.", "success")
        else:
            flash(f"The invitation to {invitation.email} has been {state(invitation)}.", "info")
        return redirect(url_for("admin.invitations.index"))
    return render_template("admin/withdraw_invitation.html", form=form, invitation=invitation)
