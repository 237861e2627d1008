"""The register as open data: one JSON record per decision, and its contract's delivery.

The record carries what the register's pages publish and nothing more (docs/register.md
lists every field). Money is in pounds as numbers; dates are ISO 8601 in UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, select

from ..accounts.models import aware
from ..delivery.models import Contract
from ..delivery.services import DeliveryRecord, delivery_record
from ..extensions import db
from ..triage.grounds import GROUNDS
from .orgid import org_id

SUMMARY_VALUES = ("current_annual_cost", "present_value", "investment", "sroi_ratio")


def number(value: Decimal | float | int | None) -> float | int | None:
    """A figure as JSON writes it: whole numbers stay whole, pence to two places."""
    if value is None:
        return None
    value = Decimal(str(value))
    return int(value) if value == value.to_integral_value() else float(round(value, 2))


def deliveries(proposal_ids: Iterable[int], today: date) -> dict[int, DeliveryRecord]:
    """The delivery records of those submissions that have a contract, by submission."""
    ids = list(proposal_ids)
    contracted = (
        db.session.scalars(select(Contract.proposal_id).where(Contract.proposal_id.in_(ids))).all()
        if ids
        else []
    )
    found = {pid: delivery_record(pid, today) for pid in contracted}
    return {pid: record for pid, record in found.items() if record is not None}


def delivery_summary(record: DeliveryRecord) -> dict[str, Any]:
    """What the register says of a contract's delivery."""
    compared = record.compared
    terms = record.contract.terms
    return {
        "provider": record.contract.provider,
        "start": terms.start.isoformat(),
        "end": terms.end.isoformat(),
        "annual_value": number(terms.annual_value),
        "verification": terms.verification,
        "verification_text": record.verification,
        "periods_verified": record.periods_verified,
        "reports_overdue": record.overdue,
        "reports_late": record.late,
        "share_of_term_verified": number(compared.share_of_term),
        "value_claimed_to_date": number(compared.forecast.present_value),
        "value_realised": number(compared.realised.present_value),
        "sroi_ratio_claimed_to_date": number(compared.forecast.sroi_ratio),
        "sroi_ratio_realised": number(compared.realised.sroi_ratio),
        "paid_on_results": number(record.paid_on_results),
    }


def organisation(row: Row) -> dict[str, Any]:
    """The submitting organisation, with its org-id identifier where one is known."""
    identifier = org_id(row.organisation_type, row.registration_number)
    return {
        "name": row.organisation_name,
        "type": str(row.organisation_type),
        "identifier": str(identifier) if identifier else None,
        "registration_number": row.registration_number,
    }


def record(row: Row, delivery: DeliveryRecord | None, link: Callable[[int], str]) -> dict[str, Any]:
    """One decision as the JSON API publishes it."""
    summary = row.summary or {}
    return {
        "id": row.id,
        "url": link(row.id),
        "title": row.title,
        "kind": row.kind,
        "service": summary.get("service") or None,
        "tier": summary.get("tier") or row.tier,
        "public_body": {"id": row.body_id, "name": row.body_name},
        "organisation": organisation(row),
        "decision": {
            "outcome": row.outcome,
            "decided_at": aware(row.decided_at).isoformat(),
            "reasons": row.reasons,
            "grounds": [{"code": g, "text": GROUNDS.get(g, g)} for g in row.grounds or []],
            "next_steps": row.next_steps or None,
        },
        "value_claimed": {key: number(summary.get(key)) for key in SUMMARY_VALUES},
        "delivery": delivery_summary(delivery) if delivery else None,
    }
