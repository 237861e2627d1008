"""Charts of the value account, drawn on the server as SVG strings.

The SVG goes into web pages and into PDFs (WeasyPrint), so it is self-contained and
accessible: ``role="img"``, a ``<title>`` and a ``<desc>`` joined by ``aria-labelledby``. The
site's Content-Security-Policy forbids inline styles, so only presentation attributes are
used (no ``style`` attribute, no ``<style>`` element). Every piece of text is escaped:
stakeholder names are user input.

Amounts are drawn as floats. Amounts under half a penny are drawn as nothing, so a chart of
such amounts alone (an input of 1e-27, say) says there is nothing to chart rather than
drawing an axis whose steps underflow.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from app.value.account import UNASSIGNED, ValueAccount
from app.value.money import format_pounds

WIDTH = 660
POSITIVE = "#1d70b8"
NEGATIVE = "#d4351c"
INK = "#0b0c0c"
GRID = "#b1b4b6"
FONT = "Arial, Helvetica, sans-serif"
EMPTY_MESSAGE = "There is no value to chart yet."
HALF_A_PENNY = 0.005
UNASSIGNED_NAME = "No stakeholder named"


def value_by_stakeholder_svg(
    account: ValueAccount, names: Mapping[str, str], *, id_prefix: str = "value-by-stakeholder"
) -> str:
    """A horizontal bar chart of present value per stakeholder (``names``: id -> name)."""
    title = "Present value by stakeholder"
    items = [(_name(key, names), float(value)) for key, value in account.by_stakeholder.items()]
    if not _chartable([value for _, value in items]):
        return _empty_svg(title, id_prefix)
    desc = "; ".join(f"{name}: {format_pounds(value)}" for name, value in items) + "."
    left, right, row = 220.0, WIDTH - 110.0, 34.0
    ticks = _spaced_ticks([v for _, v in items], right - left)
    scale = _scale(ticks, left, right)
    bottom = 20 + row * len(items)
    body = _x_axis(ticks, scale, 20, bottom)
    for index, (name, value) in enumerate(items):
        y = 20 + row * index
        start, end = sorted((scale(0.0), scale(value)))
        body.append(_rect(start, y + 6, end - start, row - 12, _colour(value)))
        body.append(_text(left - 10, y + row / 2 + 5, _shorten(name), anchor="end"))
        body.append(_text(right + 10, y + row / 2 + 5, format_pounds(value)))
    return _svg(bottom + 40, title, f"{title}. {desc}", body, id_prefix)


def value_by_year_svg(account: ValueAccount, *, id_prefix: str = "value-by-year") -> str:
    """A bar chart of the undiscounted value of all outcomes, year by year."""
    title = "Value by year, undiscounted"
    values = [float(value) for value in account.by_year]
    if not _chartable(values):
        return _empty_svg(title, id_prefix)
    desc = "; ".join(f"year {n}: {format_pounds(v)}" for n, v in enumerate(values, 1)) + "."
    left, right, top, bottom = 100.0, WIDTH - 20.0, 20.0, 260.0
    ticks = _nice_ticks(min(values), max(values))
    scale = _scale(ticks, bottom, top)
    body = _y_axis(ticks, scale, left, right)
    slot = (right - left) / len(values)
    for index, value in enumerate(values):
        x = left + slot * index
        y0, y1 = sorted((scale(0.0), scale(value)))
        body.append(_rect(x + slot * 0.2, y0, slot * 0.6, y1 - y0, _colour(value)))
        label = f"Year {index + 1}" if len(values) <= 8 else str(index + 1)
        body.append(_text(x + slot / 2, bottom + 20, label, anchor="middle", size=12))
    if len(values) > 8:
        body.append(_text((left + right) / 2, bottom + 40, "Year", anchor="middle", size=12))
    return _svg(bottom + 50, title, f"{title}. {desc}", body, id_prefix)


def _chartable(values: Sequence[float]) -> bool:
    """Whether some amount is at least half a penny, and every amount a finite float."""
    finite = all(map(math.isfinite, values))
    return finite and any(abs(value) >= HALF_A_PENNY for value in values)


def _name(key: str, names: Mapping[str, str]) -> str:
    if key == UNASSIGNED:
        return names.get(key, UNASSIGNED_NAME)
    return names.get(key) or key


def _shorten(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "\u2026"


def _colour(value: float) -> str:
    return NEGATIVE if value < 0 else POSITIVE


def _spaced_ticks(values: Sequence[float], length: float) -> list[float]:
    """Nice ticks along a horizontal axis, no closer than their labels are wide."""
    for count in (5, 4, 3, 2):
        ticks = _nice_ticks(min(values), max(values), count)
        widest = max(len(format_pounds(tick)) for tick in ticks) * 7.5 + 12
        if length / (len(ticks) - 1) >= widest:
            break
    return ticks


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round-numbered ticks covering ``low``..``high`` and zero."""
    low, high = min(low, 0.0), max(high, 0.0)
    rough = (high - low) / count or 1.0
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [n * step for n in range(first, last + 1)]


Scale = Callable[[float], float]


def _scale(ticks: Sequence[float], start: float, end: float) -> Scale:
    low, high = ticks[0], ticks[-1]
    return lambda value: start + (value - low) / (high - low) * (end - start)


def _x_axis(ticks: Sequence[float], scale: Scale, top: float, bottom: float) -> list[str]:
    parts = []
    for tick in ticks:
        x = scale(tick)
        colour = INK if tick == 0 else GRID
        parts.append(_line(x, top, x, bottom, colour))
        parts.append(_text(x, bottom + 20, format_pounds(tick), anchor="middle", size=12))
    return parts


def _y_axis(ticks: Sequence[float], scale: Scale, left: float, right: float) -> list[str]:
    parts = []
    for tick in ticks:
        y = scale(tick)
        parts.append(_line(left, y, right, y, INK if tick == 0 else GRID))
        parts.append(_text(left - 8, y + 4, format_pounds(tick), anchor="end", size=12))
    return parts


def _rect(x: float, y: float, width: float, height: float, fill: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
        f'height="{max(height, 0):.1f}" fill="{fill}"/>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{stroke}" stroke-width="1"/>'
    )


def _text(x: float, y: float, content: str, *, anchor: str = "start", size: int = 14) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{INK}">{escape(content)}</text>'
    )


def _svg(height: float, title: str, desc: str, body: Sequence[str], prefix: str) -> str:
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f"aria-labelledby={quoteattr(f'{title_id} {desc_id}')} font-family={quoteattr(FONT)}>"
        f"<title id={quoteattr(title_id)}>{escape(title)}</title>"
        f"<desc id={quoteattr(desc_id)}>{escape(desc)}</desc>" + "".join(body) + "</svg>"
    )


def _empty_svg(title: str, prefix: str) -> str:
    message = _text(WIDTH / 2, 45, EMPTY_MESSAGE, anchor="middle")
    return _svg(80, title, f"{title}. {EMPTY_MESSAGE}", [message], prefix)
