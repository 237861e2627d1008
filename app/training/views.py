"""Training pages: dashboard, modules, quizzes, placement, learning plan and team progress."""

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
from flask_login import current_user, login_required
from markupsafe import Markup

from ..accounts.access import role_required
from ..accounts.models import Role
from ..extensions import limiter
from ..links import external_url
from ..reports.pdf import render_as_pdf
from . import certificates, services
from .banks import QUESTIONS_PER_QUIZ
from .content import Curriculum, Module
from .forms import VerifyForm, placement_form, quiz_form
from .marking import quiz_version, review_by_stage
from .markup import render_markdown
from .plan import GuardedChecker, learning_plan

bp = Blueprint("training", __name__, url_prefix="/training")


def current_curriculum() -> Curriculum:
    """The curriculum loaded at start-up."""
    return current_app.extensions["curriculum"]


@bp.get("/")
@login_required
def dashboard():
    """The person's stage, progress per stage, the next module and their certificates."""
    curriculum = current_curriculum()
    progress = services.progress_for(current_user, curriculum)
    certificates.issue_due_and_commit(current_user, progress)
    return render_template(
        "training/dashboard.html",
        curriculum=curriculum,
        progress=progress,
        placement=services.placement_of(current_user),
        certificates=certificates.certificates_of(current_user),
    )


@bp.get("/modules/<module_id>")
@login_required
def module(module_id: str):
    """A module: objectives, body and sources; its quiz if the stage is open."""
    curriculum = current_curriculum()
    found = curriculum.module(module_id) or abort(404)
    progress = services.progress_for(current_user, curriculum)
    return render_template(
        "training/module.html",
        module=found,
        stage=curriculum.stage(found.stage),
        body=Markup(render_markdown(found.body)),  # raw HTML in content is escaped
        progress=progress,
        curriculum=curriculum,
        opens_at=services.quiz_opens_at(current_user, found.id, cooldown_hours()),
        **quiz_terms(found),
    )


@bp.route("/modules/<module_id>/quiz", methods=["GET", "POST"])
@login_required
def quiz(module_id: str):
    """The questions drawn for the person's next attempt, marked on the server."""
    curriculum = current_curriculum()
    found = curriculum.module(module_id) or abort(404)
    progress = services.progress_for(current_user, curriculum)
    if not progress.quiz_open(found.id):
        return render_template("training/locked.html", module=found, progress=progress), 403
    opens_at = services.quiz_opens_at(current_user, found.id, cooldown_hours())
    if opens_at is not None:
        return render_template("training/cooldown.html", module=found, opens_at=opens_at), 403
    questions = services.quiz_draw(current_user, found, current_app.secret_key)
    version = quiz_version(questions)
    form = quiz_form(questions, version)
    changed = form.is_submitted() and form.version.data != version
    if changed:
        form = quiz_form(questions, version, formdata=None)
    elif form.validate_on_submit():
        pass_mark = current_app.config["TRAINING_PASS_MARK"]
        attempt = services.record_attempt(
            current_user, found, questions, form.chosen(), pass_mark, curriculum
        )
        return redirect(url_for(".attempt", module_id=found.id, attempt_id=attempt.id))
    return render_template(
        "training/quiz.html", module=found, form=form, changed=changed, **quiz_terms(found)
    )


@bp.get("/modules/<module_id>/attempts/<int:attempt_id>")
@login_required
def attempt(module_id: str, attempt_id: int):
    """A marked attempt: the score and the questions got wrong; after a pass, the right
    answers with their explanations."""
    curriculum = current_curriculum()
    found = curriculum.module(module_id) or abort(404)
    record = services.attempt_of(current_user, attempt_id, found.id) or abort(404)
    progress = services.progress_for(current_user, curriculum)
    return render_template(
        "training/attempt.html",
        module=found,
        attempt=record,
        stage=progress.stage_of(found.stage),
        certificate=certificates.certificate_of(current_user, found.stage),
        opens_at=services.quiz_opens_at(current_user, found.id, cooldown_hours()),
    )


