"""The proposal document (format proposal/2): parsing, validation and comparison.

The JSON Schema in ``schema/proposal-2.schema.json`` states the shape of the document. This
module adds what a schema cannot say (unique ids, references between sections, finite numbers,
text that can be stored) and turns every problem into a :class:`DocumentError` whose message
names the field in plain English. Validation never raises on JSON-shaped input: it returns
errors. At most ``MAX_ERRORS`` errors are listed, so a hostile document cannot make a huge
report. Unknown fields are refused at every level, including the top level, so that a
misspelt field name is reported rather than silently ignored.

Documents in the earlier format, proposal/1 (``schema/proposal-1.schema.json``), are still
read: :func:`load_document` and :func:`convert_and_validate` first validate one against its own
schema, so that its errors name the fields its author wrote, then convert it
(:mod:`.convert`) and validate the result as proposal/2. :func:`validate_document` judges a
document as proposal/2 only: drafts and versions are stored in proposal/2.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Iterator
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from ..names import hidden_characters
from .conformance import Check, compile_schema, nesting_depth
from .convert import CURRENT, PREVIOUS, format_of, original_parts, to_current
from .parsing import MAX_DEPTH, MAX_DOCUMENT_BYTES, parse_document, read_document
from .references import reference_errors
from .wording import (
    BAD_CHARACTER,
    LONGEST_KEY,
    DocumentError,
    DocumentInvalid,
    error_at,
    field_name,
    pointer,
    quote,
    schema_error_messages,
    too_many,
)

__all__ = [
    "FORMAT",
    "KINDS",
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_ERRORS",
    "VERSIONS",
    "DocumentError",
    "DocumentInvalid",
    "convert_and_validate",
    "documents_equal",
    "empty_document",
    "load_document",
    "parse_document",
    "read_document",
    "schema",
    "validate_document",
]

MAX_ERRORS = 500
FORMAT = CURRENT
VERSIONS = (1, 2)
"""The format versions read: proposal/1 (converted on reading) and proposal/2."""
KINDS = ("challenge", "propose")

_SCHEMA_DIR = Path(__file__).parent / "schema"
_LATEST = 2
_INDEX = re.compile(r"[0-9]{1,18}")
_ROOT = object()


def schema(version: int = _LATEST) -> dict:
    """The JSON Schema (draft 2020-12) of proposal/2, or of another version: a copy."""
    return copy.deepcopy(_loaded_schema(version))


@cache
def _loaded_schema(version: int = _LATEST) -> dict:
    if version not in VERSIONS:
        raise ValueError(f"no proposal format version {version}")
    path = _SCHEMA_DIR / f"proposal-{version}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _validator(version: int = _LATEST) -> Draft202012Validator:
    return Draft202012Validator(_loaded_schema(version))


@cache
def _conforms(version: int = _LATEST) -> Check:
    return compile_schema(_loaded_schema(version))


@cache
def _conforms_within_depth(version: int = _LATEST) -> Check:
    """The schema check, when the schema itself keeps nesting within MAX_DEPTH."""
    depth = nesting_depth(_loaded_schema(version))
    if depth is None or depth > MAX_DEPTH:
        return lambda _document: False
    return _conforms(version)


def _conforms_as_marked(document: Any) -> bool:
    """The schema check of the version the document says it is in."""
    return _conforms_within_depth(_version_of(document))(document)


def _version_of(document: Any) -> int:
    """1 for a document marked proposal/1; 2 for anything else (judged as proposal/2)."""
    return 1 if format_of(document) == PREVIOUS else _LATEST


# Validation ----------------------------------------------------------------------------


def validate_document(
    document: Any, *, storable: bool = False, conforms: bool = False
) -> list[DocumentError]:
    """Every error in a proposal/2 document at once, sorted by path; empty when it is valid.

    ``storable`` and ``conforms`` pass on what ``read_document`` has just shown (every value
    storable; the schema certainly met), so that neither is worked out twice.

    A list longer than the schema allows is reported once, and only the items within the
    limit are examined further, so an oversized list costs no more than a full one. Past
    MAX_ERRORS errors, the first MAX_ERRORS are followed by one more, at path "", saying so.
    """
    return _validate(document, _LATEST, storable=storable, conforms=conforms)


def convert_and_validate(
    document: Any, *, storable: bool = False, conforms: bool = False
) -> tuple[Any, list[DocumentError]]:
    """A document of either format as proposal/2, with every error in it (none when valid).

    A proposal/1 document is validated as proposal/1 first, so that its errors name the fields
    its author wrote; a valid one is converted and validated as proposal/2, and any error
    found then is named where it came from in the original. With errors, the document comes
    back as it was given. ``conforms`` is what the schema of the document's own format said.
    """
    if _version_of(document) == _LATEST:
        return document, _validate(document, _LATEST, storable=storable, conforms=conforms)
    errors = _validate(document, 1, storable=storable, conforms=conforms)
    if errors:
        return document, errors
    current = to_current(document)
    errors = _validate(current, _LATEST, storable=storable)
    return (document, [_as_original(error) for error in errors]) if errors else (current, [])


def _as_original(error: DocumentError) -> DocumentError:
    """An error in a converted document, named at its place in the proposal/1 original."""
    parts = [int(part) if _INDEX.fullmatch(part) else part for part in _steps(error.path)]
    original = original_parts(parts)
    if original == parts:
        return error
    problem = error.message.removeprefix(f"{field_name(parts)}: ")
    return error_at(original, problem)


def _steps(path: str) -> list[str]:
    return [step.replace("~1", "/").replace("~0", "~") for step in path.split("/")[1:]]


def _validate(
    document: Any, version: int, *, storable: bool = False, conforms: bool = False
) -> list[DocumentError]:
    """Every error in a document judged as the given format version; see validate_document."""
    overlong: list[DocumentError] = []
    # A document that certainly conforms has no list to trim and no schema error to find.
    conforms = conforms or _conforms(version)(document)
    if not conforms:
        document = _trim(document, _loaded_schema(version), [], overlong)
    value_errors = [] if storable or _clean(document, 0) else list(_value_errors(document))
    value_paths = {error.path for error in value_errors}
    found: dict[tuple[str, str], DocumentError] = {}
    every = chain(
        overlong,
        () if conforms else _schema_errors(document, version, value_paths),
        value_errors,
        reference_errors(document, extended=version >= _LATEST),
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
    """Parse and validate JSON text of either format; the document as proposal/2.

    Raises DocumentInvalid listing every error (for a proposal/1 document, at its own paths).
    """
    document, storable, conforms = read_document(raw, _conforms_as_marked)
    current, errors = convert_and_validate(document, storable=storable, conforms=conforms)
    if errors:
        raise DocumentInvalid(errors)
    return current


def _trim(value: Any, sub: dict, parts: list, overlong: list[DocumentError]) -> Any:
    """A copy cut to each list's maxItems along the schema, noting the lists that were cut."""
    if isinstance(value, list) and isinstance(sub.get("items"), dict):
        limit = sub.get("maxItems", len(value))
        if len(value) > limit:
            overlong.append(error_at(parts, too_many(value, limit)))
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


