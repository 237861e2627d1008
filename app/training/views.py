"""Training pages: dashboard, tracks, modules, quizzes, placement, learning plan, team progress
and certificates. The pages for module records and CPD, and for portfolios, are in
:mod:`.records_views` and :mod:`.portfolio_views`, registered under this blueprint."""

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
from ..triage.forms import AREA_CHOICES
from ..triage.models import AREAS
from . import (
    certificates,
    portfolio_services,
    portfolio_views,
    record_services,
    records_views,
    services,
)
from .banks import QUESTIONS_PER_QUIZ
from .casework import casework_plan
from .certified import certified
from .content import Curriculum, Module
from .forms import ReadForm, TrackForm, VerifyForm, placement_form, quiz_form
from .loaded import current_curriculum
from .marking import quiz_version, review_by_stage
from .markup import render_markdown
from .plan import GuardedChecker, learning_plan
from .progress import study_first
from .qr import qr_data_uri

bp = Blueprint("training", __name__, url_prefix="/training")
bp.register_blueprint(records_views.bp)
bp.register_blueprint(portfolio_views.bp)


@bp.get("/")
@login_required
def dashboard():
    """The person's track and stage, progress per step, what they have done in each module, the
    next module, their portfolios and their certificates."""
    curriculum = current_curriculum()
    progress = own_progress(curriculum)
    certificates.issue_due_and_commit(current_user, progress, curriculum)
    portfolio_stages = [stage for stage in curriculum.stages if stage.portfolio]
    return render_template(
        "training/dashboard.html",
        curriculum=curriculum,
        progress=progress,
        work=record_services.work_of(current_user),
        placement=services.placement_of(current_user),
        certificates=certificates.certificates_of(current_user),
        portfolios=[
            (stage, next(iter(portfolio_services.rounds(current_user, stage.number)), None))
            for stage in portfolio_stages
        ],
    )


@bp.route("/track", methods=["GET", "POST"])
@login_required
def track():
    """Choose the track to follow: each one orders the same modules for different people."""
    curriculum = current_curriculum()
    current = services.track_of(current_user, curriculum)
    form = TrackForm(data={"track": current.id})
    form.track.choices = [(option.id, option.name) for option in curriculum.tracks]
    if form.validate_on_submit():
        try:
            chosen = services.choose_track(current_user, form.track.data, curriculum)
        except services.TrackInvalid as error:
            error.attach(form)
        else:
            flash(f"You are following the {chosen.name} track.", "success")
            return redirect(url_for(".dashboard"))
    return render_template("training/track.html", form=form, curriculum=curriculum, current=current)


@bp.get("/modules/<module_id>")
@login_required
def module(module_id: str):
    """A module: objectives, body and sources; what the person has done in it (read, exercise,
    quiz); its quiz if it is open to them."""
    curriculum = current_curriculum()
    found = curriculum.module(module_id) or abort(404)
    progress = own_progress(curriculum)
    return render_template(
        "training/module.html",
        module=found,
        stage=curriculum.stage(found.stage),
        body=Markup(render_markdown(found.body)),  # raw HTML in content is escaped
        progress=progress,
        curriculum=curriculum,
        study_first=study_first(progress.track, found),
        work=record_services.work_of(current_user).get(found.id),
        read_form=ReadForm(),
        opens_at=services.quiz_opens_at(current_user, found.id, cooldown_hours()),
        **quiz_terms(found),
    )


@bp.route("/modules/<module_id>/quiz", methods=["GET", "POST"])
@login_required
def quiz(module_id: str):
    """The questions drawn for the person's next attempt, marked on the server."""
    curriculum = current_curriculum()
    found = curriculum.module(module_id) or abort(404)
    progress = own_progress(curriculum)
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


def own_progress(curriculum: Curriculum) -> services.Progress:
    """The person's progress, with the modules that findings on their own checks name open."""
    rulebook = current_app.extensions.get("rulebook")
    checker = GuardedChecker(rulebook) if rulebook is not None else None
    named = services.modules_named_for(current_user, checker)
    return services.progress_for(current_user, curriculum, named)


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
    """The modules that close the gaps in the person's own work: for a commissioner, the cases
    they decided; otherwise the checks of their organisation's proposals."""
    curriculum = current_curriculum()
    if current_user.role == Role.COMMISSIONER:
        return casework_page(curriculum)
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


def casework_page(curriculum: Curriculum) -> str:
    """A commissioner's plan: the modules that close the gaps in the cases they decided, in
    the order of their track."""
    progress = services.progress_for(current_user, curriculum)
    cases = services.decided_cases(current_user)
    plan = casework_plan(
        cases,
        curriculum,
        AREAS,
        dict(AREA_CHOICES),
        progress.passed_ids,
        progress.track.module_ids,
    )
    return render_template(
        "training/casework_plan.html", plan=plan, decided=len(cases), track=progress.track
    )


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
    """The person's certificate for a passed stage, as a landscape PDF: the modules with their
    learning outcomes and hours, and a QR code of the public verification page."""
    found = certificates.certificate_of(current_user, stage) or abort(404)
    verify_url = external_url("training.verify", code=found.code)
    html = render_template(
        "training/certificate_pdf.html",
        certificate=found,
        certified=certified(found.record, current_curriculum(), found.stage),
        code=certificates.format_code(found.code),
        verify_url=verify_url,
        qr=qr_data_uri(verify_url),
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
        certified=certified(found.record, current_curriculum(), found.stage) if found else None,
        code=certificates.format_code(found.code) if found else None,
    )
