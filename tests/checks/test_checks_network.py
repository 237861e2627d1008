"""The model of durable-rules' network: its stack bound, checked against the engine itself."""

import itertools
import json

import durable_rules_engine as core
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.checks.network import MAX_EXPRESSIONS, MAX_STACK, NetworkError, expressions, stack_peak

_NAMES = itertools.count()


def rule(*terms: dict) -> dict:
    """A rule's ``m`` over trial facts, starting as every rule does with its entity."""
    return {"$and": [{"entity": "trial"}, *terms]}


def engine_answer(conditions: list[dict], fact: dict) -> int:
    """What the engine answers when ``fact`` (its properties in this order) is asserted into
    a throwaway ruleset of rules with these conditions: 0, or the error code (303: stack)."""
    definition = {f"r{i}": {"all": [{"m": condition}]} for i, condition in enumerate(conditions)}
    handle = core.create_ruleset(f"valuecase_trial_{next(_NAMES)}", json.dumps(definition))
    try:
        text = json.dumps({"sid": "1", "id": 0, "entity": "trial", **fact})
        code = core.assert_fact(handle, text)
    except core.error as error:
        return int(str(error).rsplit(" ", 1)[-1])
    core.delete_ruleset(handle)  # only once the fact was taken: never after error 303
    return code[0]


def test_one_comparison_per_rule_needs_one_place_per_rule() -> None:
    assert stack_peak([rule({"$gte": {f"f{i}": 0}}) for i in range(10)]) == 10
    assert stack_peak([{"entity": "trial"}]) == 1  # the catch-all shares the entity node


def test_equal_comparisons_are_shared_and_those_with_another_fact_never() -> None:
    same = [rule({"a": 1}, {"$gt": {f"b{i}": 0}}) for i in range(5)]
    assert stack_peak(same) == 5  # one node for a == 1, its five children
    assert stack_peak([rule({"a": 1}), rule({"a": 1.0})]) == 2  # an int is not a double
    facts = [rule({"$gt": {"a": {"$m": "b"}}}) for _ in range(3)]
    assert stack_peak(facts) == 3


def test_an_or_joins_its_alternatives_and_a_shared_alternative_gathers_joins() -> None:
    # a, b and c under the entity, each pushing the join, which pushes d
    assert stack_peak([rule({"$or": [{"a": 1}, {"b": 1}, {"c": 1}]}, {"d": 1})]) == 3
    # s is shared by every rule: popped, it pushes the join of each
    shared = [rule({"$or": [{"s": 1}, {f"b{i}": 1}]}) for i in range(20)]
    assert stack_peak(shared) == 21 - 1 + 20


def test_conditions_the_model_does_not_rebuild_are_refused() -> None:
    with pytest.raises(NetworkError, match=r"\$mt"):
        stack_peak([rule({"$mt": {"a": "x.*"}})])
    with pytest.raises(NetworkError, match="list of conditions"):
        stack_peak([rule({"$or": []})])
    with pytest.raises(NetworkError, match="operand"):
        stack_peak([rule({"a": [1, 2]})])


def nested(leaves: int, under: int) -> list[dict]:
    """``leaves`` one-comparison rules and ``under`` rules sharing x == 1 before their own."""
    flat = [rule({"$gte": {f"a{i}": 0}}) for i in range(leaves)]
    return flat + [rule({"x": 1}, {"$gte": {f"b{j}": 0}}) for j in range(under)]


def holding(leaves: int, under: int) -> dict:
    return {**{f"a{i}": 1 for i in range(leaves)}, **{f"b{j}": 1 for j in range(under)}}


