"""The account audit log: what was done to whose account, by whom and when.

Steps are added to the caller's transaction and committed with the change they record, so the
log holds an entry exactly when the change happened.
"""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from .models import AccountEvent, User

LABELS = {
    "account-created": "Account created",
    "sign-in": "Signed in",
    "sign-in-failed": "Failed sign-in attempt",
    "sign-out": "Signed out",
    "sign-out-everywhere": "Signed out of all devices",
    "password-change": "Password changed",
    "password-reset": "Password reset by email",
    "second-factor-on": "Second factor set up",
    "second-factor-off": "Second factor turned off",
    "second-factor-reset": "Second factor reset by an administrator",
    "recovery-code-used": "Signed in with a recovery code",
    "recovery-codes-renewed": "New recovery codes made",
    "added-by-admin": "Role given by an administrator's invitation",
}


def record(user: User, action: str, actor: User | None = None, detail: str = "") -> AccountEvent:
    """Add a step to the log in the current transaction (the caller commits)."""
    if action not in LABELS:
        raise ValueError(f"unknown account event {action!r}")
    event = AccountEvent(user=user, actor=actor, action=action, detail=detail)
    db.session.add(event)
    return event


def recent(user: User, limit: int = 20) -> list[AccountEvent]:
    """The person's latest account events, newest first."""
    query = (
        select(AccountEvent)
        .where(AccountEvent.user_id == user.id)
        .options(selectinload(AccountEvent.actor))
        .order_by(AccountEvent.at.desc(), AccountEvent.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def label(action: str) -> str:
    """An event's action as people read it."""
    return LABELS.get(action, action)
