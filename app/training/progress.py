"""A person's progress through the stages (pure: no Flask, no database).

The gating rule: any module can be read, but a module's quiz opens only when every earlier
stage is done. A stage is done when all its modules are passed (the stage is *passed*) or it
lies below the stage the placement self-assessment placed the person at (it is *placed*). So
stage 1 is always open, stage N+1 opens when stage N (and so every stage before it) is done,
and being placed at stage N opens stage N's quizzes without making stage N done or passing any
module. A person's stage is the highest stage up to which every stage is done.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .content import Curriculum, Module, Stage

PASSED, PLACED, IN_PROGRESS, NOT_STARTED, LOCKED = (
    "passed",
    "placed",
    "in_progress",
    "not_started",
    "locked",
)

STATE_LABELS = {
    PASSED: "Passed",
    PLACED: "Placed",
    IN_PROGRESS: "Not passed yet",
    NOT_STARTED: "Not started",
    LOCKED: "Quiz not open yet",
}


@dataclass(frozen=True)
class ModuleProgress:
    """A module and where the person stands with it (one of the states above)."""

    module: Module
    state: str

    @property
    def label(self) -> str:
        """The state as people read it."""
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class StageProgress:
    """A stage, its modules' states, and whether it is passed, placed, done and open."""

    stage: Stage
    modules: tuple[ModuleProgress, ...]
    placed: bool
    open: bool

    @property
    def passed_count(self) -> int:
        """How many of the stage's modules are passed."""
        return sum(item.state == PASSED for item in self.modules)

    @property
    def passed(self) -> bool:
        """Every module of the stage is passed."""
        return bool(self.modules) and self.passed_count == len(self.modules)

    @property
    def done(self) -> bool:
        """Passed, or below the stage the person was placed at."""
        return self.passed or self.placed

    @property
    def remaining(self) -> tuple[Module, ...]:
        """The modules still to pass."""
        return tuple(item.module for item in self.modules if item.state != PASSED)


@dataclass(frozen=True)
class Progress:
    """Every stage's progress, the person's stage, the stage they were placed at (0 when they
    have not taken the placement self-assessment) and the next module to take."""

    stages: tuple[StageProgress, ...]
    level: int
    placement_stage: int
    next_module: Module | None

    @property
    def current(self) -> StageProgress | None:
        """The stage the person has reached, or None before stage 1 is done."""
        return self.stages[self.level - 1] if self.level else None

    @property
    def working_towards(self) -> StageProgress | None:
        """The first stage not yet done, or None when every stage is done."""
        return next((stage for stage in self.stages if not stage.done), None)

    @property
    def passed_ids(self) -> frozenset[str]:
        """The ids of the modules passed."""
        return frozenset(m.module.id for s in self.stages for m in s.modules if m.state == PASSED)

    def stage_of(self, number: int) -> StageProgress | None:
        """The progress in one stage."""
        return next((stage for stage in self.stages if stage.stage.number == number), None)

    def module_state(self, module_id: str) -> ModuleProgress | None:
        """Where the person stands with one module."""
        found = (m for s in self.stages for m in s.modules if m.module.id == module_id)
        return next(found, None)

    def quiz_open(self, module_id: str) -> bool:
        """Whether the person may take this module's quiz."""
        return any(m.module.id == module_id and s.open for s in self.stages for m in s.modules)


def progress(
    curriculum: Curriculum,
    passed: Collection[str],
    attempted: Collection[str] = (),
    placement_stage: int = 0,
) -> Progress:
    """Where a person stands, from the modules passed and attempted and the stage they were
    placed at."""
    stages: list[StageProgress] = []
    earlier_done = True
    for stage in curriculum.stages:
        placed = stage.number < placement_stage
        items = tuple(
            ModuleProgress(module, _state(module.id, passed, attempted, placed, earlier_done))
            for module in curriculum.stage_modules(stage.number)
        )
        stage_progress = StageProgress(stage, items, placed=placed, open=earlier_done)
        stages.append(stage_progress)
        earlier_done = earlier_done and stage_progress.done
    level = 0
    for stage_progress in stages:
        if not stage_progress.done:
            break
        level = stage_progress.stage.number
    return Progress(tuple(stages), level, placement_stage, _next_module(stages, passed))


def _state(
    module_id: str, passed: Collection[str], attempted: Collection[str], placed: bool, open_: bool
) -> str:
    if module_id in passed:
        return PASSED
    if placed:
        return PLACED
    if not open_:
        return LOCKED
    return IN_PROGRESS if module_id in attempted else NOT_STARTED


def _next_module(stages: list[StageProgress], passed: Collection[str]) -> Module | None:
    """The first module to pass in the first stage not done, its prerequisites first."""
    target = next((stage for stage in stages if not stage.done), None)
    if target is None:
        return None
    done = {m.module.id for s in stages if s.done for m in s.modules} | set(passed)
    remaining = target.remaining
    ready = [module for module in remaining if set(module.prerequisites) <= done]
    return (ready or list(remaining) or [None])[0]
