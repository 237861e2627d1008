"""Training records: quiz attempts, placements, track choices, what was done in each module
(read, exercise, completion with its CPD minutes), portfolios and certificates.

Progress is keyed on module ids and stage numbers, which are stable (curriculum/model.yaml),
and records keep the texts they were made against (the questions and answers of an attempt,
an exercise's prompt, a portfolio's brief and rubric, a certificate's modules), so editing the
curriculum later changes neither what was passed nor the record of it.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User, utcnow
from ..extensions import JSONDocument as Document
from ..extensions import db


class QuizAttempt(db.Model):
    """One submitted quiz: the module, the score, the result and the answers given."""

    __tablename__ = "training_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    module_id: Mapped[str] = mapped_column(String(16))
    correct: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    pass_mark: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool] = mapped_column(default=False)
    answers: Mapped[list[dict[str, Any]]] = mapped_column(Document)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    user: Mapped[User] = relationship()

    __table_args__ = (Index("ix_training_attempt_user_module", "user_id", "module_id"),)


class Placement(db.Model):
    """A person's placement self-assessment: the stage it placed them at and their answers."""

    __tablename__ = "training_placement"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"), unique=True)
    stage: Mapped[int] = mapped_column(Integer)
    answers: Mapped[list[dict[str, Any]]] = mapped_column(Document)
    placed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Certificate(db.Model):
    """A passed stage, with the name, stage and date as issued and a verification code."""

    __tablename__ = "training_certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    stage: Mapped[int] = mapped_column(Integer)
    stage_name: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # what it certifies, as issued: the modules with their objectives and CPD minutes, and the
    # portfolio's assessment; None on certificates issued before it was kept
    record: Mapped[dict[str, Any] | None] = mapped_column(Document)

    __table_args__ = (
        UniqueConstraint("user_id", "stage", name="uq_training_certificate_user_stage"),
    )


class TrackChoice(db.Model):
    """The track a person chose, when it is not the one their role starts them on."""

    __tablename__ = "training_track_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"), unique=True)
    track_id: Mapped[str] = mapped_column(String(40))
    chosen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ModuleRecord(db.Model):
    """What a person has done in one module: when they marked it read, and when they completed
    it (first passed its quiz) with the CPD minutes it counted for then."""

    __tablename__ = "training_module_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    module_id: Mapped[str] = mapped_column(String(16))
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cpd_minutes: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("user_id", "module_id", name="uq_training_module_record_user_module"),
    )


class ExerciseAnswer(db.Model):
    """A person's answer to a module's exercise, with the prompt it answers; a draft until
    submitted."""

    __tablename__ = "training_exercise_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    module_id: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))  # draft or submitted
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("user_id", "module_id", name="uq_training_exercise_answer_user_module"),
    )


class PortfolioSubmission(db.Model):
    """One round of a person's portfolio for a stage: the brief and the proposal or case it is
    written on, the answer, and the assessor's marking against the rubric with feedback.

    A marking of "not yet" leaves the row as it was and the next round is a new row, so every
    round and its feedback is kept.
    """

    __tablename__ = "training_portfolio"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    stage: Mapped[int] = mapped_column(Integer)
    brief: Mapped[str] = mapped_column(Text)
    # no foreign key: deleting a draft proposal deletes the rows that refer to it, and a
    # portfolio (a passed one behind a certificate above all) must outlive it; the title stays
    proposal_id: Mapped[int | None] = mapped_column(Integer)
    proposal_title: Mapped[str] = mapped_column(String(200), default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))  # draft, submitted, passed or not_yet
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    assessed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # each criterion as it was marked: {"id", "text", "met"}
    results: Mapped[list[dict[str, Any]]] = mapped_column(Document, default=list)
    feedback: Mapped[str] = mapped_column(Text, default="")

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    assessor: Mapped[User | None] = relationship(foreign_keys=[assessor_id])

    __table_args__ = (
        Index("ix_training_portfolio_user_stage", "user_id", "stage"),
        Index("ix_training_portfolio_status", "status"),
    )
