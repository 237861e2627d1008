"""The proposal document (format proposal/1): parsing, validation and comparison.

The JSON Schema in ``schema/proposal-1.schema.json`` states the shape of the document. This
module adds what a schema cannot say (unique ids, references to stakeholders, finite numbers,
text that can be stored) and turns every problem into a :class:`DocumentError` whose message
names the field in plain English. Validation never raises on JSON-shaped input: it returns
errors. At most ``MAX_ERRORS`` errors are listed, so a hostile document cannot make a huge
report. Unknown fields are refused at every level, including the top level, so that a
misspelt field name is reported rather than silently ignored.
"""

from __future__ import annotations

import copy
import difflib
import json
import math
import re
from collections.abc import Iterator
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from ..names import hidden_characters
from .conformance import Check, compile_schema, nesting_depth
from .parsing import MAX_DEPTH, MAX_DOCUMENT_BYTES, parse_document, read_document
from .references import reference_errors
from .wording import (
    BAD_CHARACTER,
    DocumentError,
    DocumentInvalid,
    bad_id,
    describe,
    error_at,
    field_name,
    number_text,
    pointer,
    quote,
    truncate,
    type_names,
)

__all__ = [
    "FORMAT",
    "KINDS",
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_ERRORS",
    "DocumentError",
    "DocumentInvalid",
    "documents_equal",
    "empty_document",
    "load_document",
    "parse_document",
    "read_document",
    "schema",
    "validate_document",
]

MAX_ERRORS = 500
FORMAT = "proposal/1"
KINDS = ("challenge", "propose")

_SCHEMA_PATH = Path(__file__).parent / "schema" / "proposal-1.schema.json"
_MONEY_MAX = 1e12
_LONGEST_KEY = 100
_INDEX = re.compile(r"[0-9]{1,18}")
_ROOT = object()


def schema() -> dict:
    """The proposal/1 JSON Schema (draft 2020-12): a copy of the one loaded once."""
    return copy.deepcopy(_loaded_schema())


