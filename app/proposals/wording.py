"""Errors in a proposal document and the plain-English wording of where and what they are."""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jsonschema import ValidationError

from .convert import CURRENT, PBR, PREVIOUS, RENAMED

IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$-]{0,59}")
BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
QUOTE_LIMIT = 60
LONGEST_KEY = 100
"""A field name longer than this is an unknown field not worth repeating in a path."""
_MONEY_MAX = 1e12
_PATTERN_PROBLEMS = {
    "^https?://": "must be a web address starting with http:// or https://",
}


@dataclass(frozen=True)
class DocumentError:
    """One problem with a document: where it is (a JSON Pointer) and what is wrong."""

    path: str
    message: str

    def as_dict(self) -> dict:
        """The error as ``{"path": ..., "message": ...}`` for JSON responses."""
        return {"path": self.path, "message": self.message}


class DocumentInvalid(Exception):
    """Raised when a document cannot be read or does not match the format."""

    def __init__(self, errors: list[DocumentError]) -> None:
        self.errors = list(errors)
        first = self.errors[0].message if self.errors else "the document is not valid"
        more = len(self.errors) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))


def error_at(parts: list, problem: str) -> DocumentError:
    return DocumentError(pointer(parts), f"{field_name(parts)}: {problem}")


def pointer(parts: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def field_name(parts: list) -> str:
    """A readable name for a place in the document, e.g. ``stakeholders[1].involvement``."""
    if not parts:
        return "the document"
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif isinstance(part, str) and IDENTIFIER.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{quote(str(part))}]"
    return text


TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "an object ({...})",
    "array": "a list ([...])",
    "null": "null",
}


def type_names(rule: str | list[str]) -> str:
    names = [TYPE_NAMES.get(name, name) for name in ([rule] if isinstance(rule, str) else rule)]
    return " or ".join(names)


def describe(value: Any) -> str:
    """A short description of a value that never repeats more than a little of it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, list):
        return f"a list of {len(value):,} items" if value else "an empty list"
    if isinstance(value, dict):
        return "an object"
    return f"a value of type {type(value).__name__}"


def number_text(value: float) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else "infinity"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}" if value.bit_length() < 200 else "a number with over 60 digits"
    return truncate(repr(value), QUOTE_LIMIT)


def quote(text: str) -> str:
    """A value in quotes, cut to a few words, with control and unstorable characters escaped."""
    clean = BAD_CHARACTER.sub("\ufffd", truncate(text, QUOTE_LIMIT))
    return json.dumps(clean, ensure_ascii=False)


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bad_id(value: Any) -> str:
    """Why a value cannot be an id."""
    return (
        f"{describe(value)} is not a valid id; use 1 to 64 lower-case letters, digits and "
        'hyphens, starting with a letter or digit (for example "young-carers")'
    )


# What to write instead -------------------------------------------------------------------
# One phrase for each limit the format sets. A question page says it after the question as
# the page asks it ("Title: enter at least 3 characters"); the document's errors say it after
# the place in the document, so a page and the check-answers page ask for the same thing.


def enter_at_least(least: int) -> str:
    """What to write when the text is too short (or missing where text is needed)."""
    return f"enter at least {least:,} character{'' if least == 1 else 's'}"


def use_at_most(most: int) -> str:
    """What to write when the text is too long."""
    return f"use {most:,} characters or fewer"


def number_within(low: str, high: str, exclusive: bool) -> str:
    """What to write when a number is outside the format's range (bounds as people write them)."""
    if exclusive:
        return f"enter a number more than {low} and at most {high}"
    return f"enter a number from {low} to {high}"


def write_like(example: str) -> str:
    """What to write when an answer does not have the form the format gives it."""
    return f"write it, like {example}" if example else "write it in the form the hint shows"


def at_most_lines(most: int) -> str:
    """What to write when a list of one answer a line is too long."""
    return f"write {most:,} lines or fewer"


