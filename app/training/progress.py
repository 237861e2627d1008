"""A person's progress along their track and through the stages (pure: no Flask, no database).

The gating rule: any module can be read, but a module's quiz opens only when every earlier
step of the person's track is done. A module is done when it is passed, or when it lies in a
stage below the stage the placement self-assessment placed the person at (it is *placed*); a
step is done when all its modules are. Being placed at stage N also opens the quizzes of the
modules of stage N and below, on any track, without passing any of them.

A module that a finding on one of the person's own check reports names opens too, whatever
its step: the check has shown that the person needs it now (:class:`ModuleProgress` keeps the
titles of the proposals whose checks named it, when that is the only reason it is open).

On the proposer track each step is a stage, so stage 1 is always open and stage N+1 opens when
stage N (and so every stage before it) is done. The commissioner track opens the commissioning
modules on day one. Whatever the track, a stage is *passed* when all its modules are passed, and
a person's stage is the highest stage up to which every stage is passed or placed.

Within a track, a module's prerequisites are the track's order: the prerequisites a module
declares count only when the track puts them in the same step or an earlier one.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .content import Curriculum, Module, Stage, Step, Track

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
    named_by: tuple[str, ...] = ()
    """The titles of the person's proposals whose checks named this module, when that is what
    opened its quiz (empty when the track or the placement opened it)."""

    @property
    def label(self) -> str:
        """The state as people read it."""
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class StepProgress:
    """A step of the track, its modules' states, and whether its quizzes are open."""

    step: Step
    modules: tuple[ModuleProgress, ...]
    open: bool

    @property
    def passed_count(self) -> int:
        """How many of the step's modules are passed."""
        return sum(item.state == PASSED for item in self.modules)

    @property
    def passed(self) -> bool:
        """Every module of the step is passed."""
        return bool(self.modules) and self.passed_count == len(self.modules)

    @property
    def done(self) -> bool:
        """Every module of the step is passed or placed."""
        return all(item.state in (PASSED, PLACED) for item in self.modules)

    @property
    def remaining(self) -> tuple[Module, ...]:
        """The modules still to pass."""
        return tuple(item.module for item in self.modules if item.state != PASSED)


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
    have not taken the placement self-assessment), the next module to take, and their track
    with each step's progress."""

    stages: tuple[StageProgress, ...]
    level: int
    placement_stage: int
    next_module: Module | None
    track: Track | None = None
    steps: tuple[StepProgress, ...] = ()

    @property
    def current(self) -> StageProgress | None:
        """The stage the person has reached, or None before stage 1 is done."""
        return self.stages[self.level - 1] if self.level else None

    @property
    def working_towards(self) -> StageProgress | None:
        """The first stage not yet done, or None when every stage is done."""
        return next((stage for stage in self.stages if not stage.done), None)

    @property
    def current_step(self) -> StepProgress | None:
        """The first step of the track not yet done, or None when every step is done."""
        return next((step for step in self.steps if not step.done), None)

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
        item = self.module_state(module_id)
        return item is not None and item.state != LOCKED


def progress(
    curriculum: Curriculum,
    passed: Collection[str],
    attempted: Collection[str] = (),
    placement_stage: int = 0,
    track: Track | None = None,
    named: Mapping[str, tuple[str, ...]] | None = None,
) -> Progress:
    """Where a person stands, from the modules passed and attempted, the stage they were
    placed at, their track (the stages in order when none is given) and the modules that
    findings on their own checks name (module id: the titles of the proposals checked)."""
    track = track or curriculum.stage_track()
    placed = {m.id for m in curriculum.modules.values() if m.stage < placement_stage}
    done = set(passed) | placed
    opened = {m.id for m in curriculum.modules.values() if m.stage <= placement_stage}
    earlier_done = True
    for step in track.steps:
        if earlier_done:
            opened.update(step.module_ids)
        earlier_done = earlier_done and set(step.module_ids) <= done
    named_by = {ident: tuple(titles) for ident, titles in (named or {}).items() if titles}
    named_by = {ident: titles for ident, titles in named_by.items() if ident not in opened}
    opened.update(named_by)
    states = {
        module.id: _state(module.id, passed, attempted, module.id in placed, module.id in opened)
        for module in curriculum.modules.values()
    }

    def items(modules: tuple[Module, ...]) -> tuple[ModuleProgress, ...]:
        return tuple(
            ModuleProgress(module, states[module.id], named_by.get(module.id, ()))
            for module in modules
        )

    stages = tuple(
        _stage_progress(stage, items(curriculum.stage_modules(stage.number)), placement_stage)
        for stage in curriculum.stages
    )
    steps = []
    for step in track.steps:
        found = items(curriculum.modules_of(step.module_ids))
        steps.append(StepProgress(step, found, open=_any_open(found)))
    level = 0
    for stage_progress in stages:
        if not stage_progress.done:
            break
        level = stage_progress.stage.number
    next_module = _next_module(track, steps, done)
    return Progress(stages, level, placement_stage, next_module, track, tuple(steps))


def _stage_progress(
    stage: Stage, items: tuple[ModuleProgress, ...], placement_stage: int
) -> StageProgress:
    return StageProgress(stage, items, placed=stage.number < placement_stage, open=_any_open(items))


def _any_open(items: tuple[ModuleProgress, ...]) -> bool:
    return any(item.state != LOCKED for item in items)


def study_first(track: Track, module: Module) -> tuple[str, ...]:
    """The prerequisites of a module that count on this track: those the track puts in the
    same step as the module or an earlier one."""
    step = track.step_of(module.id)
    if step is None:
        return module.prerequisites
    upto = track.steps[: track.steps.index(step) + 1]
    before = {ident for other in upto for ident in other.module_ids}
    return tuple(ident for ident in module.prerequisites if ident in before)


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


def _next_module(track: Track, steps: list[StepProgress], done: set[str]) -> Module | None:
    """The first module to pass in the first step not done, its prerequisites on the track
    first."""
    target = next((step for step in steps if not step.done), None)
    if target is None:
        return None
    remaining = [item.module for item in target.modules if item.state not in (PASSED, PLACED)]
    ready = [module for module in remaining if set(study_first(track, module)) <= done]
    return (ready or remaining or [None])[0]