@cache
def _loaded_schema() -> dict:
    return json.loads(_SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(_loaded_schema())


@cache
def _conforms() -> Check:
    return compile_schema(_loaded_schema())


@cache
def _conforms_within_depth() -> Check:
    """The schema check, when the schema itself keeps nesting within MAX_DEPTH."""
    depth = nesting_depth(_loaded_schema())
    if depth is None or depth > MAX_DEPTH:
        return lambda _document: False
    return _conforms()


# Validation ----------------------------------------------------------------------------


def validate_document(
    document: Any, *, storable: bool = False, conforms: bool = False
) -> list[DocumentError]:
    """Every error in a document at once, sorted by path; an empty list when it is valid.

    ``storable`` and ``conforms`` pass on what ``read_document`` has just shown (every value
    storable; the schema certainly met), so that neither is worked out twice.

    A list longer than the schema allows is reported once, and only the items within the
    limit are examined further, so an oversized list costs no more than a full one. Past
    MAX_ERRORS errors, the first MAX_ERRORS are followed by one more, at path "", saying so.
    """
    overlong: list[DocumentError] = []
    # A document that certainly conforms has no list to trim and no schema error to find.
    conforms = conforms or _conforms()(document)
    if not conforms:
        document = _trim(document, _loaded_schema(), [], overlong)
    value_errors = [] if storable or _clean(document, 0) else list(_value_errors(document))
    value_paths = {error.path for error in value_errors}
    found: dict[tuple[str, str], DocumentError] = {}
    every = chain(
        overlong,
        () if conforms else _schema_errors(document, value_paths),
        value_errors,
        reference_errors(document),
        _name_errors(document),
    )
    for error in every:
        found.setdefault((error.path, error.message), error)
        if len(found) > MAX_ERRORS:
            break
    errors = sorted(found.values(), key=lambda error: (_path_key(error.path), error.message))
    if len(errors) > MAX_ERRORS:
        errors = errors[:MAX_ERRORS]
        errors.append(
            DocumentError("", f"More than {MAX_ERRORS} errors: fix these and check again.")
        )
    return errors


def load_document(raw: bytes | str) -> dict:
    """Parse and validate JSON text; raise DocumentInvalid listing every error."""
    document, storable, conforms = read_document(raw, _conforms_within_depth())
    errors = validate_document(document, storable=storable, conforms=conforms)
    if errors:
        raise DocumentInvalid(errors)
    return document


def _trim(value: Any, sub: dict, parts: list, overlong: list[DocumentError]) -> Any:
    """A copy cut to each list's maxItems along the schema, noting the lists that were cut."""
    if isinstance(value, list) and isinstance(sub.get("items"), dict):
        limit = sub.get("maxItems", len(value))
        if len(value) > limit:
            overlong.append(error_at(parts, _too_many(value, limit)))
        items = sub["items"]
        return [_trim(item, items, [*parts, i], overlong) for i, item in enumerate(value[:limit])]
    if isinstance(value, dict) and "properties" in sub:
        known = sub["properties"]
        return {
            key: _trim(child, known[key], [*parts, key], overlong) if key in known else child
            for key, child in value.items()
        }
    return value


def _path_key(path: str) -> tuple:
    parts = path.split("/")[1:] if path else []
    return tuple((0, int(part), "") if _INDEX.fullmatch(part) else (1, 0, part) for part in parts)


def _schema_errors(document: Any, skip: set[str]) -> Iterator[DocumentError]:
    typed: set[str] = set()
    raw_errors = []
    for count, error in enumerate(_validator().iter_errors(document)):
        if count >= MAX_ERRORS * 2:
            break
        raw_errors.append(error)
        if error.validator == "type":
            typed.add(pointer(error.absolute_path))
    for error in raw_errors:
        path = pointer(error.absolute_path)
        if path in skip or (path in typed and error.validator != "type"):
            continue
        yield from _describe_error(error)


def _describe_error(error: ValidationError) -> Iterator[DocumentError]:
    parts = list(error.absolute_path)
    kind, instance, rule = error.validator, error.instance, error.validator_value
    if kind == "required" and isinstance(instance, dict):
        for key in rule:
            if key not in instance:
                yield error_at([*parts, key], "missing (this field is required)")
    elif kind == "additionalProperties" and isinstance(instance, dict):
        allowed = list(error.schema.get("properties", {}))
        for key in instance:
            if key not in allowed:
                yield _unknown_field(parts, key, allowed)
    else:
        yield error_at(parts, _problem(error))


def _unknown_field(parts: list, key: Any, allowed: list[str]) -> DocumentError:
    where = f"in {field_name(parts)}" if parts else "at the top level"
    hint = difflib.get_close_matches(str(key)[:100], allowed, n=1)
    guess = f'did you mean "{hint[0]}"? ' if hint else ""
    text = f"unknown field; {guess}the fields allowed {where} are: {', '.join(allowed)}"
    if isinstance(key, str) and len(key) <= _LONGEST_KEY and not BAD_CHARACTER.search(key):
        return error_at([*parts, key], text)
    return error_at(parts, f"{quote(str(key))} is an {text}")


def _problem(error: ValidationError) -> str:
    """What is wrong with one value, for the validators the schema uses."""
    kind, instance, rule, sub = error.validator, error.instance, error.validator_value, error.schema
    if kind == "enum" or (kind == "type" and "enum" in sub):
        choices = sub["enum"]
        named = ", ".join(str(value) for value in choices if value is not None)
        tail = " (or null when not known)" if None in choices else ""
        return f"{describe(instance)} is not allowed; use one of: {named}{tail}"
    if kind == "type":
        return f"expected {type_names(rule)}, got {describe(instance)}"
    if kind == "const":
        return f'{describe(instance)} is not recognised; this must be "{rule}"'
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return _bound_problem(kind, instance, rule, sub)
    if kind in ("maxLength", "minLength") and isinstance(instance, str):
        bound = "at most" if kind == "maxLength" else "at least"
        return f"the text is {len(instance):,} characters long; {bound} {rule:,} are allowed"
    if kind == "pattern":
        return bad_id(instance) if rule.startswith("^[a-z0-9]") else "has the wrong form"
    if kind == "maxItems" and isinstance(instance, list):
        return _too_many(instance, rule)
    if kind == "uniqueItems":
        return f"{describe(_first_repeat(instance))} is listed more than once"
    return truncate(error.message, 200)


def _bound_problem(kind: str, instance: Any, rule: float, sub: dict) -> str:
    relation = {
        "minimum": "is less than",
        "maximum": "is more than",
        "exclusiveMinimum": "must be more than",
        "exclusiveMaximum": "must be less than",
    }[kind]
    if sub.get("minimum") == 0 and sub.get("maximum") == 1:
        hint = "shares and rates are fractions from 0 to 1, so 25% is 0.25"
    elif sub.get("maximum") == _MONEY_MAX:
        hint = f"money is in pounds, from 0 to {number_text(_MONEY_MAX)}"
    else:
        hint = f"allowed: {_range(sub)}"
    return f"{describe(instance)} {relation} {number_text(rule)} ({hint})"


def _range(sub: dict) -> str:
    if "exclusiveMinimum" in sub:
        low = f"more than {number_text(sub['exclusiveMinimum'])}"
        return low + (f" and at most {number_text(sub['maximum'])}" if "maximum" in sub else "")
    low = f"from {number_text(sub.get('minimum', 0))}"
    return low + (f" to {number_text(sub['maximum'])}" if "maximum" in sub else " upwards")


def _too_many(items: list, limit: int) -> str:
    return f"the list has {len(items):,} items; at most {limit:,} are allowed"


def _first_repeat(items: Any) -> Any:
    seen: list = []
    for item in items if isinstance(items, list) else []:
        if any(item == other and type(item) is type(other) for other in seen):
            return item
        seen.append(item)
    return None


# Checks the schema cannot express ------------------------------------------------------


def _value_errors(document: Any) -> Iterator[DocumentError]:
    """Non-finite numbers, text that cannot be stored, keys that are not text, deep nesting."""
    # Each entry holds its parent's path and its own key: most values are fine leaves, so
    # a value's own path is built only when it has a problem or children.
    stack: list[tuple[Any, list, Any]] = [(document, [], _ROOT)]
    count = 0
    while stack and count <= MAX_ERRORS:
        value, above, key = stack.pop()
        depth = len(above) if key is _ROOT else len(above) + 1
        problem = _value_problem(value, depth)
        if problem:
            count += 1
            yield error_at(above if key is _ROOT else [*above, key], problem)
        elif isinstance(value, dict):
            parts = above if key is _ROOT else [*above, key]
            # A key this long is an unknown field, already reported: its contents are not.
            stack.extend(
                (child, parts, name) for name, child in value.items() if len(name) <= _LONGEST_KEY
            )
        elif isinstance(value, list):
            parts = above if key is _ROOT else [*above, key]
            stack.extend((child, parts, index) for index, child in enumerate(value))


NAME_PATHS = (("title",), ("commissioner",), ("organisation", "name"), ("service", "name"))


def _name_errors(document: Any) -> Iterator[DocumentError]:
    """Names people read as someone's identity must not hide characters that disguise them."""
    for parts in NAME_PATHS:
        value = document
        for part in parts:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str) and hidden_characters(value):
            codes = ", ".join(dict.fromkeys(hidden_characters(value)))
            yield error_at(
                list(parts),
                f"must not contain invisible or direction-changing characters ({codes})",
            )


