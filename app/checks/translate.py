"""Translating conditions into durable-rules conditions, and measuring their size.

Negation is pushed down to the comparisons first (``not gt`` becomes ``lte``, ``not all``
becomes ``any`` of the negations), because durable-rules has no ``not`` for a single fact.
``in`` over an enum fact becomes the cheaper of ``any`` equal to the listed values or
``all`` not equal to the others, so ``tiers: [standard, full]`` is just ``tier != light``.
Every rule starts with the positive discriminator ``{"entity": ...}``.
"""

from __future__ import annotations

from app.checks.conditions import All, AnyOf, Compare, Condition, FactRef, Not, ParamRef
from app.checks.vocabulary import FACTS

TRUE = All(())
FALSE = AnyOf(())
NEGATED = {"eq": "ne", "is": "ne", "ne": "eq", "lt": "gte", "lte": "gt", "gt": "lte", "gte": "lt"}
DURABLE_OP = {"ne": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}
NEVER = {"$lt": {"id": -1}}  # every fact's id is its index, never negative


def normal_form(condition: Condition, negated: bool = False) -> Condition:
    """The condition with negation pushed to comparisons and ``in`` expanded."""
    if isinstance(condition, Not):
        return normal_form(condition.item, not negated)
    if isinstance(condition, Compare):
        return _compare(condition, negated)
    items = tuple(normal_form(item, negated) for item in condition.items)
    conjunction = isinstance(condition, All) != negated
    return _join(items, conjunction)


def _join(items: tuple[Condition, ...], conjunction: bool) -> Condition:
    """All/AnyOf of ``items``, flattened, with the constants TRUE and FALSE folded away."""
    absorbing, neutral = (FALSE, TRUE) if conjunction else (TRUE, FALSE)
    if absorbing in items:
        return absorbing
    kind = All if conjunction else AnyOf
    flat: list[Condition] = []
    for item in items:
        if item == neutral:
            continue
        flat.extend(item.items if isinstance(item, kind) else (item,))
    if len(flat) == 1:
        return flat[0]
    return kind(tuple(flat))


def _compare(condition: Compare, negated: bool) -> Condition:
    if condition.op != "in":
        op = NEGATED[condition.op] if negated else ("eq" if condition.op == "is" else condition.op)
        return Compare(condition.fact, op, condition.operand)
    listed = tuple(dict.fromkeys(condition.operand))  # type: ignore[arg-type]
    domain = FACTS[condition.fact].values
    if domain:
        inside = listed if not negated else tuple(v for v in domain if v not in listed)
        outside = tuple(v for v in domain if v not in inside)
        if len(outside) < len(inside):
            return _join(tuple(Compare(condition.fact, "ne", v) for v in outside), True)
        return _join(tuple(Compare(condition.fact, "eq", v) for v in inside), False)
    op = "ne" if negated else "eq"
    return _join(tuple(Compare(condition.fact, op, v) for v in listed), negated)


def to_durable(condition: Condition, entity: str) -> dict:
    """The durable-rules ``m`` condition of a rule over facts of ``entity``."""
    body = normal_form(condition)
    terms = [{"entity": entity}]
    if isinstance(body, All):
        terms.extend(_emit(item) for item in body.items)
    elif body != TRUE:
        terms.append(_emit(body))
    return {"$and": terms}


def _emit(condition: Condition) -> dict:
    if isinstance(condition, Compare):
        operand = condition.operand
        if isinstance(operand, FactRef):
            operand = {"$m": operand.name}
        elif isinstance(operand, ParamRef):
            operand = operand.value
        if condition.op == "eq":
            return {condition.fact: operand}
        return {DURABLE_OP[condition.op]: {condition.fact: operand}}
    if condition == FALSE:
        return NEVER
    key = "$and" if isinstance(condition, All) else "$or"
    return {key: [_emit(item) for item in condition.items]}  # type: ignore[union-attr]


def size(condition: Condition) -> tuple[int, int]:
    """(branches, comparisons) of the condition once expanded into alternatives.

    durable-rules matches each alternative of an ``$or`` separately, so these numbers bound
    the matches one fact can make and the condition nodes a rule costs.
    """
    return _size(normal_form(condition))


def _size(condition: Condition) -> tuple[int, int]:
    if isinstance(condition, Compare):
        return 1, 1
    parts = [_size(item) for item in condition.items]  # type: ignore[union-attr]
    if isinstance(condition, AnyOf):
        return max(1, sum(b for b, _ in parts)), sum(n for _, n in parts)
    branches, nodes = 1, 0
    for b, n in parts:
        nodes = nodes * b + n * branches
        branches *= b
    return branches, nodes
