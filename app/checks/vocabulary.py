"""The fact vocabulary: every fact a rule may name, its type, meaning and derivation.

Facts are flat and typed. A fact belongs to one or more entities: ``proposal`` (one profile
per document), ``stakeholder`` (one per stakeholder group) and ``outcome`` (one per outcome).
``kind`` and ``tier`` are on every entity so per-item rules can say where they apply; one
proposal fact, ``has_deadweight_or_attribution``, is also on outcomes. ``text`` facts are
labels for messages only: they are never sent to the engine and conditions cannot name them.
docs/rules.md carries a table generated from this module (see :func:`vocabulary_table`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ENTITIES = ("proposal", "stakeholder", "outcome")
ITEM_SECTIONS = {"stakeholder": "stakeholders", "outcome": "outcomes"}
RESERVED = ("entity", "index", "sid", "id")
TYPES = ("bool", "count", "money", "number", "share", "ratio", "enum", "text")
NUMERIC_TYPES = ("count", "money", "number", "share", "ratio")
KINDS = ("challenge", "propose")
TIERS = ("light", "standard", "full")
ALL = ENTITIES
ITEMS = ("stakeholder", "outcome")
P = ("proposal",)
S = ("stakeholder",)
O = ("outcome",)  # noqa: E741


@dataclass(frozen=True)
class FactSpec:
    """One fact: name, type, the entities it is on, what it means and how it is derived."""

    name: str
    type: str
    entities: tuple[str, ...]
    label: str
    meaning: str
    derived: str
    example: object
    values: tuple[str, ...] = ()
    label_false: str = ""
    group: str = ""

    def describe_value(self, value: object) -> str:
        """The statement a boolean fact makes for ``value`` (true or false)."""
        return self.label if value else self.label_false


def _b(name, entities, says, says_not, meaning, derived, example, group=""):
    return FactSpec(name, "bool", entities, says, meaning, derived, example, (), says_not, group)


def _n(kind, name, entities, label, meaning, derived, example, group=""):
    return FactSpec(name, kind, entities, label, meaning, derived, example, group=group)


def _e(name, entities, label, values, meaning, derived, example):
    return FactSpec(name, "enum", entities, label, meaning, derived, example, values)


def _t(name, entities, meaning, derived, example):
    return FactSpec(name, "text", entities, meaning, meaning, derived, example)


# fmt: off
_CONTEXT = (
    _e("kind", ALL, "the kind of submission", KINDS, "right to challenge or right to propose",
       "document `kind`", "challenge"),
    _e("tier", ALL, "the tier", TIERS, "the proportionate depth of analysis",
       "contract value against `tier_standard_from` and `tier_full_from`, one tier up for a "
       "`high` risk", "standard"),
)

_PROPORTIONALITY = (
    _e("tier_before_risk", P, "the tier before the risk rating", TIERS,
       "the tier from the contract value alone", "as `tier`, without the risk step", "standard"),
    _b("tier_raised_by_risk", P, "the high risk rating raises the tier",
       "the risk rating does not raise the tier", "a `high` risk moved the case up a tier",
       "`contract.risk` is high and the value tier is not already full", False),
    _e("risk", P, "the risk rating", ("low", "medium", "high", "unknown"),
       "the proposer's own risk rating", "`contract.risk`; `unknown` when null", "medium"),
    _n("money", "contract_value", P, "the total contract value", "V, the total contract value",
       "`contract.annual_value` × `contract.duration_years`; 0 when either is missing", 630000),
    _b("contract_value_known", P, "the contract value is given", "the contract value is missing",
       "annual value and duration are both given", "both fields are numbers above 0", True),
    _n("money", "annual_value", P, "the annual contract value", "the proposed annual cost",
       "`contract.annual_value`; 0 when missing", 210000),
    _n("count", "outcome_count", P, "the number of outcomes", "outcomes listed",
       "length of `outcomes`", 4),
    _n("count", "outcomes_with_indicator_count", P, "the number of outcomes with an indicator",
       "outcomes that say how the change is measured", "outcomes with a non-blank `indicator`",
       4),
    _n("count", "valued_outcome_count", P, "the number of valued positive outcomes",
       "positive outcomes with a quantity and a proxy value",
       "outcomes not `negative` with `quantity` > 0 and `proxy.value` > 0", 3),
    _b("has_deadweight_or_attribution", P + O, "some outcome states deadweight or attribution",
       "no outcome states deadweight or attribution",
       "any outcome allows for what would have happened anyway or for others' contributions",
       "any outcome with `deadweight` > 0 or `attribution` > 0", True),
    _b("has_sroi_ratio", P, "there is an SROI ratio", "there is no SROI ratio",
       "the value account has a ratio", "investment above 0", True),
    _n("ratio", "sroi_ratio", P, "the SROI ratio", "present value over investment",
       "value account `sroi_ratio`; 0 when there is none", 1.6),
    _n("money", "present_value", P, "the present value", "discounted value of all outcomes",
       "value account `present_value`", 1100000),
    _n("money", "investment", P, "the investment", "all inputs, volunteer time and in-kind too",
       "value account `investment`", 700000),
    _n("count", "judgement_count", P, "the number of documented judgements",
       "judgements written down", "length of `judgements`", 3),
    _n("count", "judgements_without_rationale_count", P,
       "the number of judgements without a rationale", "judgements that give no reason",
       "judgements with a blank `rationale`", 0),
    _b("has_sensitivity", P, "a sensitivity table was computed",
       "no sensitivity table was computed",
       "the ratio was recomputed under changed assumptions",
       "`compute_sensitivity` gives at least one ratio; computed only at the tiers whose "
       "rules name a sensitivity fact", True, "sensitivity"),
    _n("ratio", "sensitivity_min_ratio", P, "the lowest ratio under sensitivity",
       "the lowest SROI ratio in the sensitivity table", "minimum of the rows' ratios; 0 when "
       "not computed", 1.2, "sensitivity"),
    _b("sensitivity_stays_above_one", P, "the ratio stays above 1 under every sensitivity",
       "the ratio falls to 1 or below under some sensitivity",
       "every sensitivity row keeps the ratio above 1:1", "all rows' ratios > 1; false when not "
       "computed", True, "sensitivity"),
    _b("has_sensitivity_judgement", P, "a judgement explains the sensitivity",
       "no judgement explains the sensitivity", "a judgement discusses sensitivity",
       "a judgement's topic or text mentions sensitivity or a switching value", False),
)

_STAKEHOLDER_PROFILE = (
    _n("count", "stakeholder_count", P, "the number of stakeholder groups", "groups listed",
       "length of `stakeholders`", 5),
    _n("count", "negative_stakeholder_count", P, "the number of negatively affected groups",
       "groups expected to lose something", "stakeholders with `effect` negative or mixed", 1),
    _n("count", "involved_in_valuation_count", P, "the number of groups involved in valuation",
       "groups who helped value outcomes", "stakeholders with `valuation` in their stages", 2),
    _n("count", "involved_in_verification_count", P,
       "the number of groups involved in verification", "groups who help verify the results",
       "stakeholders with `verification` in their stages", 1),
    _n("count", "objectives_set_with_count", P, "the number of groups who set the objectives",
       "stakeholders who helped set the objectives", "distinct ids in `need.objectives_set_with`",
       3),
    _n("count", "public_bodies_count", P, "the number of public bodies named",
       "public bodies whose budgets or outcomes the service touches",
       "distinct non-blank names in `service.public_bodies`", 2),
    _n("count", "decommissioning_stakeholder_count", P,
       "the number of groups named as affected by decommissioning",
       "groups who would lose from stopping today's service",
       "length of `decommissioning.stakeholders_affected`", 2),
)

_VFM = (
    _b("vfm_economy_argued", P, "economy is argued", "economy is not argued",
       "the case on spending less", "`vfm.economy` has at least `min_argument_words` words",
       True),
    _b("vfm_efficiency_argued", P, "efficiency is argued", "efficiency is not argued",
       "the case on spending well", "`vfm.efficiency` has at least `min_argument_words` words",
       True),
    _b("vfm_effectiveness_argued", P, "effectiveness is argued", "effectiveness is not argued",
       "the case on spending wisely",
       "`vfm.effectiveness` has at least `min_argument_words` words", True),
    _b("vfm_equity_argued", P, "equity is argued", "equity is not argued",
       "the case on spending fairly", "`vfm.equity` has at least `min_argument_words` words",
       True),
    _n("count", "vfm_es_argued", P, "the number of the four Es argued",
       "how many of economy, efficiency, effectiveness and equity are argued",
       "count of the four `vfm_*_argued` facts that are true", 4),
    _t("vfm_es_missing", P, "the Es not argued, in words",
       "e.g. 'efficiency and equity'; 'none' when all four are argued", "none"),
    _n("count", "objectives_count", P, "the number of objectives", "objectives stated",
       "non-blank items of `need.objectives`", 3),
    _b("need_has_evidence", P, "the need is evidenced", "the need has no evidence",
       "evidence of need is given", "`need.evidence` has at least `min_argument_words` words",
       True),
    _n("count", "option_count", P, "the number of options appraised", "options appraised",
       "length of `need.options`", 3),
    _b("has_minimum_option", P, "a do-minimum option is appraised",
       "no do-minimum option is appraised", "options include doing the minimum or nothing",
       "an option's name or description says do the minimum, do nothing, no change, status "
       "quo or business as usual", True),
    _n("money", "volunteer_time_value", P, "the value of volunteer time",
       "volunteer time counted as an input", "value account investment of type volunteer_time",
       80000),
    _n("money", "in_kind_value", P, "the value of in-kind input", "in-kind input counted",
       "value account investment of type in_kind", 9000),
    _b("volunteers_mentioned", P, "the case relies on volunteers",
       "the case does not mention volunteers", "volunteers are part of the service",
       "'volunteer' appears in the summary, service description, the four Es, stakeholder "
       "names or input descriptions", True),
    _n("count", "savings_count", P, "the number of savings", "savings to public bodies listed",
       "length of `savings`", 3),
    _n("money", "cashable_savings_total", P, "the cashable savings",
       "real changes in money over the savings' years", "value account `cashable_total`",
       90000),
    _n("money", "non_cashable_savings_total", P, "the non-cashable savings",
       "freed capacity and other savings that are not money", "value account "
       "`non_cashable_total`", 138000),
    _n("count", "other_body_savings_count", P,
       "the number of savings to other public bodies",
       "savings to bodies other than the commissioner",
       "savings whose `body` differs from `commissioner` (ignoring case)", 1),
    _b("has_pbr", P, "payment by results is proposed", "no payment by results is proposed",
       "part of the payment depends on results",
       "`contract.payment_by_results` is an object with `share` > 0", True),
    _n("share", "pbr_share", P, "the payment-by-results share",
       "the part of payment that depends on results", "`payment_by_results.share`; 0 when none",
       0.15),
    _n("count", "pbr_measure_count", P, "the number of payment-by-results measures",
       "outcome measures payment depends on", "non-blank `payment_by_results.outcome_measures`",
       2),
    _n("count", "pbr_evidence_words", P, "the words of payment-by-results evidence",
       "how much evidence is given that the measures follow from the service",
       "word count of `payment_by_results.evidence`", 30),
    _b("pbr_has_safeguards", P, "safeguards against cherry-picking are given",
       "no safeguards against cherry-picking are given",
       "how creaming and parking are avoided",
       "`payment_by_results.safeguards` has at least `min_argument_words` words", True),
    _n("count", "monitoring_indicator_count", P, "the number of monitoring indicators",
       "indicators monitored", "non-blank `monitoring.indicators`", 3),
    _e("verification", P, "the verification", ("none", "internal", "independent", "unknown"),
       "how results are verified", "`monitoring.verification`; `unknown` when null",
       "internal"),
    _b("has_learning", P, "results feed review and learning",
       "nothing says how results feed review", "how results feed review",
       "`monitoring.learning` has at least `min_argument_words` words", True),
    _b("current_cost_known", P, "today's cost is given", "today's cost is not given",
       "what the service costs today (challenge)",
       "`service.current_annual_cost` is a number", True),
    _n("money", "current_annual_cost", P, "today's annual cost", "what the service costs today",
       "`service.current_annual_cost`; 0 when null", 240000),
    _b("decommissioning_value_stated", P, "the value at risk from decommissioning is stated",
       "the value at risk from decommissioning is not stated",
       "what stopping today's service could destroy",
       "`decommissioning.value_at_risk` has at least `min_argument_words` words", True),
    _b("decommissioning_mitigation_stated", P, "the decommissioning mitigation is stated",
       "no decommissioning mitigation is stated", "how the value at risk is protected",
       "`decommissioning.mitigation` has at least `min_argument_words` words", True),
    _b("gap_stated", P, "the gap is stated", "the gap is not stated",
       "whether the proposed service is missing or fragmented", "`service.gap` is given", True),
    _n("count", "equalities_group_count", P, "the number of equalities groups considered",
       "protected characteristics considered", "length of `equalities.groups_considered`", 3),
    _b("equalities_assessed", P, "an equalities assessment is given",
       "no equalities assessment is given", "the effect on equalities is assessed",
       "`equalities.assessment` has at least `min_argument_words` words", True),
)

_STAKEHOLDER = (
    _t("stakeholder_name", S, "the group's name", "`name`, else `id`", "Young carers"),
    _e("stakeholder_effect", S, "the group's expected change",
       ("positive", "negative", "mixed", "none", "unknown"), "the change the group experiences",
       "`effect`; `unknown` when null", "positive"),
    _b("stakeholder_material", S, "the group is material", "the group is not marked material",
       "included in the analysis as material", "`material` is true", True),
    _b("stakeholder_excluded", S, "the group is excluded as not material",
       "the group is not excluded", "left out of the analysis as not material",
       "`material` is false (not null)", False),
    _b("stakeholder_has_materiality_reason", S, "the materiality judgement has a reason",
       "the materiality judgement has no reason", "why the group is or is not material",
       "`materiality_reason` has at least `min_argument_words` words", True),
    _n("count", "stakeholder_size", S, "the group's size", "how many people or organisations",
       "`size`; 0 when null", 400),
    _b("stakeholder_size_known", S, "the group's size is given", "the group's size is not given",
       "whether the size is stated", "`size` is a number", True),
    _n("count", "stakeholder_subgroup_count", S, "the number of sub-groups",
       "distinct sub-groups that experience different change", "non-blank `subgroups`", 2),
    _n("count", "stakeholder_people_involved", S, "the number of people involved",
       "how many of the group were involved", "`involvement.people`; 0 when null", 20),
    _n("count", "stakeholder_method_count", S, "the number of involvement methods",
       "how they were involved", "length of `involvement.methods`", 1),
    _b("stakeholder_involved", S, "the group was involved", "the group was never involved",
       "the group took part in the analysis",
       "`involvement.people` > 0 and at least one method", True),
    _b("stakeholder_involved_beyond_scoping", S, "the group was involved beyond scoping",
       "the group was involved only at scoping, if at all",
       "involvement in outcomes, valuation or verification",
       "`involvement.stages` has a stage other than scoping", True),
    _n("count", "stakeholder_outcome_count", S, "the number of the group's outcomes",
       "outcomes the group experiences", "outcomes whose `stakeholder` is this group", 1),
)

_OUTCOME = (
    _t("outcome_name", O, "the outcome's id", "`id`", "less-isolated"),
    _t("outcome_stakeholder_name", O, "the name of the group experiencing the outcome",
       "the linked stakeholder's `name`, else the id", "Young carers"),
    _b("outcome_negative", O, "the outcome is negative", "the outcome is positive",
       "value destroyed", "`negative` is true", False),
    _b("outcome_has_indicator", O, "the outcome has an indicator",
       "the outcome has no indicator", "how the change is measured", "`indicator` is not blank",
       True),
    _b("outcome_valued", O, "the outcome is valued", "the outcome is not valued",
       "the outcome is quantified and has a proxy value",
       "`quantity` > 0 and `proxy.value` > 0", True),
    _b("outcome_has_proxy_source", O, "the proxy has a source", "the proxy has no source",
       "where the financial proxy comes from", "`proxy.source` is not blank", True),
    _b("outcome_proxy_agreed", O, "the proxy was agreed with stakeholders",
       "the proxy was not agreed with stakeholders", "stakeholders agreed the proxy",
       "`proxy.agreed_with_stakeholders` is true", True),
    _n("share", "outcome_deadweight", O, "the outcome's deadweight",
       "share that would have happened anyway", "`deadweight`; 0 when null", 0.25),
    _n("share", "outcome_attribution", O, "the outcome's attribution",
       "share due to others' contributions", "`attribution`; 0 when null", 0.2),
    _n("share", "outcome_drop_off", O, "the outcome's drop-off",
       "yearly decline after the first year", "`drop_off`; 0 when null", 0.1),
    _n("number", "outcome_duration_years", O, "the outcome's duration in years",
       "how long the change lasts", "`duration_years`; 1 when null", 2),
    _b("outcome_stakeholder_involved", O, "the group experiencing it was involved",
       "the group experiencing it was never involved",
       "the stakeholder named by the outcome took part",
       "that stakeholder's `stakeholder_involved`; false when the outcome names none", True),
)
# fmt: on

FACTS: Mapping[str, FactSpec] = {
    spec.name: spec
    for spec in (
        *_CONTEXT,
        *_PROPORTIONALITY,
        *_STAKEHOLDER_PROFILE,
        *_VFM,
        *_STAKEHOLDER,
        *_OUTCOME,
    )
}


def facts_on(entity: str, *, include_text: bool = True) -> tuple[FactSpec, ...]:
    """The facts available on one entity, in vocabulary order."""
    return tuple(
        spec
        for spec in FACTS.values()
        if entity in spec.entities and (include_text or spec.type != "text")
    )


def baseline(entity: str) -> dict[str, object]:
    """Example values of every non-text fact on ``entity``: the base of a rule test case."""
    return {spec.name: spec.example for spec in facts_on(entity, include_text=False)}


def vocabulary_table() -> str:
    """The Markdown table of the vocabulary that docs/rules.md carries."""
    lines = [
        "| fact | type | on | meaning | how derived |",
        "|---|---|---|---|---|",
    ]
    for spec in FACTS.values():
        kind = spec.type + (f" ({', '.join(spec.values)})" if spec.values else "")
        lines.append(
            f"| `{spec.name}` | {kind} | {', '.join(spec.entities)} | {spec.meaning} "
            f"| {spec.derived} |"
        )
    return "\n".join(lines) + "\n"
