"""Telling people about submissions: a notification in the app and an email."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import delete, func, select

from ..accounts.local_path import is_local_path
from ..accounts.models import Role, User, utcnow
from ..extensions import db
from ..mail import dispatch, mail_state, queue_mail
from .models import EmailChoice, Notification, NotificationPreference, OutboxMail

LINK_LIMIT = 500

Mail = OutboxMail
"""An email is its row in the outbox, written with the change it reports."""


def notify(users: list[User], proposal_id: int | None, message: str, link: str) -> list[Mail]:
    """Add an in-app notification and an outbox email for each active person (not committed).

    Both commit with the change they report, or vanish with it; ``deliver`` sends the emails.
    The notification keeps ``link`` so it leads to what it is about. People who chose a daily
    digest get no email now: ``send_digests`` tells them of it with the rest of the day's.
    """
    mails = []
    daily = digest_people([user.id for user in users])
    for user in users:
        if not user.active:
            continue
        notification = Notification(
            user_id=user.id,
            proposal_id=proposal_id,
            message=message,
            link=link if link and len(link) <= LINK_LIMIT else None,
        )
        db.session.add(notification)
        if user.id in daily:
            continue
        notification.emailed_at = utcnow()
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


def open_notification(user: User, notification_id: int) -> Notification | None:
    """The person's own notification, marked read now; None for anyone else's."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        return None
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.commit()
    return notification


def local_target(notification: Notification) -> str | None:
    """The path on this site the notification's link leads to, or None when it has none.

    Links are stored as emailed, on SITE_URL; in the app only their path is followed, so
    opening one never leaves the site whatever SITE_URL or the stored text says.
    """
    if not notification.link:
        return None
    parts = urlsplit(notification.link)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    target += f"#{parts.fragment}" if parts.fragment else ""
    return target if is_local_path(target) else None


def email_choice(user: User) -> EmailChoice:
    """How often the person wants email: each time (the default) or once a day."""
    preference = db.session.get(NotificationPreference, user.id)
    return preference.email if preference else EmailChoice.EACH


def choose_email(user: User, choice: EmailChoice) -> None:
    """Keep the person's choice of email."""
    preference = db.session.get(NotificationPreference, user.id)
    if preference is None:
        preference = NotificationPreference(user_id=user.id)
        db.session.add(preference)
    preference.email = choice
    preference.updated_at = utcnow()
    db.session.commit()


def digest_people(user_ids: list[int]) -> set[int]:
    """Those of these people who chose a daily digest."""
    if not user_ids:
        return set()
    query = select(NotificationPreference.user_id).where(
        NotificationPreference.user_id.in_(user_ids),
        NotificationPreference.email == EmailChoice.DAILY,
    )
    return set(db.session.scalars(query))


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
