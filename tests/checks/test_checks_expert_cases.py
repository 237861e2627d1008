"""Cases with an expert's expectations, written down before the checks were run.

Each test starts from a sound case (tests/checks/cases.py) and changes what an experienced
commissioner would look at. Its docstring says what that commissioner expects: which
findings, at which severity, and which findings must not appear (a gap reported twice, or
honest reporting punished).
"""

from __future__ import annotations

from app.checks.rulebook import check_document
from app.proposals.document import validate_document

from .cases import sound_full, sound_light, sound_standard, sound_standard_proposal


def check(rulebook, document: dict) -> dict:
    assert validate_document(document) == [], [e.as_dict() for e in validate_document(document)]
    return check_document(rulebook, document)


def found(report: dict) -> dict[str, list[dict]]:
    """Rule id -> its findings."""
    by_rule: dict[str, list[dict]] = {}
    for finding in report["findings"]:
        by_rule.setdefault(finding["rule"], []).append(finding)
    return by_rule


def outcome_at(document: dict, ident: str) -> int:
    return next(i for i, o in enumerate(document["outcomes"]) if o["id"] == ident)


def test_honest_reporting_is_never_punished(rulebook) -> None:
    """A £1.2m challenge whose author reports honestly. The council withheld today's cost and
    the author documented it; two small charities that lose a grant are excluded as immaterial
    with a reason; the council met the author but declined to put a value on its own loss (a
    harm that lasts ten years, with no drop-off), and the proxy says so. Expected: advice on
    the withheld cost and a transparency gap flagged against the body; no blocker and no major
    at all."""
    document = sound_full()
    document["service"]["current_annual_cost"] = None
    document["service"]["current_cost_withheld"] = {
        "withheld": True,
        "note": "Asked the council on 3 March 2025; it declined, citing commercial confidence.",
    }
    document["stakeholders"].append(
        {
            "id": "grant-charities",
            "name": "Two charities funded by today's service",
            "type": "organisation",
            "size": 2,
            "effect": "negative",
            "material": False,
            "materiality_reason": "Each loses a grant of under 2% of its income; both said "
            "they would carry on without it.",
            "involvement": {"methods": [], "people": 0, "stages": []},
        }
    )
    document["stakeholders"].append(
        {
            "id": "council",
            "name": "Anytown Borough Council",
            "type": "public_body",
            "public_body": "Anytown Borough Council",
            "size": 1,
            "effect": "negative",
            "material": True,
            "materiality_reason": "Loses the in-house service and the staff who run it.",
            "involvement": {"methods": ["interview"], "people": 2, "stages": ["scoping"]},
        }
    )
    document["decommissioning"]["stakeholders_affected"].append("council")
    document["outcomes"].append(
        {
            "id": "council-loses-expertise",
            "stakeholder": "council",
            "description": "The council loses in-house expertise in young carers' support",
            "negative": True,
            "indicator": "Specialist posts the council no longer holds",
            "quantity": 1,
            "duration_years": 10,
            "proxy": {
                "description": "Cost of buying the expertise back as consultancy",
                "value": 500,
                "source": "Council procurement rates, 2024",
                "agreed_with_stakeholders": False,
                "not_agreed_reason": "The council declined to discuss the value of its own "
                "loss while the challenge is open.",
            },
            "deadweight": 0.0,
            "attribution": 0.0,
            "displacement": 0.0,
            "drop_off": 0.0,
        }
    )
    report = check(rulebook, document)
    rules = found(report)
    assert "vfm.current-cost-withheld" in rules
    assert rules["vfm.current-cost-withheld"][0]["severity"] == "advice"
    assert "vfm.current-cost-unknown" not in rules
    assert report["flags"]["transparency_gap"] is True
    assert "stakeholders.negative-not-involved" not in rules
    assert "claims.long-claim-without-drop-off" not in rules
    assert "proportionality.proxy-not-agreed" not in rules
    council_outcome = f"/outcomes/{outcome_at(document, 'council-loses-expertise')}"
    assert all(
        not f["path"].startswith(council_outcome)
        for f in rules.get("proportionality.proxy-not-agreed-explained", [])
    )
    assert {f["severity"] for f in report["findings"]} <= {"minor", "advice"}, rules.keys()


