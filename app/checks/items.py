"""Per-item facts: one fact per stakeholder group and one per outcome, with its index.

Each item fact carries ``entity``, ``index`` (its place in the document's array, which also
makes every fact distinct) and the context facts ``kind`` and ``tier``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.checks.numbers import LIMIT, safe_number

LATER_STAGES = {"outcomes", "valuation", "verification"}


def section(document: Mapping[str, Any], name: str) -> dict:
    """A document section as a dict, empty when missing or null."""
    value = document.get(name)
    return value if isinstance(value, dict) else {}


def listed(value: object) -> list:
    """A list from the document, empty when missing or null."""
    return value if isinstance(value, list) else []


def words(text: object) -> int:
    """How many words a text field holds (0 when it is missing)."""
    return len(text.split()) if isinstance(text, str) else 0


def has_words(text: object, count: int) -> bool:
    """Whether a text field holds at least ``count`` words, splitting off no more than that."""
    if count <= 0:
        return True
    return isinstance(text, str) and len(text.split(None, count - 1)) == count


def filled(text: object) -> bool:
    """Whether a text field holds anything but spaces."""
    return isinstance(text, str) and bool(text.strip())


def is_number(value: object) -> bool:
    """Whether a value from the document is a number (a boolean is not)."""
    kind = type(value)
    return kind is float or kind is int or (kind is not bool and isinstance(value, int | float))


def number(value: object, default: float = 0) -> int | float:
    """A number from the document in engine-safe form; ``default`` when missing."""
    if type(value) is int and -LIMIT <= value <= LIMIT:  # a count or an amount: as it is
        return value
    return safe_number(value if is_number(value) else default)


def positive(value: object) -> bool:
    """Whether a value from the document is a number above 0 (as ``number(value) > 0``, which
    rounds and caps a number but never moves it across 0)."""
    return is_number(value) and value > 0  # type: ignore[operator]


def is_involved(stakeholder: Mapping[str, Any]) -> bool:
    """Whether a group took part: people involved and at least one method."""
    involvement = stakeholder.get("involvement")
    involvement = involvement if isinstance(involvement, dict) else {}
    return positive(involvement.get("people")) and bool(listed(involvement.get("methods")))


def stakeholder_facts(
    document: Mapping[str, Any], context: Mapping[str, object], min_words: int
) -> tuple[list[dict], list[dict]]:
    """Engine facts and text labels for each stakeholder group (in the document's order)."""
    outcome_counts: dict[str, int] = {}
    for outcome in listed(document.get("outcomes")):
        if isinstance(outcome, dict) and isinstance(outcome.get("stakeholder"), str):
            key = outcome["stakeholder"]
            outcome_counts[key] = outcome_counts.get(key, 0) + 1
    facts, labels = [], []
    for index, item in enumerate(listed(document.get("stakeholders"))):
        item = item if isinstance(item, dict) else {}
        fact = _stakeholder(item, min_words, index, context)
        fact["stakeholder_outcome_count"] = outcome_counts.get(item.get("id"), 0)
        facts.append(fact)
        labels.append({"stakeholder_name": _name(item)})
    return facts, labels


def _stakeholder(
    item: Mapping[str, Any], min_words: int, index: int, context: Mapping[str, object]
) -> dict:
    involvement = item.get("involvement") if isinstance(item.get("involvement"), dict) else {}
    stages = set(listed(involvement.get("stages")))
    has_reason = has_words(item.get("materiality_reason"), min_words)
    return {
        "entity": "stakeholder",
        "index": index,
        **context,
        "stakeholder_effect": item.get("effect") or "unknown",
        "stakeholder_material": item.get("material") is True,
        "stakeholder_excluded": item.get("material") is False,
        "stakeholder_has_materiality_reason": has_reason,
        "stakeholder_size": number(item.get("size")),
        "stakeholder_size_known": isinstance(item.get("size"), int),
        "stakeholder_subgroup_count": sum(map(filled, listed(item.get("subgroups")))),
        "stakeholder_people_involved": number(involvement.get("people")),
        "stakeholder_method_count": len(listed(involvement.get("methods"))),
        "stakeholder_involved": is_involved(item),
        "stakeholder_involved_beyond_scoping": bool(stages & LATER_STAGES),
    }


def outcome_facts(
    document: Mapping[str, Any],
    context: Mapping[str, object],
    groups: Sequence[Mapping[str, object]],
    group_labels: Sequence[Mapping[str, str]],
) -> tuple[list[dict], list[dict]]:
    """Engine facts and text labels for each outcome, given those of the stakeholder groups
    (an outcome's group is the last one with its ``stakeholder`` id)."""
    unnamed = (False, "no stakeholder")
    by_id: dict[object, tuple[bool, str]] = {}
    for item, fact, label in zip(
        listed(document.get("stakeholders")), groups, group_labels, strict=True
    ):
        if isinstance(item, dict):
            found = (fact["stakeholder_involved"], label["stakeholder_name"])
            by_id[item.get("id")] = found if item else unnamed
    facts, labels = [], []
    for index, item in enumerate(listed(document.get("outcomes"))):
        item = item if isinstance(item, dict) else {}
        involved, name = by_id.get(item.get("stakeholder"), unnamed)
        fact = _outcome(item, index, context)
        fact["outcome_stakeholder_involved"] = involved
        facts.append(fact)
        labels.append(
            {
                "outcome_name": str(item.get("id") or f"outcome {index + 1}"),
                "outcome_stakeholder_name": name,
            }
        )
    return facts, labels


def _outcome(item: Mapping[str, Any], index: int, context: Mapping[str, object]) -> dict:
    proxy = item.get("proxy") if isinstance(item.get("proxy"), dict) else {}
    return {
        "entity": "outcome",
        "index": index,
        **context,
        "outcome_negative": item.get("negative") is True,
        "outcome_has_indicator": filled(item.get("indicator")),
        "outcome_valued": positive(item.get("quantity")) and positive(proxy.get("value")),
        "outcome_has_proxy_source": filled(proxy.get("source")),
        "outcome_proxy_agreed": proxy.get("agreed_with_stakeholders") is True,
        "outcome_deadweight": number(item.get("deadweight")),
        "outcome_attribution": number(item.get("attribution")),
        "outcome_drop_off": number(item.get("drop_off")),
        "outcome_duration_years": number(item.get("duration_years"), 1),
    }


def _name(item: Mapping[str, Any]) -> str:
    name = item.get("name")
    return name.strip() if filled(name) else str(item.get("id") or "a stakeholder group")


def distinct_filled(values: Sequence[object]) -> int:
    """How many distinct non-blank strings a list holds (ignoring case and spaces)."""
    return len({v.strip().casefold() for v in values if filled(v)})
