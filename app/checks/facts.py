"""Deriving the facts of a document: the proposal profile, then one fact per item.

Python only measures here (counts, shares, states, figures, the tier); it never decides what
is a gap. Each fact's own function derives it (see :mod:`app.checks.vocabulary`); this module
runs them and types what they give as the vocabulary says: no None, and no number the engine
cannot read (:mod:`app.checks.numbers`). Text facts are ``labels``, for messages only, each
worked out when a message first quotes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.checks.case import Case, Item
from app.checks.numbers import LIMIT, safe_number
from app.checks.texts import self_declared_texts
from app.checks.vocabulary import FACTS, ITEM_SECTIONS, FactSpec
from app.value.account import ValueAccount


def _count(value: object) -> int:
    return max(0, min(LIMIT, int(value)))  # type: ignore[call-overload]


def _typed(spec: FactSpec) -> Callable[[object], object]:
    """How a value a fact's function gives is made the type the vocabulary says."""
    if spec.type == "count":
        return _count
    if spec.type in ("money", "number", "share", "ratio"):
        return safe_number  # type: ignore[return-value]
    return str if spec.type == "text" else (lambda value: value)


def _derivations(entity: str) -> tuple[tuple[str, Callable, Callable | None], ...]:
    """(name, derive, how to type it, or None when the function gives the type already) of
    the engine facts derived on ``entity``."""
    return tuple(
        (spec.name, spec.derive, None if spec.type in ("bool", "enum") else _typed(spec))
        for spec in FACTS.values()
        if spec.entities[0] == entity and spec.type != "text"
    )


_DERIVED = {entity: _derivations(entity) for entity in ("proposal", *ITEM_SECTIONS)}
_LABELS = {
    entity: {
        spec.name: spec.derive
        for spec in FACTS.values()
        if spec.entities[0] == entity and spec.type == "text"
    }
    for entity in ("proposal", *ITEM_SECTIONS)
}
_CONTEXT = {
    entity: tuple(s.name for s in FACTS.values() if entity in s.entities[1:])
    for entity in ITEM_SECTIONS
}
"""For each item entity, the proposal facts copied onto its items (``kind``, ``tier``)."""


def derive_fact(spec: FactSpec, subject: object) -> object:
    """One fact of a subject (a case, an item, or an assessment of another kind), derived by
    its declared function and typed as the vocabulary says."""
    value = spec.derive(subject)
    return value if spec.type in ("bool", "enum") else _typed(spec)(value)


@dataclass
class FactSet:
    """The facts of one case: engine facts and text labels by entity, the case, and the
    entity of its profile (``proposal``, or ``decommissioning`` for an assessment)."""

    facts: dict[str, list[dict]]
    labels: dict[str, list[Mapping[str, str]]] = field(default_factory=dict)
    case: Case | None = None
    entity: str = "proposal"

    @property
    def profile(self) -> dict:
        """The profile fact (a proposal's, or an assessment's)."""
        return self.facts[self.entity][0]

    def places(self, entity: str, index: int) -> tuple[dict, dict, dict, dict]:
        """Where a message about one item (or the profile) reads the facts it quotes: the
        profile, its labels, the item's facts and the item's labels (the profile's again for
        a message about the profile)."""
        profile, labels = self.profile, self.labels[self.entity][0]
        if entity == self.entity:
            return profile, labels, profile, labels
        return profile, labels, self.facts[entity][index], self.labels[entity][index]

    def extras(self) -> dict:
        """What the report gives beside the findings: the risk the document shows and why,
        flags for a commissioner's page, the sensitivity of the ratio (with switching values
        and concentration) and, for a challenge, the difference over today's service."""
        if self.case is None:
            return {}
        case, profile = self.case, self.profile
        return {
            "risk": case.risk.report(),
            "flags": {
                "self_declared": [
                    {"path": judged.pointer, "field": judged.name}
                    for judged in self_declared_texts(case)
                ],
                "transparency_gap": profile.get("transparency_gap") is True,
                "price_years_not_uprated": profile.get("proxy_price_years_mixed") is True,
            },
            "sensitivity": case.sensitivity.report(),
            "incremental": case.incremental.report() if case.incremental else None,
        }


def derive_facts(
    document: Mapping[str, Any], account: ValueAccount, params: Mapping[str, float]
) -> FactSet:
    """All facts of a schema-valid proposal/2 document and its value account."""
    case = Case(document, account, params)
    profile = _derive(case, "proposal", {"entity": "proposal", "index": 0})
    facts = {"proposal": [profile]}
    labels = {"proposal": [Labels(case, "proposal")]}
    for entity, section in ITEM_SECTIONS.items():
        context = {name: profile[name] for name in _CONTEXT[entity]}
        facts[entity], labels[entity] = [], []
        for index, raw in enumerate(case.items(section)):
            item = Item(case, index, raw)
            fact = {"entity": entity, "index": index, **context}
            facts[entity].append(_derive(item, entity, fact))
            labels[entity].append(Labels(item, entity))
    return FactSet(facts, labels, case)


def _derive(subject: Case | Item, entity: str, fact: dict) -> dict:
    for name, derive, typed in _DERIVED[entity]:
        value = derive(subject)
        fact[name] = value if typed is None else typed(value)
    return fact


class Labels(Mapping):
    """The text facts of the proposal or of one item, each worked out when a message first
    quotes it (most are never quoted)."""

    def __init__(self, subject: Case | Item, entity: str) -> None:
        self._subject = subject
        self._derive = _LABELS[entity]
        self._found: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        found = self._found.get(name)
        if found is None:
            found = self._found[name] = str(self._derive[name](self._subject))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._derive)

    def __len__(self) -> int:
        return len(self._derive)
