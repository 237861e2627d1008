"""A loaded rule: what it checks, where it applies, what it says and how it is tested."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.checks.catalogue import AREAS, KINDS, SEVERITIES, TIERS
from app.checks.conditions import All, Compare, Condition
from app.checks.describe import describe_condition, describe_scope
from app.checks.vocabulary import EACH_SECTIONS, PROFILES

__all__ = ["AREAS", "SEVERITIES", "Applies", "Rule", "RuleCase"]


@dataclass(frozen=True)
class Applies:
    """The kinds of case and the tiers a rule applies to: kinds of submission, or
    ``decommissioning`` alone for decommissioning assessments."""

    kinds: tuple[str, ...]
    tiers: tuple[str, ...]

    @property
    def profile(self) -> str:
        """The entity of the case's profile: ``proposal`` or ``decommissioning``."""
        return PROFILES[self.kinds[0]]

    def conditions(self) -> tuple[Compare, ...]:
        """The scope as comparisons on ``kind`` and ``tier`` (none when it is everything)."""
        scope = []
        if self.profile == "proposal" and set(self.kinds) != set(KINDS):
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
    """One rule as loaded from a rules file.

    ``severities`` gives the severity at each tier the rule applies to: one severity at every
    tier, or one fitting each tier (a self-declared text is minor in a light case and a
    blocker in a full one). ``path`` is a JSON Pointer, with ``{index}`` for the item of a
    per-item rule, or ``{fact}`` naming a text fact that holds the pointer.
    """

    id: str
    area: str
    severities: Mapping[str, str]
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
        """The entity whose facts the rule reads: its case's profile (proposal or
        decommissioning) or the item it walks (stakeholder, outcome or group)."""
        return self.each or self.applies.profile

    @property
    def condition(self) -> Condition:
        """The whole condition: the scope of ``applies`` and ``when`` together."""
        scope = self.applies.conditions()
        return All((*scope, self.when)) if scope else self.when

    @property
    def severity(self) -> str:
        """The most severe of the rule's severities (its only one, for most rules)."""
        return min(self.severities.values(), key=SEVERITIES.index)

    def severity_at(self, tier: str) -> str:
        """The severity of a finding of this rule in a case at ``tier``."""
        return self.severities.get(tier, self.severity)

    def describe_severity(self) -> str:
        """The severity in words, e.g. 'Major', or 'Minor at the light tier, major at the
        standard and full tiers'."""
        distinct = list(dict.fromkeys(self.severities.values()))
        if len(distinct) == 1:
            return distinct[0].capitalize()
        parts = []
        for severity in distinct:
            tiers = [tier for tier in TIERS if self.severities.get(tier) == severity]
            where = " and ".join(tiers)
            parts.append(f"{severity} at the {where} tier{'s' if len(tiers) > 1 else ''}")
        return ", ".join(parts).capitalize()

    def describe(self) -> str:
        """The rule's scope and condition in plain English, for the public rules page."""
        scope = describe_scope(self.applies.kinds, self.applies.tiers, self.each)
        return f"{scope}. Fires when {describe_condition(self.when)}."

    @property
    def path_fact(self) -> str | None:
        """The text fact holding the finding's path, when the path names one."""
        if self.path.startswith("{") and self.path != "{index}":
            return self.path[1:-1]
        return None

    def finding_path(self, index: int | None, labels: Mapping[str, object] | None = None) -> str:
        """The JSON Pointer of the part to fix: ``{index}`` filled for per-item rules, a path
        fact read from the item's ``labels``."""
        if self.path_fact is not None:
            return str((labels or {}).get(self.path_fact, "/"))
        return self.path.replace("{index}", str(index)) if self.each else self.path

    @property
    def section(self) -> str | None:
        """The document array a per-item rule walks (``stakeholders``, ``outcomes`` or
        ``groups``)."""
        return EACH_SECTIONS.get(self.each) if self.each else None
