"""Loading and validating the curriculum folder (no Flask).

``check_curriculum`` returns every problem found in ``curriculum/`` (model.yaml, modules/*.md,
tracks.yaml, placement.yaml) and in the module ids that ``rules/*.yaml`` name, including each
question bank that falls short of the standards in :mod:`.banks`; ``load_curriculum`` returns
the :class:`Curriculum` or raises :class:`CurriculumError` listing the blocking problems.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from . import banks
from .casework import CASEWORK_MODULES
from .content import Curriculum, Module, Problem, Question, Stage
from .marking import DEFAULT_PASS_MARK
from .module_file import read_module
from .reading import display, read_model, read_placement, rule_references
from .tracks import read_tracks_file

__all__ = [
    "Curriculum",
    "CurriculumError",
    "Problem",
    "check_curriculum",
    "load_curriculum",
    "read_curriculum",
]


class CurriculumError(Exception):
    """The curriculum cannot be used; the message lists each file and its problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"the curriculum has {len(problems)} problem(s):\n{lines}")


def check_curriculum(
    root: Path,
    rules_dir: Path | None = None,
    pass_mark: int = DEFAULT_PASS_MARK,
    roles: Collection[str] | None = None,
) -> list[Problem]:
    """Every problem in the curriculum at ``root`` (and the modules rules name, if given);
    banks are judged against ``pass_mark``, the quiz pass mark in per cent, and the roles the
    tracks name against ``roles`` when given."""
    return read_curriculum(root, rules_dir, pass_mark, roles)[1]


def load_curriculum(
    root: Path,
    rules_dir: Path | None = None,
    pass_mark: int = DEFAULT_PASS_MARK,
    roles: Collection[str] | None = None,
) -> Curriculum:
    """The curriculum at ``root``; raises CurriculumError when a problem blocks serving it."""
    curriculum, problems = read_curriculum(root, rules_dir, pass_mark, roles)
    blocking = [problem for problem in problems if problem.blocking]
    if blocking:
        raise CurriculumError(blocking)
    return curriculum


def read_curriculum(
    root: Path,
    rules_dir: Path | None = None,
    pass_mark: int = DEFAULT_PASS_MARK,
    roles: Collection[str] | None = None,
) -> tuple[Curriculum, list[Problem]]:
    """The curriculum at ``root`` as far as it can be read, and every problem found."""
    base = root.parent
    problems: list[Problem] = []
    model_label = display(root / "model.yaml", base)
    stages, entries = read_model(root / "model.yaml", model_label, problems)
    modules = _read_modules(root / "modules", base, problems)
    _check_against_model(modules, stages, entries, model_label, problems)
    _check_prerequisites(modules, problems)
    for module in modules.values():
        problems.extend(
            banks.bank_problems(
                module.file,
                "the quiz",
                module.quiz,
                banks.MODULE_BANK_SIZE,
                banks.QUESTIONS_PER_QUIZ,
                pass_mark,
            )
        )
    if rules_dir is not None:
        _check_rule_references(modules, rules_dir, problems)
    placement_label = display(root / "placement.yaml", base)
    placement = read_placement(root / "placement.yaml", placement_label, problems)
    _check_placement(placement, stages, placement_label, problems)
    order = {str(entry["id"]): position for position, entry in enumerate(entries)}
    filled = tuple(_with_modules(stage, modules, order) for stage in stages)
    tracks_label = display(root / "tracks.yaml", base)
    tracks, portfolios = read_tracks_file(
        root / "tracks.yaml", tracks_label, filled, modules, roles, problems
    )
    filled = tuple(replace(stage, portfolio=portfolios.get(stage.number)) for stage in filled)
    curriculum = Curriculum(stages=filled, modules=modules, placement=placement, tracks=tracks)
    return curriculum, problems


def _check_placement(
    placement: dict[int, tuple[Question, ...]],
    stages: list[Stage],
    label: str,
    problems: list[Problem],
) -> None:
    for stage in stages:
        if stage.number not in placement:
            problems.append(Problem(label, f"stage {stage.number} has no questions"))
            continue
        problems.extend(
            banks.bank_problems(
                label,
                f"stage {stage.number}",
                placement[stage.number],
                banks.PLACEMENT_BANK_SIZE,
                banks.QUESTIONS_PER_PLACEMENT_STAGE,
                banks.PLACEMENT_PASS_MARK,
            )
        )
    for number in sorted(set(placement) - {stage.number for stage in stages}):
        problems.append(Problem(label, f"stage {number} is not in the model"))


