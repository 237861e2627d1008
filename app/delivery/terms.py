"""A contract's terms: provider, dates, annual value, payment by results and reporting.

Terms are kept as a JSON mapping on each contract version, read into :class:`ContractTerms`
here. :func:`terms_from_case` pre-fills them from the accepted version's contract, payment by
results and monitoring answers; :func:`term_errors` says what is wrong, field by field, in the
words of the contract page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from app.value.money import ZERO, format_pounds

FREQUENCIES = {"monthly": 1, "quarterly": 3, "annually": 12}
"""Reporting frequencies and the months in each period."""
VERIFICATION = {
    "independent": "Verified independently",
    "internal": "Verified internally",
    "none": "Not verified",
}
"""How results are verified, as the register says it."""
LONGEST_CONTRACT_YEARS = 25


@dataclass(frozen=True)
class Measure:
    """A result that payment depends on, and the tariff paid for each one."""

    id: str
    description: str
    tariff: Decimal
    outcome: str | None = None


@dataclass(frozen=True)
class ContractTerms:
    """What a contract version says."""

    start: date
    end: date
    annual_value: Decimal
    frequency: str = "quarterly"
    verification: str = "internal"
    pbr_share: Decimal = ZERO
    pbr_cap: Decimal | None = None
    measures: tuple[Measure, ...] = field(default_factory=tuple)

    @property
    def months_per_period(self) -> int:
        return FREQUENCIES[self.frequency]

    @property
    def annual_results_cap(self) -> Decimal:
        """The most paid on results in a year: the agreed cap, else the share at risk."""
        if self.pbr_cap is not None:
            return self.pbr_cap
        return self.annual_value * self.pbr_share

    def to_json(self) -> dict[str, Any]:
        """The terms as stored on a contract version."""
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["end"] = self.end.isoformat()
        data["annual_value"] = str(self.annual_value)
        data["pbr_share"] = str(self.pbr_share)
        data["pbr_cap"] = None if self.pbr_cap is None else str(self.pbr_cap)
        data["measures"] = [{**asdict(m), "tariff": str(m.tariff)} for m in self.measures]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ContractTerms:
        """Read stored terms back."""
        cap = data.get("pbr_cap")
        return cls(
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            annual_value=Decimal(data["annual_value"]),
            frequency=data.get("frequency") or "quarterly",
            verification=data.get("verification") or "internal",
            pbr_share=Decimal(data.get("pbr_share") or "0"),
            pbr_cap=None if cap in (None, "") else Decimal(cap),
            measures=tuple(
                Measure(
                    id=m["id"],
                    description=m.get("description") or "",
                    tariff=Decimal(m.get("tariff") or "0"),
                    outcome=m.get("outcome"),
                )
                for m in data.get("measures") or []
            ),
        )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day where it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - date(year, month, 1)).days))


def term_end(start: date, years: float) -> date:
    """The last day of a term of ``years`` (whole months) starting on ``start``."""
    return add_months(start, max(1, round(years * 12))) - timedelta(days=1)


def terms_from_case(document: Mapping[str, Any], start: date) -> dict[str, Any]:
    """Form values pre-filled from an accepted version: its contract, payment by results and
    monitoring answers, starting on ``start``."""
    contract = document.get("contract") or {}
    monitoring = document.get("monitoring") or {}
    pbr = contract.get("payment_by_results") or {}
    years = contract.get("duration_years") or 1
    measures = [
        {
            "id": m.get("id") or f"measure-{n}",
            "description": m.get("description") or "",
            "tariff": m.get("tariff"),
            "outcome": m.get("outcome"),
        }
        for n, m in enumerate(pbr.get("measures") or [], start=1)
    ]
    return {
        "start": start,
        "end": term_end(start, min(float(years), LONGEST_CONTRACT_YEARS)),
        "annual_value": contract.get("annual_value"),
        "frequency": monitoring.get("frequency") or "quarterly",
        "verification": monitoring.get("verification") or "internal",
        "pbr_share": pbr.get("share") if pbr else 0,
        "pbr_cap": None,
        "measures": measures,
    }


def term_errors(terms: ContractTerms) -> dict[str, str]:
    """What is wrong with the terms, keyed by field, in the words of the contract page."""
    errors: dict[str, str] = {}
    if terms.end <= terms.start:
        errors["end"] = "The end date must be after the start date"
    elif terms.end.year - terms.start.year > LONGEST_CONTRACT_YEARS:
        errors["end"] = f"The contract can run for at most {LONGEST_CONTRACT_YEARS} years"
    if terms.annual_value < ZERO:
        errors["annual_value"] = "The annual value must be £0 or more"
    if not ZERO <= terms.pbr_share <= 1:
        errors["pbr_share"] = "The share paid on results must be between 0% and 100%"
    if terms.frequency not in FREQUENCIES:
        errors["frequency"] = "Select how often results are reported"
    if terms.verification not in VERIFICATION:
        errors["verification"] = "Select who verifies the results"
    at_risk = terms.annual_value * terms.pbr_share
    if terms.pbr_cap is not None:
        if terms.pbr_cap < ZERO:
            errors["pbr_cap"] = "The cap must be £0 or more"
        elif terms.pbr_cap > at_risk:
            errors["pbr_cap"] = (
                "The cap on results payments cannot be more than the share of the annual "
                f"value paid on results ({format_pounds(at_risk)} a year)"
            )
    cap = terms.annual_results_cap
    for n, measure in enumerate(terms.measures):
        name = measure.description or f"measure {n + 1}"
        if measure.tariff < ZERO:
            errors[f"measures-{n}-tariff"] = f"The tariff for {name} must be £0 or more"
        elif terms.pbr_share > 0 and measure.tariff > cap:
            errors[f"measures-{n}-tariff"] = (
                f"The tariff for {name} would pay more for one result than the cap on "
                f"results payments ({format_pounds(cap)} a year)"
            )
    if terms.pbr_share > 0 and not terms.measures:
        errors["pbr_share"] = (
            "Add the results that payment depends on, or set the share paid on results to 0%"
        )
    return errors
