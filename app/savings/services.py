"""Inviting the bodies a submitted case says would save to confirm, adjust or dispute it."""

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import current_app
from sqlalchemy import func, select

from ..accounts.models import PublicBody, Role, User, utcnow
from ..extensions import db
from ..links import external_url
from ..names import name_key
from ..notifications.services import commissioners_of, deliver, notify
from ..proposals.models import ProposalVersion
from .models import ANSWERS, SavingConfirmation


def claims_for_bodies(
    savings: Sequence[Mapping[str, Any]], bodies: Mapping[str, int], own_body_id: int
) -> list[tuple[int, Mapping[str, Any], int]]:
    """The (position, saving, body id) of each saving whose body is another body on the
    platform: ``bodies`` maps each body's name key to its id; the case's own body is left out."""
    found = []
    for position, saving in enumerate(savings):
        body_id = bodies.get(name_key(str(saving.get("body") or "")))
        if body_id is not None and body_id != own_body_id:
            found.append((position, saving, body_id))
    return found


def annual_value(saving: Mapping[str, Any]) -> Decimal | None:
    """The claimed annual value as a Decimal, or None when the document holds no number."""
    try:
        value = Decimal(str(saving.get("annual_value")))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def answer_link() -> str:
    """Where a body's commissioners answer, on SITE_URL, also outside a request."""
    try:
        return external_url("savings.index")
    except RuntimeError:  # no request and no SERVER_NAME: the blueprint's path on SITE_URL
        return current_app.config["SITE_URL"].rstrip("/") + "/savings/"


def invite(version: ProposalVersion, settings: Mapping | None) -> list[SavingConfirmation]:
    """Record each saving the version claims for another body on the platform as unconfirmed,
    and tell those bodies' commissioners (committed, then the emails delivered)."""
    proposal = version.proposal
    bodies = {
        name_key(name): id_
        for id_, name in db.session.execute(select(PublicBody.id, PublicBody.name))
    }
    claims = claims_for_bodies(
        version.document.get("savings") or [], bodies, proposal.public_body_id
    )
    lines = [
        SavingConfirmation(
            proposal_id=proposal.id,
            version_number=version.number,
            position=position,
            description=str(saving.get("description") or ""),
            annual_value=annual_value(saving),
            public_body_id=body_id,
        )
        for position, saving, body_id in claims
    ]
    db.session.add_all(lines)
    mails = []
    message = (
        f"{proposal.organisation.name} says your body would save money: "
        f"confirm, adjust or dispute the savings in “{proposal.title}”"
    )
    for body_id in dict.fromkeys(line.public_body_id for line in lines):
        mails += notify(commissioners_of(body_id), None, message, answer_link())
    db.session.commit()
    deliver(settings, mails)
    return lines


def lines_of(body_id: int) -> tuple[list[SavingConfirmation], list[SavingConfirmation]]:
    """A body's lines: those awaiting its answer, and those it has answered (newest first)."""
    query = (
        select(SavingConfirmation)
        .where(SavingConfirmation.public_body_id == body_id)
        .order_by(SavingConfirmation.created_at.desc(), SavingConfirmation.id)
    )
    lines = list(db.session.scalars(query))
    return (
        [line for line in lines if line.status == "unconfirmed"],
        [line for line in lines if line.status != "unconfirmed"],
    )


def line_for(confirmation_id: int, user: User) -> SavingConfirmation | None:
    """A line its body's commissioner may answer; None for anyone else."""
    line = db.session.get(SavingConfirmation, confirmation_id)
    if line is None or user.role != Role.COMMISSIONER or user.public_body_id != line.public_body_id:
        return None
    return line


def answer(
    line: SavingConfirmation, status: str, adjusted: Decimal | None, reason: str, user: User
) -> None:
    """Record the body's answer: confirmed, adjusted (to a new annual figure) or disputed."""
    if status not in ANSWERS:
        raise ValueError(f"not an answer: {status}")
    line.status = status
    line.adjusted_value = adjusted if status == "adjusted" else None
    line.reason = reason.strip()
    line.answered_by_id = user.id
    line.answered_at = utcnow()
    db.session.commit()


def confirmations(proposal_id: int, number: int | None = None) -> list[SavingConfirmation]:
    """The lines of one submitted version of a case, by position; its latest version's when
    no number is given."""
    if number is None:
        number = db.session.scalar(
            select(func.max(SavingConfirmation.version_number)).where(
                SavingConfirmation.proposal_id == proposal_id
            )
        )
    query = (
        select(SavingConfirmation)
        .where(
            SavingConfirmation.proposal_id == proposal_id,
            SavingConfirmation.version_number == number,
        )
        .order_by(SavingConfirmation.position)
    )
    return list(db.session.scalars(query))
