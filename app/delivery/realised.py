"""Value realised beside value claimed: the accepted version's account recomputed with verified
quantities and actual spend.

The arithmetic is the value account's own (:func:`app.value.compute_account`): the accepted
document with each outcome's quantity replaced by the quantity verified and each input's value
by the spend verified. The forecast it is set beside is the accepted account for the share of
the contract reported on so far, on the assumption that the claimed quantities and costs fall
evenly over the term; that assumption is stated wherever the comparison is shown.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.value import ValueAccount, compute_account
from app.value.money import ZERO

from .figures import by_kind


@dataclass(frozen=True)
class OutcomeComparison:
    """One outcome's claimed and realised figures to date."""

    id: str
    description: str
    stakeholder: str
    claimed_quantity: Decimal
    realised_quantity: Decimal
    claimed_value: Decimal
    realised_value: Decimal
    reasons: tuple[str, ...]

    @property
    def variance(self) -> Decimal:
        return self.realised_value - self.claimed_value


@dataclass(frozen=True)
class Comparison:
    """The account claimed (to date) and realised, outcome by outcome and stakeholder by
    stakeholder."""

    share_of_term: Decimal
    forecast: ValueAccount
    realised: ValueAccount
    outcomes: tuple[OutcomeComparison, ...]
    stakeholders: tuple[tuple[str, Decimal, Decimal], ...]  # name, claimed, realised
    spend_reasons: tuple[str, ...]

    @property
    def variance(self) -> Decimal:
        return self.realised.present_value - self.forecast.present_value


def with_figures(
    document: Mapping[str, Any], quantities: Mapping[str, Decimal], spend: Mapping[str, Decimal]
) -> dict[str, Any]:
    """The document with its outcomes' quantities and its inputs' values replaced."""
    changed = copy.deepcopy(dict(document))
    for outcome in changed.get("outcomes") or []:
        if not outcome.get("leads_to"):
            outcome["quantity"] = quantities.get(str(outcome.get("id")), ZERO)
    for n, spent in enumerate(changed.get("inputs") or []):
        spent["value"] = spend.get(str(n), ZERO)
    return changed


def scaled(document: Mapping[str, Any], share: Decimal) -> dict[str, Any]:
    """The document for ``share`` of its term: quantities and costs in proportion."""
    quantities = {
        str(o.get("id")): Decimal(str(o.get("quantity") or 0)) * share
        for o in document.get("outcomes") or []
    }
    spend = {
        str(n): Decimal(str(i.get("value") or 0)) * share
        for n, i in enumerate(document.get("inputs") or [])
    }
    return with_figures(document, quantities, spend)


def realised_account(document: Mapping[str, Any], verified: Mapping[str, Decimal]) -> ValueAccount:
    """The account of verified figures (keys as in :mod:`figures`)."""
    return compute_account(
        with_figures(document, by_kind(verified, "outcome"), by_kind(verified, "input"))
    )


def compare(
    document: Mapping[str, Any],
    verified: Mapping[str, Decimal],
    share_of_term: Decimal,
    reasons: Mapping[str, Sequence[str]],
) -> Comparison:
    """Claimed to date against realised, from the verified figures of the periods reported."""
    forecast_document = scaled(document, share_of_term)
    forecast = compute_account(forecast_document)
    realised = realised_account(document, verified)
    claimed_by_id = {o.id: o for o in forecast.outcomes}
    realised_by_id = {o.id: o for o in realised.outcomes}
    names = {s.get("id"): s.get("name") or s.get("id") for s in document.get("stakeholders") or []}
    quantities = by_kind(verified, "outcome")
    rows = []
    for outcome in forecast_document.get("outcomes") or []:
        key = str(outcome.get("id"))
        if outcome.get("leads_to"):
            continue
        rows.append(
            OutcomeComparison(
                id=key,
                description=outcome.get("description") or key,
                stakeholder=names.get(outcome.get("stakeholder"), ""),
                claimed_quantity=Decimal(str(outcome.get("quantity") or 0)),
                realised_quantity=quantities.get(key, ZERO),
                claimed_value=claimed_by_id[key].present_value,
                realised_value=realised_by_id[key].present_value,
                reasons=tuple(reasons.get(f"outcome:{key}", ())),
            )
        )
    claimed_by_group = forecast.by_stakeholder
    realised_by_group = realised.by_stakeholder
    groups = tuple(
        (names.get(key, key), claimed_by_group.get(key, ZERO), realised_by_group.get(key, ZERO))
        for key in forecast.stakeholder_ids
        if key in claimed_by_group or key in realised_by_group
    )
    spend_reasons = tuple(
        reason for key, found in reasons.items() if key.startswith("input:") for reason in found
    )
    return Comparison(share_of_term, forecast, realised, tuple(rows), groups, spend_reasons)