def _schema_errors(document: Any, version: int, skip: set[str]) -> Iterator[DocumentError]:
    typed: set[str] = set()
    raw_errors = []
    for count, error in enumerate(_validator(version).iter_errors(document)):
        if count >= MAX_ERRORS * 2:
            break
        raw_errors.append(error)
        if error.validator == "type":
            typed.add(pointer(error.absolute_path))
    for error in raw_errors:
        path = pointer(error.absolute_path)
        if path in skip or (path in typed and error.validator != "type"):
            continue
        yield from schema_error_messages(error)


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
                (child, parts, name) for name, child in value.items() if len(name) <= LONGEST_KEY
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
    """A minimal proposal/2 draft with every top-level section present; valid when the
    arguments are. The sections only a challenge has are null for a proposal."""
    challenge = kind == "challenge"
    return {
        "format": FORMAT,
        "kind": kind,
        "title": title,
        "summary": "",
        "commissioner": commissioner,
        "organisation": {"name": organisation_name},
        "service": {"public_bodies": []},
        "contract": {},
        "expression_of_interest": {"consortium": []} if challenge else None,
        "need": {"evidence_ids": [], "objectives": [], "objectives_set_with": [], "options": []},
        "evidence": [],
        "stakeholders": [],
        "outcomes": [],
        "inputs": [],
        "savings": [],
        "vfm": {},
        "monitoring": {"indicators": []},
        "decommissioning": {"stakeholders_affected": []} if challenge else None,
        "equalities": {"groups_considered": [], "characteristics": []},
        "judgements": [],
        "discount_rate": None,
        "discount_rate_reason": None,
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
