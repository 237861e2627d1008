"""What bodies publish of their own services reaches the OCDS package: each service baseline
and each decided decommissioning assessment as a planning release of its own."""

import json
from datetime import UTC, datetime
from decimal import Decimal

from app.baselines.models import ServiceBaseline
from app.decommissioning.models import DecommissioningAssessment
from app.extensions import db

from .conftest import assert_valid


def publish(body, **fields) -> ServiceBaseline:
    baseline = ServiceBaseline(
        public_body_id=body.id,
        contact_name="Chris",
        contact_email="chris@anytown.gov.uk",
        outcomes=[{"description": "Young carers attend school", "indicator": "Attendance"}],
        **fields,
    )
    db.session.add(baseline)
    db.session.commit()
    return baseline


def package(client, query: str = "") -> dict:
    response = client.get(f"/api/v1/register/ocds{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    found = json.loads(response.get_data(as_text=True))
    assert_valid(found)
    return found


def test_services_and_decided_decommissioning_are_planning_releases(client, body, commissioner):
    costed = publish(
        body,
        name="Young carers support",
        provider_kind="named",
        provider_name="Anytown Carers Ltd",
        annual_cost=Decimal(240000),
        cost_basis="full",
    )
    gap = publish(body, name="Millbrook library", provider_kind="in_house", annual_cost=None)
    decided = DecommissioningAssessment(
        public_body_id=body.id,
        baseline_id=gap.id,
        service_name="Millbrook library",
        status="decided",
        decision="proceed_with_changes",
        reasons="A mobile library keeps most of the value at half the cost.",
        decided_at=datetime(2026, 11, 2, tzinfo=UTC),
    )
    draft = DecommissioningAssessment(public_body_id=body.id, service_name="Day centre")
    db.session.add_all([decided, draft])
    db.session.commit()

    releases = {r["ocid"].split("-", 2)[-1]: r for r in package(client)["releases"]}
    service = releases[f"service-{costed.id}"]
    assert service["planning"]["budget"]["amount"] == {"amount": 240000, "currency": "GBP"}
    assert "Anytown Carers Ltd" in [p["name"] for p in service["parties"]]
    assert service["planning"]["documents"][0]["url"].endswith(f"/baselines/{costed.id}")
    missing = releases[f"service-{gap.id}"]
    assert "amount" not in missing["planning"]["budget"]
    assert "transparency gap" in missing["planning"]["rationale"]
    assessment = releases[f"decommissioning-{decided.id}"]
    assert "Proceed with changes" in assessment["planning"]["rationale"]
    assert f"decommissioning-{draft.id}" not in releases  # a draft is not published


def test_a_filter_on_decisions_leaves_the_services_out(client, body, commissioner, decided):
    decided(title="Young carers", kind="challenge")
    publish(body, name="Young carers support", annual_cost=Decimal(1000), cost_basis="direct")
    tags = [r["ocid"] for r in package(client, "?kind=challenge")["releases"]]
    assert tags and not any("-service-" in ocid for ocid in tags)
    assert any("-service-" in r["ocid"] for r in package(client, f"?body={body.id}")["releases"])
