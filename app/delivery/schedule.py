"""The reporting schedule: the periods a contract reports on and when each report is due.

A contract's term is cut into periods of its reporting frequency from the start date (the
last one shorter where the term does not divide evenly). A report is due a set number of
working days after its period ends, and is flagged on the register as late once it is a set
number of days past due.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.workdays import add_working_days

from .terms import ContractTerms, add_months

REPORT_DUE_WORKING_DAYS = 20
"""Working days after a period ends by which its results report is due (default)."""
LATE_AFTER_DAYS = 30
"""Days past due after which a missing report is flagged on the register (default)."""


@dataclass(frozen=True)
class Period:
    """One reporting period of a contract."""

    number: int
    start: date
    end: date
    due: date
    months: Decimal
    """Months the period covers: the frequency's, or fewer for a short last period."""

    @property
    def label(self) -> str:
        """How pages name the period: "Period 2: 1 April 2026 to 30 June 2026"."""
        return f"Period {self.number}: {long_date(self.start)} to {long_date(self.end)}"

    @property
    def in_words(self) -> str:
        """How a sentence names it: "period 2 (1 April 2026 to 30 June 2026)"."""
        return f"period {self.number} ({long_date(self.start)} to {long_date(self.end)})"

    @property
    def year_fraction(self) -> Decimal:
        """The share of a year the period covers, in months: a quarter is exactly 0.25."""
        return self.months / 12

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def months_between(start: date, stop: date) -> Decimal:
    """Months from ``start`` up to ``stop`` (exclusive), part months by their days."""
    whole = (stop.year - start.year) * 12 + stop.month - start.month
    if add_months(start, whole) > stop:
        whole -= 1
    reached = add_months(start, whole)
    following = add_months(start, whole + 1)
    part = Decimal((stop - reached).days) / Decimal((following - reached).days)
    return Decimal(whole) + part


def long_date(day: date) -> str:
    """A date as GOV.UK writes it: 1 April 2026."""
    return f"{day.day} {day:%B %Y}"


def periods(
    terms: ContractTerms, holidays: Set[date], due_days: int = REPORT_DUE_WORKING_DAYS
) -> list[Period]:
    """Every reporting period of the term, in order."""
    found: list[Period] = []
    step = terms.months_per_period
    start = terms.start
    while start <= terms.end:
        following = add_months(terms.start, (len(found) + 1) * step)
        end = following - timedelta(days=1)
        months = Decimal(step)
        if end > terms.end:
            end, months = terms.end, months_between(start, terms.end + timedelta(days=1))
        due = add_working_days(end, due_days, holidays)
        found.append(Period(len(found) + 1, start, end, due, months))
        start = following
    return found


def period_numbered(terms: ContractTerms, number: int, holidays: Set[date]) -> Period | None:
    """The period with this number, or None."""
    return next((p for p in periods(terms, holidays) if p.number == number), None)


def lateness(period: Period, today: date, late_after: int = LATE_AFTER_DAYS) -> str | None:
    """ "late" past the flag, "overdue" past due, "due" within the due window, else None."""
    if today > period.due + timedelta(days=late_after):
        return "late"
    if today > period.due:
        return "overdue"
    if today > period.end:
        return "due"
    return None