def test_impact_is_allowed_for_outcome_by_outcome(rulebook) -> None:
    """A standard challenge allows 1% deadweight on one outcome and nothing on another, adds
    volunteers finding paid work with no word on displacement, and discounts at 1% with no
    reason. Expected: a blocker on the outcome with no allowance only (the 1% clears its own
    outcome, not the other); a major asking for displacement on the jobs outcome; a major on
    the discount rate. A health and wellbeing case at 1.5% needs no reason."""
    document = sound_standard()
    isolated = outcome_at(document, "less-isolated")
    attendance = outcome_at(document, "attendance")
    document["outcomes"][isolated].update(deadweight=0.01, attribution=0.0)
    document["outcomes"][isolated]["evidence"] = {}
    document["outcomes"][attendance].update(deadweight=None, attribution=None)
    document["outcomes"][attendance]["evidence"] = {}
    document["outcomes"].append(
        {
            "id": "volunteers-into-work",
            "stakeholder": "volunteers",
            "description": "Volunteers move into paid employment",
            "negative": False,
            "indicator": "Volunteers in paid work six months after leaving",
            "quantity": 5,
            "duration_years": 2,
            "proxy": {"description": "Net earnings gain", "value": 6000, "source": "ONS ASHE"},
            "deadweight": 0.3,
            "attribution": 0.3,
            "drop_off": 0.2,
        }
    )
    document["discount_rate"] = 0.01
    report = check(rulebook, document)
    rules = found(report)
    assert [f["path"] for f in rules["claims.no-deadweight-or-attribution"]] == [
        f"/outcomes/{attendance}"
    ]
    assert rules["claims.no-deadweight-or-attribution"][0]["severity"] == "blocker"
    jobs = len(document["outcomes"]) - 1
    assert [f["path"] for f in rules["claims.displacement-not-considered"]] == [
        f"/outcomes/{jobs}/displacement"
    ]
    assert rules["claims.displacement-not-considered"][0]["severity"] == "major"
    assert rules["claims.discount-rate-unexplained"][0]["severity"] == "major"

    document["discount_rate"] = 0.015  # the outcomes value wellbeing
    assert "claims.discount-rate-unexplained" not in found(check(rulebook, document))
    document["discount_rate"] = 0.01
    document["discount_rate_reason"] = "The board's own rate for long-lived community assets."
    assert "claims.discount-rate-unexplained" not in found(check(rulebook, document))


