"""Re-checking open submissions after the rules change, in batches.

A submission is open while a commissioner may still act on it: submitted, in review, or
waiting for more information. Each batch re-runs the check on the latest submitted version
of each submission, keeps the new report on that version (earlier versions keep the report
they were submitted with) and refreshes the submission's queue columns from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from ..extensions import db
from ..proposals.models import Proposal
from ..proposals.workflow import Status
from .queue import app_context

OPEN = (Status.SUBMITTED, Status.IN_REVIEW, Status.MORE_INFO)
DEFAULT_BATCH = 200

Check = Callable[[Mapping], dict]


def open_submission_ids() -> list[int]:
    """The ids of every open submission, oldest first."""
    query = select(Proposal.id).where(Proposal.status.in_(OPEN)).order_by(Proposal.id)
    return list(db.session.scalars(query))


def batches(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    """``ids`` in consecutive lists of at most ``size``."""
    if size < 1:
        raise ValueError("a batch holds at least one submission")
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def recheck_batch(proposal_ids: Sequence[int], check: Check) -> int:
    """Re-check one batch and commit; how many reports changed.

    A submission that left the open statuses meanwhile is passed over. If someone else
    changed one of the submissions while the batch ran, the batch is run once more.
    """
    try:
        changed = _recheck(proposal_ids, check)
        db.session.commit()
        return changed
    except StaleDataError:
        db.session.rollback()
    changed = _recheck(proposal_ids, check)
    db.session.commit()
    return changed


def _recheck(proposal_ids: Sequence[int], check: Check) -> int:
    query = (
        select(Proposal)
        .where(Proposal.id.in_(list(proposal_ids)), Proposal.status.in_(OPEN))
        .options(selectinload(Proposal.versions))
    )
    changed = 0
    for proposal in db.session.scalars(query):
        if not proposal.versions:
            continue
        latest = proposal.versions[-1]
        report = check(latest.document)
        if report != latest.check_report:
            latest.check_report = report
            proposal.record_report(report)
            changed += 1
    return changed


def recheck_job(proposal_ids: list[int]) -> int:
    """RQ job: re-check one batch with the app's rulebook; how many reports changed."""
    with app_context() as app:
        return recheck_batch(proposal_ids, app.extensions["rulebook"].check)
