"""Facts of the outcomes: counted on the proposal, and one fact per outcome.

Impact is judged outcome by outcome: an allowance for deadweight or attribution on one
outcome clears that outcome only.
"""

from __future__ import annotations

import re

from app.checks.case import Case, Item
from app.checks.declare import OUTCOME, PROPOSAL, fact
from app.checks.fields import filled, is_number, listed
from app.checks.substance import read, substantive

_JOBS_OR_CRIME = re.compile(
    r"\b(?:jobs?\b|employ|unemploy|work|careers?\b|apprentic|crimes?\b|criminal|offend|"
    r"re-?offend|anti-?social|burglar|theft|violen)",
    re.IGNORECASE,
)
"""Words (their beginnings) of an outcome about jobs or crime."""
STAKEHOLDER_TYPES = ("people", "organisation", "public_body", "society", "environment", "unknown")


@fact("count", PROPOSAL, "the number of outcomes", "outcomes listed", example=4)
def outcome_count(case: Case) -> int:
    """length of `outcomes`"""
    return len(case.outcomes)


@fact("count", PROPOSAL, "the number of outcomes with an indicator",
      "outcomes that say how the change is measured", example=4)  # fmt: skip
def outcomes_with_indicator_count(case: Case) -> int:
    """outcomes with a non-blank `indicator`"""
    return sum(filled(o.get("indicator")) for o in case.outcomes)


@fact("count", PROPOSAL, "the number of valued positive outcomes",
      "positive outcomes with a quantity and a proxy value", example=3)  # fmt: skip
def valued_outcome_count(case: Case) -> int:
    """outcomes not `negative` with `quantity` > 0 and `proxy.value` > 0"""
    pairs = zip(case.outcomes, case.valued, strict=True)
    return sum(valued and o.get("negative") is not True for o, valued in pairs)


@fact("text", OUTCOME, "the outcome as the case words it", "the outcome's description, quoted",
      example="“Young carers feel less isolated”")  # fmt: skip
def outcome_name(item: Item) -> str:
    """`description` quoted and shortened to a line, else 'N' (its place among the outcomes)"""
    return named_outcome(item.item, item.index)


def named_outcome(outcome: dict, index: int) -> str:
    """How a finding names an outcome: its description, quoted and kept to a line."""
    words = " ".join(str(outcome.get("description") or "").split())
    if not words:
        return str(index + 1)
    if len(words) > SHORT_NAME:
        words = words[:SHORT_NAME].rsplit(" ", 1)[0] + "…"
    return f"“{words}”"


SHORT_NAME = 80


@fact("text", OUTCOME, "the name of the group experiencing the outcome",
      "the name of the group experiencing the outcome", example="Young carers")  # fmt: skip
def outcome_stakeholder_name(item: Item) -> str:
    """the linked stakeholder's `name`, else its id; 'no stakeholder' when none"""
    group = item.group
    if not group:
        return "no stakeholder"
    return str(group.get("name") or group.get("id")).strip()


@fact("bool", OUTCOME, "the outcome is negative", "value destroyed",
      false="the outcome is positive", example=False)  # fmt: skip
def outcome_negative(item: Item) -> bool:
    """`negative` is true"""
    return item.item.get("negative") is True


@fact("bool", OUTCOME, "the outcome has an indicator", "how the change is measured",
      false="the outcome has no indicator", example=True)  # fmt: skip
def outcome_has_indicator(item: Item) -> bool:
    """`indicator` is not blank"""
    return filled(item.item.get("indicator"))


@fact("bool", OUTCOME, "the outcome is valued", "the outcome is quantified and has a proxy",
      false="the outcome is not valued", example=True)  # fmt: skip
def outcome_valued(item: Item) -> bool:
    """`quantity` > 0 and `proxy.value` > 0"""
    return item.valued


@fact("bool", OUTCOME, "the proxy has a source", "where the financial proxy comes from",
      false="the proxy has no source", example=True)  # fmt: skip
def outcome_has_proxy_source(item: Item) -> bool:
    """`proxy.source` or `proxy.library_id` is not blank"""
    return filled(item.proxy.get("source")) or filled(item.proxy.get("library_id"))


@fact("bool", OUTCOME, "the proxy was agreed with stakeholders", "stakeholders agreed the proxy",
      false="the proxy was not agreed with stakeholders", example=True)  # fmt: skip
def outcome_proxy_agreed(item: Item) -> bool:
    """`proxy.agreed_with_stakeholders` is true"""
    return item.proxy.get("agreed_with_stakeholders") is True


@fact("bool", OUTCOME, "why the proxy was not agreed is written down",
      "the reason a proxy was not agreed with the stakeholder",
      false="nothing says why the proxy was not agreed", example=False)  # fmt: skip
def outcome_not_agreed_explained(item: Item) -> bool:
    """`proxy.not_agreed_reason` says something (two or more different meaningful words, no
    repetition), or a judgement names the outcome or its group and speaks of agreeing,
    declining or refusing; false when the proxy was agreed"""
    if item.proxy.get("agreed_with_stakeholders") is True:
        return False
    if substantive(read(item.proxy.get("not_agreed_reason"))):
        return True
    group = item.group or {}
    names = {item.item.get("id"), item.item.get("stakeholder"), group.get("name")}
    names = {n.casefold() for n in names if filled(n)}
    return any(
        agrees and any(name in text for name in names) for text, agrees in item.case.judgement_texts
    )


@fact("enum", OUTCOME, "the type of the group experiencing it",
      "people, an organisation, a public body, society or the environment",
      values=STAKEHOLDER_TYPES, example="people")  # fmt: skip
