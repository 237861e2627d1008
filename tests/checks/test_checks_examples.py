"""The four example documents get reports whose findings make sense."""

from app.checks.report import finding_order
from app.checks.rulebook import check_document
from app.value.account import compute_account


def fired(report: dict) -> dict[str, list[str]]:
    """Rule id -> the paths it fired at."""
    found: dict[str, list[str]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["rule"], []).append(finding["path"])
    return found


def test_the_weak_library_challenge_fails_every_area(rulebook, examples) -> None:
    report = check_document(rulebook, examples["challenge-village-library-weak"])
    assert report["tier"] == "standard"
    assert {area["status"] for area in report["areas"].values()} == {"fail"}
    found = fired(report)
    assert found["proportionality.no-deadweight-or-attribution"] == ["/outcomes"]
    assert found["proportionality.value-for-uninvolved-group"] == ["/outcomes/0"]
    assert found["proportionality.proxy-without-source"] == ["/outcomes/0/proxy/source"]
    assert found["stakeholders.material-not-involved"] == ["/stakeholders/0/involvement"]
    assert "stakeholders.challenge-no-negative-group" in found
    assert "stakeholders.objectives-set-by-one-party" in found
    assert "vfm.four-es-not-argued" in found
    assert "vfm.current-cost-unknown" in found
    assert "vfm.volunteer-time-not-costed" in found
    assert "vfm.options-not-appraised" in found
    assert "vfm.verification-missing" in found


def test_the_strong_young_carers_challenge_has_few_findings(rulebook, examples) -> None:
    report = check_document(rulebook, examples["challenge-young-carers"])
    assert report["tier"] == "standard"
    gaps = [f for f in report["findings"] if f["severity"] != "advice"]
    assert len(gaps) <= 3
    assert all(f["severity"] != "blocker" for f in gaps)
    assert report["areas"]["proportionality"]["status"] == "pass"
    assert report["areas"]["vfm"] == {"status": "pass", "score": 100}
    assert "proportionality.tier-standard" in fired(report)


def test_the_hospital_discharge_proposal_is_held_to_the_full_tier(rulebook, examples) -> None:
    report = check_document(rulebook, examples["propose-hospital-discharge"])
    assert report["tier"] == "full"
    found = fired(report)
    assert found["stakeholders.negative-not-involved"] == ["/stakeholders/3"]
    assert found["stakeholders.large-group-no-subgroups"] == [
        "/stakeholders/0/subgroups",
        "/stakeholders/1/subgroups",
    ]
    assert found["proportionality.proxy-not-agreed"] == [
        "/outcomes/0/proxy/agreed_with_stakeholders",
        "/outcomes/1/proxy/agreed_with_stakeholders",
    ]
    for rule in (
        "vfm.pbr-no-safeguards",
        "vfm.pbr-evidence-thin",
        "vfm.verification-not-independent",
        "vfm.options-not-appraised",
        "vfm.all-savings-cashable",
        "stakeholders.objectives-set-by-one-party",
        "stakeholders.not-involved-in-valuation",
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


def test_reports_carry_the_value_account(rulebook, examples) -> None:
    for document in examples.values():
        report = check_document(rulebook, document)
        assert report["value"] == compute_account(document).report()
        assert set(report) == {"tier", "areas", "findings", "value"}


def test_findings_follow_the_report_contract(rulebook, examples) -> None:
    for document in examples.values():
        report = check_document(rulebook, document)
        assert set(report["areas"]) == {"proportionality", "stakeholders", "vfm"}
        for finding in report["findings"]:
            assert set(finding) == {"rule", "area", "severity", "message", "path", "modules"}
            assert finding["path"].startswith("/") and "{" not in finding["path"]
            assert "{" not in finding["message"]
        assert report["findings"] == sorted(report["findings"], key=finding_order)
