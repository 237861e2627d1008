"""Switching values and concentration: how far the case rests on one outcome.

A switching value is the figure at which the whole case falls to 1:1. An outcome's present
value is its signed quantity times its proxy times ``unit``, the present value of one unit
at £1 a year after deadweight, displacement, attribution and drop-off. So present value is
linear in each proxy and each quantity, and both are solved exactly:

* switching proxy ``p``: ``others + unit × Q × p = investment``;
* switching quantity ``q``: ``others + unit × P × q = investment``;

where ``others`` is the present value of every other outcome. Concentration is the largest
outcome's share of the value the case creates (its positive outcomes' present value): a case
that rests on one outcome stands or falls with that outcome's evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from app.value.account import (
    ValueAccount,
    compute_account,
    discounting_of,
    yearly_values,
)
from app.value.money import ARITHMETIC, ONE, ZERO
from app.value.reading import outcome_name


@dataclass(frozen=True)
class SwitchingValue:
    """The proxy and the quantity of one outcome at which the ratio falls to 1:1, or why
    there is none (``note`` for the proxy, ``quantity_note`` for the quantity)."""

    outcome_id: str
    proxy: Decimal
    switching_proxy: Decimal | None
    note: str | None
    description: str = ""
    quantity: Decimal = ZERO
    switching_quantity: Decimal | None = None
    quantity_note: str | None = None


@dataclass(frozen=True)
class Concentration:
    """The outcome that carries the largest share of the value the case creates."""

    outcome_id: str | None
    description: str | None
    largest_outcome_share: Decimal | None
    present_value: Decimal
    gross_present_value: Decimal


NO_INPUTS = "No inputs are recorded, so no ratio."
NOTHING_WHATEVER = (
    "This outcome adds no value whatever its {figure} (its {others} or remaining share after "
    "deadweight, attribution and displacement is zero)."
)
COST_FALLS_SHORT = (
    "The other outcomes fall short of 1:1 even without this cost, "
    "so no {figure} for it brings the ratio to 1:1."
)
OTHERS_CLEAR = (
    "The other outcomes keep the ratio above 1:1 even if this one is worth nothing, "
    "so no {figure} for it brings the ratio down to 1:1."
)


def switching_values(
    document: Mapping[str, Any], account: ValueAccount | None = None
) -> tuple[SwitchingValue, ...]:
    """Each outcome's switching proxy and switching quantity, in document order."""
    with localcontext(ARITHMETIC):
        account = account or compute_account(document)
        discounting = discounting_of(document)
        raw = document.get("outcomes") or []
        results = []
        for position, valued in enumerate(account.outcomes, start=1):
            terms = valued.terms
            unit = discounting.present_value(yearly_values(terms._replace(quantity=ONE, proxy=ONE)))
            gap = account.investment - (account.present_value - valued.present_value)
            negative = valued.negative
            if account.investment <= 0:
                proxy, proxy_note, quantity, quantity_note = None, NO_INPUTS, None, NO_INPUTS
            else:
                proxy, proxy_note = _solve(gap, unit * terms.quantity, negative, "proxy")
                quantity, quantity_note = _solve(gap, unit * terms.proxy, negative, "quantity")
            results.append(
                SwitchingValue(
                    valued.id,
                    terms.proxy,
                    proxy,
                    proxy_note,
                    description=outcome_name(raw[position - 1], position),
                    quantity=terms.quantity,
                    switching_quantity=quantity,
                    quantity_note=quantity_note,
                )
            )
        return tuple(results)


def _solve(
    gap: Decimal, coefficient: Decimal, negative: bool, figure: str
) -> tuple[Decimal | None, str | None]:
    """Solve ``coefficient × x = gap`` for a figure that cannot be negative, or say why not."""
    if coefficient == ZERO:
        others = "proxy, duration" if figure == "quantity" else "quantity, duration"
        return None, NOTHING_WHATEVER.format(figure=figure, others=others)
    solved = gap / coefficient
    if solved >= 0:
        return solved, None
    return None, (COST_FALLS_SHORT if negative else OTHERS_CLEAR).format(figure=figure)


def concentration_of(
    document: Mapping[str, Any], account: ValueAccount | None = None
) -> Concentration:
    """The largest outcome's share of the value the case creates (its positive outcomes).

    Value destroyed is left out of the whole: against a net present value, one outcome's share
    could pass 100% and say nothing. With no value created the share is None.
    """
    with localcontext(ARITHMETIC):
        account = account or compute_account(document)
        raw = document.get("outcomes") or []
        gross, largest, where = ZERO, None, 0
        for position, valued in enumerate(account.outcomes, start=1):
            if valued.present_value > 0:
                gross += valued.present_value
                if largest is None or valued.present_value > largest.present_value:
                    largest, where = valued, position
        if largest is None:
            return Concentration(None, None, None, ZERO, ZERO)
        return Concentration(
            largest.id,
            outcome_name(raw[where - 1], where),
            largest.present_value / gross,
            largest.present_value,
            gross,
        )
