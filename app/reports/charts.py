"""The value charts as the PDFs draw them: at most a dozen bars, so a case at the size limit
(200 stakeholders) prints a chart that fits on a page and costs little to draw.

The page's own charts (``app.value.charts``) draw every stakeholder; the printed chart keeps
the twelve largest by size of value and sums the rest into one bar that says how many it
holds. Every figure stays in the impact map beside it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from app.value.account import ValueAccount
from app.value.charts import value_by_stakeholder_svg
from app.value.impact_map import ValueView

PRINTED_BARS = 12
OTHERS = "\x00others"


class _Bars(NamedTuple):
    """What the stakeholder chart reads of an account: present value by stakeholder."""

    by_stakeholder: dict[str, Decimal]


def top_stakeholders(
    by_stakeholder: dict[str, Decimal], bars: int = PRINTED_BARS
) -> dict[str, Decimal]:
    """The ``bars - 1`` largest amounts by size, in their order, and the rest summed under
    ``OTHERS``; all of them unchanged when there are no more than ``bars``."""
    if len(by_stakeholder) <= bars:
        return dict(by_stakeholder)
    largest = sorted(by_stakeholder, key=lambda key: abs(by_stakeholder[key]), reverse=True)
    kept = set(largest[: bars - 1])
    shown = {key: value for key, value in by_stakeholder.items() if key in kept}
    shown[OTHERS] = sum((v for k, v in by_stakeholder.items() if k not in kept), Decimal(0))
    return shown


def printed_stakeholder_chart(view: ValueView, names: dict[str, str]) -> str:
    """The present value by stakeholder chart for print, at most ``PRINTED_BARS`` bars."""
    account: ValueAccount = view.account
    shown = top_stakeholders(account.by_stakeholder)
    if OTHERS not in shown:
        return view.stakeholder_chart
    others = len(account.by_stakeholder) - len(shown) + 1
    labels = dict(names) | {OTHERS: f"Other {others} stakeholders"}
    return value_by_stakeholder_svg(_Bars(shown), labels, id_prefix="print-value-by-stakeholder")
