"""Reading fields of a proposal document that may be missing, null or of another type.

Every helper answers for any JSON value, so fact derivation never fails on a partial draft.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.checks.substance import figures


def section(document: Mapping[str, Any], name: str) -> dict:
    """A document section as a dict, empty when missing or null."""
    value = document.get(name)
    return value if isinstance(value, dict) else {}


def listed(value: object) -> list:
    """A list from the document, empty when missing or null."""
    return value if isinstance(value, list) else []


def mappings(value: object) -> list[dict]:
    """The mappings of a list from the document (anything else in it left out)."""
    return [item for item in listed(value) if isinstance(item, dict)]


def filled(text: object) -> bool:
    """Whether a text field holds anything but spaces."""
    return type(text) is str and text != "" and not text.isspace()


def is_number(value: object) -> bool:
    """Whether a value from the document is a number (a boolean is not; JSON gives no other
    kind of int or float)."""
    kind = type(value)
    return kind is float or kind is int


def distinct_filled(values: Sequence[object]) -> int:
    """How many distinct non-blank strings a list holds (ignoring case and spaces)."""
    return len({v.strip().casefold() for v in values if filled(v)})


def same_name(left: object, right: object) -> bool:
    """Whether two names are the same, ignoring case and surrounding spaces."""
    return filled(left) and filled(right) and left.strip().casefold() == right.strip().casefold()


def listing(names: Sequence[str], empty: str = "none") -> str:
    """Names in a sentence: 'a', 'a and b', 'a, b and c'; ``empty`` when there are none."""
    names = list(dict.fromkeys(names))
    if not names:
        return empty
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def sourced(item: Mapping[str, Any]) -> bool:
    """Whether an evidence item gives a figure (a number in `figure`) and a source (a title
    with a publisher or a url)."""
    source = item.get("source") if isinstance(item.get("source"), dict) else {}
    figure = item.get("figure")
    has_figure = isinstance(figure, str) and bool(figures(figure))
    where = filled(source.get("publisher")) or filled(source.get("url"))
    return has_figure and filled(source.get("title")) and where
