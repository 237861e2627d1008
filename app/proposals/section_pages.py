"""The parts of a section's question page: its form, what the page edits, how a post is saved,
and how the page is shown (the routes are in section_views.py).

A section may ask over several pages. The typed text kept for a page that had errors is kept
per item (or section) by input name, so each page shows its own and none hides another's.
"""

from flask import current_app, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from . import answers, items, kinds, services
from .forms import revision_of, section_form_class, version_of
from .models import Proposal
from .presenting import change_lines
from .questions import Page
from .sections import Section

PROXY_LIBRARY = "proxies.choose"


def choices_for(proposal: Proposal, section: Section, page: Page, item_id: str | None):
    """What the page's questions offer: the case's own items, and the platform's bodies.

    A body the page's answer already names stays on offer even if the platform no longer
    lists it, so saving the page does not drop it. An outcome never leads to itself.
    """
    bodies: tuple[str, ...] = ()
    if any(spec.kind in ("public_body", "public_bodies") for spec in page.fields):
        bodies = tuple(services.public_body_names())
        source = source_of(proposal, section, item_id) or {}
        for spec in page.fields:
            named = answers.read(source, spec.path) if spec.kind == "public_body" else None
            if isinstance(named, str) and named and named not in bodies:
                bodies += (named,)
    without = item_id if section.key == "outcomes" else None
    return kinds.case_choices(proposal.draft, bodies, without)


def source_of(proposal: Proposal, section: Section, item_id: str | None):
    """What a page edits: the item (None when it is new or gone), or the whole draft."""
    if not section.repeating:
        return proposal.draft
    found = services.find_item(proposal, section, item_id) if item_id is not None else None
    return found[1] if found else None


def initial_data(proposal, section: Section, page: Page, source, choices) -> dict:
    """The page's answers as the document (or the item) holds them."""
    data = {}
    for spec in page.fields_for(proposal.kind):
        if spec.path:
            data |= kinds.to_form(spec, answers.read(source or {}, spec.path), choices)
    if section.toggle and any(spec.name == section.toggle for spec in page.fields):
        *within, key = section.optional_object
        holder = answers.read(proposal.draft, tuple(within))
        answered = isinstance(holder, dict) and key in holder
        # null is the answer "no"; absent is no answer yet
        data[section.toggle] = ("no" if holder[key] is None else "yes") if answered else ""
    data["revision"] = proposal.revision
    if section.repeating:
        data["item_version"] = items.fingerprint(source) if source is not None else ""
    else:
        data["completed"] = "yes" if section.key in (proposal.completed_sections or []) else ""
    return data


def input_names(proposal: Proposal, page: Page, choices) -> dict[str, list[str]]:
    """Each question of the page with the names of the inputs that answer it."""
    return {spec.name: kinds.part_names(spec, choices) for spec in page.fields_for(proposal.kind)}


def make_form(proposal, section, page, item_id, choices, formdata=None):
    """The page's form: posted data, kept typed input, or the document's answers."""
    source = source_of(proposal, section, item_id)
    last = answers.next_page(section, page, proposal.kind, source) is None
    form_class = section_form_class(
        section, page, proposal.kind, choices, with_completion=not section.repeating and last
    )
    if formdata is not None:
        return form_class(formdata=formdata)
    names = [n for group in input_names(proposal, page, choices).values() for n in group]
    typed = (proposal.typed or {}).get(services.typed_key(current_user, section, item_id))
    if isinstance(typed, dict) and any(name in typed for name in names):
        kept = [(name, value) for name in names for value in typed.get(name, [])]
        form = form_class(formdata=MultiDict(kept))
        loaded_now(form, proposal, section, item_id)
        form.check_answers()
        return form
    return form_class(formdata=as_formdata(initial_data(proposal, section, page, source, choices)))


def loaded_now(form, proposal: Proposal, section: Section, item_id: str | None) -> None:
    """Make the form's hidden fields say it was loaded from the draft as it is now."""
    form.revision.data = str(proposal.revision)
    if "item_version" in form:
        found = source_of(proposal, section, item_id)
        form["item_version"].data = items.fingerprint(found) if found is not None else ""


def as_formdata(data: dict) -> MultiDict:
    """Answers as a browser would post them, so every field shows them as text."""
    pairs = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                pairs.append((name, str(item)))
    return MultiDict(pairs)


