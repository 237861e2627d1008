"""Rules in plain English for people: values, tiers, scopes and conditions.

The rules page reads a rule's condition aloud without naming a fact or showing a number the
way the engine holds it: money as "£100,000", shares as "20%", ratios as "10:1", counts with
thousands separators, enum values as words, and the tier as "the case is at the light tier".
"""

from __future__ import annotations

from collections.abc import Iterable

from app.checks.catalogue import DECOMMISSIONING_KIND, KINDS, TIERS
from app.checks.conditions import All, AnyOf, Compare, Condition, FactRef, Not, ParamRef
from app.checks.describe import PHRASES
from app.checks.numbers import show_number
from app.checks.translate import NEGATED
from app.checks.vocabulary import FACTS, FactSpec

COUNT_PHRASES = {**PHRASES, "lt": "is fewer than", "gt": "is more than"}
ENUM_WORDS = {
    "self_declared": "self-declared",
    "public_body": "a public body",
    "organisation": "an organisation",
    "dominated": "less value for more money",
    "dominant": "more value for less money",
    "no_difference": "no different",
    "none": "none",
}
KIND_WORDS = {"challenge": "a right-to-challenge submission", "propose": "a proposal"}


def show_value(value: float | int, unit: str) -> str:
    """A threshold or operand as people read it: £100,000, 20%, 10:1, 1,500."""
    if unit == "ratio":
        shown = show_number(value, "number")
        return f"{shown.rstrip('0').rstrip('.') if '.' in shown else shown}:1"
    if unit in ("money", "share", "count"):
        return show_number(value, unit)
    return show_number(value, "number")


def enum_word(value: str) -> str:
    """An enum value as a word or phrase, e.g. 'less value for more money'."""
    return ENUM_WORDS.get(value, value.replace("_", " "))


def tier_phrase(tiers: Iterable[str], joiner: str = "and") -> str:
    """Tiers in words, in tier order: 'every tier', 'the full tier', 'the standard and full
    tiers' (or, with ``joiner`` 'or', 'the light or full tier')."""
    ordered = [tier for tier in TIERS if tier in set(tiers)]
    if len(ordered) == len(TIERS) and joiner == "and":
        return "every tier"
    if len(ordered) == 1:
        return f"the {ordered[0]} tier"
    listed = f"{', '.join(ordered[:-1])} {joiner} {ordered[-1]}"
    return f"the {listed} tier{'s' if joiner == 'and' else ''}"


def scope_sentence(kinds: Iterable[str], tiers: Iterable[str], each: str | None) -> str:
    """Where a rule applies, e.g. 'Right-to-challenge submissions at the full tier, for each
    outcome'."""
    kinds = set(kinds)
    if kinds == {DECOMMISSIONING_KIND}:
        who = "Decommissioning assessments"
    elif kinds >= set(KINDS):
        who = "Every submission"
    elif kinds == {"challenge"}:
        who = "Right-to-challenge submissions"
    else:
        who = "Proposals"
    item = {
        "stakeholder": ", for each stakeholder group",
        "outcome": ", for each outcome",
        "group": ", for each affected group",
    }
    return f"{who} at {tier_phrase(tiers)}{item.get(each or '', '')}"


def condition_sentence(condition: Condition) -> str:
    """A condition in plain English, e.g. 'the SROI ratio is more than 10:1 (the plausible
    maximum)'."""
    if isinstance(condition, Compare):
        return _comparison(condition)
    if isinstance(condition, Not):
        if isinstance(condition.item, Compare):
            return _comparison(condition.item, negated=True)
        return f"it is not the case that {_grouped(condition.item)}"
    joiner = " and " if isinstance(condition, All) else " or "
    return joiner.join(_grouped(item) for item in condition.items)


def _grouped(condition: Condition) -> str:
    text = condition_sentence(condition)
    return f"({text})" if isinstance(condition, All | AnyOf) else text


def _comparison(condition: Compare, negated: bool = False) -> str:
    spec = FACTS[condition.fact]
    operand = condition.operand
    if condition.op == "in":
        return _membership(spec, operand, negated)  # type: ignore[arg-type]
    op = NEGATED[condition.op] if negated else condition.op
    if spec.type == "bool" and isinstance(operand, bool):
        return spec.describe_value(operand == (op in ("eq", "is")))
    if spec.type == "enum" and isinstance(operand, str):
        return _membership(spec, (operand,), op == "ne")
    if isinstance(operand, FactRef):
        right = FACTS[operand.name].label
    elif isinstance(operand, ParamRef):
        right = f"{show_value(operand.value, spec.type)} ({operand.label})"
    else:
        right = show_value(operand, spec.type)  # type: ignore[arg-type]
    phrases = COUNT_PHRASES if spec.type == "count" else PHRASES
    return f"{spec.label} {phrases[op]} {right}"


def _membership(spec: FactSpec, values: tuple[str, ...], negated: bool) -> str:
    if spec.name in ("tier", "tier_before_risk"):
        where = "was" if spec.name == "tier_before_risk" else "is"
        subject = "before the risk, the case" if spec.name == "tier_before_risk" else "the case"
        return f"{subject} {where}{' not' if negated else ''} at {tier_phrase(values, 'or')}"
    words = [
        KIND_WORDS.get(v, enum_word(v)) if spec.name == "kind" else enum_word(v) for v in values
    ]
    subject = "the submission" if spec.name == "kind" else spec.label
    if len(words) == 1:
        return f"{subject} {'is not' if negated else 'is'} {words[0]}"
    if negated:
        return f"{subject} is neither {', '.join(words[:-1])} nor {words[-1]}"
    return f"{subject} is {', '.join(words[:-1])} or {words[-1]}"
