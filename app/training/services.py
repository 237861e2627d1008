"""Training services: attempts, placement, progress, the people a viewer may see, plan inputs.

Services take explicit arguments and are the only training code that commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Select, false, select

from ..accounts.models import Role, User
from ..extensions import db
from ..proposals.document import validate_document
from ..proposals.models import Proposal
from . import certificates
from .content import Curriculum, Module
from .marking import mark, placement_stage
from .models import Placement, QuizAttempt
from .progress import Progress, progress


class Checker(Protocol):
    """What the plan needs of the rulebook: a check of a valid document."""

    def check(self, document: dict) -> dict:
        """The check report of a schema-valid document."""


class AlreadyPlaced(Exception):
    """The placement self-assessment can be taken once."""


@dataclass(frozen=True)
class PersonProgress:
    """A person and their progress, for the progress lists."""

    user: User
    progress: Progress


def progress_for(user: User, curriculum: Curriculum) -> Progress:
    """Where this person stands in the curriculum."""
    return progress_of_people([user], curriculum)[0].progress


def progress_of_people(people: Sequence[User], curriculum: Curriculum) -> list[PersonProgress]:
    """Each person's progress, read with three queries whatever the number of people."""
    ids = [person.id for person in people]
    passed: dict[int, set[str]] = defaultdict(set)
    attempted: dict[int, set[str]] = defaultdict(set)
    rows = db.session.execute(
        select(QuizAttempt.user_id, QuizAttempt.module_id, QuizAttempt.passed)
        .where(QuizAttempt.user_id.in_(ids))
        .distinct()
    )
    for user_id, module_id, was_passed in rows:
        (passed if was_passed else attempted)[user_id].add(module_id)
    placed = dict(
        db.session.execute(
            select(Placement.user_id, Placement.stage).where(Placement.user_id.in_(ids))
        ).all()
    )
    return [
        PersonProgress(
            person,
            progress(curriculum, passed[person.id], attempted[person.id], placed.get(person.id, 0)),
        )
        for person in people
    ]


def record_attempt(
    user: User, module: Module, chosen: Sequence[int], pass_mark: int, curriculum: Curriculum
) -> QuizAttempt:
    """Mark and keep a quiz attempt; a pass that completes a stage issues its certificate."""
    marking = mark(module.quiz, chosen, pass_mark)
    attempt = QuizAttempt(
        user_id=user.id,
        module_id=module.id,
        correct=marking.right,
        total=marking.total,
        score=marking.score,
        pass_mark=pass_mark,
        passed=marking.passed,
        answers=marking.answers_as_records(),
    )
    db.session.add(attempt)
    db.session.flush()
    if marking.passed:
        certificates.issue_due(user, progress_for(user, curriculum))
    db.session.commit()
    return attempt


def attempt_of(user: User, attempt_id: int, module_id: str) -> QuizAttempt | None:
    """One of this person's attempts at this module, or None."""
    attempt = db.session.get(QuizAttempt, attempt_id)
    if attempt is None or attempt.user_id != user.id or attempt.module_id != module_id:
        return None
    return attempt


def placement_of(user: User) -> Placement | None:
    """The person's placement, if they have taken the self-assessment."""
    return db.session.scalar(select(Placement).where(Placement.user_id == user.id))


def record_placement(user: User, curriculum: Curriculum, chosen: dict[int, list[int]]) -> Placement:
    """Mark the placement self-assessment and keep the stage and the answers."""
    if placement_of(user) is not None:
        raise AlreadyPlaced
    stage = placement_stage(curriculum.placement, chosen)
    answers = [
        {"stage": number, "id": question.id, **record}
        for number, questions in curriculum.placement.items()
        for question, record in zip(
            questions, mark(questions, chosen[number], 100).answers_as_records(), strict=True
        )
    ]
    placement = Placement(user_id=user.id, stage=stage, answers=answers)
    db.session.add(placement)
    db.session.commit()
    return placement


def people_visible_to(viewer: User) -> Select:
    """The people whose progress a viewer may see: everyone for an admin, otherwise the
    commissioners of the viewer's own public body."""
    query = select(User).order_by(User.name, User.id)
    if viewer.role == Role.ADMIN:
        return query
    if viewer.role != Role.COMMISSIONER or viewer.public_body_id is None:
        return query.where(false())
    return query.where(User.role == Role.COMMISSIONER, User.public_body_id == viewer.public_body_id)


def organisation_reports(
    organisation_id: int, checker: Checker
) -> tuple[list[tuple[str, dict[str, Any]]], int]:
    """(title, current check report) for each of the organisation's proposals whose draft is
    valid, and how many drafts were skipped because they are not valid yet."""
    proposals: Iterable[Proposal] = db.session.scalars(
        select(Proposal).where(Proposal.organisation_id == organisation_id).order_by(Proposal.id)
    )
    reports, skipped = [], 0
    for proposal in proposals:
        if validate_document(proposal.draft):
            skipped += 1
            continue
        reports.append((proposal.title, checker.check(proposal.draft)))
    return reports, skipped


def people_page(
    viewer: User, curriculum: Curriculum, page: int, per_page: int = 50
) -> tuple[Any, list[PersonProgress]]:
    """One page of the people a viewer may see (a Flask-SQLAlchemy pagination) and their
    progress."""
    found = db.paginate(people_visible_to(viewer), page=page, per_page=per_page, error_out=False)
    return found, progress_of_people(list(found.items), curriculum)
