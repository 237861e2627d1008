"""The learning plan: from a known set of findings, and on the page from real checks."""

import decimal
import logging
from html import unescape

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services as proposal_services
from app.proposals.document import empty_document
from app.training.plan import CHECK_FAILED, guarded_check, learning_plan

from .conftest import pass_modules


def finding(rule, modules, severity="major", area="stakeholders", path="/stakeholders"):
    return {
        "rule": rule,
        "area": area,
        "severity": severity,
        "message": f"Message of {rule}",
        "path": path,
        "modules": modules,
    }


REPORTS = [
    (
        "Library challenge",
        {
            "findings": [
                finding("vfm.four-es-not-argued", ["M1.2"], "blocker", "vfm", "/vfm"),
                finding("stakeholders.no-negative", ["M2.1", "M5.1"], "minor"),
                finding("proportionality.deadweight", ["M3.2"], "blocker", "proportionality"),
                finding("stakeholders.no-subgroups", ["M2.1"], "blocker"),
            ]
        },
    ),
    (
        "Carers proposal",
        {"findings": [finding("stakeholders.no-subgroups", ["M2.1", "M9.9"], "blocker")]},
    ),
    ("A document that did not validate", {"errors": [{"path": "/title"}]}),
]


def test_the_plan_lists_each_module_once_in_stage_order(curriculum):
    plan = learning_plan(REPORTS, curriculum)
    assert [item.module.id for item in plan.items] == ["M1.2", "M2.1", "M3.2", "M5.1"]


def test_each_module_carries_the_findings_that_point_to_it_most_severe_first(curriculum):
    plan = learning_plan(REPORTS, curriculum)
    m21 = next(item for item in plan.items if item.module.id == "M2.1")
    assert [(f.severity, f.source, f.rule) for f in m21.findings] == [
        ("blocker", "Carers proposal", "stakeholders.no-subgroups"),
        ("blocker", "Library challenge", "stakeholders.no-subgroups"),
        ("minor", "Library challenge", "stakeholders.no-negative"),
    ]
    m51 = next(item for item in plan.items if item.module.id == "M5.1")
    assert [f.rule for f in m51.findings] == ["stakeholders.no-negative"]
    assert m51.findings[0].message == "Message of stakeholders.no-negative"


def test_module_ids_the_curriculum_does_not_hold_are_set_aside(curriculum):
    plan = learning_plan(REPORTS, curriculum)
    assert plan.unknown_modules == {"M9.9"}


def test_modules_already_passed_stay_in_the_plan_marked_passed(curriculum):
    plan = learning_plan(REPORTS, curriculum, passed={"M1.2"})
    assert [item.module.id for item in plan.to_do] == ["M2.1", "M3.2", "M5.1"]
    assert next(item for item in plan.items if item.module.id == "M1.2").passed


def test_the_plan_groups_its_modules_by_stage(curriculum):
    groups = learning_plan(REPORTS, curriculum).by_stage(curriculum)
    assert [(stage.number, [i.module.id for i in items]) for stage, items in groups] == [
        (1, ["M1.2"]),
        (2, ["M2.1"]),
        (3, ["M3.2"]),
        (5, ["M5.1"]),
    ]


def test_no_findings_make_an_empty_plan(curriculum):
    assert learning_plan([("Clean", {"findings": []})], curriculum).items == ()


def test_a_person_with_no_organisation_is_told_so(trainee_client):
    html = trainee_client.get("/training/plan").get_data(as_text=True)
    assert "You are not a member of an organisation" in html


def test_the_plan_page_follows_the_checks_of_the_organisations_proposals(
    app, make_user, make_organisation, make_public_body, sign_in, curriculum
):
    body = make_public_body("Anytown Council")
    member = make_user(Role.CSO, name="Sam Proposer", organisation=make_organisation("Carers"))
    other = make_user(Role.CSO, organisation=make_organisation("Elsewhere Trust"))
    weak = load_example("challenge-village-library-weak")
    proposal_services.new_proposal(member.organisation, body, weak, member)
    unfinished = empty_document("propose", "Unfinished idea", "Carers", body.name)
    unfinished["discount_rate"] = "three and a half per cent"
    proposal_services.new_proposal(member.organisation, body, unfinished, member)
    theirs = {**load_example("challenge-young-carers"), "title": "Someone else's case"}
    proposal_services.new_proposal(other.organisation, body, theirs, other)
    db.session.commit()
    pass_modules(member, curriculum, "M1.1")
    html = unescape(sign_in(member).get("/training/plan").get_data(as_text=True))
    rulebook = app.extensions.get("rulebook")
    if rulebook is None:
        assert "The checks are not available" in html
        return
    findings = rulebook.check(weak)["findings"]
    assert findings
    for module_id in {m for f in findings for m in f["modules"]}:
        assert f'id="plan-{module_id}"' in html
    assert findings[0]["message"] in html
    assert weak["title"] in html
    assert "Someone else's case" not in html
    assert "1 draft was not checked" in html
    plan_m11 = html[html.index('id="plan-M1.1"') :]
    assert plan_m11.index("Passed") < plan_m11.index("</h3>")


