"""The message thread on each side, and the commissioners' internal notes."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from ..accounts.access import role_required
from ..accounts.models import Role
from ..attachments.services import AttachmentRefused
from ..attachments.uploads import accepts_attachments, upload_from
from ..links import external_url
from ..proposals.access import member_proposal
from ..proposals.models import Proposal
from ..proposals.workflow import Party, Status
from ..triage.services import proposal_for_commissioner
from . import services
from .forms import MessageForm, NoteForm

bp = Blueprint("messages", __name__)

# each side's thread, and the page the other side is sent to when told of a message
THREADS = {
    Party.PROPOSER: ("messages.member_thread", "messages.commissioner_thread"),
    Party.COMMISSIONER: ("messages.commissioner_thread", "messages.member_thread"),
}


def thread_page(proposal: Proposal, side: Party, back: str, attachments_url: str):
    """The messages and the form; a refused message or file comes back with the text kept."""
    own, other = THREADS[side]
    form = MessageForm()
    if form.validate_on_submit():
        try:
            message = services.send(
                proposal,
                current_user,
                side,
                form.body.data,
                upload_from(form.file.data),
                current_app.config["ATTACHMENTS_DIR"],
                current_app.config,
                external_url(other, proposal_id=proposal.id),
            )
        except AttachmentRefused as refused:
            refused.attach(form)
        else:
            flash("Your message was sent.", "success")
            return redirect(url_for(own, proposal_id=proposal.id, _anchor=f"message-{message.id}"))
    return render_template(
        "messages/thread.html",
        proposal=proposal,
        entries=services.thread(proposal),
        form=form,
        side=side.value,
        back=back,
        attachments_url=attachments_url,
    )


@bp.route("/proposals/<int:proposal_id>/messages", methods=["GET", "POST"])
@accepts_attachments
@member_proposal()
def member_thread(proposal: Proposal):
    """The organisation's messages with the public body about a submission."""
    if proposal.status == Status.DRAFT:
        flash(
            f"Messages with {proposal.public_body.name} start once you submit this draft.", "info"
        )
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    return thread_page(
        proposal,
        Party.PROPOSER,
        url_for("proposals.overview", proposal_id=proposal.id),
        url_for("attachments.member_list", proposal_id=proposal.id),
    )


@bp.route("/triage/<int:proposal_id>/messages", methods=["GET", "POST"])
@accepts_attachments
@role_required(Role.COMMISSIONER)
def commissioner_thread(proposal_id: int):
    """The body's messages with the organisation about a submission."""
    proposal = proposal_for_commissioner(proposal_id, current_user) or abort(404)
    return thread_page(
        proposal,
        Party.COMMISSIONER,
        url_for("triage.review", proposal_id=proposal.id),
        url_for("attachments.commissioner_list", proposal_id=proposal.id),
    )


@bp.route("/triage/<int:proposal_id>/notes", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def notes(proposal_id: int):
    """Notes between the body's commissioners, which the organisation never sees."""
    proposal = proposal_for_commissioner(proposal_id, current_user) or abort(404)
    form = NoteForm()
    if form.validate_on_submit():
        link = external_url("messages.notes", proposal_id=proposal.id)
        services.add_note(proposal, current_user, form.body.data, current_app.config, link)
        flash("Your note was added.", "success")
        return redirect(url_for("messages.notes", proposal_id=proposal.id, _anchor="add"))
    return render_template(
        "messages/notes.html", proposal=proposal, notes=services.notes(proposal), form=form
    )
