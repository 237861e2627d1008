"""The curriculum as values: stages, modules with their quizzes, and placement questions."""

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


@dataclass(frozen=True)
class Stage:
    """A stage of the value development model and the ids of its modules, in order."""

    number: int
    name: str
    description: str
    module_ids: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The stage as people read it, e.g. 'Stage 2: Informed'."""
        return f"Stage {self.number}: {self.name}"


@dataclass(frozen=True)
class Curriculum:
    """The stages in order, every module by id (each with its question bank), and the placement
    question bank of each stage."""

    stages: tuple[Stage, ...]
    modules: Mapping[str, Module] = field(hash=False)
    placement: Mapping[int, tuple[Question, ...]] = field(hash=False)

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
