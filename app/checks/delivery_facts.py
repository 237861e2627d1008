"""Facts of how the service would be delivered and held to account: payment by results,
monitoring, today's service and its decommissioning, equalities and the expression of
interest (SI 2012/1313 Schedule 1)."""

from __future__ import annotations

from app.checks.case import Case
from app.checks.declare import PROPOSAL, TEXT_STATES, fact
from app.checks.fields import filled, is_number, listed, mappings
from app.checks.risk import staff_transfer
from app.checks.substance import CHARACTERISTIC_STEMS, CHARACTERISTICS, read, stem, substantive

STRONG_KINDS = ("published_study", "own_monitoring")


@fact("bool", PROPOSAL, "payment by results is proposed", "part of the payment depends on results",
      false="no payment by results is proposed", example=True)  # fmt: skip
def has_pbr(case: Case) -> bool:
    """`contract.payment_by_results.share` is above 0"""
    share = case.pbr.get("share")
    return is_number(share) and share > 0


@fact("share", PROPOSAL, "the payment-by-results share",
      "the part of payment that depends on results", example=0.15)  # fmt: skip
def pbr_share(case: Case) -> float:
    """`payment_by_results.share`; 0 when none"""
    share = case.pbr.get("share")
    return min(1, max(0, share)) if is_number(share) else 0


@fact("count", PROPOSAL, "the number of payment-by-results measures",
      "results payment depends on", example=2)  # fmt: skip
def pbr_measure_count(case: Case) -> int:
    """`payment_by_results.measures` with a description"""
    return sum(filled(m.get("description")) for m in mappings(case.pbr.get("measures")))


@fact("count", PROPOSAL, "the number of tariffs with no period",
      "measures paying a tariff without saying over what period the result is measured",
      example=0)  # fmt: skip
def pbr_tariff_without_period_count(case: Case) -> int:
    """measures with a `tariff` but no `period_months`"""
    return sum(
        is_number(m.get("tariff")) and not is_number(m.get("period_months"))
        for m in mappings(case.pbr.get("measures"))
    )


@fact("count", PROPOSAL, "the number of evidence items payment by results cites",
      "evidence that the measures follow from the service", example=1)  # fmt: skip
def pbr_evidence_cited(case: Case) -> int:
    """distinct evidence items with a figure and a source cited by
    `payment_by_results.evidence_ids` or a measure's `evidence_ids`"""
    return len(_pbr_evidence(case))


@fact("bool", PROPOSAL, "payment by results rests on very good evidence",
      "a published study or the provider's own monitoring of what gets results",
      false="payment by results does not rest on very good evidence", example=False)  # fmt: skip
def pbr_strong_evidence(case: Case) -> bool:
    """a cited evidence item with a figure and a source is a `published_study` or
    `own_monitoring`"""
    return any(item.get("kind") in STRONG_KINDS for item in _pbr_evidence(case))


def _pbr_evidence(case: Case) -> list[dict]:
    ids = list(listed(case.pbr.get("evidence_ids")))
    for measure in mappings(case.pbr.get("measures")):
        ids += listed(measure.get("evidence_ids"))
    unique = {id(item): item for item in case.cited(ids) if case.sourced(item)}
    return list(unique.values())


@fact("bool", PROPOSAL, "payment by results selects people by readiness",
      "who is eligible is chosen by how ready they are: creaming",
      false="payment by results does not select by readiness", example=False)  # fmt: skip
def pbr_selects_by_readiness(case: Case) -> bool:
    """`eligibility.who` is `selected` and `eligibility.basis` is `readiness`"""
    eligibility = _part(case.pbr, "eligibility")
    return eligibility.get("who") == "selected" and eligibility.get("basis") == "readiness"


@fact("bool", PROPOSAL, "who is eligible for payment by results is stated",
      "whether every referral counts or only some", false="nothing says who is eligible",
      example=True)  # fmt: skip
def pbr_eligibility_stated(case: Case) -> bool:
    """`eligibility.who` is `all_referrals` or `selected`"""
    return _part(case.pbr, "eligibility").get("who") in ("all_referrals", "selected")


