"""Value-for-money facts of the proposal profile: the four Es, need and options, costs,
savings, payment by results, monitoring, today's service and equalities."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.checks.items import (
    distinct_filled,
    filled,
    has_words,
    is_number,
    listed,
    number,
    section,
    words,
)
from app.checks.numbers import safe_number
from app.value.account import ValueAccount

FOUR_ES = ("economy", "efficiency", "effectiveness", "equity")
ARGUED = {e: f"vfm_{e}_argued" for e in FOUR_ES}
"""The fact that says whether each E is argued."""
_MINIMUM = re.compile(
    r"\b(do(ing)? (the )?min(imum)?|do(ing)? nothing|no change|status quo|business as usual)\b",
    re.IGNORECASE,
)
VOLUNTEER = "volunteer"
"""Mentioned in any case: the text is lowered first (no character lowers to one of its letters
without matching it case-insensitively, tests/checks/test_checks_facts.py)."""


def vfm_parts(
    document: Mapping[str, Any], account: ValueAccount, min_words: int
) -> tuple[dict, ...]:
    """The value-for-money facts of one document, in five parts."""
    return (
        _four_es(document, min_words),
        _need(document, min_words),
        _costs_and_savings(document, account),
        _payment_by_results(document, min_words),
        _monitoring_and_today(document, min_words),
    )


def _four_es(document: Mapping[str, Any], min_words: int) -> dict:
    vfm = section(document, "vfm")
    facts = {fact: has_words(vfm.get(e), min_words) for e, fact in ARGUED.items()}
    facts["vfm_es_argued"] = sum(facts.values())
    return facts


def _need(document: Mapping[str, Any], min_words: int) -> dict:
    need = section(document, "need")
    options = [o for o in listed(need.get("options")) if isinstance(o, dict)]
    return {
        "objectives_count": sum(map(filled, listed(need.get("objectives")))),
        "need_has_evidence": has_words(need.get("evidence"), min_words),
        "option_count": len(options),
        "has_minimum_option": any(
            _MINIMUM.search(f"{o.get('name') or ''} {o.get('description') or ''}") for o in options
        ),
    }


def _costs_and_savings(document: Mapping[str, Any], account: ValueAccount) -> dict:
    by_type = account.investment_by_type
    commissioner = str(document.get("commissioner") or "").strip().casefold()
    savings = [s for s in listed(document.get("savings")) if isinstance(s, dict)]
    return {
        "volunteer_time_value": safe_number(by_type.get("volunteer_time", 0)),
        "in_kind_value": safe_number(by_type.get("in_kind", 0)),
        "volunteers_mentioned": VOLUNTEER in _volunteer_text(document).lower(),
        "savings_count": len(savings),
        "cashable_savings_total": safe_number(account.savings.cashable_total),
        "non_cashable_savings_total": safe_number(account.savings.non_cashable_total),
        "other_body_savings_count": sum(
            filled(s.get("body")) and s["body"].strip().casefold() != commissioner for s in savings
        ),
    }


def _volunteer_text(document: Mapping[str, Any]) -> str:
    service, vfm = section(document, "service"), section(document, "vfm")
    parts = [document.get("summary"), service.get("description")]
    parts += [vfm.get(e) for e in FOUR_ES]
    for group in listed(document.get("stakeholders")):
        if isinstance(group, dict):
            parts += [group.get("id"), group.get("name")]
    for item in listed(document.get("inputs")):
        if isinstance(item, dict):
            parts.append(item.get("description"))
    return " ".join([p for p in parts if isinstance(p, str)])


def _payment_by_results(document: Mapping[str, Any], min_words: int) -> dict:
    pbr = section(document, "contract").get("payment_by_results")
    pbr = pbr if isinstance(pbr, dict) else {}
    share = number(pbr.get("share"))
    return {
        "has_pbr": share > 0,
        "pbr_share": share,
        "pbr_measure_count": sum(map(filled, listed(pbr.get("outcome_measures")))),
        "pbr_evidence_words": words(pbr.get("evidence")),
        "pbr_has_safeguards": has_words(pbr.get("safeguards"), min_words),
    }


def _monitoring_and_today(document: Mapping[str, Any], min_words: int) -> dict:
    monitoring = section(document, "monitoring")
    service = section(document, "service")
    decommissioning = section(document, "decommissioning")
    equalities = section(document, "equalities")
    cost = service.get("current_annual_cost")
    return {
        "monitoring_indicator_count": sum(map(filled, listed(monitoring.get("indicators")))),
        "verification": monitoring.get("verification") or "unknown",
        "has_learning": has_words(monitoring.get("learning"), min_words),
        "current_cost_known": is_number(cost),
        "current_annual_cost": number(cost),
        "decommissioning_value_stated": has_words(decommissioning.get("value_at_risk"), min_words),
        "decommissioning_mitigation_stated": has_words(
            decommissioning.get("mitigation"), min_words
        ),
        "gap_stated": filled(service.get("gap")),
        "equalities_group_count": distinct_filled(listed(equalities.get("groups_considered"))),
        "equalities_assessed": has_words(equalities.get("assessment"), min_words),
    }
