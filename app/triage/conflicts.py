"""When two commissioners act on the same submission at once, the first change wins.

A submission carries a revision that every change bumps (SQLAlchemy's version counter), and a
submission has at most one decision (a unique key). So a commissioner who acted on what they
saw a moment ago either finds the status already moved, or their commit finds the row changed
(StaleDataError) or the decision already there (IntegrityError). Each case rolls back whole
and becomes ``AlreadyChanged``, whose message tells the loser what the winner did.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ..extensions import db
from ..proposals.models import Proposal
from ..proposals.workflow import DECIDED, Status

SAME_MOMENT = (
    "Another commissioner changed this submission at the same moment. Reload the review page "
    "to see what changed, then try again if it is still needed."
)


class AlreadyChanged(Exception):
    """Someone else changed the submission first; nothing of this request was kept."""


def what_happened(proposal: Proposal) -> str:
    """Where the submission is now, told to a commissioner who expected it elsewhere."""
    status = proposal.status
    if status in DECIDED:
        return (
            f"This submission has already been decided: it was {status.label.lower()}. "
            "The decision, the judgements and the assignment are final; you can still add "
            "a note."
        )
    return {
        Status.SUBMITTED: (
            "This submission is waiting for its review to start: start the review first."
        ),
        Status.IN_REVIEW: "This submission is already under review.",
        Status.MORE_INFO: (
            "More information has already been requested for this submission: it waits "
            "for the proposer to resubmit."
        ),
        Status.WITHDRAWN: "This submission has been withdrawn by its proposer.",
    }.get(status, SAME_MOMENT)


def refuse_if_decided(proposal: Proposal) -> None:
    """A decided submission's decision, judgements and assignment are final."""
    if proposal.status in DECIDED:
        raise AlreadyChanged(what_happened(proposal))


@contextmanager
def first_change_wins(proposal: Proposal) -> Iterator[None]:
    """Commit the block's changes, or roll them all back if someone else changed it first."""
    before = proposal.status
    try:
        yield
        db.session.commit()
    except (StaleDataError, IntegrityError) as error:
        db.session.rollback()
        # the rollback expired the submission, so its status is read afresh: the winner's
        moved = proposal.status != before or proposal.status in DECIDED
        raise AlreadyChanged(what_happened(proposal) if moved else SAME_MOMENT) from error
