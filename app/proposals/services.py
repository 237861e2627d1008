"""Proposal operations: start, save answers safely, complete sections, submit, import, export."""

import copy
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import Organisation, PublicBody, Role, User, utcnow
from ..extensions import db
from ..notifications.services import deliver
from ..reports.prepare import pdfs_changed
from ..savings import services as savings
from . import answers as doc_answers
from . import items, lifecycle
from .document import DocumentError, empty_document, load_document, validate_document
from .models import LIGHTLY, DraftChange, Proposal, ProposalVersion
from .sections import Section
from .workflow import Party, Status


class StaleDraft(Exception):
    """The section or item was saved again (by anyone, in any tab) after this form was loaded."""

    def __init__(self, changes: list[DraftChange], revision: int):
        super().__init__("stale draft")
        self.changes = changes
        self.revision = revision


class ItemGone(Exception):
    """The item a page was changing has been removed since the page was loaded."""


class ReviewedOutOfDate(Exception):
    """The draft changed after the member opened the answers they are submitting."""

    def __init__(self, changes: list[DraftChange]):
        super().__init__("reviewed revision out of date")
        self.changes = changes


class SubmitConflict(Exception):
    """Another submit or save reached the draft first, while this one was being written."""


class NotSubmittable(Exception):
    """The draft does not yet match the proposal format."""

    def __init__(self, errors: list[DocumentError]):
        super().__init__("not submittable")
        self.errors = errors


@dataclass(frozen=True)
class Save:
    """The answers of one page, the labels they change and the typed text to keep.

    A repeating section's page names its item by id (None adds one) and carries the item's
    fingerprint as the page showed it, so only a change to that item makes the save stale.
    `names` are the inputs of the page saved, for a section asked over several pages: the
    typed text kept for those inputs is replaced, and that kept for the other pages stays.
    """

    section: Section
    values: dict[str, Any]
    typed: dict[str, list[str]]
    base_revision: int
    item_id: str | None = None
    item_version: str = ""
    names: tuple[str, ...] = ()


def organisation_proposals(organisation_id: int) -> list[Proposal]:
    """An organisation's submissions, newest first."""
    query = select(Proposal).where(Proposal.organisation_id == organisation_id)
    return list(db.session.scalars(query.order_by(Proposal.updated_at.desc(), Proposal.id.desc())))


def proposal_for_member(proposal_id: int, user: User, lightly: bool = False) -> Proposal | None:
    """The proposal if it belongs to the member's organisation (``lightly``: without its draft
    and its versions' documents until they are read)."""
    proposal = db.session.get(Proposal, proposal_id, options=LIGHTLY if lightly else ())
    if proposal is None or user.organisation_id is None:
        return None
    return proposal if proposal.organisation_id == user.organisation_id else None


def new_proposal(
    organisation: Organisation, body: PublicBody, document: dict, user: User | None
) -> Proposal:
    """Add a draft proposal (not yet committed)."""
    proposal = Proposal(
        organisation=organisation,
        public_body=body,
        kind=document["kind"],
        title=document["title"],
        draft=document,
        typed={},
        completed_sections=[],
        created_by_id=user.id if user else None,
    )
    db.session.add(proposal)
    return proposal


def public_body_names() -> list[str]:
    """The names of the public bodies on the platform, as the document records them."""
    return list(db.session.scalars(select(PublicBody.name).order_by(PublicBody.name)))


def addressable_bodies() -> list[PublicBody]:
    """The public bodies a submission can go to: those with an active commissioner to read it."""
    staffed = select(User.id).where(
        User.public_body_id == PublicBody.id,
        User.role == Role.COMMISSIONER,
        User.active.is_(True),
    )
    return list(
        db.session.scalars(select(PublicBody).where(staffed.exists()).order_by(PublicBody.name))
    )


def start(
    user: User, kind: str, body: PublicBody, title: str, baseline: Any | None = None
) -> Proposal:
    """Start a new draft for the member's organisation; a published service baseline, when
    given, fills in the service, who runs it and (for a challenge) what it costs today."""
    organisation = user.organisation
    document = empty_document(kind, title.strip(), organisation.name, body.name)
    document["organisation"]["type"] = organisation.type.value
    if organisation.registration_number:
        document["organisation"]["registration_number"] = organisation.registration_number
    if baseline is not None:
        from_baseline(document, baseline)
    proposal = new_proposal(organisation, body, document, user)
    proposal.baseline_id = baseline.id if baseline is not None else None
    db.session.commit()
    return proposal


def from_baseline(document: dict, baseline: Any) -> None:
    """Fill in the service from what its body published about it."""
    service = document.setdefault("service", {})
    service["name"] = baseline.name
    if baseline.description:
        service["description"] = baseline.description[:20000]
    if document.get("kind") == "challenge":
        service["current_provider"] = baseline.provider[:200]
        if baseline.annual_cost is not None:
            service["current_annual_cost"] = float(baseline.annual_cost)


