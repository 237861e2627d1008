"""Joint submissions: a case addressed to a lead body and to co-commissioning bodies.

The lead body (``Proposal.public_body_id``) triages and decides. Each co-commissioning body's
commissioners read the review, record their own judgements and state their body's position;
they take no step, ask for nothing, assign no one and decide nothing.
"""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import PublicBody, User, utcnow
from ..extensions import db
from ..field_errors import FieldError
from ..proposals.models import Proposal
from ..proposals.services import addressable_bodies
from ..proposals.workflow import DECIDED, Status
from ..reports.prepare import pdfs_changed
from .models import CoCommissioner

REASON_LIMIT = 5000  # characters of the reason for a position

POSITIONS = {
    "none": "No position yet",
    "supports": "Supports",
    "supports_with_conditions": "Supports with conditions",
    "opposes": "Opposes",
}
STATED = tuple(key for key in POSITIONS if key != "none")  # the positions a body can state


class JointInvalid(FieldError):
    """A change to the co-commissioners, or a position, that the rules do not allow."""


def co_commissioners(proposal_id: int) -> list[CoCommissioner]:
    """The bodies a submission is also addressed to, by name."""
    query = (
        select(CoCommissioner)
        .join(PublicBody, CoCommissioner.public_body_id == PublicBody.id)
        .where(CoCommissioner.proposal_id == proposal_id)
        .order_by(PublicBody.name)
    )
    return list(db.session.scalars(query))


def candidate_bodies(proposal: Proposal) -> list[PublicBody]:
    """The bodies the proposer can still name: those with a commissioner, but neither the lead
    nor one already named."""
    named = {c.public_body_id for c in co_commissioners(proposal.id)}
    return [
        body
        for body in addressable_bodies()
        if body.active and body.id != proposal.public_body_id and body.id not in named
    ]


def add_co_commissioner(proposal: Proposal, public_body_id: int | None) -> CoCommissioner:
    """Name a co-commissioning body on a draft; naming one twice leaves the first."""
    _refuse_unless_draft(proposal)
    body = next((b for b in candidate_bodies(proposal) if b.id == public_body_id), None)
    if body is None:
        already = _named(proposal.id, public_body_id) if public_body_id else None
        if already is not None:
            return already
        raise JointInvalid("public_body_id", "Select a public body from the list")
    entry = CoCommissioner(proposal_id=proposal.id, public_body_id=body.id)
    db.session.add(entry)
    try:
        db.session.commit()
    except IntegrityError:  # named at the same moment in another tab
        db.session.rollback()
        return _named(proposal.id, body.id)
    return entry


def remove_co_commissioner(proposal: Proposal, public_body_id: int) -> PublicBody | None:
    """Take a co-commissioning body off a draft; the body taken off, or None if not named."""
    _refuse_unless_draft(proposal)
    entry = _named(proposal.id, public_body_id)
    if entry is None:
        return None
    body = entry.public_body
    db.session.delete(entry)
    db.session.commit()
    return body


def _refuse_unless_draft(proposal: Proposal) -> None:
    if proposal.status != Status.DRAFT:
        raise JointInvalid(
            "public_body_id",
            "Co-commissioning bodies can be changed only before the submission is sent",
        )


def _named(proposal_id: int, public_body_id: int) -> CoCommissioner | None:
    return db.session.scalar(
        select(CoCommissioner).where(
            CoCommissioner.proposal_id == proposal_id,
            CoCommissioner.public_body_id == public_body_id,
        )
    )


def is_lead(proposal: Proposal, user: User) -> bool:
    """Whether the commissioner belongs to the body that leads (and decides) the submission."""
    return user.public_body_id is not None and proposal.public_body_id == user.public_body_id


def proposal_for_co_commissioner(proposal_id: int, user: User) -> Proposal | None:
    """A submitted case the commissioner's body is a co-commissioner of, else None.

    A separate way in from the lead's: it opens the review to read, to record judgements and
    to state the body's position, and nothing else.
    """
    if user.public_body_id is None:
        return None
    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None or proposal.status == Status.DRAFT:
        return None
    if _named(proposal.id, user.public_body_id) is None:
        return None
    return proposal


def own_entry(proposal: Proposal, user: User) -> CoCommissioner | None:
    """The commissioner's body's place on a joint submission, if it has one."""
    if user.public_body_id is None:
        return None
    return _named(proposal.id, user.public_body_id)


def record_position(proposal: Proposal, user: User, position: str, reason: str) -> CoCommissioner:
    """State the commissioner's body's position, with its reason; a later one replaces it.

    Positions inform the decision, so none can be stated once the lead has decided.
    """
    entry = own_entry(proposal, user)
    if entry is None:
        raise JointInvalid("position", "Your public body is not a co-commissioner of this case")
    if proposal.status in DECIDED:
        raise JointInvalid("position", "The lead body has decided: positions are closed")
    if position not in STATED:
        raise JointInvalid("position", "Select your body's position")
    reason = reason.strip()
    if not reason:
        raise JointInvalid("reason", "Give the reason for your body's position")
    if len(reason) > REASON_LIMIT:
        raise JointInvalid("reason", f"Reason: use {REASON_LIMIT:,} characters or fewer")
    entry.position, entry.reason = position, reason
    entry.stated_by_id, entry.stated_at = user.id, utcnow()
    db.session.commit()
    pdfs_changed(proposal.id)
    return entry
