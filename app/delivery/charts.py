"""The claimed-against-realised chart, drawn with the value account's own SVG pieces."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from app.value import charts as drawing
from app.value.money import format_pounds

CLAIMED = "#505a5f"
REALISED = "#00703c"


def claimed_and_realised_svg(
    points: Sequence[tuple[int, Decimal, Decimal]], *, id_prefix: str = "claimed-realised"
) -> str:
    """Paired bars, period by period: the value claimed to date and the value realised."""
    title = "Value claimed and realised to date, by period"
    if not points:
        return drawing._svg(
            80,
            title,
            f"{title}. No period has verified results yet.",
            [
                drawing._text(
                    drawing.WIDTH / 2, 45, "No period has verified results yet.", anchor="middle"
                )
            ],
            id_prefix,
        )
    values = [float(v) for _, claimed, realised in points for v in (claimed, realised)]
    desc = "; ".join(
        f"period {n}: claimed {format_pounds(c)}, realised {format_pounds(r)}" for n, c, r in points
    )
    left, right, top, bottom = 100.0, drawing.WIDTH - 20.0, 40.0, 260.0
    ticks = drawing._nice_ticks(min(values), max(values))
    scale = drawing._scale(ticks, bottom, top)
    body = drawing._y_axis(ticks, scale, left, right)
    body.append(drawing._rect(left, 10, 14, 14, CLAIMED))
    body.append(drawing._text(left + 20, 22, "Claimed to date", size=12))
    body.append(drawing._rect(left + 150, 10, 14, 14, REALISED))
    body.append(drawing._text(left + 170, 22, "Realised", size=12))
    slot = (right - left) / len(points)
    for index, (number, claimed, realised) in enumerate(points):
        x = left + slot * index
        for offset, amount, colour in ((0.15, claimed, CLAIMED), (0.5, realised, REALISED)):
            y0, y1 = sorted((scale(0.0), scale(float(amount))))
            body.append(drawing._rect(x + slot * offset, y0, slot * 0.35, y1 - y0, colour))
        body.append(
            drawing._text(x + slot / 2, bottom + 20, f"Period {number}", anchor="middle", size=12)
        )
    return drawing._svg(bottom + 40, title, f"{title}. {desc}.", body, id_prefix)
