"""Sensitivity of the SROI ratio: assumptions changed one at a time, and switching values.

Following the Cabinet Office guide to SROI (2012, stage 5), each assumption is changed on its
own and the ratio recomputed. A switching value is the proxy at which the whole case falls
to 1:1. Present value is linear in each outcome's proxy, so it is solved exactly:
``PV(p) = PV_others + k × p`` where ``k`` is the present value of the outcome at a proxy of
£1, and the ratio is 1:1 when ``PV(p)`` equals the investment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from typing import Any

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
        discounting = discounting_of(document)
        rows = [SensitivityRow("As submitted", account.sroi_ratio)]
        for field, name in SHARES:
            ratio = _ratio_with(discounting, account, _raise_share(field))
            rows.append(SensitivityRow(f"{name} +10 points", ratio))
        cut = _ratio_with(discounting, account, _cut_proxy)
        rows.append(SensitivityRow("Proxies -25%", cut))
        return tuple(rows)


def _ratio_with(
    discounting: Discounting,
    account: ValueAccount,
    change: Callable[[OutcomeTerms], OutcomeTerms],
) -> Decimal | None:
    """The SROI ratio with ``change`` applied to the terms of every outcome."""
    if account.investment <= 0:
        return None
    present_value = ZERO
    for outcome in account.outcomes:
        present_value += discounting.present_value(yearly_values(change(outcome.terms)))
    return present_value / account.investment


def _raise_share(field: str) -> Callable[[OutcomeTerms], OutcomeTerms]:
    def change(terms: OutcomeTerms) -> OutcomeTerms:
        return terms._replace(**{field: min(ONE, getattr(terms, field) + SHARE_STEP)})

    return change


def _cut_proxy(terms: OutcomeTerms) -> OutcomeTerms:
    return terms._replace(proxy=terms.proxy * (ONE - PROXY_CUT))


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
