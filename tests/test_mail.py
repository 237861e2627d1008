"""Outgoing email: header values on one line whatever they hold, and ``send_mail`` writing to
the outbox and sending at once, to the log or by SMTP to a real local server."""

import email
import logging
import socket
import time
from email import policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from app.extensions import db
from app.mail import build_message, header_value, mail_state, send_mail
from app.notifications.models import OutboxMail

SENDER = "Valuecase <no-reply@example.org>"


class Inbox:
    """An SMTP handler keeping what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.mark.parametrize(
    "given",
    [
        "Decision on\nYoung carers",
        "Decision on\r\nYoung carers",
        "  Decision on\r\rYoung carers\n",
        "Decision on\tYoung\x00carers",
        "Decision on\u2028Young\u2029carers",
        "Decision on\x85Young\x0bcarers",
    ],
)
def test_header_values_are_made_one_line(given):
    assert header_value(given) == "Decision on Young carers"


def test_a_long_header_value_is_cut_with_an_ellipsis():
    value = header_value("word " * 100)
    assert len(value) == 200 and value.endswith("word…")
    assert header_value("short", limit=10) == "short"


def test_a_message_with_a_multi_line_subject_builds_and_keeps_its_body_lines():
    message = build_message(SENDER, "sam@example.org\n", "Your request\nfor information", "A\nB\n")
    parsed = email.message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed["Subject"] == "Your request for information"
    assert parsed["To"] == "sam@example.org"
    assert parsed.get_content() == "A\nB\n"


def test_send_mail_writes_to_the_outbox_then_to_the_log_without_a_server(app, caplog):
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    settings = {"MAIL_SERVER": None, "MAIL_SENDER": SENDER}
    send_mail(settings, "sam@example.org", "Reset\nyour password", "Line one\nLine two\n")
    mail = db.session.scalars(select(OutboxMail)).one()
    assert (mail.to, mail.subject, mail_state(mail)) == (
        "sam@example.org",
        "Reset your password",
        "sent",
    )
    logged = [r.getMessage() for r in caplog.records if r.name == "valuecase.mail"]
    assert logged == ["mail to=sam@example.org subject=Reset your password\nLine one\nLine two\n"]


def test_send_mail_uses_smtp_when_configured(app, smtp_server):
    controller, inbox = smtp_server
    settings = {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": controller.port,
        "MAIL_USE_TLS": False,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_SENDER": SENDER,
    }
    send_mail(settings, "someone@example.org", "Hello\r\nthere", "Body text")
    for _ in range(50):
        if inbox.messages:
            break
        time.sleep(0.02)
    assert inbox.messages[0].rcpt_tos == ["someone@example.org"]
    assert b"Body text" in inbox.messages[0].content
    assert b"Subject: Hello there\r\n" in inbox.messages[0].content
    assert db.session.scalars(select(OutboxMail)).one().sent_at is not None
