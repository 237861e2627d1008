"""Sensitivity rows and exact switching values."""

from decimal import Decimal

from app.value.account import compute_account
from app.value.sensitivity import compute_sensitivity

D = Decimal


def document(outcomes, investment=400, **fields):
    inputs = [{"type": "cash", "value": investment}] if investment else []
    return {"discount_rate": 0, "outcomes": outcomes, "inputs": inputs} | fields


def outcome(**fields):
    return {"id": "o", "quantity": 1, "proxy": {"value": 1000}, "duration_years": 1} | fields


def test_rows_change_one_assumption_at_a_time():
    sensitivity = compute_sensitivity(document([outcome(deadweight=0.2)]))
    assert [(row.label, row.sroi_ratio) for row in sensitivity.rows] == [
        ("As submitted", D(2)),  # 800 / 400
        ("Deadweight +10 points", D("1.75")),  # 700 / 400
        ("Attribution +10 points", D("1.8")),  # 720 / 400
        ("Displacement +10 points", D("1.8")),
        ("Drop-off +10 points", D(2)),  # a one-year outcome has no second year
        ("Proxies -25%", D("1.5")),  # 600 / 400
        ("Quantities -25%", D("1.5")),  # 0.75 of a unit: 600 / 400
        ("Quantity of “Outcome 1” -25%", D("1.5")),  # the only outcome, cut alone
    ]


def test_drop_off_row_bites_on_later_years():
    sensitivity = compute_sensitivity(document([outcome(duration_years=2, drop_off=0.5)]))
    rows = {row.label: row.sroi_ratio for row in sensitivity.rows}
    assert rows["As submitted"] == D("3.75")  # (1,000 + 500) / 400
    assert rows["Drop-off +10 points"] == D("3.5")  # (1,000 + 400) / 400


def test_raised_shares_are_capped_at_one():
    sensitivity = compute_sensitivity(document([outcome(deadweight=0.95)]))
    assert sensitivity.rows[1].sroi_ratio == 0


def test_rows_have_no_ratio_without_inputs():
    sensitivity = compute_sensitivity(document([outcome()], investment=0))
    assert all(row.sroi_ratio is None for row in sensitivity.rows)
    assert sensitivity.switching[0].switching_proxy is None
    assert "No inputs" in sensitivity.switching[0].note


def test_switching_proxy_of_a_single_outcome():
    sensitivity = compute_sensitivity(document([outcome(quantity=10, proxy={"value": 100})], 500))
    value = sensitivity.switching[0]
    assert (value.outcome_id, value.proxy, value.switching_proxy, value.note) == (
        "o",
        D(100),
        D(50),
        None,
    )


def test_switching_proxy_brings_the_ratio_to_exactly_one():
    outcomes = [
        outcome(id="a", quantity=37, proxy={"value": 412.5}, duration_years=3.5, drop_off=0.3),
        outcome(id="b", quantity=12, proxy={"value": 95}, deadweight=0.25, duration_years=2),
        outcome(id="c", quantity=4, proxy={"value": 800}, negative=True),
    ]
    doc = document(outcomes, investment=32_000, discount_rate=0.035)
    for index, value in enumerate(compute_sensitivity(doc).switching):
        assert value.switching_proxy is not None, value.note
        changed = [dict(o) for o in outcomes]
        changed[index]["proxy"] = {"value": value.switching_proxy}
        ratio = compute_account(dict(doc, outcomes=changed)).sroi_ratio
        assert abs(ratio - 1) < D("1e-20")


def test_no_switching_proxy_when_the_others_alone_clear_one_to_one():
    doc = document([outcome(id="big", quantity=10), outcome(id="small")], investment=5000)
    small = compute_sensitivity(doc).switching[1]
    assert small.switching_proxy is None
    assert "above 1:1" in small.note


def test_no_switching_proxy_for_a_cost_when_the_case_is_already_below_one_to_one():
    doc = document([outcome(id="gain"), outcome(id="cost", negative=True)], investment=5000)
    cost = compute_sensitivity(doc).switching[1]
    assert cost.switching_proxy is None
    assert "fall short" in cost.note


def test_a_cost_has_a_switching_proxy_when_the_case_clears_one_to_one():
    doc = document(
        [outcome(id="gain", proxy={"value": 3000}), outcome(id="cost", negative=True)],
        investment=1000,
    )
    # 3,000 − p = 1,000 at p = 2,000
    assert compute_sensitivity(doc).switching[1].switching_proxy == D(2000)


def test_no_switching_proxy_for_an_outcome_that_can_carry_no_value():
    doc = document([outcome(id="gain"), outcome(id="gone", attribution=1)], investment=5000)
    gone = compute_sensitivity(doc).switching[1]
    assert gone.switching_proxy is None
    assert "no value whatever its proxy" in gone.note
