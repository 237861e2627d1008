"""The document as people read it: task-list states and check-your-answers rows (no Flask)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import answers, kinds
from .sections import Field, Section, section_for_path, sections_for

STATE_LABELS = {
    answers.NOT_STARTED: "Not started",
    answers.IN_PROGRESS: "In progress",
    answers.COMPLETED: "Completed",
}


@dataclass(frozen=True)
class Task:
    """A task-list row."""

    section: Section
    state: str

    @property
    def label(self) -> str:
        """The state in words."""
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class Block:
    """A section of check-your-answers: rows for a page, or titled items for a list."""

    section: Section
    rows: list[tuple[str, str]]
    items: list[tuple[str, list[tuple[str, str]]]]


def task_list(proposal) -> list[Task]:
    """Each section of the proposal with its state."""
    return [
        Task(
            s,
            answers.section_state(
                s, proposal.draft, proposal.kind, proposal.completed_sections or []
            ),
        )
        for s in sections_for(proposal.kind)
    ]


def display(spec: Field, value: Any, choices: kinds.Choices) -> str:
    """One answer in the question's own words: ids as what people call them, never slugs."""
    if not answers.has_answer(value) and value is not False:
        return "Not provided"
    names = choices.names(spec)
    match spec.kind:
        case "money" | "amount":
            return _money(value)
        case "percent":
            return f"{(Decimal(str(value)) * 100).normalize():f}%"
        case "yesno":
            return "Yes" if value else "No"
        case "choice" | "multi":
            labels = dict(spec.choices)
            return ", ".join(labels.get(str(v), str(v)) for v in _listed(value))
        case "stakeholder" | "stakeholders" | "outcome":
            return ", ".join(names.get(str(v), str(v)) for v in _listed(value))
        case "evidence":
            return "\n".join(names.get(str(v), str(v)) for v in _listed(value))
        case "lines" | "public_bodies":
            return "\n".join(str(v) for v in _listed(value))
        case "quantities":
            return "\n".join(
                f"{names.get(str(e.get('outcome')), str(e.get('outcome')))}: "
                f"{_plain(e.get('quantity'))}"
                for e in kinds.dicts(value)
            )
        case "characteristics":
            return "\n".join(_characteristic(spec, e) for e in kinds.dicts(value))
        case "number" | "whole" | "years":
            return _plain(value)
    return str(value)


def _listed(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def _money(value: Any) -> str:
    amount = Decimal(str(value))
    text = f"£{abs(amount):,.2f}".replace(".00", "")
    return f"-{text}" if amount < 0 else text


def _plain(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "Not provided" if value is None else str(value)
    return format(Decimal(str(value)).normalize(), "f")


def _characteristic(spec: Field, entry: dict) -> str:
    """One protected characteristic's likely effect and note, in words."""
    name = dict(spec.parts).get(str(entry.get("characteristic")), str(entry.get("characteristic")))
    effect = dict(spec.choices).get(str(entry.get("effect")), "Effect not given")
    note = str(entry.get("note") or "").strip()
    return f"{name}: {effect}" + (f". {note}" if note else "")


def present_document(document: dict, kind: str) -> list[Block]:
    """Every section's answers, for check-your-answers and version pages."""
    choices = kinds.case_choices(document)
    blocks = []
    for section in sections_for(kind):
        if section.repeating:
            listed = [
                (answers.item_title(section, item, i), _rows(section, kind, item, choices))
                for i, item in enumerate(answers.items(document, section))
            ]
            blocks.append(Block(section, [], listed))
            continue
        if section.toggle and answers.read(document, section.optional_object) is None:
            toggle = next(f for f in section.fields if f.name == section.toggle)
            blocks.append(Block(section, [(toggle.label, "No")], []))
            continue
        blocks.append(Block(section, _rows(section, kind, document, choices), []))
    return blocks


def _rows(section: Section, kind: str, source: dict, choices) -> list[tuple[str, str]]:
    """A section's (or an item's) answers, page by page, leaving out pages not called for."""
    return [
        (spec.label, display(spec, answers.read(source, spec.path), choices))
        for page in section.pages_for(kind)
        if answers.shown(page.when, source)
        for spec in page.fields_for(kind)
        if spec.path
    ]


def linked_errors(errors: list, kind: str) -> list[tuple[Any, Section | None]]:
    """Each document error with the section whose page fixes it."""
    return [(error, section_for_path(error.path, kind)) for error in errors]


def change_lines(changes: list, user_id: int | None) -> list[str]:
    """Saved changes in words; the reader's own are said to come from another tab or window."""
    lines = []
    for change in changes:
        if change.user_id is not None and change.user_id == user_id:
            who = "You, in another tab or window,"
        else:
            who = change.user.name if change.user else "Someone"
        summary = str(change.summary)
        what = summary if summary.startswith(("removed ", "added ")) else f"changed {summary}"
        lines.append(f"{who} {what} at {change.changed_at:%H:%M on %-d %B}")
    return lines
