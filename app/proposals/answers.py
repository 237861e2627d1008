"""Moving answers between the proposal document and form fields (no Flask)."""

import copy
import re
from decimal import Decimal
from typing import Any

from .sections import Field, Path, Section

NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"


def read(document: Any, path: Path) -> Any:
    """The value at a path, or None when any step is missing."""
    node = document
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def write(document: dict, path: Path, value: Any) -> None:
    """Set the value at a path, creating objects on the way."""
    node = document
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    node[path[-1]] = value


def _number(value: Decimal) -> int | float:
    """A JSON number: an integer when it is whole."""
    return int(value) if value == value.to_integral_value() else float(value)


def _plain(value: Any) -> str:
    """A number as people type it: no exponent, no trailing zeros."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def to_form(spec: Field, value: Any) -> Any:
    """The form's representation of a document value."""
    if value is None:
        return [] if spec.kind in ("multi", "stakeholders") else ""
    match spec.kind:
        case "percent":
            return _plain(Decimal(str(value)) * 100) if isinstance(value, int | float) else ""
        case "money" | "number" | "years" | "whole":
            return _plain(value) if isinstance(value, int | float) else ""
        case "lines":
            return "\n".join(str(v) for v in value) if isinstance(value, list) else ""
        case "yesno":
            return {True: "yes", False: "no"}.get(value, "")
        case "multi" | "stakeholders":
            return [str(v) for v in value] if isinstance(value, list) else []
    return value if isinstance(value, str) else str(value)


def from_form(spec: Field, data: Any) -> Any:
    """The document value of a validated form answer."""
    match spec.kind:
        case "text" | "longtext":
            return (data or "").strip()
        case "money" | "number" | "years" | "whole":
            return None if data is None else _number(Decimal(data))
        case "percent":
            return None if data is None else _number(Decimal(data) / 100)
        case "lines":
            return [line.strip() for line in (data or "").splitlines() if line.strip()]
        case "yesno":
            return {"yes": True, "no": False}.get(data)
        case "choice" | "stakeholder":
            return data or None
        case "multi" | "stakeholders":
            return list(data or [])
    raise ValueError(f"unknown field kind {spec.kind}")


def slug(text: str, taken: set[str]) -> str:
    """A unique id made from text, e.g. 'young-carers', 'young-carers-2'."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "item"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def items(document: dict, section: Section) -> list[dict]:
    """The items of a repeating section."""
    found = read(document, section.list_path)
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def item_title(section: Section, item: dict, index: int) -> str:
    """How an item is named in lists."""
    for key in ("name", "description", "topic", "body"):
        if isinstance(item.get(key), str) and item[key].strip():
            text = item[key].strip()
            return text if len(text) <= 80 else text[:77] + "…"
    return f"{section.item_name.capitalize()} {index + 1}"


def has_answer(value: Any) -> bool:
    """Whether a document value counts as answered."""
    if value is None:
        return False
    if isinstance(value, str | list | dict):
        return bool(value)
    return True


def section_state(section: Section, document: dict, kind: str, completed: list[str]) -> str:
    """Not started, in progress or completed."""
    if section.key in completed:
        return COMPLETED
    if section.repeating:
        started = bool(items(document, section))
    else:
        started = any(
            has_answer(read(document, f.path)) for f in section.fields_for(kind) if f.path
        )
        if section.optional_object and read(document, section.optional_object) is not None:
            started = True
    return IN_PROGRESS if started else NOT_STARTED


def apply_answers(
    document: dict,
    section: Section,
    kind: str,
    answers: dict[str, Any],
    item_index: int | None = None,
) -> tuple[dict, list[str]]:
    """A copy of the document with these answers written; also the labels changed."""
    updated = copy.deepcopy(document)
    target = updated
    if section.repeating:
        collection = read(updated, section.list_path)
        if not isinstance(collection, list):
            collection = []
            write(updated, section.list_path, collection)
        if item_index is None:
            collection.append(_new_item(section, collection, answers))
            item_index = len(collection) - 1
        target = collection[item_index]
    changed = []
    if section.toggle and answers.get(section.toggle) is False:
        if read(updated, section.optional_object) is not None:
            changed.append(_label(section, section.toggle))
        write(updated, section.optional_object, None)
        return updated, changed
    for spec in section.fields_for(kind):
        if spec.name not in answers or not spec.path:
            continue
        if read(target, spec.path) != answers[spec.name]:
            changed.append(spec.label)
        write(target, spec.path, answers[spec.name])
    return updated, changed


def _new_item(section: Section, collection: list, answers: dict[str, Any]) -> dict:
    """A new list item, with an id where the section's items have one."""
    if not section.id_from:
        return {}
    taken = {str(item.get("id")) for item in collection if isinstance(item, dict)}
    return {"id": slug(str(answers.get(section.id_from) or section.item_name), taken)}


def _label(section: Section, name: str) -> str:
    return next(f.label for f in section.fields if f.name == name)


def references_to(document: dict, stakeholder_id: str) -> list[str]:
    """Where a stakeholder id is used, in words (to refuse removing it)."""
    places = []
    for index, outcome in enumerate(document.get("outcomes") or []):
        if isinstance(outcome, dict) and outcome.get("stakeholder") == stakeholder_id:
            places.append(f"outcome {index + 1}")
    for index, item in enumerate(document.get("inputs") or []):
        if isinstance(item, dict) and item.get("stakeholder") == stakeholder_id:
            places.append(f"input {index + 1}")
    if stakeholder_id in (read(document, ("need", "objectives_set_with")) or []):
        places.append("the objectives")
    if stakeholder_id in (read(document, ("decommissioning", "stakeholders_affected")) or []):
        places.append("decommissioning")
    return places
