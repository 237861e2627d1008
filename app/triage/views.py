"""The commissioner's queue, review page, judgements, transitions and decisions."""

from typing import NoReturn

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user

from .. import search
from ..accounts.access import role_required
from ..accounts.models import Role
from ..csv_download import csv_response
from ..delivery.learning import delivered_matches
from ..links import external_url
from ..proposals.frozen import frozen_answers, frozen_value_account
from ..proposals.sections import sections_for
from ..proposals.workflow import (
    DECIDABLE,
    DECIDED,
    Party,
    Status,
    TransitionRefused,
    available,
)
from . import joint, letters, queue, services
from .conflicts import AlreadyChanged, what_happened
from .forms import (
    AssignForm,
    BodySettingsForm,
    DecisionForm,
    InformationRequestForm,
    JudgementForm,
    PositionForm,
    TransitionForm,
)
from .review import (
    CO_COMMISSIONER_PARTS,
    audit_part,
    changes_part,
    header,
    judgements_part,
    proposal_for_review,
    summary_part,
)
from .review import review_context as review_context  # the PDF job reads it from here

bp = Blueprint("triage", __name__, url_prefix="/triage")


def wanted_from_args() -> queue.QueueFilter:
    """The queue filter from the query string (anything unknown is ignored)."""
    args = request.args
    return queue.QueueFilter(
        kind=args.get("kind", "")[:20],
        status=args.get("status", "")[:30],
        tier=args.get("tier", "")[:10],
        failing_area=args.get("failing", "")[:20],
        mine=args.get("mine") == "1",
        sort=args.get("sort", "received")[:20],
        page=args.get("page", 1, type=int) or 1,
        q=search.cleaned(args.get("q")),
    )


def commissioner_proposal(proposal_id: int):
    """The submission if it is addressed to the commissioner's body, else 404."""
    return services.proposal_for_commissioner(proposal_id, current_user) or abort(404)


def reviewed_proposal(proposal_id: int):
    """The same, loaded for reading one part of the review, else 404."""
    return proposal_for_review(proposal_id, current_user) or abort(404)


@bp.get("/", endpoint="queue")
@role_required(Role.COMMISSIONER)
def queue_view():
    """Every submission to the body, filtered, sorted and paged."""
    wanted = wanted_from_args()
    page = queue.queue_page(current_user.public_body_id, wanted, current_user.id)
    return render_template(
        "triage/queue.html",
        page=page,
        wanted=wanted,
        filters=queue.FILTERS,
        statuses=[s for s in Status if s != Status.DRAFT],
        time_left=queue.time_left_of,
    )


@bp.get("/export.csv")
@role_required(Role.COMMISSIONER)
def queue_csv():
    """The filtered queue as CSV."""
    found = queue.all_rows(current_user.public_body_id, wanted_from_args(), current_user.id)
    return csv_response("queue.csv", queue.CSV_COLUMNS, queue.csv_rows(found))


def lost_race(error: AlreadyChanged) -> NoReturn:
    """Someone else acted first: 409, saying what they did."""
    abort(409, description=str(error))


def judging_proposal(proposal_id: int):
    """The submission if the commissioner's body leads it or co-commissions it, else 404:
    both may record judgements."""
    return (
        services.proposal_for_commissioner(proposal_id, current_user)
        or joint.proposal_for_co_commissioner(proposal_id, current_user)
        or abort(404)
    )


def part(template: str, context: dict, code: int = 200, **extra):
    """One part of the review, under the header and navigation every part shares; a
    co-commissioning body sees the parts it may read."""
    if not joint.is_lead(context["proposal"], current_user):
        context = context | {"parts": CO_COMMISSIONER_PARTS}
    return render_template(f"triage/{template}", **context, **extra), code


def review_page(proposal, transition_form: TransitionForm | None = None, code: int = 200):
    """The review's summary; a step that failed comes back with what was typed."""
    seen = proposal.assignee_id or 0
    assign_form = AssignForm(assignee_id=seen, seen_assignee_id=seen)
    assign_form.assignee_id.choices = [(0, "No one")] + [
        (u.id, u.name) for u in services.reviewers(proposal.public_body_id)
    ]
    decided = proposal.status in DECIDED
    leads = joint.is_lead(proposal, current_user)  # the steps stay the lead body's
    return part(
        "review.html",
        summary_part(proposal),
        code,
        assign_form=None if decided or not leads else assign_form,
        transition_form=transition_form or TransitionForm(),
        transitions=[
            t
            for t in available(proposal.status, Party.COMMISSIONER)
            if leads and t.action not in ("accept", "reject")
        ],
        can_decide=leads and proposal.status in DECIDABLE,
        leads=leads,
    )


@bp.get("/<int:proposal_id>")
@role_required(Role.COMMISSIONER)
def review(proposal_id: int):
    """The review's summary: status, check report, next steps and any decision."""
    return review_page(reviewed_proposal(proposal_id))


