"""Quantities in the sensitivity table, switching quantities, concentration, and the table as
the check report carries it: every outcome named by what it is, never by its id."""

import json
from decimal import Decimal

import pytest

from app.value.account import compute_account
from app.value.sensitivity import SCENARIOS, compute_sensitivity, sensitivity_report

from .proposal2 import examples, young_carers

D = Decimal


def document(outcomes, investment=1000):
    return {"discount_rate": 0, "outcomes": outcomes, "inputs": [{"value": investment}]}


def outcome(**fields):
    return {"id": "o", "quantity": 10, "proxy": {"value": 100}, "duration_years": 1} | fields


def test_each_outcomes_quantity_is_cut_on_its_own_and_all_at_once():
    doc = document(
        [
            outcome(id="a", description="Tenants keep their homes"),  # 1,000
            outcome(id="b", description="Fewer evictions", quantity=30),  # 3,000
        ]
    )
    rows = {row.label: row for row in compute_sensitivity(doc).rows}
    assert rows["Quantities -25%"].sroi_ratio == D(3)  # 4,000 × 0.75 / 1,000
    tenants = rows["Quantity of “Tenants keep their homes” -25%"]
    assert tenants.sroi_ratio == D("3.75")  # 4,000 − 250
    assert (tenants.outcome_id, tenants.description) == ("a", "Tenants keep their homes")
    assert rows["Quantity of “Fewer evictions” -25%"].sroi_ratio == D("3.25")  # 4,000 − 750


def test_cutting_the_quantity_of_value_destroyed_raises_the_ratio():
    doc = document([outcome(id="gain", quantity=30), outcome(id="loss", negative=True)])
    rows = compute_sensitivity(doc).rows
    assert rows[0].sroi_ratio == D(2)  # 3,000 − 1,000
    assert rows[-1].sroi_ratio == D("2.25")  # 2,000 + 250


def test_the_switching_quantity_brings_the_ratio_to_exactly_one():
    outcomes = [
        outcome(id="a", quantity=37, proxy={"value": 412.5}, duration_years=3.5, drop_off=0.3),
        outcome(id="b", quantity=12, proxy={"value": 95}, deadweight=0.25, duration_years=2),
        outcome(id="c", quantity=4, proxy={"value": 800}, negative=True),
    ]
    doc = document(outcomes, 32_000) | {"discount_rate": 0.035}
    for index, value in enumerate(compute_sensitivity(doc).switching):
        assert value.switching_quantity is not None, value.quantity_note
        changed = [dict(o) for o in outcomes]
        changed[index]["quantity"] = value.switching_quantity
        ratio = compute_account(dict(doc, outcomes=changed)).sroi_ratio
        assert abs(ratio - 1) < D("1e-20")


def test_the_switching_quantity_of_a_single_outcome_by_hand():
    # 10 at £100 = £1,000 against £400: each unit gives £100, so 4 units give 1:1
    [value] = compute_sensitivity(document([outcome()], 400)).switching
    assert (value.quantity, value.switching_quantity, value.quantity_note) == (D(10), D(4), None)


def test_no_switching_quantity_for_an_outcome_with_no_proxy_value():
    doc = document([outcome(id="gain", quantity=30), outcome(id="free", proxy={"value": 0})])
    free = compute_sensitivity(doc).switching[1]
    assert free.switching_quantity is None
    assert "no value whatever its quantity" in free.quantity_note
    assert free.switching_proxy is None and "above 1:1" in free.note


def test_no_switching_quantity_when_the_others_alone_clear_one_to_one():
    doc = document([outcome(id="big", quantity=30), outcome(id="small")], 2000)
    small = compute_sensitivity(doc).switching[1]
    assert small.switching_quantity is None
    assert "no quantity for it brings the ratio down to 1:1" in small.quantity_note


def test_concentration_is_the_largest_outcomes_share_of_the_value_created():
    doc = document(
        [
            outcome(id="a", description="Carers cope", quantity=30),  # 3,000
            outcome(id="b", description="Pupils attend"),  # 1,000
            outcome(id="c", description="Roles end", quantity=20, negative=True),  # −2,000
        ]
    )
    concentration = compute_sensitivity(doc).concentration
    assert (concentration.outcome_id, concentration.description) == ("a", "Carers cope")
    # 3,000 of the 4,000 created: value destroyed is not part of the whole
    assert concentration.largest_outcome_share == D("0.75")
    assert concentration.gross_present_value == D(4000)


def test_no_concentration_when_nothing_creates_value():
    doc = document([outcome(negative=True)])
    concentration = compute_sensitivity(doc).concentration
    assert concentration.largest_outcome_share is None and concentration.outcome_id is None
    assert compute_sensitivity(doc).report()["concentration"]["largest_outcome_share"] is None


def test_the_report_names_outcomes_by_description_never_by_id():
    report = sensitivity_report(young_carers())
    json.dumps(report, allow_nan=False)
    ids = {o["id"] for o in young_carers()["outcomes"]}
    attendance = next(item for item in report["switching"] if item["outcome"] == "attendance")
    assert attendance["description"] == "Young carers attend school more"
    for item in report["switching"]:
        assert item["description"] not in ids
    for row in report["rows"]:
        assert not any(outcome_id in row["label"] for outcome_id in ids), row["label"]
    assert report["concentration"]["description"] == (
        "Young carers feel less isolated and more able to cope"
    )


def test_an_outcome_with_no_description_is_named_by_its_place():
    doc = document([outcome(id="a", description="Named"), outcome(id="second-outcome")])
    report = compute_sensitivity(doc).report()
    assert report["switching"][1]["description"] == "Outcome 2"
    assert report["rows"][-1]["label"] == "Quantity of “Outcome 2” -25%"


def test_a_long_description_is_shortened_in_labels():
    long = "Young carers " + "really " * 100 + "cope"
    row = compute_sensitivity(document([outcome(description=long)])).rows[-1]
    assert len(row.description) <= 80 and row.description.endswith("…")


@pytest.mark.parametrize("name", sorted(examples()))
def test_every_example_gets_the_whole_table_whatever_its_size(name):
    doc = examples()[name]
    report = compute_sensitivity(doc).report()
    assert len(report["rows"]) == 1 + len(SCENARIOS) + len(doc["outcomes"])
    assert len(report["switching"]) == len(doc["outcomes"])
    assert all(row["sroi_ratio"] is not None for row in report["rows"])
    assert 0 < report["concentration"]["largest_outcome_share"] <= 1
    json.dumps(report, allow_nan=False)
