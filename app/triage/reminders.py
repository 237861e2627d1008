"""Reminders of deadlines: each day, one email to each commissioner whose body has submissions
due within five working days or overdue, listing them.

A commissioner reminded on a day has a ``Reminder`` row for it, written in the same
transaction as the email, so running the reminders twice on one day sends nothing the second
time, and a run that fails part-way leaves no row without its email.
"""

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..accounts.models import PublicBody, User, aware
from ..extensions import db
from ..mail import queue_mail
from ..notifications.services import Mail, commissioners_of, deliver
from ..proposals.models import Proposal
from ..proposals.workflow import Status
from .deadlines import REMIND_WITHIN, TimeLeft, time_left
from .models import Reminder

# awaiting the body's decision: a request for more information waits on the proposer instead
AWAITING_DECISION = (Status.SUBMITTED, Status.IN_REVIEW)


@dataclass(frozen=True)
class DueCase:
    """A submission the body must decide soon, or should have decided already."""

    proposal: Proposal
    clock: TimeLeft


def due_cases(public_body_id: int, today: date, holidays: Set[date]) -> list[DueCase]:
    """The body's undecided submissions due within REMIND_WITHIN working days or overdue,
    the most pressing first."""
    query = select(Proposal).where(
        Proposal.public_body_id == public_body_id,
        Proposal.status.in_(AWAITING_DECISION),
        Proposal.deadline.is_not(None),
    )
    cases = [
        DueCase(p, time_left(aware(p.deadline).date(), today, holidays))
        for p in db.session.scalars(query)
    ]
    due = [case for case in cases if case.clock.remind]
    return sorted(due, key=lambda case: (case.clock.left, case.proposal.id))


def send_reminders(
    settings: Mapping, today: date, holidays: Set[date], review_link: Callable[[int], str]
) -> int:
    """Write today's reminders, commit, and have them sent; returns how many were written."""
    mails = queue_reminders(today, holidays, review_link)
    db.session.commit()
    deliver(settings, mails)
    return len(mails)


def queue_reminders(
    today: date, holidays: Set[date], review_link: Callable[[int], str]
) -> list[Mail]:
    """A reminder (not committed) for each active commissioner not yet reminded today whose
    body has submissions due soon or overdue; nothing for a body with none."""
    reminded = set(db.session.scalars(select(Reminder.user_id).where(Reminder.sent_on == today)))
    mails = []
    for body in db.session.scalars(select(PublicBody).order_by(PublicBody.id)):
        cases = due_cases(body.id, today, holidays)
        if not cases:
            continue
        for person in commissioners_of(body.id):
            if person.id in reminded:
                continue
            text = body_text(person, cases, body, review_link)
            mails.append(queue_mail(person.email, subject(cases), text))
            db.session.add(Reminder(user_id=person.id, sent_on=today, cases=len(cases)))
    return mails


def subject(cases: list[DueCase]) -> str:
    """How many submissions need a decision, and how many of them are late."""
    late = sum(1 for case in cases if case.clock.overdue)
    count = len(cases)
    text = f"Valuecase: {count} submission{'' if count == 1 else 's'} to decide soon"
    return text + (f", {late} overdue" if late else "")


def body_text(
    person: User, cases: list[DueCase], body: PublicBody, review_link: Callable[[int], str]
) -> str:
    """Each submission with its organisation, status, due date and time left, and its link."""
    lines = [
        f"Hello {person.name},",
        "",
        f"These submissions to {body.name} are due within {REMIND_WITHIN} working days, "
        "or overdue:",
        "",
    ]
    for case in cases:
        proposal = case.proposal
        lines += [
            f"- {proposal.title} ({proposal.organisation.name}, {proposal.status.label.lower()})",
            f"  Due {case.clock.due.strftime('%-d %B %Y')}: {case.clock.label}",
            f"  {review_link(proposal.id)}",
        ]
    lines += [
        "",
        "Working days are Monday to Friday, leaving out bank holidays in England and Wales.",
        "You get this email on each day a submission is due soon or overdue.",
        "",
    ]
    return "\n".join(lines)
