"""The CSO side: submissions list, start, task list, check answers, submit, import, export,
withdraw and delete."""

import json

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovSubmitInput
from sqlalchemy import select
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..accounts.access import role_required
from ..accounts.models import PublicBody, Role
from ..accounts.services import submission_refusal
from ..attachments.services import attachments_of
from ..baselines import services as baselines
from ..extensions import db
from ..links import external_url
from ..triage import joint
from ..triage.forms import CoCommissionerForm, one_newline
from ..value.impact_map import value_view
from . import answers, lifecycle, places, services
from .access import member_proposal
from .document import MAX_DOCUMENT_BYTES, DocumentInvalid, parse_document, validate_document
from .forms import ImportForm, StartForm, SubmitForm, revision_of
from .frozen import frozen_answers
from .models import Proposal
from .presenting import change_lines, linked_errors, present_document, task_list
from .workflow import Status, TransitionRefused, delete_refusal, withdraw_refusal

bp = Blueprint("proposals", __name__, url_prefix="/proposals")


def body_choices(bodies=None) -> list[tuple[int, str]]:
    """Public bodies to address a submission to (every body unless ``bodies`` are given)."""
    if bodies is None:
        bodies = db.session.scalars(select(PublicBody).order_by(PublicBody.name))
    return [(0, "Choose a public body")] + [(b.id, b.name) for b in bodies if b.active]


def chosen_body(field) -> PublicBody | None:
    """The public body a form chose, with an error on the field when there is none."""
    body = db.session.get(PublicBody, field.data) if field.data else None
    if body is None or not body.active:
        field.errors = list(field.errors) + ["Select the public body"]
    return body


@bp.get("/")
@role_required(Role.CSO)
def index():
    """The organisation's submissions."""
    proposals = services.organisation_proposals(current_user.organisation_id)
    return render_template("proposals/index.html", proposals=proposals)


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.CSO)
def start():
    """Choose challenge or propose, the public body and a title."""
    if refusal := submission_refusal(current_user):
        flash(refusal, "info")
        return redirect(url_for("proposals.index"))
    form = StartForm()
    bodies = services.addressable_bodies()
    # only bodies with a commissioner to read the submission are offered
    form.public_body_id.choices = body_choices(bodies)
    published = baselines.of_bodies([body.id for body in bodies])
    form.baseline_id.choices = [(0, "None of these, or not published")] + [
        (b.id, f"{b.public_body.name}: {b.name}") for b in published
    ]
    if not form.is_submitted():
        chosen = request.args.get("baseline", type=int)
        found = next((b for b in published if b.id == chosen), None)
        if found is not None:
            form.baseline_id.data, form.public_body_id.data = found.id, found.public_body_id
            form.kind.data = "challenge"
    if form.validate_on_submit() and (body := chosen_body(form.public_body_id)):
        baseline = next((b for b in published if b.id == form.baseline_id.data), None)
        if form.baseline_id.data and (baseline is None or baseline.public_body_id != body.id):
            form.baseline_id.errors = [
                "Choose a service published by the public body you chose, or none of these"
            ]
        else:
            proposal = services.start(current_user, form.kind.data, body, form.title.data, baseline)
            return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    return render_template("proposals/start.html", form=form, bodies=bodies)


@bp.route("/import", methods=["GET", "POST"])
@role_required(Role.CSO)
def import_json():
    """Create a draft from a JSON file, or list every error with its path."""
    if refusal := submission_refusal(current_user):
        flash(refusal, "info")
        return redirect(url_for("proposals.index"))
    form = ImportForm()
    form.public_body_id.choices = body_choices(services.addressable_bodies())
    errors, document = [], None
    if form.validate_on_submit() and (body := chosen_body(form.public_body_id)):
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            form.file.errors = ["Select a JSON file to import"]
        else:
            raw = upload.stream.read(MAX_DOCUMENT_BYTES + 1)
            try:
                proposal = services.import_document(
                    raw, current_user.organisation, body, current_user
                )
            except DocumentInvalid as invalid:
                errors, document = invalid.errors, readable_document(raw)
                form.file.errors = [
                    f"The file has {len(errors)} problem"
                    f"{'' if len(errors) == 1 else 's'}: see the list below"
                ]
            else:
                flash("Imported the document as a new draft.", "success")
                return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    return render_template("proposals/import.html", form=form, errors=errors, document=document)


def readable_document(raw: bytes) -> dict | None:
    """The file as JSON, to name the items its errors are about (None when it is not JSON)."""
    try:
        return parse_document(raw)
    except DocumentInvalid:
        return None


@bp.app_template_global()
def document_error_text(error, document=None) -> str:
    """A document error as a proposer reads it: the question and item, then what to do."""
    return places.readable(error, document)


