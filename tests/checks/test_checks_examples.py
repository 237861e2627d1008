"""Whole documents: the examples, a filler case, and a sound case at each tier."""

import copy

from app.checks.catalogue import AREAS
from app.checks.report import finding_order
from app.checks.rulebook import check_document
from app.proposals.document import validate_document
from app.value.account import compute_account

from .cases import filler_challenge, sound_full, sound_light, sound_standard


def fired(report: dict) -> dict[str, list[str]]:
    """Rule id -> the paths it fired at."""
    found: dict[str, list[str]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["rule"], []).append(finding["path"])
    return found


def severities(report: dict, area: str | None = None) -> set[str]:
    return {f["severity"] for f in report["findings"] if area in (None, f["area"])}


def test_the_filler_challenge_fails_on_value_for_money_and_its_claims(rulebook) -> None:
    document = filler_challenge()
    assert validate_document(document) == []
    report = check_document(rulebook, document)
    assert report["tier"] == "full"
    assert report["areas"]["vfm"]["status"] == "fail"
    assert report["areas"]["claims"]["status"] == "fail"
    found = fired(report)
    assert found["vfm.four-es-not-argued"] == ["/vfm"]
    assert found["claims.self-declared"] == ["/decommissioning/value_at_risk"]
    # a 1% deadweight on one outcome does not clear the other
    assert found["claims.no-deadweight-or-attribution"] == ["/outcomes/1"]
    assert "vfm.options-incomplete" in found
    assert "vfm.equalities-not-assessed" in found
    flagged = {flag["path"] for flag in report["flags"]["self_declared"]}
    assert {"/vfm/economy", "/vfm/equity", "/decommissioning/value_at_risk"} <= flagged
    assert "/equalities/assessment" in flagged
    four_es = next(f for f in report["findings"] if f["rule"] == "vfm.four-es-not-argued")
    assert "self-declared, not evidenced" in four_es["message"]


def test_the_filler_is_not_passed_by_writing_more_of_it(rulebook) -> None:
    document = filler_challenge()
    for e in ("economy", "efficiency", "effectiveness", "equity"):
        document["vfm"][e] = " ".join([document["vfm"][e]] * 5)
    report = check_document(rulebook, document)
    assert "vfm.four-es-not-argued" in fired(report)
    assert report["areas"]["vfm"]["status"] == "fail"


def test_a_sound_case_at_each_tier_has_no_blocker_and_no_major(rulebook) -> None:
    for build, tier in ((sound_light, "light"), (sound_standard, "standard"), (sound_full, "full")):
        document = build()
        assert validate_document(document) == [], tier
        report = check_document(rulebook, document)
        assert report["tier"] == tier
        assert severities(report) <= {"minor", "advice"}, (tier, fired(report))
        assert all(area["status"] != "fail" for area in report["areas"].values())


def test_the_weak_library_challenge_fails_on_stakeholders_vfm_and_claims(rulebook, examples):
    report = check_document(rulebook, examples["challenge-village-library-weak"])
    assert report["tier"] == "standard"
    statuses = {area: summary["status"] for area, summary in report["areas"].items()}
    assert statuses == {
        "proportionality": "gaps",
        "stakeholders": "fail",
        "vfm": "fail",
        "claims": "fail",
    }
    found = fired(report)
    assert found["claims.no-deadweight-or-attribution"] == ["/outcomes/0"]
    assert found["claims.value-for-uninvolved-group"] == ["/outcomes/0"]
    assert found["claims.proxy-without-source"] == ["/outcomes/0/proxy/source"]
    assert found["stakeholders.material-not-involved"] == ["/stakeholders/0/involvement"]
    for rule in (
        "stakeholders.challenge-no-negative-group",
        "stakeholders.objectives-set-by-one-party",
        "vfm.four-es-not-argued",
        "vfm.current-cost-unknown",
        "vfm.volunteer-time-not-costed",
        "vfm.options-not-appraised",
        "vfm.verification-missing",
        "vfm.eoi-content-missing",
    ):
        assert rule in found, rule