def test_value_counted_twice_or_wrongly_is_found(rulebook) -> None:
    """A standard challenge that counts value twice: a saving to the NHS trust linked to an
    outcome the trust experiences and valued with a fiscal proxy; a benefit (a transfer)
    valued as an outcome; identification valued as well as the coping it leads to; volunteer
    hours at £0; a saving for five years and an outcome for five on a three-year contract,
    with no reason. Expected: one finding for each, in claims (the volunteer hours in value
    for money), and the general 'volunteers not costed' rule not repeating the hours one."""
    document = sound_standard()
    document["stakeholders"].append(
        {
            "id": "trust",
            "name": "Anytown NHS Foundation Trust (A&E)",
            "type": "public_body",
            "public_body": "Anytown NHS Foundation Trust",
            "size": 1,
            "effect": "positive",
            "material": True,
            "materiality_reason": "Fewer A&E visits by young carers in crisis free its staff.",
            "involvement": {"methods": ["interview"], "people": 2, "stages": ["outcomes"]},
        }
    )
    document["outcomes"].append(
        {
            "id": "fewer-ae-visits",
            "stakeholder": "trust",
            "description": "Fewer A&E visits by young carers in crisis",
            "negative": False,
            "indicator": "A&E attendances of supported young carers",
            "quantity": 40,
            "duration_years": 1,
            "proxy": {
                "description": "Cost of an A&E attendance",
                "value": 150,
                "source": "NHS reference costs",
                "kind": "fiscal",
            },
            "deadweight": 0.2,
            "attribution": 0.3,
            "displacement": 0.0,
            "drop_off": 0.0,
        }
    )
    document["savings"] += [
        {
            "body": "Anytown NHS Foundation Trust",
            "description": "A&E visits avoided",
            "annual_value": 6000,
            "cashable": False,
            "outcome": "fewer-ae-visits",
            "years": 3,
        },
        {
            "body": "Department for Work and Pensions",
            "description": "Carer's Allowance claimed by parents",
            "annual_value": 4000,
            "cashable": True,
            "transfer": True,
            "outcome": "parents-less-anxious",
            "years": 5,
        },
    ]
    identified = outcome_at(document, "identified-earlier")
    document["outcomes"][identified]["proxy"] = {
        "description": "Value of being identified",
        "value": 300,
        "source": "Our pilot",
    }
    document["outcomes"][identified].update(deadweight=0.2, attribution=0.1)
    attendance = outcome_at(document, "attendance")
    document["outcomes"][attendance]["duration_years"] = 5
    volunteers = next(i for i in document["inputs"] if i["type"] == "volunteer_time")
    volunteers["value"] = 0
    report = check(rulebook, document)
    rules = found(report)
    assert "(fewer-ae-visits)" in rules["claims.saving-counted-as-outcome"][0]["message"]
    assert "claims.transfer-counted-in-value" in rules
    assert [f["path"] for f in rules["claims.value-along-chain"]] == [
        f"/outcomes/{identified}/proxy/value"
    ]
    assert "vfm.volunteer-hours-at-zero" in rules
    assert "vfm.volunteer-time-not-costed" not in rules
    assert "claims.savings-beyond-term" in rules
    assert [f["path"] for f in rules["claims.outcome-beyond-term"]] == [
        f"/outcomes/{attendance}/duration_years"
    ]


def test_risk_is_read_from_the_document_not_only_rated(rulebook) -> None:
    """A £630,000 challenge rated low risk, paid 60% on results, that takes only the young
    carers it judges ready and pays one tariff with no period. Expected: the document shows a
    high risk (payment by results at half or more; and young carers, and staff transfer, show
    at least medium), so the case is held to the full tier with a minor saying why; creaming
    is a blocker; the tariff with no period a major. The pilot data it cites is its own
    monitoring, so the high share itself is not questioned."""
    document = sound_standard()
    document["contract"]["risk"] = "low"
    pbr = document["contract"]["payment_by_results"]
    pbr["share"] = 0.6
    pbr["eligibility"] = {
        "who": "selected",
        "selected_by": "Our caseworkers",
        "basis": "readiness",
        "description": "We take those ready to engage.",
    }
    pbr["measures"][0].pop("period_months")
    report = check(rulebook, document)
    rules = found(report)
    assert report["tier"] == "full"
    assert report["risk"]["stated"] == "low" and report["risk"]["derived"] == "high"
    assert any("payment depends on results" in r for r in report["risk"]["reasons"])
    assert any("young carers" in r for r in report["risk"]["reasons"])
    understated = rules["proportionality.risk-understated"][0]
    assert understated["severity"] == "minor" and "held to the full tier" in understated["message"]
    assert "proportionality.tier-raised-by-risk" not in rules
    assert rules["vfm.pbr-creaming"][0]["severity"] == "blocker"
    assert rules["vfm.pbr-tariff-without-period"][0]["severity"] == "major"
    assert "vfm.pbr-high-share" not in rules


def test_a_fragmented_service_names_the_bodies_it_is_split_between(rulebook) -> None:
    """A proposal to join up a service fragmented across public bodies names one body and no
    savings. Expected: one major saying so, and neither the 'no public bodies' minor nor the
    'no savings' advice repeating it."""
    document = sound_light()
    document["service"]["gap"] = "fragmented"
    document["service"]["public_bodies"] = ["Harborough District Council"]
    document["savings"] = []
    rules = found(check(rulebook, document))
    assert rules["vfm.fragmented-without-bodies"][0]["severity"] == "major"
    assert "stakeholders.no-public-bodies" not in rules
    assert "vfm.no-savings" not in rules