def shorter_line(number: int, longest: int) -> str:
    """What to write when one line of such a list is too long."""
    return f"line {number} is too long; use {longest:,} characters or fewer on each line"


# how a number of each kind is written, for the message when what was typed cannot be read
NUMBER_FORMS = {
    "money": "a number of pounds, like 180,000",
    "amount": "a number of pounds, like 180,000, with a minus sign for a loss",
    "percent": "a percentage, like 20% or 3.5%",
    "years": "a number of years, like 3 or 2.5",
    "number": "a number, like 1,200",
    "whole": "a whole number, like {example}",
}


def enter_number(kind: str, example: str = "1,200") -> str:
    """What to write when the text typed for a number of this kind cannot be read."""
    return "enter " + NUMBER_FORMS[kind].format(example=example)


# What a schema error means -------------------------------------------------------------


def schema_error_messages(error: ValidationError) -> Iterator[DocumentError]:
    """The errors, in plain English, that one jsonschema error stands for."""
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
    renamed = RENAMED.get(key) if tuple(parts) == PBR else None
    if renamed in allowed:
        guess = f'"{key}" of {PREVIOUS} is "{renamed}" in {CURRENT}; '
    else:
        hint = difflib.get_close_matches(str(key)[:100], allowed, n=1)
        guess = f'did you mean "{hint[0]}"? ' if hint else ""
    text = f"unknown field; {guess}the fields allowed {where} are: {', '.join(allowed)}"
    if isinstance(key, str) and len(key) <= LONGEST_KEY and not BAD_CHARACTER.search(key):
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
    if kind == "const" and list(error.absolute_path) == ["format"]:
        return (
            f'{describe(instance)} is not recognised; this must be "{rule}" (a document in '
            f'"{PREVIOUS}" is converted to "{CURRENT}" when it is imported or checked)'
        )
    if kind == "const":
        return f'{describe(instance)} is not recognised; this must be "{rule}"'
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return _bound_problem(kind, instance, rule, sub)
    if kind in ("maxLength", "minLength") and isinstance(instance, str):
        wanted = use_at_most(rule) if kind == "maxLength" else enter_at_least(rule)
        return f"the text is {len(instance):,} characters long; {wanted}"
    if kind == "pattern":
        return _pattern_problem(instance, rule)
    if kind == "maxItems" and isinstance(instance, list):
        return too_many(instance, rule)
    if kind == "uniqueItems":
        return f"{describe(_first_repeat(instance))} is listed more than once"
    return truncate(error.message, 200)


def _pattern_problem(instance: Any, rule: str) -> str:
    if rule.startswith("^[a-z0-9]"):
        return bad_id(instance)
    found = next((text for start, text in _PATTERN_PROBLEMS.items() if rule.startswith(start)), "")
    return f"{describe(instance)} {found}" if found else "has the wrong form"


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
        low = number_text(sub.get("minimum", 0))
        hint = f"money is in pounds, from {low} to {number_text(_MONEY_MAX)}"
    else:
        hint = _range(sub)
    return f"{describe(instance)} {relation} {number_text(rule)} ({hint})"


def _range(sub: dict) -> str:
    """The format's range in the words a page uses for it ("enter a number from 0 to 25")."""
    exclusive = "exclusiveMinimum" in sub
    low = number_text(sub["exclusiveMinimum"] if exclusive else sub.get("minimum", 0))
    if "maximum" in sub:
        return number_within(low, number_text(sub["maximum"]), exclusive)
    return f"enter a number {'more than' if exclusive else 'from'} {low}" + (
        "" if exclusive else " upwards"
    )


def too_many(items: list, limit: int) -> str:
    """Why a list is too long."""
    return f"the list has {len(items):,} items; at most {limit:,} are allowed"


def _first_repeat(items: Any) -> Any:
    seen: list = []
    for item in items if isinstance(items, list) else []:
        if any(item == other and type(item) is type(other) for other in seen):
            return item
        seen.append(item)
    return None
