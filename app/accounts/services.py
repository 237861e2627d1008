"""Account operations: sign-up, sign-in with lock-out, password reset tokens."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from ..extensions import db
from ..field_errors import FieldError
from .models import Organisation, OrganisationType, PublicBody, Role, User
from .passwords import hash_password, verify_password

MAX_FAILED_SIGN_INS = 5
LOCK_MINUTES = 15
RESET_SALT = "password-reset"


class AccountError(FieldError):
    """An account request that cannot be carried out."""


@dataclass(frozen=True)
class SignUp:
    """What a new person gives when signing up."""

    name: str
    email: str
    password: str
    organisation_name: str | None = None
    organisation_type: str | None = None


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively and without surrounding space."""
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    """The account with this email, if any."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def find_organisation(name: str) -> Organisation | None:
    """An organisation by name, ignoring case."""
    wanted = name.strip().lower()
    return db.session.scalar(select(Organisation).where(func.lower(Organisation.name) == wanted))


def sign_up(details: SignUp) -> User:
    """Create an account; with an organisation name, also a new CSO organisation."""
    email = normalise_email(details.email)
    if find_user_by_email(email):
        raise AccountError("email", "An account with this email address already exists")
    user = User(
        email=email, name=details.name.strip(), password_hash=hash_password(details.password)
    )
    if details.organisation_name and details.organisation_name.strip():
        if find_organisation(details.organisation_name):
            raise AccountError(
                "organisation_name",
                "This organisation is already registered: ask one of its members "
                "or an administrator to add you",
            )
        user.organisation = Organisation(
            name=details.organisation_name.strip(),
            type=OrganisationType(details.organisation_type or "other"),
        )
        user.role = Role.CSO
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(email: str, password: str, now: datetime | None = None) -> User:
    """The user these credentials belong to; raises AccountError otherwise."""
    now = now or datetime.now(UTC)
    user = find_user_by_email(email)
    if user is None or not user.active:
        verify_password(hash_password("timing-equaliser"), password)
        raise AccountError("email", "Enter a correct email address and password")
    if user.locked_until and _aware(user.locked_until) > now:
        raise AccountError(
            "email",
            "This account is locked after too many failed attempts: try again later "
            "or reset your password",
        )
    if not verify_password(user.password_hash, password):
        _record_failure(user, now)
        raise AccountError("email", "Enter a correct email address and password")
    user.failed_sign_ins = 0
    user.locked_until = None
    db.session.commit()
    return user


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; treat them as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _record_failure(user: User, now: datetime) -> None:
    """Count a failed sign-in and lock the account after too many."""
    user.failed_sign_ins += 1
    if user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
        user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
        user.failed_sign_ins = 0
    db.session.commit()


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=RESET_SALT)


def reset_token(user: User, secret_key: str) -> str:
    """A signed token that resets this user's password until the password changes."""
    stamp = _aware(user.password_changed_at).timestamp()
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
    if _aware(user.password_changed_at).timestamp() != data.get("stamp"):
        return None
    return user


def set_password(user: User, password: str) -> None:
    """Change a password, which also spends any reset link already sent."""
    user.password_hash = hash_password(password)
    user.password_changed_at = datetime.now(UTC)
    user.failed_sign_ins = 0
    user.locked_until = None
    db.session.commit()


def create_public_body(name: str, response_period_days: int = 56) -> PublicBody:
    """Register a public body."""
    body = PublicBody(name=name.strip(), response_period_days=response_period_days)
    db.session.add(body)
    db.session.commit()
    return body
