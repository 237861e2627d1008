"""Commissioners' pages for writing, checking and deciding an assessment, and its public page."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..accounts.access import role_required
from ..accounts.models import Role
from ..proxies.entry import KINDS
from ..proxies.extension import proxy_library
from ..proxies.views import search_terms
from . import pages, services
from .forms import OPTION_ROWS, ChooseProxyForm, DecisionForm, GroupForm
from .models import DECISIONS as DECISIONS_SHOWN

bp = Blueprint("decommissioning", __name__)
bp.add_app_template_global(DECISIONS_SHOWN, "decommissioning_decisions")  # baselines/show.html

STALE = (
    "Someone saved this assessment after you opened the page, so nothing was saved. Your "
    "answers are below: check the assessment, then save again."
)
DECIDED = "This assessment is decided, so it can no longer change."


def mine(assessment_id: int):
    """The assessment if it is the commissioner's body's (404 otherwise)."""
    return services.for_commissioner(assessment_id, current_user) or abort(404)


def draft(assessment_id: int):
    """The body's assessment, or a redirect to it when it is decided."""
    assessment = mine(assessment_id)
    if assessment.decided:
        flash(DECIDED, "info")
        return assessment, redirect(url_for(".show", assessment_id=assessment.id))
    return assessment, None


@bp.get("/decommissioning/")
@role_required(Role.COMMISSIONER)
def index():
    """The body's assessments, drafts first."""
    found = services.of_body(current_user.public_body_id)
    return render_template("decommissioning/index.html", assessments=found)


