"""Price years: which proxy values are at a different price year from the rest.

A pound of 2012/13 is not a pound of 2024: values from different years must be uprated to a
common year before they are added up (HM Treasury, The Green Book: real prices at a common
base year). Each proxy states the year of its prices (``price_year``) and, when it was
uprated, the year it was uprated to (``uprated_to``); the year it stands at is the latter
when given, else the former. When the valued proxies stand at more than one year, every one
not at the latest of them is listed, until it is uprated to it.

A calendar year and the financial year that begins in it ("2024" and "2024/25") count as one
price year: they share nine months, over which prices move by a fraction of a per cent,
and a proxy library quotes one or the other as it happens to be published. Years further
apart are flagged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.value.reading import carries_value, named

_YEAR = re.compile(r"[0-9]{4}")


def year_order(year: str) -> tuple[int, str]:
    """A price year's place in time: "2012/13" after "2012", before "2013"."""
    return (first_year(year), year)


def first_year(year: str) -> int:
    """The year a price year begins in: 2012 for both "2012" and "2012/13" (-1 if none)."""
    found = _YEAR.match(year)
    return int(found.group()) if found else -1


def stands_at(proxy: Mapping[str, Any]) -> str | None:
    """The price year a proxy value stands at: its ``uprated_to``, else its ``price_year``."""
    for field in ("uprated_to", "price_year"):
        year = proxy.get(field)
        if isinstance(year, str) and year.strip():
            return year.strip()
    return None


def price_year_findings(document: Mapping[str, Any]) -> dict[str, Any]:
    """Which valued proxies stand at a different price year from the latest one used.

    Only outcomes whose proxy carries a value (more than £0) count. JSON-ready::

        {"mixed": bool, "common_year": "2023/24" or None,
         "years": ["2012/13", "2023/24"],
         "at_other_years": [{"outcome", "description", "price_year", "uprated_to", "stands_at"}],
         "without_price_year": [{"outcome", "description"}]}

    ``mixed`` is true when the values stand at more than one year (a calendar year and the
    financial year beginning in it counting as one); ``at_other_years`` then lists each not
    at ``common_year``, the latest. Outcomes are named by their descriptions.
    """
    at: list[tuple[Mapping[str, Any], Mapping[str, Any], str, int]] = []
    without = []
    for position, outcome in enumerate(document.get("outcomes") or [], start=1):
        proxy = outcome.get("proxy") if isinstance(outcome, Mapping) else None
        if not isinstance(proxy, Mapping) or not carries_value(outcome):
            continue
        year = stands_at(proxy)
        if year is None:
            without.append(named(outcome, position))
        else:
            at.append((outcome, proxy, year, position))
    years = sorted({year for _, _, year, _ in at}, key=year_order)
    common = years[-1] if years else None
    mixed = len({first_year(year) for year in years}) > 1
    at_other_years = [
        named(outcome, position)
        | {
            "price_year": proxy.get("price_year"),
            "uprated_to": proxy.get("uprated_to"),
            "stands_at": year,
        }
        for outcome, proxy, year, position in at
        if mixed and first_year(year) != first_year(common)
    ]
    return {
        "mixed": mixed,
        "common_year": common,
        "years": years,
        "at_other_years": at_other_years,
        "without_price_year": without,
    }
