"""Checking an assessment with the rulebook: its facts, the rules that fire, the report.

The assessment is the rules' second kind of case: its profile fact is ``decommissioning`` and
each affected group a ``group`` fact (declared in :mod:`.facts`), checked by the rules of
``rules/decommissioning.yaml`` through the same engine, findings and report as a proposal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.checks.facts import FactSet, derive_fact
from app.checks.parameters import parameter_values
from app.checks.report import build_report
from app.checks.rulebook import Rulebook
from app.checks.vocabulary import facts_on
from app.value.money import rounded

from .facts import AffectedGroup, Assessment


def _derive(subject: object, entity: str, index: int) -> tuple[dict, dict]:
    """The engine facts and the text labels of one subject."""
    fact: dict[str, object] = {"entity": entity, "index": index}
    labels: dict[str, str] = {}
    for spec in facts_on(entity):
        if spec.type == "text":
            labels[spec.name] = str(spec.derive(subject))
        else:
            fact[spec.name] = derive_fact(spec, subject)
    return fact, labels


def assessment_facts(assessment: Assessment) -> FactSet:
    """The profile and one fact per group, as the engine takes them."""
    profile, labels = _derive(assessment, "decommissioning", 0)
    facts = {"decommissioning": [profile], "group": []}
    found = {"decommissioning": [labels], "group": []}
    for index, raw in enumerate(assessment.groups):
        group, group_labels = _derive(AffectedGroup(assessment, index, raw), "group", index)
        facts["group"].append(group)
        found["group"].append(group_labels)
    return FactSet(facts, found, None, entity="decommissioning")


def check_assessment(rulebook: Rulebook, document: Mapping[str, Any]) -> dict:
    """The check report of an assessment: tier, areas, findings and its value at risk."""
    assessment = Assessment(document, parameter_values(rulebook.parameters))
    facts = assessment_facts(assessment)
    findings = rulebook.findings(rulebook.fire(facts.facts), facts)
    value = assessment.value
    figures = {
        "value_at_risk": rounded(value.total),
        "after_mitigation": rounded(value.residual),
        "saving": rounded(value.saving),
        "years": rounded(value.years),
        "by_group": [rounded(amount) for amount in value.by_group],
    }
    return build_report(assessment.tier, findings, figures)
