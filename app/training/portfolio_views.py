"""Training pages for portfolios: the learner writes theirs on their own proposal or case and
submits it; an assessor marks it against the stage's rubric with feedback."""

from collections.abc import Callable
from functools import wraps

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from . import portfolio_services as portfolios
from .content import Stage
from .forms import PortfolioForm, assessment_form
from .loaded import current_curriculum

bp = Blueprint("portfolios", __name__)


def assessor_required(view: Callable) -> Callable:
    """Allow only signed-in people an admin has named assessors."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.assessor:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def stage_with_portfolio(number: int) -> Stage:
    """A stage that asks for a portfolio, or 404."""
    stage = current_curriculum().stage(number)
    if stage is None or stage.portfolio is None:
        abort(404)
    return stage


@bp.route("/portfolio/<int:stage>", methods=["GET", "POST"])
@login_required
def edit(stage: int):
    """The learner's portfolio for a stage: the brief and rubric, the rounds so far with their
    feedback, and the form to write or resubmit it."""
    found = stage_with_portfolio(stage)
    history = portfolios.rounds(current_user, found.number)
    current = history[0] if history else None
    cases = portfolios.cases_to_choose(current_user)
    form = PortfolioForm(
        data={"proposal_id": current.proposal_id, "answer": current.answer} if current else None
    )
    form.proposal_id.choices = cases
    writable = current is None or current.status in (portfolios.DRAFT, portfolios.NOT_YET)
    if writable and cases and form.validate_on_submit():
        try:
            saved = portfolios.save(
                current_user,
                found.number,
                found.portfolio,
                form.proposal_id.data,
                form.answer.data,
                submit=bool(form.submit.data),
            )
        except portfolios.PortfolioInvalid as error:
            error.attach(form)
        else:
            submitted = saved.status == portfolios.SUBMITTED
            flash(
                "Your portfolio is submitted for assessment."
                if submitted
                else "Your portfolio is saved as a draft.",
                "success",
            )
            return redirect(url_for(".edit", stage=found.number))
    return render_template(
        "training/portfolio.html",
        stage=found,
        form=form,
        history=history,
        current=current,
        writable=writable,
        cases=cases,
    )


@bp.get("/assessments")
@assessor_required
def assessments():
    """The portfolios waiting for an assessor (never the assessor's own), and those they
    marked lately."""
    return render_template(
        "training/assessments.html",
        waiting=portfolios.awaiting(current_user),
        marked=portfolios.marked_by(current_user),
        curriculum=current_curriculum(),
    )


@bp.route("/assessments/<int:user_id>/<int:stage>", methods=["GET", "POST"])
@assessor_required
def assess(user_id: int, stage: int):
    """Mark someone's latest portfolio round for a stage against the rubric, with feedback."""
    found = stage_with_portfolio(stage)
    try:
        portfolio = portfolios.for_assessment(current_user, user_id, found.number)
    except portfolios.NotAllowed:
        abort(403)
    if portfolio is None or portfolio.status == portfolios.DRAFT:
        abort(404)
    form = assessment_form(found.portfolio)
    if portfolio.status == portfolios.SUBMITTED and form.validate_on_submit():
        try:
            portfolios.assess(
                portfolio,
                current_user,
                found.portfolio,
                form.results(),
                form.feedback.data,
                current_curriculum(),
            )
        except portfolios.PortfolioInvalid as error:
            error.attach(form)
        else:
            flash(f"Your marking of {portfolio.user.name}'s portfolio is saved.", "success")
            return redirect(url_for(".assessments"))
    return render_template("training/assess.html", stage=found, portfolio=portfolio, form=form)
