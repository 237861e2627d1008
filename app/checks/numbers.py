"""Numbers the rules engine can read, and numbers written for people.

The engine's C parser rejects floats that Python writes in exponent form (``1e-05``,
``1e+16``), infinities and NaN. :func:`safe_number` turns any finite number into one it
reads: rounded to 4 decimal places, a non-zero amount smaller than that kept as ±0.0001 (so it
stays non-zero), and magnitudes capped just under 10^15.

A message never quotes a capped number as if it were the figure: money at the cap is written
"at least £999,999,999,999,999", and a ratio of 10^12 or more (too large to show, as in the
value account) "at least 1,000,000,000,000" ("at most" below zero).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

from app.value.money import SHOWN_LIMIT

LIMIT = 999_999_999_999_999
SMALLEST = 0.0001


def safe_number(value: int | float | Decimal) -> int | float:
    """Return ``value`` as an int or float whose JSON form the engine accepts."""
    kind = type(value)
    if kind is Decimal:  # the value account's amounts: exactly as their nearest float
        if not value:  # nothing recorded: a zero, which is positive in the engine
            return 0.0
        value, kind = float(value), float
    if kind is float and -LIMIT < value < LIMIT:  # the usual case, answered first
        if value.is_integer():  # already has no decimal places (and a zero is +0.0)
            return value if value else 0.0
        rounded = round(value, 4)
        if rounded != 0:
            return rounded
    elif kind is int and -LIMIT <= value <= LIMIT:
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number here")
    if isinstance(value, int):
        return max(-LIMIT, min(LIMIT, value))
    number = float(value)
    if math.isnan(number):
        raise ValueError("NaN is not a number the checks can use")
    if abs(number) >= LIMIT:
        return math.copysign(float(LIMIT), number)
    rounded = round(number, 4)
    if rounded == 0:
        return math.copysign(SMALLEST, number) if number != 0 else 0.0
    return rounded


def is_safe_number(value: object) -> bool:
    """Whether ``value`` is a number that :func:`safe_number` leaves unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return safe_number(value) == value


def show_number(value: float, kind: str) -> str:
    """Write a number for a message: ``money`` £1,234, ``share`` 40%, else up to 2 decimals."""
    return shower(kind)(value)


def shower(kind: str) -> Callable[[float], str]:
    """The function that writes numbers of this kind for a message."""
    return _SHOWERS.get(kind, _show_plain)


def _show_money(value: float) -> str:
    shown = f"£{value:,.0f}" if value >= 0 else f"−£{-value:,.0f}"
    if abs(value) >= LIMIT:  # capped: the figure itself is at least this far from zero
        return f"at least {shown}" if value > 0 else f"at most {shown}"
    return shown


def _show_ratio(value: float) -> str:
    if abs(value) >= SHOWN_LIMIT:
        return f"at least {SHOWN_LIMIT:,}" if value > 0 else f"at most −{SHOWN_LIMIT:,}"
    return _show_plain(value)


def _show_share(value: float) -> str:
    percent = round(float(value) * 100, 1)
    return f"{percent:.0f}%" if percent.is_integer() else f"{percent:.1f}%"


def _show_count(value: float) -> str:
    return f"{int(value):,}"


def _show_plain(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


_SHOWERS = {
    "money": _show_money,
    "share": _show_share,
    "count": _show_count,
    "ratio": _show_ratio,
}
