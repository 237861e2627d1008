"""The register's release sources: decisions, and the contracts that follow accepted cases.

Each reads its records in batches (keyset on the row id) and yields releases as it goes;
contracts are read in a session of their own, emptied after each batch, so that a package of
any size holds one batch of objects at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...delivery.models import Contract
from ...delivery.services import schedule
from ...extensions import db
from ...proposals.models import Proposal
from ...triage.models import Decision
from .. import services
from ..orgid import org_id
from .publication import Publication
from .releases import contract_release, implementation_release, planning_release

CONTRACT_BATCH = 100


def decision_releases(publication: Publication) -> Iterator[dict[str, Any]]:
    """A planning release for each decision the filter matches, oldest decision row first."""
    for batch in services.record_batches(publication.wanted):
        for row in batch:
            identifier = org_id(row.organisation_type, row.registration_number)
            yield planning_release(publication, row, identifier)


def _contracts(publication: Publication, after: int):
    """The next batch of contracts whose cases the filter matches."""
    query = (
        select(Contract.id)
        .join(Proposal, Proposal.id == Contract.proposal_id)
        .join(Decision, Decision.proposal_id == Proposal.id)
    )
    ids = services.filtered(query, publication.wanted).where(Contract.id > after)
    return (
        select(Contract)
        .where(Contract.id.in_(ids.order_by(Contract.id).limit(CONTRACT_BATCH).scalar_subquery()))
        .order_by(Contract.id)
        .options(
            selectinload(Contract.versions),
            selectinload(Contract.reports),
            selectinload(Contract.proposal),
            selectinload(Contract.public_body),
            selectinload(Contract.provider_organisation),
        )
    )


def contract_releases(publication: Publication) -> Iterator[dict[str, Any]]:
    """A contract release and an implementation release for each contract the filter's
    cases have."""
    after = 0
    with Session(db.engine) as session:
        while True:
            batch = list(session.scalars(_contracts(publication, after)))
            if not batch:
                return
            for contract in batch:
                provider = contract.provider_organisation
                identifier = (
                    org_id(provider.type, provider.registration_number) if provider else None
                )
                states = schedule(contract, publication.today)
                yield contract_release(publication, contract, states, identifier)
                yield implementation_release(publication, contract, states, identifier)
            after = batch[-1].id
            session.expunge_all()
