"""A second factor: setting up an authentication app, signing in with its codes, recovery codes.

Commissioners and administrators decide on submissions and accounts, so in production they
must set one up; for everyone else it is optional. A code is checked like a password: each
check reserves an attempt on the sign-in lock first (lockout.py), and a code is accepted only
for a time step later than the last one used, so a code seen over someone's shoulder cannot
be used again.
"""

from datetime import datetime

from sqlalchemy import delete, func, or_, select, update

from ..extensions import db
from ..field_errors import FieldError
from . import events, lockout, sessions, totp
from .models import RecoveryCode, Role, User
from .passwords import verify_password

ROLES_THAT_DECIDE = frozenset({Role.COMMISSIONER, Role.ADMIN})
WRONG_CODE = (
    "Enter the 6-digit code your authentication app shows now, or one of your recovery codes. "
    f"After {lockout.MAX_FAILED_SIGN_INS} wrong codes the account locks for "
    f"{lockout.LOCK_MINUTES} minutes."
)
USED_CODE = "That code has been used already: wait for your app to show the next one"
LOCKED = (
    f"Too many wrong codes: the account is locked for {lockout.LOCK_MINUTES} minutes. "
    "Sign in again after that."
)


class SecondFactorError(FieldError):
    """A code that cannot be accepted."""


def required(user: User, environment: str) -> bool:
    """Whether this person must use a second factor before doing anything else."""
    return environment == "production" and user.role in ROLES_THAT_DECIDE


def setup_secret(user: User) -> str:
    """The key being set up: a new one, or the one already shown if not yet confirmed."""
    if user.totp_enabled_at is not None:
        raise ValueError("a second factor is set up already")
    if not user.totp_secret:
        user.totp_secret = totp.new_secret()
        db.session.commit()
    return user.totp_secret


def confirm_setup(user: User, code: str, now: datetime) -> list[str]:
    """Turn the second factor on with a code from the app; the new recovery codes, shown once."""
    step = totp.matching_step(user.totp_secret or "", code, now)
    if step is None:
        raise SecondFactorError(
            "code", "Enter the 6-digit code your authentication app shows for Valuecase now"
        )
    user.totp_enabled_at = now
    user.totp_last_step = step
    codes = _replace_recovery_codes(user)
    events.record(user, "second-factor-on", actor=user)
    db.session.commit()
    return codes


def renew_recovery_codes(user: User) -> list[str]:
    """New recovery codes in place of the old ones, shown once."""
    codes = _replace_recovery_codes(user)
    events.record(user, "recovery-codes-renewed", actor=user)
    db.session.commit()
    return codes


def recovery_codes_left(user: User) -> int:
    """How many of a person's recovery codes are unused."""
    query = select(func.count()).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
    )
    return db.session.scalar(query) or 0


def check_sign_in_code(user: User, code: str, now: datetime) -> int | None:
    """Accept a code from the app (None) or a recovery code (how many are left); else raise."""
    if not lockout.reserve_attempt(user.id, now):
        raise SecondFactorError("code", LOCKED)
    if totp.looks_like_code(code):
        step = totp.matching_step(user.totp_secret or "", code, now)
        accepted = step is not None and _use_step(user, step)
        problem = USED_CODE if step is not None and not accepted else WRONG_CODE
    else:
        accepted = _use_recovery_code(user, code, now)
        problem = WRONG_CODE
    if not accepted:
        lockout.attempt_failed(user.id, now)
        events.record(user, "sign-in-failed", detail="wrong security code")
        db.session.commit()
        raise SecondFactorError("code", problem)
    lockout.attempt_succeeded(user.id)
    left = None
    if not totp.looks_like_code(code):
        events.record(user, "recovery-code-used")
        left = recovery_codes_left(user)
    db.session.commit()
    return left


def turn_off(user: User, password: str, now: datetime) -> None:
    """Take one's own second factor away (to set up a new device), knowing the password."""
    if not lockout.reserve_attempt(user.id, now):
        raise SecondFactorError(
            "current_password",
            f"Too many wrong passwords: try again in {lockout.LOCK_MINUTES} minutes",
        )
    if not verify_password(user.password_hash, password):
        lockout.attempt_failed(user.id, now)
        db.session.commit()
        raise SecondFactorError("current_password", "Your current password is not right")
    lockout.attempt_succeeded(user.id)
    _forget_second_factor(user)
    events.record(user, "second-factor-off", actor=user)
    db.session.commit()


def reset_by_admin(user: User, admin: User, reason: str, now: datetime) -> None:
    """Take away a person's second factor (a lost device), signing them out everywhere."""
    _forget_second_factor(user)
    sessions.end_sessions(user, now)
    events.record(user, "second-factor-reset", actor=admin, detail=reason.strip())
    db.session.commit()


def _forget_second_factor(user: User) -> None:
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))


def _use_step(user: User, step: int) -> bool:
    """Claim a time step for this person, unless it or a later one was used already."""
    claimed = db.session.execute(
        update(User)
        .where(User.id == user.id, or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step),
        execution_options={"synchronize_session": False},
    )
    return claimed.rowcount == 1


def _use_recovery_code(user: User, code: str, now: datetime) -> bool:
    """Spend one unused recovery code; two requests racing for the same one cannot both win."""
    spent = db.session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == totp.recovery_code_hash(code),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=now),
        execution_options={"synchronize_session": False},
    )
    return spent.rowcount >= 1


def _replace_recovery_codes(user: User) -> list[str]:
    codes = totp.new_recovery_codes()
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.add_all(
        RecoveryCode(user_id=user.id, code_hash=totp.recovery_code_hash(code)) for code in codes
    )
    return codes
