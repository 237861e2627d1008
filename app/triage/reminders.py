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
from ..delivery.reminders import providers_to_remind, report_lines, reports_to_remind
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


ReportLink = Callable[[int, int], str]


def send_reminders(
    settings: Mapping,
    today: date,
    holidays: Set[date],
    review_link: Callable[[int], str],
    report_link: ReportLink | None = None,
) -> int:
    """Write today's reminders, commit, and have them sent; returns how many were written."""
    mails = queue_reminders(today, holidays, review_link, report_link)
    db.session.commit()
    deliver(settings, mails)
    return len(mails)


def queue_reminders(
    today: date,
    holidays: Set[date],
    review_link: Callable[[int], str],
    report_link: ReportLink | None = None,
) -> list[Mail]:
    """A reminder (not committed) for each active person not yet reminded today who has
    something to do: a commissioner whose body has submissions due soon or overdue, or results
    reports to verify or chase; a provider's member with results reports due, overdue or
    queried. Nobody with nothing to do is emailed."""
    reminded = set(db.session.scalars(select(Reminder.user_id).where(Reminder.sent_on == today)))
    mails = []

    def remind(person: User, text: str, title: str, count: int) -> None:
        reminded.add(person.id)
        mails.append(queue_mail(person.email, title, text))
        db.session.add(Reminder(user_id=person.id, sent_on=today, cases=count))

    for body in db.session.scalars(select(PublicBody).order_by(PublicBody.id)):
        cases = due_cases(body.id, today, holidays)
        for person in commissioners_of(body.id):
            if person.id in reminded:
                continue
            reports = reports_to_remind(person, today) if report_link else []
            if not cases and not reports:
                continue
            text = body_text(person, cases, body, review_link)
            if reports:
                text = with_reports(text, reports, report_link, bool(cases))
            title = subject(cases) if cases else reports_subject(reports)
            remind(person, text, title, len(cases) + len(reports))
    if report_link is None:
        return mails
    for person in providers_to_remind():
        reports = reports_to_remind(person, today)
        if person.id in reminded or not reports:
            continue
        remind(
            person,
            with_reports(f"Hello {person.name},\n", reports, report_link, False),
            reports_subject(reports),
            len(reports),
        )
    return mails


def reports_subject(reports: list) -> str:
    count = len(reports)
    return f"Valuecase: {count} results report{'' if count == 1 else 's'} needing attention"


def with_reports(text: str, reports: list, report_link: ReportLink, after_cases: bool) -> str:
    """The reminder's text with the results reports that need attention added."""
    if not after_cases:
        text = text.split("\n")[0] + "\n"
    lines = [
        "",
        "These results reports need your attention:",
        "",
        *report_lines(reports, report_link),
        "",
        "Reports are due 20 working days after each period ends.",
        "",
    ]
    return text.rstrip("\n") + "\n" + "\n".join(lines)


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
