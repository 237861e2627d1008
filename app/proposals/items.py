"""Stable ids for the items of repeating sections, so a page changes an item, not a position.

Stakeholders, outcomes, evidence items, options and payment-by-results measures carry an
``id`` in the document (others cite most of them by it), and that id is how their pages
address them. Inputs, savings, judgements and consortium members have no id in the proposal
format, so theirs are kept beside the draft, in the proposal's side data
(``Proposal.typed`` under ``ITEM_IDS``), one per position, never in the document itself:
exported documents stay exactly in the published format. The services keep that list in step
with every addition and removal, in the same write as the draft. Items that no change in the
editor has touched yet (an imported list) have no stored ids: each is known by its first
position ("input_2") until the list's first addition or removal stores the ids for good.
Ids kept beside the draft always contain an underscore, which a document id never does, so
the two kinds cannot be confused. No Flask here.
"""

import hashlib
import json
import secrets
from collections import Counter
from typing import Any

from .answers import read
from .references import SLUG
from .sections import Section

ITEM_IDS = "item_ids"  # the reserved entry of Proposal.typed: {section key: [id by position]}


def entries(document: dict, section: Section) -> list:
    """The section's list in the document itself (not a copy), or an empty list."""
    found = read(document, section.list_path or ())
    return found if isinstance(found, list) else []


def kept_ids(section: Section, count: int, stored: Any) -> list[str]:
    """The side ids of a list of `count` entries: those stored, then first-position ones."""
    stored = stored if isinstance(stored, list) else []
    ids: list[str] = []
    for position in range(count):
        found = stored[position] if position < len(stored) else None
        if not isinstance(found, str) or "_" not in found or found in ids:
            found = _first_position_id(section, position, set(ids))
        ids.append(found)
    return ids


def _first_position_id(section: Section, position: int, taken: set[str]) -> str:
    candidate, number = f"{_stem(section)}_{position + 1}", 2
    while candidate in taken:
        candidate = f"{_stem(section)}_{position + 1}_{number}"
        number += 1
    return candidate


def new_id(section: Section, taken: list[str]) -> str:
    """A fresh side id, never used before in the list (so no old page can mistake it)."""
    while True:
        candidate = f"{_stem(section)}_{secrets.token_hex(4)}"
        if candidate not in taken:
            return candidate


def _stem(section: Section) -> str:
    """The start of a side id: the item's name, with no space to escape in an address."""
    return section.item_name.replace(" ", "-")


def item_ids(document: dict, section: Section, side: dict) -> list[str | None]:
    """Each position's id: the item's own where it is usable, else its side id.

    None marks an entry that is not an object, which no page edits.
    """
    found = entries(document, section)
    kept = kept_ids(section, len(found), side.get(section.key))
    own = [entry.get("id") if isinstance(entry, dict) else None for entry in found]
    counts = Counter(value for value in own if isinstance(value, str))
    ids: list[str | None] = []
    for entry, value, fallback in zip(found, own, kept, strict=True):
        if not isinstance(entry, dict):
            ids.append(None)
        elif section.id_from and _usable(value, counts):
            ids.append(value)
        else:
            ids.append(fallback)
    return ids


def _usable(value: Any, counts: Counter) -> bool:
    """Whether a document id can address its item: well formed and not shared."""
    return isinstance(value, str) and bool(SLUG.fullmatch(value)) and counts[value] == 1


def listed(document: dict, section: Section, side: dict) -> list[tuple[str, int, dict]]:
    """The section's items with their ids and positions, in order."""
    found = entries(document, section)
    return [
        (item_id, position, found[position])
        for position, item_id in enumerate(item_ids(document, section, side))
        if item_id is not None
    ]


def find(document: dict, section: Section, side: dict, item_id: str) -> tuple[int, dict] | None:
    """The position and content of the item with this id, or None when it is gone."""
    for found, position, item in listed(document, section, side):
        if found == item_id:
            return position, item
    return None


def fingerprint(item: Any) -> str:
    """A short digest of an item's answers, to tell whether it changed since a page showed it."""
    text = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
