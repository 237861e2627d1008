"""Telling people about submissions: a notification in the app and an email."""

from dataclasses import dataclass

from sqlalchemy import select

from ..accounts.models import Role, User
from ..extensions import db
from ..mail import send_mail
from .models import Notification


@dataclass(frozen=True)
class Mail:
    """An email to send once the change it reports is committed."""

    to: str
    subject: str
    body: str


def notify(users: list[User], proposal_id: int | None, message: str, link: str) -> list[Mail]:
    """Add an in-app notification for each person; return their emails to send."""
    mails = []
    for user in users:
        if not user.active:
            continue
        db.session.add(Notification(user_id=user.id, proposal_id=proposal_id, message=message))
        mails.append(
            Mail(
                user.email,
                f"Valuecase: {message[:120]}",
                f"Hello {user.name},\n\n{message}\n\nSee it here: {link}\n",
            )
        )
    return mails


def deliver(settings: dict | None, mails: list[Mail]) -> None:
    """Send emails through the configured mail backend (none when settings is None)."""
    for mail in mails if settings is not None else []:
        send_mail(settings, mail.to, mail.subject, mail.body)


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
    from sqlalchemy import func

    query = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )
    return db.session.scalar(query) or 0


def mark_read(user: User) -> None:
    """Mark every notification of the person read."""
    from ..accounts.models import utcnow

    for notification in db.session.scalars(
        select(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    ):
        notification.read_at = utcnow()
    db.session.commit()
