"""Deriving the facts of a document: the proposal profile, then one fact per item.

Python only measures here (counts, shares, flags, figures, the tier); it never decides what
is a gap. Every fact is typed as the vocabulary says, with no None and no number the engine
cannot read (see :mod:`app.checks.numbers`). Text facts go to ``labels`` for messages only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.checks import items
from app.checks.items import distinct_filled, filled, is_number, listed, number, positive, section
from app.checks.numbers import safe_number
from app.checks.vfm_facts import ARGUED, vfm_parts
from app.checks.vocabulary import TIERS
from app.value.account import ValueAccount
from app.value.sensitivity import sensitivity_ratios

_SENSITIVITY = re.compile(r"sensitiv|switching value", re.IGNORECASE)


@dataclass
class FactSet:
    """The facts of one document: engine facts and text labels, by entity."""

    facts: dict[str, list[dict]]
    labels: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def profile(self) -> dict:
        """The proposal profile fact."""
        return self.facts["proposal"][0]

    def places(self, entity: str, index: int) -> tuple[dict, dict, dict, dict]:
        """Where a message about one item (or the proposal) reads the facts it quotes: the
        profile, its labels, the item's facts and the item's labels (the profile's again for
        a message about the proposal)."""
        profile, labels = self.profile, self.labels["proposal"][0]
        if entity == "proposal":
            return profile, labels, profile, labels
        return profile, labels, self.facts[entity][index], self.labels[entity][index]


def tier_for(contract_value: float, risk: str, params: Mapping[str, float]) -> tuple[str, str]:
    """(tier, tier before risk) from the contract value; a high risk raises it one step."""
    if contract_value >= params["tier_full_from"]:
        base = "full"
    elif contract_value >= params["tier_standard_from"]:
        base = "standard"
    else:
        base = "light"
    raised = TIERS[min(TIERS.index(base) + 1, len(TIERS) - 1)] if risk == "high" else base
    return raised, base


def derive_facts(
    document: Mapping[str, Any],
    account: ValueAccount,
    params: Mapping[str, float],
    sensitivity_tiers: frozenset[str] = frozenset(TIERS),
) -> FactSet:
    """All facts of a schema-valid document and its value account.

    The sensitivity table is computed only when the case's tier is in ``sensitivity_tiers``
    (the tiers at which some rule names a sensitivity fact); otherwise its facts are neutral.
    """
    min_words = int(params["min_argument_words"])
    contract = _contract(document, params)
    context = {"kind": document.get("kind") or "challenge", "tier": contract.pop("tier")}
    profile = {
        "entity": "proposal",
        "index": 0,
        **context,
        **contract,
        **_outcome_profile(document, account),
        **_sensitivity(document, account, context["tier"] in sensitivity_tiers),
        **_stakeholder_profile(document),
    }
    for part in vfm_parts(document, account, min_words):
        profile.update(part)
    missing = [e for e, fact in ARGUED.items() if not profile[fact]]
    labels = {"vfm_es_missing": _listing(missing) if missing else "none"}
    groups, group_labels = items.stakeholder_facts(document, context, min_words)
    outcome_context = {
        **context,
        "has_deadweight_or_attribution": profile["has_deadweight_or_attribution"],
    }
    outcomes, outcome_labels = items.outcome_facts(document, outcome_context, groups, group_labels)
    return FactSet(
        facts={"proposal": [profile], "stakeholder": groups, "outcome": outcomes},
        labels={"proposal": [labels], "stakeholder": group_labels, "outcome": outcome_labels},
    )


def _contract(document: Mapping[str, Any], params: Mapping[str, float]) -> dict:
    contract = section(document, "contract")
    annual, years = contract.get("annual_value"), contract.get("duration_years")
    known = is_number(annual) and is_number(years) and years > 0
    value = safe_number(annual * years) if known else 0
    risk = contract.get("risk") or "unknown"
    tier, base = tier_for(value, risk, params)
    return {
        "tier": tier,
        "tier_before_risk": base,
        "tier_raised_by_risk": tier != base,
        "risk": risk,
        "contract_value": value,
        "contract_value_known": known,
        "annual_value": number(annual),
    }


def _outcome_profile(document: Mapping[str, Any], account: ValueAccount) -> dict:
    outcomes = [o for o in listed(document.get("outcomes")) if isinstance(o, dict)]
    judgements = [j for j in listed(document.get("judgements")) if isinstance(j, dict)]
    with_indicator = valued = 0
    adjusted = False
    for outcome in outcomes:
        with_indicator += filled(outcome.get("indicator"))
        valued += _valued(outcome)
        adjusted = adjusted or (
            positive(outcome.get("deadweight")) or positive(outcome.get("attribution"))
        )
    return {
        "outcome_count": len(outcomes),
        "outcomes_with_indicator_count": with_indicator,
        "valued_outcome_count": valued,
        "has_deadweight_or_attribution": adjusted,
        "has_sroi_ratio": account.sroi_ratio is not None,
        "sroi_ratio": safe_number(account.sroi_ratio or 0),
        "present_value": safe_number(account.present_value),
        "investment": safe_number(account.investment),
        "judgement_count": len(judgements),
        "judgements_without_rationale_count": sum(
            not filled(j.get("rationale")) for j in judgements
        ),
        "has_sensitivity_judgement": any(
            _SENSITIVITY.search(" ".join(str(j.get(k) or "") for k in ("topic", "judgement")))
            for j in judgements
        ),
    }


def _valued(outcome: Mapping[str, Any]) -> bool:
    proxy = outcome.get("proxy") if isinstance(outcome.get("proxy"), dict) else {}
    gain = outcome.get("negative") is not True
    return gain and positive(outcome.get("quantity")) and positive(proxy.get("value"))


def _sensitivity(document: Mapping[str, Any], account: ValueAccount, wanted: bool) -> dict:
    ratios = []
    if wanted and account.sroi_ratio is not None:
        ratios = [account.sroi_ratio, *sensitivity_ratios(document, account)]
    return {
        "has_sensitivity": bool(ratios),
        "sensitivity_min_ratio": safe_number(min(ratios)) if ratios else 0,
        "sensitivity_stays_above_one": bool(ratios) and all(r > 1 for r in ratios),
    }


def _stakeholder_profile(document: Mapping[str, Any]) -> dict:
    groups = [s for s in listed(document.get("stakeholders")) if isinstance(s, dict)]
    need = section(document, "need")
    decommissioning = section(document, "decommissioning")
    negative = valuation = verification = 0
    for group in groups:
        negative += group.get("effect") in ("negative", "mixed")
        valuation += _stage(group, "valuation")
        verification += _stage(group, "verification")
    return {
        "stakeholder_count": len(groups),
        "negative_stakeholder_count": negative,
        "involved_in_valuation_count": valuation,
        "involved_in_verification_count": verification,
        "objectives_set_with_count": len(set(listed(need.get("objectives_set_with")))),
        "public_bodies_count": distinct_filled(
            listed(section(document, "service").get("public_bodies"))
        ),
        "decommissioning_stakeholder_count": len(
            set(listed(decommissioning.get("stakeholders_affected")))
        ),
    }


def _stage(stakeholder: Mapping[str, Any], stage: str) -> bool:
    involvement = stakeholder.get("involvement")
    return isinstance(involvement, dict) and stage in listed(involvement.get("stages"))


def _listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
