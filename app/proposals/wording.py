"""Errors in a proposal document and the plain-English wording of where and what they are."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$-]{0,59}")
BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
QUOTE_LIMIT = 60


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
