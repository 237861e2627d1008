"""OCDS 1.1.5 releases made from the register's records: how each thing maps (docs/register.md).

Every submission is one contracting process (``ocid``: the configured prefix, ``-case-`` and
the submission's id). Its decision is a ``planning`` release; a contract that follows an
accepted case adds an award-and-``contract`` release and an ``implementation`` release whose
transactions are the payments due on verified results.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Row

from ...accounts.models import aware
from ...delivery.models import Contract
from ...delivery.services import PeriodState
from ...triage.grounds import GROUNDS
from ..records import number
from .publication import Publication

TENDER_STATUS = {"accepted": "planned", "rejected": "unsuccessful"}
"""An accepted case leads to a contracting process not yet under way; a rejected one ends."""
KIND_WORDS = {
    "challenge": "right-to-challenge expression of interest",
    "propose": "right-to-propose submission",
}
CURRENCY = "GBP"


def stamp(moment: datetime) -> str:
    """A stored time as OCDS writes dates: ISO 8601 with its offset."""
    return aware(moment).isoformat()


def day_start(day: date) -> str:
    return stamp(datetime.combine(day, time.min))


def day_end(day: date) -> str:
    return stamp(datetime.combine(day, time(23, 59, 59)))


def ocid(publication: Publication, proposal_id: int) -> str:
    return f"{publication.prefix}-case-{proposal_id}"


def party(party_id: str, name: str, roles: list[str], identifier: Any = None) -> dict[str, Any]:
    """An entry of ``parties``; ``identifier`` is an org-id (``scheme``, ``id``) or None."""
    found: dict[str, Any] = {"id": party_id, "name": name, "roles": roles}
    if identifier is not None:
        found["identifier"] = {"scheme": identifier.scheme, "id": identifier.id, "legalName": name}
    return found


def reference(entry: dict[str, Any]) -> dict[str, str]:
    """An organisation reference to a party."""
    return {"id": entry["id"], "name": entry["name"]}


def body_party(body_id: int, name: str, roles: list[str]) -> dict[str, Any]:
    return party(f"body-{body_id}", name, roles)


def organisation_party(organisation_id: int, name: str, identifier, roles: list[str]) -> dict:
    return party(
        str(identifier) if identifier else f"org-{organisation_id}", name, roles, identifier
    )


def rationale(row: Row) -> str:
    """The decision as the planning section's rationale: outcome, reasons and grounds."""
    outcome = "Accepted" if row.outcome == "accepted" else "Rejected"
    text = f"{outcome}: the {KIND_WORDS.get(row.kind, row.kind)}. Reasons: {row.reasons}"
    if row.grounds:
        text += " Grounds: " + "; ".join(GROUNDS.get(g, g) for g in row.grounds) + "."
    return text


def planning_release(publication: Publication, row: Row, identifier) -> dict[str, Any]:
    """The decision on a submission, published when it was made."""
    process = ocid(publication, row.id)
    decided = stamp(row.decided_at)
    body = body_party(row.body_id, row.body_name, ["buyer", "procuringEntity"])
    proposer = organisation_party(
        row.organisation_id, row.organisation_name, identifier, ["tenderer"]
    )
    summary = row.summary or {}
    tender: dict[str, Any] = {
        "id": f"case-{row.id}",
        "title": row.title,
        "status": TENDER_STATUS[row.outcome],
        "procuringEntity": reference(body),
        "tenderers": [reference(proposer)],
        "numberOfTenderers": 1,
    }
    if summary.get("service"):
        tender["description"] = summary["service"]
    return {
        "ocid": process,
        "id": f"{process}-decision",
        "date": decided,
        "tag": ["planning"],
        "initiationType": "tender",
        "language": "en",
        "parties": [body, proposer],
        "buyer": reference(body),
        "planning": {
            "rationale": rationale(row),
            "documents": [
                {
                    "id": f"decision-{row.decision_id}",
                    "documentType": "evaluationReports",
                    "title": "The decision and its reasons, on the transparency register",
                    "url": publication.entry_url(row.id),
                    "datePublished": decided,
                    "format": "text/html",
                    "language": "en",
                }
            ],
        },
        "tender": tender,
    }


