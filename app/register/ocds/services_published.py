"""Release sources for what public bodies publish of their own services: each service
baseline, and each decided decommissioning assessment, as a planning release of a contracting
process of its own (``<prefix>-service-<id>``, ``<prefix>-decommissioning-<id>``).

A baseline's planning release carries its annual cost as the budget (none when the body has not
published it: the rationale says it is a transparency gap); an assessment's carries the
decision and its reasons. Neither is a decision on a submission, so both are left out when
the register's filter asks for anything but a body.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...baselines.models import COST_BASES, ServiceBaseline
from ...decommissioning.models import DECIDED, DECISIONS, DecommissioningAssessment
from ...extensions import db
from ..records import number
from .publication import Publication
from .releases import CURRENCY, body_party, party, reference, stamp

BATCH = 200


def _only_bodies_wanted(publication: Publication) -> bool:
    wanted = publication.wanted.query_args()
    return not (set(wanted) - {"body"})


def _batches(publication: Publication, model, *conditions) -> Iterator[list]:
    """The records in batches by id, in a session emptied after each."""
    after = 0
    body = publication.wanted.body
    with Session(db.engine) as session:
        while True:
            query = select(model).where(model.id > after, *conditions)
            if body is not None:
                query = query.where(model.public_body_id == body)
            query = query.options(selectinload(model.public_body)).order_by(model.id).limit(BATCH)
            batch = list(session.scalars(query))
            if not batch:
                return
            yield batch
            after = batch[-1].id
            session.expunge_all()


def _document(publication: Publication, kind: str, record_id: int, title: str, when: str):
    url = publication.page_url(kind, record_id) if publication.page_url else None
    if url is None:
        return []
    return [
        {
            "id": f"{kind}-{record_id}",
            "documentType": "evaluationReports" if kind == "decommissioning" else "marketStudies",
            "title": title,
            "url": url,
            "datePublished": when,
            "format": "text/html",
            "language": "en",
        }
    ]


def baseline_releases(publication: Publication) -> Iterator[dict[str, Any]]:
    """A planning release for each published service baseline."""
    if not _only_bodies_wanted(publication):
        return
    for batch in _batches(publication, ServiceBaseline):
        for baseline in batch:
            process = f"{publication.prefix}-service-{baseline.id}"
            when = stamp(baseline.updated_at)
            body = body_party(baseline.public_body_id, baseline.public_body.name, ["buyer"])
            parties = [body]
            outcomes = "; ".join(
                f"{o.get('description')} (measured by {o.get('indicator') or 'no indicator given'})"
                for o in baseline.outcomes or []
            )
            rationale = f"What {baseline.name} costs and creates today, as its body publishes it."
            if outcomes:
                rationale += f" Outcomes: {outcomes}."
            planning: dict[str, Any] = {
                "rationale": rationale,
                "documents": _document(publication, "service", baseline.id, baseline.name, when),
            }
            planning["budget"] = {"id": f"service-{baseline.id}", "project": baseline.name}
            if baseline.annual_cost is None:
                planning["rationale"] += " Its annual cost is not published: a transparency gap."
            else:
                planning["budget"]["description"] = "Annual cost: " + COST_BASES.get(
                    baseline.cost_basis, ""
                )
                planning["budget"]["amount"] = {
                    "amount": number(baseline.annual_cost),
                    "currency": CURRENCY,
                }
            if baseline.provider_kind == "named" and baseline.provider_name:
                parties.append(
                    party(f"service-{baseline.id}-provider", baseline.provider_name, ["supplier"])
                )
            yield {
                "ocid": process,
                "id": f"{process}-{baseline.updated_at:%Y%m%d%H%M%S}",
                "date": when,
                "tag": ["planning"],
                "initiationType": "tender",
                "language": "en",
                "parties": parties,
                "buyer": reference(body),
                "planning": planning,
            }


def decommissioning_releases(publication: Publication) -> Iterator[dict[str, Any]]:
    """A planning release for each decided decommissioning assessment."""
    if not _only_bodies_wanted(publication):
        return
    for batch in _batches(
        publication, DecommissioningAssessment, DecommissioningAssessment.status == DECIDED
    ):
        for assessment in batch:
            process = f"{publication.prefix}-decommissioning-{assessment.id}"
            when = stamp(assessment.decided_at or assessment.updated_at)
            body = body_party(assessment.public_body_id, assessment.public_body.name, ["buyer"])
            decision = DECISIONS.get(assessment.decision, assessment.decision)
            name = assessment.service_name or "the service"
            yield {
                "ocid": process,
                "id": f"{process}-decision",
                "date": when,
                "tag": ["planning"],
                "initiationType": "tender",
                "language": "en",
                "parties": [body],
                "buyer": reference(body),
                "planning": {
                    "rationale": (
                        f"Decommissioning assessed for value: {name}. Decision: {decision}. "
                        f"Reasons: {assessment.reasons}"
                    ),
                    "documents": _document(
                        publication,
                        "decommissioning",
                        assessment.id,
                        f"The decommissioning assessment of {name}",
                        when,
                    ),
                },
            }
