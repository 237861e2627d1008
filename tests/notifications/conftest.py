"""Fixtures: a real SMTP server on a free local port, a port that refuses, and a submission
in review whose title has a line break in it."""

import socket
import time
from collections.abc import Callable, Iterator

import pytest
from aiosmtpd.controller import Controller

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.triage import services as triage

LOG_ONLY = {"MAIL_SERVER": None, "MAIL_SENDER": "Valuecase <no-reply@example.org>"}
TITLE = "Young carers\nin Anytown"


class Inbox:
    """An SMTP handler keeping what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 OK"

    def wait_for(self, count: int) -> list:
        """The messages, once ``count`` have arrived (or after two seconds)."""
        for _ in range(100):
            if len(self.messages) >= count:
                break
            time.sleep(0.02)
        return self.messages


def free_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Inbox]]:
    """A real SMTP server on localhost: its port and what it received."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox
    controller.stop()


@pytest.fixture
def mail_to(app, monkeypatch) -> Callable[[int], None]:
    """Send the app's email by SMTP to a local port from now on."""

    def point(port: int) -> None:
        monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
        monkeypatch.setitem(app.config, "MAIL_PORT", port)
        monkeypatch.setitem(app.config, "MAIL_USE_TLS", False)
        monkeypatch.setitem(app.config, "MAIL_USERNAME", None)

    return point


@pytest.fixture
def people(make_user, make_public_body, make_organisation) -> dict:
    """A commissioner of a body, and two members of the organisation submitting to it."""
    body = make_public_body("Anytown Borough Council", response_period_days=30)
    organisation = make_organisation("Carers Trust")
    return {
        "body": body,
        "commissioner": make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body),
        "proposer": make_user(Role.CSO, name="Sam Proposer", organisation=organisation),
        "colleague": make_user(Role.CSO, name="Jo Colleague", organisation=organisation),
    }


@pytest.fixture
def in_review(people):
    """A challenge titled with a line break, submitted and under review; its emails sent."""
    document = load_example("challenge-young-carers") | {"title": TITLE}
    proposer = people["proposer"]
    proposal = services.new_proposal(proposer.organisation, people["body"], document, proposer)
    db.session.flush()
    services.submit(proposal, proposer, None, LOG_ONLY)
    triage.take(proposal, "start_review", people["commissioner"], "", LOG_ONLY, "")
    return proposal


@pytest.fixture
def commissioner_client(client, people, sign_in):
    return sign_in(people["commissioner"])
