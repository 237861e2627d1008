"""Proposal documents across the schema's whole numeric range, and what "displayable" means.

Each document is a real example (``app/examples/*.json``, as proposal/2), or one of them with
its options valued (today's service, doing the minimum and the proposal, each with a cost
and quantities: ``proposal2.py``), with numeric fields replaced by values the schema allows:
its own bounds, read from the schema (so a changed limit is followed), the smallest float
(5e-324), 1e-27, zero, many decimal places, and anything between. A replacement may hit one
field or every field of its kind at once (every input's value, or every option's annual
cost, say), which is how a tiny investment, a huge present value or an option that costs
exactly what the proposal does is reached. Outcomes may turn negative and savings into
transfers.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from app.proposals.document import schema

from .proposal2 import examples, green_spaces, young_carers

EXAMPLES = examples() | {
    "challenge-young-carers-with-options": young_carers(),
    "propose-parish-green-spaces-with-options": green_spaces(),
}
ITEM = "*"
"""Any item of an array, in a field's pattern."""
EXTREMES = (5e-324, 1e-27, 1e-12, 0.004999, 0.005, 0.125, 1 / 3, 0.1 + 0.2, 1e9, 1e12, 1e308)
"""Values worth landing on whatever the field: each is kept only where the schema allows it."""
DISPLAY_LIMIT = 1e12
"""Ratios and payback at least this large are reported as null (shown "too large to show")."""
LONGEST_SHOWN = 40
"""The most characters a figure shown in a table cell may take."""


@dataclass(frozen=True)
class Bounds:
    """What the schema allows a numeric field to hold."""

    minimum: float
    maximum: float
    exclusive_minimum: bool
    integer: bool

    def allows(self, value: float) -> bool:
        """Whether ``value`` is within these bounds (and whole, for an integer field)."""
        if self.integer and not float(value).is_integer():
            return False
        above = value > self.minimum if self.exclusive_minimum else value >= self.minimum
        return above and value <= self.maximum


def numeric_fields(node: dict | None = None, pattern: tuple = ()) -> dict[tuple, Bounds]:
    """Every numeric field of the schema, as a path pattern (``*`` for array items)."""
    node = schema() if node is None else node
    found: dict[tuple, Bounds] = {}
    kinds = node.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "number" in kinds or "integer" in kinds:
        exclusive = "exclusiveMinimum" in node
        found[pattern] = Bounds(
            minimum=node.get("exclusiveMinimum", node.get("minimum", -math.inf)),
            maximum=node.get("maximum", math.inf),
            exclusive_minimum=exclusive,
            integer="number" not in kinds,
        )
    for key, child in (node.get("properties") or {}).items():
        found |= numeric_fields(child, (*pattern, key))
    if isinstance(node.get("items"), dict):
        found |= numeric_fields(node["items"], (*pattern, ITEM))
    return found


FIELDS = numeric_fields()


def places(document: Any, pattern: tuple) -> Iterator[tuple[dict, str]]:
    """(parent object, key) of each place in ``document`` that ``pattern`` names, where the
    parent exists (the field itself may be absent)."""
    if len(pattern) == 1:
        if isinstance(document, dict):
            yield document, pattern[0]
        return
    head, rest = pattern[0], pattern[1:]
    if head == ITEM:
        for item in document if isinstance(document, list) else ():
            yield from places(item, rest)
    elif isinstance(document, dict) and head in document:
        yield from places(document[head], rest)


def values_within(bounds: Bounds) -> st.SearchStrategy:
    """Values the schema allows in a field with ``bounds``, the edges and extremes weighted."""
    low = bounds.minimum
    high = bounds.maximum
    edges = [v for v in (low, high, math.nextafter(low, math.inf), *EXTREMES) if bounds.allows(v)]
    edges += [0] if bounds.allows(0) else []
    if bounds.integer:
        return st.one_of(
            st.none(),
            st.sampled_from(sorted({int(v) for v in edges})),
            st.integers(math.ceil(low), math.floor(high)),
        )
    return st.one_of(
        st.none(),
        st.sampled_from(edges),
        st.floats(low, high, exclude_min=bounds.exclusive_minimum, allow_nan=False),
        st.integers(math.ceil(low), math.floor(high)).filter(bounds.allows),
    )


