"""Fixtures: decided submissions made the way people make them, and a contract with results."""

from collections.abc import Callable

import pytest
from flask import current_app

from app.accounts.models import Role
from app.delivery import services as delivery
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.proposals.models import Proposal
from app.register.ocds.validation import problems
from app.triage import services as triage

EXAMPLES = {"challenge": "challenge-young-carers", "propose": "propose-hospital-discharge"}


@pytest.fixture
def body(make_public_body):
    return make_public_body("Anytown Borough Council")


@pytest.fixture
def commissioner(make_user, body):
    return make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body)


@pytest.fixture
def decided(make_user, make_organisation, body, commissioner) -> Callable[..., Proposal]:
    """Submit a changed example as an organisation and have the body decide it."""
    members = {}

    def make(
        title: str = "Whole-family support for young carers",
        organisation: str = "Anytown Carers Trust",
        kind: str = "challenge",
        outcome: str = "accepted",
        reasons: str = "Good value for carers",
        service: str | None = None,
        organisation_type: str = "charity",
        registration_number: str | None = None,
        to=None,
        by=None,
    ) -> Proposal:
        if organisation not in members:
            found = make_organisation(organisation, organisation_type)
            found.registration_number = registration_number
            members[organisation] = make_user(Role.CSO, organisation=found)
        member = members[organisation]
        document = load_example(EXAMPLES[kind])
        document["title"] = title
        document["organisation"]["name"] = organisation
        if service:
            document["service"]["name"] = service
        case = services.new_proposal(member.organisation, to or body, document, member)
        db.session.commit()
        report = current_app.extensions["rulebook"].check(document)
        services.submit(case, member, report)
        deciding = by or commissioner
        triage.take(case, "start_review", deciding, "", None, "")
        grounds = ("inadequate_information",) if outcome == "rejected" else ()
        follows = "A procurement exercise follows" if outcome == "accepted" else ""
        decision = triage.DecisionInput(outcome, reasons, follows, grounds)
        triage.decide(case, deciding, decision, None, "")
        return case

    return make


@pytest.fixture
def contract_with_results(decided, commissioner, sign_in, client):
    """An accepted challenge with a contract whose first period's results are verified."""
    from tests.delivery.conftest import TERMS
    from tests.delivery.test_contracts_and_results import report_form, verdicts

    case = decided(organisation="Carers Trust", registration_number="1123456")
    provider = case.organisation.members[0]
    contract, _ = delivery.record_contract(
        case, TERMS, provider.organisation_id, "", commissioner, lambda _: ""
    )
    form = report_form(**{"revision": "0", "action": "submit"})
    sign_in(provider).post(f"/contracts/{contract.id}/periods/1", data=form)
    sign_in(commissioner).post(f"/contracts/{contract.id}/periods/1/verify", data=verdicts())
    client.post("/sign-out")
    return contract


def assert_valid(package: dict) -> None:
    """The package is valid against the OCDS 1.1.5 schema and uses only known codes."""
    found = problems(package)
    assert found == [], "\n".join(found)
