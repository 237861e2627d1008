"""Training records: quiz attempts, placements and certificates.

Progress is keyed on module ids and stage numbers, which are stable (curriculum/model.yaml),
and each attempt keeps the texts of the questions and answers as they were when submitted, so
editing a module later changes neither what was passed nor the record of the attempt.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
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

    __table_args__ = (
        UniqueConstraint("user_id", "stage", name="uq_training_certificate_user_stage"),
    )