def test_an_organisation_with_nothing_checkable_is_told_so(make_user, sign_in):
    member = make_user(Role.CSO)
    html = sign_in(member).get("/training/plan").get_data(as_text=True)
    assert "None of your organisation's proposals can be checked yet" in unescape(html)


def test_without_the_checks_the_plan_says_it_cannot_be_built(app, make_user, sign_in, monkeypatch):
    monkeypatch.delitem(app.extensions, "rulebook", raising=False)
    html = sign_in(make_user(Role.CSO)).get("/training/plan").get_data(as_text=True)
    assert "The checks are not available" in html


def tiny_investment(document):
    """The document with every input worth 1e-27 pounds: valid, and a huge ratio."""
    return {**document, "inputs": [{**item, "value": 1e-27} for item in document["inputs"]]}


def test_the_plan_page_checks_a_draft_whose_investment_is_tiny(
    app, make_user, make_public_body, sign_in
):
    body = make_public_body()
    member = make_user(Role.CSO)
    carers = {**tiny_investment(load_example("challenge-young-carers")), "title": "Tiny inputs"}
    proposal_services.new_proposal(member.organisation, body, carers, member)
    weak = load_example("challenge-village-library-weak")
    proposal_services.new_proposal(member.organisation, body, weak, member)
    db.session.commit()
    response = sign_in(member).get("/training/plan")
    assert response.status_code == 200
    html = unescape(response.get_data(as_text=True))
    assert "We checked your organisation's 2 proposals" in html
    assert "in Tiny inputs: The SROI ratio is at least 1,000,000,000,000:1" in html
    assert f"in {weak['title']}:" in html


def test_a_draft_whose_check_raises_is_named_and_the_others_still_make_the_plan(
    app, make_user, make_public_body, sign_in, monkeypatch, caplog
):
    body = make_public_body()
    member = make_user(Role.CSO)
    broken = {**load_example("challenge-young-carers"), "title": "Breaks the checker"}
    proposal_services.new_proposal(member.organisation, body, broken, member)
    weak = load_example("challenge-village-library-weak")
    proposal_services.new_proposal(member.organisation, body, weak, member)
    db.session.commit()
    rulebook = app.extensions["rulebook"]
    check = rulebook.check

    def check_unless_broken(document):
        if document["title"] == broken["title"]:
            raise ArithmeticError("the arithmetic cannot be done")
        return check(document)

    monkeypatch.setattr(rulebook, "check", check_unless_broken)
    with caplog.at_level(logging.ERROR, logger="valuecase.training"):
        response = sign_in(member).get("/training/plan")
    assert response.status_code == 200
    html = unescape(response.get_data(as_text=True))
    assert "We checked your organisation's 1 proposal" in html
    assert f"in {weak['title']}:" in html
    unchecked = html[html.index('id="unchecked"') :]
    assert "1 draft could not be checked" in unchecked and "Breaks the checker" in unchecked
    [record] = [r for r in caplog.records if r.name.startswith("valuecase.training")]
    assert record.exc_info and "Breaks the checker" in record.getMessage()


def test_a_guarded_check_logs_a_failure_and_reports_it_as_the_drafts_errors(caplog):
    class Failing:
        def check(self, document):
            raise decimal.InvalidOperation([decimal.InvalidOperation])

    with caplog.at_level(logging.ERROR, logger="valuecase.training"):
        report = guarded_check(Failing(), {"title": "Sums"})
    assert report == {"errors": [{"path": "", "message": CHECK_FAILED}]}
    assert caplog.records[0].exc_info[0] is decimal.InvalidOperation


def test_the_plan_names_what_could_not_be_checked_apart_from_what_was(curriculum):
    plan = learning_plan(REPORTS, curriculum)
    assert plan.unchecked == ("A document that did not validate",)
    assert learning_plan(REPORTS[:2], curriculum).unchecked == ()
