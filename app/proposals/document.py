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

import codecs
import copy
import difflib
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from .conformance import Check, compile_schema

MAX_DOCUMENT_BYTES = 1_000_000
MAX_DEPTH = 64
MAX_ERRORS = 500
FORMAT = "proposal/1"
KINDS = ("challenge", "propose")

_SCHEMA_PATH = Path(__file__).parent / "schema" / "proposal-1.schema.json"
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$-]{0,59}")
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
_QUOTE_LIMIT = 60
_MONEY_MAX = 1e12
_LONGEST_KEY = 100
_INDEX = re.compile(r"[0-9]{1,18}")
_ROOT = object()


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


class _Refused(Exception):
    """Internal: a JSON text the parser must not accept."""


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


# Parsing -------------------------------------------------------------------------------


def parse_document(raw: bytes | str) -> dict:
    """Read JSON text into a dict, refusing anything the format cannot hold."""
    try:
        document = json.loads(
            _decode(raw), parse_constant=_refuse_constant, parse_float=_finite_float
        )
    except _Refused as exc:
        raise _invalid(str(exc)) from None
    except json.JSONDecodeError as exc:
        if not exc.doc.strip():
            raise _invalid("The file is empty: it should hold one JSON object.") from None
        where = f"line {exc.lineno}, column {exc.colno}"
        raise _invalid(f"The file is not valid JSON: {exc.msg} at {where}.") from None
    except RecursionError:
        raise _invalid(_too_deep()) from None
    except ValueError:
        raise _invalid("The file holds a number with too many digits to read.") from None
    if not isinstance(document, dict):
        found = "a list" if isinstance(document, list) else "a single value"
        raise _invalid(f"The file must hold one JSON object ({{...}}) at the top, not {found}.")
    if _depth(document) > MAX_DEPTH:
        raise _invalid(_too_deep())
    return document


def _decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        size = len(raw) if len(raw) > MAX_DOCUMENT_BYTES else _utf8_size(raw)
        _check_size(size)
        return raw.removeprefix("\ufeff")
    _check_size(len(raw))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _invalid("The file is UTF-16 text; save it as UTF-8 and try again.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _invalid(
            f"The file is not UTF-8 text (byte {exc.start + 1} cannot be read); "
            "save it as UTF-8 and try again."
        ) from None


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _check_size(size: int) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise _invalid(
            f"The file is larger than 1 MB ({size:,} bytes; at most {MAX_DOCUMENT_BYTES:,} "
            "are allowed). Shorten long text or remove pasted data."
        )


def _refuse_constant(name: str) -> float:
    raise _Refused(
        f"The file holds {name}, which is not a number JSON allows: use a number or null."
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"The file holds the number {_quote(text)}, which is too large to use.")
    return value


def _too_deep() -> str:
    return f"The file nests lists and objects more than {MAX_DEPTH} levels deep."


def _invalid(message: str) -> DocumentInvalid:
    return DocumentInvalid([DocumentError("", message)])


def _depth(value: Any, level: int = 1) -> int:
    """How deep lists and objects nest, counted no further than one past MAX_DEPTH."""
    if isinstance(value, dict):
        children = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return 0
    if level > MAX_DEPTH:
        return level
    deepest = level
    for child in children:
        if isinstance(child, dict | list):
            deepest = max(deepest, _depth(child, level + 1))
            if deepest > MAX_DEPTH:
                break
    return deepest


# Validation ----------------------------------------------------------------------------


