"""Password hashing (Argon2id) and strength rules."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
MAX_LENGTH = 128
COMMON = frozenset(
    {
        "password",
        "password1",
        "password12",
        "password123",
        "passw0rd",
        "qwerty",
        "qwertyuiop",
        "letmein",
        "welcome",
        "welcome1",
        "iloveyou",
        "admin",
        "changeme",
        "123456",
        "1234567890",
        "0123456789",
        "12345678910",
        "abc123",
        "football",
        "monkey",
        "dragon",
        "sunshine",
        "princess",
        "trustno1",
        "valuecase",
    }
)

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """Hash a password with Argon2id."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether the password matches the stored hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def strength_problem(password: str, email: str = "", name: str = "") -> str | None:
    """Why a new password is too weak, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"Password must be at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"Password must be {MAX_LENGTH} characters or fewer"
    lowered = password.lower()
    if lowered in COMMON or lowered.rstrip("0123456789!") in COMMON:
        return "Password is too common: choose one that is harder to guess"
    if len(set(password)) < 4:
        return "Password must not repeat the same few characters"
    local_part = email.split("@")[0].lower()
    if len(local_part) >= 4 and local_part in lowered:
        return "Password must not contain your email address"
    if name and len(name) >= 4 and name.lower() in lowered:
        return "Password must not contain your name"
    return None