def test_value_for_a_group_marked_not_material_is_over_claimed(rulebook) -> None:
    """The volunteers are marked not material, with a reason, yet their new skills are
    valued. Expected: one major in claims on that outcome; not also 'value for a group never
    involved'."""
    document = sound_standard()
    volunteers = next(g for g in document["stakeholders"] if g["id"] == "volunteers")
    volunteers.update(material=False, materiality_reason="Their change is small beside others.")
    rules = found(check(rulebook, document))
    skills = outcome_at(document, "volunteer-skills")
    assert [f["path"] for f in rules["claims.value-for-excluded-group"]] == [f"/outcomes/{skills}"]
    assert "claims.value-for-uninvolved-group" not in rules


def test_sensitivity_is_required_at_the_standard_tier_below_one_and_a_half(rulebook) -> None:
    """A standard-tier proposal whose ratio is 1.04:1 falls below 1:1 when its proxies are cut
    by a quarter. Expected: a major naming the lowest ratio and the switching value of the
    outcome it rests on; a judgement that mentions sensitivity does not silence it; the
    report carries the switching values."""
    document = sound_standard_proposal()
    document["judgements"].append(
        {
            "topic": "Sensitivity and switching values",
            "judgement": "We have considered the sensitivity of the ratio.",
            "rationale": "The switching value is close but we are confident.",
        }
    )
    report = check(rulebook, document)
    finding = found(report)["claims.sensitivity-below-one"][0]
    assert finding["severity"] == "major"
    assert "falls to 0.78:1" in finding["message"] and "a unit, against £95" in finding["message"]
    assert report["sensitivity"]["switching"][0]["switching_proxy"] > 0


def test_groups_that_lose_are_the_groups_decommissioning_names(rulebook) -> None:
    """A challenge shows council staff as losing something but leaves them out of the groups
    decommissioning affects. Expected: one major naming them."""
    document = sound_standard()
    document["decommissioning"]["stakeholders_affected"] = ["young-carers"]
    finding = found(check(rulebook, document))["stakeholders.decommissioning-not-reconciled"][0]
    assert finding["severity"] == "major"
    assert "Council staff in the in-house service" in finding["message"]


def test_self_declared_text_weighs_more_as_the_case_grows(rulebook) -> None:
    """'We will learn.' for how results feed review: self-declared. Expected: a minor in a
    light case, a blocker in a full one, flagged for the commissioner either way."""
    light, full = sound_light(), sound_full()
    for document in (light, full):
        document["monitoring"]["learning"] = "We will learn."
    light_report, full_report = check(rulebook, light), check(rulebook, full)
    assert found(light_report)["claims.self-declared"][0]["severity"] == "minor"
    assert found(full_report)["claims.self-declared"][0]["severity"] == "blocker"
    assert found(full_report)["claims.self-declared"][0]["path"] == "/monitoring/learning"
    for report in (light_report, full_report):
        assert {"path": "/monitoring/learning", "field": "how results feed review"} in report[
            "flags"
        ]["self_declared"]


def test_the_four_es_are_judged_on_what_they_show(rulebook) -> None:
    """Economy that names the young carers but gives no cost figure, and efficiency that names
    the schools but relates no input to an output, are not made. Expected: a major for each
    saying what it lacks; nothing in claims, since both refer to the case."""
    document = sound_standard()
    document["vfm"]["economy"] = "Young carers get more for what the council already spends."
    document["vfm"]["efficiency"] = "Schools identify young carers, so caseworkers see more."
    report = check(rulebook, document)
    rules = found(report)
    economy = rules["vfm.economy-not-argued"][0]
    assert economy["severity"] == "major"
    assert economy["message"].startswith("Economy: no cost figure.")
    assert rules["vfm.efficiency-not-argued"][0]["message"].startswith(
        "Efficiency: no cost per unit of output."
    )
    assert "claims.self-declared" not in rules
    assert report["flags"]["self_declared"] == []
