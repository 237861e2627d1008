"""What a schema cannot say about a proposal document: unique ids and stakeholder references."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .wording import DocumentError, bad_id, error_at, field_name, quote

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def reference_errors(document: Any) -> Iterator[DocumentError]:
    """Unique ids among stakeholders and outcomes; references to stakeholders that exist."""
    if not isinstance(document, dict):
        return
    known = yield from _unique_ids(document, "stakeholders", "stakeholder")
    yield from _unique_ids(document, "outcomes", "outcome")
    for parts, value in _stakeholder_references(document):
        if not isinstance(value, str):
            continue
        if not SLUG.fullmatch(value):
            yield error_at(parts, bad_id(value))
        elif value not in known:
            yield error_at(parts, _unknown_stakeholder(value, known))


def _unique_ids(document: dict, section: str, noun: str) -> Iterator[DocumentError]:
    first_use: dict[str, int] = {}
    for index, item in _items(document, section):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        parts = [section, index, "id"]
        if not SLUG.fullmatch(ident):
            yield error_at(parts, bad_id(ident))
        if ident in first_use:
            other = field_name([section, first_use[ident]])
            yield error_at(
                parts, f"{quote(ident)} is already the id of {other}; each {noun} needs its own id"
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
        return f"{quote(value)} is not the id of any stakeholder; there are none yet"
    names = sorted(known)  # at most the schema's 200 stakeholders
    listed = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    return f"{quote(value)} is not the id of any stakeholder; the ids are: {listed}"
