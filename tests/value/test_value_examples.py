"""The example proposal documents compute without error and give sensible values."""

import json
from decimal import Decimal

import pytest

from app.examples import EXAMPLES_DIR
from app.value.account import compute_account
from app.value.charts import value_by_stakeholder_svg, value_by_year_svg
from app.value.sensitivity import compute_sensitivity

FOLDER = EXAMPLES_DIR
EXAMPLES = sorted(FOLDER.glob("*.json"))


def test_examples_are_found():
    assert EXAMPLES, f"no example documents in {FOLDER}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_example_has_a_sensible_value_account(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    account = compute_account(document)
    assert account.present_value > 0
    assert account.investment > 0
    assert 0 < account.sroi_ratio < 20
    assert abs(account.npv - (account.present_value - account.investment)) < Decimal("1e-20")
    assert account.payback_months is not None and account.payback_months > 0
    assert all(value is not None for value in account.report().values())
    stakeholder_ids = {s["id"] for s in document.get("stakeholders", [])}
    assert set(account.by_stakeholder) <= stakeholder_ids


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_example_sensitivity_and_charts(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    account = compute_account(document)
    sensitivity = compute_sensitivity(document)
    submitted, *changed = sensitivity.rows
    assert submitted.sroi_ratio == account.sroi_ratio
    negative = {o["id"] for o in document["outcomes"] if o.get("negative")}
    for row in changed:  # every change lowers the ratio, bar less of a value destroyed
        if row.outcome_id in negative:
            assert row.sroi_ratio > submitted.sroi_ratio, row.label
        else:
            assert row.sroi_ratio <= submitted.sroi_ratio, row.label
    assert len(sensitivity.switching) == len(document["outcomes"])
    names = {s["id"]: s["name"] for s in document.get("stakeholders", [])}
    assert "<svg" in value_by_stakeholder_svg(account, names)
    assert "<svg" in value_by_year_svg(account)
