"""Sending messages and adding notes: signed, audited, notified, and never edited after.

A message goes to the other side: a member's to the body's commissioners, a commissioner's
to the organisation's members. A note stays with the body's commissioners. Each is one
commit with its audit entry, its notifications and their emails (and its attachment's row,
whose file is removed again if the commit fails); the emails go after the commit.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from ..accounts.models import User
from ..attachments import services as attachments
from ..attachments.models import Attachment
from ..extensions import db
from ..notifications.services import commissioners_of, deliver, members_of, notify
from ..proposals import lifecycle
from ..proposals.models import Proposal
from ..proposals.workflow import Party, Status
from .models import InternalNote, Message


class ThreadClosed(Exception):
    """A draft has no thread: messages start once it is submitted."""


@dataclass(frozen=True)
class Entry:
    """A message with the files sent with it."""

    message: Message
    attachments: list[Attachment]


def thread(proposal: Proposal) -> list[Entry]:
    """The submission's messages, oldest first, each with its attachments."""
    query = select(Message).where(Message.proposal_id == proposal.id)
    found = list(db.session.scalars(query.order_by(Message.created_at, Message.id)))
    files: dict[int, list[Attachment]] = {}
    for attachment in attachments.attachments_of(proposal):
        if attachment.message_id is not None:
            files.setdefault(attachment.message_id, []).append(attachment)
    return [Entry(message, files.get(message.id, [])) for message in found]


def notes(proposal: Proposal) -> list[InternalNote]:
    """The commissioners' notes on the submission, oldest first."""
    query = select(InternalNote).where(InternalNote.proposal_id == proposal.id)
    return list(db.session.scalars(query.order_by(InternalNote.created_at, InternalNote.id)))


def send(
    proposal: Proposal,
    author: User,
    side: Party,
    text: str,
    upload: attachments.Upload | None,
    directory: str,
    settings: Mapping | None,
    link: str,
) -> Message:
    """Send a message (with a file, if given) to the other side; ``link`` leads them to it.

    Raises ThreadClosed for a draft, and AttachmentRefused (nothing sent) for a file that
    cannot be attached, so the person can correct it with their text kept.
    """
    if proposal.status == Status.DRAFT:
        raise ThreadClosed()
    if upload is not None:
        attachments.checked(proposal, upload)
    message = Message(
        proposal_id=proposal.id,
        author_id=author.id,
        side=side.value,
        signed_name=author.name,
        signed_for=author.affiliation or "",
        body=text.strip(),
    )
    db.session.add(message)
    db.session.flush()
    written = []
    if upload is not None:
        attachment = attachments.add(proposal, author, upload, directory, message.id)
        written.append(attachment.stored_name)
    if side == Party.PROPOSER:
        recipients, to = commissioners_of(proposal.public_body_id), proposal.public_body.name
    else:
        recipients, to = members_of(proposal.organisation_id), proposal.organisation.name
    lifecycle.record(proposal, "send_message", author, f"To {to}")
    signed = f"{author.name} ({message.signed_for})" if message.signed_for else author.name
    mails = notify(
        recipients, proposal.id, f"{signed} sent a message about '{proposal.title}'.", link
    )
    attachments.commit_or_remove(directory, written)
    deliver(settings, mails)
    return message


def add_note(
    proposal: Proposal, author: User, text: str, settings: Mapping | None, link: str
) -> InternalNote:
    """Add a note for the body's commissioners; the others among them are told of it."""
    note = InternalNote(
        proposal_id=proposal.id, author_id=author.id, signed_name=author.name, body=text.strip()
    )
    db.session.add(note)
    lifecycle.record(proposal, "add_note", author, "Internal note")
    others = [c for c in commissioners_of(proposal.public_body_id) if c.id != author.id]
    mails = notify(
        others, proposal.id, f"{author.name} added an internal note on '{proposal.title}'.", link
    )
    db.session.commit()
    deliver(settings, mails)
    return note
