"""Deadlines in working days: the queue shows the days left or how late, and `send-reminders`
emails each commissioner, once a day, the body's submissions due within five working days."""

import csv
import io
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, select

from app.accounts.models import Role, utcnow
from app.extensions import db
from app.notifications.models import OutboxMail
from app.proposals.workflow import Status
from app.triage import services as triage
from app.triage.models import Reminder
from app.workdays import add_working_days, bank_holidays, working_days_between

from .conftest import submitted

HOLIDAYS = bank_holidays()


def due_in(proposal, working_days: int) -> None:
    """Set the deadline this many working days from today (negative: that many days late)."""
    today = utcnow().date()
    if working_days >= 0:
        due = add_working_days(today, working_days, HOLIDAYS)
    else:
        due = today
        while working_days_between(due, today, HOLIDAYS) < -working_days:
            due -= timedelta(days=1)
    proposal.deadline = datetime.combine(due, time.max, tzinfo=UTC)
    db.session.commit()


def mails_to(person) -> list[OutboxMail]:
    query = select(OutboxMail).where(OutboxMail.to == person.email).order_by(OutboxMail.id)
    return list(db.session.scalars(query))


def reminders_to(person) -> list[OutboxMail]:
    return [mail for mail in mails_to(person) if "to decide soon" in mail.subject]


def test_the_queue_shows_working_days_left_and_how_late(
    commissioner_client, challenge, proposer, body
):
    late = submitted(proposer, body, "propose-hospital-discharge")
    due_in(challenge, 3)
    due_in(late, -2)

    page = commissioner_client.get("/triage/?sort=deadline").get_data(as_text=True)

    assert "3 working days left" in page
    assert "Overdue by 2 working days" in page
    assert "working days after the day a submission is received" in page
    rows = {
        row["id"]: row
        for row in csv.DictReader(
            io.StringIO(commissioner_client.get("/triage/export.csv").get_data(as_text=True))
        )
    }
    assert rows[str(challenge.id)]["working_days_left"] == "3"
    assert rows[str(late.id)]["working_days_left"] == "-2"


def test_a_decided_submission_shows_no_time_left(commissioner_client, challenge, commissioner):
    due_in(challenge, -4)
    triage.take(challenge, "start_review", commissioner, "", None, "")
    triage.decide(
        challenge, commissioner, triage.DecisionInput("accepted", "Good.", "A grant."), None, ""
    )

    page = commissioner_client.get("/triage/").get_data(as_text=True)

    assert "Overdue" not in page and "working days left" not in page


def test_each_commissioner_gets_one_reminder_listing_the_cases_due_soon_or_late(
    runner, challenge, proposer, body, commissioner, reviewer, make_user, make_public_body
):
    late = submitted(proposer, body, "propose-hospital-discharge")
    far = submitted(proposer, body, "propose-parish-green-spaces")
    elsewhere = submitted(
        proposer, make_public_body("Elsewhere Council"), "challenge-village-library-weak"
    )
    make_user(Role.COMMISSIONER, name="Olu Elsewhere", public_body=elsewhere.public_body)
    gone = make_user(Role.COMMISSIONER, name="Gone Away", public_body=body, active=False)
    due_in(challenge, 5)
    due_in(late, -3)
    due_in(far, 6)
    due_in(elsewhere, 30)

    result = runner.invoke(args=["send-reminders"])

    assert result.exit_code == 0, result.output
    assert "Wrote 2 reminders to the outbox." in result.output
    for person in (commissioner, reviewer):
        (mail,) = reminders_to(person)
        assert mail.subject == "Valuecase: 2 submissions to decide soon, 1 overdue"
        assert mail.body.startswith(f"Hello {person.name},")
        assert late.title in mail.body and challenge.title in mail.body
        assert far.title not in mail.body and elsewhere.title not in mail.body
        assert mail.body.index(late.title) < mail.body.index(challenge.title)  # late first
        assert "Overdue by 3 working days" in mail.body and "5 working days left" in mail.body
        assert f"http://127.0.0.1:5000/triage/{late.id}" in mail.body
        assert mail.sent_at is not None  # through the outbox, sent after the commit
    assert reminders_to(gone) == []
    assert db.session.scalar(select(func.count(Reminder.id))) == 2


def test_reminders_are_sent_once_a_day(runner, challenge, commissioner):
    due_in(challenge, 1)
    assert "Wrote 2 reminders" in runner.invoke(args=["send-reminders"]).output
    emails = db.session.scalar(select(func.count(OutboxMail.id)))

    again = runner.invoke(args=["send-reminders"])

    assert again.exit_code == 0 and "No reminders to send today." in again.output
    assert db.session.scalar(select(func.count(OutboxMail.id))) == emails
    assert len(reminders_to(commissioner)) == 1


def test_nothing_is_sent_when_nothing_is_due_soon(runner, challenge, commissioner):
    due_in(challenge, 6)
    emails = db.session.scalar(select(func.count(OutboxMail.id)))

    result = runner.invoke(args=["send-reminders"])

    assert result.exit_code == 0 and "No reminders to send today." in result.output
    assert db.session.scalar(select(func.count(OutboxMail.id))) == emails
    assert db.session.scalar(select(func.count(Reminder.id))) == 0


def test_a_request_for_information_stops_the_reminders(runner, challenge, commissioner):
    due_in(challenge, -1)
    triage.take(challenge, "start_review", commissioner, "", None, "")
    triage.request_information(
        challenge, commissioner, ["service"], {"service": "The costs, please."}, None, ""
    )
    assert challenge.status == Status.MORE_INFO

    result = runner.invoke(args=["send-reminders"])

    assert "No reminders to send today." in result.output