@bp.get("/<int:proposal_id>/case")
@role_required(Role.COMMISSIONER)
def case(proposal_id: int):
    """The case as submitted: every answer of the latest version."""
    proposal = reviewed_proposal(proposal_id)
    latest = proposal.versions[-1]
    answers = frozen_answers(latest, proposal.kind)
    sections = sections_for(proposal.kind)
    return part("review_case.html", header(proposal, "case"), answers=answers, sections=sections)


@bp.get("/<int:proposal_id>/value")
@role_required(Role.COMMISSIONER)
def value(proposal_id: int):
    """The value account of the latest version."""
    proposal = reviewed_proposal(proposal_id)
    latest = proposal.versions[-1]
    account = frozen_value_account(latest, proposal.kind)
    delivered = delivered_matches(latest.document, exclude_case=proposal.id)
    return part(
        "review_value.html", header(proposal, "value"), account=account, delivered=delivered
    )


@bp.get("/<int:proposal_id>/changes")
@role_required(Role.COMMISSIONER)
def changes(proposal_id: int):
    """What the latest version changed since the one before."""
    return part("review_changes.html", changes_part(reviewed_proposal(proposal_id)))


@bp.get("/<int:proposal_id>/judgements")
@role_required(Role.COMMISSIONER)
def judgements(proposal_id: int):
    """The commissioners' judgements, the form to record one, and the decision."""
    return judgements_page(reviewed_proposal(proposal_id))


def judgements_page(proposal, position_form: PositionForm | None = None, code: int = 200):
    """The judgements part; a co-commissioning body also states its position here."""
    leads = joint.is_lead(proposal, current_user)
    own = None if leads else joint.own_entry(proposal, current_user)
    if own is not None and position_form is None:
        stated = own.position if own.position in joint.STATED else None
        position_form = PositionForm(position=stated, reason=own.reason or None)
    return part(
        "review_judgements.html",
        judgements_part(proposal),
        code,
        judgement_form=JudgementForm(),
        decided=proposal.status in DECIDED,
        can_decide=leads and proposal.status in DECIDABLE,
        own_position=own,
        position_form=position_form if own and proposal.status not in DECIDED else None,
    )


@bp.post("/<int:proposal_id>/position")
@role_required(Role.COMMISSIONER)
def record_position(proposal_id: int):
    """A co-commissioning body's position on a joint submission, with its reason."""
    proposal = joint.proposal_for_co_commissioner(proposal_id, current_user) or abort(404)
    if proposal.status in DECIDED:
        lost_race(AlreadyChanged(what_happened(proposal)))
    form = PositionForm()
    if form.validate_on_submit():
        try:
            joint.record_position(
                proposal, current_user, form.position.data, form.reason.data or ""
            )
        except joint.JointInvalid as error:
            error.attach(form)
        else:
            flash("Your body's position is recorded.", "success")
            return redirect(url_for("triage.judgements", proposal_id=proposal.id))
    return judgements_page(proposal, position_form=form, code=400)


@bp.get("/<int:proposal_id>/audit")
@role_required(Role.COMMISSIONER)
def audit(proposal_id: int):
    """Everything done to the submission, by whom and why."""
    return part("review_audit.html", audit_part(reviewed_proposal(proposal_id)))


@bp.post("/<int:proposal_id>/transition")
@role_required(Role.COMMISSIONER)
def transition(proposal_id: int):
    """Start the review or ask for more information."""
    proposal = commissioner_proposal(proposal_id)
    form = TransitionForm()
    if not form.validate_on_submit():
        return review_page(proposal, transition_form=form, code=400)
    try:
        services.take(
            proposal,
            form.action.data or "",
            current_user,
            form.reason.data or "",
            current_app.config,
            external_url("proposals.overview", proposal_id=proposal.id),
        )
    except AlreadyChanged as error:
        lost_race(error)
    except TransitionRefused as refused:
        flash(str(refused), "info")
    else:
        flash(f"The submission is now {proposal.status.label.lower()}.", "success")
    return redirect(url_for("triage.review", proposal_id=proposal.id))


