"""The value account laid out for reading: impact map rows, totals, sensitivity, charts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from app.value.account import ValueAccount, compute_account
from app.value.charts import value_by_stakeholder_svg, value_by_year_svg
from app.value.money import (
    TOO_LARGE_TO_SHOW,
    format_number,
    format_pounds,
    is_too_large,
    quantized,
    to_decimal,
)
from app.value.sensitivity import Sensitivity, compute_sensitivity


@dataclass(frozen=True)
class ImpactRow:
    """One outcome of the impact map, formatted."""

    stakeholder: str
    outcome: str
    quantity: str
    proxy: str
    deadweight: str
    attribution: str
    displacement: str
    drop_off: str
    duration: str
    year1_impact: str
    present_value: str


@dataclass(frozen=True)
class ValueView:
    """Everything a page or PDF shows of the value account."""

    account: ValueAccount
    sensitivity: Sensitivity
    rows: tuple[ImpactRow, ...]
    stakeholder_chart: str
    year_chart: str


PERCENT_PLACES = Decimal("0.0001")
"""Percentages are shown to at most 4 decimal places (a share of 5e-324 shows as 0%)."""


def percent(value: Any) -> str:
    """A share as a percentage, to at most 4 decimal places."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "–"
    shown = (Decimal(str(value)) * 100).quantize(PERCENT_PLACES, ROUND_HALF_UP)
    return f"{shown.normalize():f}%" if shown else "0%"


def ratio(value: Decimal | float | None) -> str:
    """An SROI ratio as '£3.20 : £1', a dash when undefined, or 'too large to show' when its
    rounded size is 10^12 or more (:data:`~app.value.money.SHOWN_LIMIT`)."""
    if value is None:
        return "–"
    exact = to_decimal(value)
    if is_too_large(exact):
        return TOO_LARGE_TO_SHOW
    return f"£{quantized(exact):,.2f} : £1"


def _number(value: Any) -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "–"
    return format_number(value)


def impact_rows(document: Mapping[str, Any], account: ValueAccount) -> tuple[ImpactRow, ...]:
    """The impact map: one row per outcome, in document order."""
    names = stakeholder_names(document)
    rows = []
    outcomes = zip(document.get("outcomes") or [], account.outcomes, strict=False)
    for position, (outcome, value) in enumerate(outcomes, start=1):
        proxy = outcome.get("proxy") or {}
        description = " ".join(str(outcome.get("description") or "").split())
        description = description or f"Outcome {position}"
        rows.append(
            ImpactRow(
                stakeholder=names.get(str(outcome.get("stakeholder")), "–"),
                outcome=("(negative) " if value.negative else "") + description,
                quantity=_number(outcome.get("quantity")),
                proxy=format_pounds(Decimal(str(proxy["value"])))
                if isinstance(proxy.get("value"), int | float)
                else "–",
                deadweight=percent(outcome.get("deadweight")),
                attribution=percent(outcome.get("attribution")),
                displacement=percent(outcome.get("displacement")),
                drop_off=percent(outcome.get("drop_off")),
                duration=_number(outcome.get("duration_years")),
                year1_impact=format_pounds(value.year1_impact),
                present_value=format_pounds(value.present_value),
            )
        )
    return tuple(rows)


def stakeholder_names(document: Mapping[str, Any]) -> dict[str, str]:
    """Stakeholder ids to their names ("Stakeholder N" for one without a name, never its id)."""
    stakeholders = [s for s in document.get("stakeholders") or [] if isinstance(s, Mapping)]
    return {
        str(s.get("id")): str(s.get("name") or "").strip() or f"Stakeholder {position}"
        for position, s in enumerate(stakeholders, start=1)
    }


def value_view(document: Mapping[str, Any], prefix: str = "value") -> ValueView:
    """Compute and lay out the value account of a valid document."""
    account = compute_account(document)
    return ValueView(
        account=account,
        sensitivity=compute_sensitivity(document, account),
        rows=impact_rows(document, account),
        stakeholder_chart=value_by_stakeholder_svg(
            account, stakeholder_names(document), id_prefix=f"{prefix}-by-stakeholder"
        ),
        year_chart=value_by_year_svg(account, id_prefix=f"{prefix}-by-year"),
    )
