"""Fixtures for the proposal pages: a signed-in CSO member and a started draft."""

import pytest

from app.accounts.models import Role
from app.proposals import services


@pytest.fixture
def body(make_public_body):
    return make_public_body("Anytown Borough Council")


@pytest.fixture
def member(make_user, make_organisation):
    return make_user(Role.CSO, name="Sam Member", organisation=make_organisation("Carers Trust"))


@pytest.fixture
def member_client(member, sign_in):
    return sign_in(member)


@pytest.fixture
def challenge(member, body):
    return services.start(member, "challenge", body, "Young carers support")


@pytest.fixture
def propose(member, body):
    return services.start(member, "propose", body, "Hospital discharge support")
