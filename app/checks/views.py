"""The self-check of a draft and the public list of rules."""

from flask import Blueprint, current_app, render_template, request, url_for
from werkzeug.routing import BuildError

from ..delivery.learning import delivery_by_tier
from ..proposals.access import member_proposal
from ..proposals.document import validate_document
from ..proposals.presenting import linked_errors
from ..proposals.sections import section_for_path
from . import rules_page as page
from .titles import rule_title

bp = Blueprint("checks", __name__)
bp.add_app_template_global(page.rule_anchor, "rule_anchor")
bp.add_app_template_global(rule_title, "rule_title")


def module_link(module_id: str) -> str:
    """Where a module is taught (the training module page once it exists)."""
    try:
        return url_for("training.module", module_id=module_id)
    except BuildError:
        return url_for("checks.rules_page", _anchor=f"module-{module_id}")


@bp.get("/proposals/<int:proposal_id>/check")
@member_proposal()
def self_check(proposal):
    """Check for gaps: tier, each area's status and score, findings with fixes and modules."""
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
    """Every rule in plain English, by area and tier, with a search by words."""
    rulebook = current_app.extensions["rulebook"]
    entries = [page.entry(rule) for rule in rulebook.rules]
    query = request.args.get("q", "")[: page.MAX_QUERY].strip()
    found = page.search(entries, query)
    return render_template(
        "checks/rules.html",
        sections=page.sections(found),
        total=len(entries),
        found=len(found),
        query=query,
        searching=bool(page.query_words(query)),
        thresholds=page.thresholds(rulebook.parameters),
        delivery=delivery_by_tier(),
        modules={m.id: m for m in rulebook.curriculum.modules},
        module_link=module_link,
    )