def typed_key(user: User, section: Section, item_id: str | None) -> str:
    """Where a person's not-yet-valid input for a page is kept."""
    item = "new" if item_id is None else item_id
    return f"{user.id}:{section.key}:{item}" if section.repeating else f"{user.id}:{section.key}"


def side_ids(proposal: Proposal) -> dict:
    """The ids kept beside the draft for items the format gives no id."""
    found = (proposal.typed or {}).get(items.ITEM_IDS)
    return found if isinstance(found, dict) else {}


def find_item(proposal: Proposal, section: Section, item_id: str) -> tuple[int, dict] | None:
    """The position and content of one item of the draft, or None when it is gone."""
    return items.find(proposal.draft, section, side_ids(proposal), item_id)


def changes_since(
    proposal: Proposal, revision: int, section_key: str | None = None
) -> list[DraftChange]:
    """Everyone's saved changes after a revision, to one section or (with None) to any."""
    query = select(DraftChange).where(
        DraftChange.proposal_id == proposal.id, DraftChange.revision > revision
    )
    if section_key is not None:
        query = query.where(DraftChange.section == section_key)
    return list(db.session.scalars(query.order_by(DraftChange.revision)))


def stale_changes(proposal: Proposal, page: Save, found: tuple[int, dict] | None) -> list | None:
    """What makes a page's save stale, whoever made it and in whichever tab; None if nothing.

    A new item never is. An item is stale when its own answers differ from those its page
    showed, so changes to the list's other items do not stop a save. A one-page section is
    stale when it was changed after the revision its page was loaded at.
    """
    if page.section.repeating and page.item_id is None:
        return None
    if found is not None and page.item_version:
        if page.item_version == items.fingerprint(found[1]):
            return None
        return changes_since(proposal, page.base_revision, page.section.key)
    if page.base_revision == proposal.revision:
        return None
    return changes_since(proposal, page.base_revision, page.section.key) or None


def save(proposal: Proposal, user: User, page: Save, force: bool = False) -> str | None:
    """Write a page's valid answers and keep its invalid input; refuse stale overwrites.

    Returns the id of the item saved (for repeating sections). Raises ItemGone when the
    page's item was removed, and StaleDraft when it or the section changed since.
    """
    section, found = page.section, None
    if section.repeating and page.item_id is not None:
        found = find_item(proposal, section, page.item_id)
        if found is None:
            raise ItemGone(page.item_id)
    position = found[0] if found else None
    document, changed = doc_answers.apply_answers(
        proposal.draft, section, proposal.kind, page.values, position
    )
    # a save that would change nothing overwrites nothing (a second click on the same page)
    stale = None if force or not (changed or page.typed) else stale_changes(proposal, page, found)
    if stale is not None:
        if page.typed:
            keep_typed(proposal, user, page)
        raise StaleDraft(stale, proposal.revision)
    typed = dict(proposal.typed or {})
    kept = _other_pages_input(typed.pop(typed_key(user, section, page.item_id), None), page)
    item_id = page.item_id
    if section.repeating and item_id is None:
        # an item that holds only input still to correct is added, so the input has a home
        article = "an" if section.item_name[0] in "aeiou" else "a"
        changed = changed or ([f"added {article} {section.item_name}"] if page.typed else [])
        item_id = _add_side_id(typed, section, document) if changed else None
    if kept | page.typed:
        typed[typed_key(user, section, item_id)] = kept | page.typed
    proposal.typed = typed
    if changed:
        _record(proposal, user, section, document, changed)
    _commit()
    return item_id


def _add_side_id(typed: dict, section: Section, document: dict) -> str:
    """Give the item just appended to `document` a side id; returns the item's id."""
    side = dict(typed.get(items.ITEM_IDS) or {})
    count = len(items.entries(document, section))
    kept = items.kept_ids(section, count - 1, side.get(section.key))
    side[section.key] = kept + [items.new_id(section, kept)]
    typed[items.ITEM_IDS] = side
    return str(items.item_ids(document, section, side)[-1])


def keep_typed(proposal: Proposal, user: User, page: Save) -> None:
    """Keep what was typed on a page without changing the document."""
    typed = dict(proposal.typed or {})
    key = typed_key(user, page.section, page.item_id)
    typed[key] = _other_pages_input(typed.get(key), page) | page.typed
    proposal.typed = typed
    _commit()


def _other_pages_input(kept: Any, page: Save) -> dict:
    """The typed text kept for the item's (or section's) other pages than the one saved."""
    if not isinstance(kept, dict) or not page.names:
        return {}
    return {name: value for name, value in kept.items() if name not in page.names}


