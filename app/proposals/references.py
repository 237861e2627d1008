"""What a schema cannot say about a proposal document: unique ids and the references between them.

Ids are unique within their list (stakeholders, outcomes, evidence items, options, payment
measures), and every reference names an item that exists: stakeholders (from outcomes, inputs,
objectives and decommissioning), evidence items (from the need, the outcomes and payment by
results) and outcomes (from outcome chains, savings, options' quantities and payment measures).
An outcome chain must lead to another outcome and must end: a chain that comes back on itself
would count its value round and round.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .wording import DocumentError, bad_id, error_at, field_name, quote

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
PBR = ("contract", "payment_by_results")
EVIDENCE_CITED_FOR = ("quantity", "indicator", "deadweight", "attribution")


def reference_errors(document: Any, *, extended: bool = True) -> Iterator[DocumentError]:
    """Unique ids and references to items that exist.

    ``extended`` adds proposal/2's ids and references (evidence, options, measures, outcome
    references); without it only proposal/1's stakeholders and outcomes are looked at.
    """
    if not isinstance(document, dict):
        return
    stakeholders = yield from _unique_ids(document, ["stakeholders"], "stakeholder")
    outcomes = yield from _unique_ids(document, ["outcomes"], "outcome")
    yield from _references(_stakeholder_references(document), stakeholders, "stakeholder")
    if not extended:
        return
    evidence = yield from _unique_ids(document, ["evidence"], "evidence item")
    yield from _unique_ids(document, ["need", "options"], "option")
    yield from _unique_ids(document, [*PBR, "measures"], "measure")
    yield from _references(_evidence_references(document), evidence, "evidence item")
    yield from _references(_outcome_references(document), outcomes, "outcome")
    yield from _chain_errors(document, outcomes)


def _unique_ids(document: dict, section: list, noun: str) -> Iterator[DocumentError]:
    """Errors for ids that are malformed or repeated; returns the set of ids found."""
    first_use: dict[str, int] = {}
    for index, item in _items(document, section):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        parts = [*section, index, "id"]
        if not SLUG.fullmatch(ident):
            yield error_at(parts, bad_id(ident))
        if ident in first_use:
            other = field_name([*section, first_use[ident]])
            yield error_at(
                parts, f"{quote(ident)} is already the id of {other}; each {noun} needs its own id"
            )
        else:
            first_use[ident] = index
    return set(first_use)


def _references(
    found: Iterator[tuple[list, Any]], known: set[str], noun: str
) -> Iterator[DocumentError]:
    for parts, value in found:
        if not isinstance(value, str):
            continue
        if not SLUG.fullmatch(value):
            yield error_at(parts, bad_id(value))
        elif value not in known:
            yield error_at(parts, _unknown(value, known, noun))


def _stakeholder_references(document: dict) -> Iterator[tuple[list, Any]]:
    for section in ("outcomes", "inputs"):
        for index, item in _items(document, [section]):
            if "stakeholder" in item:
                yield [section, index, "stakeholder"], item["stakeholder"]
    yield from _listed(document, ["need", "objectives_set_with"])
    yield from _listed(document, ["decommissioning", "stakeholders_affected"])


def _evidence_references(document: dict) -> Iterator[tuple[list, Any]]:
    yield from _listed(document, ["need", "evidence_ids"])
    for index, outcome in _items(document, ["outcomes"]):
        for figure in EVIDENCE_CITED_FOR:
            yield from _listed(outcome, ["evidence", figure], ["outcomes", index])
    yield from _listed(document, [*PBR, "evidence_ids"])
    for index, measure in _items(document, [*PBR, "measures"]):
        yield from _listed(measure, ["evidence_ids"], [*PBR, "measures", index])


def _outcome_references(document: dict) -> Iterator[tuple[list, Any]]:
    for index, outcome in _items(document, ["outcomes"]):
        if "leads_to" in outcome:
            yield ["outcomes", index, "leads_to"], outcome["leads_to"]
    for index, saving in _items(document, ["savings"]):
        if "outcome" in saving:
            yield ["savings", index, "outcome"], saving["outcome"]
    for index, option in _items(document, ["need", "options"]):
        for place, quantity in _items(option, ["quantities"]):
            if "outcome" in quantity:
                yield (
                    ["need", "options", index, "quantities", place, "outcome"],
                    quantity["outcome"],
                )
    for index, measure in _items(document, [*PBR, "measures"]):
        if "outcome" in measure:
            yield [*PBR, "measures", index, "outcome"], measure["outcome"]


def _chain_errors(document: dict, known: set[str]) -> Iterator[DocumentError]:
    """An outcome that leads to itself, and each chain that comes back round, once."""
    leads: dict[str, str] = {}
    position: dict[str, int] = {}
    for index, outcome in _items(document, ["outcomes"]):
        ident, target = outcome.get("id"), outcome.get("leads_to")
        if isinstance(ident, str) and ident not in position:
            position[ident] = index
            if isinstance(target, str) and target in known:
                leads[ident] = target
    for ident, index in position.items():
        if leads.get(ident) == ident:
            yield error_at(
                ["outcomes", index, "leads_to"],
                f"{quote(ident)} is this outcome's own id; an outcome leads to another outcome",
            )
            continue
        loop = _loop_from(ident, leads)
        # every outcome on a loop finds it: the first of them in the document reports it
        if loop and ident == min(loop, key=position.__getitem__):
            steps = " → ".join([*loop, loop[0]])
            yield error_at(
                ["outcomes", index, "leads_to"],
                f"the outcome chain {steps} comes back to where it started; a chain must end "
                "at an outcome that leads to no other",
            )


def _loop_from(start: str, leads: dict[str, str]) -> list[str] | None:
    """The outcomes of the loop that ``start`` is on, from ``start``; None when it is on none."""
    path = [start]
    current = leads.get(start)
    while current is not None and current != start:
        if current in path:  # a loop further along, which ``start`` only leads into
            return None
        path.append(current)
        current = leads.get(current)
    return path if current == start else None


def _listed(holder: Any, keys: list, above: list | None = None) -> Iterator[tuple[list, Any]]:
    """Each value of the list at ``keys`` inside ``holder``, with its path."""
    values = holder
    for key in keys:
        values = values.get(key) if isinstance(values, dict) else None
    for index, value in enumerate(values if isinstance(values, list) else []):
        yield [*(above or []), *keys, index], value


def _items(holder: Any, keys: list) -> Iterator[tuple[int, dict]]:
    """Each object in the list at ``keys`` inside ``holder``, with its position."""
    for parts, item in _listed(holder, keys):
        if isinstance(item, dict):
            yield parts[-1], item


def _unknown(value: str, known: set[str], noun: str) -> str:
    if not known:
        return f"{quote(value)} is not the id of any {noun}; there are none yet"
    names = sorted(known)  # at most the schema's 200 items
    listed = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    return f"{quote(value)} is not the id of any {noun}; the ids are: {listed}"
