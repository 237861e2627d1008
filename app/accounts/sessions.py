"""Signed-in browsers: one row each, so a session can be ended wherever its cookie has gone.

The browser keeps a random token in its (signed) session cookie and the database keeps only the
token's SHA-256 hash. A person counts as signed in only while that row is live, so signing out,
changing the password or an administrator's reset ends the session even in a copied cookie.
"""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update

from ..extensions import db
from . import events
from .models import User, UserSession, aware

# often enough to show when a browser was last used, rarely enough not to write on every page
TOUCH_EVERY = timedelta(minutes=5)
USER_AGENT_LIMIT = 200


def token_hash(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User, user_agent: str, now: datetime, replacing: str | None) -> str:
    """Record a sign-in from one browser and return its token; ends the session it replaces."""
    if replacing:
        previous = db.session.scalar(
            select(UserSession).where(UserSession.token_hash == token_hash(replacing))
        )
        if previous is not None and previous.ended_at is None:
            previous.ended_at = now
    token = secrets.token_urlsafe(32)
    db.session.add(
        UserSession(
            user=user,
            token_hash=token_hash(token),
            created_at=now,
            last_seen_at=now,
            user_agent=user_agent[:USER_AGENT_LIMIT],
        )
    )
    events.record(user, "sign-in", detail=describe_browser(user_agent))
    db.session.commit()
    return token


def signed_in_user(user_id: int, token: str, now: datetime) -> User | None:
    """The person this browser is signed in as, while its session is live and they are active."""
    row = db.session.scalar(
        select(UserSession).where(
            UserSession.token_hash == token_hash(token), UserSession.ended_at.is_(None)
        )
    )
    if row is None or row.user_id != user_id or not row.user.active:
        return None
    if now - aware(row.last_seen_at) >= TOUCH_EVERY:
        row.last_seen_at = now
        db.session.commit()
    return row.user


def end_session(token: str, now: datetime) -> None:
    """Sign one browser out."""
    row = db.session.scalar(select(UserSession).where(UserSession.token_hash == token_hash(token)))
    if row is not None and row.ended_at is None:
        row.ended_at = now
        events.record(row.user, "sign-out")
        db.session.commit()


def end_sessions(user: User, now: datetime, keeping: str | None = None) -> None:
    """End every live session of a person, except the one with this token (caller commits)."""
    statement = update(UserSession).where(
        UserSession.user_id == user.id, UserSession.ended_at.is_(None)
    )
    if keeping:
        statement = statement.where(UserSession.token_hash != token_hash(keeping))
    db.session.execute(
        statement.values(ended_at=now), execution_options={"synchronize_session": False}
    )


def sign_out_everywhere(user: User, now: datetime) -> None:
    """End every session of a person, this browser's included."""
    end_sessions(user, now)
    events.record(user, "sign-out-everywhere", actor=user)
    db.session.commit()


def live_sessions(user: User) -> list[UserSession]:
    """The browsers a person is signed in on, most recently used first."""
    query = select(UserSession).where(
        UserSession.user_id == user.id, UserSession.ended_at.is_(None)
    )
    return list(db.session.scalars(query.order_by(UserSession.last_seen_at.desc())))


BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def describe_browser(user_agent: str) -> str:
    """A browser as people name it, like "Firefox on Windows", from its User-Agent header."""
    browser = next((name for mark, name in BROWSERS if mark in user_agent), None)
    system = next((name for mark, name in SYSTEMS if mark in user_agent), None)
    if browser and system:
        return f"{browser} on {system}"
    # an unknown client is shown by its first word, without any control characters
    return browser or system or re.sub(r"[^\w./ -]", "", user_agent.split(" ")[0])[:40] or "Unknown"
