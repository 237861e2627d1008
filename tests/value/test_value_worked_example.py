"""The worked example of docs/value.md, "Riverside lunch club", recomputed figure by figure.

Every expected figure is worked by hand in the comments (a discount rate of 0, as the example
states), and the page's own table is read back so that the page and the code cannot drift.
"""

import re
from decimal import Decimal
from pathlib import Path

from app.value.account import compute_account
from app.value.incremental import DOMINANT, MORE_FOR_MORE, incremental_account
from app.value.options import option_accounts
from app.value.sensitivity import compute_sensitivity

from .proposal2 import lunch_club

D = Decimal
DOCS = Path(__file__).resolve().parents[2] / "docs" / "value.md"


def close(figure: Decimal, expected: Decimal) -> bool:
    """Equal to 25 significant digits (the test divides at 28 digits, the account at 34)."""
    return abs(figure - expected) <= abs(expected) * D("1e-25")


def test_the_proposals_account():
    account = compute_account(lunch_club())
    # hot meal: 100 × £400 × (1 − 0.25) = £30,000, one year
    # less lonely: 80 × £1,000 × 0.5 × 0.75 = £30,000 in year 1, half of it, £15,000, in year 2
    assert account.by_outcome == {"hot-meal": D(30_000), "less-lonely": D(45_000)}
    assert account.present_value == D(75_000)
    assert account.investment == D(50_000)  # £40,000 cash and £10,000 of volunteer time
    assert account.sroi_ratio == D("1.5")


def test_each_options_account():
    accounts = option_accounts(lunch_club())
    today, kitchen = accounts["council-club"], accounts["kitchen-club"]
    # today: 60 × £400 × 0.75 = £18,000; 20 × £1,000 × 0.375 = £7,500 then £3,750
    assert today.present_value == D(29_250)
    assert today.investment == D(44_000)  # £22,000 a year for the contract's 2 years
    # the kitchen's own option is the proposal's outcomes at the same quantities
    assert kitchen.present_value == D(75_000) and kitchen.investment == D(50_000)


def test_the_incremental_account_over_todays_service():
    incremental = incremental_account(lunch_club())
    assert incremental.delta_present_value == D(45_750)  # 75,000 − 29,250
    assert incremental.delta_investment == D(6_000)  # 50,000 − 44,000
    assert incremental.incremental_ratio == D("7.625")  # 45,750 / 6,000
    assert incremental.verdict == MORE_FOR_MORE
    assert incremental.summary == (
        "Over today's service the proposal costs £6,000 more and creates £45,750 more value: "
        "£7.63 of value for each extra pound."
    )


def test_a_cheaper_proposal_is_dominant_with_no_ratio():
    document = lunch_club()
    document["inputs"][0]["value"] = 32_000  # with £10,000 of volunteer time: £42,000
    incremental = incremental_account(document)
    assert incremental.delta_investment == D(-2_000)  # 42,000 − 44,000
    assert incremental.verdict == DOMINANT and incremental.incremental_ratio is None
    assert incremental.summary in " ".join(DOCS.read_text(encoding="utf-8").split())


def test_transfers_are_in_the_financial_case_not_in_value():
    account = compute_account(lunch_club())
    savings = account.savings  # each over the contract's 2 years
    assert savings.cashable_total == D(10_000)
    assert savings.non_cashable_total == D(6_000)
    assert savings.transfer_total == D(4_000)  # housing benefit: cashable, but a transfer
    assert savings.total == D(20_000)
    assert account.present_value == D(75_000)  # no saving of any kind in it


def test_the_sensitivity_table():
    rows = {row.label: row.sroi_ratio for row in compute_sensitivity(lunch_club()).rows}
    assert rows == {
        "As submitted": D("1.5"),
        # hot meal 100 × 400 × 0.65 = 26,000; less lonely 80 × 1,000 × 0.4 × 0.75 = 24,000 + 12,000
        "Deadweight +10 points": D("1.24"),  # 62,000 / 50,000
        # 100 × 400 × 0.75 × 0.9 = 27,000; 80 × 1,000 × 0.5 × 0.65 = 26,000 + 13,000
        "Attribution +10 points": D("1.32"),  # 66,000 / 50,000
        "Displacement +10 points": D("1.35"),  # 75,000 × 0.9 = 67,500
        "Drop-off +10 points": D("1.44"),  # 30,000 + 30,000 + 30,000 × 0.4 = 72,000
        "Proxies -25%": D("1.125"),  # 56,250
        "Quantities -25%": D("1.125"),  # the same: value is linear in both
        "Quantity of “Older people eat a hot meal every weekday” -25%": D("1.35"),  # 75,000 − 7,500
        "Quantity of “Older people are less lonely” -25%": D("1.275"),  # 75,000 − 11,250
    }


def test_switching_values_and_concentration():
    sensitivity = compute_sensitivity(lunch_club())
    meal, lonely = sensitivity.switching
    # hot meal: the others give 45,000, so it must give 5,000; each £1 of proxy gives 100 × 0.75
    assert close(meal.switching_proxy, D(5_000) / 75)  # £66.67
    assert close(meal.switching_quantity, D(5_000) / 300)  # each unit gives £400 × 0.75
    # less lonely: the others give 30,000, so it must give 20,000; a unit at £1 gives 0.5625
    assert close(lonely.switching_proxy, D(20_000) / 45)  # 80 × 0.5625: £444.44
    assert close(lonely.switching_quantity, D(20_000) / D("562.5"))  # £1,000 × 0.5625: 35.56
    concentration = sensitivity.concentration
    assert concentration.description == "Older people are less lonely"
    assert concentration.largest_outcome_share == D("0.6")  # 45,000 of 75,000


def test_the_documentation_shows_the_figures_the_code_gives():
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## Worked example") :]
    sensitivity = compute_sensitivity(lunch_club()).report()
    for row in sensitivity["rows"]:
        assert re.search(rf"\| {re.escape(row['label'])} \| {row['sroi_ratio']:.2f} \|", section), (
            row["label"]
        )
    incremental = incremental_account(lunch_club()).report()
    assert incremental["summary"] in " ".join(section.split())
    for item in sensitivity["switching"]:
        assert f"£{item['switching_proxy']:,.2f}" in section
        assert f"{item['switching_quantity']:,.2f}" in section
