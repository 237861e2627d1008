"""The daily digest: one email for each person who chose it, of what no email told them yet.

A notification is stamped ``emailed_at`` when an email tells of it, its own or a digest, so a
digest never repeats a notification, nor one emailed before the person chose the digest.
Notifications read in the app before the digest goes are left out: the person has seen them.
"""

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select

from ..accounts.models import User, utcnow
from ..extensions import db
from ..mail import queue_mail
from .models import EmailChoice, Notification, NotificationPreference
from .services import Mail, deliver


def send_digests(settings: Mapping) -> int:
    """Write every digest that is due, commit, and have them sent; returns how many."""
    mails = queue_digests(settings.get("SITE_URL", ""), utcnow())
    db.session.commit()
    deliver(settings, mails)
    return len(mails)


def queue_digests(site_url: str, now: datetime) -> list[Mail]:
    """A digest email (not committed) for each digest person with notifications to tell."""
    people = (
        select(User)
        .join(NotificationPreference, NotificationPreference.user_id == User.id)
        .where(NotificationPreference.email == EmailChoice.DAILY, User.active.is_(True))
    )
    mails = []
    for person in db.session.scalars(people.order_by(User.id)):
        pending = untold(person)
        if not pending:
            continue
        mails.append(queue_mail(person.email, subject(pending), body(person, pending, site_url)))
        for notification in pending:
            notification.emailed_at = now
    return mails


def untold(person: User) -> list[Notification]:
    """The person's unread notifications that no email has told them of, oldest first."""
    query = select(Notification).where(
        Notification.user_id == person.id,
        Notification.read_at.is_(None),
        Notification.emailed_at.is_(None),
    )
    return list(db.session.scalars(query.order_by(Notification.id)))


def subject(pending: list[Notification]) -> str:
    """The digest's subject: how many notifications it holds."""
    count = len(pending)
    return f"Valuecase: {count} new notification{'' if count == 1 else 's'}"


def body(person: User, pending: list[Notification], site_url: str) -> str:
    """Each notification on its own lines, with its time and where to see it."""
    lines = [f"Hello {person.name},", "", "Since your last summary:", ""]
    for notification in pending:
        moment = notification.created_at.strftime("%-d %B %Y %H:%M")
        lines.append(f"- {moment}: {notification.message}")
        if notification.link:
            lines.append(f"  {notification.link}")
    lines += [
        "",
        "You get one email a day because you chose it. To have an email each time, change",
        f"the choice on your Notifications page: {site_url}",
        "",
    ]
    return "\n".join(lines)
