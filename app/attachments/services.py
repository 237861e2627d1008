"""Keeping, listing and deleting a submission's attachments.

Files live in the attachments directory (``ATTACHMENTS_DIR``, outside the web root) under a
random name; the row says what they are. A file is written before its row is committed and
removed again if the commit fails, so a committed row always has its file; a deleted row's
file is removed after the commit, so a failed deletion never loses a file still listed.
"""

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from ..accounts.models import Role, User
from ..extensions import db
from ..field_errors import FieldError
from ..proposals.models import AuditEvent, Proposal, ProposalVersion
from ..proposals.workflow import DECIDED
from . import storage
from .models import Attachment


class AttachmentRefused(FieldError):
    """A file that cannot be attached: empty, too large, or of a type we do not accept."""


class DeleteRefused(Exception):
    """An attachment that cannot be deleted, with the reason people are told."""


@dataclass(frozen=True)
class Upload:
    """A file as it arrived: the name it was given and its bytes (at most one byte too many)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Listed:
    """An attachment as a list shows it: with its kind, its size and the versions citing it."""

    attachment: Attachment
    kind: str
    size: str
    cited_by: tuple[int, ...]
    deletable: bool


def attachments_of(proposal: Proposal) -> list[Attachment]:
    """A submission's attachments, oldest first."""
    query = select(Attachment).where(Attachment.proposal_id == proposal.id)
    return list(db.session.scalars(query.order_by(Attachment.id)))


def used_bytes(proposal: Proposal) -> int:
    """How many bytes the submission's attachments take."""
    query = select(func.coalesce(func.sum(Attachment.size), 0)).where(
        Attachment.proposal_id == proposal.id
    )
    return int(db.session.scalar(query) or 0)


def citing_versions(proposal: Proposal) -> dict[int, tuple[int, ...]]:
    """For each attachment id a submitted version cites, the numbers of those versions."""
    query = select(ProposalVersion.number, ProposalVersion.document).where(
        ProposalVersion.proposal_id == proposal.id
    )
    found: dict[int, list[int]] = {}
    for number, document in db.session.execute(query.order_by(ProposalVersion.number)):
        for attachment_id in storage.cited_ids(document or {}):
            found.setdefault(attachment_id, []).append(number)
    return {key: tuple(numbers) for key, numbers in found.items()}


def listing(proposal: Proposal, person: User) -> list[Listed]:
    """The attachments as the person's list shows them."""
    cited = citing_versions(proposal)
    rows = []
    for attachment in attachments_of(proposal):
        deletable = may_delete(attachment, proposal, person) and not delete_refusal(
            attachment, proposal, cited
        )
        rows.append(
            Listed(
                attachment,
                storage.kind_of(attachment.content_type).label,
                storage.size_label(attachment.size),
                cited.get(attachment.id, ()),
                deletable,
            )
        )
    return rows


def checked(proposal: Proposal, upload: Upload) -> tuple[storage.FileKind, str]:
    """The file's kind and clean name; AttachmentRefused (naming the file) when it cannot go."""
    name = storage.clean_name(upload.name)
    size = len(upload.data)
    if size == 0:
        raise AttachmentRefused("file", f"{name} is empty: choose a file with something in it")
    if size > storage.MAX_FILE_BYTES:
        raise AttachmentRefused("file", f"{name} is larger than 10 MB: choose a smaller file")
    kind = storage.detect(upload.data)
    if kind is None:
        raise AttachmentRefused("file", f"{name} must be {storage.ALLOWED_TYPES}")
    room = storage.MAX_PROPOSAL_BYTES - used_bytes(proposal)
    if size > room:
        raise AttachmentRefused(
            "file",
            f"{name} would take this submission's attachments over 50 MB "
            f"({storage.size_label(max(room, 0))} left): choose a smaller file or delete "
            "an attachment",
        )
    return kind, name


