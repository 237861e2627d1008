"""The checks in the product: self-check page, public rules page, API, frozen reports."""

import json

import pytest

from app.accounts.models import Role
from app.checks.vocabulary import FACTS
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.value import compute_account


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
    assert 'data-rule="claims.no-deadweight-or-attribution"' in text
    assert f'href="/proposals/{library.id}/sections/outcomes"' in text
    assert "Claims and over-claiming" in text
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
    assert (
        "What the checks found" in text
        and "Value-for-money completeness: <strong>fail</strong>" in text
    )
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
        assert f'id="rule-{rule.id.replace(".", "-")}"' in text
    assert "Finds a gap when" in text and 'id="module-M4.3"' in text


def test_rules_page_describes_the_claims_area_without_naming_facts(client):
    text = client.get("/rules").get_data(as_text=True)
    assert 'id="claims"' in text and "Claims and over-claiming" in text
    assert "self-declared, not evidenced" in text
    for name in FACTS:
        assert f'id="fact-{name}"' not in text
    assert "Minor at the light tier, major at the standard tier, blocker at the full tier" in text


def test_self_check_marks_self_declared_text_and_the_derived_risk(client, member, library, sign_in):
    sign_in(member)
    text = client.get(f"/proposals/{library.id}/check").get_data(as_text=True)
    assert "Self-declared, not evidenced: economy." in text
    assert 'id="risk"' in text and "the document shows at least" in text
    assert 'id="switching-values"' in text


def test_a_report_made_before_the_claims_area_still_shows(app):
    report = {
        "tier": "light",
        "areas": {area: {"status": "pass", "score": 100} for area in ("proportionality", "vfm")},
        "findings": [],
        "value": {},
    }
    with app.test_request_context():
        macro = app.jinja_env.get_template("checks/_report.html").module.check_report
        html = str(macro(report))
    assert "Proportionality" in html and "Value-for-money completeness" in html
    assert "Claims and over-claiming" not in html and "Self-declared" not in html


def test_a_withheld_current_cost_shows_as_the_bodys_transparency_gap(app):
    report = {
        "tier": "standard",
        "areas": {},
        "findings": [],
        "value": {},
        "flags": {"self_declared": [], "transparency_gap": True},
    }
    with app.test_request_context():
        macro = app.jinja_env.get_template("checks/_report.html").module.check_report
        assert "Transparency gap" in str(macro(report))


def test_api_check_returns_the_report(client):
    document = load_example("challenge-young-carers")
    response = client.post(
        "/api/v1/check", data=json.dumps(document), content_type="application/json"
    )
    assert response.status_code == 200
    report = response.get_json()
    assert {"tier", "areas", "findings", "value", "risk", "flags", "sensitivity"} <= set(report)
    assert set(report["areas"]) == {"proportionality", "stakeholders", "vfm", "claims"}
    assert report["value"]["sroi_ratio"] == compute_account(document).report()["sroi_ratio"]
    assert report["sensitivity"]["switching"], "switching values are in the report"
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
