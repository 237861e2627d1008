"""Admins change, deactivate and reactivate organisations and public bodies; every change is
in the place's history, and a deactivated place stops new work but keeps what it has."""

import pytest
from sqlalchemy import select

from app.accounts.models import AdminEvent, Organisation, PublicBody, Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.proposals.models import Proposal


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMIN, name="Ada Admin")


@pytest.fixture
def admin_client(app, admin):
    browser = app.test_client()
    response = browser.post(
        "/sign-in", data={"email": admin.email, "password": "correct horse battery"}
    )
    assert response.status_code == 302
    return browser


@pytest.fixture
def organisation(make_organisation):
    return make_organisation("Riverside Food Bank")


@pytest.fixture
def body(make_public_body):
    return make_public_body("Anytown Borough Council")


def test_the_organisation_page_shows_its_details_and_members(admin_client, organisation, make_user):
    organisation.registration_number = "1098765"
    db.session.commit()
    make_user(Role.CSO, name="Sam Member", organisation=organisation)
    listing = admin_client.get("/admin/organisations").get_data(as_text=True)
    assert f'href="/admin/organisations/{organisation.id}"' in listing
    page = admin_client.get(f"/admin/organisations/{organisation.id}").get_data(as_text=True)
    assert "Riverside Food Bank" in page and "1098765" in page and "Charity" in page
    assert "Sam Member" in page and "1 members" in page


def test_an_admin_changes_an_organisations_details_and_it_is_recorded(admin_client, organisation):
    url = f"/admin/organisations/{organisation.id}/edit"
    assert 'value="Riverside Food Bank"' in admin_client.get(url).get_data(as_text=True)
    response = admin_client.post(
        url,
        data={
            "name": "Riverside Community Food Bank",
            "type": "social_enterprise",
            "registration_number": " SC012345 ",
        },
    )
    assert response.status_code == 302
    db.session.refresh(organisation)
    assert organisation.name == "Riverside Community Food Bank"
    assert organisation.name_key == "riverside community food bank"
    assert organisation.registration_number == "SC012345"
    page = admin_client.get(f"/admin/organisations/{organisation.id}").get_data(as_text=True)
    assert "Name: Riverside Food Bank → Riverside Community Food Bank" in page
    assert "Type: Charity → Social enterprise" in page
    assert "Registration number: none → SC012345" in page and "Ada Admin" in page


def test_an_organisation_cannot_take_another_ones_name(
    admin_client, organisation, make_organisation
):
    other = make_organisation("Hope Housing")
    page = admin_client.post(
        f"/admin/organisations/{other.id}/edit",
        data={"name": "RIVERSIDE  food bank", "type": "charity", "registration_number": "77"},
    ).get_data(as_text=True)
    assert "An organisation with this name already exists" in page
    assert 'value="RIVERSIDE food bank"' in page and 'value="77"' in page
    db.session.refresh(other)
    assert other.name == "Hope Housing"


def test_an_organisation_may_change_the_case_of_its_own_name(admin_client, organisation):
    response = admin_client.post(
        f"/admin/organisations/{organisation.id}/edit",
        data={"name": "RIVERSIDE Food Bank", "type": "charity"},
    )
    assert response.status_code == 302
    db.session.refresh(organisation)
    assert organisation.name == "RIVERSIDE Food Bank"


def test_a_name_with_hidden_characters_is_refused(admin_client, organisation):
    page = admin_client.post(
        f"/admin/organisations/{organisation.id}/edit",
        data={"name": "Riverside\u202e Food Bank", "type": "charity"},
    ).get_data(as_text=True)
    assert "invisible or direction-changing characters" in page