def handle_post(proposal: Proposal, section: Section, page: Page, item_id: str | None):
    """Save what is valid, keep what is not; returns (form, saved item id, refusal).

    The saved item id is None when a new item was not added.
    """
    choices = choices_for(proposal, section, page, item_id)
    form = make_form(proposal, section, page, item_id, choices, formdata=request.form)
    form.validate()
    groups = input_names(proposal, page, choices)
    values = {
        spec.name: kinds.from_form(spec, {n: form[n].data for n in groups[spec.name]}, choices)
        for spec in page.fields_for(proposal.kind)
        if not any(form[n].errors for n in groups[spec.name])
    }
    naming = section.id_from
    if item_id is None and naming and naming in form and form[naming].errors:
        # a new item without the answer it is known by is not added: the page shows again
        loaded_now(form, proposal, section, None)
        return form, None, None
    names = tuple(n for group in groups.values() for n in group)
    typed = {}
    if any(form[n].errors for n in names):
        typed = {n: request.form.getlist(n)[:1000] for n in names}
    page_save = services.Save(
        section, values, typed, revision_of(form), item_id, version_of(form), names
    )
    try:
        saved = services.save(proposal, current_user, page_save)
    except (services.StaleDraft, services.ItemGone) as refusal:
        loaded_now(form, proposal, section, item_id)
        return form, item_id, refusal
    loaded_now(form, proposal, section, saved)
    return form, saved, None


def page_url(proposal: Proposal, section: Section, page: Page | None, item_id: str | None):
    """The address of a page: its section's (or item's) address, with ?page= after the first."""
    later = {"page": page.key} if page is not None and page.key else {}
    if not section.repeating:
        return url_for("sections.edit", proposal_id=proposal.id, key=section.key, **later)
    if item_id is None:
        return url_for("sections.item", proposal_id=proposal.id, key=section.key)
    return url_for(
        "sections.item", proposal_id=proposal.id, key=section.key, item_id=item_id, **later
    )


def render(proposal, section, page, form, item_id=None, refusal=None, status=200):
    """The question page; after a refusal, what was typed with why it was not saved."""
    kind = proposal.kind
    gone = isinstance(refusal, services.ItemGone)
    conflict = refusal if isinstance(refusal, services.StaleDraft) else None
    first = page == section.pages_for(kind)[0]
    source = source_of(proposal, section, item_id)
    before = answers.previous_page(section, page, kind, source) if source is not None else None
    if before is not None:
        back = page_url(proposal, section, before, item_id)
    elif section.repeating:
        back = url_for("sections.edit", proposal_id=proposal.id, key=section.key)
    else:
        back = url_for("proposals.overview", proposal_id=proposal.id)
    choices = choices_for(proposal, section, page, item_id)
    return render_template(
        "proposals/section.html",
        proposal=proposal,
        section=section,
        page=page,
        form=form,
        heading=heading(section, page, first, item_id is not None and not gone),
        item_title=item_title(section, source) if not first else "",
        # saving the first page again adds what was typed as a new item
        action=page_url(proposal, section, page, None if gone and first else item_id),
        back=back,
        intro=page.intro or (section.intro if first else ""),
        conflict=conflict,
        changes=change_lines(conflict.changes, current_user.id) if conflict else [],
        gone=gone,
        gone_first=gone and first,
        questions=[
            (spec, [form[name] for name in kinds.part_names(spec, choices)])
            for spec in page.fields_for(kind)
        ],
        proxy_library=proxy_library_url(proposal, section, page, item_id, gone),
    ), status


def item_title(section: Section, source) -> str:
    """The name of the item a later page is about ("" outside a list)."""
    return answers.item_title(section, source, 0) if section.repeating and source else ""


def heading(section: Section, page: Page, first: bool, existing: bool) -> str:
    """The page's heading: the section's title, the page's, or "Add an outcome"."""
    if not first or not section.repeating:
        return page.title or section.title
    article = "an" if section.item_name[0] in "aeiou" else "a"
    return f"{'Change' if existing else 'Add'} {article} {section.item_name}"


def proxy_library_url(proposal, section, page, item_id, gone) -> str | None:
    """Where to choose an outcome's value from the proxy library, once the library is there."""
    if section.key != "outcomes" or page.key != "value" or item_id is None or gone:
        return None
    if PROXY_LIBRARY not in current_app.view_functions:
        return None
    return url_for(PROXY_LIBRARY, proposal_id=proposal.id, item_id=item_id)
