"""Assurers publish who verified a case or a contract's results, against what, when, over what
scope and concluding what; the register shows it; nobody assures their own work."""

import pytest
from sqlalchemy import select

from app.accounts.models import Role, User
from app.extensions import db

STATEMENT = {
    "organisation": "Social Audit Network",
    "standard": "Social Value International assurance standard",
    "verified_on": ["12", "3", "2026"],
    "scope": "The impact map, the proxies and the first period's verified figures.",
    "conclusion": "exceptions",
    "detail": "The volunteer hours were not evidenced for June.",
}


@pytest.fixture
def assurer(make_user):
    person = make_user(Role.MEMBER, name="Asha Assurer")
    person.assurer = True
    db.session.commit()
    return person


def test_an_assurer_publishes_a_statement_the_register_shows(client, contract, assurer, sign_in):
    assurer_client = sign_in(assurer)
    listing = assurer_client.get("/assurance/").get_data(as_text=True)
    assert contract.proposal.title in listing
    response = assurer_client.post(f"/assurance/case/{contract.proposal_id}", data=STATEMENT)
    assert response.status_code == 302
    response = assurer_client.post(
        f"/assurance/contract/{contract.id}",
        data={**STATEMENT, "conclusion": "assured", "detail": ""},
    )
    assert response.status_code == 302
    client.post("/sign-out")
    page = client.get(f"/register/{contract.proposal_id}").get_data(as_text=True)
    assert "Assurance of the case" in page and "Assurance of the results" in page
    assert "Asha Assurer, Social Audit Network" in page
    assert "Social Value International assurance standard" in page and "12 March 2026" in page
    assert "Assured with exceptions" in page and "not evidenced for June" in page
    assert "Assured: the figures and claims are fairly stated" in page


def test_bad_statements_are_refused_on_their_field_and_kept(contract, assurer, sign_in):
    data = {**STATEMENT, "scope": "All", "verified_on": ["31", "2", "2026"], "detail": ""}
    page = (
        sign_in(assurer)
        .post(f"/assurance/case/{contract.proposal_id}", data=data)
        .get_data(as_text=True)
    )
    assert "Scope: use between 20 and 5,000 characters" in page
    assert "Set out the exceptions or findings" in page
    assert "Social Audit Network" in page
    future = {**STATEMENT, "verified_on": ["1", "1", "2999"]}
    page = (
        sign_in(assurer)
        .post(f"/assurance/case/{contract.proposal_id}", data=future)
        .get_data(as_text=True)
    )
    assert "must be today or in the past" in page


def test_nobody_assures_their_own_work_and_only_assurers_assure(
    contract, provider, commissioner, sign_in
):
    provider.assurer = True
    db.session.commit()
    page = (
        sign_in(provider)
        .post(f"/assurance/contract/{contract.id}", data=STATEMENT)
        .get_data(as_text=True)
    )
    assert "You cannot assure the work of your own organisation." in page
    assert sign_in(commissioner).get(f"/assurance/case/{contract.proposal_id}").status_code == 403


def test_only_published_things_can_be_assured(assurer, sign_in, accepted):
    client = sign_in(assurer)
    assert client.get("/assurance/case/999999").status_code == 404
    assert client.get("/assurance/nothing/1").status_code == 404


def test_an_admin_makes_someone_an_assurer(make_user, sign_in):
    admin = make_user(Role.ADMIN)
    person = make_user(Role.MEMBER, name="Asha")
    client = sign_in(admin)
    page = client.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert "Assurer: may record assurance statements" in page
    form = {"role": person.role.value, "organisation_id": "0", "public_body_id": "0"}
    client.post(f"/admin/users/{person.id}", data={**form, "active": "y", "assurer": "y"})
    assert db.session.scalar(select(User.assurer).where(User.id == person.id))
