"""Properties of the value account that must hold for any document."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.value.account import compute_account
from app.value.sensitivity import SCENARIOS, compute_sensitivity

SHARE_FIELDS = ("deadweight", "attribution", "displacement", "drop_off")

shares = st.integers(0, 100).map(lambda n: n / 100)
pennies = st.integers(0, 10_000_000)


@st.composite
def positive_outcomes(draw):
    """An outcome that creates value, with float fields as they arrive from JSON."""
    return {
        "id": f"o{draw(st.integers(0, 10_000))}",
        "quantity": draw(st.integers(0, 5_000)),
        "proxy": {"value": draw(pennies) / 100},
        "duration_years": draw(st.integers(1, 20)) / 2,
        **{field: draw(shares) for field in SHARE_FIELDS},
    }


@st.composite
def documents(draw):
    return {
        "outcomes": draw(st.lists(positive_outcomes(), min_size=1, max_size=4)),
        "inputs": [{"type": "cash", "value": draw(st.integers(1, 10_000_000)) / 100}],
        "discount_rate": draw(st.integers(0, 100)) / 1000,
        "first_year_discounted": draw(st.booleans()),
    }


@settings(max_examples=150, deadline=None)
@given(
    document=documents(),
    field=st.sampled_from(SHARE_FIELDS),
    which=st.integers(0, 3),
    rise=st.integers(1, 100).map(lambda n: n / 100),
)
def test_ratio_never_rises_when_a_share_rises(document, field, which, rise):
    before = compute_account(document).sroi_ratio
    changed = dict(document, outcomes=[dict(o) for o in document["outcomes"]])
    target = changed["outcomes"][which % len(changed["outcomes"])]
    target[field] = min(1.0, target[field] + rise)
    assert compute_account(changed).sroi_ratio <= before


@settings(max_examples=150, deadline=None)
@given(st.lists(pennies, min_size=1, max_size=30))
def test_inputs_sum_without_float_drift(amounts):
    document = {"inputs": [{"type": "in_kind", "value": cents / 100} for cents in amounts]}
    account = compute_account(document)
    assert account.investment == Decimal(sum(amounts)) / 100
    assert account.investment_by_type["in_kind"] == account.investment


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1000), pennies), min_size=1, max_size=10))
def test_undiscounted_one_year_value_is_exact(pairs):
    outcomes = [
        {"id": f"o{n}", "quantity": quantity, "proxy": {"value": cents / 100}}
        for n, (quantity, cents) in enumerate(pairs)
    ]
    account = compute_account({"outcomes": outcomes, "discount_rate": 0})
    expected = Decimal(sum(quantity * cents for quantity, cents in pairs)) / 100
    assert account.present_value == expected
    assert account.by_year == (expected,)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(pennies, st.booleans(), st.integers(0, 25)), max_size=10))
def test_savings_totals_are_exact(items):
    savings = [
        {"body": "Council", "annual_value": cents / 100, "cashable": cashable, "years": years}
        for cents, cashable, years in items
    ]
    summary = compute_account({"savings": savings}).savings
    cashable = sum(cents * years for cents, flag, years in items if flag)
    non_cashable = sum(cents * years for cents, flag, years in items if not flag)
    assert summary.cashable_total == Decimal(cashable) / 100
    assert summary.non_cashable_total == Decimal(non_cashable) / 100


def _changed(document: dict, label: str, only: int | None = None) -> dict:
    """The document with the assumption a sensitivity row names changed in every outcome, or
    only in the outcome at index ``only`` for a row that cuts one outcome's quantity."""
    outcomes = []
    for index, outcome in enumerate(document["outcomes"]):
        outcome = dict(outcome, proxy=dict(outcome["proxy"]))
        if only is not None or label == "Quantities -25%":
            if only is None or only == index:
                outcome["quantity"] = float(Decimal(str(outcome["quantity"])) * 3 / 4)
        elif label == "Proxies -25%":
            outcome["proxy"]["value"] = float(Decimal(str(outcome["proxy"]["value"])) * 3 / 4)
        else:
            field = label.split(" +")[0].lower().replace("-", "_")
            outcome[field] = float(min(Decimal(1), Decimal(str(outcome[field])) + Decimal("0.1")))
        outcomes.append(outcome)
    return dict(document, outcomes=outcomes)


@settings(max_examples=150, deadline=None)
@given(document=documents(), negative=st.booleans())
def test_each_sensitivity_row_is_the_ratio_of_the_changed_document(document, negative):
    """The rows are worked out by factoring each outcome's present value; recomputing the
    whole account of the changed document gives the same ratio (to 20 significant digits)."""
    document["outcomes"][0]["negative"] = negative
    rows = compute_sensitivity(document).rows
    assert rows[0].sroi_ratio == compute_account(document).sroi_ratio
    one_at_a_time = rows[1 + len(SCENARIOS) :]
    assert len(one_at_a_time) == len(document["outcomes"])
    for index, row in enumerate(rows[1:]):
        only = index - len(SCENARIOS) if row.outcome_id is not None else None
        expected = compute_account(_changed(document, row.label, only)).sroi_ratio
        assert abs(row.sroi_ratio - expected) <= abs(expected) * Decimal("1e-20") + Decimal(
            "1e-20"
        ), row.label
