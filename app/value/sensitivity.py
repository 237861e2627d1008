"""Sensitivity of the SROI ratio: assumptions changed one at a time, switching values and
concentration.

Following the Cabinet Office guide to SROI (2012, stage 5), each assumption is changed on its
own and the ratio recomputed: deadweight, attribution, displacement and drop-off each raised
by 10 points, every proxy cut by 25%, every quantity cut by 25%, and then each outcome's
quantity cut by 25% on its own. Switching values (the proxy and the quantity at which the
case falls to 1:1) and concentration are in :mod:`app.value.switching`. The whole of it is
computed for every document whatever its tier: nothing a document says turns it off.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from app.value.account import (
    Discounting,
    OutcomeTerms,
    ValueAccount,
    compute_account,
    discounting_of,
)
from app.value.money import ARITHMETIC, ONE, SHOWN_LIMIT, ZERO, rounded
from app.value.reading import outcome_name
from app.value.switching import (
    Concentration,
    SwitchingValue,
    concentration_of,
    switching_values,
)

SHARE_STEP = Decimal("0.10")
PROXY_CUT = Decimal("0.25")
QUANTITY_CUT = Decimal("0.25")

SCENARIOS = (
    "Deadweight +10 points",
    "Attribution +10 points",
    "Displacement +10 points",
    "Drop-off +10 points",
    "Proxies -25%",
    "Quantities -25%",
)
"""The assumptions changed across every outcome, one row each, after the row as submitted;
the rows cutting one outcome's quantity follow them."""

__all__ = [
    "SCENARIOS",
    "Concentration",
    "Sensitivity",
    "SensitivityRow",
    "SwitchingValue",
    "compute_sensitivity",
    "sensitivity_ratios",
    "sensitivity_report",
    "sensitivity_rows",
]


@dataclass(frozen=True)
class SensitivityRow:
    """The ratio under one changed assumption; ``outcome_id`` and ``description`` name the
    outcome when the row changes one outcome alone."""

    label: str
    sroi_ratio: Decimal | None
    outcome_id: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Sensitivity:
    """The sensitivity table, the switching values and the concentration of a document."""

    rows: tuple[SensitivityRow, ...]
    switching: tuple[SwitchingValue, ...]
    concentration: Concentration

    def report(self) -> dict[str, Any]:
        """The check report's ``sensitivity``: JSON-ready, every outcome named by its
        description (ids alongside for reference). Ratios too large to show are null."""
        return {
            "rows": [
                {
                    "label": row.label,
                    "outcome": row.outcome_id,
                    "description": row.description,
                    "sroi_ratio": rounded(row.sroi_ratio, limit=SHOWN_LIMIT),
                }
                for row in self.rows
            ],
            "switching": [_switching_report(item) for item in self.switching],
            "concentration": _concentration_report(self.concentration),
        }


def compute_sensitivity(
    document: Mapping[str, Any], account: ValueAccount | None = None
) -> Sensitivity:
    """The sensitivity table, switching values and concentration of a schema-valid document.

    Pass the document's ``account`` when it is already computed.
    """
    with localcontext(ARITHMETIC):
        account = account or compute_account(document)
        return Sensitivity(
            rows=sensitivity_rows(document, account),
            switching=switching_values(document, account),
            concentration=concentration_of(document, account),
        )


def sensitivity_report(
    document: Mapping[str, Any], account: ValueAccount | None = None
) -> dict[str, Any]:
    """The sensitivity of a schema-valid document as JSON for the check report: ``rows``,
    ``switching`` and ``concentration`` (see :meth:`Sensitivity.report`)."""
    return compute_sensitivity(document, account).report()


def sensitivity_rows(
    document: Mapping[str, Any], account: ValueAccount
) -> tuple[SensitivityRow, ...]:
    """The ratio as submitted, under each of :data:`SCENARIOS`, and with each outcome's
    quantity cut by 25% on its own (investment never changes)."""
    ratios = sensitivity_ratios(document, account)
    rows = [SensitivityRow("As submitted", account.sroi_ratio)]
    rows += [SensitivityRow(label, ratio) for label, ratio in zip(SCENARIOS, ratios, strict=False)]
    outcomes = document.get("outcomes") or []
    for position, (valued, ratio) in enumerate(
        zip(account.outcomes, ratios[len(SCENARIOS) :], strict=True), start=1
    ):
        name = outcome_name(outcomes[position - 1], position)
        label = f"Quantity of “{name}” -{QUANTITY_CUT * 100:.0f}%"
        rows.append(SensitivityRow(label, ratio, valued.id, name))
    return tuple(rows)


def sensitivity_ratios(
    document: Mapping[str, Any], account: ValueAccount
) -> tuple[Decimal | None, ...]:
    """The ratio under each of :data:`SCENARIOS`, in that order, then with each outcome's
    quantity cut on its own, in document order (each None when no inputs are recorded).

    Each outcome's present value is a product,
    ``PV = scale × (1 − DW) × (1 − DP) × (1 − AT) × years(1 − DO)``, where ``scale`` is the
    signed quantity times the proxy and ``years(k)`` the present value of 1 a year kept at
    ``k`` from one year to the next (the final, partial year pro rata): the sum
    :func:`~app.value.account.yearly_values` and :meth:`Discounting.present_value` make,
    factored. Each scenario changes one factor; cutting one outcome's quantity takes that
    share of its present value off the whole.
    """
    count = len(SCENARIOS) + len(account.outcomes)
    if account.investment <= 0:
        return (None,) * count
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
            totals[5] += scale * (ONE - QUANTITY_CUT) * dw * dp * at * years
        totals += [
            account.present_value - QUANTITY_CUT * outcome.present_value
            for outcome in account.outcomes
        ]
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


TOO_LARGE_TO_REPORT = "The switching value is too large to report."


def _switching_report(item: SwitchingValue) -> dict[str, Any]:
    """One outcome's switching values as JSON: pounds to 2 dp, quantities to 4."""
    proxy, proxy_note = _figure(item.switching_proxy, 2, item.note)
    quantity, quantity_note = _figure(item.switching_quantity, 4, item.quantity_note)
    return {
        "outcome": item.outcome_id,
        "description": item.description,
        "proxy": rounded(item.proxy),
        "switching_proxy": proxy,
        "proxy_note": proxy_note,
        "quantity": rounded(item.quantity, 4),
        "switching_quantity": quantity,
        "quantity_note": quantity_note,
    }


def _figure(
    value: Decimal | None, places: int, note: str | None
) -> tuple[float | None, str | None]:
    """A solved figure and its note; one no float holds is null and says so."""
    number = rounded(value, places)
    if value is not None and number is None:
        return None, TOO_LARGE_TO_REPORT
    return number, note


def _concentration_report(concentration: Concentration) -> dict[str, Any]:
    """The largest outcome, its share of the value created (to 4 dp) and the amounts."""
    return {
        "outcome": concentration.outcome_id,
        "description": concentration.description,
        "largest_outcome_share": rounded(concentration.largest_outcome_share, 4),
        "present_value": rounded(concentration.present_value),
        "gross_present_value": rounded(concentration.gross_present_value),
    }
