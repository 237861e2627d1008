"""The fact vocabulary: every fact a rule may name, gathered from where each is derived.

Facts are declared with their derivation (:func:`app.checks.declare.fact`) in the modules
imported below, in this order: the case as a whole, the outcomes, the stakeholder groups,
value for money, delivery, then the claims. This module only gathers them and lays them out
(docs/rules.md carries :func:`vocabulary_table`).

Facts are flat and typed. A fact belongs to one or more entities: ``proposal`` (one profile
per document), ``stakeholder`` (one per group) and ``outcome`` (one per outcome); a
decommissioning assessment, the second kind of case, has ``decommissioning`` (its profile)
and ``group`` (one per affected group), declared in :mod:`app.decommissioning.facts`. ``text``
facts are labels for messages only: never sent to the engine, never named in a condition.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.checks import (  # noqa: F401 (importing each module declares its facts)
    claims_facts,
    context_facts,
    delivery_facts,
    outcome_facts,
    stakeholder_facts,
    vfm_facts,
)
from app.checks.catalogue import DECOMMISSIONING_KIND, KINDS, TIERS
from app.checks.declare import DECLARED, NUMERIC_TYPES, TYPES, FactSpec
from app.decommissioning import facts as decommissioning_facts  # noqa: F401 (declares facts)

ENTITIES = ("proposal", "stakeholder", "outcome", "decommissioning", "group")
ITEM_SECTIONS = {"stakeholder": "stakeholders", "outcome": "outcomes"}
"""A proposal's item entities and the document arrays they are read from."""
PROFILES = {"challenge": "proposal", "propose": "proposal", DECOMMISSIONING_KIND: "decommissioning"}
"""The profile entity of each kind of case a rule may apply to."""
CASE_ITEMS = {"proposal": ITEM_SECTIONS, "decommissioning": {"group": "groups"}}
"""Each profile entity's item entities and the arrays they are read from."""
EACH_SECTIONS = {entity: found for items in CASE_ITEMS.values() for entity, found in items.items()}
"""Every item entity a rule may walk with ``each``, and its array."""
RESERVED = ("entity", "index", "sid", "id")

FACTS: Mapping[str, FactSpec] = dict(DECLARED)

__all__ = [
    "CASE_ITEMS",
    "EACH_SECTIONS",
    "ENTITIES",
    "FACTS",
    "ITEM_SECTIONS",
    "KINDS",
    "NUMERIC_TYPES",
    "PROFILES",
    "RESERVED",
    "TIERS",
    "TYPES",
    "FactSpec",
    "baseline",
    "facts_on",
    "vocabulary_table",
]


def facts_on(entity: str, *, include_text: bool = True) -> tuple[FactSpec, ...]:
    """The facts available on one entity, in vocabulary order."""
    return tuple(
        spec
        for spec in FACTS.values()
        if entity in spec.entities and (include_text or spec.type != "text")
    )


def baseline(entity: str) -> dict[str, object]:
    """Example values of every non-text fact on ``entity``: the base of a rule test case (a
    sound standard-tier challenge)."""
    return {spec.name: spec.example for spec in facts_on(entity, include_text=False)}


def vocabulary_table() -> str:
    """The Markdown table of the vocabulary that docs/rules.md carries."""
    lines = [
        "| fact | type | on | meaning | how derived |",
        "|---|---|---|---|---|",
    ]
    for spec in FACTS.values():
        kind = spec.type + (f" ({', '.join(spec.values)})" if spec.values else "")
        lines.append(
            f"| `{spec.name}` | {kind} | {', '.join(spec.entities)} | {spec.meaning} "
            f"| {spec.derived} |"
        )
    return "\n".join(lines) + "\n"
