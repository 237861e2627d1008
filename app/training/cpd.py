"""A person's record of continuing professional development from their training (pure).

A module counts when it is completed, that is when its quiz is first passed, for the minutes
the module declares: the time between opening a module and passing its quiz says more about
when a person had a spare moment than about the learning. The minutes are kept as they were
at completion, so editing a module later does not change anyone's record; a module completed
before minutes were kept counts for the minutes it declares now.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from .content import Curriculum

CSV_HEADER = ("Completed on", "Module", "Title", "Stage", "Minutes", "CPD hours")


def hours(minutes: int) -> Decimal:
    """Minutes as hours to two places, e.g. 50 minutes is 0.83 hours."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class CpdEntry:
    """One completed module on the record."""

    module_id: str
    title: str
    stage: int | None
    completed_at: datetime
    minutes: int

    @property
    def hours(self) -> Decimal:
        """The CPD hours the module counts for."""
        return hours(self.minutes)


def cpd_entries(
    completions: Iterable[tuple[str, datetime, int | None]], curriculum: Curriculum
) -> list[CpdEntry]:
    """The record, oldest first, from (module id, completed at, minutes kept or None) for each
    module completed."""
    entries = []
    for module_id, completed_at, minutes in completions:
        module = curriculum.module(module_id)
        declared = module.minutes if module else 0
        entries.append(
            CpdEntry(
                module_id=module_id,
                title=module.title if module else "",
                stage=module.stage if module else None,
                completed_at=completed_at,
                minutes=minutes if minutes is not None else declared,
            )
        )
    return sorted(entries, key=lambda entry: (entry.completed_at, entry.module_id))


def total_minutes(entries: Sequence[CpdEntry]) -> int:
    """The minutes of every entry together."""
    return sum(entry.minutes for entry in entries)


def csv_rows(entries: Sequence[CpdEntry]) -> list[tuple]:
    """The record as CSV rows, under :data:`CSV_HEADER`, with the total last."""
    rows: list[tuple] = [
        (
            entry.completed_at.date().isoformat(),
            entry.module_id,
            entry.title,
            entry.stage,
            entry.minutes,
            entry.hours,
        )
        for entry in entries
    ]
    total = total_minutes(entries)
    rows.append(("Total", "", "", "", total, hours(total)))
    return rows
