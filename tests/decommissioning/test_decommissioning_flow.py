"""A commissioner assesses a decommissioning for value, decides it and publishes it."""

import re
from decimal import Decimal

import pytest
import yaml

from app.accounts.models import Role
from app.baselines.models import ServiceBaseline
from app.extensions import db
from app.value import compute_account

PROXY = "depression-anxiety-service-fiscal"  # £830 per person per year in the library
GROUP = {
    "name": "Older people who use the day centre",
    "outcome": "Fewer older people need services for depression and anxiety",
    "quantity": "40",
    "deadweight": "20%",
    "attribution": "10%",
    "displacement": "",
    "drop_off": "25%",
    "duration_years": "3",
    "method": "Two meetings at the centre and a postal survey",
    "consulted_on": ["14", "10", "2026"],
    "consulted_number": "32",
    "said": "Older people said the day centre is the only place they meet others each week.",
    "mitigation": "A volunteer befriending scheme for older people, run by the parish council.",
    "mitigation_share": "30%",
}
DETAILS = {
    "change": "stop",
    "description": "Close the day centre and offer befriending instead.",
    "when": ["1", "4", "2027"],
    "annual_saving": "£20,000",
    "staff_affected": "no",
    "care_affected": "no",
    "characteristics": ["age", "disability"],
    "equality_analysis": "Older people and disabled people who use the day centre lose their "
    "weekly contact; most are over 75.",
}


@pytest.fixture
def body(make_public_body):
    return make_public_body("Wessex County Council")


@pytest.fixture
def commissioner(make_user, body):
    return make_user(Role.COMMISSIONER, public_body=body)


@pytest.fixture
def baseline(db, body):
    found = ServiceBaseline(
        public_body_id=body.id,
        name="Hollinford day centre",
        annual_cost=Decimal("150000"),
        contact_name="Chris",
        contact_email="chris@wessex.gov.uk",
    )
    db.session.add(found)
    db.session.commit()
    return found


def start(client, baseline) -> str:
    """Start an assessment of the baseline; its page's path."""
    response = client.post("/decommissioning/new", data={**DETAILS, "baseline_id": baseline.id})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def revision(page: str) -> str:
    return re.search(r'name="revision" type="hidden" value="(\d+)"', page).group(1)


