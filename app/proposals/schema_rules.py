"""What the proposal JSON Schema allows at a place in the document (no Flask).

Forms read their limits from here, so a question's maximum length, range or list size is the
format's own, and an answer a form accepts is one the document can hold. Places are paths of
keys, with "*" for any item of a list.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from .document import schema

Path = tuple[str, ...]


@dataclass(frozen=True)
class Limits:
    """The schema's rule at a place, as the forms need it."""

    types: frozenset[str] = frozenset()
    min_length: int = 0
    max_length: int | None = None
    pattern: str | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    exclusive_minimum: bool = False
    max_items: int | None = None
    values: tuple = ()  # the values allowed, for a choice (or a list's items)

    @property
    def nullable(self) -> bool:
        """Whether null (not provided) may be written here."""
        return "null" in self.types


@cache
def _schema() -> dict:
    return schema()


def rule_at(path: Path) -> dict | None:
    """The schema's rule at a place, or None when the format has no such place."""
    node: Any = _schema()
    for key in path:
        node = _resolve(node)
        if key == "*":
            node = _branch(node, "array").get("items")
        else:
            node = _branch(node, "object").get("properties", {}).get(key)
        if not isinstance(node, dict):
            return None
    return _resolve(node)


@cache
def limits_at(path: Path) -> Limits:
    """The limits at a place (no limits where the format has no such place)."""
    rule = rule_at(path)
    if rule is None:
        return Limits()
    items = _branch(rule, "array").get("items")
    items = _resolve(items) if isinstance(items, dict) else {}
    scalar = _scalar(rule)
    low = scalar.get("exclusiveMinimum", scalar.get("minimum"))
    return Limits(
        types=frozenset(types_of(rule)),
        min_length=int(scalar.get("minLength", 0)),
        max_length=scalar.get("maxLength", items.get("maxLength")),
        pattern=scalar.get("pattern", items.get("pattern")),
        minimum=None if low is None else Decimal(str(low)),
        maximum=_decimal(scalar.get("maximum")),
        exclusive_minimum="exclusiveMinimum" in scalar,
        max_items=_branch(rule, "array").get("maxItems"),
        values=tuple(v for v in _enum(rule) or _enum(items) if v is not None),
    )


def types_of(rule: dict) -> set[str]:
    """The JSON types a rule accepts ("integer" counts as a kind of "number")."""
    rule = _resolve(rule)
    found: set[str] = set()
    declared = rule.get("type")
    if isinstance(declared, str):
        found.add(declared)
    elif isinstance(declared, list):
        found.update(declared)
    for key in ("anyOf", "oneOf"):
        for branch in rule.get(key, []):
            found |= types_of(branch)
    for value in rule.get("enum", []) + ([rule["const"]] if "const" in rule else []):
        found.add(_json_type(value))
    return found


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {float: "number", str: "string", list: "array", dict: "object"}[type(value)]


def _resolve(node: Any) -> Any:
    """Follow a local "$ref" ("#/$defs/..."), keeping the rule's own keywords beside it."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: Any = _schema()
        for key in node["$ref"].removeprefix("#/").split("/"):
            target = target.get(key, {}) if key and isinstance(target, dict) else target
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _branch(rule: dict, json_type: str) -> dict:
    """The part of a rule that applies to values of one type (a branch of anyOf or oneOf)."""
    for key in ("anyOf", "oneOf"):
        for branch in rule.get(key, []):
            branch = _resolve(branch)
            if json_type in types_of(branch):
                return branch
    return rule


def _scalar(rule: dict) -> dict:
    """The branch of a rule for a string or number, whichever it accepts."""
    for json_type in ("string", "number", "integer", "boolean"):
        branch = _branch(rule, json_type)
        if branch is not rule:
            return branch
    return rule


def _enum(rule: dict) -> list:
    for branch in [rule, *rule.get("anyOf", []), *rule.get("oneOf", [])]:
        branch = _resolve(branch)
        if isinstance(branch.get("enum"), list):
            return branch["enum"]
    return []


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
