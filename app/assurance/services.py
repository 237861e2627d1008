"""Finding what an assurer may assure, and recording their statements.

An assurer is independent of what they assure: they may not be a member of the organisation
whose case or delivery it is, nor a commissioner of the body concerned.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from .models import AssuranceStatement


@dataclass(frozen=True)
class Subject:
    """Something published that can carry assurance statements."""

    kind: str
    id: int
    title: str
    organisation_ids: frozenset[int]
    public_body_id: int
    link: tuple[str, dict]  # endpoint and values of its public page


Resolver = Callable[[int], Subject | None]
RESOLVERS: dict[str, Resolver] = {}


def resolver(kind: str) -> Callable[[Resolver], Resolver]:
    """Register how a kind of subject is found (a published one only)."""

    def register(function: Resolver) -> Resolver:
        RESOLVERS[kind] = function
        return function

    return register


@resolver("case")
def decided_case(subject_id: int) -> Subject | None:
    from ..proposals.models import Proposal
    from ..triage.models import Decision

    case = db.session.get(Proposal, subject_id)
    if (
        case is None
        or db.session.scalar(select(Decision.id).where(Decision.proposal_id == subject_id)) is None
    ):
        return None
    return Subject(
        "case",
        case.id,
        case.title,
        frozenset({case.organisation_id}),
        case.public_body_id,
        ("register.detail", {"proposal_id": case.id}),
    )


@resolver("contract")
def contract_results(subject_id: int) -> Subject | None:
    from ..delivery.models import Contract

    contract = db.session.get(Contract, subject_id)
    if contract is None:
        return None
    owners = {contract.proposal.organisation_id}
    if contract.provider_organisation_id:
        owners.add(contract.provider_organisation_id)
    return Subject(
        "contract",
        contract.id,
        f"{contract.proposal.title}: results delivered",
        frozenset(owners),
        contract.public_body_id,
        ("register.detail", {"proposal_id": contract.proposal_id}),
    )


@resolver("assessment")
def decided_assessment(subject_id: int) -> Subject | None:
    from ..decommissioning import services as decommissioning

    assessment = decommissioning.published(subject_id)
    if assessment is None:
        return None
    return Subject(
        "assessment",
        assessment.id,
        f"Decommissioning {assessment.service_name or 'assessment'}",
        frozenset(),
        assessment.public_body_id,
        ("decommissioning.published", {"assessment_id": assessment.id}),
    )


def subject_of(kind: str, subject_id: int) -> Subject | None:
    found = RESOLVERS.get(kind)
    return found(subject_id) if found else None


def independence_problem(assurer: User, subject: Subject) -> str | None:
    """Why this person may not assure this subject, or None."""
    if not assurer.assurer:
        return "Only a person an administrator has made an assurer can publish assurance."
    if assurer.organisation_id in subject.organisation_ids:
        return "You cannot assure the work of your own organisation."
    if assurer.public_body_id == subject.public_body_id:
        return "You cannot assure the work of your own public body."
    return None


def publish(subject: Subject, assurer: User, data: dict) -> AssuranceStatement:
    statement = AssuranceStatement(
        subject_kind=subject.kind,
        subject_id=subject.id,
        assurer_id=assurer.id,
        assurer_name=assurer.name,
        assurer_organisation=data["organisation"].strip(),
        standard=data["standard"].strip(),
        verified_on=data["verified_on"],
        scope=data["scope"].strip(),
        conclusion=data["conclusion"],
        detail=(data.get("detail") or "").strip(),
    )
    db.session.add(statement)
    db.session.commit()
    return statement


def statements_on(kind: str, subject_id: int) -> list[AssuranceStatement]:
    query = select(AssuranceStatement).where(
        AssuranceStatement.subject_kind == kind, AssuranceStatement.subject_id == subject_id
    )
    return list(db.session.scalars(query.order_by(AssuranceStatement.verified_on.desc())))


def assurable(limit: int = 100) -> list[Subject]:
    """Decided cases and contracts, newest first: what an assurer may choose from."""
    from ..delivery.models import Contract
    from ..triage.models import Decision

    cases = db.session.scalars(
        select(Decision.proposal_id).order_by(Decision.decided_at.desc()).limit(limit)
    )
    contracts = db.session.scalars(select(Contract.id).order_by(Contract.id.desc()).limit(limit))
    from ..decommissioning.models import DecommissioningAssessment

    assessments = db.session.scalars(
        select(DecommissioningAssessment.id)
        .where(DecommissioningAssessment.status == "decided")
        .order_by(DecommissioningAssessment.id.desc())
        .limit(limit)
    )
    found = (
        [decided_case(i) for i in cases]
        + [contract_results(i) for i in contracts]
        + [decided_assessment(i) for i in assessments]
    )
    return [s for s in found if s is not None]


def latest_date_allowed() -> date:
    from ..accounts.models import utcnow

    return utcnow().date()
