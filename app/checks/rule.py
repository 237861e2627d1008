"""A loaded rule: what it checks, where it applies, what it says and how it is tested."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.checks.conditions import All, Compare, Condition
from app.checks.describe import describe_condition, describe_scope
from app.checks.vocabulary import ITEM_SECTIONS, KINDS, TIERS

AREAS = ("proportionality", "stakeholders", "vfm")
SEVERITIES = ("blocker", "major", "minor", "advice")


@dataclass(frozen=True)
class Applies:
    """The kinds of submission and the tiers a rule applies to."""

    kinds: tuple[str, ...]
    tiers: tuple[str, ...]

    def conditions(self) -> tuple[Compare, ...]:
        """The scope as comparisons on ``kind`` and ``tier`` (none when it is everything)."""
        scope = []
        if set(self.kinds) != set(KINDS):
            scope.append(Compare("kind", "in", self.kinds))
        if set(self.tiers) != set(TIERS):
            scope.append(Compare("tier", "in", self.tiers))
        return tuple(scope)


@dataclass(frozen=True)
class RuleCase:
    """A test case beside a rule: facts (over the vocabulary's examples) and whether it fires."""

    name: str
    facts: Mapping[str, object]
    fires: bool


@dataclass(frozen=True)
class Rule:
    """One rule as loaded from a rules file."""

    id: str
    area: str
    severity: str
    applies: Applies
    each: str | None
    when: Condition
    message: str
    why: str
    modules: tuple[str, ...]
    path: str
    tests: tuple[RuleCase, ...]
    file: str

    @property
    def entity(self) -> str:
        """The entity whose facts the rule reads: proposal, stakeholder or outcome."""
        return self.each or "proposal"

    @property
    def condition(self) -> Condition:
        """The whole condition: the scope of ``applies`` and ``when`` together."""
        scope = self.applies.conditions()
        return All((*scope, self.when)) if scope else self.when

    def describe(self) -> str:
        """The rule's scope and condition in plain English, for the public rules page."""
        scope = describe_scope(self.applies.kinds, self.applies.tiers, self.each)
        return f"{scope}. Fires when {describe_condition(self.when)}."

    def finding_path(self, index: int | None) -> str:
        """The JSON Pointer of the part to fix; ``{index}`` filled for per-item rules."""
        return self.path.replace("{index}", str(index)) if self.each else self.path

    @property
    def section(self) -> str | None:
        """The document array a per-item rule walks (``stakeholders`` or ``outcomes``)."""
        return ITEM_SECTIONS.get(self.each) if self.each else None
