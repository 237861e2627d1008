"""Training services for what a person does in a module: reading it, answering its exercise,
completing it; and their record of continuing professional development (CPD).

Services take explicit arguments and are the only training code that commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..accounts.models import User, aware, utcnow
from ..extensions import db
from ..field_errors import FieldError
from .content import Curriculum, Module
from .cpd import CpdEntry, cpd_entries
from .models import ExerciseAnswer, ModuleRecord, QuizAttempt

DRAFT, SUBMITTED = "draft", "submitted"
ANSWER_LIMIT = 10_000


class ExerciseInvalid(FieldError):
    """An exercise answer that cannot be saved."""


@dataclass(frozen=True)
class ModuleWork:
    """What a person has done in a module: read it, and where their exercise answer stands
    (None before they start one)."""

    read: bool
    exercise: str | None


def _record(user: User, module_id: str) -> ModuleRecord:
    """The person's record of a module, added (not committed) when there is none yet."""
    record = db.session.scalar(
        select(ModuleRecord).where(
            ModuleRecord.user_id == user.id, ModuleRecord.module_id == module_id
        )
    )
    if record is None:
        record = ModuleRecord(user_id=user.id, module_id=module_id)
        db.session.add(record)
    return record


def complete(user: User, module: Module) -> None:
    """Record a module completed, with its declared minutes as CPD, the first time its quiz is
    passed (the caller commits)."""
    record = _record(user, module.id)
    if record.completed_at is None:
        record.completed_at, record.cpd_minutes = utcnow(), module.minutes


def mark_read(user: User, module: Module) -> None:
    """Record that the person has read a module (the first time is kept)."""
    record = _record(user, module.id)
    if record.read_at is None:
        record.read_at = utcnow()
    db.session.commit()


def work_of(user: User) -> dict[str, ModuleWork]:
    """What the person has done in each module they have read or answered, by module id."""
    read = set(
        db.session.scalars(
            select(ModuleRecord.module_id).where(
                ModuleRecord.user_id == user.id, ModuleRecord.read_at.is_not(None)
            )
        )
    )
    answers = dict(
        db.session.execute(
            select(ExerciseAnswer.module_id, ExerciseAnswer.status).where(
                ExerciseAnswer.user_id == user.id
            )
        ).all()
    )
    return {ident: ModuleWork(ident in read, answers.get(ident)) for ident in read | set(answers)}


def exercise_of(user: User, module_id: str) -> ExerciseAnswer | None:
    """The person's answer to a module's exercise, or None."""
    return db.session.scalar(
        select(ExerciseAnswer).where(
            ExerciseAnswer.user_id == user.id, ExerciseAnswer.module_id == module_id
        )
    )


def save_exercise(user: User, module: Module, answer: str, submit: bool) -> ExerciseAnswer:
    """Keep the person's answer to a module's exercise, as a draft or submitted. A submitted
    answer stays submitted when it is changed later."""
    text = answer.strip()
    if not text:
        raise ExerciseInvalid("answer", "Enter your answer to the exercise")
    if len(text) > ANSWER_LIMIT:
        raise ExerciseInvalid("answer", f"Your answer must be {ANSWER_LIMIT:,} characters or fewer")
    saved = exercise_of(user, module.id)
    if saved is None:
        saved = ExerciseAnswer(user_id=user.id, module_id=module.id, status=DRAFT)
        db.session.add(saved)
    saved.prompt, saved.answer, saved.updated_at = module.exercise, text, utcnow()
    if submit and saved.status != SUBMITTED:
        saved.status, saved.submitted_at = SUBMITTED, utcnow()
    db.session.commit()
    return saved


def cpd_record(user: User, curriculum: Curriculum) -> list[CpdEntry]:
    """The person's CPD record: each module completed, when, and the minutes it counts for.

    A module passed before completions were recorded counts from its first passed attempt.
    """
    completions = {
        module_id: (aware(at), minutes)
        for module_id, at, minutes in db.session.execute(
            select(
                ModuleRecord.module_id, ModuleRecord.completed_at, ModuleRecord.cpd_minutes
            ).where(ModuleRecord.user_id == user.id, ModuleRecord.completed_at.is_not(None))
        )
    }
    first_passes = db.session.execute(
        select(QuizAttempt.module_id, func.min(QuizAttempt.submitted_at))
        .where(QuizAttempt.user_id == user.id, QuizAttempt.passed.is_(True))
        .group_by(QuizAttempt.module_id)
    )
    for module_id, at in first_passes:
        completions.setdefault(module_id, (aware(at), None))
    return cpd_entries(
        ((module_id, at, minutes) for module_id, (at, minutes) in completions.items()),
        curriculum,
    )
