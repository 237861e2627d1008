"""Accepting an administrator's invitation: the signed link, and the account it creates.

The emailed link carries the invitation's id and its nonce, signed and dated. It works while
the invitation is neither accepted nor withdrawn, for INVITATION_DAYS after it was last sent,
and only the latest link works: sending it again gives the invitation a new nonce. Acceptance
claims the invitation with one conditional update, so of two people (or two clicks) using the
same link at once, one creates the account and the other is told it was used.
"""

import secrets
from datetime import datetime

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from . import events
from .models import Invitation, Role, User, utcnow
from .passwords import hash_password

INVITATION_SALT = "invitation"
INVITATION_DAYS = 14


class InvitationRefused(Exception):
    """Why a link does not work: a heading and a sentence for the page that says so, and
    whether the link was ever good (gone) or never was."""

    def __init__(self, title: str, reason: str, gone: bool = True):
        super().__init__(reason)
        self.title = title
        self.reason = reason
        self.gone = gone


REFUSALS = {
    "expired": (
        "This invitation has expired",
        f"Invitation links work for {INVITATION_DAYS} days. Ask the administrator who invited "
        "you to send it again.",
    ),
    "broken": (
        "This link does not work",
        "Check that you copied the whole link from the email. If you were sent the invitation "
        "again, only the latest link works.",
    ),
    "accepted": (
        "This invitation has already been used",
        "An account has been created from it. Sign in with the email address it was sent to.",
    ),
    "withdrawn": (
        "This invitation has been withdrawn",
        "An administrator withdrew it. Ask them if you think you should have access.",
    ),
}


def refused(kind: str) -> InvitationRefused:
    """The refusal of one kind: expired, broken, accepted or withdrawn."""
    return InvitationRefused(*REFUSALS[kind], gone=kind != "broken")


def new_nonce() -> str:
    """A fresh value that makes every earlier link for an invitation stop working."""
    return secrets.token_hex(16)


def invitation_token(invitation: Invitation, secret_key: str) -> str:
    """The signed, dated token for an invitation's link."""
    serializer = URLSafeTimedSerializer(secret_key, salt=INVITATION_SALT)
    return serializer.dumps({"invitation": invitation.id, "nonce": invitation.nonce})


def _state(invitation: Invitation) -> InvitationRefused | None:
    """Why an invitation can no longer be accepted, or None."""
    if invitation.accepted_at is not None:
        return refused("accepted")
    if invitation.withdrawn_at is not None:
        return refused("withdrawn")
    place = invitation.organisation or invitation.public_body
    if place is not None and not place.active:
        return InvitationRefused(
            "This invitation cannot be accepted now",
            f"{place.name} has been deactivated on Valuecase. Ask the administrator who "
            "invited you.",
        )
    return None


def invitation_for_token(token: str, secret_key: str, max_age: int) -> Invitation:
    """The pending invitation a token is for; InvitationRefused says why not."""
    serializer = URLSafeTimedSerializer(secret_key, salt=INVITATION_SALT)
    try:
        data = serializer.loads(token, max_age=max_age)
    except SignatureExpired:
        data, expired = None, True
    except BadSignature:
        raise refused("broken") from None
    else:
        expired = False
    if expired:
        # an expired link still says it was used or withdrawn, when it was
        try:
            data = serializer.loads(token)
        except BadSignature:
            raise refused("broken") from None
    if not isinstance(data, dict) or not isinstance(data.get("invitation"), int):
        raise refused("broken")
    invitation = db.session.get(Invitation, data["invitation"])
    if invitation is None or invitation.nonce != data.get("nonce"):
        raise refused("broken")
    refusal = _state(invitation)
    if refusal is not None:
        raise refusal
    if expired:
        raise refused("expired")
    return invitation


def account_exists(email: str) -> InvitationRefused:
    """Why an invitation stops when its address has had an account made meanwhile."""
    return InvitationRefused(
        "You already have an account",
        f"There is already an account for {email}. Sign in with it, and ask the administrator "
        "who invited you to add that account.",
    )


def accept(invitation: Invitation, name: str, password: str, now: datetime | None = None) -> User:
    """Create the invited person's account, with the role and place the invitation gives."""
    now = now or utcnow()
    claimed = db.session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation.id,
            Invitation.nonce == invitation.nonce,
            Invitation.accepted_at.is_(None),
            Invitation.withdrawn_at.is_(None),
        )
        .values(accepted_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        db.session.refresh(invitation)
        raise _state(invitation) or refused("broken")
    user = User(
        email=invitation.email,
        name=name,
        role=invitation.role,
        password_hash=hash_password(password),
        password_changed_at=now,
        organisation_id=invitation.organisation_id if invitation.role == Role.CSO else None,
        public_body_id=invitation.public_body_id if invitation.role == Role.COMMISSIONER else None,
        assessor=invitation.assessor,
    )
    db.session.add(user)
    db.session.flush()
    db.session.execute(
        update(Invitation).where(Invitation.id == invitation.id).values(accepted_by_id=user.id)
    )
    inviter = invitation.invited_by
    events.record(
        user,
        "account-created",
        actor=inviter,
        detail=f"accepted an invitation to join as {invitation.joining}",
    )
    try:
        db.session.commit()
    except IntegrityError as error:  # an account for the address was made at the same moment
        db.session.rollback()
        raise account_exists(invitation.email) from error
    return user
