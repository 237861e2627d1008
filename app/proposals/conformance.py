"""A fast yes-or-no: does a document certainly conform to a JSON Schema?

jsonschema explains what is wrong, but on the way it builds a validator object for every
value it visits, which made schema validation most of the cost of a whole check. The
proposal schema uses a handful of keywords, so :func:`compile_schema` turns it once into
nested predicates. A predicate answers True only where jsonschema would find no error. It
answers False where the value is wrong and also where it cannot be sure (a keyword it does
not know, a number that is neither int nor float, an enum of anything but text and null);
the caller then asks jsonschema for the errors. The answer can save time, never change one.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "examples", "default", "deprecated"}
)
OBJECT_KEYWORDS = frozenset({"properties", "additionalProperties", "required"})


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


TYPES: dict[str, Check] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "null": lambda value: value is None,
    "boolean": lambda value: isinstance(value, bool),
    "number": _is_number,
    "integer": _is_integer,
}


def compile_schema(schema: Any) -> Check:
    """A predicate that is True only for values jsonschema finds valid against ``schema``."""
    if schema is True:
        return _always
    if not isinstance(schema, dict):
        return _never
    fused = _fused(schema)
    if fused is not None:
        return fused
    checks: list[Check] = []
    if OBJECT_KEYWORDS & schema.keys():
        checks.append(_object(schema))
    for keyword, rule in schema.items():
        if keyword in ANNOTATIONS or keyword in OBJECT_KEYWORDS:
            continue
        make = KEYWORDS.get(keyword)
        if make is None:
            return _never
        checks.append(make(rule))
    if not checks:
        return _always
    return checks[0] if len(checks) == 1 else _every(checks)


def nesting_depth(schema: Any) -> int | None:
    """How deep lists and objects can nest in a value valid against ``schema`` (None: no limit).

    A value at the top counts as level 1, as in the parser's depth limit. Only a schema that
    closes every object (``additionalProperties: false``) and types every list has a limit.
    """
    if schema is False:
        return 0
    if not isinstance(schema, dict):
        return None
    named = schema.get("type")
    if named is None:
        scalar_enum = "enum" in schema or "const" in schema
        values = schema.get("enum", [schema.get("const")])
        return 0 if scalar_enum and all(not isinstance(v, dict | list) for v in values) else None
    types = {named} if isinstance(named, str) else set(named)
    depth = 0
    if "object" in types:
        if schema.get("additionalProperties", True) is not False:
            return None
        inner = [nesting_depth(sub) for sub in schema.get("properties", {}).values()]
        if None in inner:
            return None
        depth = 1 + max(inner, default=0)
    if "array" in types:
        below = nesting_depth(schema["items"]) if "items" in schema else None
        if below is None:
            return None
        depth = max(depth, 1 + below)
    return depth


# The schema's common shapes, each checked by one function (same answers, fewer calls) ------

_STRING_KEYS = frozenset({"type", "maxLength", "minLength", "pattern"})
_NUMBER_KEYS = frozenset({"type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})
_ARRAY_KEYS = frozenset({"type", "items", "maxItems"})
_OBJECT_KEYS = frozenset({"type", "properties", "additionalProperties", "required"})


def _fused(schema: dict) -> Check | None:
    """One check for a schema of a common shape: a type, optionally null, with its limits."""
    named = schema.get("type")
    types = [named] if isinstance(named, str) else named
    if not isinstance(types, list):
        return None
    nullable = "null" in types
    kinds = [kind for kind in types if kind != "null"]
    keys = schema.keys() - ANNOTATIONS
    if len(kinds) != 1 or len(types) != len(kinds) + nullable:
        return None
    kind = kinds[0]
    if kind == "string" and keys <= _STRING_KEYS:
        return _string(schema, nullable)
    if kind in ("number", "integer") and keys <= _NUMBER_KEYS:
        return _number(schema, nullable, kind == "integer")
    if kind == "array" and keys <= _ARRAY_KEYS:
        return _array(schema, nullable)
    if kind == "object" and keys <= _OBJECT_KEYS:
        return _typed_object(schema, nullable)
    return None


def _string(schema: dict, nullable: bool) -> Check:
    longest = schema.get("maxLength", math.inf)
    shortest = schema.get("minLength", 0)
    pattern = re.compile(schema["pattern"]).search if "pattern" in schema else None

    def check(value: Any) -> bool:
        if isinstance(value, str):
            return shortest <= len(value) <= longest and (pattern is None or bool(pattern(value)))
        return value is None and nullable

    return check


def _number(schema: dict, nullable: bool, integer: bool) -> Check:
    if not all(_is_number(rule) for key, rule in schema.items() if key in _NUMBER_KEYS - {"type"}):
        return _never
    low = schema.get("minimum", -math.inf)
    high = schema.get("maximum", math.inf)
    above = schema.get("exclusiveMinimum", -math.inf)
    below = schema.get("exclusiveMaximum", math.inf)
    kind = _is_integer if integer else _is_number

    def check(value: Any) -> bool:
        if kind(value):
            return (
                not value < low and not value > high and not value <= above and not value >= below
            )
        return value is None and nullable

    return check


def _array(schema: dict, nullable: bool) -> Check:
    item = compile_schema(schema.get("items", True))
    longest = schema.get("maxItems", math.inf)

    def check(value: Any) -> bool:
        if isinstance(value, list):
            if len(value) > longest:
                return False
            for each in value:  # noqa: SIM110 (a plain loop is faster than all() on a generator)
                if not item(each):
                    return False
            return True
        return value is None and nullable

    return check


def _typed_object(schema: dict, nullable: bool) -> Check:
    members = _object(schema)

    def check(value: Any) -> bool:
        if isinstance(value, dict):
            return members(value)
        return value is None and nullable

    return check


def _every(checks: list[Check]) -> Check:
    def check(value: Any) -> bool:
        for one in checks:  # noqa: SIM110 (a plain loop is faster than all() on a generator)
            if not one(value):
                return False
        return True

    return check


def _object(schema: dict) -> Check:
    """properties, additionalProperties and required, walked once over the instance."""
    known = schema.get("properties", {})
    required = schema.get("required", [])
    if not isinstance(known, dict) or not isinstance(required, list):
        return _never
    properties = {key: compile_schema(sub) for key, sub in known.items()}
    extra = compile_schema(schema.get("additionalProperties", True))

    needed = frozenset(required)

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for key, child in value.items():
            if not properties.get(key, extra)(child):
                return False
        return value.keys() >= needed

    return check


def _type(rule: Any) -> Check:
    names = [rule] if isinstance(rule, str) else rule
    if not isinstance(names, list) or not all(name in TYPES for name in names):
        return _never
    tests = [TYPES[name] for name in names]
    if len(tests) == 1:
        return tests[0]

    def check(value: Any) -> bool:
        for test in tests:  # noqa: SIM110 (a plain loop is faster than any() on a generator)
            if test(value):
                return True
        return False

    return check


def _enum(rule: Any) -> Check:
    if not isinstance(rule, list) or any(not isinstance(item, str | None) for item in rule):
        return _never
    texts = frozenset(item for item in rule if item is not None)
    allows_null = None in rule
    return lambda value: (
        (value is None and allows_null) or (isinstance(value, str) and value in texts)
    )


def _bound(holds: Callable[[Any, Any], bool]) -> Callable[[Any], Check]:
    def make(rule: Any) -> Check:
        if not _is_number(rule):
            return _never

        def check(value: Any) -> bool:
            if _is_number(value):
                return holds(value, rule)
            # booleans and non-numbers are not bounded; other number types are not sure
            return isinstance(value, bool) or not isinstance(value, numbers.Number)

        return check

    return make


def _length(holds: Callable[[int, int], bool]) -> Callable[[Any], Check]:
    def make(rule: Any) -> Check:
        return lambda value: not isinstance(value, str) or holds(len(value), rule)

    return make


def _pattern(rule: Any) -> Check:
    compiled = re.compile(rule)
    return lambda value: not isinstance(value, str) or compiled.search(value) is not None


def _max_items(rule: Any) -> Check:
    return lambda value: not isinstance(value, list) or len(value) <= rule


def _unique_items(rule: Any) -> Check:
    if not rule:
        return _always
    return lambda value: (
        not isinstance(value, list)
        or (all(type(item) is str for item in value) and len(set(value)) == len(value))
    )


def _items(rule: Any) -> Check:
    item = compile_schema(rule)

    def check(value: Any) -> bool:
        if isinstance(value, list):
            for each in value:
                if not item(each):
                    return False
        return True

    return check


KEYWORDS: dict[str, Callable[[Any], Check]] = {
    "type": _type,
    "enum": _enum,
    "const": lambda rule: _enum([rule]),
    "minimum": _bound(lambda value, rule: not value < rule),
    "maximum": _bound(lambda value, rule: not value > rule),
    "exclusiveMinimum": _bound(lambda value, rule: not value <= rule),
    "exclusiveMaximum": _bound(lambda value, rule: not value >= rule),
    "minLength": _length(lambda size, rule: not size < rule),
    "maxLength": _length(lambda size, rule: not size > rule),
    "pattern": _pattern,
    "maxItems": _max_items,
    "uniqueItems": _unique_items,
    "items": _items,
}
