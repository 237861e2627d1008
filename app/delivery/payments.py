"""Payment by results, paid on verified results only.

For each period: the fixed part is the annual value less the share paid on results, for the
period's part of a year; the results part is each verified result times its tariff, added up
and held to the cap for the period (the annual cap, or the share at risk, for the period's
part of a year). Nothing is due on a figure that is not verified: until a period's report is
verified its results part is nil and says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from app.value.money import ZERO, format_number, format_pounds, quantized

from .figures import by_kind
from .schedule import Period
from .terms import ContractTerms


@dataclass(frozen=True)
class ResultLine:
    """One measure's verified results and what they earn."""

    measure: str
    results: Decimal
    tariff: Decimal

    @property
    def amount(self) -> Decimal:
        return self.results * self.tariff


@dataclass(frozen=True)
class PeriodPayment:
    """What is due for one period, with its working."""

    period: Period
    verified: bool
    fixed: Decimal
    lines: tuple[ResultLine, ...]
    cap: Decimal

    @property
    def earned(self) -> Decimal:
        """Results times tariffs, before the cap."""
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def on_results(self) -> Decimal:
        """What is paid on results: the earned amount held to the cap."""
        return min(self.earned, self.cap)

    @property
    def capped(self) -> bool:
        return self.earned > self.cap

    @property
    def total(self) -> Decimal:
        return quantized(self.fixed + self.on_results)

    def working(self, terms: ContractTerms) -> list[str]:
        """The sum written out, line by line, as both sides see it."""
        share = terms.pbr_share
        fraction = self.period.year_fraction
        steps = [
            f"Fixed part: {format_pounds(terms.annual_value)} a year × "
            f"{format_number(quantized(1 - share, 4) * 100)}% not paid on results × "
            f"{format_number(quantized(fraction, 4))} of a year = {format_pounds(self.fixed, 2)}"
        ]
        if not terms.measures:
            return steps
        if not self.verified:
            steps.append("Results part: nothing is due until the period's results are verified")
            return steps
        for line in self.lines:
            steps.append(
                f"{line.measure}: {format_number(line.results)} verified × "
                f"{format_pounds(line.tariff, 2)} = {format_pounds(line.amount, 2)}"
            )
        steps.append(
            f"Cap for the period: {format_pounds(terms.annual_results_cap)} a year × "
            f"{format_number(quantized(fraction, 4))} of a year = {format_pounds(self.cap, 2)}"
        )
        held = " (held to the cap)" if self.capped else ""
        steps.append(f"Results part: {format_pounds(self.on_results, 2)}{held}")
        steps.append(f"Due for the period: {format_pounds(self.total, 2)}")
        return steps


def payment_for(
    terms: ContractTerms, period: Period, verified: Mapping[str, Decimal] | None
) -> PeriodPayment:
    """The payment for ``period``; ``verified`` is None until its report is verified."""
    fraction = period.year_fraction
    fixed = quantized(terms.annual_value * (1 - terms.pbr_share) * fraction)
    cap = quantized(terms.annual_results_cap * fraction)
    if verified is None:
        return PeriodPayment(period, False, fixed, (), cap)
    counts = by_kind(verified, "measure")
    lines = tuple(
        ResultLine(m.description or m.id, counts.get(m.id, ZERO), m.tariff) for m in terms.measures
    )
    return PeriodPayment(period, True, fixed, lines, cap)
