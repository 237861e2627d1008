"""Reading one module file: a YAML header between ``---`` lines, then a Markdown body."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .content import Module, Problem
from .reading import (
    LOADER,
    MIN_WORDS,
    count_words,
    read_questions,
    repeated_ids,
    split_front_matter,
)

MODULE_ID = re.compile(r"M[1-9]\.[1-9][0-9]?")
REQUIRED = {
    "id": str,
    "stage": int,
    "title": str,
    "summary": str,
    "objectives": list,
    "prerequisites": list,
    "minutes": int,
    "sources": list,
    "quiz": list,
}
OPTIONAL = {"unreferenced_because": str, "exercise": str, "closes": list}
EXERCISE_HEADING = re.compile(r"^##\s+Exercise\b", re.MULTILINE)
"""The body's exercise section, whose prompt the header's ``exercise`` gives for the answer page."""


def read_module(path: Path, label: str) -> tuple[Module | None, list[Problem]]:
    """The module in a file and the problems found in it (None when it cannot be used)."""
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(label, f"cannot read the file: {error}")]
    parts = split_front_matter(text)
    if parts is None:
        return None, [Problem(label, "no header: the file must start with a '---' line")]
    try:
        header = yaml.load(parts[0], Loader=LOADER)
    except yaml.YAMLError as error:
        return None, [
            Problem(label, f"the header is not valid YAML: {' '.join(str(error).split())}")
        ]
    if not isinstance(header, dict):
        return None, [Problem(label, "the header must be a mapping of fields")]
    _check_fields(header, label, problems)
    module = _module(header, parts[1], label, problems)
    return module, problems


def _check_fields(header: dict, label: str, problems: list[Problem]) -> None:
    for key in sorted(set(header) - set(REQUIRED) - set(OPTIONAL), key=str):
        problems.append(Problem(label, f"unknown header field '{key}'"))
    for key, kind in {**REQUIRED, **OPTIONAL}.items():
        if key not in header:
            if key in REQUIRED:
                problems.append(Problem(label, f"missing header field '{key}'"))
            continue
        value = header[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            problems.append(Problem(label, f"'{key}' must be {_kind_name(kind)}"))
        elif kind is str and not value.strip():
            problems.append(Problem(label, f"'{key}' must not be empty"))
        elif kind is list and key != "quiz" and not all(map(_is_text, value)):
            problems.append(Problem(label, f"every entry of '{key}' must be a text"))
    ident = header.get("id")
    if isinstance(ident, str) and not MODULE_ID.fullmatch(ident):
        problems.append(Problem(label, f"id '{ident}' is not like M2.1 (M, stage, dot, number)"))
    for key in ("objectives", "sources"):
        if header.get(key) == []:
            problems.append(Problem(label, f"'{key}' must list at least one entry"))
    if isinstance(header.get("minutes"), int) and header["minutes"] <= 0:
        problems.append(Problem(label, "'minutes' must be a positive number"))


def _module(header: dict, body: str, label: str, problems: list[Problem]) -> Module | None:
    questions = read_questions(header.get("quiz", []), label, "quiz", problems)
    if isinstance(header.get("quiz"), list) and not questions:
        problems.append(Problem(label, "the quiz has no usable questions"))
    _check_question_ids(header.get("id"), questions, label, problems)
    words = count_words(body)
    if words < MIN_WORDS:
        problems.append(
            Problem(label, f"the body has {words} words; it needs at least {MIN_WORDS}")
        )
    if EXERCISE_HEADING.search(body) and not _text(header.get("exercise")):
        problems.append(
            Problem(
                label,
                "the body has an Exercise section but the header has no 'exercise' prompt "
                "for learners to answer on the platform",
                blocking=False,
            )
        )
    ident, stage, title = header.get("id"), header.get("stage"), header.get("title")
    if not (isinstance(ident, str) and isinstance(title, str) and _is_int(stage)):
        return None
    return Module(
        id=ident,
        stage=stage,
        title=title.strip(),
        summary=_text(header.get("summary")),
        objectives=_texts(header.get("objectives")),
        prerequisites=_texts(header.get("prerequisites")),
        minutes=header["minutes"] if _is_int(header.get("minutes")) else 0,
        sources=_texts(header.get("sources")),
        quiz=tuple(questions),
        body=body,
        file=label,
        unreferenced_because=_text(header.get("unreferenced_because")) or None,
        exercise=_text(header.get("exercise")),
        closes=_texts(header.get("closes")),
    )


def _check_question_ids(ident: Any, questions: list, label: str, problems: list[Problem]) -> None:
    """Question ids name the module and a number, e.g. M2.1-q07, and are unique."""
    if not (isinstance(ident, str) and MODULE_ID.fullmatch(ident)):
        return
    pattern = re.compile(re.escape(ident) + r"-q[0-9]+")
    for question in questions:
        if question.id and not pattern.fullmatch(question.id):
            problems.append(
                Problem(
                    label,
                    f"question id '{question.id}' is not like {ident}-q07 "
                    "(the module id, -q, a number)",
                    blocking=False,
                )
            )
    problems.extend(repeated_ids(label, questions))


def _kind_name(kind: type) -> str:
    return {str: "a text", int: "a whole number", list: "a list"}[kind]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _texts(value: Any) -> tuple[str, ...]:
    return (
        tuple(item.strip() for item in value if isinstance(item, str))
        if isinstance(value, list)
        else ()
    )
