"""The self-check of a draft and the public list of rules."""

from flask import Blueprint, current_app, render_template, url_for
from werkzeug.routing import BuildError

from ..proposals.access import member_proposal
from ..proposals.document import validate_document
from ..proposals.presenting import linked_errors
from ..proposals.sections import section_for_path
from .catalogue import AREA_LIST, AREA_NAMES
from .describe import describe_condition
from .vocabulary import FACTS

bp = Blueprint("checks", __name__)


def module_link(module_id: str) -> str:
    """Where a module is taught (the training module page once it exists)."""
    try:
        return url_for("training.module", module_id=module_id)
    except BuildError:
        return url_for("checks.rules_page", _anchor=f"module-{module_id}")


@bp.get("/proposals/<int:proposal_id>/check")
@member_proposal()
def self_check(proposal):
    """Check my proposal: tier, each area's status and score, findings with fixes and modules."""
    errors = validate_document(proposal.draft)
    report = None if errors else current_app.extensions["rulebook"].check(proposal.draft)

    def fix_link(path: str) -> str | None:
        section = section_for_path(path or "", proposal.kind)
        if section is None or not proposal.editable:
            return None
        return url_for("sections.edit", proposal_id=proposal.id, key=section.key)

    linked = linked_errors(errors, proposal.kind)
    return render_template(
        "checks/self_check.html",
        proposal=proposal,
        report=report,
        errors=linked,
        fix_link=fix_link,
        module_link=module_link,
    )


@bp.get("/rules", endpoint="rules_page")
def rules_page():
    """Every rule: what it checks in words, why it exists and what to learn."""
    rulebook = current_app.extensions["rulebook"]
    by_area = {area: [] for area in AREA_NAMES}
    for rule in rulebook.rules:
        by_area[rule.area].append((rule, describe_condition(rule.when)))
    modules = {m.id: m for m in rulebook.curriculum.modules}
    return render_template(
        "checks/rules.html",
        by_area=by_area,
        areas=AREA_LIST,
        area_names=AREA_NAMES,
        modules=modules,
        parameters=rulebook.parameters,
        facts=FACTS,
        module_link=module_link,
    )
