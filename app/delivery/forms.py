"""The contract and report pages' forms: read as typed, kept as typed, errors by field.

The pages have rows that vary with the case (results paid for, figures reported), so their
fields are read from the posted form here rather than declared; WTForms keeps the CSRF token.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from flask_wtf import FlaskForm

from .figures import read_figure
from .terms import FREQUENCIES, VERIFICATION, ContractTerms, Measure, term_errors

MOST_MEASURES = 50


class ActionForm(FlaskForm):
    """A form that carries only the CSRF token; its fields are read from the request."""


@dataclass
class ContractValues:
    """What the contract page shows in its fields: typed text, or the pre-filled terms."""

    values: dict[str, Any]
    errors: dict[str, str]


def date_parts(day: date | None) -> dict[str, str]:
    if day is None:
        return {"day": "", "month": "", "year": ""}
    return {"day": str(day.day), "month": str(day.month), "year": str(day.year)}


def shown_money(value: Any) -> str:
    if value in (None, ""):
        return ""
    amount = Decimal(str(value))
    return f"{amount:,.2f}".removesuffix(".00")


def shown_percent(value: Any) -> str:
    if value in (None, ""):
        return ""
    share = Decimal(str(value)) * 100
    return f"{share.normalize():f}"


def values_from_terms(terms: Mapping[str, Any], provider: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of the contract page filled from terms (pre-filled or a stored version)."""
    start = terms.get("start")
    end = terms.get("end")
    if isinstance(start, str):
        start = date.fromisoformat(start)
    if isinstance(end, str):
        end = date.fromisoformat(end)
    return {
        **provider,
        "start": date_parts(start),
        "end": date_parts(end),
        "annual_value": shown_money(terms.get("annual_value")),
        "frequency": terms.get("frequency") or "quarterly",
        "verification": terms.get("verification") or "internal",
        "pbr_share": shown_percent(terms.get("pbr_share") or 0),
        "pbr_cap": shown_money(terms.get("pbr_cap")),
        "measures": [
            {
                "id": m.get("id") or "",
                "description": m.get("description") or "",
                "tariff": shown_money(m.get("tariff")),
                "outcome": m.get("outcome") or "",
            }
            for m in terms.get("measures") or []
        ],
        "reason": "",
    }


def _typed_date(form: Mapping[str, str], name: str) -> dict[str, str]:
    return {part: form.get(f"{name}-{part}", "").strip()[:4] for part in ("day", "month", "year")}


def _read_date(
    parts: Mapping[str, str], asked: str, errors: dict[str, str], key: str
) -> date | None:
    if not any(parts.values()):
        errors[key] = f"Enter the {asked}"
        return None
    try:
        return date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    except ValueError:
        errors[key] = f"The {asked} must be a real date, for example 1 4 2027"
        return None


def read_contract(
    form: Mapping[str, str], outcomes: Mapping[str, str], organisations: Mapping[int, str]
) -> tuple[ContractTerms | None, ContractValues]:
    """The terms as typed on the contract page, or None with the errors by field."""
    errors: dict[str, str] = {}
    measures_typed = []
    for n in range(MOST_MEASURES):
        prefix = f"measures-{n}-"
        if prefix + "description" not in form and prefix + "tariff" not in form:
            continue
        measures_typed.append(
            {
                "id": form.get(prefix + "id", "").strip()[:64],
                "description": form.get(prefix + "description", "").strip()[:2000],
                "tariff": form.get(prefix + "tariff", "").strip()[:40],
                "outcome": form.get(prefix + "outcome", "").strip()[:64],
            }
        )
    values = {
        "provider_kind": form.get("provider_kind", ""),
        "provider_organisation": form.get("provider_organisation", ""),
        "provider_name": form.get("provider_name", "").strip()[:200],
        "start": _typed_date(form, "start"),
        "end": _typed_date(form, "end"),
        "annual_value": form.get("annual_value", "").strip()[:40],
        "frequency": form.get("frequency", ""),
        "verification": form.get("verification", ""),
        "pbr_share": form.get("pbr_share", "").strip()[:20],
        "pbr_cap": form.get("pbr_cap", "").strip()[:40],
        "measures": measures_typed,
        "reason": form.get("reason", "").strip()[:5000],
    }
    if values["provider_kind"] == "organisation":
        if (
            not values["provider_organisation"].isdigit()
            or int(values["provider_organisation"]) not in organisations
        ):
            errors["provider_organisation"] = "Select the organisation that delivers the service"
    elif values["provider_kind"] == "named":
        if not values["provider_name"]:
            errors["provider_name"] = "Enter the name of the provider"
    else:
        errors["provider_kind"] = "Select who delivers the service"
    start = _read_date(values["start"], "start date", errors, "start")
    end = _read_date(values["end"], "end date", errors, "end")
    annual = read_figure(values["annual_value"], money=True)
    if annual is None:
        errors["annual_value"] = "Enter the annual value in pounds, like 180,000"
    if values["frequency"] not in FREQUENCIES:
        errors["frequency"] = "Select how often results are reported"
    if values["verification"] not in VERIFICATION:
        errors["verification"] = "Select who verifies the results"
    share = read_figure(values["pbr_share"].removesuffix("%") or "0", money=False)
    if share is None:
        errors["pbr_share"] = "Enter the share paid on results as a percentage, like 20%"
    cap = None
    if values["pbr_cap"]:
        cap = read_figure(values["pbr_cap"], money=True)
        if cap is None:
            errors["pbr_cap"] = "Enter the cap on results payments in pounds a year, like 30,000"
    measures = []
    for n, typed in enumerate(measures_typed):
        if not typed["description"] and not typed["tariff"]:
            continue
        if not typed["description"]:
            errors[f"measures-{n}-description"] = f"Enter what result {n + 1} is"
        tariff = read_figure(typed["tariff"], money=True)
        if tariff is None:
            errors[f"measures-{n}-tariff"] = (
                f"Enter the tariff for {typed['description'] or f'result {n + 1}'} in pounds, "
                "like 500"
            )
            continue
        if typed["outcome"] and typed["outcome"] not in outcomes:
            errors[f"measures-{n}-outcome"] = "Select an outcome from the list"
        measures.append(
            Measure(
                id=typed["id"] or f"result-{n + 1}",
                description=typed["description"],
                tariff=tariff,
                outcome=typed["outcome"] or None,
            )
        )
    if errors or start is None or end is None or annual is None or share is None:
        return None, ContractValues(values, errors)
    terms = ContractTerms(
        start=start,
        end=end,
        annual_value=annual,
        frequency=values["frequency"],
        verification=values["verification"],
        pbr_share=share / 100,
        pbr_cap=cap,
        measures=tuple(measures),
    )
    errors.update(term_errors(terms))
    if errors:
        return None, ContractValues(values, errors)
    return terms, ContractValues(values, errors)
