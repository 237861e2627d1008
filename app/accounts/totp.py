"""Time-based one-time codes (RFC 6238, through pyotp) and recovery codes: pure functions.

A code is accepted in the 30-second step it belongs to or one step either side, for clocks
that drift; the caller keeps the last step used so that no code counts twice. Recovery codes
carry 79 random bits, so a plain SHA-256 is enough to store them: nobody can try 2^79 guesses.
"""

import base64
import hashlib
import hmac
import re
import secrets
from datetime import datetime

import pyotp
import qrcode
import qrcode.image.svg

ISSUER = "Valuecase"
DRIFT_STEPS = 1
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
_RECOVERY_LENGTH = 16  # 16 characters of 31: 79 bits
_SIX_DIGITS = re.compile(r"\d{6}")


def new_secret() -> str:
    """A fresh key to share with an authentication app (160 bits, base32)."""
    return pyotp.random_base32()


def grouped(secret: str) -> str:
    """The key in groups of four, for typing into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def provisioning_uri(secret: str, email: str) -> str:
    """The otpauth:// address an app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_code_data_uri(text: str) -> str:
    """A QR code of the text as an SVG data URI, for an <img> (no inline style to allow)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage)
    encoded = base64.b64encode(image.to_string()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def looks_like_code(text: str) -> bool:
    """Whether what was typed is a six-digit code (spaces allowed) rather than a recovery code."""
    return bool(_SIX_DIGITS.fullmatch(re.sub(r"\s", "", text)))


def matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step whose code this is, within the allowed drift; None when it matches none."""
    typed = re.sub(r"\s", "", code)
    if not _SIX_DIGITS.fullmatch(typed):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), typed):
            return step
    return None


def code_at(secret: str, moment: datetime) -> str:
    """The code an app shows at a moment."""
    return pyotp.TOTP(secret).at(moment)


def new_recovery_codes(count: int = RECOVERY_CODE_COUNT) -> list[str]:
    """Fresh recovery codes, each written in four groups of four, like abcd-efgh-jkmn-pqrs."""
    codes = []
    for _ in range(count):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
        codes.append("-".join(raw[i : i + 4] for i in range(0, _RECOVERY_LENGTH, 4)))
    return codes


def recovery_code_hash(code: str) -> str:
    """What is stored of a recovery code: its SHA-256, however it was spaced or capitalised."""
    normal = re.sub(r"[^a-z0-9]", "", code.lower())
    return hashlib.sha256(normal.encode()).hexdigest()
