"""A document error as a proposer reads it: the question as its page asks it, which item it
is about, and what to do, never a path into the document (no Flask).

Every question is declared once, in ``areas/``; this module finds the one a document path
answers, so an error in an imported file reads "Stakeholder 1 (Young carers): How many people
or organisations are in the group — enter a whole number". The document's own error (path and
message, :class:`~.wording.DocumentError`) stays as it is for the API and the command line.
"""

from __future__ import annotations

import re
from typing import Any

from .answers import item_title
from .questions import Field, Section
from .sections import SECTIONS, section_for_path
from .wording import DocumentError, field_name

_INDEX = re.compile(r"[0-9]{1,18}")
# a place written the way the document's own messages write it: stakeholders[0].size
_WRITTEN_PLACE = re.compile(r"\b[a-z_]+(?:\[[0-9]{1,18}\]|\.[a-z_]+)+")
_EXPECTED = re.compile(r"^expected (?P<want>.+), got (?P<got>.+)$")
_NOT_ALLOWED = re.compile(r"^(?P<got>.+) is not allowed; use one of: .+$")
_UNKNOWN = re.compile(r'^unknown field; (?:did you mean "(?P<guess>[^"]+)"\? )?.*$')
_ASK_FOR = {
    "a whole number": "enter a whole number",
    "a number": "enter a number",
    "text": "enter text",
    "true or false": "answer yes or no",
    "a list ([...])": "give a list",
    "an object ({...})": "give the answers to its questions",
}
_PLACE_NAMES = {(): "The file", ("format",): "The file's format", ("kind",): "Challenge or propose"}


def steps(pointer: str) -> list[str | int]:
    """The steps of a JSON Pointer, list positions as numbers."""
    parts = [step.replace("~1", "/").replace("~0", "~") for step in pointer.split("/")[1:]]
    return [int(part) if _INDEX.fullmatch(part) else part for part in parts]


def readable(error: DocumentError, document: Any = None) -> str:
    """The error in a proposer's words: where (question and item), then what to do."""
    parts = steps(error.path)
    problem = error.message.removeprefix(f"{field_name(parts)}: ")
    where, spec, section = place(parts, document)
    return f"{where} — {_what_to_do(problem, spec, section, document)}"


def place(parts: list, document: Any = None) -> tuple[str, Field | None, Section | None]:
    """The item and the question a path is in, in words, with the question and its section."""
    for section in SECTIONS:
        found = _in_section(section, parts, document)
        if found is not None:
            return found
    named = _PLACE_NAMES.get(tuple(parts))
    if named:
        return named, None, None
    pointer = "".join(f"/{part}" for part in parts)
    section = section_for_path(pointer, "challenge") or section_for_path(pointer, "propose")
    return (section.title, None, section) if section else ("The file", None, None)


def _in_section(section: Section, parts: list, document: Any):
    """Where ``parts`` is within one section, or None when the section does not hold it."""
    if section.list_path:
        size = len(section.list_path)
        if tuple(parts[:size]) != section.list_path:
            return None
        if len(parts) == size or not isinstance(parts[size], int):
            return section.title, None, section
        index = parts[size]
        item = _item(document, section, index)
        named = f"{section.item_name.capitalize()} {index + 1}"
        title = item_title(section, item, index) if item else named
        where = named if title == named else f"{named} ({title})"
        spec = _question(section, parts[size + 1 :])
        return (f"{where}: {spec.label}" if spec else where), spec, section
    spec = _question(section, parts)
    if spec is None:
        return None
    return spec.label, spec, section


def _question(section: Section, rest: list) -> Field | None:
    """The question whose answer holds ``rest`` (the deepest, for a part of an answer)."""
    matches = [f for f in section.fields if f.path and tuple(rest[: len(f.path)]) == f.path]
    return max(matches, key=lambda f: len(f.path), default=None)


def _item(document: Any, section: Section, index: int) -> dict | None:
    found: Any = document
    for part in section.list_path or ():
        found = found.get(part) if isinstance(found, dict) else None
    if isinstance(found, list) and index < len(found) and isinstance(found[index], dict):
        return found[index]
    return None


def _what_to_do(problem: str, spec: Field | None, section: Section | None, document) -> str:
    """The problem as what to do about it, naming any other place by its question."""
    if problem == "missing (this field is required)":
        return "answer this question"
    if expected := _EXPECTED.match(problem):
        wants = expected["want"].split(" or ")
        asks = [_ASK_FOR.get(want) for want in wants if want != "null"]
        if asks and all(asks):
            return f"{' or '.join(dict.fromkeys(asks))}, not {expected['got']}"
    if spec and spec.choices and (refused := _NOT_ALLOWED.match(problem)):
        labels = "; ".join(label for _, label in spec.choices)
        return f"{refused['got']} is not one of the answers; choose from: {labels}"
    if unknown := _UNKNOWN.match(problem):
        guess = _question(section, [unknown["guess"]]) if section and unknown["guess"] else None
        hint = f"; did you mean “{guess.label}”?" if guess else ""
        return f"this is not a question Valuecase asks here{hint}"
    return _WRITTEN_PLACE.sub(lambda m: _named(m.group(0), document), problem)


def _named(written: str, document: Any) -> str:
    """A place the document's messages wrote as stakeholders[0].size, in words."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([a-z_]+)|\[([0-9]+)\]", written):
        parts.append(int(index) if index else name)
    where, _, section = place(parts, document)
    return where if section else written