@st.composite
def full_range_documents(draw) -> dict:
    """A real example with some numeric fields (one at a time or all of a kind) replaced."""
    document = copy.deepcopy(EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))])
    present = [pattern for pattern in FIELDS if any(places(document, pattern))]
    for pattern in draw(st.lists(st.sampled_from(present), min_size=1, max_size=6)):
        targets = list(places(document, pattern))
        if draw(st.booleans()):  # every field of this kind at once, one value
            value = draw(values_within(FIELDS[pattern]))
            for parent, key in targets:
                parent[key] = value
        else:
            parent, key = targets[draw(st.integers(0, len(targets) - 1))]
            parent[key] = draw(values_within(FIELDS[pattern]))
    for outcome in document.get("outcomes") or []:
        if draw(st.booleans()):  # value destroyed, not created: the sign the schema allows
            outcome["negative"] = draw(st.booleans())
    for saving in document.get("savings") or []:
        if draw(st.booleans()):  # a transfer payment: in the financial case, never in value
            saving["transfer"] = draw(st.booleans())
    return document


def set_everywhere(document: dict, pattern: tuple, value: Any) -> dict:
    """A copy of ``document`` with every field ``pattern`` names set to ``value``."""
    changed = copy.deepcopy(document)
    for parent, key in places(changed, pattern):
        parent[key] = value
    return changed


_EXPONENT = re.compile(r"\d[eE][+-]?\d")
_NOT_FINITE = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)
_SVG_NUMBER = re.compile(r'\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"')


def assert_shown(text: str) -> None:
    """A figure as a person sees it: short, finite, and never in e-notation (1e+27)."""
    assert isinstance(text, str) and text, text
    assert len(text) <= LONGEST_SHOWN, text
    assert not _NOT_FINITE.search(text), text
    assert not _EXPONENT.search(text), text


def assert_note(text: str) -> None:
    """A note on the account: a sentence or two, its figures finite and written out."""
    assert len(text) <= 400, text
    assert not _NOT_FINITE.search(text), text
    assert not _EXPONENT.search(text), text


def assert_chart(svg: str) -> None:
    """An SVG chart whose every coordinate and size is a finite number."""
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    for number in _SVG_NUMBER.findall(svg):
        assert math.isfinite(float(number)), number


RATIOS = ("sroi_ratio", "net_sroi_ratio", "payback_months", "incremental_ratio")
RATIOS += ("value_lost_per_pound_saved",)
"""Figures reported as null when too large to show, wherever they appear."""
SENTENCES = ("notes", "summary", "proxy_note", "quantity_note")
"""Sentences the value calculator writes: readable, their figures written out."""


def assert_value_findings(node: Any, key: str = "") -> None:
    """The value findings of the check report: JSON numbers finite, ratios that fit the
    queue's column, the calculator's own sentences readable, at every depth."""
    if isinstance(node, dict):
        for name, child in node.items():
            assert isinstance(name, str)
            assert_value_findings(child, name)
    elif isinstance(node, list):
        for child in node:
            assert_value_findings(child, key)
    elif isinstance(node, float):
        assert math.isfinite(node), key
        assert key not in RATIOS or abs(node) < DISPLAY_LIMIT, (key, node)
    elif isinstance(node, str) and key in SENTENCES:
        assert_note(node)
    else:
        assert node is None or isinstance(node, bool | int | str), (key, node)


def assert_report_value(value: dict) -> None:
    """The check report's ``value``: finite JSON numbers or null, ratios that fit the queue's
    Numeric(14, 2) column."""
    assert set(value) == {
        "present_value",
        "investment",
        "npv",
        "sroi_ratio",
        "net_sroi_ratio",
        "payback_months",
    }
    json.dumps(value, allow_nan=False)
    for name, number in value.items():
        assert number is None or (type(number) is float and math.isfinite(number)), name
    for name in ("sroi_ratio", "net_sroi_ratio", "payback_months"):
        number = value[name]
        assert number is None or abs(number) < DISPLAY_LIMIT, (name, number)
    if value["payback_months"] is not None:
        assert value["payback_months"] >= 0
