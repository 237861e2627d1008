"""The learning plan: from check findings to the modules that close the gaps (pure).

Every finding of a check report names the modules that address it; the plan gathers those
modules, orders them by stage (and by their order in the model within a stage), and lists under
each the findings that point to it, most severe first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .content import Curriculum, Module, Stage

SEVERITIES = ("blocker", "major", "minor", "advice")


@dataclass(frozen=True)
class PlanFinding:
    """A finding, with what was checked (e.g. the proposal's title)."""

    source: str
    rule: str
    area: str
    severity: str
    message: str
    path: str


@dataclass(frozen=True)
class PlanItem:
    """A module in the plan, the findings that point to it, and whether it is passed already."""

    module: Module
    findings: tuple[PlanFinding, ...]
    passed: bool


@dataclass(frozen=True)
class LearningPlan:
    """The modules to study, in stage order, and the module ids no module file matches."""

    items: tuple[PlanItem, ...]
    unknown_modules: frozenset[str]

    @property
    def to_do(self) -> tuple[PlanItem, ...]:
        """The items whose module is not passed yet."""
        return tuple(item for item in self.items if not item.passed)

    def by_stage(self, curriculum: Curriculum) -> list[tuple[Stage, tuple[PlanItem, ...]]]:
        """The items grouped under their stage, stages in order, empty stages left out."""
        groups = []
        for stage in curriculum.stages:
            items = tuple(item for item in self.items if item.module.stage == stage.number)
            if items:
                groups.append((stage, items))
        return groups


def learning_plan(
    reports: Iterable[tuple[str, Mapping[str, Any]]],
    curriculum: Curriculum,
    passed: Collection[str] = (),
) -> LearningPlan:
    """The plan from (what was checked, its check report) pairs and the modules passed."""
    pointing: dict[str, list[PlanFinding]] = {}
    unknown: set[str] = set()
    for source, report in reports:
        for finding in report.get("findings") or ():
            for module_id in dict.fromkeys(finding.get("modules") or ()):
                if curriculum.module(module_id) is None:
                    unknown.add(module_id)
                    continue
                pointing.setdefault(module_id, []).append(_finding(source, finding))
    order = {module.id: index for index, module in enumerate(curriculum.ordered_modules())}
    items = tuple(
        PlanItem(
            module=curriculum.modules[module_id],
            findings=tuple(sorted(findings, key=_finding_order)),
            passed=module_id in passed,
        )
        for module_id, findings in sorted(pointing.items(), key=lambda pair: order[pair[0]])
    )
    return LearningPlan(items=items, unknown_modules=frozenset(unknown))


def _finding(source: str, finding: Mapping[str, Any]) -> PlanFinding:
    return PlanFinding(
        source=source,
        rule=str(finding.get("rule", "")),
        area=str(finding.get("area", "")),
        severity=str(finding.get("severity", "")),
        message=str(finding.get("message", "")),
        path=str(finding.get("path", "")),
    )


def _finding_order(finding: PlanFinding) -> tuple:
    rank = SEVERITIES.index(finding.severity) if finding.severity in SEVERITIES else len(SEVERITIES)
    return (rank, finding.source, finding.rule, finding.path)
