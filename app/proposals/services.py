"""Proposal operations: start, save answers safely, complete sections, submit, import, export."""

import copy
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import Organisation, PublicBody, User, utcnow
from ..extensions import db
from ..notifications.services import deliver
from . import answers as doc_answers
from . import lifecycle
from .document import DocumentError, empty_document, load_document, validate_document
from .models import DraftChange, Proposal, ProposalVersion
from .sections import Section
from .workflow import Party, Status


class StaleDraft(Exception):
    """Someone else saved the same section after this form was loaded."""

    def __init__(self, changes: list[DraftChange], revision: int):
        super().__init__("stale draft")
        self.changes = changes
        self.revision = revision


class NotSubmittable(Exception):
    """The draft does not yet match the proposal format."""

    def __init__(self, errors: list[DocumentError]):
        super().__init__("not submittable")
        self.errors = errors


@dataclass(frozen=True)
class Save:
    """The answers of one page, the labels they change and the typed text to keep."""

    section: Section
    values: dict[str, Any]
    typed: dict[str, list[str]]
    base_revision: int
    item_index: int | None = None


def organisation_proposals(organisation_id: int) -> list[Proposal]:
    """An organisation's submissions, newest first."""
    query = select(Proposal).where(Proposal.organisation_id == organisation_id)
    return list(db.session.scalars(query.order_by(Proposal.updated_at.desc(), Proposal.id.desc())))


def proposal_for_member(proposal_id: int, user: User) -> Proposal | None:
    """The proposal if it belongs to the member's organisation."""
    proposal = db.session.get(Proposal, proposal_id)
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


def start(user: User, kind: str, body: PublicBody, title: str) -> Proposal:
    """Start a new draft for the member's organisation."""
    organisation = user.organisation
    document = empty_document(kind, title.strip(), organisation.name, body.name)
    document["organisation"]["type"] = organisation.type.value
    if organisation.registration_number:
        document["organisation"]["registration_number"] = organisation.registration_number
    proposal = new_proposal(organisation, body, document, user)
    db.session.commit()
    return proposal


def typed_key(user: User, section: Section, item_index: int | None) -> str:
    """Where a person's not-yet-valid input for a page is kept."""
    item = "new" if item_index is None else str(item_index)
    return f"{user.id}:{section.key}:{item}" if section.repeating else f"{user.id}:{section.key}"


def changes_since(
    proposal: Proposal, revision: int, section_key: str, user: User
) -> list[DraftChange]:
    """Other people's saved changes to one section after a revision."""
    query = select(DraftChange).where(
        DraftChange.proposal_id == proposal.id,
        DraftChange.revision > revision,
        DraftChange.section == section_key,
        DraftChange.user_id != user.id,
    )
    return list(db.session.scalars(query.order_by(DraftChange.revision)))


def save(proposal: Proposal, user: User, page: Save, force: bool = False) -> int | None:
    """Write a page's valid answers and keep its invalid input; refuse stale overwrites.

    Returns the index of the item saved (for repeating sections).
    """
    if not force and page.base_revision != proposal.revision:
        stale = changes_since(proposal, page.base_revision, page.section.key, user)
        if stale:
            keep_typed(proposal, user, page)
            raise StaleDraft(stale, proposal.revision)
    document, changed = doc_answers.apply_answers(
        proposal.draft, page.section, proposal.kind, page.values, page.item_index
    )
    index = page.item_index
    if page.section.repeating and index is None:
        index = len(doc_answers.items(document, page.section)) - 1
    typed = dict(proposal.typed or {})
    typed.pop(typed_key(user, page.section, page.item_index), None)
    if page.typed:
        typed[typed_key(user, page.section, index)] = page.typed
    proposal.typed = typed
    if changed:
        _record(proposal, user, page.section, document, changed)
    _commit()
    return index


def keep_typed(proposal: Proposal, user: User, page: Save) -> None:
    """Keep what was typed on a page without changing the document."""
    typed = dict(proposal.typed or {})
    typed[typed_key(user, page.section, page.item_index)] = page.typed
    proposal.typed = typed
    _commit()


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
    proposal: Proposal, user: User, section: Section, index: int, base_revision: int
) -> None:
    """Remove one item of a repeating section."""
    stale = changes_since(proposal, base_revision, section.key, user)
    if base_revision != proposal.revision and stale:
        raise StaleDraft(stale, proposal.revision)
    document = copy.deepcopy(proposal.draft)
    collection = doc_answers.read(document, section.list_path)
    removed = collection.pop(index)
    label = doc_answers.item_title(section, removed, index)
    _record(proposal, user, section, document, [f"removed {label}"])
    proposal.typed = {
        key: value
        for key, value in (proposal.typed or {}).items()
        if key.split(":")[1:2] != [section.key]
    }
    _commit()


def submit(
    proposal: Proposal,
    user: User,
    check_report: dict | None,
    settings: dict | None = None,
    link: str = "",
) -> ProposalVersion:
    """Freeze the draft as a new version, move the status on and tell the commissioners."""
    errors = validate_document(proposal.draft)
    if errors:
        raise NotSubmittable(errors)
    action = "submit" if proposal.status == Status.DRAFT else "resubmit"
    number = len(proposal.versions) + 1
    version = ProposalVersion(
        proposal=proposal,
        number=number,
        document=copy.deepcopy(proposal.draft),
        check_report=check_report,
        submitted_by_id=user.id,
    )
    db.session.add(version)
    mails = lifecycle.move(proposal, action, Party.PROPOSER, user, link=link)
    proposal.record_report(check_report)
    proposal.typed = {}
    _commit()
    if settings is not None:
        deliver(settings, mails)
    return version


def import_document(
    raw: bytes | str, organisation: Organisation, body: PublicBody, user: User | None
) -> Proposal:
    """Create a draft from a JSON document; DocumentInvalid lists every error."""
    document = load_document(raw)
    document["commissioner"] = document.get("commissioner") or body.name
    proposal = new_proposal(organisation, body, document, user)
    db.session.commit()
    return proposal


def version(proposal: Proposal, number: int) -> ProposalVersion | None:
    """One submitted version of a proposal."""
    return next((v for v in proposal.versions if v.number == number), None)
