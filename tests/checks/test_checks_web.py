"""The checks in the product: self-check page, public rules page, API, frozen reports."""

import json

import pytest

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services


@pytest.fixture
def member(make_user):
    return make_user(Role.CSO, name="Lee Library")


@pytest.fixture
def library(member, make_public_body):
    body = make_public_body("Wessex County Council")
    proposal = services.new_proposal(
        member.organisation, body, load_example("challenge-village-library-weak"), member
    )
    db.session.commit()
    return proposal


def test_self_check_shows_tier_areas_findings_fixes_and_modules(client, member, library, sign_in):
    sign_in(member)
    text = client.get(f"/proposals/{library.id}/check").get_data(as_text=True)
    assert "Tier: <strong>Standard</strong>" in text
    assert text.count("govuk-tag--red") >= 3
    assert 'data-rule="proportionality.no-deadweight-or-attribution"' in text
    assert f'href="/proposals/{library.id}/sections/outcomes"' in text
    assert "M3.2" in text and "Blocker (" in text


def test_self_check_links_an_invalid_draft_to_its_sections(client, member, library, sign_in):
    draft = dict(library.draft)
    draft["outcomes"] = [{"id": "x", "stakeholder": "nobody"}]
    library.draft = draft
    db.session.commit()
    sign_in(member)
    text = client.get(f"/proposals/{library.id}/check").get_data(as_text=True)
    assert "Fix these answers before the checks can run" in text


def test_self_check_is_only_for_the_organisation(client, library, make_user, sign_in):
    sign_in(make_user(Role.CSO))
    assert client.get(f"/proposals/{library.id}/check").status_code == 404


def test_check_answers_shows_the_findings_and_submission_freezes_the_report(
    client, member, library, sign_in
):
    sign_in(member)
    text = client.get(f"/proposals/{library.id}/check-answers").get_data(as_text=True)
    assert "What the checks found" in text and "Proportionality: <strong>fail</strong>" in text
    client.post(f"/proposals/{library.id}/check-answers", data={"revision": library.revision})
    db.session.refresh(library)
    report = library.versions[0].check_report
    assert report["tier"] == "standard" and report["areas"]["vfm"]["status"] == "fail"
    assert library.tier == "standard" and library.vfm_status == "fail"
    assert float(library.sroi_ratio) == report["value"]["sroi_ratio"]


def test_rules_page_lists_every_rule_in_words(client, app):
    text = client.get("/rules").get_data(as_text=True)
    rules = app.extensions["rulebook"].rules
    assert len(rules) >= 45
    for rule in rules:
        assert f'id="rule-{rule.id}"' in text
    assert "Finds a gap when" in text and "M4.3" in text


def test_api_check_returns_the_report(client):
    document = load_example("challenge-young-carers")
    response = client.post(
        "/api/v1/check", data=json.dumps(document), content_type="application/json"
    )
    assert response.status_code == 200
    report = response.get_json()
    assert set(report) == {"tier", "areas", "findings", "value"}
    assert set(report["areas"]) == {"proportionality", "stakeholders", "vfm"}
    assert report["value"]["sroi_ratio"] == pytest.approx(1.63, abs=0.01)
    for finding in report["findings"]:
        assert set(finding) >= {"rule", "area", "severity", "message", "path", "modules"}


def test_api_check_lists_every_error_with_422(client):
    document = load_example("challenge-young-carers")
    document["contract"]["annual_value"] = -1
    document["outcomes"][0]["attribution"] = 2
    response = client.post(
        "/api/v1/check", data=json.dumps(document), content_type="application/json"
    )
    assert response.status_code == 422
    paths = {error["path"] for error in response.get_json()["errors"]}
    assert {"/contract/annual_value", "/outcomes/0/attribution"} <= paths


@pytest.mark.parametrize(
    "body", [b"", b"not json", b"[1, 2]", b'{"format": NaN}', b"{" * 100 + b"}" * 100]
)
def test_api_check_refuses_bad_input_without_a_500(client, body):
    response = client.post("/api/v1/check", data=body, content_type="application/json")
    assert response.status_code == 422
    assert response.get_json()["errors"]


def test_api_check_refuses_documents_over_one_megabyte(client):
    response = client.post(
        "/api/v1/check", data=b" " * 1_000_001 + b"{}", content_type="application/json"
    )
    assert response.status_code == 413
