"""Property: for random fact profiles, durable-rules fires exactly what the reference
interpreter says the same conditions hold for."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.checks import reference
from app.checks.conditions import All, AnyOf, Compare, Not, ParamRef
from app.checks.numbers import safe_number
from app.checks.rulebook import load_rulebook
from app.checks.vocabulary import FACTS, facts_on

from .conftest import MODEL, RULES

RULEBOOK = load_rulebook(RULES, MODEL)


def thresholds() -> dict[str, set]:
    """Every number a condition compares a fact with, so the search can land on boundaries."""
    found: dict[str, set] = {}

    def walk(condition) -> None:
        if isinstance(condition, Compare):
            operand = condition.operand
            value = operand.value if isinstance(operand, ParamRef) else operand
            if isinstance(value, int | float) and not isinstance(value, bool):
                found.setdefault(condition.fact, set()).update(
                    {value, safe_number(value - 0.0001), safe_number(value + 0.0001)}
                )
        elif isinstance(condition, Not):
            walk(condition.item)
        elif isinstance(condition, All | AnyOf):
            for item in condition.items:
                walk(item)

    for rule in RULEBOOK.rules:
        walk(rule.condition)
    return found


NEAR = thresholds()
SAFE_FLOAT = st.floats(0, 1e13, allow_nan=False).map(safe_number)


def value_of(name: str) -> st.SearchStrategy:
    """Values a fact can hold: by type, with the thresholds that matter to the rules."""
    spec = FACTS[name]
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "enum":
        return st.sampled_from(spec.values)
    near = sorted(v for v in NEAR.get(name, set()) if v >= 0)
    if spec.type == "count":
        base = st.one_of(st.integers(0, 3), st.integers(0, 10**7))
        whole = {int(v) for v in near if float(v).is_integer()}
        near = sorted({n + step for n in whole for step in (-1, 0, 1) if n + step >= 0})
    elif spec.type == "share":
        base = st.floats(0, 1).map(safe_number)
    else:
        base = SAFE_FLOAT
    return st.one_of(st.sampled_from(near), base) if near else base


def fact_of(entity: str, index: int) -> st.SearchStrategy:
    fields = {spec.name: value_of(spec.name) for spec in facts_on(entity, include_text=False)}
    return st.fixed_dictionaries(fields).map(
        lambda values: {"entity": entity, "index": index, **values}
    )


@st.composite
def fact_sets(draw) -> dict[str, list[dict]]:
    groups = draw(st.integers(0, 3))
    outcomes = draw(st.integers(0, 3))
    return {
        "proposal": [draw(fact_of("proposal", 0))],
        "stakeholder": [draw(fact_of("stakeholder", i)) for i in range(groups)],
        "outcome": [draw(fact_of("outcome", i)) for i in range(outcomes)],
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fact_sets())
def test_durable_rules_fires_what_the_reference_interpreter_says(facts) -> None:
    fired = RULEBOOK.fire(facts)
    assert len(fired) == len(set(fired)), "each finding once"
    assert set(fired) == reference.fired(RULEBOOK.rules, facts)


@settings(max_examples=100, deadline=None)
@given(fact_of("proposal", 0), st.sampled_from(sorted(NEAR)))
def test_boundaries_agree_fact_by_fact(fact, name) -> None:
    for value in NEAR[name]:
        if FACTS[name].type == "count" and not float(value).is_integer():
            continue
        if value < 0 or "proposal" not in FACTS[name].entities:
            continue
        probe = {**fact, name: value}
        assert set(RULEBOOK.fire({"proposal": [probe]})) == reference.fired(
            RULEBOOK.rules, {"proposal": [probe]}
        )