def test_over_claiming_no_longer_reads_as_disproportionate(rulebook, examples) -> None:
    report = check_document(rulebook, examples["challenge-village-library-weak"])
    over_claiming = {"claims.no-deadweight-or-attribution", "claims.proxy-without-source"}
    assert {f["area"] for f in report["findings"] if f["rule"] in over_claiming} == {"claims"}
    assert report["areas"]["proportionality"]["status"] != "fail"


def test_the_hospital_discharge_proposal_is_held_to_the_full_tier(rulebook, examples) -> None:
    report = check_document(rulebook, examples["propose-hospital-discharge"])
    assert report["tier"] == "full"
    found = fired(report)
    assert found["stakeholders.negative-not-involved"] == ["/stakeholders/3"]
    assert found["stakeholders.large-group-no-subgroups"] == [
        "/stakeholders/0/subgroups",
        "/stakeholders/1/subgroups",
    ]
    assert found["vfm.pbr-creaming"] == ["/contract/payment_by_results/eligibility"]
    for rule in (
        "vfm.pbr-no-safeguards",
        "vfm.verification-not-independent",
        "vfm.options-not-appraised",
        "stakeholders.objectives-set-by-one-party",
        "stakeholders.not-involved-in-valuation",
        "claims.saving-counted-as-outcome",
    ):
        assert rule in found, rule
    assert "vfm.current-cost-unknown" not in found, "today's cost is for challenges only"
    assert report["areas"]["stakeholders"]["status"] == "fail"


def test_the_light_parish_proposal_is_not_asked_for_deeper_work(rulebook, examples) -> None:
    report = check_document(rulebook, examples["propose-parish-green-spaces"])
    assert report["tier"] == "light"
    for finding in report["findings"]:
        assert "light" in rulebook.rule(finding["rule"]).applies.tiers, finding["rule"]
    assert "proportionality.tier-light" in fired(report)
    assert all(f["severity"] != "blocker" for f in report["findings"])


def test_a_proposal1_document_is_checked_as_proposal2(rulebook, examples) -> None:
    document = copy.deepcopy(examples["propose-parish-green-spaces"])
    document["format"] = "proposal/1"
    for key in ("evidence", "expression_of_interest"):
        document.pop(key, None)
    document["need"].pop("evidence_ids")
    for option in document["need"]["options"]:
        for key in ("id", "kind", "annual_cost", "value_estimate", "quantities"):
            option.pop(key, None)
    for group in document["stakeholders"]:
        group.pop("type"), group.pop("public_body")
    for outcome in document["outcomes"]:
        outcome.pop("evidence", None), outcome.pop("leads_to", None)
        for key in ("library_id", "price_year", "kind", "uprated_to", "not_agreed_reason"):
            (outcome.get("proxy") or {}).pop(key, None)
    document["equalities"].pop("characteristics")
    for saving in document["savings"]:
        for key in ("outcome", "transfer", "years_reason"):
            saving.pop(key, None)
    report = check_document(rulebook, document)
    assert "errors" not in report, report.get("errors")
    assert report["tier"] == "light"
    assert "vfm.no-need-evidence" not in fired(report), "light cases need not cite evidence"


def test_reports_carry_the_value_account_and_what_the_document_shows(rulebook, examples) -> None:
    for document in examples.values():
        report = check_document(rulebook, document)
        assert report["value"] == compute_account(document).report()
        assert set(report) == {
            "tier", "areas", "findings", "value", "risk", "flags", "sensitivity", "incremental",
        }  # fmt: skip
        assert set(report["risk"]) == {"stated", "derived", "effective", "reasons"}
        assert {"self_declared", "transparency_gap"} <= set(report["flags"])
        assert {"rows", "switching", "concentration"} <= set(report["sensitivity"])


def test_findings_follow_the_report_contract(rulebook, examples) -> None:
    for document in [*examples.values(), filler_challenge()]:
        report = check_document(rulebook, document)
        assert tuple(report["areas"]) == AREAS
        for finding in report["findings"]:
            assert set(finding) == {"rule", "area", "severity", "message", "path", "modules"}
            assert finding["path"].startswith("/") and "{" not in finding["path"]
            assert "{" not in finding["message"]
        assert report["findings"] == sorted(report["findings"], key=finding_order)