@bp.get("/<int:proposal_id>")
@member_proposal()
def overview(proposal: Proposal):
    """The task list with each section's state, the status and the versions; while a request
    for more information waits, what it needs and which sections it reopens."""
    errors = validate_document(proposal.draft) if proposal.editable else []
    return render_template(
        "proposals/overview.html",
        proposal=proposal,
        tasks=task_list(proposal),
        form=SubmitForm(),
        submittable=not errors,
        blocking=blocking_sections(errors, proposal.kind),
        unfinished=unfinished_sections(proposal) if proposal.editable else [],
        open_request=lifecycle.open_request(proposal),
        reopened=lifecycle.reopened_sections(proposal),
        co_commissioners=joint.co_commissioners(proposal.id),
        co_form=co_commissioner_form(proposal),
    )


def co_commissioner_form(proposal: Proposal) -> CoCommissionerForm | None:
    """The form naming another body the draft is jointly addressed to (None once sent)."""
    if proposal.status != Status.DRAFT:
        return None
    form = CoCommissionerForm()
    form.public_body_id.choices = body_choices(joint.candidate_bodies(proposal))
    return form


@bp.post("/<int:proposal_id>/co-commissioners")
@member_proposal()
def add_co_commissioner(proposal: Proposal):
    """Name a co-commissioning body on the draft."""
    form = co_commissioner_form(proposal)
    if form is None:
        flash("Co-commissioning bodies can be changed only before the submission is sent.", "info")
    elif form.validate_on_submit():
        try:
            entry = joint.add_co_commissioner(proposal, form.public_body_id.data)
        except joint.JointInvalid as error:
            flash(error.message, "info")
        else:
            flash(f"{entry.public_body.name} added as a co-commissioner.", "success")
    else:
        flash("Co-commissioning body: select a public body from the list.", "info")
    return redirect(url_for("proposals.overview", proposal_id=proposal.id, _anchor="joint"))


@bp.post("/<int:proposal_id>/co-commissioners/<int:body_id>/remove")
@member_proposal()
def remove_co_commissioner(proposal: Proposal, body_id: int):
    """Take a co-commissioning body off the draft."""
    try:
        body = joint.remove_co_commissioner(proposal, body_id)
    except joint.JointInvalid as error:
        flash(error.message, "info")
    else:
        if body is not None:
            flash(f"{body.name} is no longer a co-commissioner.", "success")
    return redirect(url_for("proposals.overview", proposal_id=proposal.id, _anchor="joint"))


@bp.route("/<int:proposal_id>/check-answers", methods=["GET", "POST"])
@member_proposal(editing=True)
def check_answers(proposal: Proposal):
    """The whole document, readably, then submit the revision of it the member read."""
    # a posted form says which revision was read; one that does not say was not read
    form = SubmitForm(data=None if request.method == "POST" else {"revision": proposal.revision})
    errors = validate_document(proposal.draft)
    refused, status = None, 200
    if request.method == "POST" and (
        refusal := submission_refusal(current_user, proposal.public_body)
    ):
        flash(refusal, "info")
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    if request.method == "POST" and form.validate_on_submit() and not errors:
        report = checked_report(proposal.draft)
        link = external_url("triage.review", proposal_id=proposal.id)
        try:
            services.submit(
                proposal, current_user, report, current_app.config, link, revision_of(form)
            )
        except services.ReviewedOutOfDate as out_of_date:
            refused, status = change_lines(out_of_date.changes, current_user.id), 409
            form.revision.data = str(proposal.revision)
        except services.SubmitConflict:
            return render_template("proposals/submit_conflict.html", proposal=proposal), 409
        else:
            return redirect(url_for("proposals.submitted", proposal_id=proposal.id))
    linked = linked_errors(errors, proposal.kind)
    return render_template(
        "proposals/check_answers.html",
        proposal=proposal,
        form=form,
        blocks=present_document(proposal.draft, proposal.kind),
        errors=linked,
        refused=refused,
        report=None if errors else checked_report(proposal.draft),
        changeable=lifecycle.reopened_sections(proposal),
        unfinished=unfinished_sections(proposal),
    ), status


def unfinished_sections(proposal: Proposal) -> list:
    """The sections open for change that the member has not marked as completed."""
    reopened = lifecycle.reopened_sections(proposal)
    return [
        task.section
        for task in task_list(proposal)
        if task.state != "completed" and (reopened is None or task.section.key in reopened)
    ]


@bp.get("/<int:proposal_id>/submitted")
@member_proposal()
def submitted(proposal: Proposal):
    """What happens next, once a submission has reached the public body."""
    if proposal.status != Status.SUBMITTED or proposal.deadline is None:
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    return render_template("proposals/submitted.html", proposal=proposal)


def blocking_sections(errors: list, kind: str) -> list:
    """The sections whose answers must be fixed before the draft can be submitted, in order."""
    found = [section for _, section in linked_errors(errors, kind) if section is not None]
    return list(dict.fromkeys(found))


