"""The check report: findings in a stable order, area status and score, the value, and what
the document shows beside them (its derived risk, flags for a commissioner, sensitivity).

An area fails with a blocker, has gaps with a major or minor finding, and passes otherwise
(advice alone passes). Its score starts at 100 and loses ``SEVERITY_WEIGHTS`` per finding,
never going below 0. A finding's severity is its rule's severity at the case's tier.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from app.checks.catalogue import AREAS, SEVERITIES, SEVERITY_WEIGHTS, TIERS, area_status
from app.checks.facts import FactSet
from app.checks.numbers import show_number, shower
from app.checks.parameters import Parameter
from app.checks.rule import Rule
from app.checks.vocabulary import FACTS, NUMERIC_TYPES, FactSpec

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_PARAMETER_KIND = {"money": "money", "share": "share"}


PROFILE, PROFILE_LABELS, ITEM, ITEM_LABELS = range(4)
"""Where a quoted fact is read: the places of :meth:`FactSet.places`, in this order."""


class Quote(NamedTuple):
    """A fact a message quotes: where to read it and how to write it out."""

    name: str
    place: int
    show: Callable[[object], str]


class Message(NamedTuple):
    """A rule's message split once: text, with parameters already written in, around the
    facts it quotes (one more text than quotes)."""

    texts: tuple[str, ...]
    quotes: tuple[Quote, ...]

    def fill(self, context: Mapping[str, object]) -> str:
        """The message with each quoted fact's value, read from one mapping, written out."""
        return self.fill_from((context,) * 4)

    def fill_from(self, places: Sequence[Mapping[str, object]]) -> str:
        """The message with each quoted fact's value, read from its place, written out."""
        texts, quotes = self.texts, self.quotes
        if len(quotes) == 1:  # the most common message: one fact quoted
            name, place, show = quotes[0]
            return texts[0] + show(places[place][name]) + texts[1]
        if not quotes:
            return texts[0]
        shown = [texts[0]]
        for quote, text in zip(quotes, texts[1:], strict=True):
            shown.append(quote.show(places[quote.place][quote.name]))
            shown.append(text)
        return "".join(shown)


def prepare_message(
    template: str, parameters: Mapping[str, Parameter], entity: str = "proposal"
) -> Message:
    """Split a message at its {name}s, write in the parameters' values, and note where each
    quoted fact of a rule about ``entity`` is read and how it is shown."""
    parts = _PLACEHOLDER.split(template)
    texts, quotes = [parts[0]], []
    for name, text in zip(parts[1::2], parts[2::2], strict=True):
        if name in FACTS:
            quotes.append(Quote(name, _place(FACTS[name], entity), _shower(FACTS[name])))
            texts.append(text)
        else:
            parameter = parameters[name]
            kind = _PARAMETER_KIND.get(parameter.unit, "number")
            texts[-1] += show_number(parameter.value, kind) + text
    return Message(tuple(texts), tuple(quotes))


def _place(spec: FactSpec, entity: str) -> int:
    """Where a rule about ``entity`` reads ``spec``: the item's own fact when it has one."""
    on_item = entity != "proposal" and entity in spec.entities
    if spec.type == "text":
        return ITEM_LABELS if on_item else PROFILE_LABELS
    return ITEM if on_item else PROFILE


@dataclass(frozen=True)
class FindingTemplate:
    """What every finding of one rule shares, prepared once when the rules are loaded."""

    rule: Rule
    message: Message
    ranks: dict  # the rule's place in the report at each tier: by area, severity, rule id
    bases: dict  # at each tier, a finding's fields in the report's order, to copy and fill


def finding_templates(
    rules: Iterable[Rule], parameters: Mapping[str, Parameter]
) -> dict[str, FindingTemplate]:
    """Each rule's template by rule id, ranked in the report's order at each tier."""
    rules = list(rules)
    ranks: dict[str, dict[str, int]] = {rule.id: {} for rule in rules}
    for tier in TIERS:
        ordered = sorted(rules, key=functools.partial(_rule_order, tier=tier))
        for rank, rule in enumerate(ordered):
            ranks[rule.id][tier] = rank
    templates = {}
    for rule in rules:
        message = prepare_message(rule.message, parameters, rule.entity)
        bases = {
            tier: {
                "rule": rule.id,
                "area": rule.area,
                "severity": rule.severity_at(tier),
                "message": "" if message.quotes else message.texts[0],
                "path": rule.path,
                "modules": [],
            }
            for tier in TIERS
        }
        templates[rule.id] = FindingTemplate(rule, message, ranks[rule.id], bases)
    return templates


