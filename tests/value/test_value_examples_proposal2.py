"""The examples as proposal/2: their options' accounts, today's service as the counterfactual
of a challenge, transfers kept out of value, and the value findings of each as JSON."""

import json
from decimal import Decimal

import pytest

from app.value.account import compute_account
from app.value.incremental import incremental_account
from app.value.options import option_accounts
from app.value.report import value_report

from .full_range import assert_value_findings
from .proposal2 import examples

EXAMPLES = examples()
NAMES = sorted(EXAMPLES)


def options_with_accounts(document):
    """(option, account) for each option the document values with quantities."""
    accounts = option_accounts(document)
    return [
        (option, accounts[option["id"]])
        for option in document["need"].get("options") or []
        if option.get("quantities") is not None
    ]


@pytest.mark.parametrize("name", NAMES)
def test_each_options_stated_value_is_the_present_value_of_its_own_account(name):
    document = EXAMPLES[name]
    for option, account in options_with_accounts(document):
        if option.get("value_estimate") is not None:
            assert abs(account.present_value - Decimal(str(option["value_estimate"]))) < 1, option
        years = document["contract"]["duration_years"]
        assert account.investment == Decimal(str(option["annual_cost"])) * years, option["id"]


@pytest.mark.parametrize("name", NAMES)
def test_the_proposals_own_option_matches_the_proposals_account(name):
    document = EXAMPLES[name]
    account = compute_account(document)
    for option, option_account in options_with_accounts(document):
        if option.get("kind") == "proposal":
            assert option_account.present_value == account.present_value


@pytest.mark.parametrize("name", NAMES)
def test_the_value_findings_of_each_example_are_json_with_every_outcome_named(name):
    document = EXAMPLES[name]
    report = value_report(document)
    json.dumps(report, allow_nan=False)
    assert_value_findings(report)
    ids = {o["id"] for o in document["outcomes"]}
    for item in report["sensitivity"]["switching"]:
        assert item["description"] not in ids


@pytest.mark.parametrize("name", NAMES)
def test_a_challenge_with_todays_cost_and_quantities_is_judged_on_the_difference(name):
    document = EXAMPLES[name]
    [today] = [
        o for o in document["need"].get("options") or [] if o.get("kind") == "status_quo"
    ] or [None]
    incremental = incremental_account(document)
    valued = today is not None and today.get("quantities") is not None
    if document["kind"] != "challenge" or not valued or today.get("annual_cost") is None:
        assert incremental is None
        return
    account = compute_account(document)
    assert incremental.status_quo_option == today["id"]
    assert incremental.delta_present_value < account.present_value  # today's value goes on
    assert incremental.delta_investment == account.investment - incremental.status_quo.investment


def test_the_hospital_discharge_carers_allowance_is_a_transfer_not_value():
    document = EXAMPLES["propose-hospital-discharge"]
    [transfer] = [s for s in document["savings"] if s.get("transfer")]
    account = compute_account(document)
    assert account.savings.transfer_total == Decimal(transfer["annual_value"]) * transfer["years"]
    without = compute_account(dict(document, savings=[]))
    assert account.present_value == without.present_value
    cashable = [s for s in document["savings"] if s.get("cashable") and not s.get("transfer")]
    assert account.savings.cashable_total == sum(
        Decimal(s["annual_value"]) * s["years"] for s in cashable
    )
