"""The submission workflow as one declared state machine (no Flask, no database)."""

import enum
from dataclasses import dataclass


class Status(enum.StrEnum):
    """Where a submission is in its life."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    MORE_INFO = "more_info_requested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The status as people read it."""
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.DRAFT: "Draft",
    Status.SUBMITTED: "Submitted",
    Status.IN_REVIEW: "In review",
    Status.MORE_INFO: "More information requested",
    Status.ACCEPTED: "Accepted",
    Status.REJECTED: "Rejected",
    Status.WITHDRAWN: "Withdrawn",
}


class Party(enum.StrEnum):
    """Who may take a transition."""

    PROPOSER = "proposer"
    COMMISSIONER = "commissioner"


@dataclass(frozen=True)
class Transition:
    """A move from one status to another, by one party."""

    action: str
    source: Status
    target: Status
    party: Party
    label: str
    needs_reason: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition("submit", Status.DRAFT, Status.SUBMITTED, Party.PROPOSER, "Submit"),
    Transition("resubmit", Status.MORE_INFO, Status.SUBMITTED, Party.PROPOSER, "Resubmit"),
    Transition(
        "start_review", Status.SUBMITTED, Status.IN_REVIEW, Party.COMMISSIONER, "Start review"
    ),
    Transition(
        "request_info",
        Status.IN_REVIEW,
        Status.MORE_INFO,
        Party.COMMISSIONER,
        "Ask for more information",
        needs_reason=True,
    ),
    Transition(
        "withdraw_request",
        Status.MORE_INFO,
        Status.IN_REVIEW,
        Party.COMMISSIONER,
        "Withdraw the request for information",
    ),
    # a case waiting for information can still be decided: the decision closes the request
    *(
        Transition(action, source, target, Party.COMMISSIONER, label, needs_reason=True)
        for source in (Status.IN_REVIEW, Status.MORE_INFO)
        for action, target, label in (
            ("accept", Status.ACCEPTED, "Accept"),
            ("reject", Status.REJECTED, "Reject"),
        )
    ),
    Transition(
        "withdraw",
        Status.SUBMITTED,
        Status.WITHDRAWN,
        Party.PROPOSER,
        "Withdraw",
        needs_reason=True,
    ),
    Transition(
        "withdraw",
        Status.IN_REVIEW,
        Status.WITHDRAWN,
        Party.PROPOSER,
        "Withdraw",
        needs_reason=True,
    ),
    Transition(
        "withdraw",
        Status.MORE_INFO,
        Status.WITHDRAWN,
        Party.PROPOSER,
        "Withdraw",
        needs_reason=True,
    ),
)

EDITABLE = frozenset({Status.DRAFT, Status.MORE_INFO})
DECIDABLE = frozenset({Status.IN_REVIEW, Status.MORE_INFO})
DECIDED = frozenset({Status.ACCEPTED, Status.REJECTED})
CLOSED = DECIDED | {Status.WITHDRAWN}


class TransitionRefused(Exception):
    """The action is not allowed from the current status, or for this party."""


def find_transition(status: Status, action: str, party: Party) -> Transition:
    """The transition for this action from this status, or TransitionRefused."""
    for transition in TRANSITIONS:
        if transition.source == status and transition.action == action:
            if transition.party != party:
                raise TransitionRefused(f"Only the {transition.party.value} may {action}.")
            return transition
    raise TransitionRefused(
        f"A submission that is {status.label.lower()} cannot be moved by '{action}'."
    )


def available(status: Status, party: Party) -> list[Transition]:
    """The transitions this party may take from this status."""
    return [t for t in TRANSITIONS if t.source == status and t.party == party]


def withdraw_refusal(status: Status) -> str | None:
    """Why a proposer cannot withdraw a submission in this status, or None when they can."""
    if any(t.action == "withdraw" and t.source == status for t in TRANSITIONS):
        return None
    if status == Status.DRAFT:
        return (
            "This draft has not been submitted, so there is nothing to withdraw: you can delete it."
        )
    if status == Status.WITHDRAWN:
        return "This submission has already been withdrawn."
    return (
        f"This submission has been {status.label.lower()}: a decided submission cannot be "
        "withdrawn."
    )


def delete_refusal(status: Status, ever_submitted: bool) -> str | None:
    """Why a draft cannot be deleted, or None when it can: only a never-submitted draft can."""
    if status == Status.DRAFT and not ever_submitted:
        return None
    return (
        "Only a draft that was never submitted can be deleted. This submission has been sent "
        "to the public body, so it stays on record"
        + (": you can withdraw it instead." if withdraw_refusal(status) is None else ".")
    )