@fact("bool", PROPOSAL, "safeguards against cherry-picking are given",
      "how creaming and parking are avoided",
      false="no safeguards against cherry-picking are given", example=True)  # fmt: skip
def pbr_has_safeguards(case: Case) -> bool:
    """`payment_by_results.safeguards` is given, or `weighting.harder_to_help` is true (a
    self-declared text is reported as self-declared)"""
    weighted = _part(case.pbr, "weighting").get("harder_to_help") is True
    return weighted or case.text_state("pbr_safeguards") != "missing"


@fact("count", PROPOSAL, "the number of monitoring indicators", "indicators monitored",
      example=3)  # fmt: skip
def monitoring_indicator_count(case: Case) -> int:
    """non-blank `monitoring.indicators`"""
    return sum(map(filled, listed(case.section("monitoring").get("indicators"))))


@fact("enum", PROPOSAL, "the verification", "how results are verified",
      values=("none", "internal", "independent", "unknown"), example="internal")  # fmt: skip
def verification(case: Case) -> str:
    """`monitoring.verification`; `unknown` when null"""
    found = case.section("monitoring").get("verification")
    return found if found in ("none", "internal", "independent") else "unknown"


@fact("bool", PROPOSAL, "results feed review and learning", "how results feed review",
      false="nothing says how results feed review", example=True)  # fmt: skip
def has_learning(case: Case) -> bool:
    """`monitoring.learning` is given (a self-declared text is reported as self-declared)"""
    return case.text_state("monitoring_learning") != "missing"


@fact("bool", PROPOSAL, "today's cost is given", "what the service costs today (challenge)",
      false="today's cost is not given", example=True)  # fmt: skip
def current_cost_known(case: Case) -> bool:
    """`service.current_annual_cost` is a number"""
    return is_number(case.service.get("current_annual_cost"))


@fact("bool", PROPOSAL, "the commissioner withheld today's cost",
      "the challenger asked for today's cost and the body withheld it, documented",
      false="today's cost was not withheld", example=False)  # fmt: skip
def current_cost_withheld(case: Case) -> bool:
    """`service.current_cost_withheld.withheld` is true and its `note` is not blank"""
    withheld = _part(case.service, "current_cost_withheld")
    return withheld.get("withheld") is True and filled(withheld.get("note"))


@fact("money", PROPOSAL, "today's annual cost", "what the service costs today", example=240000)
def current_annual_cost(case: Case) -> float:
    """`service.current_annual_cost`; 0 when null"""
    cost = case.service.get("current_annual_cost")
    return cost if is_number(cost) else 0


@fact("enum", PROPOSAL, "the gap", "whether the proposed service is missing or fragmented",
      values=("missing", "fragmented", "unknown"), example="unknown")  # fmt: skip
def service_gap(case: Case) -> str:
    """`service.gap`; `unknown` when null"""
    gap = case.service.get("gap")
    return gap if gap in ("missing", "fragmented") else "unknown"


@fact("enum", PROPOSAL, "the value at risk from decommissioning",
      "what stopping today's service could destroy", values=TEXT_STATES,
      example="evidenced")  # fmt: skip
def decommissioning_value(case: Case) -> str:
    """`decommissioning.value_at_risk` judged as a text; evidenced when it names a group or an
    outcome of the case, or gives a figure"""
    return case.text_state("decommissioning_value")


@fact("enum", PROPOSAL, "the decommissioning plan", "how the value at risk is protected",
      values=TEXT_STATES, example="evidenced")  # fmt: skip
def decommissioning_mitigation(case: Case) -> str:
    """`decommissioning.mitigation` judged as a text; evidenced when it names a group or an
    outcome of the case, or gives a figure"""
    return case.text_state("decommissioning_mitigation")


@fact("count", PROPOSAL, "the number of protected characteristics considered",
      "protected characteristics of the Equality Act 2010 considered", example=3)  # fmt: skip
