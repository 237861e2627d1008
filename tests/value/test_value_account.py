"""Hand-computed checks of each formula in the value account."""

from decimal import Decimal

import pytest

from app.value.account import UNASSIGNED, compute_account

D = Decimal


def outcome(**fields):
    """An outcome worth £1,000 in year 1 for one year unless told otherwise."""
    return {"id": "o", "quantity": 1, "proxy": {"value": 1000}, "duration_years": 1} | fields


def document(outcomes=(), inputs=(), **fields):
    """An undiscounted document (rate 0) unless told otherwise."""
    return {"discount_rate": 0, "outcomes": list(outcomes), "inputs": list(inputs)} | fields


def cash(value):
    return {"type": "cash", "value": value}


def test_year1_impact_takes_off_deadweight_displacement_and_attribution():
    account = compute_account(
        document(
            [
                outcome(
                    quantity=100,
                    proxy={"value": 50},
                    deadweight=0.2,
                    displacement=0.1,
                    attribution=0.25,
                )
            ]
        )
    )
    # 100 × 50 = 5,000; × 0.8 = 4,000; × 0.9 = 3,600; × 0.75 = 2,700
    assert account.outcomes[0].year1_impact == D("2700")
    assert account.year1_impact == D("2700")


def test_drop_off_applies_from_the_second_year():
    account = compute_account(document([outcome(duration_years=3, drop_off=0.5)]))
    assert account.outcomes[0].by_year == (D(1000), D(500), D(250))
    assert account.present_value == D(1750)


def test_negative_outcomes_are_subtracted():
    account = compute_account(
        document(
            [
                outcome(id="gain", duration_years=2),
                outcome(id="loss", negative=True, proxy={"value": 300}),
            ]
        )
    )
    loss = account.outcomes[1]
    assert loss.negative and loss.year1_impact == D(-300) and loss.present_value == D(-300)
    assert account.by_year == (D(700), D(1000))
    assert account.present_value == D(1700)
    assert account.by_outcome == {"gain": D(2000), "loss": D(-300)}


def test_discounting_starts_in_year_one_by_default():
    account = compute_account(document([outcome(duration_years=2)], discount_rate=0.1))
    # 1,000 / 1.1 + 1,000 / 1.21 = 909.0909… + 826.4463… = 1,735.5372
    assert round(account.present_value, 4) == D("1735.5372")
    assert account.by_year == (D(1000), D(1000))


def test_first_year_left_undiscounted_when_the_document_says_so():
    account = compute_account(
        document([outcome(duration_years=2)], discount_rate=0.1, first_year_discounted=False)
    )
    # 1,000 + 1,000 / 1.1 = 1,909.0909
    assert round(account.present_value, 4) == D("1909.0909")


def test_absent_fields_take_their_defaults():
    account = compute_account(
        {
            "outcomes": [{"id": "bare", "quantity": 10, "proxy": {"value": 103.5}}],
            "discount_rate": None,
            "first_year_discounted": None,
        }
    )
    # one year, no shares, 3.5% from year 1: 1,035 / 1.035 = 1,000
    assert account.present_value == D(1000)
    assert compute_account({"outcomes": [{"id": "none"}]}).present_value == 0


def test_investment_counts_cash_in_kind_and_volunteer_time():
    account = compute_account(
        document(
            inputs=[
                cash(1000),
                {"type": "in_kind", "value": 250.5},
                {"type": "volunteer_time", "value": 749.5, "hours": 60},
                {"type": "volunteer_time", "value": None},
            ]
        )
    )
    assert account.investment == D(2000)
    assert account.investment_by_type == {
        "cash": D(1000),
        "in_kind": D("250.5"),
        "volunteer_time": D("749.5"),
    }


def test_npv_ratio_net_ratio_and_payback():
    account = compute_account(
        document(
            [outcome(quantity=10, proxy={"value": 300}, duration_years=2)],
            [cash(1500), {"type": "volunteer_time", "value": 500}],
        )
    )
    assert account.present_value == D(6000)
    assert account.investment == D(2000)
    assert account.npv == D(4000)
    assert account.sroi_ratio == D(3)
    assert account.net_sroi_ratio == D(2)
    # £2,000 paid back at £3,000 a year (£250 a month): 8 months
    assert account.payback_months == D(8)
    assert account.notes == ()


