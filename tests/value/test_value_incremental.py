"""The incremental account of a challenge: the proposal less today's service, and a verdict
that never divides by a zero or negative difference in cost."""

import json
from decimal import Decimal, localcontext

import pytest

from app.value.incremental import (
    DOMINANT,
    DOMINATED,
    LESS_FOR_LESS,
    MORE_FOR_MORE,
    NO_DIFFERENCE,
    incremental_account,
)
from app.value.money import ARITHMETIC

from .proposal2 import green_spaces, young_carers

D = Decimal


def challenge(proposal_value, proposal_cost, today_quantity, today_cost, kind="challenge"):
    """An undiscounted one-year challenge: one outcome worth £1 a unit, the proposal at
    ``proposal_value`` units for ``proposal_cost``, today's service at ``today_quantity`` units
    for ``today_cost`` a year."""
    return {
        "kind": kind,
        "discount_rate": 0,
        "contract": {"duration_years": 1},
        "outcomes": [{"id": "o", "quantity": proposal_value, "proxy": {"value": 1}}],
        "inputs": [{"type": "cash", "value": proposal_cost}],
        "need": {
            "options": [
                {
                    "id": "today",
                    "name": "Today's service",
                    "kind": "status_quo",
                    "annual_cost": today_cost,
                    "quantities": [{"outcome": "o", "quantity": today_quantity}],
                }
            ]
        },
    }


@pytest.mark.parametrize(
    ("value", "cost", "verdict", "ratio", "said"),
    [
        # ΔPV 600, ΔI 200: 3:1
        (1600, 1200, MORE_FOR_MORE, D(3), "£3.00 of value for each extra pound"),
        # ΔPV 600, ΔI −200: no ratio
        (1600, 800, DOMINANT, None, "it is dominant, more value for less money"),
        # ΔPV 600, ΔI 0
        (1600, 1000, DOMINANT, None, "it is dominant, more value for the same money"),
        # ΔPV 0, ΔI −200
        (1000, 800, DOMINANT, None, "it is dominant, the same value for less money"),
        # ΔPV −400, ΔI 200: a ratio of −2 (each extra pound loses £2)
        (600, 1200, DOMINATED, D(-2), "today's service gives more value for the money"),
        # ΔPV 0, ΔI 200: a ratio of 0
        (1000, 1200, DOMINATED, D(0), "today's service gives more value for the money"),
        # ΔPV −400, ΔI 0
        (600, 1000, DOMINATED, None, "today's service gives more value for the money"),
        # ΔPV −400, ΔI −200: £2 of value given up for each pound saved
        (600, 800, LESS_FOR_LESS, None, "£2.00 of value is given up for each pound saved"),
        (1000, 1000, NO_DIFFERENCE, None, "costs the same and creates the same value."),
    ],
)
def test_the_verdict_and_ratio_in_each_quarter(value, cost, verdict, ratio, said):
    # today's service: 1,000 units for £1,000
    incremental = incremental_account(challenge(value, cost, 1000, 1000))
    assert incremental.delta_present_value == value - 1000
    assert incremental.delta_investment == cost - 1000
    assert incremental.verdict == verdict
    assert incremental.incremental_ratio == ratio
    assert said in incremental.summary


def test_value_given_up_per_pound_saved_is_reported_only_when_both_fall():
    incremental = incremental_account(challenge(600, 800, 1000, 1000))
    assert incremental.value_lost_per_pound_saved == D(2)  # 400 given up for 200 saved
    report = incremental.report()
    assert report["incremental_ratio"] is None and report["value_lost_per_pound_saved"] == 2.0
    assert incremental_account(challenge(1600, 800, 1000, 1000)).value_lost_per_pound_saved is None


def test_the_summary_says_the_differences_in_pounds():
    incremental = incremental_account(challenge(1600, 800, 1000, 1000))
    assert incremental.summary == (
        "Over today's service the proposal costs £200 less and creates £600 more value: "
        "it is dominant, more value for less money."
    )


def test_a_tiny_extra_cost_gives_a_ratio_too_large_to_report_not_a_crash():
    incremental = incremental_account(challenge(2000, 1000 + 1e-10, 1000, 1000))
    assert incremental.verdict == MORE_FOR_MORE
    assert incremental.incremental_ratio > D(10) ** 12
    report = incremental.report()
    assert report["incremental_ratio"] is None
    assert "more than £1,000,000,000,000 of value for each extra pound" in report["summary"]
    json.dumps(report, allow_nan=False)


def test_there_is_none_for_a_proposal_to_propose():
    assert incremental_account(challenge(1600, 1200, 1000, 1000, kind="propose")) is None
    assert incremental_account(green_spaces()) is None


def test_there_is_none_without_todays_cost_or_quantities():
    unpriced = challenge(1600, 1200, 1000, None)
    assert incremental_account(unpriced) is None
    unvalued = challenge(1600, 1200, 1000, 1000)
    unvalued["need"]["options"][0]["quantities"] = None
    assert incremental_account(unvalued) is None


def test_the_young_carers_challenge_is_judged_on_what_it_adds_to_todays_service():
    incremental = incremental_account(young_carers())
    assert incremental.status_quo_option == "in-house"
    assert incremental.status_quo_name == "Continue the in-house service"
    proposal, today = incremental.proposal, incremental.status_quo
    assert today.investment == D(720_000)  # £240,000 a year for 3 years
    assert proposal.investment == D(725_400)  # contract, volunteer time and school rooms
    assert incremental.delta_investment == D(5_400)
    with localcontext(ARITHMETIC):  # the account's 34 digits
        assert incremental.delta_present_value == proposal.present_value - today.present_value
        assert incremental.incremental_ratio == incremental.delta_present_value / D(5_400)
    assert incremental.delta_present_value < proposal.present_value  # less than the whole
    json.dumps(incremental.report(), allow_nan=False)
