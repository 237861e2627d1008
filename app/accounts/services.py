"""Account operations: sign-up by emailed link, sign-in with lock-out, passwords and resets.

The answers give nothing away about who has an account. Sign-up always says "check your email"
and the email says the rest; a failed sign-in reads the same whether the account is unknown,
locked or the password wrong, and costs the same one password check.
"""

from dataclasses import asdict, dataclass
from datetime import datetime

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..field_errors import FieldError
from ..names import name_key
from . import events, lockout, sessions
from .models import Organisation, OrganisationType, PublicBody, Role, User, aware, utcnow
from .passwords import hash_password, spend_a_verification, verify_password

RESET_SALT = "password-reset"
SIGN_UP_SALT = "sign-up"
SIGN_UP_MAX_AGE = 24 * 3600
SIGN_IN_FAILED = (
    "Enter a correct email address and password. Accounts lock for "
    f"{lockout.LOCK_MINUTES} minutes after {lockout.MAX_FAILED_SIGN_INS} failed attempts."
)
ORGANISATION_TAKEN = (
    "This organisation is already registered: ask one of its members or an administrator to add you"
)


class AccountError(FieldError):
    """An account request that cannot be carried out."""


class SignUpStopped(Exception):
    """A confirmed sign-up that can no longer finish: the account or organisation now exists."""


@dataclass(frozen=True)
class SignUp:
    """What a new person gives when signing up; carried in the link that confirms the email."""

    name: str
    email: str
    organisation_name: str | None = None
    organisation_type: str | None = None
    registration_number: str | None = None


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively and without surrounding space."""
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    """The account with this email, if any."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def find_user(user_id: object) -> User | None:
    """The account with this id, if any."""
    return db.session.get(User, user_id) if isinstance(user_id, int) else None


def find_organisation(name: str) -> Organisation | None:
    """An organisation by name, as names are compared (case and look-alike letters ignored)."""
    return db.session.scalar(select(Organisation).where(Organisation.name_key == _key(name)))


def _key(name: str) -> str:
    return name_key(name.strip())[:200]


def check_sign_up(details: SignUp) -> SignUp:
    """The details tidied for the confirmation link; refuses an organisation already there."""
    organisation = (details.organisation_name or "").strip() or None
    if organisation and find_organisation(organisation):
        raise AccountError("organisation_name", ORGANISATION_TAKEN)
    return SignUp(
        name=details.name.strip(),
        email=normalise_email(details.email),
        organisation_name=organisation,
        organisation_type=(details.organisation_type or "other") if organisation else None,
        registration_number=((details.registration_number or "").strip() or None)
        if organisation
        else None,
    )


def sign_up_token(details: SignUp, secret_key: str) -> str:
    """A signed token carrying the sign-up, for the link that confirms the email address."""
    return URLSafeTimedSerializer(secret_key, salt=SIGN_UP_SALT).dumps(asdict(details))


def sign_up_for_token(token: str, secret_key: str, max_age: int = SIGN_UP_MAX_AGE) -> SignUp | None:
    """The sign-up a valid, unexpired confirmation token carries, or None."""
    try:
        data = URLSafeTimedSerializer(secret_key, salt=SIGN_UP_SALT).loads(token, max_age=max_age)
    except (BadSignature, SignatureExpired):
        return None
    fields = {"name", "email", "organisation_name", "organisation_type"}
    # links sent before sign-up asked for a registration number carry none
    if not isinstance(data, dict) or set(data) - {"registration_number"} != fields:
        return None
    if not all(isinstance(data[f], str) for f in ("name", "email")):
        return None
    if not all(isinstance(data.get(f), str | None) for f in fields | {"registration_number"}):
        return None
    return SignUp(**data)


def account_exists(email: str) -> str:
    """Why a confirmed sign-up stops when its address has an account (told only to its owner)."""
    return f"There is already an account for {email}: this link may have been used already."