def _read_modules(folder: Path, base: Path, problems: list[Problem]) -> dict[str, Module]:
    modules: dict[str, Module] = {}
    paths = sorted(folder.glob("*.md"))
    if not paths:
        problems.append(Problem(display(folder, base), "no module files (*.md) found"))
    for path in paths:
        label = display(path, base)
        module, found = read_module(path, label)
        problems.extend(found)
        if module is None:
            continue
        if module.id in modules:
            other = modules[module.id].file
            problems.append(Problem(label, f"module id {module.id} is also used by {other}"))
            continue
        if path.stem != module.id:
            problems.append(Problem(label, f"the file must be named {module.id}.md, after its id"))
        modules[module.id] = module
    return modules


def _check_against_model(
    modules: dict[str, Module],
    stages: list[Stage],
    entries: list[dict],
    model_label: str,
    problems: list[Problem],
) -> None:
    listed = {str(entry["id"]): entry for entry in entries}
    numbers = {stage.number for stage in stages}
    for module in modules.values():
        entry = listed.get(module.id)
        if entry is None:
            problems.append(Problem(module.file, f"module {module.id} is not in {model_label}"))
            continue
        if entry["stage"] != module.stage:
            problems.append(
                Problem(
                    module.file,
                    f"stage {module.stage} differs from {model_label} (stage {entry['stage']})",
                )
            )
        if str(entry.get("title", "")).strip() != module.title:
            problems.append(
                Problem(
                    module.file,
                    f"the title differs from {model_label}: "
                    f"{module.title!r} is {str(entry.get('title'))!r} there",
                )
            )
        if module.stage not in numbers:
            problems.append(Problem(module.file, f"stage {module.stage} is not in the model"))
    for ident in listed.keys() - modules.keys():
        problems.append(Problem(model_label, f"module {ident} has no file (modules/{ident}.md)"))
    for stage in stages:
        if not any(module.stage == stage.number for module in modules.values()):
            problems.append(
                Problem(model_label, f"stage {stage.number} ({stage.name}) has no modules")
            )


def _check_prerequisites(modules: dict[str, Module], problems: list[Problem]) -> None:
    for module in modules.values():
        for ident in module.prerequisites:
            other = modules.get(ident)
            if other is None:
                problems.append(Problem(module.file, f"prerequisite {ident} does not exist"))
            elif ident == module.id:
                problems.append(Problem(module.file, "a module cannot be its own prerequisite"))
            elif other.stage > module.stage:
                problems.append(
                    Problem(
                        module.file, f"prerequisite {ident} is in a later stage ({other.stage})"
                    )
                )


def _check_rule_references(
    modules: dict[str, Module], rules_dir: Path, problems: list[Problem]
) -> None:
    references = rule_references(rules_dir, rules_dir.parent)
    links = [
        (file, f"rule {rule_id}", rule_id, module_id) for file, rule_id, module_id in references
    ]
    links += [
        ("app/training/casework.py", f"the casework gap {gap}", gap, module_id)
        for gap, module_ids in CASEWORK_MODULES.items()
        for module_id in module_ids
    ]
    for file, what, finding, module_id in links:
        module = modules.get(module_id)
        if module is None:
            problems.append(Problem(file, f"{what} names module {module_id}, which does not exist"))
        elif finding not in module.closes:
            problems.append(
                Problem(
                    file,
                    f"{what} names module {module_id}, but {module.file} does not say that it "
                    f"teaches how to close {finding}: add {finding} to the module's 'closes' "
                    "once its text teaches it, or name a module that does",
                    blocking=False,
                )
            )
    findings = {finding for _, _, finding, _ in links}
    for module in modules.values():
        for finding in module.closes:
            if finding not in findings:
                problems.append(
                    Problem(
                        module.file,
                        f"'closes' lists {finding}, which is neither a rule's id nor a "
                        "casework gap",
                        blocking=False,
                    )
                )
    named = {module_id for _, _, _, module_id in links if module_id in modules}
    for module in modules.values():
        if module.id not in named and not module.unreferenced_because:
            problems.append(
                Problem(
                    module.file,
                    f"no rule names module {module.id}: name it in a rule's modules, or say why "
                    "not in an 'unreferenced_because' header field",
                )
            )


def _with_modules(stage: Stage, modules: dict[str, Module], order: dict[str, int]) -> Stage:
    members = [module for module in modules.values() if module.stage == stage.number]
    members.sort(key=lambda module: (order.get(module.id, len(order)), module.id))
    return replace(stage, module_ids=tuple(m.id for m in members))
