"""Certificates for passed stages: issuing them with a random verification code, and lookup.

A certificate is issued for a stage whose modules have all been passed and, when the stage asks
for a portfolio (curriculum/tracks.yaml), whose portfolio an assessor has passed; a stage
reached by the placement self-assessment alone earns none, because a certificate attests to
passed quizzes. It keeps what it certifies (:mod:`.certified`) as it was on the day.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from .certified import certified_record
from .content import Curriculum
from .models import Certificate, ModuleRecord, PortfolioSubmission
from .progress import Progress

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16
"""16 characters from 32 give 80 random bits: not guessable, and short enough to type."""


def new_code() -> str:
    """A fresh random verification code (stored without separators)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """A code in groups of four for reading, e.g. ABCD-EFGH-JKLM-NPQR."""
    return "-".join(code[start : start + 4] for start in range(0, len(code), 4))


def normalise_code(text: str) -> str:
    """A typed code with case, spaces and dashes ignored."""
    return "".join(char for char in text.upper() if char.isalnum())


def issue_due(user: User, progress: Progress, curriculum: Curriculum) -> list[Certificate]:
    """Issue a certificate for every passed stage that has none yet and needs no portfolio, or
    whose portfolio is passed (the caller commits)."""
    held = {certificate.stage for certificate in certificates_of(user)}
    portfolios = passed_portfolios(user)
    issued = []
    for stage in progress.stages:
        number = stage.stage.number
        if not stage.passed or number in held:
            continue
        portfolio = portfolios.get(number)
        if stage.stage.portfolio is not None and portfolio is None:
            continue
        record = certified_record(
            curriculum, number, cpd_minutes(user), portfolio.assessed_at if portfolio else None
        )
        certificate = Certificate(
            user_id=user.id,
            stage=number,
            stage_name=stage.stage.name,
            name=user.name,
            code=_unused_code(),
            record=record,
        )
        db.session.add(certificate)
        issued.append(certificate)
    db.session.flush()
    return issued


def issue_due_and_commit(user: User, progress: Progress, curriculum: Curriculum) -> None:
    """Issue any certificates due and commit (a curriculum edit can complete a stage)."""
    if issue_due(user, progress, curriculum):
        db.session.commit()


def passed_portfolios(user: User) -> dict[int, PortfolioSubmission]:
    """The person's passed portfolio for each stage that has one, the first pass kept."""
    query = (
        select(PortfolioSubmission)
        .where(PortfolioSubmission.user_id == user.id, PortfolioSubmission.status == "passed")
        .order_by(PortfolioSubmission.assessed_at.desc(), PortfolioSubmission.id.desc())
    )
    return {portfolio.stage: portfolio for portfolio in db.session.scalars(query)}


def cpd_minutes(user: User) -> dict[str, int]:
    """The CPD minutes each completed module counted for, by module id."""
    rows = db.session.execute(
        select(ModuleRecord.module_id, ModuleRecord.cpd_minutes).where(
            ModuleRecord.user_id == user.id, ModuleRecord.cpd_minutes.is_not(None)
        )
    )
    return dict(rows.all())


def certificates_of(user: User) -> list[Certificate]:
    """The person's certificates, lowest stage first."""
    query = select(Certificate).where(Certificate.user_id == user.id).order_by(Certificate.stage)
    return list(db.session.scalars(query))


def certificate_of(user: User, stage: int) -> Certificate | None:
    """The person's certificate for one stage, or None."""
    query = select(Certificate).where(Certificate.user_id == user.id, Certificate.stage == stage)
    return db.session.scalar(query)


def find_certificate(typed_code: str) -> Certificate | None:
    """The certificate with this verification code, however it was typed, or None."""
    code = normalise_code(typed_code)
    if len(code) != CODE_LENGTH:
        return None
    return db.session.scalar(select(Certificate).where(Certificate.code == code))


def _unused_code() -> str:
    while True:
        code = new_code()
        if db.session.scalar(select(Certificate.id).where(Certificate.code == code)) is None:
            return code
