"""The check report: area status and score, messages, invalid documents."""

import copy

import pytest

from app.checks.report import SEVERITY_WEIGHTS, fill_message, path_key, summarise_areas
from app.checks.rulebook import check_document, describe_condition


def finding(area: str, severity: str) -> dict:
    return {"area": area, "severity": severity}


@pytest.mark.parametrize(
    ("severities", "status", "score"),
    [
        ([], "pass", 100),
        (["advice", "advice"], "pass", 100),
        (["minor"], "gaps", 100 - SEVERITY_WEIGHTS["minor"]),
        (["major", "minor"], "gaps", 100 - SEVERITY_WEIGHTS["major"] - SEVERITY_WEIGHTS["minor"]),
        (["blocker"], "fail", 100 - SEVERITY_WEIGHTS["blocker"]),
        (["blocker"] * 3, "fail", 0),
        (["major"] * 10, "gaps", 0),
    ],
)
def test_area_status_and_score(severities, status, score) -> None:
    areas = summarise_areas([finding("vfm", s) for s in severities])
    assert areas["vfm"] == {"status": status, "score": score}
    assert areas["stakeholders"] == {"status": "pass", "score": 100}


def test_severity_weights_order_the_severities() -> None:
    weights = SEVERITY_WEIGHTS
    assert weights["blocker"] > weights["major"] > weights["minor"] > weights["advice"] == 0


def test_an_invalid_document_gets_errors_not_a_report(rulebook, examples) -> None:
    document = copy.deepcopy(examples["challenge-young-carers"])
    document["contract"]["risk"] = "extreme"
    del document["title"]
    result = check_document(rulebook, document)
    assert set(result) == {"errors"}
    paths = {error["path"] for error in result["errors"]}
    assert {"/contract/risk", "/title"} <= paths
    assert all(set(error) == {"path", "message"} for error in result["errors"])


def test_something_that_is_not_a_document_gets_errors(rulebook) -> None:
    assert "errors" in check_document(rulebook, ["not", "a", "document"])


def test_a_minimal_draft_is_checked_without_error(rulebook) -> None:
    draft = {
        "format": "proposal/1",
        "kind": "propose",
        "title": "Draft",
        "organisation": {"name": "A"},
    }
    report = check_document(rulebook, draft)
    rules = {f["rule"] for f in report["findings"]}
    assert {"stakeholders.none-listed", "proportionality.no-outcomes", "vfm.no-costs"} <= rules
    assert "proportionality.contract-value-unknown" in rules
    assert report["tier"] == "light"


def test_messages_quote_facts_and_parameters_in_plain_form(rulebook) -> None:
    context = {"sroi_ratio": 14.25, "contract_value": 1800000, "pbr_share": 0.4, "has_pbr": True}
    text = fill_message(
        "{sroi_ratio}:1 over {plausible_max_ratio}:1, {contract_value}, {pbr_share}, {has_pbr}",
        context,
        rulebook.parameters,
    )
    assert text == "14.25:1 over 10:1, £1,800,000, 40%, yes"


def test_paths_sort_items_by_number() -> None:
    paths = ["/stakeholders/10", "/stakeholders/2", "/stakeholders/2/size", "/outcomes"]
    assert sorted(paths, key=path_key) == [
        "/outcomes",
        "/stakeholders/2",
        "/stakeholders/2/size",
        "/stakeholders/10",
    ]


def test_describe_condition_reads_a_raw_when(rulebook) -> None:
    when = {"fact": "sroi_ratio", "gt": {"param": "plausible_max_ratio"}}
    text = describe_condition(when, rulebook.parameters)
    assert text == "the SROI ratio is more than 10 (the plausible maximum)"
    assert describe_condition(rulebook.rule("claims.ratio-above-plausible").when).endswith(
        "(the plausible maximum)"
    )


def test_every_rule_describes_itself(rulebook) -> None:
    for rule in rulebook.rules:
        text = rule.describe()
        assert text.endswith(".") and "Fires when" in text, rule.id
    text = rulebook.rule("stakeholders.material-not-involved").describe()
    assert text == (
        "Every case at the standard and full tiers, for each stakeholder group. Fires when the "
        "group is material and the group's expected change is neither negative nor mixed and "
        "the group was never involved."
    )