def equalities_characteristic_count(case: Case) -> int:
    """distinct characteristics in `equalities.characteristics` with an effect other than
    unknown, and entries of `groups_considered` that name one"""
    return len(_characteristics(case))


def _characteristics(case: Case) -> set[str]:
    equalities = case.section("equalities")
    found = {
        c.get("characteristic")
        for c in mappings(equalities.get("characteristics"))
        if c.get("characteristic") in CHARACTERISTICS and c.get("effect") not in (None, "unknown")
    }
    for group in listed(equalities.get("groups_considered")):
        if isinstance(group, str):
            stems = {stem(word) for word in group.replace("_", " ").split()}
            found |= {key for key, named in CHARACTERISTIC_STEMS.items() if stems & named}
    return found


@fact("enum", PROPOSAL, "the equalities assessment", "the effect on equalities, in words",
      values=TEXT_STATES, example="evidenced")  # fmt: skip
def equalities_assessment(case: Case) -> str:
    """`equalities.assessment` judged as a text; evidenced when it names groups"""
    return case.text_state("equalities_assessment")


@fact("count", PROPOSAL, "the number of negative effects left unexplained",
      "protected characteristics affected negatively with no note of what is done",
      example=0)  # fmt: skip
def equalities_negative_unexplained_count(case: Case) -> int:
    """`equalities.characteristics` with `effect` negative and a blank `note`"""
    return sum(
        c.get("effect") == "negative" and not filled(c.get("note"))
        for c in mappings(case.section("equalities").get("characteristics"))
    )


@fact("enum", PROPOSAL, "the body's financial resources",
      "the financial resources of the body (SI 2012/1313 Sch. 1)", values=TEXT_STATES,
      example="evidenced")  # fmt: skip
def eoi_financial_resources(case: Case) -> str:
    """`expression_of_interest.financial_resources` judged as a text; evidenced with a
    figure"""
    return case.text_state("eoi_financial_resources")


@fact("enum", PROPOSAL, "the evidence of capability",
      "evidence the body can provide the service by the procurement (SI 2012/1313 Sch. 1)",
      values=TEXT_STATES, example="evidenced")  # fmt: skip
def eoi_capability(case: Case) -> str:
    """`expression_of_interest.capability_evidence` judged as a text"""
    return case.text_state("eoi_capability")


@fact("bool", PROPOSAL, "the body is led by the authority's staff",
      "a body of the authority's own employees", false="the body is not staff-led",
      example=False)  # fmt: skip
def eoi_staff_led(case: Case) -> bool:
    """`expression_of_interest.staff_led` is true"""
    return case.section("expression_of_interest").get("staff_led") is True


@fact("bool", PROPOSAL, "how other employees will be engaged is said",
      "for a staff-led body, how other affected employees will be engaged",
      false="nothing says how other employees will be engaged", example=False)  # fmt: skip
def eoi_employee_engagement_given(case: Case) -> bool:
    """`expression_of_interest.employee_engagement` says something (two or more different
    meaningful words)"""
    engagement = case.section("expression_of_interest").get("employee_engagement")
    return substantive(read(engagement))


@fact("bool", PROPOSAL, "staff would transfer", "a staff-led body, or staff moving under TUPE",
      false="no staff would transfer", example=False)  # fmt: skip
def staff_transfer_expected(case: Case) -> bool:
    """`staff_led` is true, or `tupe_and_pensions` describes a transfer"""
    return bool(staff_transfer(case))


@fact("count", PROPOSAL, "the number of consortium members missing their content",
      "members or sub-contractors without financial resources or capability evidence",
      example=0)  # fmt: skip
def eoi_consortium_incomplete_count(case: Case) -> int:
    """`expression_of_interest.consortium` entries with a blank `financial_resources` or
    `capability_evidence`"""
    consortium = case.section("expression_of_interest").get("consortium")
    return sum(
        not (filled(m.get("financial_resources")) and filled(m.get("capability_evidence")))
        for m in mappings(consortium)
    )


def _part(parent: dict, name: str) -> dict:
    value = parent.get(name)
    return value if isinstance(value, dict) else {}
