"""Commissioner operations: review, transitions, judgements, assignment and decisions."""

from dataclasses import dataclass

from sqlalchemy import select

from ..accounts.models import PublicBody, Role, User, utcnow
from ..extensions import db
from ..field_errors import FieldError
from ..notifications.services import deliver
from ..proposals import lifecycle
from ..proposals.models import AuditEvent, Proposal
from ..proposals.sections import sections_for
from ..proposals.workflow import (
    DECIDABLE,
    TRANSITIONS,
    Party,
    Status,
    TransitionRefused,
    available,
)
from ..reports.prepare import letters_changed, pdfs_changed
from .conflicts import AlreadyChanged, first_change_wins, refuse_if_decided, what_happened
from .grounds import GROUNDS
from .models import AREAS, Decision, Judgement

NEEDED_LIMIT = 5000  # characters of what is needed, for each section a request names

# the steps a commissioner takes from the review page; accepting and rejecting need a decision
REVIEW_STEPS = frozenset(
    t.action
    for t in TRANSITIONS
    if t.party == Party.COMMISSIONER and t.action not in ("accept", "reject")
)


class DecisionInvalid(FieldError):
    """A decision or assignment that the rules do not allow."""


class RequestInvalid(Exception):
    """A request for information that is not complete: each message by the field at fault."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class ContactDetails:
    """How proposers reach a public body about a decision; empty text for what is not given."""

    email: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class DecisionInput:
    """What the commissioner decided and why."""

    outcome: str
    reasons: str
    next_steps: str
    grounds: tuple[str, ...] = ()


def proposal_for_commissioner(proposal_id: int, user: User) -> Proposal | None:
    """A submission addressed to the commissioner's body (never a draft)."""
    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None or user.public_body_id is None:
        return None
    if proposal.public_body_id != user.public_body_id or proposal.status == Status.DRAFT:
        return None
    return proposal


def reviewers(public_body_id: int) -> list[User]:
    """The body's commissioners, who can be assigned a submission."""
    query = select(User).where(
        User.public_body_id == public_body_id, User.role == Role.COMMISSIONER, User.active.is_(True)
    )
    return list(db.session.scalars(query.order_by(User.name)))


def take(
    proposal: Proposal, action: str, actor: User, reason: str, settings: dict | None, link: str
) -> None:
    """A commissioner's transition, recorded and notified; AlreadyChanged if someone moved first.

    A step the review page offers but the current status no longer allows means another
    commissioner (or the proposer) moved the submission since the page was shown.
    """
    if action in ("accept", "reject"):
        raise TransitionRefused("Record a decision with its reasons to accept or reject.")
    if action in REVIEW_STEPS and action not in {
        t.action for t in available(proposal.status, Party.COMMISSIONER)
    }:
        raise AlreadyChanged(what_happened(proposal))
    if action == "request_info":
        raise TransitionRefused(
            "Ask for more information on its own page, naming the sections that need work."
        )
    with first_change_wins(proposal):
        mails = lifecycle.move(proposal, action, Party.COMMISSIONER, actor, reason, link)
    deliver(settings, mails)
    pdfs_changed(proposal.id)


def section_choices(proposal: Proposal) -> list[tuple[str, str]]:
    """The task-list sections a request for information can name for this kind of case."""
    return [(section.key, section.title) for section in sections_for(proposal.kind)]


def requested_needs(
    proposal: Proposal, chosen: list[str], texts: dict[str, str]
) -> list[tuple[str, str]]:
    """The (section key, what is needed) pairs asked for, in task-list order.

    Raises RequestInvalid naming every field at fault: no section chosen, a section that
    this kind of case does not have, or a chosen section without its text or with too much.
    """
    titles = dict(section_choices(proposal))
    errors: dict[str, str] = {}
    if not chosen:
        errors["sections"] = "Select at least one section that needs more information"
    elif any(key not in titles for key in chosen):
        errors["sections"] = "Select sections from the list"
    needs = []
    for key, title in titles.items():
        if key not in chosen:
            continue
        needed = (texts.get(key) or "").strip()
        if not needed:
            errors[f"needed-{key}"] = f"Say what is needed for {title}"
        elif len(needed) > NEEDED_LIMIT:
            errors[f"needed-{key}"] = (
                f"What is needed for {title}: use {NEEDED_LIMIT:,} characters or fewer"
            )
        needs.append((key, needed))
    if errors:
        raise RequestInvalid(errors)
    return needs


