"""Failed sign-in attempts, counted so that parallel guesses cannot outrun the lock.

Before a password or a security code is checked, an attempt is reserved with one conditional
UPDATE: the counter goes up only where it is below the limit and the account is not locked (a
lock that has run out starts the count again). An UPDATE that changes no row means the account
is locked, or already has as many checks in flight as it may have, and nothing is checked. So
however many requests arrive at once, at most MAX_FAILED_SIGN_INS checks run before the lock.
After the check, success clears the count; a failure that used the last attempt locks.
"""

from datetime import datetime, timedelta

from sqlalchemy import and_, case, or_, update

from ..extensions import db
from .models import User

MAX_FAILED_SIGN_INS = 5
LOCK_MINUTES = 15


def reserve_attempt(user_id: int, now: datetime) -> bool:
    """Count one attempt before checking it; False (nothing to check) when locked. Commits."""
    lock_over = and_(User.locked_until.is_not(None), User.locked_until <= now)
    attempts_left = and_(User.locked_until.is_(None), User.failed_sign_ins < MAX_FAILED_SIGN_INS)
    statement = (
        update(User)
        .where(User.id == user_id, or_(lock_over, attempts_left))
        .values(
            failed_sign_ins=case((lock_over, 1), else_=User.failed_sign_ins + 1),
            locked_until=None,
        )
    )
    reserved = db.session.execute(statement, execution_options={"synchronize_session": False})
    # committed at once, so other requests see the attempt while this one is being checked
    db.session.commit()
    return reserved.rowcount == 1


def attempt_succeeded(user_id: int) -> None:
    """Clear the count after a right password or code (the caller commits)."""
    db.session.execute(
        update(User).where(User.id == user_id).values(failed_sign_ins=0, locked_until=None),
        execution_options={"synchronize_session": False},
    )


def attempt_failed(user_id: int, now: datetime) -> None:
    """Lock the account when this failure used its last attempt (the caller commits)."""
    db.session.execute(
        update(User)
        .where(
            User.id == user_id,
            User.failed_sign_ins >= MAX_FAILED_SIGN_INS,
            User.locked_until.is_(None),
        )
        .values(locked_until=now + timedelta(minutes=LOCK_MINUTES)),
        execution_options={"synchronize_session": False},
    )
