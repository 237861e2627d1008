"""Moving a submission through the workflow, with the audit trail and notifications.

A request for more information names the sections that need work (``ask_for_information``);
it stays open until the proposer resubmits (answered) or the case moves on without them
(closed by the decision, a withdrawal, or the commissioner withdrawing the request).

``move`` and ``record`` leave the commit to their caller. ``withdraw`` and ``delete_draft``
are the proposer's own steps, whole in themselves: each commits, and a submission changed by
someone else at the same moment refuses the step rather than overwrite their change.
"""

from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from ..accounts.models import User, utcnow
from ..attachments.services import attachments_of, remove_files
from ..extensions import db
from ..notifications.services import Mail, commissioners_of, deliver, members_of, notify
from ..reports.prepare import pdfs_changed
from ..workdays import bank_holidays, due_by
from .diff import SectionChange, changes_by_section, with_request
from .models import AuditEvent, InformationRequest, Proposal
from .sections import BY_KEY
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
    if previous == Status.MORE_INFO:
        _close_request(proposal, action, actor)
    if transition.target == Status.SUBMITTED:
        _start_clock(proposal)
    return _notify(proposal, transition, reason, link)


def open_request(proposal: Proposal) -> InformationRequest | None:
    """The request for information the proposer is still asked to answer, if any."""
    query = select(InformationRequest).where(
        InformationRequest.proposal_id == proposal.id,
        InformationRequest.answered_at.is_(None),
        InformationRequest.closed_at.is_(None),
    )
    # read mid-step too: the submission's own change is flushed with the commit that checks
    # its revision, so a lost race is refused there and not here
    with db.session.no_autoflush:
        return db.session.scalar(query.order_by(InformationRequest.id.desc()).limit(1))


def requests_of(proposal: Proposal) -> list[InformationRequest]:
    """Every request for information made of a submission, oldest first."""
    query = select(InformationRequest).where(InformationRequest.proposal_id == proposal.id)
    return list(db.session.scalars(query.order_by(InformationRequest.id)))


def answered_request(proposal: Proposal, number: int) -> InformationRequest | None:
    """The request for information that version ``number`` was submitted in answer to."""
    query = select(InformationRequest).where(
        InformationRequest.proposal_id == proposal.id,
        InformationRequest.version_number == number - 1,
        InformationRequest.answered_at.is_not(None),
    )
    return db.session.scalar(query.order_by(InformationRequest.id.desc()).limit(1))


def version_changes(
    proposal: Proposal, number: int
) -> tuple[list[SectionChange], InformationRequest | None]:
    """What version ``number`` changed since the one before, section by section, with the
    request it answers beside the sections it named; ([], None) for the first version."""
    versions = {version.number: version for version in proposal.versions}
    if number - 1 not in versions or number not in versions:
        return [], None
    before, after = versions[number - 1].document, versions[number].document
    grouped = changes_by_section(before, after, proposal.kind)
    request = answered_request(proposal, number)
    if request is None:
        return grouped, None
    needs = {need["section"]: need["needed"] for need in request.needs or []}
    return with_request(grouped, needs, proposal.kind), request


def reopened_sections(proposal: Proposal) -> frozenset[str] | None:
    """The keys of the sections the proposer may change now; None for every section.

    A draft is open throughout. A case waiting for information reopens the sections its
    request names (every section for a request made before requests named them); any other
    status reopens none.
    """
    if proposal.status == Status.DRAFT:
        return None
    if proposal.status != Status.MORE_INFO:
        return frozenset()
    request = open_request(proposal)
    return frozenset(request.section_keys) if request else None


def ask_for_information(
    proposal: Proposal, actor: User, needs: Sequence[tuple[str, str]], link: str
) -> list[Mail]:
    """Record a request naming (section key, what is needed) pairs and move the case to
    waiting for information (not committed); returns the emails to send after the commit."""
    db.session.add(
        InformationRequest(
            proposal_id=proposal.id,
            version_number=len(proposal.versions),
            author_id=actor.id,
            needs=[{"section": key, "needed": needed} for key, needed in needs],
        )
    )
    summary = "\n".join(f"{BY_KEY[key].title}: {needed}" for key, needed in needs)
    return move(proposal, "request_info", Party.COMMISSIONER, actor, summary, link)


def _close_request(proposal: Proposal, action: str, actor: User) -> None:
    """The case leaves waiting for information: a resubmission answers the open request,
    any other step closes it unanswered, and the audit trail says which step did."""
    request = open_request(proposal)
    if request is None:
        return
    if action == "resubmit":
        request.answered_at = utcnow()
        return
    request.closed_at = utcnow()
    request.closed_by_step = action
    step = {
        "accept": "the decision to accept",
        "reject": "the decision to reject",
        "withdraw": "the proposer withdrawing the submission",
        "withdraw_request": "the commissioner withdrawing it",
    }.get(action, action)
    record(proposal, "close_request", actor, f"The request for information was closed by {step}.")


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
        if transition.action == "resubmit":
            message = (
                f"{proposal.organisation.name} resubmitted '{title}' in answer to the request "
                "for more information."
            )
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
    pdfs_changed(proposal.id)


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
