"""A commissioner's learning plan from their own decisions (pure: no Flask, no database).

Three things in a commissioner's decided cases show a gap that a module closes:

* **a judgement not written down**: a decision with no judgement recorded in one of the triage
  areas before it was made (a note added after the decision does not count, since it did not
  inform it). Commissioners make these judgements whether or not they record them;
* **a rejection without grounds**: a challenge rejected without any of the statutory grounds,
  the only grounds on which it may be rejected;
* **a late decision**: a case decided after its deadline.

:data:`CASEWORK_MODULES` names the modules that close each gap. The plan has the shape of the
plan built from check findings (:class:`.plan.LearningPlan`), so one page shows either.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from .content import Curriculum
from .plan import LearningPlan, PlanFinding, plan_items

CASEWORK_MODULES: dict[str, tuple[str, ...]] = {
    "casework.judgement.proportionality": ("M1.3", "M3.4"),
    "casework.judgement.stakeholders": ("M1.3", "M2.1", "M5.4"),
    "casework.judgement.vfm": ("M1.3", "M1.2", "M5.2"),
    "casework.judgement.claims": ("M3.2", "M5.3"),
    "casework.grounds": ("M1.3", "M5.1"),
    "casework.deadline": ("M1.3",),
}
"""The modules that close each gap, by the gap's finding kind: a missing judgement by triage
area (M1.3 teaches judging proportionality, stakeholder coverage and value for money area by
area and recording each judgement with its reasons; M3.2 deadweight and attribution, M5.3
verifying a value account), a rejection without statutory grounds (M1.3 teaches the grounds;
M5.1 the decision to stop a service, ground 4), and a late decision (M1.3 teaches the process
and the authority's published timetable). Each module lists the kinds it closes in its own
``closes``, and ``flask curriculum check`` holds these links to it."""


@dataclass(frozen=True)
class DecidedCase:
    """The facts of one case a commissioner decided: the areas in which a judgement was
    recorded before the decision, and the case's deadline (None when it has none)."""

    title: str
    kind: str
    outcome: str
    grounds: tuple[str, ...]
    decided_at: datetime
    deadline: datetime | None
    judged_areas: frozenset[str]


def casework_findings(
    case: DecidedCase, areas: Sequence[str], area_labels: Mapping[str, str]
) -> list[tuple[str, PlanFinding]]:
    """(gap, finding) for each gap one decided case shows."""
    found = []
    decided = f"{case.decided_at:%-d %B %Y}"
    for area in areas:
        if area not in case.judged_areas:
            label = area_labels.get(area, area)
            message = f"Decided on {decided} with no judgement recorded on {label.lower()}."
            found.append(
                (f"casework.judgement.{area}", _finding(case, "no-judgement", area, message))
            )
    if case.kind == "challenge" and case.outcome == "rejected" and not case.grounds:
        message = f"Rejected on {decided} without naming any of the statutory grounds."
        found.append(("casework.grounds", _finding(case, "no-grounds", "", message, "blocker")))
    if case.deadline is not None and case.decided_at > case.deadline:
        late = (case.decided_at.date() - case.deadline.date()).days
        message = f"Decided on {decided}, after its deadline of {case.deadline:%-d %B %Y}" + (
            f" ({late} day{'' if late == 1 else 's'} late)." if late else "."
        )
        found.append(("casework.deadline", _finding(case, "late", "", message)))
    return found


def casework_plan(
    cases: Iterable[DecidedCase],
    curriculum: Curriculum,
    areas: Sequence[str],
    area_labels: Mapping[str, str],
    passed: Collection[str] = (),
    order: Sequence[str] | None = None,
) -> LearningPlan:
    """The plan from a commissioner's decided cases: the modules that close the gaps they
    show, in ``order`` (the person's track), each with the cases that point to it."""
    pointing: dict[str, list[PlanFinding]] = {}
    for case in cases:
        for gap, finding in casework_findings(case, areas, area_labels):
            for module_id in CASEWORK_MODULES.get(gap, ()):
                pointing.setdefault(module_id, []).append(finding)
    unknown = frozenset(module_id for module_id in pointing if curriculum.module(module_id) is None)
    return LearningPlan(plan_items(pointing, curriculum, passed, order), unknown)


def _finding(
    case: DecidedCase, rule: str, area: str, message: str, severity: str = "major"
) -> PlanFinding:
    return PlanFinding(case.title, rule, area, severity, message, "")
