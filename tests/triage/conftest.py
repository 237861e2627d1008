"""Fixtures: a public body with two commissioners and a submitted challenge from a CSO, and
the commissioner's two steps to a decision: the form, then its confirmation."""

import html
import re

import pytest
from werkzeug.datastructures import MultiDict

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services


@pytest.fixture
def body(make_public_body):
    return make_public_body("Anytown Borough Council", response_period_days=30)


@pytest.fixture
def commissioner(make_user, body):
    return make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body)


@pytest.fixture
def reviewer(make_user, body):
    return make_user(Role.COMMISSIONER, name="Priya Reviewer", public_body=body)


@pytest.fixture
def proposer(make_user, make_organisation):
    return make_user(Role.CSO, name="Sam Proposer", organisation=make_organisation("Carers Trust"))


def submitted(proposer, body, example="challenge-young-carers", report=None):
    """A submission of an example document, as its proposer would make it."""
    proposal = services.new_proposal(proposer.organisation, body, load_example(example), proposer)
    db.session.flush()
    services.submit(
        proposal, proposer, report, {"MAIL_SERVER": None, "MAIL_SENDER": "x <x@example.org>"}
    )
    return proposal


@pytest.fixture
def challenge(proposer, body, commissioner, reviewer):
    return submitted(proposer, body)


@pytest.fixture
def commissioner_client(client, commissioner, sign_in):
    return sign_in(commissioner)


HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


def confirmation_answers(page: str) -> list[tuple[str, str]]:
    """The answers the confirmation page carries back in its hidden fields, as posted."""
    form = page[page.index('action="/triage/') :]
    return [(name, html.unescape(value)) for name, value in HIDDEN.findall(form)]


def decide(client, proposal, data: dict, step: str = "confirm"):
    """Fill in the decision form, read the confirmation page, then confirm (or go back)."""
    page = client.post(f"/triage/{proposal.id}/decide", data=data)
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Check the decision before it is sent" in text, text[-800:]
    answers = confirmation_answers(text) + [("step", step)]
    return client.post(f"/triage/{proposal.id}/decide/confirm", data=MultiDict(answers))
