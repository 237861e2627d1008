"""Telling people about submissions: a notification in the app and an email."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from ..accounts.models import Role, User, utcnow
from ..extensions import db
from ..mail import dispatch, mail_state, queue_mail
from .models import Notification, OutboxMail

Mail = OutboxMail
"""An email is its row in the outbox, written with the change it reports."""


def notify(users: list[User], proposal_id: int | None, message: str, link: str) -> list[Mail]:
    """Add an in-app notification and an outbox email for each active person (not committed).

    Both commit with the change they report, or vanish with it; ``deliver`` sends the emails.
    """
    mails = []
    for user in users:
        if not user.active:
            continue
        db.session.add(Notification(user_id=user.id, proposal_id=proposal_id, message=message))
        mails.append(
            queue_mail(
                user.email,
                f"Valuecase: {message}",
                f"Hello {user.name},\n\n{message}\n\nSee it here: {link}\n",
            )
        )
    return mails


def deliver(settings: Mapping | None, mails: Sequence[Mail]) -> None:
    """After the commit, have the emails sent; with no settings, withdraw them unsent.

    No settings stands for a change that tells no one by email, such as the demo's history.
    """
    if settings is not None:
        dispatch(settings, mails)
        return
    ids = [mail.id for mail in mails]
    if ids:
        db.session.execute(
            delete(OutboxMail).where(OutboxMail.id.in_(ids), OutboxMail.sent_at.is_(None))
        )
        db.session.commit()


def commissioners_of(public_body_id: int) -> list[User]:
    """Every active commissioner of a public body."""
    query = select(User).where(
        User.public_body_id == public_body_id, User.role == Role.COMMISSIONER, User.active.is_(True)
    )
    return list(db.session.scalars(query))


def members_of(organisation_id: int) -> list[User]:
    """Every active CSO member of an organisation."""
    query = select(User).where(
        User.organisation_id == organisation_id, User.role == Role.CSO, User.active.is_(True)
    )
    return list(db.session.scalars(query))


def for_user(user: User, limit: int = 50) -> list[Notification]:
    """A person's latest notifications."""
    query = select(Notification).where(Notification.user_id == user.id)
    return list(db.session.scalars(query.order_by(Notification.id.desc()).limit(limit)))


def unread_count(user: User) -> int:
    """How many notifications the person has not yet seen."""
    query = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )
    return db.session.scalar(query) or 0


def mark_read(user: User) -> None:
    """Mark every notification of the person read."""
    for notification in db.session.scalars(
        select(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    ):
        notification.read_at = utcnow()
    db.session.commit()


@dataclass(frozen=True)
class OutboxEntry:
    """One email as the outbox page lists it."""

    mail: Mail
    state: str
    label: str
    colour: str

    @property
    def send_label(self) -> str:
        """The button that sends it now, or "" when it is sent or a sender has it in hand."""
        return {"queued": "Send now", "retrying": "Send now", "failed": "Retry"}.get(self.state, "")


STATE_LABELS = {
    "sent": ("Sent", "green"),
    "queued": ("Queued", "grey"),
    "sending": ("Sending", "blue"),
    "retrying": ("Waiting to retry", "yellow"),
    "failed": ("Failed", "red"),
}


def recent_mail(limit: int = 100) -> list[OutboxEntry]:
    """The latest emails in the outbox, newest first, each with where it stands."""
    query = select(OutboxMail).order_by(OutboxMail.id.desc()).limit(limit)
    entries = []
    for mail in db.session.scalars(query):
        state = mail_state(mail)
        entries.append(OutboxEntry(mail, state, *STATE_LABELS[state]))
    return entries
