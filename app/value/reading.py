"""Reading outcomes and options from a document: by id, whether valued, and by name.

Outcomes and options are named as a reader knows them, by what they are, never by slugs. An
id such as ``less-isolated`` is how the document refers to an outcome; a person reads its
description, "Young carers feel less isolated". Where an item has no description (a draft),
it is named by its place in the list ("Outcome 3"), which the person can find on the page.
Names are cut to :data:`LONGEST_NAME` characters so that a note or a table cell stays short.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

LONGEST_NAME = 80
"""The most characters of a description a name quotes (a description may run to 2,000)."""


def shortened(text: str, limit: int = LONGEST_NAME) -> str:
    """``text`` with its whitespace collapsed, cut at a word to at most ``limit`` characters."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    head = words[: limit - 1]
    if " " in head:  # cut at the last whole word
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:.") + "…"


def outcome_name(outcome: Mapping[str, Any], position: int) -> str:
    """An outcome's description, shortened, or "Outcome N" (1-based) when it has none."""
    description = outcome.get("description")
    if isinstance(description, str) and description.strip():
        return shortened(description)
    return f"Outcome {position}"


def outcome_in_sentence(outcome: Mapping[str, Any], position: int) -> str:
    """An outcome as a sentence names it: 'The outcome “…”', or 'Outcome N' when undescribed."""
    name = outcome_name(outcome, position)
    return name if name == f"Outcome {position}" else f"The outcome “{name}”"


def outcome_names(document: Mapping[str, Any]) -> dict[str, str]:
    """Each outcome id of the document to the outcome's name (the first, if an id repeats)."""
    names: dict[str, str] = {}
    for position, outcome in enumerate(_items(document.get("outcomes")), start=1):
        names.setdefault(str(outcome.get("id", "")), outcome_name(outcome, position))
    return names


def option_name(option: Mapping[str, Any], position: int) -> str:
    """An option's name (else its description), shortened, or "Option N" when it has neither."""
    for field in ("name", "description"):
        text = option.get(field)
        if isinstance(text, str) and text.strip():
            return shortened(text)
    return f"Option {position}"


def outcomes_by_id(document: Mapping[str, Any]) -> dict[str, tuple[int, Mapping[str, Any]]]:
    """Each outcome id to (1-based place, outcome): the first, should an id repeat."""
    found: dict[str, tuple[int, Mapping[str, Any]]] = {}
    for position, outcome in enumerate(_items(document.get("outcomes")), start=1):
        if isinstance(outcome.get("id"), str):
            found.setdefault(outcome["id"], (position, outcome))
    return found


def carries_value(outcome: Mapping[str, Any]) -> bool:
    """Whether an outcome's proxy carries a value of more than £0."""
    proxy = outcome.get("proxy")
    value = proxy.get("value") if isinstance(proxy, Mapping) else None
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def named(outcome: Mapping[str, Any], position: int) -> dict[str, Any]:
    """An outcome for the check report: its id for reference, its name to show."""
    return {"outcome": outcome.get("id"), "description": outcome_name(outcome, position)}


def _items(value: Any) -> Sequence[Mapping[str, Any]]:
    """The objects of a list field: a draft may hold anything, a valid document only objects."""
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []
