"""Tracks: commissioners reach the commissioning modules on day one, anyone may choose a track,
a track's own order sets what to study first, and the check validates curriculum/tracks.yaml."""

from html import unescape

from app.accounts.models import Role
from app.training.curriculum import check_curriculum
from app.training.progress import LOCKED, NOT_STARTED, PLACED, progress, study_first

from .conftest import edit, pass_modules, take_quiz

COMMISSIONING = ("M1.2", "M1.3", "M3.4", "M4.1", "M4.2", "M4.4", "M5.1", "M5.2", "M5.3", "M5.4")
ROLES = ("member", "cso", "commissioner", "admin")


def problems_in(content) -> list[str]:
    found = check_curriculum(content / "curriculum", content / "rules", roles=ROLES)
    return [str(problem) for problem in found]


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return unescape(response.get_data(as_text=True))


def test_a_commissioner_finds_the_commissioning_quizzes_open_on_day_one(
    make_user, sign_in, curriculum
):
    client = sign_in(make_user(Role.COMMISSIONER, name="Chris Commissioner"))
    dashboard = page(client, "/training/")
    assert 'id="your-track">Commissioning for value<' in dashboard
    assert "Step 1: Commissioning and deciding for value" in dashboard
    assert 'id="next-module" href="/training/modules/M1.1"' in dashboard
    for module_id in COMMISSIONING:
        html = page(client, f"/training/modules/{module_id}")
        assert 'id="take-quiz"' in html, module_id
        assert 'id="quiz-locked"' not in html
    assert client.get("/training/modules/M5.1/quiz").status_code == 200
    assert take_quiz(client, curriculum.module("M4.2")).status_code == 302


def test_the_analysis_modules_open_to_a_commissioner_after_the_first_step(
    make_user, sign_in, curriculum
):
    commissioner = make_user(Role.COMMISSIONER)
    client = sign_in(commissioner)
    assert client.get("/training/modules/M2.1/quiz").status_code == 403
    first_step = curriculum.track("commissioner").steps[0].module_ids
    pass_modules(commissioner, curriculum, *first_step)
    assert client.get("/training/modules/M2.1/quiz").status_code == 200


def test_a_proposer_still_meets_the_commissioning_modules_at_stage_four(trainee_client, curriculum):
    html = page(trainee_client, "/training/modules/M4.1")
    assert 'id="quiz-locked"' in html and 'id="take-quiz"' not in html
    assert trainee_client.get("/training/modules/M4.1/quiz").status_code == 403
    assert 'id="your-track">Proposing and challenging<' in page(trainee_client, "/training/")


def test_anyone_may_choose_the_commissioner_track_and_keeps_their_passes(
    trainee, trainee_client, curriculum
):
    pass_modules(trainee, curriculum, "M1.1")
    form = page(trainee_client, "/training/track")
    assert "Commissioning for value" in form and "Proposing and challenging" in form
    response = trainee_client.post("/training/track", data={"track": "commissioner"})
    assert response.status_code == 302
    dashboard = page(trainee_client, "/training/")
    assert 'id="your-track">Commissioning for value<' in dashboard
    assert 'id="next-module" href="/training/modules/M1.2"' in dashboard
    assert 'id="take-quiz"' in page(trainee_client, "/training/modules/M5.4")


def test_choosing_no_track_or_an_unknown_one_asks_again(trainee_client):
    html = unescape(trainee_client.post("/training/track", data={}).get_data(as_text=True))
    assert "Select the track you want to follow" in html
    html = unescape(
        trainee_client.post("/training/track", data={"track": "astronaut"}).get_data(as_text=True)
    )
    assert "govuk-error-summary" in html


def test_on_a_track_the_prerequisites_of_later_steps_do_not_hold_a_module_back(curriculum):
    commissioner = curriculum.track("commissioner")
    m41 = curriculum.module("M4.1")
    assert set(m41.prerequisites) == {"M2.1", "M3.4"}
    assert study_first(commissioner, m41) == ("M3.4",)
    assert study_first(curriculum.track("proposer"), m41) == m41.prerequisites