def _clean(value: Any, depth: int) -> bool:
    """True only when ``_value_errors`` would find nothing: one quick pass, no paths built."""
    if isinstance(value, str):
        return BAD_CHARACTER.search(value) is None
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return depth < MAX_DEPTH and all(
            isinstance(key, str) and not BAD_CHARACTER.search(key) and _clean(child, depth + 1)
            for key, child in value.items()
        )
    if isinstance(value, list):
        return depth < MAX_DEPTH and all(_clean(child, depth + 1) for child in value)
    return True


def _value_problem(value: Any, depth: int) -> str | None:
    if isinstance(value, float) and math.isnan(value):
        return "NaN is not a number JSON allows; give a number or null"
    if isinstance(value, float) and math.isinf(value):
        return "infinity is not allowed; give a finite number or null"
    if isinstance(value, str) and BAD_CHARACTER.search(value):
        return "the text holds a character that cannot be stored (NUL or a lone surrogate)"
    if isinstance(value, dict | list) and depth >= MAX_DEPTH:
        return f"lists and objects are nested more than {MAX_DEPTH} levels deep"
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str) or BAD_CHARACTER.search(key):
                return f"the field name {quote(str(key))} is not valid text"
    return None


# Building and comparing ----------------------------------------------------------------


def empty_document(kind: str, title: str, organisation_name: str, commissioner: str) -> dict:
    """A minimal draft with every top-level section present; valid when the arguments are."""
    return {
        "format": FORMAT,
        "kind": kind,
        "title": title,
        "summary": "",
        "commissioner": commissioner,
        "organisation": {"name": organisation_name},
        "service": {"public_bodies": []},
        "contract": {},
        "need": {"objectives": [], "objectives_set_with": [], "options": []},
        "stakeholders": [],
        "outcomes": [],
        "inputs": [],
        "savings": [],
        "vfm": {},
        "monitoring": {"indicators": []},
        "decommissioning": {"stakeholders_affected": []} if kind == "challenge" else None,
        "equalities": {"groups_considered": []},
        "judgements": [],
        "discount_rate": None,
        "first_year_discounted": None,
    }


def documents_equal(a: Any, b: Any) -> bool:
    """Whether two documents hold the same values, counting 1 and 1.0 as equal (not true)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(documents_equal(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(documents_equal, a, b))
    return type(a) is type(b) and a == b
