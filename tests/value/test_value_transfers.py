"""Savings are the financial case: cashable, non-cashable and transfers apart, and none of
them, transfers least of all, ever in the value account."""

import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.value.account import compute_account
from app.value.savings import financial_case_report, summarise_savings

from .proposal2 import young_carers

D = Decimal


def test_a_transfer_counts_in_its_own_total_whatever_its_cashable_flag():
    summary = summarise_savings(
        [
            {"body": "DWP", "annual_value": 1000, "cashable": True, "transfer": True, "years": 2},
            {"body": "DWP", "annual_value": 300, "cashable": False, "transfer": True, "years": 1},
            {"body": "DWP", "annual_value": 50, "cashable": True, "transfer": False, "years": 2},
            {"body": "Council", "annual_value": 70, "cashable": None, "transfer": None},
        ]
    )
    assert summary.transfer_total == D(2300)  # 1,000 × 2 + 300
    assert summary.cashable_total == D(100)  # 50 × 2
    assert summary.non_cashable_total == D(70)  # one year when no years are given
    assert summary.total == D(2470)
    assert summary.by_body["DWP"] == {"cashable": D(100), "non_cashable": D(0), "transfer": D(2300)}


def test_the_financial_case_report_splits_the_totals_by_body():
    document = young_carers()
    document["savings"].append(
        {"body": "Department for Work and Pensions", "annual_value": 4000, "transfer": True}
    )
    report = financial_case_report(document)
    json.dumps(report, allow_nan=False)
    assert report["cashable_total"] == 90_000.0  # £30,000 a year for 3 years
    assert report["non_cashable_total"] == 138_000.0  # (38,000 + 8,000) × 3
    assert report["transfer_total"] == 12_000.0  # the contract's 3 years
    assert report["total"] == 240_000.0
    assert report["by_body"][-1] == {
        "body": "Department for Work and Pensions",
        "cashable": 0.0,
        "non_cashable": 0.0,
        "transfer": 12_000.0,
    }


savings_lists = st.lists(
    st.fixed_dictionaries(
        {
            "body": st.sampled_from(["Council", "NHS trust", "DWP"]),
            "annual_value": st.integers(0, 10**9),
            "cashable": st.none() | st.booleans(),
            "transfer": st.none() | st.booleans(),
            "years": st.none() | st.integers(0, 25),
        }
    ),
    max_size=8,
)


@settings(max_examples=100, deadline=None)
@given(savings_lists)
def test_no_saving_of_any_kind_changes_the_value_account(savings):
    document = young_carers()
    without = compute_account(dict(document, savings=[]))
    account = compute_account(dict(document, savings=savings))
    assert account.present_value == without.present_value
    assert account.sroi_ratio == without.sroi_ratio
    assert account.by_year == without.by_year
    total = sum(D(s["annual_value"]) * (3 if s["years"] is None else s["years"]) for s in savings)
    assert account.savings.total == total  # every saving in exactly one of the three totals
