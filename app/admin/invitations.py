"""Inviting people by email, sending an invitation again and withdrawing it.

An address that already has an account is not invited: a trainee with no other role is given
the role and place at once and told by email; anyone else (a member elsewhere, a commissioner,
an administrator, a deactivated account) is refused with a message saying to change their role
on their user page, since one account has one role and one place.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from ..accounts import emails, events
from ..accounts.invitations import INVITATION_DAYS, new_nonce
from ..accounts.models import (
    Invitation,
    Organisation,
    PublicBody,
    Role,
    User,
    aware,
    joining,
    utcnow,
)
from ..accounts.services import AccountError, find_user_by_email, normalise_email
from ..extensions import db
from ..mail import dispatch, queue_mail
from . import audit


@dataclass(frozen=True)
class Invitee:
    """Whom to invite, as what, and where."""

    email: str
    role: Role
    organisation: Organisation | None = None
    public_body: PublicBody | None = None
    assessor: bool = False


@dataclass(frozen=True)
class Links:
    """How the caller builds the links an email carries (on SITE_URL)."""

    accept: Callable[[Invitation], str]
    sign_in: str


def pending_invitations(
    organisation: Organisation | None = None, public_body: PublicBody | None = None
) -> list[Invitation]:
    """Invitations neither accepted nor withdrawn, newest first; of one place if given."""
    query = select(Invitation).where(
        Invitation.accepted_at.is_(None), Invitation.withdrawn_at.is_(None)
    )
    if organisation is not None:
        query = query.where(Invitation.organisation_id == organisation.id)
    if public_body is not None:
        query = query.where(Invitation.public_body_id == public_body.id)
    query = query.options(
        selectinload(Invitation.organisation),
        selectinload(Invitation.public_body),
        selectinload(Invitation.invited_by),
    )
    return list(db.session.scalars(query.order_by(Invitation.sent_at.desc(), Invitation.id)))


def expired(invitation: Invitation, now: datetime | None = None) -> bool:
    """Whether the invitation's latest link no longer works for its age."""
    return aware(invitation.sent_at) + timedelta(days=INVITATION_DAYS) < (now or utcnow())


def _checked(invitee: Invitee) -> Invitee:
    """The invitee with their place kept only where the role has one; refuses a missing or
    deactivated place."""
    place = None
    if invitee.role == Role.CSO:
        place = invitee.organisation
        if place is None:
            raise AccountError("organisation_id", "Select the organisation they will join")
    if invitee.role == Role.COMMISSIONER:
        place = invitee.public_body
        if place is None:
            raise AccountError("public_body_id", "Select the public body they will work for")
    if place is not None and not place.active:
        field = "organisation_id" if invitee.role == Role.CSO else "public_body_id"
        raise AccountError(field, f"{place.name} is deactivated: reactivate it first")
    return Invitee(
        email=normalise_email(invitee.email),
        role=invitee.role,
        organisation=place if invitee.role == Role.CSO else None,
        public_body=place if invitee.role == Role.COMMISSIONER else None,
        assessor=invitee.assessor,
    )


def _place(invitation: Invitation | Invitee) -> dict:
    return {"organisation": invitation.organisation, "public_body": invitation.public_body}


def invite(invitee: Invitee, actor: User, settings: Mapping, links: Links) -> Invitation | User:
    """Invite a new address, or give an existing trainee's account the role at once; returns
    the invitation, or the account that was changed."""
    invitee = _checked(invitee)
    existing = find_user_by_email(invitee.email)
    if existing is not None:
        return _add_existing(existing, invitee, actor, settings, links)
    already = db.session.scalar(
        select(Invitation.id).where(
            Invitation.email == invitee.email,
            Invitation.accepted_at.is_(None),
            Invitation.withdrawn_at.is_(None),
        )
    )
    if already is not None:
        raise AccountError(
            "email",
            f"{invitee.email} has been invited already: send that invitation again, or "
            "withdraw it first",
        )
    invitation = Invitation(
        email=invitee.email,
        role=invitee.role,
        organisation=invitee.organisation,
        public_body=invitee.public_body,
        assessor=invitee.assessor,
        invited_by=actor,
        nonce=new_nonce(),
    )
    db.session.add(invitation)
    db.session.flush()
    audit.record(
        actor,
        "invitation-sent",
        f"{invitation.email}, as {invitation.joining}",
        **_place(invitation),
    )
    mail = queue_mail(
        invitation.email,
        *emails.invitation(
            invitation.joining, actor.name, links.accept(invitation), INVITATION_DAYS
        ),
    )
    db.session.commit()
    dispatch(settings, [mail])
    return invitation


def _add_existing(
    user: User, invitee: Invitee, actor: User, settings: Mapping, links: Links
) -> User:
    """Give a trainee's account the invited role and place, and tell them; refuse others."""
    if not user.active:
        raise AccountError(
            "email",
            f"The account for {user.email} is deactivated: reactivate it on their user page "
            "instead",
        )
    if user.role != Role.MEMBER:
        where = f" at {user.affiliation}" if user.affiliation else ""
        raise AccountError(
            "email",
            f"{user.email} already has an account as {user.role.label}{where}: change their "
            "role on their user page instead",
        )
    user.role = invitee.role
    user.organisation = invitee.organisation
    user.public_body = invitee.public_body
    user.assessor = user.assessor or invitee.assessor
    joined = joining(invitee.role, invitee.organisation, invitee.public_body)
    events.record(user, "added-by-admin", actor=actor, detail=joined)
    audit.record(actor, "account-added", f"{user.email}, as {joined}", **_place(invitee))
    mail = queue_mail(
        user.email, *emails.added_by_admin(user.name, joined, actor.name, links.sign_in)
    )
    db.session.commit()
    dispatch(settings, [mail])
    return user


def resend(invitation: Invitation, actor: User, settings: Mapping, links: Links) -> bool:
    """Send a pending invitation again with a new link (the old one stops working); False
    when it has been accepted or withdrawn meanwhile."""
    nonce = new_nonce()
    renewed = db.session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation.id,
            Invitation.accepted_at.is_(None),
            Invitation.withdrawn_at.is_(None),
        )
        .values(nonce=nonce, sent_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if renewed.rowcount != 1:
        db.session.rollback()
        return False
    db.session.refresh(invitation)
    audit.record(actor, "invitation-resent", invitation.email, **_place(invitation))
    mail = queue_mail(
        invitation.email,
        *emails.invitation(
            invitation.joining, actor.name, links.accept(invitation), INVITATION_DAYS
        ),
    )
    db.session.commit()
    dispatch(settings, [mail])
    return True


def withdraw(invitation: Invitation, actor: User) -> bool:
    """Withdraw a pending invitation, so its link stops working; False when it had been
    accepted or withdrawn meanwhile."""
    withdrawn = db.session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation.id,
            Invitation.accepted_at.is_(None),
            Invitation.withdrawn_at.is_(None),
        )
        .values(withdrawn_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if withdrawn.rowcount != 1:
        db.session.rollback()
        return False
    audit.record(actor, "invitation-withdrawn", invitation.email, **_place(invitation))
    db.session.commit()
    db.session.refresh(invitation)
    return True
