"""Parameters: dated values, the value in force, deployment overrides, and the tier they set."""

import datetime as dt

import pytest

from app.checks.errors import RulesError
from app.checks.parameters import load_parameters
from app.checks.rulebook import load_rulebook

from .conftest import MODEL, RULES


def test_every_parameter_has_a_description_a_source_and_a_dated_value() -> None:
    parameters = load_parameters(RULES / "parameters.yaml")
    assert {
        "tier_standard_from",
        "tier_full_from",
        "plausible_max_ratio",
        "large_group_size",
    } <= set(parameters)
    for parameter in parameters.values():
        assert parameter.description and parameter.reference and parameter.values


def test_the_default_thresholds_are_those_of_the_domain_primer() -> None:
    parameters = load_parameters(RULES / "parameters.yaml")
    assert parameters["tier_standard_from"].value == 100_000
    assert parameters["tier_full_from"].value == 1_000_000
    assert parameters["plausible_max_ratio"].value == 10


@pytest.mark.parametrize(
    ("value", "risk", "tier"),
    [
        (99_999, "low", "light"),
        (100_000, "low", "standard"),
        (999_999.99, "medium", "standard"),
        (1_000_000, "low", "full"),
        (99_999, "high", "standard"),
        (100_000, "high", "full"),
        (5_000_000, "high", "full"),
        (0, "unknown", "light"),
    ],
)
def test_tier_boundaries_and_the_risk_step(rulebook, value, risk, tier) -> None:
    contract = {"annual_value": value, "duration_years": 1}
    if risk != "unknown":
        contract["risk"] = risk
    document = {"format": "proposal/2", "kind": "propose", "title": "T", "contract": contract}
    assert rulebook.facts(document).profile["tier"] == tier


def test_an_override_changes_the_value_in_force_from_its_date(tmp_path) -> None:
    override = tmp_path / "parameters.yaml"
    override.write_text(
        "plausible_max_ratio:\n  reference: local board decision\n  values:\n    2030-01-01: 6\n"
    )
    before = load_parameters(RULES / "parameters.yaml", override, on=dt.date(2029, 12, 31))
    after = load_parameters(RULES / "parameters.yaml", override, on=dt.date(2030, 1, 1))
    assert before["plausible_max_ratio"].value == 10
    assert after["plausible_max_ratio"].value == 6
    assert after["plausible_max_ratio"].value_on(dt.date(2025, 6, 1)) == 10
    assert "local board decision" in after["plausible_max_ratio"].reference


def test_an_override_moves_a_rule_threshold(tmp_path, examples) -> None:
    override = tmp_path / "parameters.yaml"
    override.write_text("plausible_max_ratio:\n  values:\n    2020-01-01: 1.2\n")
    strict = load_rulebook(RULES, MODEL, override=override)
    fired = {f["rule"] for f in strict.check(examples["challenge-young-carers"])["findings"]}
    assert "claims.ratio-above-plausible" in fired
    message = next(
        f["message"]
        for f in strict.check(examples["challenge-young-carers"])["findings"]
        if f["rule"] == "claims.ratio-above-plausible"
    )
    assert "above the plausible maximum of 1.20:1" in message


def test_an_override_moves_the_tier_boundary(tmp_path, examples) -> None:
    override = tmp_path / "parameters.yaml"
    override.write_text("tier_full_from:\n  values:\n    2020-01-01: 500000\n")
    rulebook = load_rulebook(RULES, MODEL, override=override)
    assert rulebook.check(examples["challenge-young-carers"])["tier"] == "full"


def test_no_value_in_force_before_the_first_date() -> None:
    with pytest.raises(RulesError, match="no value is in force on 2000-01-01"):
        load_parameters(RULES / "parameters.yaml", on=dt.date(2000, 1, 1))


def test_tier_thresholds_must_be_in_order(tmp_path) -> None:
    override = tmp_path / "parameters.yaml"
    override.write_text("tier_standard_from:\n  values:\n    2020-01-01: 2000000\n")
    with pytest.raises(RulesError, match="tier_standard_from must be below tier_full_from"):
        load_rulebook(RULES, MODEL, override=override)


def test_an_override_dated_before_the_default_is_refused(tmp_path) -> None:
    override = tmp_path / "parameters.yaml"
    override.write_text("plausible_max_ratio:\n  values:\n    2000-01-01: 6\n")
    with pytest.raises(RulesError, match="would be hidden by the default from 2012-01-01"):
        load_parameters(RULES / "parameters.yaml", override)
