"""What a reader asked of the register: filters and a page, read from a query string.

One reading for the page, the JSON API and the OCDS package. Nothing a reader types is an
error on the page (an unknown value is left out); the API reports the same findings as a
400 so that a program learns its mistake.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from ..search import MAX_QUERY_CHARS

KINDS = {"challenge": "Right to challenge", "propose": "Right to propose"}
"""Kinds as stored and as the query string names them (``proposal`` is read as ``propose``)."""
DECISIONS = {"accepted": "Accepted", "rejected": "Rejected"}
TIERS = {"light": "Light", "standard": "Standard", "full": "Full"}
FIRST_YEAR, LAST_YEAR = 2000, 2999
MAX_PAGE = 10**6


@dataclass(frozen=True)
class RegisterFilter:
    """Which decisions a reader wants: every field empty means every decision."""

    body: int | None = None
    kind: str | None = None
    decision: str | None = None
    tier: str | None = None
    year: int | None = None
    q: str = ""

    def query_args(self) -> dict[str, str | int]:
        """The filter as query-string arguments, empty ones left out (for links)."""
        return {key: value for key, value in asdict(self).items() if value not in (None, "")}

    @property
    def active(self) -> bool:
        return bool(self.query_args())


def choices(
    bodies: list[tuple[int, str]], years: list[int]
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The page's filters: argument, label and (value, text) options, "Any" first."""
    return [
        ("body", "Public body", [(str(i), name) for i, name in bodies]),
        ("kind", "Kind", list(KINDS.items())),
        ("decision", "Decision", list(DECISIONS.items())),
        ("tier", "Tier", list(TIERS.items())),
        ("year", "Year decided", [(str(year), str(year)) for year in years]),
    ]


def _number(text: str, low: int, high: int) -> int | None:
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(high)):
        return None
    value = int(text)
    return value if low <= value <= high else None


def read_filter(args: Mapping[str, str]) -> tuple[RegisterFilter, dict[str, str]]:
    """The filter in ``args``, and what was wrong with it, keyed by argument."""
    errors: dict[str, str] = {}
    found: dict[str, object] = {}
    body = args.get("body", "")
    if body:
        found["body"] = _number(body, 1, 2**31 - 1)
        if found["body"] is None:
            errors["body"] = "body must be a public body's id"
    kind = args.get("kind", "").strip().lower()
    kind = "propose" if kind == "proposal" else kind
    if kind:
        found["kind"] = kind if kind in KINDS else None
        if found["kind"] is None:
            errors["kind"] = "kind must be challenge or proposal"
    for name, allowed in (("decision", DECISIONS), ("tier", TIERS)):
        value = args.get(name, "").strip().lower()
        if value:
            found[name] = value if value in allowed else None
            if found[name] is None:
                errors[name] = f"{name} must be one of {', '.join(allowed)}"
    year = args.get("year", "")
    if year:
        found["year"] = _number(year, FIRST_YEAR, LAST_YEAR)
        if found["year"] is None:
            errors["year"] = "year must be a year such as 2026"
    found["q"] = " ".join(args.get("q", "").split())[:MAX_QUERY_CHARS]
    return RegisterFilter(**found), errors


def read_page(
    args: Mapping[str, str], per_page: int, max_per_page: int
) -> tuple[int, int, dict[str, str]]:
    """The page and the page size asked for (page 1 and ``per_page`` when not given)."""
    errors: dict[str, str] = {}
    page = 1
    if args.get("page"):
        page = _number(args["page"], 1, MAX_PAGE) or 0
        if not page:
            errors["page"] = f"page must be a whole number from 1 to {MAX_PAGE}"
            page = 1
    if args.get("per_page"):
        asked = _number(args["per_page"], 1, max_per_page)
        if asked is None:
            errors["per_page"] = f"per_page must be a whole number from 1 to {max_per_page}"
        else:
            per_page = asked
    return page, per_page, errors
