"""What the assessment pages show, and the small form helpers the views share.

The context of an assessment (figures by group, the check report, links from each finding to
the page that fixes it and to its module) is made here once, for the commissioner's page, the
confirmation page and the public page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from flask import abort, current_app, render_template, request, url_for

from ..accounts.models import utcnow
from ..checks.rulebook import Rulebook
from . import services
from .facts import OPTION_KINDS
from .forms import CHARACTERISTICS, OPTION_ROWS, DecisionForm, DetailsForm, OptionsForm
from .models import CHANGES, DECISIONS, DecommissioningAssessment

REASONS_THIN = services.ReasonsTooThin


def today() -> dt.date:
    """Today, in UTC: the day consultation is due by for an undecided assessment."""
    return utcnow().date()


def details_form(public_body_id: int, assessment: DecommissioningAssessment | None = None):
    """The details form with the body's published services to choose from."""
    shown = assessment is not None and request.method != "POST"
    form = DetailsForm(data=services.details_answers(assessment) if shown else None)
    form.baseline_id.choices = [("", "None: the service has no published baseline")] + [
        (str(baseline.id), baseline.name) for baseline in services.baselines_of(public_body_id)
    ]
    if not form.revision.data:
        form.revision.data = str(assessment.revision) if assessment else ""
    return form


def service_named(form: DetailsForm) -> bool:
    """A published service is chosen or a service is named; else the error is on the name."""
    if form.baseline_id.data or (form.service_name.data or "").strip():
        return True
    form.service_name.errors.append("Choose a published service or enter the service's name")
    return False


def stored_group(assessment: DecommissioningAssessment, number: int | None) -> dict[str, Any]:
    """Group ``number`` as stored and as form answers (a new group when None; 404 when gone)."""
    groups = (assessment.content or {}).get("groups") or []
    if number is None:
        return {"group": {}, "answers": {}, "number": None}
    if not 1 <= number <= len(groups):
        abort(404)
    group = groups[number - 1]
    return {"group": group, "answers": services.group_answers(group), "number": number}


def options_form(assessment: DecommissioningAssessment) -> OptionsForm:
    """The options form with the stored options in their rows."""
    form = OptionsForm()
    if form.is_submitted():
        return form
    stored = list((assessment.content or {}).get("options") or [])
    defaults = {"keep": "Keep the service as it is", "proposed": "The proposed change"}
    for row, kind in zip(form.options.entries, OPTION_ROWS, strict=True):
        found = next((o for o in stored if o.get("kind") == kind), None)
        if found is not None:
            stored.remove(found)
        row.form.name.data = (found or {}).get("name") or defaults.get(kind, "")
        for name in ("annual_cost", "value"):
            value = (found or {}).get(name)
            getattr(row.form, name).data = None if value is None else Decimal(value)
        row.form.note.data = (found or {}).get("note")
    form.revision.data = str(assessment.revision)
    return form


def stale(form, template: str, **context):
    """The page again with what was typed and why nothing was saved (409)."""
    form.revision.errors = list(form.revision.errors) + [
        "Someone saved this assessment after you opened the page, so nothing was saved. "
        "Check your answers below and save again."
    ]
    form.revision.data = str(context["assessment"].revision)
    return render_template(template, form=form, **context), 409


def reasons_given(form: DecisionForm) -> bool:
    """Whether the reasons say something; else the error is on the reasons."""
    try:
        services.check_reasons(form.reasons.data or "")
    except REASONS_THIN as thin:
        form.reasons.errors = [*form.reasons.errors, str(thin)]
        return False
    return True


FIX_PAGES = {"groups": ".group", "options": ".options"}


def fix_link(assessment: DecommissioningAssessment):
    """The page that fixes a finding at a path of the assessment."""

    def link(path: str) -> str | None:
        parts = path.strip("/").split("/")
        if parts[0] == "groups" and len(parts) > 1 and parts[1].isdigit():
            number = int(parts[1]) + 1
            if parts[2:3] == ["proxy"]:
                return url_for(".proxy", assessment_id=assessment.id, number=number)
            return url_for(".group", assessment_id=assessment.id, number=number)
        if parts[0] == "groups":
            return url_for(".group", assessment_id=assessment.id)
        if parts[0] == "options":
            return url_for(".options", assessment_id=assessment.id)
        return url_for(".details", assessment_id=assessment.id)

    return link


def module_link(module: str) -> str:
    """A module's training page."""
    return url_for("training.module", module_id=module)


def assessment_context(assessment: DecommissioningAssessment) -> dict[str, Any]:
    """Everything an assessment page shows, checked with the rulebook loaded at start-up."""
    rulebook: Rulebook = current_app.extensions["rulebook"]
    on = today()
    document = services.document(assessment, on)
    report = services.report(assessment, rulebook, on)
    figures = report["value"]
    groups = []
    for index, group in enumerate(document.get("groups") or []):
        at_risk = Decimal(str(figures["by_group"][index]))
        share = Decimal(str((group.get("mitigation") or {}).get("share") or 0))
        groups.append(
            {
                "number": index + 1,
                "raw": group,
                "at_risk": at_risk,
                "after_mitigation": at_risk * (1 - share),
                "mitigation_percent": share * 100,
            }
        )
    return {
        "assessment": assessment,
        "document": document,
        "report": report,
        "groups": groups,
        "options": document.get("options") or [],
        "option_kinds": OPTION_KINDS,
        "changes": CHANGES,
        "decisions": DECISIONS,
        "characteristics": CHARACTERISTICS,
        "fix_link": fix_link(assessment),
        "module_link": module_link,
    }
