"""Outcome chains: value claimed twice along a chain of outcomes.

An outcome may lead to another (``leads_to``): a young carer's isolation eases, so their
attendance rises, so their grades improve. Value is claimed at the end of the chain (Cabinet
Office, A guide to Social Return on Investment, 2012: the chain of events). An outcome that
carries a proxy value while an outcome further down its chain also does is valued twice,
once as itself and once as what it leads to.

A chain is followed until it ends (an outcome that leads nowhere), reaches an id the document
does not have, or comes back to an outcome already on it (a loop, which a valid document
should not have but a draft may).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.value.reading import carries_value, named, outcomes_by_id


def chain_double_counting(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each outcome that carries a proxy value while an outcome further down its chain does.

    JSON-ready, in document order, every outcome named by its description::

        [{"outcome": id, "description": str,
          "valued_downstream": [{"outcome": id, "description": str}, ...],
          "chain_end": {"outcome": id, "description": str},
          "loops": bool}]

    ``chain_end`` is the last outcome of the chain (before it loops, if it does).
    """
    outcomes = outcomes_by_id(document)
    found = []
    for outcome_id, (position, outcome) in outcomes.items():
        if not carries_value(outcome):
            continue
        chain, loops = follow(outcome_id, outcomes)
        downstream = [step for step in chain[1:] if carries_value(outcomes[step][1])]
        if downstream:
            found.append(
                named(outcome, position)
                | {
                    "valued_downstream": [_named(outcomes[step]) for step in downstream],
                    "chain_end": _named(outcomes[chain[-1]]),
                    "loops": loops,
                }
            )
    return found


def follow(
    start: str, outcomes: Mapping[str, tuple[int, Mapping[str, Any]]]
) -> tuple[list[str], bool]:
    """The ids along the chain from ``start`` (itself first), and whether the chain loops."""
    chain, seen = [start], {start}
    while True:
        following = outcomes[chain[-1]][1].get("leads_to")
        if following not in outcomes:  # the chain ends, or leads to an unknown id
            return chain, False
        if following in seen:
            return chain, True
        chain.append(following)
        seen.add(following)


def _named(place: tuple[int, Mapping[str, Any]]) -> dict[str, Any]:
    position, outcome = place
    return named(outcome, position)
