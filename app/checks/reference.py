"""The reference interpreter: the rules' conditions evaluated in plain Python.

This is the test oracle for the durable-rules adapter. The property tests compare what the
engine fires with what this interpreter says for random fact profiles, and the benchmark
times it beside the engine. It is never used to produce a check report.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence

from app.checks.conditions import All, AnyOf, Compare, Condition, FactRef, Not, ParamRef
from app.checks.rule import Rule

_COMPARE: dict[str, Callable[[object, object], bool]] = {
    "eq": operator.eq,
    "is": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
}


def holds(condition: Condition, fact: Mapping[str, object]) -> bool:
    """Whether ``condition`` holds for one flat fact."""
    if isinstance(condition, Compare):
        left = fact[condition.fact]
        operand = condition.operand
        if condition.op == "in":
            return left in operand  # type: ignore[operator]
        if isinstance(operand, FactRef):
            right = fact[operand.name]
        elif isinstance(operand, ParamRef):
            right = operand.value
        else:
            right = operand
        return _COMPARE[condition.op](left, right)
    if isinstance(condition, Not):
        return not holds(condition.item, fact)
    if isinstance(condition, All):
        return all(holds(item, fact) for item in condition.items)
    return any(holds(item, fact) for item in condition.items)


def fired(
    rules: Iterable[Rule], facts: Mapping[str, Sequence[Mapping[str, object]]]
) -> set[tuple[str, int]]:
    """(rule id, item index) of every rule whose condition holds, per the reference."""
    hits = set()
    for rule in rules:
        for fact in facts.get(rule.entity, ()):
            if holds(rule.condition, fact):
                hits.add((rule.id, int(fact["index"])))  # type: ignore[call-overload]
    return hits


__all__ = ["AnyOf", "fired", "holds"]
