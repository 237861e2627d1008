"""Writing answers into the proposal document, and reading sections' states from it (no Flask).

How a single answer moves between a form and the document is in ``kinds.py``; what the format
allows at each place is in ``schema_rules.py``. An answer left blank is written as null where
the format allows null, and otherwise leaves the field out, so a draft stays valid.
"""

import copy
import re
from typing import Any

from . import kinds, schema_rules
from .questions import ANSWERED, Page
from .sections import SECTIONS, Field, Path, Section

NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"
# which section's items a kind of question refers to by id
REFERS_TO = {
    "stakeholder": "stakeholders",
    "stakeholders": "stakeholders",
    "outcome": "outcomes",
    "quantities": "outcomes",
    "evidence": "evidence",
}


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


def to_form(spec: Field, value: Any) -> Any:
    """How a one-input question's form shows a document value."""
    return kinds.to_form(spec, value, kinds.Choices()).get(spec.name, "")


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
    for key in ("name", "claim", "description", "topic", "body"):
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


def shown(page_when: tuple[Path, Any] | None, source: Any) -> bool:
    """Whether a page's condition holds for the document (or item) it edits."""
    if page_when is None:
        return True
    path, value = page_when
    found = read(source, path)
    return found is not None if value == ANSWERED else found == value


def next_page(section: Section, page: Page, kind: str, source: Any) -> Page | None:
    """The page after this one that the document (or item) now calls for, if any."""
    pages = section.pages_for(kind)
    later = pages[pages.index(page) + 1 :] if page in pages else ()
    return next((p for p in later if shown(p.when, source)), None)


def previous_page(section: Section, page: Page, kind: str, source: Any) -> Page | None:
    """The page before this one that the document (or item) calls for, if any."""
    pages = section.pages_for(kind)
    earlier = pages[: pages.index(page)] if page in pages else ()
    return next((p for p in reversed(earlier) if shown(p.when, source)), None)


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
    if section.toggle:
        on = answers.get(section.toggle)
        if on is False:
            # "no" is an answer too: null, where absent says nothing was answered
            *within, key = section.optional_object
            holder = read(updated, tuple(within))
            if not (isinstance(holder, dict) and key in holder and holder[key] is None):
                changed.append(_label(section, section.toggle))
            write(updated, section.optional_object, None)
            return updated, changed
        if on and read(updated, section.optional_object) is None:
            changed.append(_label(section, section.toggle))
            write(updated, section.optional_object, {})
    for spec in section.fields_for(kind):
        if spec.name not in answers or not spec.path:
            continue
        limits = schema_rules.limits_at(section.schema_path(spec))
        value = _not_provided_as_null(answers[spec.name], limits)
        if read(target, spec.path) != value:
            changed.append(spec.label)
        if value is None and not limits.nullable:
            _leave_out(target, spec.path)
        else:
            write(target, spec.path, value)
    return updated, changed


def _not_provided_as_null(value: Any, limits: schema_rules.Limits) -> Any:
    """A blank text the format cannot hold as text (a link must be one) is "not provided"."""
    if value != "":
        return value
    pattern = limits.pattern and not re.search(limits.pattern, "")
    return None if limits.min_length or pattern else value


def _leave_out(document: dict, path: Path) -> None:
    """Remove the field at a path, where the format has no null for "not provided"."""
    holder = read(document, path[:-1]) if len(path) > 1 else document
    if isinstance(holder, dict):
        holder.pop(path[-1], None)


def _new_item(section: Section, collection: list, answers: dict[str, Any]) -> dict:
    """A new list item, with an id where the section's items have one."""
    if not section.id_from:
        return {}
    taken = {str(item.get("id")) for item in collection if isinstance(item, dict)}
    return {"id": slug(str(answers.get(section.id_from) or section.item_name), taken)}


def _label(section: Section, name: str) -> str:
    return next(f.label for f in section.fields if f.name == name)


def references_to(document: dict, section: Section, item_id: str) -> list[str]:
    """Where an item's id is cited, in words (to refuse removing it while it is)."""
    places = []
    for other in SECTIONS:
        specs = [f for f in other.fields if REFERS_TO.get(f.kind) == section.key]
        if not specs:
            continue
        if not other.repeating:
            if any(item_id in _cited(f, read(document, f.path)) for f in specs):
                places.append(other.title)
            continue
        for index, item in enumerate(items(document, other)):
            if other is section and item.get("id") == item_id:
                continue
            if any(item_id in _cited(f, read(item, f.path)) for f in specs):
                places.append(f"{other.item_name} {index + 1}")
    return places


def _cited(spec: Field, value: Any) -> list:
    """The ids a question's answer cites."""
    if spec.kind == "quantities":
        return [e.get("outcome") for e in kinds.dicts(value)]
    return value if isinstance(value, list) else [value]