def checked_report(document: dict) -> dict | None:
    """The check report to freeze with a version, when the checks are loaded."""
    rulebook = current_app.extensions.get("rulebook")
    return rulebook.check(document) if rulebook else None


@bp.get("/<int:proposal_id>/value")
@member_proposal()
def value(proposal: Proposal):
    """The value account of the draft: impact map, totals, sensitivity and charts."""
    errors = validate_document(proposal.draft)
    view = None if errors else value_view(proposal.draft)
    linked = linked_errors(errors, proposal.kind)
    return render_template("proposals/value.html", proposal=proposal, view=view, errors=linked)


@bp.get("/<int:proposal_id>/versions/<int:number>")
@member_proposal(lightly=True)
def show_version(proposal: Proposal, number: int):
    """A submitted version, frozen, with what it changed since the one before."""
    found = services.version(proposal, number) or abort(404)
    grouped, answered = lifecycle.version_changes(proposal, number)
    return render_template(
        "proposals/version.html",
        proposal=proposal,
        version=found,
        answers=frozen_answers(found, proposal.kind),
        previous=services.version(proposal, number - 1),
        changes=grouped,
        answered_request=answered,
    )


@bp.get("/<int:proposal_id>/export.json")
@member_proposal()
def export_json(proposal: Proposal):
    """The draft, or a version with ?version=N, as a JSON download."""
    document = proposal.draft
    if request.args.get("version"):
        number = request.args.get("version", type=int) or 0
        found = services.version(proposal, number) or abort(404)
        document = found.document
    body = json.dumps(document, indent=2, ensure_ascii=False)
    name = answers.slug(proposal.title, set())
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}.json"'},
    )


class WithdrawForm(FlaskForm):
    """Withdraw a submission, saying why."""

    reason = TextAreaField(
        "Why are you withdrawing this submission?",
        widget=GovCharacterCount(),
        filters=[one_newline],
        description="The public body's commissioners are told, and the reason is kept on record.",
        validators=[
            DataRequired(message="Enter why you are withdrawing this submission"),
            Length(max=5000, message="Reason for withdrawing: use 5,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Withdraw this submission", widget=GovSubmitInput())


class DeleteDraftForm(FlaskForm):
    """Confirm that a draft goes."""

    submit = SubmitField("Yes, delete this draft", widget=GovSubmitInput())


@bp.app_template_global()
def proposer_may(proposal: Proposal, action: str) -> bool:
    """Whether the proposal's page offers a member this step: withdraw or delete."""
    if action == "withdraw":
        return withdraw_refusal(proposal.status) is None
    return delete_refusal(proposal.status, bool(proposal.versions)) is None


@bp.route("/<int:proposal_id>/withdraw", methods=["GET", "POST"])
@member_proposal()
def withdraw(proposal: Proposal):
    """Withdraw a submission before its decision, with a reason the commissioners are told."""
    refusal = withdraw_refusal(proposal.status)
    if refusal:
        flash(refusal, "info")
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    form = WithdrawForm()
    if form.validate_on_submit():
        link = external_url("triage.review", proposal_id=proposal.id)
        try:
            lifecycle.withdraw(proposal, current_user, form.reason.data, current_app.config, link)
        except TransitionRefused as refused:
            flash(str(refused), "info")
        else:
            flash(
                f"You withdrew this submission. {proposal.public_body.name} has been told.",
                "success",
            )
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    return render_template("proposals/withdraw.html", proposal=proposal, form=form)


@bp.route("/<int:proposal_id>/delete", methods=["GET", "POST"])
@member_proposal()
def delete_draft(proposal: Proposal):
    """Confirm, then delete a draft that was never submitted."""
    refusal = delete_refusal(proposal.status, bool(proposal.versions))
    if refusal:
        flash(refusal, "info")
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    form = DeleteDraftForm()
    if form.validate_on_submit():
        title = proposal.title
        try:
            lifecycle.delete_draft(proposal, current_app.config["ATTACHMENTS_DIR"])
        except TransitionRefused as refused:
            flash(str(refused), "info")
            return redirect(url_for("proposals.overview", proposal_id=proposal.id))
        flash(f"Deleted the draft '{title}'.", "success")
        return redirect(url_for("proposals.index"))
    return render_template(
        "proposals/delete.html",
        proposal=proposal,
        form=form,
        attachments=attachments_of(proposal),
    )


@bp.get("/<int:proposal_id>/decision-letter.pdf")
@member_proposal()
def decision_letter(proposal: Proposal):
    """The decision letter, for the organisation's members; 404 until the decision is made."""
    # the letter is rendered where the commissioners' copy is, so both read the same
    from ..reports.views import decision_letter_response

    return decision_letter_response(proposal)
