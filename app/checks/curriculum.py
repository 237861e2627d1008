"""The value development model (curriculum/model.yaml): its stages and module ids.

The rules name modules by id; loading the model lets the rules loader refuse an unknown id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.checks.errors import RulesError
from app.checks.parameters import read_yaml

_MODULE_ID = re.compile(r"M([1-5])\.[1-9]")


@dataclass(frozen=True)
class Stage:
    """One stage of the development model."""

    stage: int
    name: str
    description: str


@dataclass(frozen=True)
class Module:
    """One training module: id (e.g. ``M2.1``), stage and title."""

    id: str
    stage: int
    title: str


@dataclass(frozen=True)
class CurriculumModel:
    """The stages and modules, in order."""

    stages: tuple[Stage, ...]
    modules: tuple[Module, ...]

    @property
    def module_ids(self) -> frozenset[str]:
        """Every module id."""
        return frozenset(module.id for module in self.modules)


def load_curriculum_model(path: Path) -> CurriculumModel:
    """Read and validate curriculum/model.yaml; a problem raises RulesError."""
    raw = read_yaml(path)
    if not isinstance(raw, dict) or set(raw) != {"stages", "modules"}:
        raise RulesError(str(path), None, "the model must have exactly 'stages' and 'modules'")
    stages = tuple(_stage(path, entry) for entry in _listed(path, raw["stages"], "stages"))
    if [stage.stage for stage in stages] != [1, 2, 3, 4, 5]:
        raise RulesError(str(path), None, "stages must be 1 to 5, in order")
    modules = tuple(_module(path, entry) for entry in _listed(path, raw["modules"], "modules"))
    seen: set[str] = set()
    for module in modules:
        if module.id in seen:
            raise RulesError(str(path), None, f"module {module.id} is listed twice")
        seen.add(module.id)
    return CurriculumModel(stages=stages, modules=modules)


def _listed(path: Path, value: object, what: str) -> list:
    if not isinstance(value, list) or not value:
        raise RulesError(str(path), None, f"'{what}' must be a non-empty list")
    return value


def _stage(path: Path, entry: object) -> Stage:
    if not isinstance(entry, dict) or set(entry) != {"stage", "name", "description"}:
        raise RulesError(str(path), None, "a stage needs exactly stage, name and description")
    if not isinstance(entry["stage"], int) or not all(
        isinstance(entry[key], str) and entry[key].strip() for key in ("name", "description")
    ):
        raise RulesError(str(path), None, f"stage {entry['stage']!r} is malformed")
    return Stage(entry["stage"], entry["name"], entry["description"])


def _module(path: Path, entry: object) -> Module:
    if not isinstance(entry, dict) or set(entry) != {"id", "stage", "title"}:
        raise RulesError(str(path), None, "a module needs exactly id, stage and title")
    ident = entry["id"]
    match = _MODULE_ID.fullmatch(ident) if isinstance(ident, str) else None
    if not match or entry["stage"] != int(match.group(1)):
        raise RulesError(str(path), None, f"module {ident!r} has a bad id or the wrong stage")
    if not isinstance(entry["title"], str) or not entry["title"].strip():
        raise RulesError(str(path), None, f"module {ident} needs a title")
    return Module(ident, entry["stage"], entry["title"])
