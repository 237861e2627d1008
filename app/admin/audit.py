"""The administrators' log: who changed which organisation, public body or invitation, and when.

Entries are added to the caller's transaction and committed with the change they record, as the
account log does (accounts/events.py).
"""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..accounts.models import AdminEvent, Organisation, PublicBody, User
from ..extensions import db

LABELS = {
    "organisation-added": "Organisation added",
    "organisation-changed": "Details changed",
    "organisation-deactivated": "Deactivated",
    "organisation-reactivated": "Reactivated",
    "public-body-added": "Public body added",
    "public-body-changed": "Details changed",
    "public-body-deactivated": "Deactivated",
    "public-body-reactivated": "Reactivated",
    "invitation-sent": "Invitation sent",
    "invitation-resent": "Invitation sent again",
    "invitation-withdrawn": "Invitation withdrawn",
    "account-added": "Existing account added",
}


def record(
    actor: User,
    action: str,
    detail: str = "",
    organisation: Organisation | None = None,
    public_body: PublicBody | None = None,
) -> AdminEvent:
    """Add an entry to the log in the current transaction (the caller commits)."""
    if action not in LABELS:
        raise ValueError(f"unknown admin event {action!r}")
    event = AdminEvent(
        actor_id=actor.id,
        organisation_id=organisation.id if organisation else None,
        public_body_id=public_body.id if public_body else None,
        action=action,
        detail=detail,
    )
    db.session.add(event)
    return event


def history(
    organisation: Organisation | None = None, public_body: PublicBody | None = None, limit=50
) -> list[AdminEvent]:
    """The latest entries about an organisation or a public body, newest first."""
    query = select(AdminEvent).options(selectinload(AdminEvent.actor))
    if organisation is not None:
        query = query.where(AdminEvent.organisation_id == organisation.id)
    if public_body is not None:
        query = query.where(AdminEvent.public_body_id == public_body.id)
    query = query.order_by(AdminEvent.at.desc(), AdminEvent.id.desc()).limit(limit)
    return list(db.session.scalars(query))


def label(action: str) -> str:
    """An entry's action as people read it."""
    return LABELS.get(action, action)
