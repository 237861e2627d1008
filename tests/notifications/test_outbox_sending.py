"""Sending the outbox: retries with growing delays up to a limit, one email refused among
many, and two senders at once, each against a real local SMTP server or a refusing port."""

import threading
from datetime import UTC, datetime

from aiosmtpd.controller import Controller
from sqlalchemy import select

from app.accounts.models import utcnow
from app.extensions import db
from app.mail import (
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    Outcome,
    mail_state,
    queue_mail,
    send_due,
    send_mail,
    send_now,
)
from app.notifications.models import OutboxMail

from .conftest import Inbox, free_port


def fresh(mail_id: int) -> OutboxMail:
    return db.session.get(OutboxMail, mail_id, populate_existing=True)


def aware(moment: datetime) -> datetime:
    """A stored time as UTC (SQLite gives it back without its zone)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def make_due(mail_id: int) -> None:
    """As if the wait before the next attempt had passed."""
    mail = fresh(mail_id)
    mail.next_attempt_at = mail.created_at
    db.session.commit()


def only_mail() -> OutboxMail:
    return db.session.scalars(select(OutboxMail).execution_options(populate_existing=True)).one()


def test_a_failing_email_is_retried_later_each_time_then_stays_failed(app, mail_to, smtp_server):
    mail_to(free_port())
    send_mail(app.config, "sam@example.org", "Your submission", "Hello Sam")
    mail = only_mail()
    waits = []
    for attempt in range(1, MAX_ATTEMPTS):
        assert (mail.attempts, mail_state(mail)) == (attempt, "retrying")
        assert "ConnectionRefusedError" in mail.last_error
        waits.append(aware(mail.next_attempt_at) - utcnow())
        make_due(mail.id)
        assert send_due(app.config) == Outcome(failed=1)
        mail = fresh(mail.id)
    for wait, delay in zip(waits, RETRY_DELAYS, strict=True):
        assert delay * 0.9 < wait <= delay
    assert (mail.attempts, mail_state(mail)) == (MAX_ATTEMPTS, "failed")
    make_due(mail.id)
    assert send_due(app.config) == Outcome()  # failed for good: no longer tried on its own
    assert fresh(mail.id).attempts == MAX_ATTEMPTS
    # an admin sends it again once the server works
    port, inbox = smtp_server
    mail_to(port)
    assert mail_state(send_now(app.config, mail.id)) == "sent"
    assert inbox.wait_for(1)[0].rcpt_tos == ["sam@example.org"]


class Choosy(Inbox):
    """An SMTP server that refuses one recipient."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address == "nobody@example.org":
            return "550 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_one_refused_recipient_does_not_hold_back_the_others(app, mail_to):
    inbox = Choosy()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        mail_to(controller.port)
        refused = queue_mail("nobody@example.org", "Hello", "Body")
        kept = queue_mail("sam@example.org", "Hello", "Body")
        db.session.commit()
        assert send_due(app.config) == Outcome(sent=1, failed=1)
        assert [m.rcpt_tos for m in inbox.wait_for(1)] == [["sam@example.org"]]
    finally:
        controller.stop()
    assert mail_state(fresh(kept.id)) == "sent"
    assert mail_state(fresh(refused.id)) == "retrying"
    assert "SMTPRecipientsRefused" in fresh(refused.id).last_error


class Slow(Inbox):
    """An SMTP server that holds the first message until told to go on."""

    def __init__(self):
        super().__init__()
        self.arrived, self.go_on = threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.arrived.set()
        self.go_on.wait(5)
        return await super().handle_DATA(server, session, envelope)


def test_an_email_another_sender_has_in_hand_is_not_sent_twice(app, mail_to):
    inbox = Slow()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    mail_to(controller.port)
    mail = queue_mail("sam@example.org", "Hello", "Body")
    db.session.commit()
    outcomes = []

    def worker() -> None:
        with app.app_context():
            outcomes.append(send_due(app.config))

    other = threading.Thread(target=worker)
    other.start()
    try:
        assert inbox.arrived.wait(5)
        assert send_due(app.config) == Outcome()  # cron, while the worker is mid-send
        assert mail_state(send_now(app.config, mail.id)) == "sending"  # an admin's click
    finally:
        inbox.go_on.set()
        other.join(10)
        controller.stop()
    assert outcomes == [Outcome(sent=1)]
    assert len(inbox.messages) == 1
    assert (fresh(mail.id).attempts, mail_state(fresh(mail.id))) == (1, "sent")