def test_report_gives_rounded_floats():
    account = compute_account(document([outcome(proxy={"value": 1000})], [cash(3000)]))
    assert account.report() == {
        "present_value": 1000.0,
        "investment": 3000.0,
        "npv": -2000.0,
        "sroi_ratio": 0.33,
        "net_sroi_ratio": -0.67,
        "payback_months": 36.0,
    }


def test_no_inputs_means_no_ratio_and_a_note_saying_why():
    account = compute_account(document([outcome()]))
    assert account.sroi_ratio is None and account.net_sroi_ratio is None
    assert "No inputs are recorded, so there is no ratio." in account.notes
    assert account.report()["sroi_ratio"] is None
    assert account.report()["net_sroi_ratio"] is None


@pytest.mark.parametrize("year1", [0, -500])
def test_no_payback_when_year_one_impact_is_not_positive(year1):
    outcomes = [outcome(proxy={"value": abs(year1)}, negative=year1 < 0)]
    account = compute_account(document(outcomes, [cash(100)]))
    assert account.payback_months is None
    assert account.report()["payback_months"] is None
    assert any("never paid back" in note for note in account.notes)


def test_partial_final_year_is_valued_pro_rata():
    account = compute_account(document([outcome(duration_years=2.5, drop_off=0.2)]))
    # years: 1,000; 800; then half of 640
    assert account.outcomes[0].by_year == (D(1000), D(800), D(320))
    assert account.present_value == D(2120)
    assert any("pro rata" in note for note in account.notes)


def test_outcome_shorter_than_a_year_is_valued_pro_rata():
    account = compute_account(document([outcome(duration_years=0.5)], [cash(250)]))
    assert account.by_year == (D(500),)
    assert account.year1_impact == D(500)
    assert account.payback_months == D(6)


def test_by_year_runs_to_the_longest_outcome():
    account = compute_account(
        document([outcome(id="a", duration_years=1), outcome(id="b", duration_years=3)])
    )
    assert account.by_year == (D(2000), D(1000), D(1000))


def test_value_by_stakeholder_follows_the_documents_stakeholder_order():
    account = compute_account(
        document(
            [
                outcome(id="a1", stakeholder="alpha"),
                outcome(id="b1", stakeholder="beta"),
                outcome(id="a2", stakeholder="alpha", proxy={"value": 500}),
                outcome(id="x"),
            ],
            stakeholders=[{"id": "beta"}, {"id": "gamma"}, {"id": "alpha"}],
        )
    )
    assert list(account.by_stakeholder) == ["beta", "alpha", UNASSIGNED]
    assert account.by_stakeholder["alpha"] == D(1500)


def test_savings_are_split_into_cashable_and_non_cashable_by_body():
    account = compute_account(
        document(
            savings=[
                {"body": "Council", "annual_value": 30000, "cashable": True, "years": 3},
                {"body": "Council", "annual_value": 38000, "cashable": False, "years": 3},
                {"body": "NHS trust", "annual_value": 1000.5, "cashable": False, "years": 2},
                {"body": "NHS trust", "annual_value": 400, "cashable": True},
            ],
            contract={"duration_years": 4},
        )
    )
    savings = account.savings
    assert savings.by_body == {
        "Council": {"cashable": D(90000), "non_cashable": D(114000), "transfer": D(0)},
        "NHS trust": {"cashable": D(1600), "non_cashable": D(2001), "transfer": D(0)},
    }
    assert savings.cashable_total == D(91600)
    assert savings.non_cashable_total == D(116001)


def test_an_empty_document_gives_an_empty_account_with_notes():
    account = compute_account({})
    assert account.present_value == 0 and account.investment == 0
    assert account.by_year == () and account.by_stakeholder == {}
    assert account.sroi_ratio is None and account.payback_months is None
    assert len(account.notes) == 3


def test_money_from_floats_adds_up_exactly():
    account = compute_account(document(inputs=[cash(0.1), cash(0.2)]))
    assert account.investment == D("0.3")
    assert account.report()["investment"] == 0.3