@pytest.mark.parametrize(("leaves", "under"), [(40, 24), (10, 54)])
def test_the_engine_takes_what_the_model_bounds_and_refuses_one_more(leaves, under) -> None:
    """With x written last it is popped first, while every leaf waits below it: the worst
    order, which reaches the bound exactly."""
    assert stack_peak(nested(leaves, under)) == MAX_STACK
    worst = {**holding(leaves, under), "x": 1}
    assert engine_answer(nested(leaves, under), worst) == 0
    assert stack_peak(nested(leaves, under + 1)) == MAX_STACK + 1
    assert engine_answer(nested(leaves, under + 1), {**holding(leaves, under + 1), "x": 1}) == 303
    # in a kinder order the same network fits: the model bounds every order
    assert engine_answer(nested(leaves, under + 1), {"x": 1, **holding(leaves, under + 1)}) == 0


def test_joins_gathered_by_a_shared_alternative_count_as_the_model_says() -> None:
    def shared(count: int) -> list[dict]:
        return [rule({"$or": [{"s": 1}, {f"b{i}": 1}]}) for i in range(count)]

    def fact(count: int) -> dict:
        return {**{f"b{i}": 1 for i in range(count)}, "s": 1}

    assert stack_peak(shared(32)) == MAX_STACK
    assert engine_answer(shared(32), fact(32)) == 0
    assert stack_peak(shared(33)) > MAX_STACK
    assert engine_answer(shared(33), fact(33)) == 303


def creation_answer(condition: dict) -> int:
    """0 when the engine creates a ruleset of one rule with this condition, else its error."""
    definition = {"r": {"all": [{"m": condition}]}}
    try:
        handle = core.create_ruleset(f"valuecase_trial_{next(_NAMES)}", json.dumps(definition))
    except core.error as error:
        return int(str(error).rsplit(" ", 1)[-1])
    core.delete_ruleset(handle)
    return 0


def test_a_rule_takes_the_expressions_the_model_counts_and_no_more_than_the_engine_keeps():
    def nested(levels: int, references: int = 0) -> dict:
        """A rule whose alternatives nest ``levels`` deep, with comparisons between facts."""
        condition = rule(*({"$gt": {f"a{i}": {"$m": f"b{i}"}}} for i in range(references)))
        for level in range(levels):
            condition = {"$or": [condition, {f"c{level}": 1}]}
        return condition

    assert expressions(rule({"a": 1}, {"$gt": {"b": {"$m": "c"}}})) == 2  # comparisons: none
    assert expressions(nested(3)) == 2 + 3 * 2
    for references in (0, 40):  # comparisons with another fact take none either
        assert expressions(nested(14, references)) == MAX_EXPRESSIONS - 1
        assert creation_answer(nested(14, references)) == 0
        assert expressions(nested(15, references)) == MAX_EXPRESSIONS + 1
        assert creation_answer(nested(15, references)) == 113


# Random rulesets in which every comparison holds for a fact with every field at 1, over a
# few facts and values so that nodes are shared.
HOLDS = {"$gte": [0, 1], "$lte": [1, 2], "$gt": [0], "$lt": [2], "$neq": [0, 5], "eq": [1]}
FACTS = [f"f{i}" for i in range(6)]


@st.composite
def comparison(draw) -> dict:
    fact = draw(st.sampled_from(FACTS))
    operator = draw(st.sampled_from(sorted(HOLDS)))
    value = draw(st.sampled_from(HOLDS[operator]))
    return {fact: value} if operator == "eq" else {operator: {fact: value}}


terms = st.recursive(
    comparison(),
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=4).map(lambda items: {"$or": items}),
        st.lists(inner, min_size=1, max_size=3).map(lambda items: {"$and": items}),
    ),
    max_leaves=8,
)
rulesets = st.lists(st.lists(terms, min_size=1, max_size=3), min_size=20, max_size=60)


@settings(max_examples=40, deadline=None)
@given(rulesets, st.permutations(FACTS))
def test_a_ruleset_the_model_fits_never_overflows_the_engine(rules, order) -> None:
    conditions = [rule(*terms) for terms in rules] + [{"entity": "trial"}]
    assume(all(expressions(condition) <= MAX_EXPRESSIONS for condition in conditions))
    if stack_peak(conditions) <= MAX_STACK:
        assert engine_answer(conditions, dict.fromkeys(order, 1)) == 0
