"""What changed between two versions of a document (no Flask).

``changes`` compares field by field, by JSON Pointer. ``changes_by_section`` tells the same
changes as people read them: grouped by task-list section, each question in its own words,
each answer as the check-your-answers page shows it, and list items named by their name or
description (matched by their id where they carry one, else by position).
"""

from dataclasses import dataclass, field, replace
from typing import Any

from . import answers, kinds
from .presenting import display
from .sections import Section, section_for_path, sections_for

NOT_PROVIDED = "Not provided"


@dataclass(frozen=True)
class Change:
    """One field that differs between two versions."""

    path: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AnswerChange:
    """One question whose answer changed, in words."""

    question: str
    before: str
    after: str


@dataclass(frozen=True)
class ItemChange:
    """One item of a list that was added, removed or changed."""

    title: str
    state: str  # added, removed or changed
    answers: list[AnswerChange]


@dataclass(frozen=True)
class SectionChange:
    """A section's changed answers and items, with what a request asked of it, if anything."""

    section: Section | None  # None for details no question asks
    answers: list[AnswerChange] = field(default_factory=list)
    items: list[ItemChange] = field(default_factory=list)
    needed: str | None = None

    @property
    def title(self) -> str:
        """The section's title as the task list shows it."""
        return self.section.title if self.section else "Other details"

    @property
    def changed(self) -> bool:
        """Whether anything in the section changed."""
        return bool(self.answers or self.items)


def flatten(node: Any, prefix: str = "") -> dict[str, Any]:
    """Every leaf value by its JSON Pointer; lists of plain values stay whole."""
    if isinstance(node, dict):
        flat: dict[str, Any] = {}
        for key, value in node.items():
            flat.update(flatten(value, f"{prefix}/{key}"))
        return flat or {prefix: {}}
    if isinstance(node, list) and any(isinstance(item, dict | list) for item in node):
        flat = {}
        for index, value in enumerate(node):
            flat.update(flatten(value, f"{prefix}/{index}"))
        return flat or {prefix: []}
    return {prefix: node}


def changes(before: dict, after: dict) -> list[Change]:
    """The fields added, removed or changed, in path order."""
    old, new = flatten(before), flatten(after)
    return [
        Change(path, old.get(path), new.get(path))
        for path in sorted(old.keys() | new.keys())
        if old.get(path) != new.get(path)
    ]


def shown(value: Any) -> str:
    """A value as a short text."""
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "(none)"
    text = str(value)
    return text if len(text) <= 300 else text[:297] + "…"


def changes_by_section(before: dict, after: dict, kind: str) -> list[SectionChange]:
    """The changes from one version to the next, section by section in task-list order."""
    old_choices, new_choices = kinds.case_choices(before), kinds.case_choices(after)
    grouped = []
    for section in sections_for(kind):
        if section.repeating:
            listed = _item_changes(section, kind, before, after, (old_choices, new_choices))
            found = SectionChange(section, items=listed)
        else:
            rows = _answer_changes(section, kind, before, after, (old_choices, new_choices))
            found = SectionChange(section, answers=rows)
        if found.changed:
            grouped.append(found)
    unasked = _unasked_changes(before, after, kind)
    return grouped + ([SectionChange(None, answers=unasked)] if unasked else [])


def with_request(
    grouped: list[SectionChange], needs: dict[str, str], kind: str
) -> list[SectionChange]:
    """The changes with what a request asked of each section beside them; a section the
    request named but that did not change is listed too, with nothing changed."""
    by_key = {change.section.key: change for change in grouped if change.section}
    paired = []
    for section in sections_for(kind):
        found = by_key.get(section.key)
        if section.key in needs:
            found = replace(found or SectionChange(section), needed=needs[section.key])
        if found:
            paired.append(found)
    return paired + [change for change in grouped if change.section is None]


Choices = tuple[kinds.Choices, kinds.Choices]


def _answer_changes(
    section: Section, kind: str, old: dict, new: dict, choices: Choices
) -> list[AnswerChange]:
    """The questions of a section (or of one item) whose answers differ, in words."""
    rows = []
    for spec in section.fields_for(kind):
        if spec.path:
            before, after = answers.read(old, spec.path), answers.read(new, spec.path)
            if before != after:
                rows.append(
                    AnswerChange(
                        spec.label,
                        display(spec, before, choices[0]),
                        display(spec, after, choices[1]),
                    )
                )
        elif spec.name == section.toggle and section.optional_object:
            before = answers.read(old, section.optional_object) is not None
            after = answers.read(new, section.optional_object) is not None
            if before != after:
                rows.append(AnswerChange(spec.label, _yes_no(before), _yes_no(after)))
    return rows


def _item_changes(
    section: Section, kind: str, old: dict, new: dict, choices: Choices
) -> list[ItemChange]:
    """The items added, removed or changed: matched by their id, or by position without."""
    old_items, new_items = answers.items(old, section), answers.items(new, section)
    old_keyed = {_item_key(section, item, i): item for i, item in enumerate(old_items)}
    listed, seen = [], set()
    for position, item in enumerate(new_items):
        key = _item_key(section, item, position)
        seen.add(key)
        title = answers.item_title(section, item, position)
        previous = old_keyed.get(key)
        if previous is None:
            rows = _answer_changes(section, kind, {}, item, choices)
            listed.append(ItemChange(title, "added", rows))
        elif rows := _answer_changes(section, kind, previous, item, choices):
            listed.append(ItemChange(title, "changed", rows))
    for position, item in enumerate(old_items):
        if _item_key(section, item, position) not in seen:
            listed.append(ItemChange(answers.item_title(section, item, position), "removed", []))
    return listed


def _item_key(section: Section, item: dict, position: int) -> Any:
    """What an item is known by from one version to the next."""
    if section.id_from and isinstance(item.get("id"), str) and item["id"]:
        return ("id", item["id"])
    return ("position", position)


def _unasked_changes(before: dict, after: dict, kind: str) -> list[AnswerChange]:
    """Changes to details no section's question asks (such as the body addressed)."""
    rows = []
    for change in changes(before, after):
        if section_for_path(change.path, kind) is None:
            name = change.path.strip("/").split("/")[-1].replace("_", " ").capitalize()
            rows.append(AnswerChange(name, _plain(change.before), _plain(change.after)))
    return rows


def _plain(value: Any) -> str:
    """A detail no question asks, as a short text."""
    if isinstance(value, bool):
        return _yes_no(value)
    return NOT_PROVIDED if value is None else shown(value)


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"
