"""The value account of a proposal document: the SROI arithmetic, exact to the penny.

For each outcome with quantity Q, proxy P (pounds per unit per year), deadweight DW,
displacement DP, attribution AT, drop-off DO and duration N years:

* impact in year 1: ``I1 = Q × P × (1 − DW) × (1 − DP) × (1 − AT)``;
* impact in year t (2..N): ``It = I(t−1) × (1 − DO)``;
* a negative outcome (value destroyed) counts with a minus sign;
* present value ``PV = Σ It / (1 + r)^t`` (``t − 1`` when ``first_year_discounted`` is false).

Inputs sit at year 0, undiscounted. NPV is PV less investment; the SROI ratio is PV over
investment, the net ratio NPV over investment, and payback is investment over a month of
year-1 impact. Savings to public bodies are the financial case, carried beside the account
(``savings``, :mod:`app.value.savings`) and never added to present value. Sources: Cabinet
Office, A guide to Social Return on Investment (2012); HM Treasury, The Green Book (discount
rate 3.5%).

The ratios are kept exact whatever their size (the checks compare them), but one of 10^12 or
more to 1, which an investment of 1e-27 gives, is too large to show: the report gives null
for it and the notes say why. A payback that long is null with its note.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal, localcontext
from typing import Any, NamedTuple

from app.value.money import (
    ARITHMETIC,
    ONE,
    SHOWN_LIMIT,
    ZERO,
    format_number,
    format_pounds,
    is_too_large,
    rounded,
    to_decimal,
    to_share,
)
from app.value.reading import outcome_in_sentence
from app.value.savings import SavingsSummary, savings_of

DEFAULT_DISCOUNT_RATE = Decimal("0.035")
INPUT_TYPES = ("cash", "in_kind", "volunteer_time")
NO_INPUTS_NOTE = "No inputs are recorded, so there is no ratio."
UNASSIGNED = "(unassigned)"
"""The ``by_stakeholder`` key for outcomes that name no stakeholder."""


class OutcomeTerms(NamedTuple):
    """One outcome's figures as exact Decimals, read once from the document.

    Absent quantity and proxy are 0, absent shares 0 (and shares are clamped to 0..1),
    absent duration one year.
    """

    quantity: Decimal
    proxy: Decimal
    deadweight: Decimal
    displacement: Decimal
    attribution: Decimal
    drop_off: Decimal
    duration: Decimal
    negative: bool

    @classmethod
    def read(cls, outcome: Mapping[str, Any]) -> OutcomeTerms:
        """The terms of an outcome of a schema-valid document."""
        proxy = outcome.get("proxy") or {}
        return cls(  # in the fields' order: a named tuple takes positions faster than names
            to_decimal(outcome.get("quantity")),
            to_decimal(proxy.get("value")),
            to_share(outcome.get("deadweight")),
            to_share(outcome.get("displacement")),
            to_share(outcome.get("attribution")),
            to_share(outcome.get("drop_off")),
            to_decimal(outcome.get("duration_years"), ONE),
            bool(outcome.get("negative")),
        )


class Discounting:
    """Discount divisors ``(1 + r)^t`` by year, each worked out once, in :data:`ARITHMETIC`.

    One is shared by every document with the same rate (see :func:`discounting_of`), so its
    divisors are only ever replaced whole: a thread reading them never sees a half-made list.
    """

    def __init__(self, rate: Decimal, from_year_one: bool) -> None:
        with localcontext(ARITHMETIC):
            self._base = ONE + rate
        self._first_power = 1 if from_year_one else 0
        self._divisors: tuple[Decimal, ...] = ()

    def divisors(self, years: int) -> tuple[Decimal, ...]:
        """The divisors of years 1 to ``years`` first (the tuple may hold more years)."""
        divisors = self._divisors
        if len(divisors) < years:
            with localcontext(ARITHMETIC):
                first, base = self._first_power, self._base
                divisors = tuple(base ** (t + first) for t in range(max(years, 2 * len(divisors))))
            self._divisors = divisors
        return divisors

    def present_value(self, by_year: Sequence[Decimal]) -> Decimal:
        """The sum of each year's value over its divisor (year 1 is ``by_year[0]``)."""
        total = ZERO
        for value, divisor in zip(by_year, self.divisors(len(by_year)), strict=False):
            total += value / divisor
        return total


class OutcomeValue(NamedTuple):
    """The value of one outcome, year by year and discounted."""

    id: str
    stakeholder: str | None
    negative: bool
    year1_impact: Decimal
    by_year: tuple[Decimal, ...]
    present_value: Decimal
    terms: OutcomeTerms