def outcome_stakeholder_type(item: Item) -> str:
    """the linked stakeholder's `type`; `unknown` when none"""
    found = (item.group or {}).get("type")
    return found if found in STAKEHOLDER_TYPES else "unknown"


@fact("share", OUTCOME, "the outcome's deadweight", "share that would have happened anyway",
      example=0.25)  # fmt: skip
def outcome_deadweight(item: Item) -> float:
    """`deadweight`; 0 when null"""
    return _share(item.item.get("deadweight"))


@fact("share", OUTCOME, "the outcome's attribution", "share due to others' contributions",
      example=0.2)  # fmt: skip
def outcome_attribution(item: Item) -> float:
    """`attribution`; 0 when null"""
    return _share(item.item.get("attribution"))


@fact("bool", OUTCOME, "the outcome allows for deadweight or attribution",
      "what would have happened anyway or others' contributions are allowed for",
      false="the outcome allows for neither deadweight nor attribution", example=True)  # fmt: skip
def outcome_impact_allowed(item: Item) -> bool:
    """`deadweight` or `attribution` above 0, or evidence cited (`evidence.deadweight` or
    `evidence.attribution`) for setting them at 0"""
    if _share(item.item.get("deadweight")) > 0 or _share(item.item.get("attribution")) > 0:
        return True
    evidence = item.part("evidence")
    return bool(
        item.case.cited(evidence.get("deadweight")) or item.case.cited(evidence.get("attribution"))
    )


@fact("bool", OUTCOME, "the outcome is about jobs or crime",
      "a change in employment or offending, where displacement is likely",
      false="the outcome is not about jobs or crime", example=False)  # fmt: skip
def outcome_jobs_or_crime(item: Item) -> bool:
    """the outcome's id, description or indicator speaks of jobs, employment, work, crime or
    offending"""
    parts = (item.item.get(k) for k in ("id", "description", "indicator"))
    return any(_JOBS_OR_CRIME.search(part) for part in parts if isinstance(part, str))


@fact("bool", OUTCOME, "displacement is stated", "how much value the outcome moves from elsewhere",
      false="displacement is not stated", example=True)  # fmt: skip
def outcome_displacement_stated(item: Item) -> bool:
    """`displacement` is a number (0 included)"""
    return is_number(item.item.get("displacement"))


@fact("share", OUTCOME, "the outcome's drop-off", "yearly decline after the first year",
      example=0.1)  # fmt: skip
def outcome_drop_off(item: Item) -> float:
    """`drop_off`; 0 when null"""
    return _share(item.item.get("drop_off"))


@fact("number", OUTCOME, "the outcome's duration in years", "how long the change lasts",
      example=2)  # fmt: skip
def outcome_duration_years(item: Item) -> float:
    """`duration_years`; 1 when null"""
    years = item.item.get("duration_years")
    return years if is_number(years) else 1


@fact("bool", OUTCOME, "the outcome lasts beyond the contract",
      "the change is claimed to last longer than the contract runs",
      false="the outcome ends with the contract", example=False)  # fmt: skip
def outcome_beyond_term(item: Item) -> bool:
    """`duration_years` is above `contract.duration_years`"""
    years, term = item.item.get("duration_years"), item.case.contract_years
    return is_number(years) and term is not None and years > term


@fact("bool", OUTCOME, "why the outcome outlasts the contract is given",
      "the reason the change lasts beyond the contract",
      false="nothing says why the outcome outlasts the contract", example=False)  # fmt: skip
def outcome_has_duration_reason(item: Item) -> bool:
    """`duration_reason` says something (two or more different meaningful words)"""
    return substantive(read(item.item.get("duration_reason")))


@fact("bool", OUTCOME, "the group experiencing it was involved",
      "the stakeholder named by the outcome took part",
      false="the group experiencing it was never involved", example=True)  # fmt: skip
def outcome_stakeholder_involved(item: Item) -> bool:
    """the linked stakeholder was involved (people > 0 and a method); false when none"""
    group = item.group
    return bool(group) and involved(group)


@fact("bool", OUTCOME, "the group experiencing it is excluded as not material",
      "the outcome's group is marked not material",
      false="the group experiencing it is not excluded", example=False)  # fmt: skip
def outcome_stakeholder_excluded(item: Item) -> bool:
    """the linked stakeholder's `material` is false"""
    return (item.group or {}).get("material") is False


@fact("bool", OUTCOME, "value is claimed along the outcome's chain",
      "the outcome is valued and so is an outcome further down its chain",
      false="no value is claimed twice along its chain", example=False)  # fmt: skip
def outcome_valued_along_chain(item: Item) -> bool:
    """`chain_double_counting` lists the outcome: it carries a proxy value and an outcome it
    leads to (following `leads_to`) carries one too"""
    return item.item.get("id") in item.case.valued_along_chain


@fact("bool", OUTCOME, "the quantity cites evidence", "the number experiencing it is evidenced",
      false="the quantity cites no evidence", example=True)  # fmt: skip
def outcome_quantity_evidenced(item: Item) -> bool:
    """`evidence.quantity` cites an evidence item of the case"""
    return bool(item.case.cited(item.part("evidence").get("quantity")))


def involved(group: dict) -> bool:
    """Whether a group took part: people involved and at least one method."""
    involvement = group.get("involvement") if isinstance(group.get("involvement"), dict) else {}
    people = involvement.get("people")
    return is_number(people) and people > 0 and bool(listed(involvement.get("methods")))


def _share(value: object) -> float:
    return min(1, max(0, value)) if is_number(value) else 0
