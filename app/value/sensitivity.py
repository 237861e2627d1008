"""Sensitivity of the SROI ratio: assumptions changed one at a time, and switching values.

Following the Cabinet Office guide to SROI (2012, stage 5), each assumption is changed on its
own and the ratio recomputed. A switching value is the proxy at which the whole case falls
to 1:1. Present value is linear in each outcome's proxy, so it is solved exactly:
``PV(p) = PV_others + k × p`` where ``k`` is the present value of the outcome at a proxy of
£1, and the ratio is 1:1 when ``PV(p)`` equals the investment.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from typing import Any, NamedTuple

from app.value.account import (
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
SHARES = (
    ("deadweight", "Deadweight"),
    ("attribution", "Attribution"),
    ("displacement", "Displacement"),
    ("drop_off", "Drop-off"),
)


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
    with localcontext(Context(prec=34)):
        account = account or compute_account(document)
        return Sensitivity(
            rows=sensitivity_rows(document, account),
            switching=_switching_values(document, account),
        )


def sensitivity_rows(
    document: Mapping[str, Any], account: ValueAccount
) -> tuple[SensitivityRow, ...]:
    """The ratio as submitted and under each changed assumption (investment never changes)."""
    with localcontext(Context(prec=34)):
        rows = [SensitivityRow("As submitted", account.sroi_ratio)]
        if account.investment <= 0:
            return tuple(rows + [SensitivityRow(label, None) for label in _SCENARIOS])
        discounting = discounting_of(document)
        factors = [_Factors.of(outcome.terms, discounting) for outcome in account.outcomes]
        for label, scenario in _SCENARIOS.items():
            present_value = sum((scenario(f) for f in factors), ZERO)
            rows.append(SensitivityRow(label, present_value / account.investment))
        return tuple(rows)


class _Factors(NamedTuple):
    """One outcome's present value as a product, so that each assumption changes one factor.

    ``PV = scale × (1 − DW) × (1 − DP) × (1 − AT) × years(1 − DO)``, where ``scale`` is the
    signed quantity times the proxy and ``years(k)`` the present value of 1 a year kept at
    ``k`` from one year to the next (the final, partial year pro rata). It is the sum
    :func:`yearly_values` and :meth:`Discounting.present_value` make, factored.
    """

    scale: Decimal
    kept: tuple[Decimal, ...]  # 1 − share, in the order of _KEPT
    years: Decimal
    years_dropped: Decimal  # years() with drop-off raised 10 points

    @classmethod
    def of(cls, terms: OutcomeTerms, discounting: Discounting) -> _Factors:
        sign = -ONE if terms.negative else ONE
        raised_drop_off = min(ONE, terms.drop_off + SHARE_STEP)
        return cls(
            scale=sign * terms.quantity * terms.proxy,
            kept=tuple(ONE - getattr(terms, share) for share in _KEPT),
            years=_years(terms.duration, ONE - terms.drop_off, discounting),
            years_dropped=_years(terms.duration, ONE - raised_drop_off, discounting),
        )


def _present_value(scale: Decimal, kept: Sequence[Decimal], years: Decimal) -> Decimal:
    return scale * kept[0] * kept[1] * kept[2] * years


def _years(duration: Decimal, keep: Decimal, discounting: Discounting) -> Decimal:
    """The present value of 1 a year for ``duration`` years, kept at ``keep`` each year."""
    weights = []
    held = ONE
    for year in range(max(0, math.ceil(duration))):
        weights.append(held * min(ONE, duration - year))
        held *= keep
    return discounting.present_value(weights)


def _share_raised(share: str) -> Callable[[_Factors], Decimal]:
    """The present value with one of ``_KEPT``'s shares raised 10 points (at most 100%)."""
    position = _KEPT.index(share)

    def scenario(factors: _Factors) -> Decimal:
        kept = list(factors.kept)
        kept[position] = max(ZERO, kept[position] - SHARE_STEP)
        return _present_value(factors.scale, kept, factors.years)

    return scenario


def _drop_off_raised(factors: _Factors) -> Decimal:
    return _present_value(factors.scale, factors.kept, factors.years_dropped)


def _proxies_cut(factors: _Factors) -> Decimal:
    return _present_value(factors.scale * (ONE - PROXY_CUT), factors.kept, factors.years)


_KEPT = ("deadweight", "displacement", "attribution")
_SCENARIOS: dict[str, Callable[[_Factors], Decimal]] = {
    **{f"{name} +10 points": _share_raised(share) for share, name in SHARES if share in _KEPT},
    "Drop-off +10 points": _drop_off_raised,
    "Proxies -25%": _proxies_cut,
}


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