def create_account(details: SignUp, password: str, now: datetime | None = None) -> User:
    """Create the confirmed account; with an organisation name, also a new CSO organisation."""
    if find_user_by_email(details.email):
        raise SignUpStopped(account_exists(details.email))
    user = User(
        email=details.email,
        name=details.name,
        password_hash=hash_password(password),
        password_changed_at=now or utcnow(),
    )
    if details.organisation_name:
        if find_organisation(details.organisation_name):
            raise SignUpStopped(
                f"{details.organisation_name} has been registered since you started: ask one "
                "of its members or an administrator to add you, or start again without it."
            )
        user.organisation = Organisation(
            name=details.organisation_name,
            type=OrganisationType(details.organisation_type or "other"),
            registration_number=(details.registration_number or "").strip()[:50] or None,
        )
        user.role = Role.CSO
    db.session.add(user)
    events.record(user, "account-created", actor=user)
    try:
        db.session.commit()
    except IntegrityError as error:  # the same link confirmed twice at once
        db.session.rollback()
        raise SignUpStopped(account_exists(details.email)) from error
    return user


def authenticate(email: str, password: str, now: datetime | None = None) -> User:
    """The user these credentials belong to; raises AccountError otherwise.

    Every refusal costs one password check: against the account's hash, or (unknown,
    deactivated or locked) against a dummy one, so timing tells nothing either.
    """
    now = now or utcnow()
    user = find_user_by_email(email)
    if user is None or not user.active or not lockout.reserve_attempt(user.id, now):
        spend_a_verification(password)
        raise AccountError("email", SIGN_IN_FAILED)
    if not verify_password(user.password_hash, password):
        lockout.attempt_failed(user.id, now)
        events.record(user, "sign-in-failed", detail="wrong password")
        db.session.commit()
        raise AccountError("email", SIGN_IN_FAILED)
    lockout.attempt_succeeded(user.id)
    db.session.commit()
    return user


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=RESET_SALT)


def reset_token(user: User, secret_key: str) -> str:
    """A signed token that resets this user's password until the password changes."""
    stamp = aware(user.password_changed_at).timestamp()
    return _serializer(secret_key).dumps({"user": user.id, "stamp": stamp})


def user_for_reset_token(token: str, secret_key: str, max_age: int) -> User | None:
    """The user a valid, unused, unexpired reset token belongs to."""
    try:
        data = _serializer(secret_key).loads(token, max_age=max_age)
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        return None
    user = db.session.get(User, data["user"])
    if user is None or not user.active:
        return None
    if aware(user.password_changed_at).timestamp() != data.get("stamp"):
        return None
    return user


def _new_password(user: User, password: str, now: datetime) -> None:
    """Set a password, which also spends any reset link already sent and lifts a lock."""
    user.password_hash = hash_password(password)
    user.password_changed_at = now
    user.failed_sign_ins = 0
    user.locked_until = None


def reset_password(user: User, password: str, now: datetime | None = None) -> None:
    """Choose a new password from an emailed link; every session of the person ends."""
    now = now or utcnow()
    _new_password(user, password, now)
    sessions.end_sessions(user, now)
    events.record(user, "password-reset")
    db.session.commit()


def change_password(
    user: User, current: str, new: str, this_session: str | None, now: datetime | None = None
) -> None:
    """Change a password knowing the current one; every other session of the person ends."""
    now = now or utcnow()
    if not lockout.reserve_attempt(user.id, now):
        raise AccountError(
            "current_password",
            f"Too many wrong passwords: try again in {lockout.LOCK_MINUTES} minutes",
        )
    if not verify_password(user.password_hash, current):
        lockout.attempt_failed(user.id, now)
        db.session.commit()
        raise AccountError("current_password", "Your current password is not right")
    _new_password(user, new, now)
    sessions.end_sessions(user, now, keeping=this_session)
    events.record(user, "password-change", actor=user)
    db.session.commit()


def submission_refusal(user: User, body: PublicBody | None = None) -> str | None:
    """Why this member may not start or submit a case (to this body), or None when they may."""
    organisation = user.organisation
    if organisation is not None and not organisation.active:
        return (
            f"{organisation.name} has been deactivated, so you cannot start or submit "
            "submissions for it. You can still read its submissions. Contact an administrator "
            "if this is wrong."
        )
    if body is not None and not body.active:
        return (
            f"{body.name} no longer receives submissions on Valuecase. Contact an administrator "
            "if this is wrong."
        )
    return None


def create_public_body(name: str, response_period_days: int = 40) -> PublicBody:
    """Register a public body."""
    body = PublicBody(name=name.strip(), response_period_days=response_period_days)
    db.session.add(body)
    db.session.commit()
    return body
