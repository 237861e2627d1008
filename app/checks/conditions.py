"""The ``when`` language: parsing a rule's condition into a small typed tree.

A condition is one of::

    {all: [condition, ...]}      every one holds
    {any: [condition, ...]}      at least one holds
    {not: condition}             it does not hold
    {fact: NAME, OP: OPERAND}    a comparison, exactly one operator

with OP one of eq, ne, lt, lte, gt, gte, in, is (``is`` is ``eq``, for reading aloud) and
OPERAND a literal, ``{fact: OTHER}`` (another fact on the same entity) or ``{param: NAME}``
(a parameter, replaced by its value at load time). ``in`` takes a list of literals. Facts
are checked against the vocabulary and types: a boolean compares with true or false, an
enum with its values, a number with numbers and parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union

from app.checks.numbers import is_safe_number
from app.checks.parameters import Parameter
from app.checks.vocabulary import FACTS, NUMERIC_TYPES, FactSpec

OPERATORS = ("eq", "ne", "lt", "lte", "gt", "gte", "in", "is")
ORDERING = ("lt", "lte", "gt", "gte")
Literal = Union[bool, int, float, str]  # noqa: UP007


class ConditionError(ValueError):
    """A condition that cannot be used; the message gives the reason."""


@dataclass(frozen=True)
class FactRef:
    """Another fact on the same entity, as the right-hand side of a comparison."""

    name: str


@dataclass(frozen=True)
class ParamRef:
    """A parameter, resolved to its value when the rules were loaded."""

    name: str
    value: float | int
    label: str


@dataclass(frozen=True)
class Compare:
    """``fact OP operand``; for ``in`` the operand is a tuple of literals."""

    fact: str
    op: str
    operand: Literal | FactRef | ParamRef | tuple[Literal, ...]


@dataclass(frozen=True)
class All:
    """Every item holds."""

    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    """At least one item holds."""

    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    """The item does not hold."""

    item: Condition


Condition = Union[Compare, All, AnyOf, Not]  # noqa: UP007


def parse_condition(raw: object, entity: str, parameters: Mapping[str, Parameter]) -> Condition:
    """Parse and type-check one condition for facts on ``entity``."""
    if not isinstance(raw, dict) or not raw:
        raise ConditionError(f"a condition must be a mapping, not {raw!r}")
    if "fact" in raw:
        return _comparison(raw, entity, parameters)
    if len(raw) != 1:
        raise ConditionError(f"expected one of all, any, not or fact; got {sorted(raw)}")
    ((key, value),) = raw.items()
    if key in ("all", "any"):
        if not isinstance(value, list) or not value:
            raise ConditionError(f"'{key}' needs a non-empty list of conditions")
        items = tuple(parse_condition(item, entity, parameters) for item in value)
        return All(items) if key == "all" else AnyOf(items)
    if key == "not":
        return Not(parse_condition(value, entity, parameters))
    raise ConditionError(f"unknown condition key '{key}' (use all, any, not or fact)")


def fact_for(name: object, entity: str) -> FactSpec:
    """The vocabulary entry for a fact named in a condition on ``entity``."""
    spec = FACTS.get(name) if isinstance(name, str) else None
    if spec is None:
        raise ConditionError(f"unknown fact {name!r}: it is not in the fact vocabulary")
    if entity not in spec.entities:
        raise ConditionError(f"fact '{name}' is not available on a {entity} fact")
    if spec.type == "text":
        raise ConditionError(f"fact '{name}' is text for messages; conditions cannot use it")
    return spec


def _comparison(raw: dict, entity: str, parameters: Mapping[str, Parameter]) -> Compare:
    spec = fact_for(raw["fact"], entity)
    ops = [key for key in raw if key != "fact"]
    if len(ops) != 1 or ops[0] not in OPERATORS:
        raise ConditionError(
            f"a comparison on '{spec.name}' needs exactly one operator of "
            f"{', '.join(OPERATORS)}; got {ops}"
        )
    op = ops[0]
    value = raw[op]
    if op == "in":
        if not isinstance(value, list) or not value:
            raise ConditionError(f"'in' on '{spec.name}' needs a non-empty list of values")
        return Compare(spec.name, op, tuple(check_literal(spec, item) for item in value))
    if isinstance(value, dict):
        return Compare(spec.name, op, _reference(spec, op, value, entity, parameters))
    if op in ORDERING and spec.type not in NUMERIC_TYPES:
        raise ConditionError(f"'{op}' needs a number but fact '{spec.name}' is {spec.type}")
    return Compare(spec.name, op, check_literal(spec, value))


def _reference(
    spec: FactSpec, op: str, value: dict, entity: str, parameters: Mapping[str, Parameter]
) -> FactRef | ParamRef:
    if set(value) == {"param"}:
        parameter = parameters.get(value["param"]) if isinstance(value["param"], str) else None
        if parameter is None:
            raise ConditionError(f"unknown parameter {value['param']!r}")
        if spec.type not in NUMERIC_TYPES:
            raise ConditionError(f"fact '{spec.name}' is {spec.type}: compare it with a value")
        return ParamRef(parameter.name, parameter.value, parameter.label)
    if set(value) == {"fact"}:
        other = fact_for(value["fact"], entity)
        same_kind = (spec.type in NUMERIC_TYPES and other.type in NUMERIC_TYPES) or (
            spec.type == other.type and spec.values == other.values
        )
        if not same_kind or (op in ORDERING and spec.type not in NUMERIC_TYPES):
            raise ConditionError(f"fact '{spec.name}' cannot be compared with '{other.name}'")
        return FactRef(other.name)
    raise ConditionError(f"an operand mapping must be {{fact: NAME}} or {{param: NAME}}: {value}")


def check_literal(spec: FactSpec, value: object) -> Literal:
    """Check that ``value`` is a literal a fact of this type can hold; return it."""
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise ConditionError(f"fact '{spec.name}' is true or false, not {value!r}")
    elif spec.type == "enum":
        if value not in spec.values:
            raise ConditionError(
                f"fact '{spec.name}' is one of {', '.join(spec.values)}, not {value!r}"
            )
    elif not is_safe_number(value):
        raise ConditionError(
            f"fact '{spec.name}' is a number; {value!r} is not one with at most 4 decimal places"
        )
    elif spec.type == "count" and (value < 0 or not float(value).is_integer()):
        raise ConditionError(f"fact '{spec.name}' is a count; {value!r} is not a whole number")
    return value  # type: ignore[return-value]


def facts_named(condition: Condition) -> set[str]:
    """Every fact a condition names, on either side of a comparison."""
    if isinstance(condition, Compare):
        named = {condition.fact}
        if isinstance(condition.operand, FactRef):
            named.add(condition.operand.name)
        return named
    if isinstance(condition, Not):
        return facts_named(condition.item)
    return set().union(*(facts_named(item) for item in condition.items))