class ValueAccount(NamedTuple):
    """Everything the SROI arithmetic says about one proposal document.

    The breakdowns by year, stakeholder and outcome are summed when asked for: the checks
    never need them.
    """

    outcomes: tuple[OutcomeValue, ...]
    stakeholder_ids: tuple[str, ...]  # the document's stakeholder ids, in its order
    present_value: Decimal
    investment: Decimal
    investment_by_type: dict[str, Decimal]
    npv: Decimal
    year1_impact: Decimal
    sroi_ratio: Decimal | None
    net_sroi_ratio: Decimal | None
    payback_months: Decimal | None
    notes: tuple[str, ...]
    savings: SavingsSummary  # the financial case: never part of present_value

    @property
    def by_year(self) -> tuple[Decimal, ...]:
        """Signed, undiscounted value of all outcomes in each year (year 1 first)."""
        with localcontext(ARITHMETIC):
            return _sum_by_year(self.outcomes)

    @property
    def by_stakeholder(self) -> dict[str, Decimal]:
        """Present value per stakeholder, in the order the document lists its stakeholders."""
        with localcontext(ARITHMETIC):
            return _by_stakeholder(self.outcomes, self.stakeholder_ids)

    @property
    def by_outcome(self) -> dict[str, Decimal]:
        """Present value per outcome id."""
        with localcontext(ARITHMETIC):
            return _by_outcome(self.outcomes)

    def report(self) -> dict[str, float | None]:
        """Return the check report's ``value`` object: floats to 2 dp (payback 1 dp) or None.

        A ratio too large to show (:data:`~app.value.money.SHOWN_LIMIT`) is None, as when
        there is none: the notes say which.
        """
        return {
            "present_value": rounded(self.present_value),
            "investment": rounded(self.investment),
            "npv": rounded(self.npv),
            "sroi_ratio": rounded(self.sroi_ratio, limit=SHOWN_LIMIT),
            "net_sroi_ratio": rounded(self.net_sroi_ratio, limit=SHOWN_LIMIT),
            "payback_months": rounded(self.payback_months, 1, limit=SHOWN_LIMIT),
        }


def compute_account(document: Mapping[str, Any]) -> ValueAccount:
    """Compute the value account of a schema-valid proposal document.

    Absent shares count as 0, absent quantity or proxy value as 0, absent duration as one
    year, absent ``discount_rate`` as 0.035 and absent ``first_year_discounted`` as true.
    """
    with localcontext(ARITHMETIC):
        return _compute(document)


def _compute(document: Mapping[str, Any]) -> ValueAccount:
    discounting = discounting_of(document)
    raw_outcomes = document.get("outcomes") or []
    outcomes = tuple(value_outcome(o, discounting) for o in raw_outcomes)
    present_value = year1 = ZERO
    for outcome in outcomes:
        present_value += outcome.present_value
        year1 += outcome.year1_impact
    investment_by_type = _investment_by_type(document.get("inputs") or [])
    investment = sum(investment_by_type.values(), ZERO)
    notes = _outcome_notes(raw_outcomes, outcomes)
    ratio, net_ratio = _ratios(present_value, investment, notes)
    return ValueAccount(
        outcomes=outcomes,
        stakeholder_ids=tuple(
            s.get("id") for s in document.get("stakeholders") or [] if s.get("id")
        ),
        present_value=present_value,
        investment=investment,
        investment_by_type=investment_by_type,
        npv=present_value - investment,
        year1_impact=year1,
        sroi_ratio=ratio,
        net_sroi_ratio=net_ratio,
        payback_months=_payback(investment, year1, notes),
        notes=tuple(notes),
        savings=savings_of(document),
    )


def discounting_of(document: Mapping[str, Any]) -> Discounting:
    """The document's discounting: ``discount_rate`` (0.035 when absent), from year 1 or 2.

    Nearly every document uses the Green Book's rate, so the discounting of each rate, with
    its divisors, is made once and shared.
    """
    rate = document.get("discount_rate")
    from_year_one = document.get("first_year_discounted") is not False
    if type(rate) in _SHAREABLE_RATES:
        return _shared_discounting(type(rate), rate, from_year_one)
    return Discounting(to_decimal(rate, DEFAULT_DISCOUNT_RATE), from_year_one)


_SHAREABLE_RATES = (float, int, type(None))


@functools.lru_cache(maxsize=256)
def _shared_discounting(kind: type, rate: float | None, from_year_one: bool) -> Discounting:
    """One discounting per rate as written (``kind`` keeps 1 and 1.0 apart, as Decimals do)."""
    return Discounting(to_decimal(rate, DEFAULT_DISCOUNT_RATE), from_year_one)


