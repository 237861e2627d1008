"""What a certificate certifies: the stage's modules with their learning objectives and CPD
minutes, and the portfolio's assessment where the stage asks for one (pure).

The record is made when the certificate is issued and kept with it, so the certificate and the
public verification page go on showing what was passed even after the curriculum changes. A
certificate issued before records were kept is shown from the curriculum as it stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from .content import Curriculum
from .cpd import hours


@dataclass(frozen=True)
class CertifiedModule:
    """A module on a certificate."""

    id: str
    title: str
    objectives: tuple[str, ...]
    minutes: int

    @property
    def hours(self) -> Decimal:
        """The CPD hours the module counts for."""
        return hours(self.minutes)


@dataclass(frozen=True)
class Certified:
    """What one certificate certifies."""

    modules: tuple[CertifiedModule, ...]
    portfolio_passed_on: date | None = None

    @property
    def minutes(self) -> int:
        """The CPD minutes of every module together."""
        return sum(module.minutes for module in self.modules)

    @property
    def hours(self) -> Decimal:
        """The CPD hours of every module together."""
        return hours(self.minutes)


def certified_record(
    curriculum: Curriculum,
    stage: int,
    minutes: Mapping[str, int],
    portfolio_passed_at: datetime | None,
) -> dict[str, Any]:
    """The record to keep with a stage's certificate; ``minutes`` are the CPD minutes each
    module counted for when completed (a module's declared minutes where none were kept)."""
    return {
        "modules": [
            {
                "id": module.id,
                "title": module.title,
                "objectives": list(module.objectives),
                "minutes": minutes.get(module.id, module.minutes),
            }
            for module in curriculum.stage_modules(stage)
        ],
        "portfolio_passed_on": portfolio_passed_at.date().isoformat()
        if portfolio_passed_at
        else None,
    }


def certified(record: Mapping[str, Any] | None, curriculum: Curriculum, stage: int) -> Certified:
    """What a certificate certifies, from its record (or the curriculum when it has none)."""
    if record is None:
        record = certified_record(curriculum, stage, {}, None)
    modules = tuple(
        CertifiedModule(
            entry["id"], entry["title"], tuple(entry["objectives"]), int(entry["minutes"])
        )
        for entry in record.get("modules", [])
    )
    passed_on = record.get("portfolio_passed_on")
    return Certified(modules, date.fromisoformat(passed_on) if passed_on else None)
