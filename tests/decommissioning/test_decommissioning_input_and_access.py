"""Bad input is refused on its field with what was typed kept; only the body's commissioners
write and decide; a draft is private and a decided assessment public."""

import pytest

from app.accounts.models import Role

from .test_decommissioning_flow import DETAILS, GROUP, baseline, body, commissioner, revision, start

__all__ = ["baseline", "body", "commissioner"]


@pytest.fixture
def path(client, commissioner, baseline, sign_in):
    sign_in(commissioner)
    return start(client, baseline)


def error_for(page: str, field: str) -> str:
    return page.split(f'id="{field}-error"')[1].split("</p>")[0]


def test_a_negative_quantity_and_a_share_over_100_are_refused_on_their_fields(client, path):
    form = client.get(f"{path}/groups/new").get_data(as_text=True)
    data = {**GROUP, "quantity": "-5", "deadweight": "120%", "revision": revision(form)}
    response = client.post(f"{path}/groups/new", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "How many lose it must be 0 or more" in error_for(page, "quantity")
    assert "Deadweight must be between 0% and 100%" in error_for(page, "deadweight")
    assert 'value="-5"' in page and 'value="120%"' in page
    assert GROUP["said"] in page  # nothing typed is lost
    assert "No groups named yet" in client.get(path).get_data(as_text=True)


def test_a_decision_without_reasons_or_with_empty_ones_is_refused(client, path):
    missing = client.post(f"{path}/decide", data={"decision": "proceed", "reasons": ""})
    assert "Give the reasons for the decision" in error_for(
        missing.get_data(as_text=True), "reasons"
    )
    thin = client.post(f"{path}/decide", data={"decision": "proceed", "reasons": "Good good."})
    page = thin.get_data(as_text=True)
    assert "these repeat themselves or have too few words" in error_for(page, "reasons")
    assert "Good good." in page and 'value="proceed" checked' in page
    confirmed = client.post(
        f"{path}/decide/confirm", data={"decision": "proceed", "reasons": "", "step": "confirm"}
    )
    assert "Give the reasons for the decision" in confirmed.get_data(as_text=True)


def test_a_service_must_be_chosen_or_named(client, commissioner, sign_in):
    sign_in(commissioner)
    response = client.post("/decommissioning/new", data={**DETAILS, "baseline_id": ""})
    page = response.get_data(as_text=True)
    assert "Choose a published service or enter the service" in error_for(page, "service_name")
    assert DETAILS["equality_analysis"].split(";")[0] in page


def test_a_save_from_an_older_page_is_refused_with_the_text_kept(client, path, baseline):
    form = client.get(f"{path}/details").get_data(as_text=True)
    old = revision(form)
    data = {**DETAILS, "baseline_id": baseline.id, "revision": old}
    assert client.post(f"{path}/details", data=data).status_code == 302
    again = client.post(f"{path}/details", data={**data, "transition": "Staff move in April."})
    assert again.status_code == 409
    page = again.get_data(as_text=True)
    assert "Someone saved this assessment after you opened the page" in page
    assert "Staff move in April." in page


def test_only_the_bodys_commissioners_see_write_and_decide(
    app, client, path, make_user, make_public_body, sign_in
):
    others = {
        "another body's commissioner": make_user(
            Role.COMMISSIONER, public_body=make_public_body("Other Council")
        ),
        "a member": make_user(Role.CSO),
        "an administrator": make_user(Role.ADMIN),
    }
    client.post("/sign-out")
    public = f"/register/decommissioning/{path.rsplit('/', 1)[1]}"
    assert client.get(public).status_code == 404  # a draft is not published
    assert "/sign-in" in client.get(path).headers["Location"]
    for who, person in others.items():
        sign_in(person)
        for url in (path, f"{path}/details", f"{path}/groups/new", f"{path}/options"):
            assert client.get(url).status_code in (403, 404), (who, url)
        decided = client.post(
            f"{path}/decide/confirm",
            data={"decision": "proceed", "reasons": "Reasons of an outsider here.", "step": "x"},
        )
        assert decided.status_code in (403, 404), who
        assert client.get(public).status_code == 404, who
        client.post("/sign-out")
