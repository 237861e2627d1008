"""Fixtures: the young carers challenge to one body, claiming a saving for a second body."""

import pytest
from sqlalchemy import select

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.savings.models import SavingConfirmation


@pytest.fixture
def body(make_public_body):
    return make_public_body("Anytown Borough Council")


@pytest.fixture
def schools(make_public_body):
    """The second body: the case names it "Anytown schools"."""
    return make_public_body("Anytown Schools")


@pytest.fixture
def commissioner(make_user, body):
    return make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body)


@pytest.fixture
def schools_commissioner(make_user, schools):
    return make_user(Role.COMMISSIONER, name="Sasha Schools", public_body=schools)


@pytest.fixture
def provider(make_user, make_organisation):
    return make_user(Role.CSO, name="Sam Provider", organisation=make_organisation("Carers Trust"))


@pytest.fixture
def submitted(provider, body, schools, commissioner, schools_commissioner):
    """The young carers challenge, submitted to the borough council."""
    case = services.new_proposal(
        provider.organisation, body, load_example("challenge-young-carers"), provider
    )
    db.session.commit()
    services.submit(case, provider, None)
    return case


@pytest.fixture
def line(submitted):
    """The one saving line the case claims for the schools."""
    return db.session.scalar(select(SavingConfirmation))
