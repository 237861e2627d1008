"""Moving a submission through the workflow, with the audit trail and notifications."""

from datetime import timedelta

from ..accounts.models import User, utcnow
from ..extensions import db
from ..notifications.services import Mail, commissioners_of, members_of, notify
from .models import AuditEvent, Proposal
from .workflow import Party, Status, Transition, TransitionRefused, find_transition


def move(
    proposal: Proposal, action: str, party: Party, actor: User, reason: str = "", link: str = ""
) -> list[Mail]:
    """Take a transition (not committed); returns the emails to send after the commit."""
    transition = find_transition(proposal.status, action, party)
    if transition.needs_reason and not reason.strip():
        raise TransitionRefused("Give a reason for this step.")
    previous = proposal.status
    proposal.status = transition.target
    db.session.add(
        AuditEvent(
            proposal_id=proposal.id,
            action=action,
            from_status=previous.value,
            to_status=transition.target.value,
            reason=reason.strip(),
            actor_id=actor.id,
        )
    )
    if transition.target == Status.SUBMITTED:
        _start_clock(proposal)
    return _notify(proposal, transition, reason, link)


def record(proposal: Proposal, action: str, actor: User, reason: str) -> None:
    """An audit entry that is not a status change (such as an assignment)."""
    db.session.add(
        AuditEvent(proposal_id=proposal.id, action=action, reason=reason, actor_id=actor.id)
    )


def _start_clock(proposal: Proposal) -> None:
    """Received now; the decision is due within the body's response period."""
    now = utcnow()
    proposal.submitted_at = now
    proposal.received_at = proposal.received_at or now
    proposal.deadline = now + timedelta(days=proposal.public_body.response_period_days)


def _notify(proposal: Proposal, transition: Transition, reason: str, link: str) -> list[Mail]:
    """Commissioners hear of submissions; proposers hear of every other change."""
    title = proposal.title
    if transition.party == Party.PROPOSER and transition.target == Status.SUBMITTED:
        verb = "resubmitted" if transition.action == "resubmit" else "submitted"
        message = f"{proposal.organisation.name} {verb} '{title}'."
        return notify(commissioners_of(proposal.public_body_id), proposal.id, message, link)
    message = f"'{title}' is now {transition.target.label.lower()}."
    if reason:
        message += f" {proposal.public_body.name} says: {reason}"
    recipients = members_of(proposal.organisation_id)
    if transition.party == Party.PROPOSER:
        recipients = commissioners_of(proposal.public_body_id)
        message = f"{proposal.organisation.name} withdrew '{title}'."
    return notify(recipients, proposal.id, message, link)