@bp.route("/placement", methods=["GET", "POST"])
@login_required
def placement():
    """The placement self-assessment, which can start a person at a later stage; it can be
    taken again once the waiting period after the last one has passed."""
    curriculum = current_curriculum()
    status = services.placement_status(current_user, retake_days())
    asked_for_form = request.method == "POST" or "again" in request.args
    if status.placement is not None and not (status.due and asked_for_form):
        return placed_page(status, curriculum), 403 if request.method == "POST" else 200
    drawn = services.placement_draw(current_user, curriculum, current_app.secret_key)
    version = quiz_version([question for questions in drawn.values() for question in questions])
    form = placement_form(drawn, version)
    changed = form.is_submitted() and form.version.data != version
    if changed:
        form = placement_form(drawn, version, formdata=None)
    elif form.validate_on_submit():
        try:
            placed = services.record_placement(current_user, drawn, form.chosen(), retake_days())
        except services.PlacementNotDue:  # the same page submitted twice
            return redirect(url_for(".placement"))
        flash(f"You are placed at {curriculum.stage(placed.stage).label}.", "success")
        return redirect(url_for(".placement"))
    return render_template(
        "training/placement.html",
        form=form,
        curriculum=curriculum,
        changed=changed,
        taken=status.placement,
    )


def placed_page(status: services.PlacementStatus, curriculum: Curriculum) -> str:
    """The person's placement, their answers (right answers only for the stages passed) and
    when they can take the self-assessment again."""
    return render_template(
        "training/placed.html",
        placement=status.placement,
        curriculum=curriculum,
        review=review_by_stage(status.placement.answers),
        retake_at=status.retake_at,
        due=status.due,
    )


def retake_days() -> float:
    """How long after taking the placement self-assessment it can be taken again, in days."""
    return current_app.config["PLACEMENT_RETAKE_DAYS"]


def cooldown_hours() -> float:
    """The cool-down after two failed attempts in a row, in hours."""
    return current_app.config["QUIZ_COOLDOWN_HOURS"]


def quiz_terms(module: Module) -> dict:
    """What the module and quiz pages say about how the quiz works."""
    return {
        "per_attempt": min(QUESTIONS_PER_QUIZ, len(module.quiz)),
        "bank_size": len(module.quiz),
        "cooldown_hours": cooldown_hours(),
    }


@bp.get("/plan")
@login_required
def plan():
    """The modules that address the gaps the checks find in the organisation's proposals."""
    curriculum = current_curriculum()
    rulebook = current_app.extensions.get("rulebook")
    context = {"curriculum": curriculum, "plan": None, "skipped": 0, "checked": 0}
    if current_user.organisation_id is not None and rulebook is not None:
        reports, skipped = services.organisation_reports(
            current_user.organisation_id, GuardedChecker(rulebook)
        )
        passed = services.progress_for(current_user, curriculum).passed_ids
        plan = learning_plan(reports, curriculum, passed)
        context.update(plan=plan, skipped=skipped, checked=len(reports) - len(plan.unchecked))
    return render_template("training/plan.html", checks_loaded=rulebook is not None, **context)


@bp.get("/people")
@role_required(Role.COMMISSIONER, Role.ADMIN)
def people():
    """Training progress: a commissioner sees their public body's commissioners, an admin
    everyone."""
    curriculum = current_curriculum()
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    pagination, rows = services.people_page(current_user, curriculum, page)
    return render_template(
        "training/people.html", pagination=pagination, rows=rows, curriculum=curriculum
    )


@bp.get("/certificates/<int:stage>.pdf")
@login_required
def certificate(stage: int):
    """The person's certificate for a passed stage, as a PDF."""
    found = certificates.certificate_of(current_user, stage) or abort(404)
    html = render_template(
        "training/certificate_pdf.html",
        certificate=found,
        code=certificates.format_code(found.code),
        verify_url=external_url("training.verify", code=found.code),
    )
    return Response(
        render_as_pdf(html, request.url_root),
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="certificate-stage-{stage}.pdf"'},
    )


@bp.get("/certificates/verify")
@limiter.limit("30 per minute")
def verify():
    """Anyone can check a verification code: name, stage and date, or not found."""
    form = VerifyForm(request.args)
    searched = "code" in request.args and form.validate()
    found = certificates.find_certificate(form.code.data) if searched else None
    return render_template(
        "training/verify.html",
        form=form,
        searched=searched,
        certificate=found,
        code=certificates.format_code(found.code) if found else None,
    )