def add(
    proposal: Proposal,
    uploader: User,
    upload: Upload,
    directory: str,
    message_id: int | None = None,
) -> Attachment:
    """Check and keep a file, and add its row and audit entry (not committed).

    The caller commits, and on failure calls ``remove_files`` with the attachment's
    ``stored_name`` so no file outlives a row that was never written.
    """
    kind, name = checked(proposal, upload)
    stored = write_file(directory, upload.data)
    attachment = Attachment(
        proposal_id=proposal.id,
        message_id=message_id,
        uploader_id=uploader.id,
        original_name=name,
        stored_name=stored,
        content_type=kind.content_type,
        size=len(upload.data),
        sha256=hashlib.sha256(upload.data).hexdigest(),
    )
    db.session.add(attachment)
    db.session.add(
        AuditEvent(proposal_id=proposal.id, action="attach", reason=name, actor_id=uploader.id)
    )
    return attachment


def attach(proposal: Proposal, uploader: User, upload: Upload, directory: str) -> Attachment:
    """Attach a file on its own (from the attachments page) and commit."""
    attachment = add(proposal, uploader, upload, directory)
    commit_or_remove(directory, [attachment.stored_name])
    return attachment


def commit_or_remove(directory: str, stored_names: list[str]) -> None:
    """Commit; if that fails, remove the files just written and raise again."""
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        remove_files(directory, stored_names)
        raise


def may_delete(attachment: Attachment, proposal: Proposal, person: User) -> bool:
    """Whether the person may delete it at all: its uploader, or a member of the organisation."""
    member = person.role == Role.CSO and person.organisation_id == proposal.organisation_id
    return member or person.id == attachment.uploader_id


def delete_refusal(
    attachment: Attachment, proposal: Proposal, cited: dict[int, tuple[int, ...]] | None = None
) -> str | None:
    """Why the attachment cannot be deleted now, or None when it can."""
    name = attachment.original_name
    if proposal.status in DECIDED:
        return f"{name} cannot be deleted: the submission has been decided."
    versions = (cited if cited is not None else citing_versions(proposal)).get(attachment.id)
    if versions:
        listed = " and ".join(str(n) for n in versions)
        return (
            f"{name} cannot be deleted: version {listed} of the submission cites it as "
            "evidence, and a submitted version keeps what it cites."
        )
    if attachment.message_id is not None:
        return (
            f"{name} cannot be deleted: it was sent with a message, and messages are kept "
            "as they were sent."
        )
    return None


def delete(attachment: Attachment, proposal: Proposal, person: User, directory: str) -> str:
    """Delete an uncited attachment and its file, with an audit entry; returns its name."""
    if not may_delete(attachment, proposal, person):
        raise DeleteRefused(
            f"Only the person who uploaded {attachment.original_name}, or a member of the "
            "organisation, can delete it."
        )
    refusal = delete_refusal(attachment, proposal)
    if refusal:
        raise DeleteRefused(refusal)
    name, stored = attachment.original_name, attachment.stored_name
    db.session.add(
        AuditEvent(
            proposal_id=attachment.proposal_id,
            action="delete_attachment",
            reason=name,
            actor_id=person.id,
        )
    )
    db.session.delete(attachment)
    db.session.commit()
    remove_files(directory, [stored])
    return name


def path_of(attachment: Attachment, directory: str) -> Path:
    """Where an attachment's bytes are kept."""
    return Path(directory) / attachment.stored_name


def write_file(directory: str, data: bytes) -> str:
    """Write bytes once under a new random name, read-only; returns the name."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    name = storage.stored_name()
    # O_EXCL: a name is never reused, so bytes once written are never replaced
    descriptor = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(folder / name, 0o440)
    return name


def remove_files(directory: str, stored_names: Iterable[str]) -> None:
    """Remove kept files; one already gone is no error."""
    for name in stored_names:
        (Path(directory) / name).unlink(missing_ok=True)