def test_the_module_page_lists_what_to_study_first_on_the_persons_track(make_user, sign_in):
    client = sign_in(make_user(Role.COMMISSIONER))
    study_first_row = page(client, "/training/modules/M4.1").split('id="study-first"')[1]
    study_first_row = study_first_row.split("</dd>")[0]
    assert "M3.4" in study_first_row and "M2.1" not in study_first_row


def test_placement_opens_its_stages_on_any_track(curriculum):
    commissioner = curriculum.track("commissioner")
    state = progress(curriculum, passed=(), placement_stage=3, track=commissioner)
    assert state.module_state("M2.1").state == PLACED
    assert state.module_state("M3.1").state == NOT_STARTED
    assert state.quiz_open("M3.1")
    assert state.next_module.id == "M3.4"
    fresh = progress(curriculum, passed=(), track=commissioner)
    assert fresh.module_state("M3.1").state == LOCKED
    assert fresh.level == 0


def test_the_proposer_track_is_the_stages_in_order(curriculum):
    proposer = curriculum.track("proposer")
    assert [step.module_ids for step in proposer.steps] == [
        stage.module_ids for stage in curriculum.stages
    ]
    assert proposer.steps[1].label == "Stage 2: Informed"
    assert curriculum.track_for("member").id == "proposer"
    assert curriculum.track_for("commissioner").id == "commissioner"
    assert curriculum.track_for("commissioner", chosen="proposer").id == "proposer"


def test_every_track_reaches_every_module_once(curriculum):
    for track in curriculum.tracks:
        assert sorted(track.module_ids) == sorted(curriculum.modules), track.id


def test_a_track_naming_a_missing_or_repeated_module_is_reported(content):
    path = content / "curriculum" / "tracks.yaml"
    edit(path, "modules: [M2.1, M2.2, M2.3,", "modules: [M2.1, M2.1, M9.9, M2.3,")
    problems = problems_in(content)
    assert "curriculum/tracks.yaml: track commissioner names module M9.9, which does not exist" in (
        problems
    )
    assert "curriculum/tracks.yaml: track commissioner names module M2.1 more than once" in problems
    assert any(
        p.startswith("curriculum/tracks.yaml: track commissioner does not reach module M2.2")
        for p in problems
    )


def test_a_track_that_leaves_a_module_out_is_reported(content):
    edit(content / "curriculum" / "tracks.yaml", "M5.4, M5.2, M5.3]", "M5.4, M5.2]")
    assert (
        "curriculum/tracks.yaml: track commissioner does not reach module M5.3: add it to a "
        "step, or its quiz never opens for the people on the track" in problems_in(content)
    )


def test_unknown_roles_and_roles_on_two_tracks_are_reported(content):
    path = content / "curriculum" / "tracks.yaml"
    edit(path, "roles: [commissioner]", "roles: [commissioner, cso, astronaut]")
    problems = problems_in(content)
    assert (
        "curriculum/tracks.yaml: role 'cso' starts on two tracks: proposer and commissioner"
        in problems
    )
    assert any("'astronaut' is not a role" in p for p in problems)


def test_a_step_of_an_unknown_stage_and_a_missing_file_are_reported(content):
    path = content / "curriculum" / "tracks.yaml"
    edit(path, "      - stage: 5\n", "      - stage: 6\n")
    assert (
        "curriculum/tracks.yaml: track proposer step 5: stage 6 is not in the model"
        in problems_in(content)
    )
    path.unlink()
    assert any(
        p.startswith("curriculum/tracks.yaml: cannot read the file") for p in problems_in(content)
    )


def test_the_check_command_counts_the_tracks(runner):
    result = runner.invoke(args=["curriculum", "check"])
    assert result.exit_code == 0, result.output
    assert "2 tracks" in result.output
