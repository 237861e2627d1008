"""Learning carried forward: what services already delivered show about a new case's claims.

A new case's outcome matches a delivered one when both are valued with the same entry of the
financial proxy library, or measured by the same indicator (compared without case or
spacing). For each match the review shows what that service realised against what it claimed
to date, and the deadweight and drop-off its accepted case used. Per tier, how the cases
decided at that tier went on to deliver lets the tier thresholds be set on practice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from ..extensions import db
from .models import Contract
from .services import accepted_document, comparison


@dataclass(frozen=True)
class DeliveredOutcome:
    """An outcome a service on the platform has delivered, matched to a new case's outcome."""

    outcome: str  # the new case's outcome description
    matched_by: str  # "the same proxy" or "the same indicator"
    contract: Contract
    delivered: str  # the delivered outcome's description
    claimed_to_date: Decimal
    realised: Decimal
    deadweight: Any
    drop_off: Any

    @property
    def achieved_share(self) -> Decimal | None:
        """Realised quantity as a share of the quantity claimed to date."""
        return self.realised / self.claimed_to_date if self.claimed_to_date else None


def _key(text: Any) -> str:
    return " ".join(str(text or "").lower().split())


def delivered_matches(document: Mapping[str, Any], exclude_case: int) -> list[DeliveredOutcome]:
    """The delivered outcomes (with at least one verified period) matching this case's."""
    wanted = [
        (o, (o.get("proxy") or {}).get("library_id"), _key(o.get("indicator")))
        for o in document.get("outcomes") or []
    ]
    found: list[DeliveredOutcome] = []
    for contract in db.session.scalars(
        select(Contract).where(Contract.proposal_id != exclude_case)
    ):
        if not any(r.status == "verified" for r in contract.reports):
            continue
        delivered = {o.get("id"): o for o in accepted_document(contract).get("outcomes") or []}
        compared = None
        for outcome, library_id, indicator in wanted:
            for other in delivered.values():
                same_proxy = (
                    library_id and (other.get("proxy") or {}).get("library_id") == library_id
                )
                same_indicator = indicator and _key(other.get("indicator")) == indicator
                if not (same_proxy or same_indicator):
                    continue
                compared = compared or comparison(contract)
                row = next((r for r in compared.outcomes if r.id == other.get("id")), None)
                if row is None:
                    continue
                found.append(
                    DeliveredOutcome(
                        outcome=outcome.get("description") or outcome.get("id"),
                        matched_by="the same proxy" if same_proxy else "the same indicator",
                        contract=contract,
                        delivered=row.description,
                        claimed_to_date=row.claimed_quantity,
                        realised=row.realised_quantity,
                        deadweight=other.get("deadweight"),
                        drop_off=other.get("drop_off"),
                    )
                )
    return found


@dataclass(frozen=True)
class TierDelivery:
    """How the cases decided at one tier delivered."""

    tier: str
    contracts: int
    with_results: int
    claimed: Decimal
    realised: Decimal

    @property
    def realised_share(self) -> Decimal | None:
        return self.realised / self.claimed if self.claimed else None


def delivery_by_tier(public_body_id: int | None = None) -> list[TierDelivery]:
    """Per tier (as the case was checked at decision), the value claimed to date and realised
    over every contract with verified results; a body's own contracts when given."""
    query = select(Contract)
    if public_body_id is not None:
        query = query.where(Contract.public_body_id == public_body_id)
    tiers: dict[str, list] = {}
    for contract in db.session.scalars(query):
        tier = contract.proposal.tier or "not recorded"
        row = tiers.setdefault(tier, [0, 0, Decimal(0), Decimal(0)])
        row[0] += 1
        if any(r.status == "verified" for r in contract.reports):
            compared = comparison(contract)
            row[1] += 1
            row[2] += compared.forecast.present_value
            row[3] += compared.realised.present_value
    return [TierDelivery(tier, *values) for tier, values in sorted(tiers.items())]
