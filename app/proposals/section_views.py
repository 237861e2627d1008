"""Section pages of the task list: one page of questions, or items added one per page.

A repeating section's item pages are addressed by the item's stable id (see items.py), so a
page opened before another item was added or removed still changes the item it showed.
"""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from . import answers, items, services
from .access import member_proposal
from .forms import CompletionForm, RemoveForm, revision_of, section_form_class, version_of
from .models import Proposal
from .presenting import change_lines
from .sections import BY_KEY, Section

bp = Blueprint("sections", __name__, url_prefix="/proposals/<int:proposal_id>/sections")

PARTLY_SAVED = "We saved the answers that were valid. Correct the others below."


def section_or_404(proposal: Proposal, key: str) -> Section:
    """The section, if this kind of submission has it."""
    section = BY_KEY.get(key)
    if section is None or proposal.kind not in section.kinds:
        abort(404)
    return section


def list_section_or_404(proposal: Proposal, key: str) -> Section:
    """The repeating section, if this kind of submission has it."""
    section = section_or_404(proposal, key)
    if not section.repeating:
        abort(404)
    return section


def stakeholder_choices(proposal: Proposal) -> list[tuple[str, str]]:
    """The stakeholders entered so far, for questions that refer to them."""
    found = answers.read(proposal.draft, ("stakeholders",)) or []
    return [
        (str(s.get("id")), str(s.get("name") or s.get("id")))
        for s in found
        if isinstance(s, dict) and s.get("id")
    ]


def initial_data(proposal: Proposal, section: Section, item: dict | None) -> dict:
    """The form's answers as the document holds them (for an item, as that item holds them)."""
    source = (item or {}) if section.repeating else proposal.draft
    data = {
        spec.name: answers.to_form(spec, answers.read(source, spec.path))
        for spec in section.fields_for(proposal.kind)
        if spec.path
    }
    if section.toggle:
        contract = proposal.draft.get("contract") or {}
        present = answers.read(proposal.draft, section.optional_object) is not None
        data[section.toggle] = (
            "yes" if present else ("no" if "payment_by_results" in contract else "")
        )
    data["revision"] = proposal.revision
    if section.repeating:
        data["item_version"] = items.fingerprint(item) if item is not None else ""
    else:
        data["completed"] = "yes" if section.key in (proposal.completed_sections or []) else ""
    return data


def make_form(proposal: Proposal, section: Section, item_id: str | None, formdata=None):
    """The page's form: posted data, kept typed input, or the document's answers."""
    form_class = section_form_class(
        section, proposal.kind, stakeholder_choices(proposal), with_completion=not section.repeating
    )
    if formdata is not None:
        return form_class(formdata=formdata)
    key = services.typed_key(current_user, section, item_id)
    typed = (proposal.typed or {}).get(key)
    if typed:
        form = form_class(formdata=MultiDict([(k, v) for k, vs in typed.items() for v in vs]))
        loaded_now(form, proposal, section, item_id)
        form.validate()
        return form
    found = services.find_item(proposal, section, item_id) if item_id is not None else None
    return form_class(formdata=as_formdata(initial_data(proposal, section, found and found[1])))


def loaded_now(form, proposal: Proposal, section: Section, item_id: str | None) -> None:
    """Make the form's hidden fields say it was loaded from the draft as it is now."""
    form.revision.data = str(proposal.revision)
    if "item_version" in form:
        found = services.find_item(proposal, section, item_id) if item_id is not None else None
        form["item_version"].data = items.fingerprint(found[1]) if found else ""


def as_formdata(data: dict) -> MultiDict:
    """Answers as a browser would post them, so every field shows them as text."""
    pairs = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                pairs.append((name, str(item)))
    return MultiDict(pairs)


def handle_post(proposal: Proposal, section: Section, item_id: str | None):
    """Save what is valid, keep what is not; returns (form, saved item id, refusal)."""
    form = make_form(proposal, section, item_id, formdata=request.form)
    form.validate()
    specs = section.fields_for(proposal.kind)
    values = {
        s.name: answers.from_form(s, form[s.name].data) for s in specs if not form[s.name].errors
    }
    typed = {}
    if any(form[s.name].errors for s in specs):
        typed = {s.name: request.form.getlist(s.name)[:1000] for s in specs}
    page = services.Save(section, values, typed, revision_of(form), item_id, version_of(form))
    try:
        saved = services.save(proposal, current_user, page)
    except (services.StaleDraft, services.ItemGone) as refusal:
        loaded_now(form, proposal, section, item_id)
        return form, item_id, refusal
    loaded_now(form, proposal, section, saved)
    return form, saved, None


