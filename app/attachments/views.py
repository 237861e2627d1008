"""Attachment pages for both sides, the download, and deleting an uncited attachment."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    send_file,
    url_for,
)
from flask_login import current_user, login_required

from ..accounts.access import role_required
from ..accounts.models import Role, User
from ..extensions import db
from ..proposals.access import member_proposal
from ..proposals.models import Proposal
from ..proposals.services import proposal_for_member
from ..triage.services import proposal_for_commissioner
from . import services, storage
from .forms import AttachForm, DeleteAttachmentForm
from .models import Attachment
from .uploads import accepts_attachments, upload_from

bp = Blueprint("attachments", __name__)
ONLY_UPLOADER = (
    "Only the person who uploaded a file, or a member of the organisation, can delete it."
)


def directory() -> str:
    """Where attachments are kept."""
    return current_app.config["ATTACHMENTS_DIR"]


def visible_proposal(proposal_id: int, user: User) -> Proposal | None:
    """The submission if the person may see it: a member of its organisation, or a
    commissioner of the body it is addressed to once it is submitted."""
    if user.role == Role.CSO:
        return proposal_for_member(proposal_id, user)
    if user.role == Role.COMMISSIONER:
        return proposal_for_commissioner(proposal_id, user)
    return None


def list_url(proposal: Proposal, user: User) -> str:
    """The person's own list of the submission's attachments."""
    endpoint = "member_list" if user.role == Role.CSO else "commissioner_list"
    return url_for(f"attachments.{endpoint}", proposal_id=proposal.id)


def attachments_page(proposal: Proposal, back: str, back_text: str):
    """The list and the upload form; a refused file comes back with an error naming it."""
    form = AttachForm()
    if form.validate_on_submit():
        upload = upload_from(form.file.data)
        if upload is None:
            form.file.errors = ["Select a file to attach"]
        else:
            try:
                attachment = services.attach(proposal, current_user, upload, directory())
            except services.AttachmentRefused as refused:
                refused.attach(form)
            else:
                flash(f"Attached {attachment.original_name}.", "success")
                return redirect(list_url(proposal, current_user))
    used = services.used_bytes(proposal)
    return render_template(
        "attachments/index.html",
        proposal=proposal,
        form=form,
        rows=services.listing(proposal, current_user),
        used=storage.size_label(used),
        back=back,
        back_text=back_text,
    )


@bp.route("/proposals/<int:proposal_id>/attachments", methods=["GET", "POST"])
@accepts_attachments
@member_proposal()
def member_list(proposal: Proposal):
    """The organisation's view of the submission's attachments, and attaching a file."""
    back = url_for("proposals.overview", proposal_id=proposal.id)
    return attachments_page(proposal, back, "Back to the submission")


@bp.route("/triage/<int:proposal_id>/attachments", methods=["GET", "POST"])
@accepts_attachments
@role_required(Role.COMMISSIONER)
def commissioner_list(proposal_id: int):
    """The commissioners' view of the submission's attachments, and attaching a file."""
    proposal = proposal_for_commissioner(proposal_id, current_user) or abort(404)
    back = url_for("triage.review", proposal_id=proposal.id)
    return attachments_page(proposal, back, "Back to the review")


def found(attachment_id: int) -> tuple[Attachment, Proposal]:
    """The attachment and its submission, if the person may see them; else 404."""
    attachment = db.session.get(Attachment, attachment_id) or abort(404)
    proposal = visible_proposal(attachment.proposal_id, current_user) or abort(404)
    return attachment, proposal


@bp.get("/attachments/<int:attachment_id>")
@login_required
def download(attachment_id: int):
    """The file, always as a download, under a clean name that ends as its type does."""
    attachment, _ = found(attachment_id)
    path = services.path_of(attachment, directory())
    if not path.is_file():
        abort(404, description="The file of this attachment is missing. Tell the site's team.")
    kind = storage.kind_of(attachment.content_type)
    name = storage.download_name(attachment.original_name, kind)
    response = send_file(
        path, mimetype=attachment.content_type, as_attachment=True, download_name=name
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/attachments/<int:attachment_id>/delete", methods=["GET", "POST"])
@login_required
def delete(attachment_id: int):
    """Confirm, then delete an attachment no submitted version cites, before a decision."""
    attachment, proposal = found(attachment_id)
    if not services.may_delete(attachment, proposal, current_user):
        abort(403, description=ONLY_UPLOADER)
    refusal = services.delete_refusal(attachment, proposal)
    if refusal:
        flash(refusal, "info")
        return redirect(list_url(proposal, current_user))
    form = DeleteAttachmentForm()
    if form.validate_on_submit():
        try:
            name = services.delete(attachment, proposal, current_user, directory())
        except services.DeleteRefused as refused:
            flash(str(refused), "info")
        else:
            flash(f"Deleted {name}.", "success")
        return redirect(list_url(proposal, current_user))
    return render_template(
        "attachments/delete.html",
        proposal=proposal,
        attachment=attachment,
        form=form,
        back=list_url(proposal, current_user),
    )