def validate_document(document: Any) -> list[DocumentError]:
    """Every error in a document at once, sorted by path; an empty list when it is valid.

    A list longer than the schema allows is reported once, and only the items within the
    limit are examined further, so an oversized list costs no more than a full one. Past
    MAX_ERRORS errors, the first MAX_ERRORS are followed by one more, at path "", saying so.
    """
    overlong: list[DocumentError] = []
    # A document that certainly conforms has no list to trim and no schema error to find.
    conforms = _conforms()(document)
    if not conforms:
        document = _trim(document, _loaded_schema(), [], overlong)
    value_errors = [] if _clean(document, 0) else list(_value_errors(document))
    value_paths = {error.path for error in value_errors}
    found: dict[tuple[str, str], DocumentError] = {}
    every = chain(
        overlong,
        () if conforms else _schema_errors(document, value_paths),
        value_errors,
        _reference_errors(document),
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
    document = parse_document(raw)
    errors = validate_document(document)
    if errors:
        raise DocumentInvalid(errors)
    return document


def _trim(value: Any, sub: dict, parts: list, overlong: list[DocumentError]) -> Any:
    """A copy cut to each list's maxItems along the schema, noting the lists that were cut."""
    if isinstance(value, list) and isinstance(sub.get("items"), dict):
        limit = sub.get("maxItems", len(value))
        if len(value) > limit:
            overlong.append(_error(parts, _too_many(value, limit)))
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
            typed.add(_pointer(error.absolute_path))
    for error in raw_errors:
        path = _pointer(error.absolute_path)
        if path in skip or (path in typed and error.validator != "type"):
            continue
        yield from _describe_error(error)


def _describe_error(error: ValidationError) -> Iterator[DocumentError]:
    parts = list(error.absolute_path)
    kind, instance, rule = error.validator, error.instance, error.validator_value
    if kind == "required" and isinstance(instance, dict):
        for key in rule:
            if key not in instance:
                yield _error([*parts, key], "missing (this field is required)")
    elif kind == "additionalProperties" and isinstance(instance, dict):
        allowed = list(error.schema.get("properties", {}))
        for key in instance:
            if key not in allowed:
                yield _unknown_field(parts, key, allowed)
    else:
        yield _error(parts, _problem(error))


def _unknown_field(parts: list, key: Any, allowed: list[str]) -> DocumentError:
    where = f"in {_field(parts)}" if parts else "at the top level"
    hint = difflib.get_close_matches(str(key)[:100], allowed, n=1)
    guess = f'did you mean "{hint[0]}"? ' if hint else ""
    text = f"unknown field; {guess}the fields allowed {where} are: {', '.join(allowed)}"
    if isinstance(key, str) and len(key) <= _LONGEST_KEY and not _BAD_CHARACTER.search(key):
        return _error([*parts, key], text)
    return _error(parts, f"{_quote(str(key))} is an {text}")


def _problem(error: ValidationError) -> str:
    """What is wrong with one value, for the validators the schema uses."""
    kind, instance, rule, sub = error.validator, error.instance, error.validator_value, error.schema
    if kind == "enum" or (kind == "type" and "enum" in sub):
        choices = sub["enum"]
        named = ", ".join(str(value) for value in choices if value is not None)
        tail = " (or null when not known)" if None in choices else ""
        return f"{_describe(instance)} is not allowed; use one of: {named}{tail}"
    if kind == "type":
        return f"expected {_type_names(rule)}, got {_describe(instance)}"
    if kind == "const":
        return f'{_describe(instance)} is not recognised; this must be "{rule}"'
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return _bound_problem(kind, instance, rule, sub)
    if kind in ("maxLength", "minLength") and isinstance(instance, str):
        bound = "at most" if kind == "maxLength" else "at least"
        return f"the text is {len(instance):,} characters long; {bound} {rule:,} are allowed"
    if kind == "pattern":
        return _bad_id(instance) if rule.startswith("^[a-z0-9]") else "has the wrong form"
    if kind == "maxItems" and isinstance(instance, list):
        return _too_many(instance, rule)
    if kind == "uniqueItems":
        return f"{_describe(_first_repeat(instance))} is listed more than once"
    return _truncate(error.message, 200)


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
        hint = f"money is in pounds, from 0 to {_number(_MONEY_MAX)}"
    else:
        hint = f"allowed: {_range(sub)}"
    return f"{_describe(instance)} {relation} {_number(rule)} ({hint})"


def _range(sub: dict) -> str:
    if "exclusiveMinimum" in sub:
        low = f"more than {_number(sub['exclusiveMinimum'])}"
        return low + (f" and at most {_number(sub['maximum'])}" if "maximum" in sub else "")
    low = f"from {_number(sub.get('minimum', 0))}"
    return low + (f" to {_number(sub['maximum'])}" if "maximum" in sub else " upwards")


def _too_many(items: list, limit: int) -> str:
    return f"the list has {len(items):,} items; at most {limit:,} are allowed"


def _bad_id(value: Any) -> str:
    return (
        f"{_describe(value)} is not a valid id; use 1 to 64 lower-case letters, digits and "
        'hyphens, starting with a letter or digit (for example "young-carers")'
    )


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
            yield _error(above if key is _ROOT else [*above, key], problem)
        elif isinstance(value, dict):
            parts = above if key is _ROOT else [*above, key]
            # A key this long is an unknown field, already reported: its contents are not.
            stack.extend(
                (child, parts, name) for name, child in value.items() if len(name) <= _LONGEST_KEY
            )
        elif isinstance(value, list):
            parts = above if key is _ROOT else [*above, key]
            stack.extend((child, parts, index) for index, child in enumerate(value))


def _clean(value: Any, depth: int) -> bool:
    """True only when ``_value_errors`` would find nothing: one quick pass, no paths built."""
    if isinstance(value, str):
        return _BAD_CHARACTER.search(value) is None
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return depth < MAX_DEPTH and all(
            isinstance(key, str) and not _BAD_CHARACTER.search(key) and _clean(child, depth + 1)
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
    if isinstance(value, str) and _BAD_CHARACTER.search(value):
        return "the text holds a character that cannot be stored (NUL or a lone surrogate)"
    if isinstance(value, dict | list) and depth >= MAX_DEPTH:
        return f"lists and objects are nested more than {MAX_DEPTH} levels deep"
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str) or _BAD_CHARACTER.search(key):
                return f"the field name {_quote(str(key))} is not valid text"
    return None


def _reference_errors(document: Any) -> Iterator[DocumentError]:
    """Unique ids among stakeholders and outcomes; references to stakeholders that exist."""
    if not isinstance(document, dict):
        return
    known = yield from _unique_ids(document, "stakeholders", "stakeholder")
    yield from _unique_ids(document, "outcomes", "outcome")
    for parts, value in _stakeholder_references(document):
        if not isinstance(value, str):
            continue
        if not _SLUG.fullmatch(value):
            yield _error(parts, _bad_id(value))
        elif value not in known:
            yield _error(parts, _unknown_stakeholder(value, known))


def _unique_ids(document: dict, section: str, noun: str) -> Iterator[DocumentError]:
    first_use: dict[str, int] = {}
    for index, item in _items(document, section):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        parts = [section, index, "id"]
        if not _SLUG.fullmatch(ident):
            yield _error(parts, _bad_id(ident))
        if ident in first_use:
            other = _field([section, first_use[ident]])
            yield _error(
                parts, f"{_quote(ident)} is already the id of {other}; each {noun} needs its own id"
            )
        else:
            first_use[ident] = index
    return set(first_use)


def _stakeholder_references(document: dict) -> Iterator[tuple[list, Any]]:
    for section in ("outcomes", "inputs"):
        for index, item in _items(document, section):
            if "stakeholder" in item:
                yield [section, index, "stakeholder"], item["stakeholder"]
    for section, key in (
        ("need", "objectives_set_with"),
        ("decommissioning", "stakeholders_affected"),
    ):
        holder = document.get(section)
        values = holder.get(key) if isinstance(holder, dict) else None
        for index, value in enumerate(values if isinstance(values, list) else []):
            yield [section, key, index], value


def _items(document: dict, section: str) -> Iterator[tuple[int, dict]]:
    items = document.get(section)
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield index, item


def _unknown_stakeholder(value: str, known: set[str]) -> str:
    if not known:
        return f"{_quote(value)} is not the id of any stakeholder; there are none yet"
    names = sorted(known)  # at most the schema's 200 stakeholders
    listed = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    return f"{_quote(value)} is not the id of any stakeholder; the ids are: {listed}"


# Messages ------------------------------------------------------------------------------


def _error(parts: list, problem: str) -> DocumentError:
    return DocumentError(_pointer(parts), f"{_field(parts)}: {problem}")


def _pointer(parts: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _field(parts: list) -> str:
    """A readable name for a place in the document, e.g. ``stakeholders[1].involvement``."""
    if not parts:
        return "the document"
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif isinstance(part, str) and _IDENTIFIER.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{_quote(str(part))}]"
    return text


_TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "an object ({...})",
    "array": "a list ([...])",
    "null": "null",
}


def _type_names(rule: str | list[str]) -> str:
    names = [_TYPE_NAMES.get(name, name) for name in ([rule] if isinstance(rule, str) else rule)]
    return " or ".join(names)


def _describe(value: Any) -> str:
    """A short description of a value that never repeats more than a little of it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, list):
        return f"a list of {len(value):,} items" if value else "an empty list"
    if isinstance(value, dict):
        return "an object"
    return f"a value of type {type(value).__name__}"


def _number(value: float) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else "infinity"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}" if value.bit_length() < 200 else "a number with over 60 digits"
    return _truncate(repr(value), _QUOTE_LIMIT)


def _quote(text: str) -> str:
    """A value in quotes, cut to a few words, with control and unstorable characters escaped."""
    clean = _BAD_CHARACTER.sub("\ufffd", _truncate(text, _QUOTE_LIMIT))
    return json.dumps(clean, ensure_ascii=False)


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
