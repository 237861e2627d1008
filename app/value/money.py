"""Money and shares as Decimal: reading them from a document, rounding and showing them.

Amounts are kept exact (Decimal) through the whole value account and rounded only for display
or for the JSON check report. Floats from parsed JSON are converted through ``str()`` so that
0.1 stays 0.1 rather than the nearest binary fraction.

The schema allows amounts from 5e-324 to 10^12, so a ratio or a payback worked out from them
can have hundreds of digits. Rounding is done with as many digits as the rounded figure
needs, so it never raises; a ratio or payback whose rounded size reaches :data:`SHOWN_LIMIT`
is not shown or reported as a number at all, and an amount of :data:`WRITTEN_OUT_LIMIT` or
more is written to three significant figures.
"""

from __future__ import annotations

import math
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    InvalidOperation,
    localcontext,
)
from typing import Any

PRECISION = 34
"""Significant digits of every sum and product in the value account."""
ARITHMETIC = Context(prec=PRECISION)
"""The context the value account is worked in (``localcontext`` works in a copy of it)."""
ZERO = Decimal(0)
ONE = Decimal(1)
_PLACES = {places: ONE.scaleb(-places) for places in range(5)}  # 0 → 1, 2 → 0.01, …
SHOWN_LIMIT = Decimal(10) ** 12
"""Ratios and payback months whose rounded size reaches this (either sign) are too large to
show or report: a trillion to one says nothing a reader can use, and the triage queue keeps
the ratio in a Numeric(14, 2) column, which holds less than 10^12."""
TOO_LARGE_TO_SHOW = "too large to show"
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
"""Moving a decimal point in this context never rounds."""
WRITTEN_OUT_LIMIT = Decimal(10) ** 15
"""Amounts of a thousand trillion pounds or more are written as e.g. ``£2.5 × 10^26``."""
SMALLEST_WRITTEN_OUT = Decimal("0.0001")
"""Quantities and years smaller than this (but not zero) are written as e.g. ``5 × 10^-324``."""


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


def quantized(amount: Decimal, places: int = 2) -> Decimal:
    """``amount`` rounded half up to ``places`` decimals, however many digits that takes.

    ``Decimal.quantize`` raises when the result has more digits than the context's precision
    (28 by default): a ratio of 10^30 to 2 decimals has 33. The precision here is always
    enough. ``amount`` must be finite.
    """
    digits = max(amount.adjusted() + 1, 1) + places + 1  # + 1: rounding may carry a digit
    with localcontext() as context:
        context.prec = max(context.prec, digits)
        return amount.quantize(_quantum(places), ROUND_HALF_UP)


def is_too_large(figure: Decimal, places: int = 2) -> bool:
    """Whether a ratio or payback rounded to ``places`` decimals reaches :data:`SHOWN_LIMIT`."""
    return not figure.is_finite() or abs(quantized(figure, places)) >= SHOWN_LIMIT


def rounded(amount: Decimal | None, places: int = 2, limit: Decimal | None = None) -> float | None:
    """Round half up to ``places`` decimals and return a JSON-ready float.

    ``None`` stays ``None``, and so does an amount that no finite float holds or whose rounded
    size reaches ``limit`` (when given): never a made-up number. A rounded zero is +0.0.
    """
    if amount is None or not amount.is_finite():
        return None
    exact = quantized(amount, places)
    if limit is not None and abs(exact) >= limit:
        return None
    number = float(exact)
    return number + 0.0 if math.isfinite(number) else None


def format_pounds(amount: Decimal | float | int, places: int = 0) -> str:
    """Show an amount in pounds with thousands separators, e.g. ``£12,400`` or ``−£1,250``.

    An amount of :data:`WRITTEN_OUT_LIMIT` or more is written to three significant figures,
    e.g. ``£2.5 × 10^26``; one that is not a finite number is a dash.
    """
    exact = to_decimal(amount)
    if not exact.is_finite():
        return "–"
    exact = quantized(exact, places)
    sign = "\u2212" if exact < 0 else ""
    size = abs(exact)
    if size >= WRITTEN_OUT_LIMIT:
        return f"{sign}£{scientific(size)}"
    return f"{sign}£{size:,.{places}f}"


def format_number(value: Decimal | float | int) -> str:
    """A quantity or a number of years for display: six significant figures, whole numbers
    from a million, and ``5 × 10^-324`` below :data:`SMALLEST_WRITTEN_OUT`."""
    exact = to_decimal(value)
    if not exact.is_finite():
        return "–"
    if not exact:
        return "0"
    sign, size = ("\u2212" if exact < 0 else ""), abs(exact)
    if size < SMALLEST_WRITTEN_OUT or size >= WRITTEN_OUT_LIMIT:
        return sign + scientific(size)
    shown = quantized(size, max(0, 5 - size.adjusted())).normalize()
    return f"{sign}{shown:,f}"


def scientific(size: Decimal) -> str:
    """A positive number to three significant figures as ``m × 10^n``, e.g. ``2.5 × 10^26``."""
    exponent = size.adjusted()
    mantissa = quantized(size.scaleb(-exponent, _EXACT), 2)
    if mantissa >= 10:  # 9.996 rounds up to 10.00
        mantissa, exponent = ONE, exponent + 1
    return f"{mantissa.normalize():f} × 10^{exponent}"


def _quantum(places: int) -> Decimal:
    """The smallest step of an amount rounded to ``places`` decimals (``0.01`` for 2)."""
    return _PLACES.get(places) or ONE.scaleb(-places)
