"""A commissioner's learning plan from their own decisions: judgements not recorded, challenges
rejected without grounds and late decisions, each pointing at the module that closes it."""

from datetime import UTC, datetime
from html import unescape

import pytest

from app.accounts.models import Role
from app.training.casework import CASEWORK_MODULES, DecidedCase, casework_plan
from app.triage.models import AREAS

from .conftest import decided_case, pass_modules, rejection_recorded_without_grounds

LABELS = {"proportionality": "Proportionality", "stakeholders": "Stakeholders"}
DECIDED = datetime(2026, 5, 14, 12, tzinfo=UTC)


def case(
    title="Library", judged=AREAS, deadline=None, kind="propose", outcome="accepted", grounds=()
):
    return DecidedCase(title, kind, outcome, grounds, DECIDED, deadline, frozenset(judged))


def plan_of(curriculum, *cases, passed=()):
    return casework_plan(cases, curriculum, AREAS, LABELS, passed)


def test_a_well_recorded_timely_decision_needs_no_module(curriculum):
    assert plan_of(curriculum, case()).items == ()


def test_an_area_without_a_judgement_points_to_its_modules(curriculum):
    plan = plan_of(curriculum, case(judged=[area for area in AREAS if area != "proportionality"]))
    assert [item.module.id for item in plan.items] == ["M1.3", "M3.4"]
    [finding] = plan.items[1].findings
    assert finding.source == "Library"
    assert (
        finding.message == "Decided on 14 May 2026 with no judgement recorded on proportionality."
    )


def test_a_challenge_rejected_without_grounds_points_to_the_grounds(curriculum):
    rejected = case(kind="challenge", outcome="rejected")
    plan = plan_of(curriculum, rejected)
    assert [item.module.id for item in plan.items] == ["M1.3", "M5.1"]
    assert plan.items[0].findings[0].severity == "blocker"
    with_grounds = case(kind="challenge", outcome="rejected", grounds=("already_procured",))
    assert plan_of(curriculum, with_grounds).items == ()


def test_a_late_decision_points_to_the_process_and_says_how_late(curriculum):
    late = case(deadline=datetime(2026, 5, 11, 9, tzinfo=UTC))
    plan = plan_of(curriculum, late)
    assert [item.module.id for item in plan.items] == ["M1.3"]
    assert plan.items[0].findings[0].message == (
        "Decided on 14 May 2026, after its deadline of 11 May 2026 (3 days late)."
    )
    on_time = case(deadline=datetime(2026, 5, 14, 17, tzinfo=UTC))
    assert plan_of(curriculum, on_time).items == ()


def test_modules_come_in_the_order_of_the_track_and_passed_ones_are_marked(curriculum):
    cases = [case("A", judged=()), case("B", kind="challenge", outcome="rejected")]
    order = curriculum.track("commissioner").module_ids
    plan = casework_plan(cases, curriculum, AREAS, LABELS, {"M1.3"}, order)
    ids = [item.module.id for item in plan.items]
    assert ids == sorted(ids, key=order.index)
    gaps = [f"casework.judgement.{area}" for area in AREAS] + ["casework.grounds"]
    assert set(ids) == {module_id for gap in gaps for module_id in CASEWORK_MODULES[gap]}
    assert [item.module.id for item in plan.to_do if item.module.id == "M1.3"] == []


@pytest.mark.parametrize(
    "gap",
    [f"casework.judgement.{area}" for area in AREAS] + ["casework.grounds", "casework.deadline"],
)
def test_every_gap_points_at_modules_the_curriculum_holds(curriculum, gap):
    assert CASEWORK_MODULES[gap]
    assert all(curriculum.module(module_id) for module_id in CASEWORK_MODULES[gap])


@pytest.fixture
def commissioner(make_user, make_public_body):
    body = make_public_body("Anytown Borough Council", response_period_days=30)
    return make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body)


def plan_page(client) -> str:
    response = client.get("/training/plan")
    assert response.status_code == 200
    html = unescape(response.get_data(as_text=True))
    return html[html.index('id="plan"') :]


def test_the_plan_page_is_built_from_the_commissioners_own_decisions(
    commissioner, trainee_with_organisation, make_user, sign_in, curriculum
):
    member = trainee_with_organisation
    decided_case(commissioner, member, judged=("proportionality", "stakeholders", "vfm"))
    decided_case(
        commissioner, member, "propose-hospital-discharge", judged=("vfm",), late_by_days=4
    )
    rejection_recorded_without_grounds(commissioner, member)
    colleague = make_user(Role.COMMISSIONER, public_body=commissioner.public_body)
    decided_case(colleague, member, judged=())
    pass_modules(commissioner, curriculum, "M3.4")

    html = plan_page(sign_in(commissioner))
    assert "We looked at the 3 cases you decided" in html
    for module_id in ("M1.2", "M1.3", "M2.1", "M3.4", "M5.1", "M5.2", "M5.4"):
        assert f'id="plan-{module_id}"' in html, module_id
    m34 = html.split('id="plan-M3.4"')[1].split('class="app-plan-item"')[0]
    assert "Passed" in m34 and "no judgement recorded on proportionality" in m34
    m13 = html.split('id="plan-M1.3"')[1].split('class="app-plan-item"')[0]
    assert "without naming any of the statutory grounds" in m13
    assert "after its deadline" in m13 and "(4 days late)" in m13
    assert html.index("Step 1: Commissioning and deciding for value") < html.index("Step 2:")


def test_a_judgement_recorded_after_the_decision_does_not_count(
    commissioner, trainee_with_organisation, sign_in
):
    from app.triage import services as triage

    proposal = decided_case(commissioner, trainee_with_organisation, judged=("vfm", "stakeholders"))
    triage.add_judgement(proposal, commissioner, "proportionality", "Depth", "Fine", "Later note")
    html = plan_page(sign_in(commissioner))
    assert 'id="plan-M3.4"' in html


def test_a_commissioner_with_no_decisions_is_told_where_to_start(commissioner, sign_in):
    html = plan_page(sign_in(commissioner))
    assert "You have not decided a case yet" in html


def test_a_commissioner_whose_cases_show_no_gap_is_told_so(
    commissioner, trainee_with_organisation, sign_in
):
    decided_case(commissioner, trainee_with_organisation, judged=tuple(AREAS))
    html = plan_page(sign_in(commissioner))
    assert "The 1 case you decided show no gap a module closes" in html