def test_deactivating_asks_first_then_records_it(admin_client, organisation):
    url = f"/admin/organisations/{organisation.id}/deactivate"
    page = admin_client.get(url).get_data(as_text=True)
    assert "Are you sure you want to deactivate this organisation?" in page
    db.session.refresh(organisation)
    assert organisation.active

    response = admin_client.post(url, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Riverside Food Bank is deactivated." in page
    assert "This organisation is deactivated" in page
    db.session.refresh(organisation)
    assert not organisation.active
    again = admin_client.post(url, follow_redirects=True).get_data(as_text=True)
    assert "Riverside Food Bank was already deactivated." in again
    actions = db.session.scalars(
        select(AdminEvent.action).where(AdminEvent.organisation_id == organisation.id)
    ).all()
    assert actions == ["organisation-deactivated"]

    admin_client.post(f"/admin/organisations/{organisation.id}/reactivate")
    db.session.refresh(organisation)
    assert organisation.active
    listing = admin_client.get("/admin/organisations").get_data(as_text=True)
    assert "Deactivated" not in listing


def draft_of(member, body) -> Proposal:
    """A complete draft of the member's organisation, addressed to the body."""
    document = load_example("challenge-young-carers")
    proposal = services.new_proposal(member.organisation, body, document, member)
    db.session.commit()
    return proposal


def test_members_of_a_deactivated_organisation_read_but_start_and_submit_nothing(
    app, admin_client, organisation, body, make_user, sign_in
):
    make_user(Role.COMMISSIONER, public_body=body)
    member = make_user(Role.CSO, name="Sam Member", organisation=organisation)
    proposal = draft_of(member, body)
    admin_client.post(f"/admin/organisations/{organisation.id}/deactivate")

    browser = sign_in(member)
    assert proposal.title in browser.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    started = browser.get("/proposals/new", follow_redirects=True).get_data(as_text=True)
    assert "Riverside Food Bank has been deactivated, so you cannot start or submit" in started
    assert browser.get("/proposals/import", follow_redirects=True).status_code == 200
    refused = browser.post(
        f"/proposals/{proposal.id}/check-answers",
        data={"revision": proposal.revision},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "you cannot start or submit submissions for it" in refused
    db.session.refresh(proposal)
    assert not proposal.versions
    assert "Deactivated" in browser.get("/account/").get_data(as_text=True)

    admin_client.post(f"/admin/organisations/{organisation.id}/reactivate")
    response = browser.post(
        f"/proposals/{proposal.id}/check-answers", data={"revision": proposal.revision}
    )
    assert response.status_code == 302
    db.session.refresh(proposal)
    assert len(proposal.versions) == 1


def test_an_admin_changes_a_public_body_and_it_is_recorded(admin_client, body):
    url = f"/admin/public-bodies/{body.id}/edit"
    page = admin_client.get(url).get_data(as_text=True)
    assert 'value="Anytown Borough Council"' in page
    response = admin_client.post(
        url, data={"name": "Anytown Council", "response_period_days": "30"}
    )
    assert response.status_code == 302
    db.session.refresh(body)
    assert body.name == "Anytown Council" and body.response_period_days == 30
    page = admin_client.get(f"/admin/public-bodies/{body.id}/overview").get_data(as_text=True)
    assert "Name: Anytown Borough Council → Anytown Council" in page
    assert "Response period: 56 working days → 30 working days" in page


def test_a_public_body_keeps_what_was_typed_when_refused(admin_client, body, make_public_body):
    other = make_public_body("Fenland District Council")
    page = admin_client.post(
        f"/admin/public-bodies/{other.id}/edit",
        data={"name": "anytown borough council", "response_period_days": "soon"},
    ).get_data(as_text=True)
    assert "Response period in working days: enter a whole number" in page
    assert 'value="anytown borough council"' in page and 'value="soon"' in page
    page = admin_client.post(
        f"/admin/public-bodies/{other.id}/edit",
        data={"name": "anytown borough council", "response_period_days": "20"},
    ).get_data(as_text=True)
    assert "A public body with this name already exists" in page


def test_a_deactivated_body_is_not_offered_and_its_cases_stay_readable(
    app, admin_client, body, make_public_body, make_user, make_organisation, sign_in
):
    other = make_public_body("Fenland District Council")
    commissioner = make_user(Role.COMMISSIONER, public_body=body)
    make_user(Role.COMMISSIONER, public_body=other)
    member = make_user(Role.CSO, organisation=make_organisation("Riverside Food Bank"))
    submitted = draft_of(member, body)
    services.submit(submitted, member, None)
    waiting = draft_of(member, body)
    waiting.title = "A second case"
    db.session.commit()

    page = admin_client.get(f"/admin/public-bodies/{body.id}/deactivate").get_data(as_text=True)
    assert "Are you sure you want to deactivate this public body?" in page
    admin_client.post(f"/admin/public-bodies/{body.id}/deactivate")
    assert not db.session.get(PublicBody, body.id).active

    browser = sign_in(member)
    start = browser.get("/proposals/new").get_data(as_text=True)
    assert "Fenland District Council" in start and "Anytown Borough Council" not in start
    crafted = browser.post(
        "/proposals/new",
        data={"kind": "challenge", "public_body_id": str(body.id), "title": "Sneaky"},
    )
    assert crafted.status_code == 200
    assert db.session.scalar(select(Proposal).where(Proposal.title == "Sneaky")) is None
    refused = browser.post(
        f"/proposals/{waiting.id}/check-answers",
        data={"revision": waiting.revision},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Anytown Borough Council no longer receives submissions" in refused
    assert submitted.title in browser.get(f"/proposals/{submitted.id}").get_data(as_text=True)
    browser.post("/sign-out")

    sign_in(commissioner)
    assert browser.get(f"/triage/{submitted.id}").status_code == 200


def test_unknown_places_are_404(admin_client):
    for url in (
        "/admin/organisations/999999",
        "/admin/organisations/999999/edit",
        "/admin/organisations/999999/deactivate",
        "/admin/public-bodies/999999/overview",
        "/admin/public-bodies/999999/edit",
        "/admin/public-bodies/999999/reactivate",
    ):
        assert admin_client.get(url).status_code == 404, url
    assert admin_client.get("/admin/organisations/1/delete").status_code == 404


def test_adding_places_is_recorded(admin_client):
    admin_client.post("/admin/organisations", data={"name": "Hope Housing", "type": "charity"})
    organisation = db.session.scalar(select(Organisation))
    page = admin_client.get(f"/admin/organisations/{organisation.id}").get_data(as_text=True)
    assert "Organisation added: Hope Housing" in page
