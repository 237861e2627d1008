"""The risk a case's document shows, beside the risk its proposer states.

A proposer rates their own risk. The document can show more, so a minimum is derived from it:

* high when payment by results is ``pbr_high_share`` (50%) of the contract or more (the
  seed: never all of a contract on results without very good evidence; NAO 2015), or when the
  SROI ratio is above the plausible maximum (the claims need checking before anything rests
  on them);
* medium when the service is for people who may be vulnerable, when staff would transfer (a
  staff-led body, or TUPE), or when the case gives no rating at all.

The tier follows the higher of the stated and the derived risk: a high one raises it a step.
Pure: it reads the case and its parameters and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.checks.catalogue import RISKS
from app.checks.fields import filled, is_number, listed
from app.checks.numbers import show_number

if TYPE_CHECKING:
    from app.checks.case import Case

VULNERABLE = re.compile(
    r"\b(vulnerable|safeguarding|young carers?|looked[- ]after|care leavers?|children in need|"
    r"child protection|children's social care|foster(?:ing| care)|frail\w*|dementia|"
    r"discharged? (?:from hospital|home)|hospital discharge|care homes?|home care|"
    r"disabled|disabilit(?:y|ies)|autis\w+|mental (?:ill[- ]?)?health|mental illness|"
    r"homeless(?:ness)?|rough sleep(?:ers|ing)|domestic abuse|refugees?|asylum|addiction|"
    r"substance misuse|ex-offenders?|prison leavers?|end of life|palliative)\b",
    re.IGNORECASE,
)
"""Words that say a service is for people who may be vulnerable."""
_NO_TRANSFER = re.compile(
    r"^\W*(?:n/?a\b|none\b|no\b|not applicable|nobody|there (?:is|are|will be) no)", re.IGNORECASE
)


@dataclass(frozen=True)
class Risk:
    """The stated risk (``unknown`` when none), the derived minimum and why."""

    stated: str
    derived: str
    reasons: tuple[str, ...]

    @property
    def effective(self) -> str:
        """The higher of the stated and the derived risk."""
        stated = self.stated if self.stated in RISKS else "low"
        return max(stated, self.derived, key=RISKS.index)

    @property
    def understated(self) -> bool:
        """Whether the proposer rated the risk below what the document shows."""
        return self.stated in RISKS and RISKS.index(self.derived) > RISKS.index(self.stated)

    def report(self) -> dict:
        """The report's ``risk`` object."""
        return {
            "stated": self.stated,
            "derived": self.derived,
            "effective": self.effective,
            "reasons": list(self.reasons),
        }


def assess_risk(case: Case) -> Risk:
    """The stated risk and the minimum the document shows, with a reason for each step."""
    stated = case.contract.get("risk")
    stated = stated if stated in RISKS else "unknown"
    found: list[tuple[str, str]] = []
    share = case.pbr.get("share")
    if is_number(share) and share >= case.params["pbr_high_share"]:
        found.append(("high", f"{show_number(share, 'share')} of payment depends on results"))
    ratio, most = case.account.sroi_ratio, case.params["plausible_max_ratio"]
    if ratio is not None and ratio > most:
        found.append(("high", f"the SROI ratio is above the plausible maximum of {most}:1"))
    vulnerable = _vulnerable(case)
    if vulnerable:
        found.append(("medium", f"the service is for people who may be vulnerable ({vulnerable})"))
    transfer = staff_transfer(case)
    if transfer:
        found.append(("medium", transfer))
    if stated == "unknown":
        found.append(("medium", "the case gives no risk rating"))
    derived = max((level for level, _ in found), key=RISKS.index, default="low")
    return Risk(stated, derived, tuple(reason for _, reason in found))


def _vulnerable(case: Case) -> str:
    """The words that show the service is for people who may be vulnerable: in the service's
    name or description, or the name or sub-groups of a group of people it serves."""
    texts = [case.service.get("name"), case.service.get("description")]
    for group in case.groups:
        serves = group.get("effect") in ("positive", "mixed", None)
        if group.get("type") in (None, "people") and serves:
            texts += [group.get("name"), *listed(group.get("subgroups"))]
    for text in texts:
        match = VULNERABLE.search(text) if isinstance(text, str) else None
        if match:
            return match.group().lower()
    return ""


def staff_transfer(case: Case) -> str:
    """Why staff would transfer, in words; empty when the document shows none."""
    eoi = case.section("expression_of_interest")
    if eoi.get("staff_led") is True:
        return "the body is led by the authority's own employees"
    tupe = eoi.get("tupe_and_pensions")
    if filled(tupe) and not _NO_TRANSFER.search(tupe):
        return "staff would transfer (TUPE and pensions)"
    return ""