@bp.route("/decommissioning/new", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def new():
    """Start an assessment: the service, the change, the saving."""
    form = pages.details_form(current_user.public_body_id)
    if form.validate_on_submit() and pages.service_named(form):
        assessment = services.create(current_user, form.data)
        flash("Assessment started. Now add the groups the change affects.", "success")
        return redirect(url_for(".show", assessment_id=assessment.id))
    return render_template("decommissioning/details.html", form=form, assessment=None)


@bp.get("/decommissioning/<int:assessment_id>")
@role_required(Role.COMMISSIONER)
def show(assessment_id: int):
    """The assessment, its check report (each finding linked to its module) and history."""
    assessment = mine(assessment_id)
    context = pages.assessment_context(assessment)
    return render_template(
        "decommissioning/show.html",
        history=services.history(assessment),
        event_labels=services.EVENTS,
        **context,
    )


@bp.route("/decommissioning/<int:assessment_id>/details", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def details(assessment_id: int):
    """Change the service, the change, the equality effects and the transition."""
    assessment, elsewhere = draft(assessment_id)
    if elsewhere:
        return elsewhere
    form = pages.details_form(assessment.public_body_id, assessment)
    if form.validate_on_submit() and pages.service_named(form):
        try:
            services.save_details(assessment, current_user, form.data, form.revision.data)
        except services.Stale:
            return pages.stale(form, "decommissioning/details.html", assessment=assessment)
        flash("Assessment saved", "success")
        return redirect(url_for(".show", assessment_id=assessment.id))
    return render_template("decommissioning/details.html", form=form, assessment=assessment)


@bp.route("/decommissioning/<int:assessment_id>/groups/new", methods=["GET", "POST"])
@bp.route("/decommissioning/<int:assessment_id>/groups/<int:number>", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def group(assessment_id: int, number: int | None = None):
    """Add or change a group: what it loses, how it was consulted, what reduces the loss."""
    assessment, elsewhere = draft(assessment_id)
    if elsewhere:
        return elsewhere
    stored = pages.stored_group(assessment, number)
    form = GroupForm(data=None if request.method == "POST" else stored["answers"])
    form.revision.data = form.revision.data or str(assessment.revision)
    if form.validate_on_submit():
        try:
            saved = services.save_group(
                assessment, current_user, number, form.data, form.revision.data
            )
        except services.Stale:
            return pages.stale(form, "decommissioning/group.html", assessment=assessment, **stored)
        if number is None:
            flash("Group added. Now choose a financial proxy for what it loses.", "success")
            return redirect(url_for(".proxy", assessment_id=assessment.id, number=saved))
        flash("Group saved", "success")
        return redirect(url_for(".show", assessment_id=assessment.id, _anchor="groups"))
    return render_template("decommissioning/group.html", form=form, assessment=assessment, **stored)


@bp.post("/decommissioning/<int:assessment_id>/groups/<int:number>/remove")
@role_required(Role.COMMISSIONER)
def remove_group(assessment_id: int, number: int):
    """Remove a group."""
    assessment, elsewhere = draft(assessment_id)
    if elsewhere:
        return elsewhere
    try:
        services.remove_group(assessment, current_user, number, request.form.get("revision"))
    except services.Stale:
        flash(STALE, "info")
    else:
        flash("Group removed", "success")
    return redirect(url_for(".show", assessment_id=assessment.id, _anchor="groups"))


@bp.route("/decommissioning/<int:assessment_id>/groups/<int:number>/proxy", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def proxy(assessment_id: int, number: int):
    """Search the proxy library and use one of its values for what the group loses."""
    assessment, elsewhere = draft(assessment_id)
    if elsewhere:
        return elsewhere
    stored = pages.stored_group(assessment, number)
    form = ChooseProxyForm()
    error, status = None, 200
    if form.validate_on_submit():
        entry = proxy_library().get(form.entry.data or "")
        try:
            if entry is None:
                raise ValueError("Choose a value from the library below.")
            services.choose_proxy(assessment, current_user, number, entry, form.revision.data)
        except ValueError as refusal:
            error, status = str(refusal), 400
        except services.Stale:
            error, status = STALE, 409
        else:
            flash(f"The proxy for {stored['group']['name']} is now {entry.outcome}.", "success")
            return redirect(url_for(".show", assessment_id=assessment.id, _anchor="groups"))
    query, kind = search_terms()
    library = proxy_library()
    return render_template(
        "decommissioning/proxy.html",
        assessment=assessment,
        library=library,
        entries=library.search(query, kind),
        query=query,
        kind=kind,
        kinds=KINDS,
        error=error,
        **stored,
    ), status


@bp.route("/decommissioning/<int:assessment_id>/options", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def options(assessment_id: int):
    """The options considered, each with its annual cost and the value it keeps."""
    assessment, elsewhere = draft(assessment_id)
    if elsewhere:
        return elsewhere
    form = pages.options_form(assessment)
    if form.validate_on_submit():
        rows = [
            {**row.data, "kind": kind}
            for row, kind in zip(form.options.entries, OPTION_ROWS, strict=True)
        ]
        try:
            services.save_options(assessment, current_user, rows, form.revision.data)
        except services.Stale:
            return pages.stale(form, "decommissioning/options.html", assessment=assessment)
        flash("Options saved", "success")
        return redirect(url_for(".show", assessment_id=assessment.id, _anchor="options"))
    return render_template("decommissioning/options.html", form=form, assessment=assessment)


@bp.route("/decommissioning/<int:assessment_id>/decide", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def decide(assessment_id: int):
    """Proceed, proceed with changes or do not proceed, with reasons; then confirm."""
    assessment, elsewhere = draft(assessment_id)
    if elsewhere:
        return elsewhere
    form = DecisionForm()
    if form.validate_on_submit() and pages.reasons_given(form):
        context = pages.assessment_context(assessment)
        return render_template("decommissioning/confirm.html", answers=form, **context)
    return render_template("decommissioning/decide.html", form=form, assessment=assessment)


@bp.post("/decommissioning/<int:assessment_id>/decide/confirm")
@role_required(Role.COMMISSIONER)
def confirm(assessment_id: int):
    """Record and publish the decision the commissioner has read, or go back to change it."""
    assessment, elsewhere = draft(assessment_id)
    if elsewhere:
        return elsewhere
    form = DecisionForm()
    confirmed = request.form.get("step") != "change"
    if confirmed and form.validate_on_submit() and pages.reasons_given(form):
        try:
            services.decide(assessment, current_user, form.decision.data, form.reasons.data)
        except services.AlreadyDecided:
            flash(DECIDED, "info")
            return redirect(url_for(".show", assessment_id=assessment.id))
        flash("Decision recorded and published on the register.", "success")
        return redirect(url_for(".published", assessment_id=assessment.id))
    return render_template("decommissioning/decide.html", form=form, assessment=assessment)


@bp.get("/register/decommissioning/<int:assessment_id>")
def published(assessment_id: int):
    """A decided assessment, as the public reads it."""
    assessment = services.published(assessment_id) or abort(404)
    context = pages.assessment_context(assessment)
    return render_template("decommissioning/published.html", **context)