@bp.route("/<int:proposal_id>/request-information", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def request_information(proposal_id: int):
    """Ask for more information, naming the sections that need work and what each needs."""
    proposal = commissioner_proposal(proposal_id)
    form = InformationRequestForm()
    form.sections.choices = services.section_choices(proposal)
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            services.request_information(
                proposal,
                current_user,
                list(form.sections.data or []),
                form.texts(request.form),
                current_app.config,
                external_url("proposals.overview", proposal_id=proposal.id),
            )
        except AlreadyChanged as error:
            lost_race(error)
        except services.RequestInvalid as invalid:
            errors = invalid.errors
        else:
            flash("Request sent: the sections you named are open to the proposer.", "success")
            return redirect(url_for("triage.review", proposal_id=proposal.id))
    elif services.request_refusal(proposal):
        flash(services.request_refusal(proposal), "info")
        return redirect(url_for("triage.review", proposal_id=proposal.id))
    page = render_template(
        "triage/request_information.html",
        proposal=proposal,
        form=form,
        texts=form.texts(request.form),
        errors=errors,
    )
    return page, 400 if errors else 200


@bp.post("/<int:proposal_id>/judgements")
@role_required(Role.COMMISSIONER)
def add_judgement(proposal_id: int):
    """Record a judgement; errors come back with what was typed."""
    proposal = judging_proposal(proposal_id)
    form = JudgementForm()
    if form.validate_on_submit():
        services.add_judgement(
            proposal,
            current_user,
            form.area.data,
            form.topic.data,
            form.judgement.data,
            form.rationale.data,
        )
        flash("Judgement recorded.", "success")
        return redirect(url_for("triage.judgements", proposal_id=proposal.id))
    return render_template(
        "triage/judgement_form.html",
        proposal=proposal,
        form=form,
        decided=proposal.status in DECIDED,
    )


@bp.post("/<int:proposal_id>/assign")
@role_required(Role.COMMISSIONER)
def assign(proposal_id: int):
    """Assign the submission to a reviewer of the body."""
    proposal = commissioner_proposal(proposal_id)
    form = AssignForm()
    form.assignee_id.choices = [(0, "No one")] + [
        (u.id, u.name) for u in services.reviewers(proposal.public_body_id)
    ]
    if form.validate_on_submit():
        try:
            services.assign(
                proposal, form.assignee_id.data or None, current_user, form.seen_assignee_id.data
            )
        except AlreadyChanged as error:
            lost_race(error)
        except services.DecisionInvalid as error:
            flash(error.message, "info")
        else:
            flash("Assignment saved.", "success")
    elif proposal.status in DECIDED:
        lost_race(AlreadyChanged(what_happened(proposal)))
    else:
        flash("Reviewer: select a commissioner of your public body.", "info")
    return redirect(url_for("triage.review", proposal_id=proposal.id))


def decision_from(form: DecisionForm) -> services.DecisionInput:
    """The decision as the form carries it."""
    return services.DecisionInput(
        form.outcome.data or "",
        form.reasons.data or "",
        form.next_steps.data or "",
        tuple(form.grounds.data or ()),
    )


def decidable(proposal):
    """None when the submission can be decided; else where to go: the review page, or a 409
    for a decision posted on a submission that another commissioner has moved meanwhile."""
    try:
        services.check_can_decide(proposal)
    except AlreadyChanged as error:
        if request.method == "POST":
            lost_race(error)
        flash(str(error), "info")
        return redirect(url_for("triage.review", proposal_id=proposal.id))
    return None


def decide_form(proposal, form: DecisionForm):
    """The decision form, with what was typed and any errors beside their fields."""
    return render_template(
        "triage/decide.html",
        proposal=proposal,
        form=form,
        co_commissioners=joint.co_commissioners(proposal.id),
        positions=joint.POSITIONS,
    )


@bp.route("/<int:proposal_id>/decide", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def decide(proposal_id: int):
    """Accept or reject with reasons; a complete decision goes to its confirmation page."""
    proposal = commissioner_proposal(proposal_id)
    elsewhere = decidable(proposal)
    if elsewhere:
        return elsewhere
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            draft = services.preview(proposal, current_user, decision_from(form))
        except AlreadyChanged as error:
            lost_race(error)
        except services.DecisionInvalid as error:
            error.attach(form)
        else:
            return render_template(
                "triage/confirm_decision.html",
                answers=form,
                **letters.letter_context(proposal, draft),
            )
    return decide_form(proposal, form)


@bp.post("/<int:proposal_id>/decide/confirm")
@role_required(Role.COMMISSIONER)
def confirm_decision(proposal_id: int):
    """Record and send the decision the commissioner has read, or go back to change it."""
    proposal = commissioner_proposal(proposal_id)
    elsewhere = decidable(proposal)
    if elsewhere:
        return elsewhere
    form = DecisionForm()
    if request.form.get("step") == "change":
        return decide_form(proposal, form)
    if form.validate_on_submit():
        try:
            services.decide(
                proposal,
                current_user,
                decision_from(form),
                current_app.config,
                external_url("proposals.overview", proposal_id=proposal.id),
            )
        except AlreadyChanged as error:
            lost_race(error)
        except services.DecisionInvalid as error:
            error.attach(form)
        else:
            flash(
                "Decision recorded, sent to the organisation and published on the register.",
                "success",
            )
            return redirect(url_for("triage.review", proposal_id=proposal.id))
    return decide_form(proposal, form)


@bp.route("/settings", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def settings():
    """The body's response period, in working days, and the contact details on its letters."""
    body = current_user.public_body
    form = BodySettingsForm(obj=body)
    if form.validate_on_submit():
        services.save_body_settings(body.id, form.response_period_days.data, form.details())
        flash(
            f"{body.name} now decides submissions within {form.response_period_days.data} "
            "working days. Contact details saved.",
            "success",
        )
        return redirect(url_for("triage.queue"))
    return render_template("triage/settings.html", form=form, body=body)
