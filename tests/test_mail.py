"""Mail goes through SMTP when a server is configured."""

import socket
import time

import pytest
from aiosmtpd.controller import Controller

from app.mail import send_mail


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


def test_send_mail_uses_smtp_when_configured(smtp_server):
    controller, inbox = smtp_server
    settings = {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": controller.port,
        "MAIL_USE_TLS": False,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_SENDER": "Valuecase <no-reply@example.org>",
    }
    send_mail(settings, "someone@example.org", "Hello", "Body text")
    for _ in range(50):
        if inbox.messages:
            break
        time.sleep(0.02)
    assert inbox.messages[0].rcpt_tos == ["someone@example.org"]
    assert b"Body text" in inbox.messages[0].content
