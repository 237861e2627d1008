"""Whole documents for the checks' tests: a filler case, and a sound case at each tier.

The filler is the £1.2m full-tier challenge written to say nothing: every text could stand in
any case. The sound cases are the examples, each with what a careful proposer would fix.
"""

from __future__ import annotations

import copy

from app.examples import load_example

FILLER = "We will deliver very good value."


def filler_challenge() -> dict:
    """A £1.2m challenge (£400,000 a year for three years) that declares instead of showing."""
    return {
        "format": "proposal/2",
        "kind": "challenge",
        "title": "Better community support for Anytown",
        "summary": FILLER,
        "commissioner": "Anytown Borough Council",
        "organisation": {"name": "Good Value Partners", "type": "social_enterprise"},
        "service": {
            "name": "Community support service",
            "description": "Support for residents who need it.",
            "current_provider": "Anytown Borough Council",
            "current_annual_cost": 450000,
            "gap": None,
            "public_bodies": ["Anytown Borough Council"],
        },
        "contract": {
            "annual_value": 400000,
            "duration_years": 3,
            "risk": "low",
            "payment_by_results": None,
        },
        "expression_of_interest": {
            "financial_resources": "We are financially strong.",
            "capability_evidence": FILLER,
            "consortium": [],
            "staff_led": False,
            "employee_engagement": None,
            "tupe_and_pensions": None,
        },
        "need": {
            "evidence": "There is a clear need.",
            "evidence_ids": [],
            "objectives": ["Deliver very good value"],
            "objectives_set_with": ["everyone"],
            "options": [
                {"id": "do-nothing", "name": "Do nothing", "chosen": False},
                {
                    "id": "our-proposal",
                    "name": "Our proposal",
                    "description": FILLER,
                    "kind": "proposal",
                    "chosen": True,
                    "annual_cost": 400000,
                },
            ],
        },
        "evidence": [],
        "stakeholders": [
            {
                "id": "everyone",
                "name": "Everyone",
                "type": "people",
                "size": 100000,
                "effect": "positive",
                "material": True,
                "materiality_reason": "Everyone benefits.",
                "involvement": {"methods": ["survey"], "people": 12, "stages": ["scoping"]},
            }
        ],
        "outcomes": [
            _outcome("better-lives", "Better lives", 0.01),
            _outcome("happier-people", "Happier people", None),
        ],
        "inputs": [
            {"description": "Contract payments", "type": "cash", "value": 1200000, "hours": None}
        ],
        "savings": [],
        "vfm": dict.fromkeys(("economy", "efficiency", "effectiveness", "equity"), FILLER),
        "monitoring": {
            "indicators": ["Satisfaction"],
            "frequency": "annually",
            "verification": "internal",
            "learning": "We will learn.",
        },
        "decommissioning": {
            "value_at_risk": "Nothing of value will be lost.",
            "stakeholders_affected": [],
            "mitigation": "Nothing of value will be lost.",
        },
        "equalities": {
            "groups_considered": ["everyone"],
            "characteristics": [],
            "assessment": "Everyone will benefit equally.",
        },
        "judgements": [],
        "discount_rate": 0.035,
    }


def _outcome(ident: str, description: str, deadweight: float | None) -> dict:
    return {
        "id": ident,
        "stakeholder": "everyone",
        "description": description,
        "negative": False,
        "indicator": "Satisfaction",
        "quantity": 1000,
        "duration_years": 3,
        "proxy": {
            "description": "Value of a better life",
            "value": 400,
            "source": "Our estimate",
            "agreed_with_stakeholders": False,
        },
        "deadweight": deadweight,
        "attribution": None,
        "displacement": None,
        "drop_off": None,
    }


def sound_light() -> dict:
    """The parish green spaces proposal, with each material group's change written down."""
    document = copy.deepcopy(load_example("propose-parish-green-spaces"))
    by_id = {group["id"]: group for group in document["stakeholders"]}
    by_id["parish-council"].update(
        material=False,
        materiality_reason="The parish council runs the service; its own change is the cost, "
        "which the inputs count, and a small saving of clerk time we leave out.",
    )
    document["outcomes"].append(
        {
            "id": "volunteers-connected",
            "stakeholder": "volunteers",
            "description": "Volunteers meet neighbours and feel part of the village",
            "negative": False,
            "indicator": "Volunteers saying they know more neighbours after a season",
        }
    )
    document["vfm"]["efficiency"] = (
        "One warden covers all three greens: about £4.50 per square metre a year, against "
        "£6 under the district's last grounds contract."
    )
    return document


def sound_standard() -> dict:
    """The young carers' challenge, with the schools' own change as an outcome."""
    document = copy.deepcopy(load_example("challenge-young-carers"))
    document["outcomes"].append(
        {
            "id": "schools-identify",
            "stakeholder": "schools",
            "description": "Schools identify young carers and know where to refer them",
            "negative": False,
            "indicator": "Schools with a named young carers lead and a referral in the year",
        }
    )
    return document


def sound_full() -> dict:
    """The young carers' challenge at £1.2m: the same service for four years at a larger scale,
    with what the full tier asks for besides (proxies agreed, independent verification)."""
    document = sound_standard()
    document["contract"]["duration_years"] = 4
    document["contract"]["annual_value"] = 300000
    return document


def with_changes(document: dict, **changes: object) -> dict:
    """A copy of ``document`` with top-level fields replaced."""
    return copy.deepcopy(document) | changes


def sound_standard_proposal() -> dict:
    """The parish green spaces proposal at £180,000 over three years: the standard tier."""
    document = sound_light()
    document["contract"].update(annual_value=60000, duration_years=3)
    return document