def contract_parties(contract: Contract, identifier, paid: bool) -> tuple[dict, dict]:
    """The buyer and the supplier of a contract (payer and payee where money is due)."""
    body = body_party(
        contract.public_body_id,
        contract.public_body.name,
        ["buyer", "procuringEntity"] + (["payer"] if paid else []),
    )
    roles = ["supplier"] + (["payee"] if paid else [])
    if contract.provider_organisation_id is not None:
        supplier = organisation_party(
            contract.provider_organisation_id, contract.provider, identifier, roles
        )
    else:
        supplier = party(f"provider-{contract.id}", contract.provider, roles)
    return body, supplier


def contract_section(contract: Contract, states: list[PeriodState], today: date) -> dict:
    """The contract's id, award, status, period and value over its term."""
    terms = contract.terms
    months = sum((s.period.months for s in states), Decimal(0))
    if today < terms.start:
        status = "pending"
    elif today > terms.end:
        status = "terminated"
    else:
        status = "active"
    return {
        "id": f"contract-{contract.id}",
        "awardID": f"award-{contract.id}",
        "title": contract.proposal.title,
        "status": status,
        "period": {
            "startDate": day_start(terms.start),
            "endDate": day_end(terms.end),
            "durationInDays": (terms.end - terms.start).days + 1,
        },
        "value": {"amount": number(terms.annual_value * months / 12), "currency": CURRENCY},
    }


def contract_release(
    publication: Publication, contract: Contract, states: list[PeriodState], identifier
) -> dict[str, Any]:
    """The contract as recorded, and the award it rests on, at its current terms."""
    process = ocid(publication, contract.proposal_id)
    body, supplier = contract_parties(contract, identifier, paid=False)
    section = contract_section(contract, states, publication.today)
    award = {
        "id": section["awardID"],
        "status": "active",
        "date": stamp(contract.created_at),
        "suppliers": [reference(supplier)],
        "value": section["value"],
        "contractPeriod": section["period"],
    }
    version = contract.current
    return {
        "ocid": process,
        "id": f"{process}-contract-{version.number}",
        "date": stamp(version.changed_at),
        "tag": ["award", "contract"],
        "initiationType": "tender",
        "language": "en",
        "parties": [body, supplier],
        "buyer": reference(body),
        "awards": [award],
        "contracts": [section],
    }


def implementation_release(
    publication: Publication, contract: Contract, states: list[PeriodState], identifier
) -> dict[str, Any]:
    """The contract's delivery: a transaction for each period's payment on verified results."""
    process = ocid(publication, contract.proposal_id)
    verified = [s for s in states if s.payment.verified and s.report is not None]
    paid = [s for s in verified if s.payment.on_results > 0]
    body, supplier = contract_parties(contract, identifier, paid=bool(paid))
    section = contract_section(contract, states, publication.today)
    section["implementation"] = {
        "transactions": [
            {
                "id": f"contract-{contract.id}-period-{s.period.number}",
                "date": stamp(s.report.verified_at),
                "value": {"amount": number(s.payment.on_results), "currency": CURRENCY},
                "payer": reference(body),
                "payee": reference(supplier),
            }
            for s in paid
        ]
    }
    moments = [s.report.verified_at for s in verified] or [contract.current.changed_at]
    return {
        "ocid": process,
        "id": f"{process}-implementation-{len(verified)}",
        "date": stamp(max(aware(m) for m in moments)),
        "tag": ["implementation"],
        "initiationType": "tender",
        "language": "en",
        "parties": [body, supplier],
        "buyer": reference(body),
        "contracts": [section],
    }
