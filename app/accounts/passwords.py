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

# An Argon2id hash of a random password nobody kept, made with the hasher's own parameters:
# refusing an unknown or locked account checks against it, so it costs what refusing a wrong
# password costs (a test keeps the parameters in step with the hasher's).
DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$TZDxjmRKYHafxYLpxLXZ/A"
    "$lKZxuIIrhyzXR1tOVHc/TS8gyb6v94Pv27MqAnNR1AM"
)


def hash_password(password: str) -> str:
    """Hash a password with Argon2id."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether the password matches the stored hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def spend_a_verification(password: str) -> None:
    """Do the work of one password check that cannot succeed, to answer in the usual time."""
    verify_password(DUMMY_HASH, password)


def needs_rehash(password_hash: str) -> bool:
    """Whether a hash was made with other parameters than the hasher uses today."""
    return _hasher.check_needs_rehash(password_hash)


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
