"""Facts of the case as a whole: its kind, its tier, its risk and its contract.

``kind`` and ``tier`` are on every entity, so that per-item rules can say where they apply.
"""

from __future__ import annotations

from app.checks.case import Case
from app.checks.catalogue import KINDS, RISKS, TIERS
from app.checks.declare import DECOMMISSIONING, EVERYWHERE, GROUP, PROPOSAL, fact
from app.checks.fields import is_number, listing


@fact("enum", EVERYWHERE, "the kind of submission", "right to challenge or right to propose",
      values=KINDS, example="challenge")  # fmt: skip
def kind(case: Case) -> str:
    """document `kind`"""
    return case.kind


@fact("enum", (*EVERYWHERE, *DECOMMISSIONING, *GROUP), "the tier",
      "the proportionate depth of analysis", values=TIERS, example="standard")  # fmt: skip
def tier(case: Case) -> str:
    """contract value against `tier_standard_from` and `tier_full_from`, one tier up when the
    higher of the stated and the derived risk is high; for a decommissioning assessment, the
    service's annual cost against the same thresholds"""
    return case.tier


@fact("enum", PROPOSAL, "the tier before the risk", "the tier from the contract value alone",
      values=TIERS, example="standard")  # fmt: skip
def tier_before_risk(case: Case) -> str:
    """as `tier`, without the risk step"""
    return case.tier_before_risk


@fact("bool", PROPOSAL, "the risk raises the tier", "a high risk moved the case up a tier",
      false="the risk does not raise the tier", example=False)  # fmt: skip
def tier_raised_by_risk(case: Case) -> bool:
    """the higher of `risk` and `derived_risk` is high and the value tier is not already full"""
    return case.tier != case.tier_before_risk


@fact("enum", PROPOSAL, "the stated risk", "the proposer's own risk rating",
      values=(*RISKS, "unknown"), example="medium")  # fmt: skip
def risk(case: Case) -> str:
    """`contract.risk`; `unknown` when null"""
    return case.risk.stated


@fact("enum", PROPOSAL, "the risk the document shows", "the least risk the document shows",
      values=RISKS, example="medium")  # fmt: skip
def derived_risk(case: Case) -> str:
    """high for payment by results of `pbr_high_share` or more, or a ratio above
    `plausible_max_ratio`; medium for services to people who may be vulnerable, staff
    transfer (a staff-led body or TUPE), or no rating; else low"""
    return case.risk.derived


@fact("bool", PROPOSAL, "the stated risk is below what the document shows",
      "the proposer rates the risk lower than the document shows",
      false="the stated risk is not below what the document shows", example=False)  # fmt: skip
def risk_understated(case: Case) -> bool:
    """`risk` is given and below `derived_risk`"""
    return case.risk.understated


@fact("text", PROPOSAL, "why the document shows that risk", "the reasons for `derived_risk`",
      example="the service is for people who may be vulnerable (young carers)")  # fmt: skip
def risk_reasons(case: Case) -> str:
    """the reasons found, in words; 'nothing in it raises the risk' when none"""
    return listing(case.risk.reasons, "nothing in it raises the risk")


@fact("money", PROPOSAL, "the total contract value", "V, the total contract value",
      example=630000)  # fmt: skip
def contract_value(case: Case) -> float:
    """`contract.annual_value` × `contract.duration_years`; 0 when either is missing"""
    return case.contract_value


@fact("bool", PROPOSAL, "the contract value is given", "annual value and duration are both given",
      false="the contract value is missing", example=True)  # fmt: skip
def contract_value_known(case: Case) -> bool:
    """both fields are numbers above 0"""
    annual = case.contract.get("annual_value")
    return is_number(annual) and annual > 0 and case.contract_years is not None


@fact("money", PROPOSAL, "the annual contract value", "the proposed annual cost",
      example=210000)  # fmt: skip
def annual_value(case: Case) -> float:
    """`contract.annual_value`; 0 when missing"""
    annual = case.contract.get("annual_value")
    return annual if is_number(annual) else 0


@fact("number", PROPOSAL, "the contract term in years", "how long the contract runs",
      example=3)  # fmt: skip
def contract_years(case: Case) -> float:
    """`contract.duration_years`; 0 when missing"""
    return case.contract_years or 0
