"""Fixtures: an accepted case of a body, delivered by its proposer's organisation."""

from datetime import date
from decimal import Decimal

import pytest

from app.accounts.models import Role, utcnow
from app.delivery import services as delivery
from app.delivery.terms import ContractTerms, Measure, add_months, term_end
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.triage import services as triage


@pytest.fixture
def body(make_public_body):
    return make_public_body("Anytown Borough Council")


@pytest.fixture
def commissioner(make_user, body):
    return make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body)


@pytest.fixture
def provider(make_user, make_organisation):
    return make_user(Role.CSO, name="Sam Provider", organisation=make_organisation("Carers Trust"))


@pytest.fixture
def accepted(provider, body, commissioner):
    """The young carers challenge, accepted."""
    case = services.new_proposal(
        provider.organisation, body, load_example("challenge-young-carers"), provider
    )
    db.session.commit()
    services.submit(case, provider, None)
    triage.take(case, "start_review", commissioner, "", None, "")
    triage.decide(
        case,
        commissioner,
        triage.DecisionInput("accepted", "Good value for carers", "A contract follows", ()),
        None,
        "",
    )
    return case


def months_ago(months: int) -> date:
    """The first day of the month ``months`` before this one."""
    return add_months(utcnow().date().replace(day=1), -months)


START = months_ago(9)  # periods 1 to 3 have ended, period 4 is under way, 5 is to come
TERMS = ContractTerms(
    start=START,
    end=term_end(START, 2),
    annual_value=Decimal(100000),
    frequency="quarterly",
    verification="independent",
    pbr_share=Decimal("0.2"),
    measures=(Measure("attendance", "Carers sustaining school attendance", Decimal(500)),),
)


@pytest.fixture
def contract(accepted, provider, commissioner):
    recorded, _ = delivery.record_contract(
        accepted, TERMS, provider.organisation_id, "", commissioner, lambda _: ""
    )
    return recorded