def value_outcome(outcome: Mapping[str, Any], discounting: Discounting) -> OutcomeValue:
    """Value one outcome year by year and discount it."""
    terms = OutcomeTerms.read(outcome)
    by_year = yearly_values(terms)
    return OutcomeValue(  # id, stakeholder, negative, year-1 impact, by year, PV, terms
        str(outcome.get("id", "")),
        outcome.get("stakeholder"),
        terms.negative,
        by_year[0] if by_year else ZERO,
        by_year,
        discounting.present_value(by_year),
        terms,
    )


def yearly_values(terms: OutcomeTerms) -> tuple[Decimal, ...]:
    """Signed, undiscounted value for years 1..ceil(duration), the last one pro rata.

    A duration that is not a whole number of years (say 2.5) runs into a final partial
    year (year 3), whose value is taken pro rata: half of a full third year.
    """
    if terms.duration <= 0:
        return ()
    full = (
        terms.quantity
        * terms.proxy
        * (ONE - terms.deadweight)
        * (ONE - terms.displacement)
        * (ONE - terms.attribution)
    )
    sign = -ONE if terms.negative else ONE
    keep = ONE - terms.drop_off
    values = []
    for year in range(math.ceil(terms.duration)):
        values.append(sign * (full * min(ONE, terms.duration - year)))
        full *= keep
    return tuple(values)


def _sum_by_year(outcomes: Sequence[OutcomeValue]) -> tuple[Decimal, ...]:
    years = max((len(o.by_year) for o in outcomes), default=0)
    totals = [ZERO] * years
    for outcome in outcomes:
        for index, value in enumerate(outcome.by_year):
            totals[index] += value
    return tuple(totals)


def _by_stakeholder(outcomes: Sequence[OutcomeValue], order: Sequence[str]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for outcome in outcomes:
        key = outcome.stakeholder or UNASSIGNED
        totals[key] = totals.get(key, ZERO) + outcome.present_value
    known = {key: totals[key] for key in order if key in totals}
    return known | {key: value for key, value in totals.items() if key not in known}


def _by_outcome(outcomes: Sequence[OutcomeValue]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for outcome in outcomes:
        totals[outcome.id] = totals.get(outcome.id, ZERO) + outcome.present_value
    return totals


def _investment_by_type(inputs: Sequence[Mapping[str, Any]]) -> dict[str, Decimal]:
    """Total inputs by type: cash, in-kind and volunteer time all count as investment.

    An input whose type is not given is counted as cash.
    """
    totals = dict.fromkeys(INPUT_TYPES, ZERO)
    for item in inputs:
        kind = item.get("type") or "cash"
        totals[kind] = totals.get(kind, ZERO) + to_decimal(item.get("value"))
    return totals


def _ratios(
    present_value: Decimal, investment: Decimal, notes: list[str]
) -> tuple[Decimal | None, Decimal | None]:
    if investment <= 0:
        notes.append(NO_INPUTS_NOTE)
        return None, None
    ratio, net_ratio = present_value / investment, (present_value - investment) / investment
    too_large = [
        name
        for name, value in (("SROI ratio", ratio), ("net SROI ratio", net_ratio))
        if is_too_large(value)
    ]
    if too_large:
        notes.append(
            f"The {' and the '.join(too_large)} {'is' if len(too_large) == 1 else 'are'} too "
            f"large to show: the investment, {format_pounds(investment, 2)}, is so small beside "
            f"the present value, {format_pounds(present_value)}, that "
            f"{'it is' if len(too_large) == 1 else 'they are'} {SHOWN_LIMIT:,} to 1 or more "
            "in size."
        )
    return ratio, net_ratio


def _payback(investment: Decimal, year1: Decimal, notes: list[str]) -> Decimal | None:
    if year1 <= 0:
        notes.append("The impact in year 1 is zero or less, so the investment is never paid back.")
        return None
    months = investment / (year1 / 12)
    if is_too_large(months, 1):
        notes.append(
            f"The year-1 impact, {format_pounds(year1, 2)}, is so small beside the investment "
            f"that payback would take {SHOWN_LIMIT:,} months or more: too long to show."
        )
        return None
    return months


def _outcome_notes(
    outcomes: Sequence[Mapping[str, Any]], valued: Sequence[OutcomeValue]
) -> list[str]:
    """Plain-English notes on outcomes whose arithmetic needs saying."""
    notes = [] if outcomes else ["No outcomes are recorded, so no value is counted."]
    for position, (outcome, value) in enumerate(zip(outcomes, valued, strict=True), start=1):
        name = outcome_in_sentence(outcome, position)
        duration = value.terms.duration
        if duration <= 0:
            notes.append(f"{name} lasts no time, so it adds no value.")
        elif duration != duration.to_integral_value():
            notes.append(
                f"{name} lasts {format_number(duration)} years: "
                "its final, partial year is valued pro rata."
            )
    return notes