def _record(
    proposal: Proposal, user: User, section: Section, document: dict, changed: list[str]
) -> None:
    """Replace the draft and log who changed what."""
    proposal.draft = document
    proposal.title = str(document.get("title") or proposal.title)[:200]
    proposal.updated_at = utcnow()
    completed = [key for key in proposal.completed_sections or [] if key != section.key]
    if completed != list(proposal.completed_sections or []) and not section.repeating:
        proposal.completed_sections = completed
    db.session.add(
        DraftChange(
            proposal_id=proposal.id,
            revision=proposal.revision + 1,
            section=section.key,
            summary=", ".join(changed)[:2000],
            user_id=user.id,
        )
    )


def _commit() -> None:
    """Commit, turning a lost race into a stale-draft refusal."""
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise StaleDraft([], -1) from None


def set_completed(proposal: Proposal, section: Section, completed: bool) -> None:
    """Mark a section completed, or back in progress."""
    keys = [key for key in proposal.completed_sections or [] if key != section.key]
    proposal.completed_sections = keys + [section.key] if completed else keys
    _commit()


def remove_item(
    proposal: Proposal,
    user: User,
    section: Section,
    item_id: str,
    base_revision: int,
    item_version: str = "",
) -> str:
    """Remove one item of a repeating section; returns how the item was named.

    Raises ItemGone when it was already removed, and StaleDraft when it changed after the
    confirmation page showed it.
    """
    found = find_item(proposal, section, item_id)
    if found is None:
        raise ItemGone(item_id)
    page = Save(section, {}, {}, base_revision, item_id, item_version)
    stale = stale_changes(proposal, page, found)
    if stale is not None:
        raise StaleDraft(stale, proposal.revision)
    position = found[0]
    side = dict(side_ids(proposal))
    document = copy.deepcopy(proposal.draft)
    listed = items.entries(document, section)
    kept = items.kept_ids(section, len(listed), side.get(section.key))
    removed = listed.pop(position)
    del kept[position]
    side[section.key] = kept
    label = doc_answers.item_title(section, removed, position)
    _record(proposal, user, section, document, [f"removed {label}"])
    # only the removed item's kept input goes: everyone's input for the others stays theirs
    typed = {
        key: value
        for key, value in (proposal.typed or {}).items()
        if key.split(":")[1:] != [section.key, item_id]
    }
    typed[items.ITEM_IDS] = side
    proposal.typed = typed
    _commit()
    return label


def submit(
    proposal: Proposal,
    user: User,
    check_report: dict | None,
    settings: dict | None = None,
    link: str = "",
    reviewed_revision: int | None = None,
) -> ProposalVersion:
    """Freeze the draft as a new version, move the status on and tell the commissioners.

    With `reviewed_revision` (the draft revision the member's check-answers page showed), a
    draft changed since is refused with ReviewedOutOfDate. When another submit or save reaches
    the database first, while this one is being written, SubmitConflict is raised and nothing
    of this one is kept.
    """
    if reviewed_revision is not None and reviewed_revision != proposal.revision:
        raise ReviewedOutOfDate(changes_since(proposal, reviewed_revision))
    errors = validate_document(proposal.draft)
    if errors:
        raise NotSubmittable(errors)
    try:
        action = "submit" if proposal.status == Status.DRAFT else "resubmit"
        version = ProposalVersion(
            proposal=proposal,
            number=len(proposal.versions) + 1,
            document=copy.deepcopy(proposal.draft),
            check_report=check_report,
            submitted_by_id=user.id,
        )
        db.session.add(version)
        mails = lifecycle.move(proposal, action, Party.PROPOSER, user, link=link)
        proposal.record_report(check_report)
        # input typed for this draft goes; the items keep their ids for the next revision
        side = side_ids(proposal)
        proposal.typed = {items.ITEM_IDS: side} if side else {}
        db.session.commit()
    except (StaleDataError, IntegrityError):
        # the revision check on the row (or the version number) found a write that came first
        db.session.rollback()
        raise SubmitConflict() from None
    deliver(settings, mails)
    savings.invite(version, settings)
    pdfs_changed(proposal.id)
    return version


def import_document(
    raw: bytes | str, organisation: Organisation, body: PublicBody, user: User | None
) -> Proposal:
    """Create a draft from a JSON document in proposal/2, or in proposal/1 (converted to
    proposal/2); DocumentInvalid lists every error, at the document's own paths."""
    document = load_document(raw)
    document["commissioner"] = document.get("commissioner") or body.name
    proposal = new_proposal(organisation, body, document, user)
    db.session.commit()
    return proposal


def version(proposal: Proposal, number: int) -> ProposalVersion | None:
    """One submitted version of a proposal."""
    return next((v for v in proposal.versions if v.number == number), None)
