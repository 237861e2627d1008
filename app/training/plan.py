"""The learning plan: from check findings to the modules that close the gaps (pure).

Every finding of a check report names the modules that address it; the plan gathers those
modules, orders them by stage (and by their order in the model within a stage), and lists under
each the findings that point to it, most severe first.

A draft whose check raises is logged and kept out of the plan, named among the drafts that
could not be checked: one broken draft never breaks the plan of the others.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .content import Curriculum, Module, Stage, Step, Track

SEVERITIES = ("blocker", "major", "minor", "advice")
CHECK_FAILED = "This draft could not be checked because of a problem on our side."
LOGGER = logging.getLogger("valuecase.training.plan")


class Checker(Protocol):
    """What the plan needs of the rulebook: a check of a valid document."""

    def check(self, document: dict) -> dict:
        """The check report of a schema-valid document."""


def guarded_check(checker: Checker, document: dict) -> dict:
    """The check report of a document, or, when the check raises for any reason, the failure
    logged and ``{"errors": [...]}`` in its place."""
    try:
        return checker.check(document)
    except Exception:
        LOGGER.exception("the draft %r could not be checked for a learning plan", _title(document))
        return {"errors": [{"path": "", "message": CHECK_FAILED}]}


@dataclass(frozen=True)
class GuardedChecker:
    """A checker that answers a draft whose check raises with :func:`guarded_check`."""

    checker: Checker

    def check(self, document: dict) -> dict:
        """The check report of a document, or its errors when the check failed."""
        return guarded_check(self.checker, document)


def _title(document: object) -> object:
    return document.get("title") if isinstance(document, Mapping) else None


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
    """The modules to study, in stage order, the module ids no module file matches, and what
    could not be checked (its report holds errors, not findings)."""

    items: tuple[PlanItem, ...]
    unknown_modules: frozenset[str]
    unchecked: tuple[str, ...] = ()

    @property
    def to_do(self) -> tuple[PlanItem, ...]:
        """The items whose module is not passed yet."""
        return tuple(item for item in self.items if not item.passed)

    def by_step(self, track: Track) -> list[tuple[Step, tuple[PlanItem, ...]]]:
        """The items grouped under the step of the track that holds them, empty steps left
        out."""
        groups = []
        for step in track.steps:
            items = tuple(item for item in self.items if item.module.id in step.module_ids)
            if items:
                groups.append((step, items))
        return groups

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
    unchecked: list[str] = []
    for source, report in reports:
        if report.get("errors"):
            unchecked.append(source)
        for finding in report.get("findings") or ():
            for module_id in dict.fromkeys(finding.get("modules") or ()):
                if curriculum.module(module_id) is None:
                    unknown.add(module_id)
                    continue
                pointing.setdefault(module_id, []).append(_finding(source, finding))
    items = plan_items(pointing, curriculum, passed)
    return LearningPlan(items=items, unknown_modules=frozenset(unknown), unchecked=tuple(unchecked))


def modules_named(reports: Iterable[tuple[str, Mapping[str, Any]]]) -> dict[str, tuple[str, ...]]:
    """Each module that a finding of these (what was checked, check report) pairs names, with
    what was checked, in the order first met and each named once."""
    named: dict[str, dict[str, None]] = {}
    for source, report in reports:
        for finding in report.get("findings") or ():
            for module_id in finding.get("modules") or ():
                named.setdefault(str(module_id), {})[source] = None
    return {module_id: tuple(sources) for module_id, sources in named.items()}


def plan_items(
    pointing: Mapping[str, Sequence[PlanFinding]],
    curriculum: Curriculum,
    passed: Collection[str],
    order: Sequence[str] | None = None,
) -> tuple[PlanItem, ...]:
    """A plan item for each module (that exists) with the findings pointing to it, most severe
    first, in ``order`` (the model's order when not given)."""
    ids = list(order) if order is not None else [m.id for m in curriculum.ordered_modules()]
    position = {module_id: index for index, module_id in enumerate(ids)}
    return tuple(
        PlanItem(
            module=curriculum.modules[module_id],
            findings=tuple(sorted(findings, key=_finding_order)),
            passed=module_id in passed,
        )
        for module_id, findings in sorted(
            pointing.items(), key=lambda pair: (position.get(pair[0], len(position)), pair[0])
        )
        if module_id in curriculum.modules
    )


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
