"""The names the checks share with the rest of the product: areas, severities, statuses, tiers.

One catalogue, imported by the rules loader, the report, the commands, the rules page, the
report templates (as the Jinja global ``check_catalogue``) and triage. An area, a severity or
a status is spelled here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    """One area of the check report: its key, its name for people and what it judges."""

    key: str
    name: str
    judges: str


AREA_LIST = (
    Area(
        "proportionality",
        "Proportionality",
        "the depth of analysis the case's value and risk call for",
    ),
    Area(
        "stakeholders",
        "Stakeholder coverage",
        "the people most affected, those who lose something, and how they were involved",
    ),
    Area(
        "vfm",
        "Value-for-money completeness",
        "the four Es, needs and options, full costs, savings, payment by results, monitoring "
        "and, for a challenge, today's service and the expression of interest",
    ),
    Area(
        "claims",
        "Claims and over-claiming",
        "whether the value claimed rests on evidence: deadweight and attribution, proxies, "
        "double counting, sensitivity and text that declares rather than shows",
    ),
)
AREAS = tuple(area.key for area in AREA_LIST)
"""Area keys in report order."""
AREA_NAMES = {area.key: area.name for area in AREA_LIST}
"""Area key -> its name for people."""

SEVERITIES = ("blocker", "major", "minor", "advice")
"""Severities, most severe first."""
SEVERITY_WEIGHTS = {"blocker": 40, "major": 15, "minor": 5, "advice": 0}
"""What each finding of a severity takes from its area's score of 100."""
SEVERITY_NAMES = {"blocker": "Blocker", "major": "Major", "minor": "Minor", "advice": "Advice"}

STATUSES = ("pass", "gaps", "fail")
STATUS_NAMES = {"pass": "Pass", "gaps": "Gaps", "fail": "Fail"}

KINDS = ("challenge", "propose")
"""The kinds of submission (a proposal document's ``kind``)."""
DECOMMISSIONING_KIND = "decommissioning"
"""The kind a rule names to apply to decommissioning assessments instead of submissions."""
TIERS = ("light", "standard", "full")
RISKS = ("low", "medium", "high")
"""Risk levels in order; a case's risk is ``unknown`` when it gives none."""


def area_status(severities: list[str]) -> str:
    """An area fails with a blocker, has gaps with a major or minor finding, else passes."""
    if "blocker" in severities:
        return "fail"
    if "major" in severities or "minor" in severities:
        return "gaps"
    return "pass"
