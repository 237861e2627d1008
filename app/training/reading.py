"""Reading the curriculum files into values, collecting every problem found on the way.

Each reader returns what it could read and a list of problems; nothing here raises for bad
content, so one run of the check reports every problem at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .content import Problem, Question, Stage

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe loader, in C when PyYAML has it (several times faster at start-up)."""
MIN_WORDS = 600


def read_yaml(path: Path, label: str, problems: list[Problem]) -> Any:
    """Parse a YAML file, or record why it cannot be read and return None."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(label, f"cannot read the file: {error}"))
    except yaml.YAMLError as error:
        problems.append(Problem(label, f"not valid YAML: {' '.join(str(error).split())}"))
    return None


def split_front_matter(text: str) -> tuple[str, str] | None:
    """The YAML header and the body of a module file, or None when there is no header."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "".join(lines[1:number]), "".join(lines[number + 1 :])
    return None


def count_words(body: str) -> int:
    """Words in a Markdown body: tokens holding a letter or a digit (table rules do not count)."""
    return sum(1 for token in body.split() if any(char.isalnum() for char in token))


def read_model(path: Path, label: str, problems: list[Problem]) -> tuple[list[Stage], list[dict]]:
    """The stages and module entries (id, stage, title) of curriculum/model.yaml."""
    raw = read_yaml(path, label, problems)
    if raw is None:
        return [], []
    if not isinstance(raw, dict):
        problems.append(Problem(label, "the model must be a mapping with 'stages' and 'modules'"))
        return [], []
    stages = []
    for entry in _list_of_mappings(raw.get("stages"), label, "stages", problems):
        number, name = entry.get("stage"), entry.get("name")
        if not _is_int(number) or not _text(name):
            problems.append(Problem(label, f"stage {number!r} needs a number and a name"))
            continue
        stages.append(Stage(number, name.strip(), str(entry.get("description") or "").strip()))
    modules = []
    for entry in _list_of_mappings(raw.get("modules"), label, "modules", problems):
        if not _text(entry.get("id")) or not _is_int(entry.get("stage")):
            problems.append(Problem(label, f"module entry {entry!r} needs an id and a stage"))
            continue
        modules.append(entry)
    return stages, modules


def read_questions(raw: Any, label: str, where: str, problems: list[Problem]) -> list[Question]:
    """Questions from a quiz or placement list; each unusable one is reported and left out.

    A question without an ``id`` is still used (the id only names it in records), but that is
    reported as a problem that does not block start-up.
    """
    if not isinstance(raw, list):
        problems.append(Problem(label, f"{where} must be a list of questions"))
        return []
    questions = []
    for number, entry in enumerate(raw, start=1):
        question = _question(entry, label, f"{where} question {number}", problems)
        if question is not None:
            questions.append(question)
    return questions


def _question(entry: Any, label: str, where: str, problems: list[Problem]) -> Question | None:
    required = {"question", "options", "answer", "explanation"}
    if not isinstance(entry, dict):
        problems.append(Problem(label, f"{where} must be a mapping"))
        return None
    found = len(problems)
    for key in sorted(set(entry) - required - {"id"}, key=str):
        problems.append(Problem(label, f"{where}: unknown field '{key}'"))
    for key in sorted(required - set(entry)):
        problems.append(Problem(label, f"{where}: missing '{key}'"))
    options, answer = entry.get("options"), entry.get("answer")
    if "options" in entry and (
        not isinstance(options, list) or len(options) < 2 or not all(map(_text, options))
    ):
        problems.append(Problem(label, f"{where}: options must be a list of at least two texts"))
    elif isinstance(options, list) and len(set(options)) != len(options):
        problems.append(Problem(label, f"{where}: two options are the same"))
    elif isinstance(options, list) and not (_is_int(answer) and 0 <= answer < len(options)):
        problems.append(
            Problem(
                label,
                f"{where}: answer {answer!r} is not one of the {len(options)} options "
                f"(numbered from 0 to {len(options) - 1})",
            )
        )
    for key in ("question", "explanation"):
        if key in entry and not _text(entry[key]):
            problems.append(Problem(label, f"{where}: '{key}' must be a non-empty text"))
    if len(problems) > found:
        return None
    if not _text(entry.get("id")):
        problems.append(Problem(label, f"{where}: needs an 'id' (a text)", blocking=False))
    return Question(
        question=entry["question"].strip(),
        options=tuple(option.strip() for option in options),
        answer=answer,
        explanation=entry["explanation"].strip(),
        id=entry["id"].strip() if _text(entry.get("id")) else "",
    )


def repeated_ids(label: str, questions: list[Question]) -> list[Problem]:
    """A problem for each question id used more than once among these questions."""
    ids = [question.id for question in questions if question.id]
    return [
        Problem(label, f"question id '{ident}' is used more than once", blocking=False)
        for ident in sorted({ident for ident in ids if ids.count(ident) > 1})
    ]


def read_placement(
    path: Path, label: str, problems: list[Problem]
) -> dict[int, tuple[Question, ...]]:
    """The placement questions of curriculum/placement.yaml, by stage number."""
    raw = read_yaml(path, label, problems)
    if raw is None:
        return {}
    if not isinstance(raw, dict) or set(raw) != {"stages"}:
        problems.append(Problem(label, "the placement file must have exactly 'stages'"))
        return {}
    placement: dict[int, tuple[Question, ...]] = {}
    for entry in _list_of_mappings(raw["stages"], label, "stages", problems):
        number = entry.get("stage")
        if not _is_int(number) or number in placement:
            problems.append(Problem(label, f"stage {number!r} is not a number or is repeated"))
            continue
        questions = read_questions(entry.get("questions"), label, f"stage {number}", problems)
        if not questions:
            problems.append(Problem(label, f"stage {number} has no usable questions"))
        placement[number] = tuple(questions)
    problems.extend(repeated_ids(label, [q for questions in placement.values() for q in questions]))
    return placement


def rule_references(rules_dir: Path, label_root: Path) -> list[tuple[str, str, str]]:
    """(rule file, rule id, module id) for every module a rule names in rules/*.yaml.

    Files the rules loader would refuse are skipped here: the rules check reports those.
    """
    found = []
    for path in sorted(p for p in rules_dir.glob("*.yaml") if p.name != "parameters.yaml"):
        raw = read_yaml(path, "", [])
        for entry in raw if isinstance(raw, list) else []:
            modules = entry.get("modules") if isinstance(entry, dict) else None
            for module_id in modules if isinstance(modules, list) else []:
                found.append((display(path, label_root), str(entry.get("id")), str(module_id)))
    return found


def display(path: Path, root: Path) -> str:
    """A path as messages show it, relative to ``root`` when it is inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _list_of_mappings(value: Any, label: str, what: str, problems: list[Problem]) -> list[dict]:
    if not isinstance(value, list) or not value:
        problems.append(Problem(label, f"'{what}' must be a non-empty list"))
        return []
    if not all(isinstance(entry, dict) for entry in value):
        problems.append(Problem(label, f"every entry of '{what}' must be a mapping"))
    return [entry for entry in value if isinstance(entry, dict)]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
