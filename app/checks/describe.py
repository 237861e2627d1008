"""Conditions in plain English, for the public rules page and the rules list command."""

from __future__ import annotations

from app.checks.catalogue import DECOMMISSIONING_KIND, KINDS, TIERS
from app.checks.conditions import All, AnyOf, Compare, Condition, FactRef, Not, ParamRef
from app.checks.numbers import show_number
from app.checks.translate import NEGATED
from app.checks.vocabulary import FACTS, FactSpec

PHRASES = {
    "eq": "is",
    "is": "is",
    "ne": "is not",
    "lt": "is less than",
    "lte": "is at most",
    "gt": "is more than",
    "gte": "is at least",
}


def describe_condition(condition: Condition) -> str:
    """A condition in plain English, e.g. 'the SROI ratio is more than 10 (the plausible
    maximum)'."""
    if isinstance(condition, Compare):
        return _comparison(condition)
    if isinstance(condition, Not):
        if isinstance(condition.item, Compare):
            return _comparison(condition.item, negated=True)
        return f"it is not the case that {_grouped(condition.item)}"
    joiner = " and " if isinstance(condition, All) else " or "
    return joiner.join(_grouped(item) for item in condition.items)


def _grouped(condition: Condition) -> str:
    text = describe_condition(condition)
    return f"({text})" if isinstance(condition, All | AnyOf) else text


def _comparison(condition: Compare, negated: bool = False) -> str:
    spec = FACTS[condition.fact]
    operand = condition.operand
    if condition.op == "in":
        values = [_literal(spec, value) for value in operand]  # type: ignore[union-attr]
        if len(values) == 1:
            return f"{spec.label} {'is not' if negated else 'is'} {values[0]}"
        if negated:
            return f"{spec.label} is neither {', '.join(values[:-1])} nor {values[-1]}"
        return f"{spec.label} is {', '.join(values[:-1])} or {values[-1]}"
    op = NEGATED[condition.op] if negated else condition.op
    if spec.type == "bool" and isinstance(operand, bool):
        return spec.describe_value(operand == (op in ("eq", "is")))
    if isinstance(operand, FactRef):
        right = FACTS[operand.name].label
    elif isinstance(operand, ParamRef):
        right = f"{_literal(spec, operand.value)} ({operand.label})"
    else:
        right = _literal(spec, operand)
    return f"{spec.label} {PHRASES[op]} {right}"


def _literal(spec: FactSpec, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return show_number(value, spec.type)
    return str(value)


def describe_scope(kinds: tuple[str, ...], tiers: tuple[str, ...], each: str | None) -> str:
    """Where a rule applies, e.g. 'Challenges at the standard and full tiers, each outcome'."""
    who = (
        {
            ("challenge",): "Challenges",
            ("propose",): "Proposals",
            (DECOMMISSIONING_KIND,): "Decommissioning assessments",
        }.get(tuple(kinds), "Challenges and proposals")
        if set(kinds) != set(KINDS)
        else "Every case"
    )
    ordered = [tier for tier in TIERS if tier in tiers]
    if set(tiers) == set(TIERS):
        where = "at every tier"
    elif len(ordered) == 1:
        where = f"at the {ordered[0]} tier"
    else:
        where = f"at the {' and '.join(ordered)} tiers"
    item = {
        "stakeholder": ", for each stakeholder group",
        "outcome": ", for each outcome",
        "group": ", for each affected group",
    }
    return f"{who} {where}{item.get(each or '', '')}"
