"""The rules page's content: each rule for people, the contents by area and tier, and search.

Pure Python: the view passes the loaded rules and parameters and renders what this returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.checks.catalogue import AREA_LIST, TIERS
from app.checks.parameters import Parameter
from app.checks.plain import condition_sentence, scope_sentence, show_value, tier_phrase
from app.checks.rule import Rule
from app.checks.titles import rule_title

MAX_QUERY = 200
MAX_WORDS = 12


def rule_anchor(rule_id: str) -> str:
    """The id of a rule's entry on the rules page, e.g. 'rule-claims-self-declared'."""
    return "rule-" + re.sub(r"[^a-z0-9]+", "-", rule_id.lower()).strip("-")


@dataclass(frozen=True)
class RuleEntry:
    """One rule as the rules page shows it."""

    anchor: str
    title: str
    area: str
    tiers: tuple[str, ...]
    applies: str
    condition: str
    severity: str
    why: str
    modules: tuple[str, ...]

    @property
    def group(self) -> str:
        """The anchor of the area-and-tier group the rule is listed in."""
        return f"{self.area}-{tier_key(self.tiers)}"

    def text(self) -> str:
        """Everything a search reads: title, where it applies, condition and why."""
        return " ".join((self.title, self.applies, self.condition, self.why)).casefold()


def tier_key(tiers: Iterable[str]) -> str:
    """A short key for a set of tiers, e.g. 'every-tier', 'standard-and-full'."""
    ordered = [tier for tier in TIERS if tier in set(tiers)]
    return "every-tier" if len(ordered) == len(TIERS) else "-and-".join(ordered)


def entry(rule: Rule) -> RuleEntry:
    """A rule as the rules page shows it."""
    return RuleEntry(
        anchor=rule_anchor(rule.id),
        title=rule_title(rule.id),
        area=rule.area,
        tiers=tuple(tier for tier in TIERS if tier in rule.applies.tiers),
        applies=scope_sentence(rule.applies.kinds, rule.applies.tiers, rule.each),
        condition=condition_sentence(rule.when),
        severity=rule.describe_severity(),
        why=rule.why,
        modules=tuple(rule.modules),
    )


@dataclass(frozen=True)
class Group:
    """The rules of one area that apply at the same tiers."""

    anchor: str
    heading: str
    entries: tuple[RuleEntry, ...]


@dataclass(frozen=True)
class AreaSection:
    """One area of the rules page: its key, name, what it judges and its groups by tier."""

    key: str
    name: str
    judges: str
    groups: tuple[Group, ...]

    @property
    def count(self) -> int:
        """How many rules the area holds."""
        return sum(len(group.entries) for group in self.groups)


def group_heading(tiers: tuple[str, ...]) -> str:
    """The heading of a tier group, e.g. 'At every tier', 'At the standard and full tiers'."""
    return f"At {tier_phrase(tiers)}"


def sections(entries: Iterable[RuleEntry]) -> list[AreaSection]:
    """The entries by area (in report order) and, within each, by the tiers they apply at:
    rules for every tier first, then those for fewer, higher tiers."""
    entries = list(entries)
    result = []
    for area in AREA_LIST:
        own = [e for e in entries if e.area == area.key]
        tier_sets = sorted({e.tiers for e in own}, key=lambda t: (-len(t), TIERS.index(t[0])))
        groups = tuple(
            Group(
                anchor=f"{area.key}-{tier_key(tiers)}",
                heading=group_heading(tiers),
                entries=tuple(e for e in own if e.tiers == tiers),
            )
            for tiers in tier_sets
        )
        if groups:
            result.append(AreaSection(area.key, area.name, area.judges, groups))
    return result


def query_words(query: str | None) -> list[str]:
    """The words of a search, lower-cased; none for an empty or junk query."""
    return re.findall(r"\w+", (query or "")[:MAX_QUERY].casefold())[:MAX_WORDS]


def search(entries: Iterable[RuleEntry], query: str | None) -> list[RuleEntry]:
    """The entries whose words include every word of the query (all of them for none)."""
    words = query_words(query)
    return [e for e in entries if all(word in e.text() for word in words)]


@dataclass(frozen=True)
class Threshold:
    """A parameter the rules use, for people: its name, value, meaning and source."""

    name: str
    value: str
    description: str
    reference: str


def thresholds(parameters: Mapping[str, Parameter]) -> list[Threshold]:
    """The thresholds the rules use, with values written as people read them."""
    return [
        Threshold(
            name=(parameter.label or name).removeprefix("the ").capitalize(),
            value=show_value(parameter.value, parameter.unit),
            description=for_people(parameter.description),
            reference=parameter.reference,
        )
        for name, parameter in parameters.items()
    ]


def for_people(text: str) -> str:
    """A description without its notes for developers (sentences naming facts or
    derivation)."""
    sentences = re.split(r"(?<=\.)\s+", text.strip())
    kept = [s for s in sentences if "`" not in s and not s.startswith("Used in")]
    return " ".join(kept)
