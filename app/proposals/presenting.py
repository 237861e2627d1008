"""The document as people read it: task-list states and check-your-answers rows (no Flask)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import answers
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


def display(spec: Field, value: Any, names: dict[str, str]) -> str:
    """One answer in words."""
    if not answers.has_answer(value) and value is not False:
        return "Not provided"
    match spec.kind:
        case "money":
            return f"£{Decimal(str(value)):,.2f}".replace(".00", "")
        case "percent":
            return f"{(Decimal(str(value)) * 100).normalize():f}%"
        case "yesno":
            return "Yes" if value else "No"
        case "choice" | "multi":
            labels = dict(spec.choices)
            values = value if isinstance(value, list) else [value]
            return ", ".join(labels.get(str(v), str(v)) for v in values)
        case "stakeholder" | "stakeholders":
            values = value if isinstance(value, list) else [value]
            return ", ".join(names.get(str(v), str(v)) for v in values)
        case "lines":
            return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


def present_document(document: dict, kind: str) -> list[Block]:
    """Every section's answers, for check-your-answers and version pages."""
    names = {
        str(s.get("id")): str(s.get("name") or s.get("id"))
        for s in document.get("stakeholders") or []
        if isinstance(s, dict)
    }
    blocks = []
    for section in sections_for(kind):
        specs = [f for f in section.fields_for(kind) if f.path]
        if section.repeating:
            listed = [
                (
                    answers.item_title(section, item, i),
                    [(f.label, display(f, answers.read(item, f.path), names)) for f in specs],
                )
                for i, item in enumerate(answers.items(document, section))
            ]
            blocks.append(Block(section, [], listed))
            continue
        if section.toggle and answers.read(document, section.optional_object) is None:
            blocks.append(Block(section, [("Will any payment depend on results?", "No")], []))
            continue
        rows = [(f.label, display(f, answers.read(document, f.path), names)) for f in specs]
        blocks.append(Block(section, rows, []))
    return blocks


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
