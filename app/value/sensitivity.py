"""Sensitivity of the SROI ratio: assumptions changed one at a time, and switching values.

Following the Cabinet Office guide to SROI (2012, stage 5), each assumption is changed on its
own and the ratio recomputed. A switching value is the proxy at which the whole case falls
to 1:1. Present value is linear in each outcome's proxy, so it is solved exactly:
``PV(p) = PV_others + k × p`` where ``k`` is the present value of the outcome at a proxy of
£1, and the ratio is 1:1 when ``PV(p)`` equals the investment.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from app.value.account import (
    ARITHMETIC,
    Discounting,
    OutcomeTerms,
    OutcomeValue,
    ValueAccount,
    compute_account,
    discounting_of,
    yearly_values,
)
from app.value.money import ONE, ZERO

SHARE_STEP = Decimal("0.10")
PROXY_CUT = Decimal("0.25")


@dataclass(frozen=True)
class SensitivityRow:
    """The ratio under one changed assumption."""

    label: str
    sroi_ratio: Decimal | None


@dataclass(frozen=True)
class SwitchingValue:
    """The proxy for one outcome at which the ratio falls to 1:1, or why there is none."""

    outcome_id: str
    proxy: Decimal
    switching_proxy: Decimal | None
    note: str | None


@dataclass(frozen=True)
class Sensitivity:
    """The sensitivity table and the switching values of a document."""

    rows: tuple[SensitivityRow, ...]
    switching: tuple[SwitchingValue, ...]


def compute_sensitivity(
    document: Mapping[str, Any], account: ValueAccount | None = None
) -> Sensitivity:
    """Recompute the ratio with each assumption changed in turn, and solve switching values.

    Rows: as submitted; deadweight, attribution, displacement and drop-off each raised by 10
    percentage points (capped at 100%) across all outcomes; every proxy cut by 25%. Pass the
    document's ``account`` when it is already computed.
    """
    with localcontext(ARITHMETIC):
        account = account or compute_account(document)
        return Sensitivity(
            rows=sensitivity_rows(document, account),
            switching=_switching_values(document, account),
        )


def sensitivity_rows(
    document: Mapping[str, Any], account: ValueAccount
) -> tuple[SensitivityRow, ...]:
    """The ratio as submitted and under each changed assumption (investment never changes)."""
    ratios = sensitivity_ratios(document, account)
    return (
        SensitivityRow("As submitted", account.sroi_ratio),
        *(SensitivityRow(label, ratio) for label, ratio in zip(SCENARIOS, ratios, strict=True)),
    )


def sensitivity_ratios(
    document: Mapping[str, Any], account: ValueAccount
) -> tuple[Decimal | None, ...]:
    """The ratio under each changed assumption of :data:`SCENARIOS`, in that order (each None
    when no inputs are recorded).

    Each outcome's present value is a product,
    ``PV = scale × (1 − DW) × (1 − DP) × (1 − AT) × years(1 − DO)``, where ``scale`` is the
    signed quantity times the proxy and ``years(k)`` the present value of 1 a year kept at
    ``k`` from one year to the next (the final, partial year pro rata): the sum
    :func:`yearly_values` and :meth:`Discounting.present_value` make, factored. Each scenario
    changes one factor.
    """
    if account.investment <= 0:
        return (None,) * len(SCENARIOS)
    with localcontext(ARITHMETIC):
        discounting = discounting_of(document)
        totals = [ZERO] * len(SCENARIOS)
        for outcome in account.outcomes:
            terms = outcome.terms
            scale = (-ONE if terms.negative else ONE) * terms.quantity * terms.proxy
            dw, dp, at = ONE - terms.deadweight, ONE - terms.displacement, ONE - terms.attribution
            years, years_dropped = _years(terms, discounting)
            totals[0] += scale * max(ZERO, dw - SHARE_STEP) * dp * at * years
            totals[1] += scale * dw * dp * max(ZERO, at - SHARE_STEP) * years
            totals[2] += scale * dw * max(ZERO, dp - SHARE_STEP) * at * years
            totals[3] += scale * dw * dp * at * years_dropped
            totals[4] += scale * (ONE - PROXY_CUT) * dw * dp * at * years
        return tuple(total / account.investment for total in totals)


def _years(terms: OutcomeTerms, discounting: Discounting) -> tuple[Decimal, Decimal]:
    """The present value of 1 a year for the outcome's duration, kept at ``1 − DO`` each year,
    and the same with drop-off raised 10 points (at most 100%)."""
    duration = terms.duration
    keep = ONE - terms.drop_off
    keep_dropped = ONE - min(ONE, terms.drop_off + SHARE_STEP)
    held = held_dropped = ONE
    years = years_dropped = ZERO
    count = max(0, math.ceil(duration))
    for year, divisor in zip(range(count), discounting.divisors(count), strict=False):
        part = min(ONE, duration - year)
        years += held * part / divisor
        years_dropped += held_dropped * part / divisor
        held *= keep
        held_dropped *= keep_dropped
    return years, years_dropped


SCENARIOS = (
    "Deadweight +10 points",
    "Attribution +10 points",
    "Displacement +10 points",
    "Drop-off +10 points",
    "Proxies -25%",
)
"""The changed assumptions, one row each, after the row as submitted."""


def _switching_values(
    document: Mapping[str, Any], account: ValueAccount
) -> tuple[SwitchingValue, ...]:
    discounting = discounting_of(document)
    results = []
    for valued in account.outcomes:
        per_pound = discounting.present_value(yearly_values(valued.terms._replace(proxy=ONE)))
        results.append(_switch_one(valued, per_pound, account))
    return tuple(results)


def _switch_one(valued: OutcomeValue, per_pound: Decimal, account: ValueAccount) -> SwitchingValue:
    """Solve ``others + per_pound × p = investment`` for one outcome's proxy ``p``."""
    proxy = valued.terms.proxy
    if account.investment <= 0:
        return SwitchingValue(valued.id, proxy, None, "No inputs are recorded, so no ratio.")
    if per_pound == ZERO:
        note = (
            "This outcome adds no value whatever its proxy (its quantity, duration or "
            "remaining share after deadweight, attribution and displacement is zero)."
        )
        return SwitchingValue(valued.id, proxy, None, note)
    others = account.present_value - valued.present_value
    switching = (account.investment - others) / per_pound
    if switching >= 0:
        return SwitchingValue(valued.id, proxy, switching, None)
    if valued.negative:
        note = (
            "The other outcomes fall short of 1:1 even without this cost, "
            "so no proxy for it brings the ratio to 1:1."
        )
    else:
        note = (
            "The other outcomes keep the ratio above 1:1 even if this one is worth nothing, "
            "so no proxy for it brings the ratio down to 1:1."
        )
    return SwitchingValue(valued.id, proxy, None, note)
