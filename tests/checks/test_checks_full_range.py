"""The check over the schema's whole numeric range: through the real API, the self-check page
and the rulebook, every document the schema accepts gets a report with finite figures."""

import decimal
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.proposals.document import validate_document

from ..value.full_range import (
    FIELDS,
    assert_report_value,
    full_range_documents,
    set_everywhere,
)

INPUT_VALUES = ("inputs", "*", "value")
TINY = (1e-27, 5e-324)


def post_check(client, document):
    return client.post("/api/v1/check", data=json.dumps(document), content_type="application/json")


@pytest.mark.parametrize("tiny", TINY)
def test_api_check_of_a_tiny_investment_reports_the_ratio_as_too_large_not_a_500(client, tiny):
    document = set_everywhere(load_example("challenge-young-carers"), INPUT_VALUES, tiny)
    response = post_check(client, document)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    value = response.get_json()["value"]
    assert_report_value(value)
    assert value["investment"] == 0
    assert value["sroi_ratio"] is None and value["net_sroi_ratio"] is None
    assert value["present_value"] > 0


def test_api_check_of_a_tiny_investment_quotes_no_made_up_ratio(client):
    document = set_everywhere(load_example("challenge-young-carers"), INPUT_VALUES, 1e-27)
    findings = post_check(client, document).get_json()["findings"]
    implausible = [f for f in findings if f["rule"] == "claims.ratio-above-plausible"]
    assert implausible, "a ratio of 10^33 : 1 is above any plausible maximum"
    assert "at least 1,000,000,000,000:1" in implausible[0]["message"]


@pytest.mark.parametrize("pattern", sorted(FIELDS), ids="/".join)
@pytest.mark.parametrize("extreme", ["minimum", "tiny", "maximum"])
def test_api_check_answers_every_field_at_its_extremes(client, pattern, extreme):
    bounds = FIELDS[pattern]
    least = max(bounds.minimum, 0)
    smallest = least if bounds.allows(least) else least + (1 if bounds.integer else 5e-324)
    value = {
        "minimum": smallest,
        "tiny": smallest if bounds.integer else max(smallest, 5e-324),
        "maximum": bounds.maximum,
    }[extreme]
    for name in ("challenge-young-carers", "propose-parish-green-spaces"):
        document = set_everywhere(load_example(name), pattern, value)
        assert validate_document(document) == [], (pattern, value)
        response = post_check(client, document)
        assert response.status_code == 200, (pattern, value)
        assert_report_value(response.get_json()["value"])


@pytest.mark.parametrize("value", [1e308, -1e-27, 1e12 * 10])
def test_api_check_refuses_numbers_beyond_the_schema_with_422(client, value):
    document = set_everywhere(load_example("challenge-young-carers"), INPUT_VALUES, value)
    response = post_check(client, document)
    assert response.status_code == 422
    assert "/inputs/0/value" in {error["path"] for error in response.get_json()["errors"]}


def test_api_check_answers_422_when_the_arithmetic_cannot_be_done(app, client, monkeypatch, caplog):
    def cannot(document):
        raise decimal.InvalidOperation([decimal.InvalidOperation])

    monkeypatch.setattr(app.extensions["rulebook"], "check", cannot)
    with caplog.at_level(logging.ERROR):
        response = post_check(client, load_example("challenge-young-carers"))
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert error["path"] == ""
    assert "value account" in error["message"] and "cannot be worked out" in error["message"]
    assert any(record.exc_info for record in caplog.records), "the cause is logged"


def test_the_self_check_page_of_a_draft_with_a_tiny_investment_shows_its_report(
    client, make_user, make_public_body, sign_in
):
    member = make_user(Role.CSO)
    document = set_everywhere(load_example("challenge-young-carers"), INPUT_VALUES, 1e-27)
    proposal = services.new_proposal(member.organisation, make_public_body(), document, member)
    db.session.commit()
    response = sign_in(member).get(f"/proposals/{proposal.id}/check")
    assert response.status_code == 200
    assert "plausible maximum" in response.get_data(as_text=True)


def test_a_draft_with_a_tiny_investment_can_be_submitted_with_its_report(
    client, make_user, make_public_body, sign_in
):
    member = make_user(Role.CSO)
    document = set_everywhere(load_example("challenge-young-carers"), INPUT_VALUES, 5e-324)
    proposal = services.new_proposal(member.organisation, make_public_body(), document, member)
    db.session.commit()
    signed_in = sign_in(member)
    page = signed_in.get(f"/proposals/{proposal.id}/check-answers")
    assert page.status_code == 200
    response = signed_in.post(
        f"/proposals/{proposal.id}/check-answers", data={"revision": proposal.revision}
    )
    assert response.status_code == 302
    db.session.refresh(proposal)
    assert proposal.versions and proposal.sroi_ratio is None
    assert_report_value(proposal.versions[-1].check_report["value"])


@settings(max_examples=300, deadline=None)
@given(full_range_documents())
def test_the_check_of_any_document_the_schema_accepts_completes_with_finite_figures(
    rulebook, document
):
    assert validate_document(document) == []
    report = rulebook.check(document)
    assert {"tier", "areas", "findings", "value", "risk", "flags", "sensitivity"} <= set(report)
    assert_report_value(report["value"])
    json.dumps(report, allow_nan=False)
    for finding in report["findings"]:
        assert "nan" not in finding["message"].lower().split()
        assert "e+" not in finding["message"] and "inf" not in finding["message"].split()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(full_range_documents())
def test_the_api_answers_any_document_the_schema_accepts_with_a_report(client, document):
    response = post_check(client, document)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert_report_value(response.get_json()["value"])
