"""Section pages of the task list: pages of questions, or items added one per page.

A section may ask its questions over several pages, in turn ("Save and continue" goes to the
next page the answers call for). A repeating section's item pages are addressed by the item's
stable id (see items.py), so a page opened before another item was added or removed still
changes the item it showed.

While a request for more information waits, only the sections it names reopen: their pages
show what is needed at the top, and the other sections' pages (and any post to them) send the
member back to the task list, saying why.
"""

from functools import wraps

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from . import answers, items, lifecycle, services
from .access import member_proposal
from .forms import CompletionForm, RemoveForm, revision_of, version_of
from .models import Proposal
from .questions import Page
from .section_pages import choices_for, handle_post, make_form, page_url, render, source_of
from .sections import BY_KEY, Section

bp = Blueprint("sections", __name__, url_prefix="/proposals/<int:proposal_id>/sections")

PARTLY_SAVED = "We saved the answers that were valid. Correct the others below."


@bp.context_processor
def information_needed() -> dict:
    """What the open request for information needs of the section shown, for its inset."""
    return {"information_needed": g.get("information_needed")}


def reopened_only(view):
    """Let the member open a section only while it is open to change: a draft's every
    section, or the sections a waiting request for information names."""

    @wraps(view)
    def wrapped(proposal: Proposal, key: str, *args, **kwargs):
        section = section_or_404(proposal, key)
        request_open = lifecycle.open_request(proposal)
        reopened = lifecycle.reopened_sections(proposal)
        if reopened is not None and section.key not in reopened:
            flash(closed_message(proposal, section, request_open), "info")
            return redirect(url_for("proposals.overview", proposal_id=proposal.id))
        g.information_needed = request_open.needed_for(section.key) if request_open else None
        return view(proposal, key, *args, **kwargs)

    return wrapped


def closed_message(proposal: Proposal, section: Section, request_open) -> str:
    """Why a section cannot be changed while the others are reopened."""
    titles = ", ".join(named.title for named, _needed in request_open.named)
    return (
        f"{section.title} cannot be changed now: {proposal.public_body.name} asked for more "
        f"information on {titles} only, so the other sections stay as you submitted them. "
        "Nothing was saved."
    )


def section_or_404(proposal: Proposal, key: str) -> Section:
    """The section, if this kind of submission has it."""
    section = BY_KEY.get(key)
    if section is None or proposal.kind not in section.kinds:
        abort(404)
    return section


def page_or_404(proposal: Proposal, section: Section, key: str) -> Page:
    """One page of the section, if this kind of submission has it."""
    return section.page(key, proposal.kind) or abort(404)


def list_section_or_404(proposal: Proposal, key: str) -> Section:
    """The repeating section, if this kind of submission has it."""
    section = section_or_404(proposal, key)
    if not section.repeating:
        abort(404)
    return section


def gone_page(proposal: Proposal, section: Section):
    """What an address of a removed item answers, instead of another item's page."""
    return render_template("proposals/item_gone.html", proposal=proposal, section=section), 404


@bp.route("/<key>", methods=["GET", "POST"])
@member_proposal(editing=True)
@reopened_only
def edit(proposal: Proposal, key: str):
    """A page of a section's questions (?page= after the first), or a list section's items."""
    section = section_or_404(proposal, key)
    if section.repeating:
        return item_list(proposal, section)
    return question_page(proposal, section, page_or_404(proposal, section, asked_page()))


def asked_page() -> str:
    """Which page of a section or item the address asks for ("" for the first)."""
    return request.args.get("page", "", type=str)[:100]


def question_page(proposal: Proposal, section: Section, page: Page):
    """Show a page of questions, or save it and go on to the next page or the task list."""
    if request.method == "GET":
        choices = choices_for(proposal, section, page, None)
        return render(proposal, section, page, make_form(proposal, section, page, None, choices))
    form, _, conflict = handle_post(proposal, section, page, None)
    if conflict:
        return render(proposal, section, page, form, refusal=conflict, status=409)
    if form.errors:
        flash(PARTLY_SAVED, "info")
        return render(proposal, section, page, form)
    if "completed" in form and form.completed.data:
        services.set_completed(proposal, section, form.completed.data == "yes")
    following = answers.next_page(section, page, proposal.kind, proposal.draft)
    if following is not None:
        return redirect(page_url(proposal, section, following, None))
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
@reopened_only
def item(proposal: Proposal, key: str, item_id: str | None = None, index: int | None = None):
    """Add an item, or change one page of it (?page= after the first); an address by position
    still opens the item."""
    section = list_section_or_404(proposal, key)
    if index is not None:
        listed = items.listed(proposal.draft, section, services.side_ids(proposal))
        if index >= len(listed):
            return gone_page(proposal, section)
        item_id = listed[index][0]
    # a new item starts on its first page: the later ones need the item to exist
    page = page_or_404(proposal, section, asked_page() if item_id is not None else "")
    return item_question_page(proposal, section, page, item_id)


def item_question_page(proposal: Proposal, section: Section, page: Page, item_id: str | None):
    """Show an item's page of questions, or save it and go on to its next page or the list."""
    if request.method == "GET":
        if item_id is not None and services.find_item(proposal, section, item_id) is None:
            return gone_page(proposal, section)
        choices = choices_for(proposal, section, page, item_id)
        form = make_form(proposal, section, page, item_id, choices)
        return render(proposal, section, page, form, item_id)
    form, saved, refusal = handle_post(proposal, section, page, item_id)
    if refusal:
        return render(proposal, section, page, form, item_id, refusal=refusal, status=409)
    if form.errors and saved is None:
        # nothing was added, so the page shows again with what was typed
        return render(proposal, section, page, form)
    if form.errors:
        flash(PARTLY_SAVED, "info")
        return redirect(page_url(proposal, section, page, saved))
    source = source_of(proposal, section, saved)
    following = answers.next_page(section, page, proposal.kind, source) if source else None
    if following is not None:
        return redirect(page_url(proposal, section, following, saved))
    return redirect(url_for("sections.edit", proposal_id=proposal.id, key=section.key))


@bp.route("/<key>/items/<item_id>/remove", methods=["GET", "POST"])
@member_proposal(editing=True)
@reopened_only
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
    own_id = content.get("id")
    used = answers.references_to(proposal.draft, section, own_id) if own_id else []
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