def _rule_order(rule: Rule, tier: str) -> tuple:
    """A rule's place in a report at ``tier``: area, severity there, then id."""
    return _AREA_ORDER[rule.area], _SEVERITY_ORDER[rule.severity_at(tier)], rule.id


def make_findings(
    templates: Mapping[str, FindingTemplate],
    fired: Iterable[tuple[str, int]],
    facts: FactSet,
) -> list[dict]:
    """One finding per (rule, item) that fired (each listed once), sorted by area, severity
    at the case's tier, rule and path.

    Within a rule, findings follow their items' order, which is the order of their paths.
    """
    tier = facts.profile.get("tier", "light")
    ranked = []
    for rule_id, index in fired:
        template = templates[rule_id]
        ranked.append((template.ranks[tier], index, template))
    ranked.sort(key=lambda entry: entry[:2])
    findings = []
    proposal = facts.places(facts.entity, 0)
    for _, index, template in ranked:
        finding = template.bases[tier].copy()
        rule = template.rule
        found = proposal if rule.each is None else facts.places(rule.each, index)
        if rule.each is not None or rule.path_fact is not None:
            finding["path"] = rule.finding_path(index, found[ITEM_LABELS])
        if template.message.quotes:
            finding["message"] = template.message.fill_from(found)
        finding["modules"] = list(rule.modules)
        findings.append(finding)
    return findings


_AREA_ORDER = {area: position for position, area in enumerate(AREAS)}
_SEVERITY_ORDER = {severity: position for position, severity in enumerate(SEVERITIES)}


def finding_order(finding: Mapping[str, object]) -> tuple:
    """The stable order of findings: area, severity, rule id, then path (items by number)."""
    return (
        _AREA_ORDER[finding["area"]],
        _SEVERITY_ORDER[finding["severity"]],
        finding["rule"],
        path_key(str(finding["path"])),
    )


@functools.lru_cache(maxsize=4096)
def path_key(path: str) -> tuple:
    """A JSON Pointer as a sort key in which /stakeholders/10 follows /stakeholders/9."""
    parts = path.split("/")[1:]
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def fill_message(
    template: str, context: Mapping[str, object], parameters: Mapping[str, Parameter]
) -> str:
    """Replace each {name} in a message with the fact's or parameter's value, written out."""
    return prepare_message(template, parameters).fill(context)


def _shower(spec: FactSpec) -> Callable[[object], str]:
    """How a message writes out the values of one fact."""
    if spec.type == "bool":
        return _yes_no
    if spec.type in NUMERIC_TYPES:
        return shower(spec.type)  # type: ignore[return-value]
    return str


def _yes_no(value: object) -> str:
    return "yes" if value else "no"


def summarise_areas(findings: Iterable[Mapping[str, Any]]) -> dict[str, dict]:
    """Status and score of each area."""
    severities: dict[str, list[str]] = {area: [] for area in AREAS}
    for finding in findings:
        severities[finding["area"]].append(finding["severity"])
    return {area: _area(severities[area]) for area in AREAS}


def _area(severities: list[str]) -> dict:
    lost = sum(map(SEVERITY_WEIGHTS.__getitem__, severities))
    return {"status": area_status(severities), "score": max(0, 100 - lost)}


def build_report(tier: str, findings: list[dict], value: dict, extras: dict | None = None) -> dict:
    """The check report: ``tier``, ``areas``, ``findings`` and ``value``, then ``extras``
    (``risk``, ``flags`` and ``sensitivity``, from :meth:`FactSet.extras`)."""
    report = {
        "tier": tier,
        "areas": summarise_areas(findings),
        "findings": findings,
        "value": value,
    }
    return report | (extras or {})