def render(proposal, section, form, item_id=None, refusal=None, status=200):
    """The question page; after a refusal, what was typed with why it was not saved."""
    gone = isinstance(refusal, services.ItemGone)
    conflict = refusal if isinstance(refusal, services.StaleDraft) else None
    if gone:
        item_id = None  # saving the page again adds what was typed as a new item
    if not section.repeating:
        action = url_for("sections.edit", proposal_id=proposal.id, key=section.key)
    else:
        action = url_for("sections.item", proposal_id=proposal.id, key=section.key, item_id=item_id)
    return render_template(
        "proposals/section.html",
        proposal=proposal,
        section=section,
        form=form,
        item_id=item_id,
        action=action,
        conflict=conflict,
        changes=change_lines(conflict.changes, current_user.id) if conflict else [],
        gone=gone,
        fields=section.fields_for(proposal.kind),
    ), status


def gone_page(proposal: Proposal, section: Section):
    """What an address of a removed item answers, instead of another item's page."""
    return render_template("proposals/item_gone.html", proposal=proposal, section=section), 404


@bp.route("/<key>", methods=["GET", "POST"])
@member_proposal(editing=True)
def edit(proposal: Proposal, key: str):
    """A one-page section, or the list of a repeating section's items."""
    section = section_or_404(proposal, key)
    if section.repeating:
        return item_list(proposal, section)
    if request.method == "GET":
        return render(proposal, section, make_form(proposal, section, None))
    form, _, conflict = handle_post(proposal, section, None)
    if conflict:
        return render(proposal, section, form, refusal=conflict, status=409)
    if form.errors:
        flash(PARTLY_SAVED, "info")
        return render(proposal, section, form)
    if form.completed.data:
        services.set_completed(proposal, section, form.completed.data == "yes")
    return redirect(url_for("proposals.overview", proposal_id=proposal.id))


def item_list(proposal: Proposal, section: Section):
    """The items entered so far, with links to add, change and remove."""
    form = CompletionForm(
        data={
            "revision": proposal.revision,
            "completed": "yes" if section.key in (proposal.completed_sections or []) else None,
        }
    )
    if request.method == "POST" and form.validate_on_submit():
        services.set_completed(proposal, section, form.completed.data == "yes")
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    listed = [
        (item_id, answers.item_title(section, item, position), item)
        for item_id, position, item in items.listed(
            proposal.draft, section, services.side_ids(proposal)
        )
    ]
    return render_template(
        "proposals/item_list.html", proposal=proposal, section=section, listed=listed, form=form
    )


@bp.route("/<key>/new", methods=["GET", "POST"])
@bp.route("/<key>/items/<item_id>", methods=["GET", "POST"])
@bp.get("/<key>/<int:index>")
@member_proposal(editing=True)
def item(proposal: Proposal, key: str, item_id: str | None = None, index: int | None = None):
    """Add or change one item of a repeating section (an address by position still opens it)."""
    section = list_section_or_404(proposal, key)
    if index is not None:
        listed = items.listed(proposal.draft, section, services.side_ids(proposal))
        if index >= len(listed):
            return gone_page(proposal, section)
        item_id = listed[index][0]
    if request.method == "GET":
        if item_id is not None and services.find_item(proposal, section, item_id) is None:
            return gone_page(proposal, section)
        return render(proposal, section, make_form(proposal, section, item_id), item_id)
    form, saved, refusal = handle_post(proposal, section, item_id)
    if refusal:
        return render(proposal, section, form, item_id, refusal=refusal, status=409)
    if form.errors:
        flash(PARTLY_SAVED, "info")
        return redirect(url_for("sections.item", proposal_id=proposal.id, key=key, item_id=saved))
    return redirect(url_for("sections.edit", proposal_id=proposal.id, key=key))


@bp.route("/<key>/items/<item_id>/remove", methods=["GET", "POST"])
@member_proposal(editing=True)
def remove(proposal: Proposal, key: str, item_id: str):
    """Confirm, then remove an item, unless it changed after the confirmation page showed it."""
    section = list_section_or_404(proposal, key)
    back = url_for("sections.edit", proposal_id=proposal.id, key=key)
    found = services.find_item(proposal, section, item_id)
    if found is None:
        if request.method == "POST":
            flash(f"This {section.item_name} had already been removed.", "info")
            return redirect(back)
        return gone_page(proposal, section)
    position, content = found
    title = answers.item_title(section, content, position)
    used = (
        answers.references_to(proposal.draft, str(content.get("id")))
        if section.key == "stakeholders"
        else []
    )
    shown = {"revision": proposal.revision, "item_version": items.fingerprint(content)}
    form = RemoveForm(data=None if request.method == "POST" else shown)
    if not used and form.validate_on_submit():
        try:
            services.remove_item(
                proposal, current_user, section, item_id, revision_of(form), version_of(form)
            )
        except services.ItemGone:
            flash(f"This {section.item_name} had already been removed.", "info")
        except services.StaleDraft:
            flash(
                f"This {section.item_name} was changed after you opened the page to remove it, "
                "so it was not removed. Check it, then remove it again if you still want to.",
                "info",
            )
        else:
            flash(f"Removed {title}.", "success")
        return redirect(back)
    return render_template(
        "proposals/remove.html",
        proposal=proposal,
        section=section,
        title=title,
        used=used,
        form=form,
    )
