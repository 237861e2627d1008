"""The check report: findings in a stable order, area status and score, and the value.

An area fails with a blocker, has gaps with a major or minor finding, and passes otherwise
(advice alone passes). Its score starts at 100 and loses ``SEVERITY_WEIGHTS`` per finding,
never going below 0.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from app.checks.facts import FactSet
from app.checks.numbers import show_number
from app.checks.parameters import Parameter
from app.checks.rule import AREAS, SEVERITIES, Rule
from app.checks.vocabulary import FACTS, NUMERIC_TYPES

SEVERITY_WEIGHTS = {"blocker": 40, "major": 15, "minor": 5, "advice": 0}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_PARAMETER_KIND = {"money": "money", "share": "share"}


class Message(NamedTuple):
    """A rule's message split once: text, with parameters already written in, around the
    names of the facts it quotes (one more text than facts)."""

    texts: tuple[str, ...]
    facts: tuple[str, ...]

    def fill(self, context: Mapping[str, object]) -> str:
        """The message with each quoted fact's value written out."""
        texts = self.texts
        if len(texts) == 1:
            return texts[0]
        shown = [texts[0]]
        for after, name in enumerate(self.facts, 1):
            shown.append(show_fact(name, context[name]))
            shown.append(texts[after])
        return "".join(shown)


def prepare_message(template: str, parameters: Mapping[str, Parameter]) -> Message:
    """Split a message at its {name}s and write in the parameters' values."""
    parts = _PLACEHOLDER.split(template)
    texts, facts = [parts[0]], []
    for name, text in zip(parts[1::2], parts[2::2], strict=True):
        if name in FACTS:
            facts.append(name)
            texts.append(text)
        else:
            parameter = parameters[name]
            kind = _PARAMETER_KIND.get(parameter.unit, "number")
            texts[-1] += show_number(parameter.value, kind) + text
    return Message(tuple(texts), tuple(facts))


@dataclass(frozen=True)
class FindingTemplate:
    """What every finding of one rule shares, prepared once when the rules are loaded."""

    rule: Rule
    message: Message
    order: tuple[int, int, str]  # the start of finding_order: area, severity, rule id

    @classmethod
    def of(cls, rule: Rule, parameters: Mapping[str, Parameter]) -> FindingTemplate:
        order = (_AREA_ORDER[rule.area], _SEVERITY_ORDER[rule.severity], rule.id)
        return cls(rule, prepare_message(rule.message, parameters), order)


def make_findings(
    templates: Mapping[str, FindingTemplate],
    fired: Iterable[tuple[str, int]],
    facts: FactSet,
) -> list[dict]:
    """One finding per (rule, item) that fired, sorted by area, severity, rule and path."""
    keyed = []
    contexts: dict[tuple[str, int], dict] = {}  # most findings are about the same few items
    for rule_id, index in dict.fromkeys(fired):
        template = templates[rule_id]
        rule = template.rule
        context = contexts.get((rule.entity, index))
        if context is None:
            context = contexts[rule.entity, index] = facts.context(rule.entity, index)
        path = rule.finding_path(index)
        finding = {
            "rule": rule.id,
            "area": rule.area,
            "severity": rule.severity,
            "message": template.message.fill(context),
            "path": path,
            "modules": list(rule.modules),
        }
        keyed.append(((*template.order, path_key(path)), finding))
    keyed.sort(key=itemgetter(0))
    return [finding for _, finding in keyed]


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


def show_fact(name: str, value: object) -> str:
    """A fact's value as a message shows it."""
    spec = FACTS[name]
    if spec.type == "bool":
        return "yes" if value else "no"
    if spec.type in NUMERIC_TYPES:
        return show_number(value, spec.type)  # type: ignore[arg-type]
    return str(value)


def summarise_areas(findings: Iterable[Mapping[str, object]]) -> dict[str, dict]:
    """Status and score of each area."""
    severities: dict[str, list[str]] = {area: [] for area in AREAS}
    for finding in findings:
        severities[str(finding["area"])].append(str(finding["severity"]))
    return {area: _area(found) for area, found in severities.items()}


def _area(severities: list[str]) -> dict:
    if "blocker" in severities:
        status = "fail"
    elif "major" in severities or "minor" in severities:
        status = "gaps"
    else:
        status = "pass"
    score = max(0, 100 - sum(SEVERITY_WEIGHTS[s] for s in severities))
    return {"status": status, "score": score}


def build_report(tier: str, findings: list[dict], value: dict) -> dict:
    """The check report of proposal-format.md."""
    return {"tier": tier, "areas": summarise_areas(findings), "findings": findings, "value": value}