def request_refusal(proposal: Proposal) -> str | None:
    """Why more information cannot be asked for now, or None when it can."""
    if "request_info" in {t.action for t in available(proposal.status, Party.COMMISSIONER)}:
        return None
    if proposal.status == Status.SUBMITTED:
        return "Start the review before asking for more information."
    return what_happened(proposal)


def request_information(
    proposal: Proposal,
    actor: User,
    chosen: list[str],
    texts: dict[str, str],
    settings: dict | None,
    link: str,
) -> None:
    """Ask the proposer for more information on the chosen sections, each with what is
    needed; only those sections reopen. Recorded and notified, with ``link`` to the case.

    Raises RequestInvalid for an incomplete request, AlreadyChanged when the case is no
    longer in review (another commissioner or the proposer moved it first).
    """
    if request_refusal(proposal):
        raise AlreadyChanged(what_happened(proposal))
    needs = requested_needs(proposal, chosen, texts)
    with first_change_wins(proposal):
        mails = lifecycle.ask_for_information(proposal, actor, needs, link)
    deliver(settings, mails)
    pdfs_changed(proposal.id)


def assign(
    proposal: Proposal, assignee_id: int | None, actor: User, seen_assignee_id: int | None = None
) -> None:
    """Give the submission to one of the body's reviewers (or to no one).

    ``seen_assignee_id`` is who the commissioner saw assigned (0 for no one): if another
    commissioner has assigned it since, theirs stands and this raises AlreadyChanged.
    """
    refuse_if_decided(proposal)
    if seen_assignee_id is not None and (proposal.assignee_id or 0) != seen_assignee_id:
        now = proposal.assignee.name if proposal.assignee else "no one"
        raise AlreadyChanged(
            f"Another commissioner changed the assignment since you opened the page: this "
            f"submission is now assigned to {now}."
        )
    assignee = None
    if assignee_id:
        assignee = db.session.get(User, assignee_id)
        if assignee is None or assignee not in reviewers(proposal.public_body_id):
            raise DecisionInvalid("assignee_id", "Select a commissioner of your public body")
    with first_change_wins(proposal):
        proposal.assignee_id = assignee.id if assignee else None
        lifecycle.record(
            proposal, "assign", actor, f"Assigned to {assignee.name}" if assignee else "Unassigned"
        )


def add_judgement(
    proposal: Proposal, author: User, area: str, topic: str, judgement: str, rationale: str
) -> Judgement:
    """Record a judgement on one area of the latest version; after the decision, a note.

    Judgements are only ever added, never changed: a note made after the decision sits
    beside the judgements that informed it and is told apart by its date.
    """
    if area not in AREAS:
        raise DecisionInvalid("area", "Select the area the judgement is about")
    entry = Judgement(
        proposal_id=proposal.id,
        version_number=len(proposal.versions),
        area=area,
        topic=topic.strip(),
        judgement=judgement.strip(),
        rationale=rationale.strip(),
        author_id=author.id,
    )
    db.session.add(entry)
    db.session.commit()
    pdfs_changed(proposal.id)
    return entry


def judgements(proposal: Proposal) -> list[Judgement]:
    """The commissioners' judgements, oldest first."""
    query = select(Judgement).where(Judgement.proposal_id == proposal.id)
    return list(db.session.scalars(query.order_by(Judgement.created_at, Judgement.id)))


def audit_trail(proposal: Proposal) -> list[AuditEvent]:
    """Every recorded step, oldest first."""
    query = select(AuditEvent).where(AuditEvent.proposal_id == proposal.id)
    return list(db.session.scalars(query.order_by(AuditEvent.at, AuditEvent.id)))


