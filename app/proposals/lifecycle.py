"""Moving a submission through the workflow, with the audit trail and notifications.

``move`` and ``record`` leave the commit to their caller. ``withdraw`` and ``delete_draft``
are the proposer's own steps, whole in themselves: each commits, and a submission changed by
someone else at the same moment refuses the step rather than overwrite their change.
"""

from collections.abc import Mapping

from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User, utcnow
from ..attachments.services import attachments_of, remove_files
from ..extensions import db
from ..notifications.services import Mail, commissioners_of, deliver, members_of, notify
from ..workdays import bank_holidays, due_by
from .models import AuditEvent, Proposal
from .workflow import (
    Party,
    Status,
    Transition,
    TransitionRefused,
    delete_refusal,
    find_transition,
    withdraw_refusal,
)

SAME_MOMENT = (
    "This submission changed at the same moment, so nothing was done. Look at it again, "
    "then try again if it is still needed."
)


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
    """Received now; the decision is due by the end of the body's response period.

    The period is in working days (bank holidays in England and Wales left out), counted from
    the day after this submission or resubmission arrives.
    """
    now = utcnow()
    proposal.submitted_at = now
    proposal.received_at = proposal.received_at or now
    proposal.deadline = due_by(now, proposal.public_body.response_period_days, bank_holidays())


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
        if reason:
            message += f" They say: {reason}"
    return notify(recipients, proposal.id, message, link)


def withdraw(
    proposal: Proposal, member: User, reason: str, settings: Mapping | None, link: str
) -> None:
    """A member withdraws a submission before its decision, giving a reason; committed.

    The reason goes into the audit trail and to the body's commissioners, whom ``link`` leads
    to the submission. Raises TransitionRefused, saying why, when it cannot be withdrawn.
    """
    refusal = withdraw_refusal(proposal.status)
    if refusal:
        raise TransitionRefused(refusal)
    mails = move(proposal, "withdraw", Party.PROPOSER, member, reason, link)
    _commit_or_refuse()
    deliver(settings, mails)


def delete_draft(proposal: Proposal, directory: str) -> None:
    """Delete a draft that was never submitted, with everything kept about it; committed.

    Its answers, kept input, changes, audit entries, notifications and attachments go: every
    row that refers to the draft, so what is added about drafts later goes with them too.
    The attachments' files are removed once the rows are gone.
    """
    refusal = delete_refusal(proposal.status, bool(proposal.versions))
    if refusal:
        raise TransitionRefused(refusal)
    files = [attachment.stored_name for attachment in attachments_of(proposal)]
    key = Proposal.__table__.c.id
    for table in reversed(db.metadata.sorted_tables):
        for column in table.columns:
            if column.references(key):
                db.session.execute(table.delete().where(column == proposal.id))
    db.session.delete(proposal)
    _commit_or_refuse()
    remove_files(directory, files)


def _commit_or_refuse() -> None:
    """Commit; a submission someone else changed first refuses the step instead."""
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise TransitionRefused(SAME_MOMENT) from None
