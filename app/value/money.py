"""Money and shares as Decimal: reading them from a document, rounding and showing them.

Amounts are kept exact (Decimal) through the whole value account and rounded only for display
or for the JSON check report. Floats from parsed JSON are converted through ``str()`` so that
0.1 stays 0.1 rather than the nearest binary fraction.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

ZERO = Decimal(0)
ONE = Decimal(1)
_PLACES = {places: ONE.scaleb(-places) for places in range(5)}  # 0 → 1, 2 → 0.01, …


def to_decimal(value: Any, default: Decimal = ZERO) -> Decimal:
    """Return ``value`` as an exact Decimal; ``None`` (absent) gives ``default``."""
    kind = type(value)
    if kind is float:  # the usual cases first: JSON numbers
        return Decimal(str(value))
    if kind is int:
        return Decimal(value)
    if value is None:
        return default
    if isinstance(value, bool):
        raise TypeError("a boolean is not an amount")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    try:
        return Decimal(str(value))
    except InvalidOperation as error:
        raise ValueError(f"not a number: {value!r}") from error


def to_share(value: Any) -> Decimal:
    """Return a share (0 to 1) as a Decimal, absent meaning 0 and anything outside clamped."""
    share = to_decimal(value)
    if ZERO <= share <= ONE:  # the usual case
        return share
    return min(max(share, ZERO), ONE)


def rounded(amount: Decimal | None, places: int = 2) -> float | None:
    """Round half up to ``places`` decimals and return a JSON-ready float (``None`` stays)."""
    if amount is None:
        return None
    return float(amount.quantize(_PLACES.get(places) or _quantum(places), ROUND_HALF_UP))


def format_pounds(amount: Decimal | float | int, places: int = 0) -> str:
    """Show an amount in pounds with thousands separators, e.g. ``£12,400`` or ``−£1,250``."""
    exact = to_decimal(amount).quantize(_quantum(places), rounding=ROUND_HALF_UP)
    sign = "\u2212" if exact < 0 else ""
    return f"{sign}£{abs(exact):,.{places}f}"


def _quantum(places: int) -> Decimal:
    """The smallest step of an amount rounded to ``places`` decimals (``0.01`` for 2)."""
    return _PLACES.get(places) or ONE.scaleb(-places)