def validate_decision(proposal: Proposal, decision: DecisionInput) -> None:
    """A challenge is rejected only on statutory grounds; every decision gives reasons."""
    if decision.outcome not in ("accepted", "rejected"):
        raise DecisionInvalid("outcome", "Select whether you accept or reject the submission")
    if not decision.reasons.strip():
        raise DecisionInvalid("reasons", "Give the reasons for the decision")
    unknown = [g for g in decision.grounds if g not in GROUNDS]
    if unknown:
        raise DecisionInvalid("grounds", "Select grounds from the list")
    if proposal.kind == "challenge" and decision.outcome == "rejected" and not decision.grounds:
        raise DecisionInvalid(
            "grounds",
            "A challenge can be rejected only on one or more of the statutory grounds: select them",
        )
    if decision.outcome == "accepted" and not decision.next_steps.strip():
        raise DecisionInvalid(
            "next_steps",
            "Say what follows: the procurement exercise, or how the service will be commissioned",
        )


def decide(
    proposal: Proposal, actor: User, decision: DecisionInput, settings: dict | None, link: str
) -> Decision:
    """Accept or reject with reasons; the decision is published on the register.

    Made once: a second decision, or one made on what another commissioner has just changed,
    raises AlreadyChanged and leaves the first as it was.
    """
    check_can_decide(proposal)
    validate_decision(proposal, decision)
    action = "accept" if decision.outcome == "accepted" else "reject"
    with first_change_wins(proposal):
        mails = lifecycle.move(
            proposal, action, Party.COMMISSIONER, actor, decision.reasons.strip(), link
        )
        record = decision_record(proposal, actor, decision)
        db.session.add(record)
    deliver(settings, mails)
    pdfs_changed(proposal.id)
    return record


def preview(proposal: Proposal, actor: User, decision: DecisionInput) -> Decision:
    """The decision as it would be recorded now, for the commissioner to read before confirming.

    Nothing is written: the decision returned is never added to the session. Raises what
    ``decide`` would raise for the same submission and answers.
    """
    check_can_decide(proposal)
    validate_decision(proposal, decision)
    record = decision_record(proposal, actor, decision)
    # what the letter and the register entry read of a row that is not saved
    record.decided_by = actor
    record.proposal = proposal
    return record


def decision_record(proposal: Proposal, actor: User, decision: DecisionInput) -> Decision:
    """The decision's row (not added), dated now, with the register's summary of the latest
    version."""
    latest = proposal.versions[-1] if proposal.versions else None
    report = (latest.check_report or {}) if latest else {}
    document = latest.document if latest else proposal.draft
    return Decision(
        proposal_id=proposal.id,
        outcome=decision.outcome,
        grounds=list(decision.grounds) if decision.outcome == "rejected" else [],
        reasons=decision.reasons.strip(),
        next_steps=decision.next_steps.strip(),
        decided_by_id=actor.id,
        decided_at=utcnow(),
        summary=register_summary(document, report),
    )


def check_can_decide(proposal: Proposal) -> None:
    """A submission in review, or waiting for information, can be decided; otherwise
    AlreadyChanged says where it is."""
    if proposal.status not in DECIDABLE:
        raise AlreadyChanged(what_happened(proposal))


def register_summary(document: dict, report: dict) -> dict:
    """What the register publishes of the decided version: no personal data."""
    service = document.get("service") or {}
    value = report.get("value") or {}
    return {
        "service": service.get("name") or "",
        "current_annual_cost": service.get("current_annual_cost"),
        "present_value": value.get("present_value"),
        "investment": value.get("investment"),
        "sroi_ratio": value.get("sroi_ratio"),
        "tier": report.get("tier"),
    }


def decision_for(proposal: Proposal) -> Decision | None:
    """The decision, if made."""
    return db.session.scalar(select(Decision).where(Decision.proposal_id == proposal.id))


def save_body_settings(public_body_id: int, days: int, contact: ContactDetails) -> None:
    """The body's own time for deciding submissions received from now on, in working days,
    and the contact details its decision letters give."""
    body = db.session.get(PublicBody, public_body_id)
    body.response_period_days = days
    _set_contact(body, contact)
    db.session.commit()
    letters_changed(public_body_id)


def save_contact_details(public_body_id: int, contact: ContactDetails) -> PublicBody | None:
    """The contact details the body's decision letters give; None for an unknown body."""
    body = db.session.get(PublicBody, public_body_id)
    if body is None:
        return None
    _set_contact(body, contact)
    db.session.commit()
    letters_changed(public_body_id)
    return body


def _set_contact(body: PublicBody, contact: ContactDetails) -> None:
    body.contact_email = contact.email.strip() or None
    body.contact_address = contact.address.strip() or None
    body.contact_phone = contact.phone.strip() or None
