"""Fixtures: a public body with two commissioners and a submitted challenge from a CSO."""

import pytest

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
