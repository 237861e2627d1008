"""Bodies publish what their services cost and create; a missing cost is a transparency gap."""

import pytest

from app.accounts.models import Role


@pytest.fixture
def commissioner(make_user, make_public_body):
    return make_user(Role.COMMISSIONER, public_body=make_public_body("Anytown Borough Council"))


BASELINE = {
    "name": "Young carers support",
    "description": "Group sessions and one-to-one support in schools.",
    "provider_kind": "named",
    "provider_name": "Anytown Carers Ltd",
    "annual_cost": "£210,000",
    "cost_basis": "full",
    "cost_note": "Contract price plus 8% for contract management.",
    "outcomes-0-description": "Young carers attend school",
    "outcomes-0-indicator": "Attendance above 90%",
    "contract_end": ["31", "3", "2028"],
    "contact_name": "Chris Commissioner",
    "contact_email": "chris@anytown.gov.uk",
}


def test_a_commissioner_publishes_a_service_anyone_can_read(client, commissioner, sign_in):
    response = sign_in(commissioner).post("/baselines/new", data=BASELINE)
    assert response.status_code == 302
    client.post("/sign-out")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Young carers support" in page and "Anytown Carers Ltd" in page
    assert "£210,000: full cost, including overheads" in page
    assert "Attendance above 90%" in page and "31 March 2028" in page
    listing = client.get("/baselines/").get_data(as_text=True)
    assert "Young carers support" in listing and "£210,000" in listing


def test_a_service_without_a_cost_is_shown_as_a_transparency_gap(client, commissioner, sign_in):
    data = {**BASELINE, "annual_cost": "", "cost_basis": ""}
    response = sign_in(commissioner).post("/baselines/new", data=data)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "This is a transparency gap" in page
    listing = client.get("/baselines/").get_data(as_text=True)
    assert "1 service</strong> has no published cost" in listing
    assert "Cost not published" in listing


def test_bad_answers_are_named_and_kept(commissioner, sign_in):
    data = {**BASELINE, "annual_cost": "about 200k", "provider_name": "", "contact_email": "chris"}
    page = sign_in(commissioner).post("/baselines/new", data=data).get_data(as_text=True)
    assert "Annual cost: enter a number" in page
    assert "Enter the provider&#39;s name" in page or "Enter the provider's name" in page
    assert "Enter an email address in the correct format" in page
    assert 'value="about 200k"' in page and "Group sessions and one-to-one support" in page


def test_a_commissioner_changes_their_bodys_service_and_no_other(
    client, commissioner, sign_in, make_user, make_public_body
):
    client_one = sign_in(commissioner)
    location = client_one.post("/baselines/new", data=BASELINE).headers["Location"]
    page = client_one.get(f"{location}/edit").get_data(as_text=True)
    assert 'value="210000' in page or 'value="210,000' in page
    assert 'value="Attendance above 90%"' in page
    changed = {**BASELINE, "annual_cost": "195,000"}
    assert client_one.post(f"{location}/edit", data=changed).status_code == 302
    assert "£195,000" in client_one.get(location).get_data(as_text=True)
    client.post("/sign-out")
    other = make_user(Role.COMMISSIONER, public_body=make_public_body("Elsewhere Council"))
    assert sign_in(other).get(f"{location}/edit").status_code == 404


def test_a_challenge_starts_from_the_service_its_body_published(
    client, commissioner, sign_in, make_user, make_organisation
):
    from app.extensions import db
    from app.proposals.models import Proposal

    location = sign_in(commissioner).post("/baselines/new", data=BASELINE).headers["Location"]
    baseline_id = int(location.rstrip("/").split("/")[-1])
    member = make_user(Role.CSO, organisation=make_organisation("Carers Together"))
    member_client = sign_in(member)
    page = member_client.get(location).get_data(as_text=True)
    assert f"/proposals/new?baseline={baseline_id}" in page
    start = member_client.get(f"/proposals/new?baseline={baseline_id}").get_data(as_text=True)
    assert f'<option value="{baseline_id}" selected' in start
    response = member_client.post(
        "/proposals/new",
        data={
            "kind": "challenge",
            "public_body_id": str(commissioner.public_body_id),
            "baseline_id": str(baseline_id),
            "title": "Young carers supported by carers",
        },
    )
    assert response.status_code == 302
    proposal = db.session.scalar(db.select(Proposal).where(Proposal.baseline_id == baseline_id))
    service = proposal.draft["service"]
    assert service["name"] == "Young carers support"
    assert service["current_provider"] == "Anytown Carers Ltd"
    assert service["current_annual_cost"] == 210000


def test_a_service_of_another_body_is_refused_on_its_field(
    commissioner, sign_in, make_user, make_organisation, make_public_body
):
    location = sign_in(commissioner).post("/baselines/new", data=BASELINE).headers["Location"]
    baseline_id = location.rstrip("/").split("/")[-1]
    other = make_public_body("Elsewhere Council")
    make_user(Role.COMMISSIONER, public_body=other)
    member = make_user(Role.CSO, organisation=make_organisation("Carers Together"))
    page = (
        sign_in(member)
        .post(
            "/proposals/new",
            data={
                "kind": "challenge",
                "public_body_id": str(other.id),
                "baseline_id": baseline_id,
                "title": "Young carers supported by carers",
            },
        )
        .get_data(as_text=True)
    )
    assert "Choose a service published by the public body you chose" in page


def test_the_register_counts_the_services_without_a_cost(client, commissioner, sign_in):
    sign_in(commissioner).post(
        "/baselines/new", data={**BASELINE, "annual_cost": "", "cost_basis": ""}
    )
    client.post("/sign-out")
    page = client.get("/register/").get_data(as_text=True)
    assert "1 of those services has no published cost" in page
