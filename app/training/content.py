"""The curriculum as values: stages (with their portfolio briefs), modules with their quizzes
and exercises, tracks through the modules, and placement questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the curriculum content, named by the file it is in.

    A *blocking* problem leaves content the site cannot serve (a question without options, a
    module without a title), so start-up refuses it. A problem that is not blocking breaks an
    assessment standard (too few questions in a bank, an unbalanced bank, a missing question
    id): the site can still serve the content, but ``flask curriculum check``, and so the test
    suite, fails until it is fixed.
    """

    file: str
    message: str
    blocking: bool = True

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Question:
    """A multiple-choice question; ``answer`` is the 0-based index of the right option and
    ``id`` its stable name (e.g. ``M2.1-q07``), kept with every answer given to it."""

    question: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    id: str = ""


@dataclass(frozen=True)
class Module:
    """One training module: its header fields, its quiz and its Markdown body."""

    id: str
    stage: int
    title: str
    summary: str
    objectives: tuple[str, ...]
    prerequisites: tuple[str, ...]
    minutes: int
    sources: tuple[str, ...]
    quiz: tuple[Question, ...]
    body: str
    file: str
    unreferenced_because: str | None = None
    exercise: str = ""
    """The exercise's prompt, answered on the platform ('' when the module has none)."""
    closes: tuple[str, ...] = ()
    """The findings the module teaches how to close, by rule id (``claims.proxy-without-source``)
    or casework gap (``casework.late``): a rule or a learning plan may point a finding at the
    module only when it is listed here."""


@dataclass(frozen=True)
class Criterion:
    """One criterion of a portfolio rubric: an assessor marks it met or not yet met."""

    id: str
    text: str


@dataclass(frozen=True)
class PortfolioBrief:
    """What a stage's portfolio asks for, and the rubric it is marked against."""

    brief: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Stage:
    """A stage of the value development model, the ids of its modules, in order, and the
    portfolio its certificate needs (None when passing the quizzes is enough)."""

    number: int
    name: str
    description: str
    module_ids: tuple[str, ...] = ()
    portfolio: PortfolioBrief | None = None

    @property
    def label(self) -> str:
        """The stage as people read it, e.g. 'Stage 2: Informed'."""
        return f"Stage {self.number}: {self.name}"


@dataclass(frozen=True)
class Step:
    """A step of a track: its modules, in order. A step declared as a stage of the model
    (``stage``) holds that stage's modules and carries its name and description."""

    number: int
    name: str
    description: str
    module_ids: tuple[str, ...]
    stage: int | None = None

    @property
    def label(self) -> str:
        """The step as people read it, e.g. 'Stage 2: Informed' or 'Step 1: Commissioning'."""
        return (
            f"Stage {self.stage}: {self.name}" if self.stage else f"Step {self.number}: {self.name}"
        )


@dataclass(frozen=True)
class Track:
    """An order through the modules for one group of people, in steps; ``roles`` are the roles
    whose people start on it."""

    id: str
    name: str
    summary: str
    roles: tuple[str, ...]
    steps: tuple[Step, ...]

    @property
    def module_ids(self) -> tuple[str, ...]:
        """Every module of the track, in the track's order."""
        return tuple(ident for step in self.steps for ident in step.module_ids)

    def step_of(self, module_id: str) -> Step | None:
        """The step that holds a module, or None."""
        return next((step for step in self.steps if module_id in step.module_ids), None)


@dataclass(frozen=True)
class Curriculum:
    """The stages in order, every module by id (each with its question bank), the placement
    question bank of each stage, and the tracks (the first is everyone's unless a role or a
    choice says otherwise)."""

    stages: tuple[Stage, ...]
    modules: Mapping[str, Module] = field(hash=False)
    placement: Mapping[int, tuple[Question, ...]] = field(hash=False)
    tracks: tuple[Track, ...] = ()

    def module(self, module_id: str) -> Module | None:
        """The module with this id, or None."""
        return self.modules.get(module_id)

    def stage(self, number: int) -> Stage | None:
        """The stage with this number, or None."""
        return next((stage for stage in self.stages if stage.number == number), None)

    def stage_modules(self, number: int) -> tuple[Module, ...]:
        """The modules of a stage, in order."""
        stage = self.stage(number)
        return tuple(self.modules[ident] for ident in stage.module_ids) if stage else ()

    def ordered_modules(self) -> tuple[Module, ...]:
        """Every module, stage by stage."""
        return tuple(module for stage in self.stages for module in self.stage_modules(stage.number))

    def track(self, track_id: str | None) -> Track | None:
        """The track with this id, or None."""
        return next((track for track in self.tracks if track.id == track_id), None)

    def track_for(self, role: str, chosen: str | None = None) -> Track:
        """The track a person follows: the one they chose, else their role's, else the first
        (the stages in order when no track is declared)."""
        found = self.track(chosen) or next((t for t in self.tracks if role in t.roles), None)
        return found or (self.tracks[0] if self.tracks else self.stage_track())

    def stage_track(self) -> Track:
        """The stages of the model in order, as a track."""
        steps = tuple(
            Step(stage.number, stage.name, stage.description, stage.module_ids, stage.number)
            for stage in self.stages
        )
        return Track("stages", "The stages in order", "", (), steps)

    def modules_of(self, ids: tuple[str, ...]) -> tuple[Module, ...]:
        """The modules with these ids, in this order, leaving out ids no module has."""
        return tuple(self.modules[ident] for ident in ids if ident in self.modules)