def add_group(client, path: str, **changes) -> str:
    """Add the group and choose its proxy; the group's page."""
    form = client.get(f"{path}/groups/new").get_data(as_text=True)
    response = client.post(
        f"{path}/groups/new", data={**GROUP, **changes, "revision": revision(form)}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    proxy_page = response.headers["Location"]
    choose = client.get(proxy_page, query_string={"q": "depression"}).get_data(as_text=True)
    assert PROXY in choose
    chosen = client.post(proxy_page, data={"entry": PROXY, "revision": revision(choose)})
    assert chosen.status_code == 302
    return proxy_page.removesuffix("/proxy")


def expected_value_at_risk() -> Decimal:
    """The group's loss, valued by the value account itself."""
    account = compute_account(
        {
            "outcomes": [
                {
                    "id": "lost",
                    "quantity": 40,
                    "proxy": {"value": 830},
                    "deadweight": 0.2,
                    "attribution": 0.1,
                    "drop_off": 0.25,
                    "duration_years": 3,
                }
            ]
        }
    )
    return account.present_value


def pounds(amount: Decimal) -> str:
    return f"£{amount.quantize(Decimal(1)):,}"


def test_value_at_risk_comes_from_the_library_and_the_value_account(
    client, commissioner, baseline, sign_in
):
    sign_in(commissioner)
    path = start(client, baseline)
    add_group(client, path)
    page = client.get(path).get_data(as_text=True)
    at_risk = expected_value_at_risk()
    assert pounds(at_risk) in page
    assert pounds(at_risk * Decimal("0.7")) in page  # 30% kept by the mitigation
    assert "Fewer older people need services for depression and anxiety" in page
    assert "£830.00 a year" in page  # the library's value for the change


def test_findings_are_shown_and_link_to_their_modules(client, commissioner, baseline, sign_in):
    sign_in(commissioner)
    path = start(client, baseline)
    client.post(f"{path}/details", data={})  # nothing saved: the form needs answers
    add_group(client, path, quantity="400", method="", said="", mitigation="")
    page = client.get(path).get_data(as_text=True)
    assert 'data-rule="stakeholders.decommission-group-not-consulted"' in page
    assert 'data-rule="vfm.decommission-options-missing"' in page
    assert 'data-rule="vfm.decommission-saving-below-value-at-risk"' in page
    assert 'href="/training/modules/M2.2"' in page and 'href="/training/modules/M4.1"' in page
    assert f'href="{path}/options"' in page  # the page that fixes the options finding


def test_staff_and_care_without_a_transition_plan_point_to_transition_and_exit(
    client, commissioner, baseline, sign_in
):
    sign_in(commissioner)
    path = start(client, baseline)
    page = client.get(path).get_data(as_text=True)
    form = client.get(f"{path}/details").get_data(as_text=True)
    client.post(
        f"{path}/details",
        data={
            **DETAILS,
            "baseline_id": baseline.id,
            "staff_affected": "yes",
            "care_affected": "yes",
            "transition": "We will deliver very good value.",
            "revision": revision(form),
        },
    )
    page = client.get(path).get_data(as_text=True)
    for rule in ("staff-transfer-not-planned", "care-continuity-not-planned"):
        finding = page.split(f'data-rule="vfm.decommission-{rule}"')[1].split("</li>")[0]
        assert 'href="/training/modules/M5.5"' in finding


def test_decided_with_confirmation_and_published_beside_the_baseline(
    client, commissioner, baseline, sign_in
):
    sign_in(commissioner)
    path = start(client, baseline)
    add_group(client, path)
    form = client.get(f"{path}/options").get_data(as_text=True)
    client.post(
        f"{path}/options",
        data={
            "revision": revision(form),
            "options-0-name": "Keep the day centre",
            "options-0-annual_cost": "150000",
            "options-0-value": "90000",
            "options-1-name": "Close it and fund befriending",
            "options-1-annual_cost": "130000",
            "options-1-value": "40000",
            "options-2-name": "Move the centre into the library",
            "options-2-annual_cost": "110000",
            "options-2-value": "80000",
        },
    )
    reasons = "The library option keeps most of the value for older people at a lower cost."
    decision = {"decision": "proceed_with_changes", "reasons": reasons}
    confirm = client.post(f"{path}/decide", data=decision)
    assert confirm.status_code == 200
    assert "Check the decision before it is published" in confirm.get_data(as_text=True)
    client.post("/sign-out")
    public = f"/register/decommissioning/{path.rsplit('/', 1)[1]}"
    assert client.get(public).status_code == 404  # nothing is recorded before confirming
    sign_in(commissioner)
    done = client.post(f"{path}/decide/confirm", data={**decision, "step": "confirm"})
    assert done.status_code == 302 and done.headers["Location"] == public
    client.post("/sign-out")
    page = client.get(public).get_data(as_text=True)
    assert "Proceed with changes" in page and reasons in page
    assert pounds(expected_value_at_risk()) in page
    assert "Older people who use the day centre" in page
    assert "Two meetings at the centre and a postal survey" in page
    assert "A volunteer befriending scheme" in page
    assert "Move the centre into the library" in page and "£110,000" in page
    assert "Disability" in page
    service = client.get(f"/baselines/{baseline.id}").get_data(as_text=True)
    assert 'id="decommissioning"' in service and f'href="{public}"' in service
    assert "Proceed with changes" in service
    sign_in(commissioner)
    again = client.post(f"{path}/decide/confirm", data={**decision, "step": "confirm"})
    assert again.status_code == 302  # decided once: the page says so, nothing changes
    assert "decided, so it can no longer change" in client.get(path).get_data(as_text=True)


def test_going_back_from_the_confirmation_keeps_the_decision_typed(
    client, commissioner, baseline, sign_in
):
    sign_in(commissioner)
    path = start(client, baseline)
    reasons = "The saving funds befriending for older people across the county."
    back = client.post(
        f"{path}/decide/confirm", data={"decision": "proceed", "reasons": reasons, "step": "change"}
    )
    page = back.get_data(as_text=True)
    assert reasons in page and 'value="proceed" checked' in page
    assert db.session.get(type(baseline), baseline.id).published_decommissioning == []


def test_the_rule_files_own_cases_pass(runner):
    result = runner.invoke(args=["rules", "test"])
    assert result.exit_code == 0, result.output
    with open("rules/decommissioning.yaml", encoding="utf-8") as rules:
        ids = [rule["id"] for rule in yaml.safe_load(rules)]
    assert len(ids) >= 10
    for rule_id in ids:
        assert f"PASS {rule_id}" in result.output
