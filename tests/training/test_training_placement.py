"""The placement self-assessment: it places a person at the stage after the highest stage they
pass with every stage below it passed, opens that stage's quizzes without passing any module,
and can be taken again only after 30 days."""

from datetime import timedelta
from html import unescape

from sqlalchemy import select

from app.accounts.models import aware
from app.training.banks import QUESTIONS_PER_PLACEMENT_STAGE
from app.training.models import Certificate, Placement, QuizAttempt

from .conftest import answer, bank_question, move_back, read_page


def stage_of(name: str) -> int:
    """The stage a placement field belongs to (fields are named s<stage>q<number>)."""
    return int(name[1 : name.index("q")])


def placement_answers(client, curriculum, right_stages: set[int]) -> dict[str, str]:
    """Open the self-assessment and answer every question of ``right_stages`` right and one
    question of every other stage wrong."""
    shown, hidden = read_page(unescape(client.get("/training/placement").get_data(as_text=True)))
    data, wrong_given = dict(hidden), set()
    for item in shown:
        stage = stage_of(item.name)
        right = stage in right_stages or stage in wrong_given
        wrong_given.add(stage)
        data[item.name] = answer(item, bank_question(curriculum.placement[stage], item), right)
    return data


def place(client, curriculum, right_stages: set[int]):
    return client.post(
        "/training/placement", data=placement_answers(client, curriculum, right_stages)
    )


def placement_of(db, user):
    return db.session.scalar(select(Placement).where(Placement.user_id == user.id))


def test_the_placement_page_draws_questions_of_every_stage_without_answers(
    trainee_client, curriculum
):
    html = unescape(trainee_client.get("/training/placement").get_data(as_text=True))
    shown, _ = read_page(html)
    for stage in curriculum.stages:
        assert stage.label in html
        asked = [item for item in shown if stage_of(item.name) == stage.number]
        bank = curriculum.placement[stage.number]
        assert len(asked) == min(QUESTIONS_PER_PLACEMENT_STAGE, len(bank))
        for item in asked:
            question = bank_question(bank, item)
            assert sorted(item.options) == sorted(question.options)
            assert question.explanation not in html


def test_a_person_is_placed_at_the_stage_after_the_highest_passed_with_those_below(
    db, trainee, trainee_client, curriculum
):
    response = place(trainee_client, curriculum, {1, 2})
    assert response.status_code == 302
    assert placement_of(db, trainee).stage == 3
    page = unescape(trainee_client.get("/training/placement").get_data(as_text=True))
    assert "You are placed at Stage 3: Practising: its quizzes are open to you" in page
    assert trainee_client.get("/training/modules/M3.1/quiz").status_code == 200
    assert trainee_client.get("/training/modules/M1.1/quiz").status_code == 200
    assert trainee_client.get("/training/modules/M4.1/quiz").status_code == 403
    dashboard = unescape(trainee_client.get("/training/").get_data(as_text=True))
    assert 'id="your-stage">Stage 2: Informed<' in dashboard
    assert 'id="working-towards">Stage 3: Practising (0 of 4 modules passed)<' in dashboard


def test_placement_passes_no_module_and_earns_no_certificate(
    db, trainee, trainee_client, curriculum
):
    place(trainee_client, curriculum, {1, 2, 3, 4, 5})
    assert placement_of(db, trainee).stage == 5
    trainee_client.get("/training/")
    assert db.session.scalars(select(QuizAttempt)).all() == []
    assert db.session.scalars(select(Certificate)).all() == []
    module_page = trainee_client.get("/training/modules/M5.1").get_data(as_text=True)
    assert "Not started" in module_page and 'id="take-quiz"' in module_page
    dashboard = unescape(trainee_client.get("/training/").get_data(as_text=True))
    assert 'id="working-towards">Stage 5: Leading (0 of 5 modules passed)<' in dashboard


def test_a_stage_passed_above_one_failed_does_not_count(db, trainee, trainee_client, curriculum):
    place(trainee_client, curriculum, {2, 3})
    assert placement_of(db, trainee).stage == 1
    assert trainee_client.get("/training/modules/M2.1/quiz").status_code == 403


def test_no_stage_passed_starts_a_person_at_stage_one(db, trainee, trainee_client, curriculum):
    place(trainee_client, curriculum, set())
    assert placement_of(db, trainee).stage == 1
    page = unescape(trainee_client.get("/training/placement").get_data(as_text=True))
    assert "You start at Stage 1: Aware" in page
    assert trainee_client.get("/training/modules/M2.1/quiz").status_code == 403


def test_always_choosing_the_longest_option_places_no_higher_than_stage_one(
    db, trainee, trainee_client, curriculum
):
    html = unescape(trainee_client.get("/training/placement").get_data(as_text=True))
    shown, hidden = read_page(html)
    data = dict(hidden)
    for item in shown:
        lengths = [len(option) for option in item.options]
        data[item.name] = str(lengths.index(max(lengths)))
    trainee_client.post("/training/placement", data=data)
    assert placement_of(db, trainee).stage == 1


def test_the_placement_cannot_be_taken_again_within_thirty_days(
    db, trainee, trainee_client, curriculum
):
    place(trainee_client, curriculum, {1})
    placed = placement_of(db, trainee)
    opens = aware(placed.placed_at) + timedelta(days=30)
    when = f"You can take it again from {opens.day} {opens:%B %Y at %H:%M} (UTC)"
    again = trainee_client.post("/training/placement", data={"s1q1": "0"})
    assert again.status_code == 403
    assert when in unescape(again.get_data(as_text=True))
    assert placement_of(db, trainee).stage == 2
    page = unescape(trainee_client.get("/training/placement?again=1").get_data(as_text=True))
    assert when in page and 'id="take-again"' not in page and 'name="s1q1"' not in page
    move_back(db, [placed], hours=29 * 24)
    assert place(trainee_client, curriculum, {1, 2, 3}).status_code == 403
    assert placement_of(db, trainee).stage == 2


def test_the_placement_can_be_taken_again_after_thirty_days_and_replaces_the_last(
    db, trainee, trainee_client, curriculum
):
    place(trainee_client, curriculum, {1})
    move_back(db, [placement_of(db, trainee)], hours=30 * 24 + 1)
    page = unescape(trainee_client.get("/training/placement").get_data(as_text=True))
    assert "You can take it again now." in page and 'id="take-again"' in page
    form = unescape(trainee_client.get("/training/placement?again=1").get_data(as_text=True))
    assert "This replaces your current placement, Stage 2: Informed." in form
    shown, hidden = read_page(form)
    data = dict(hidden)
    for item in shown:
        stage = stage_of(item.name)
        data[item.name] = answer(item, bank_question(curriculum.placement[stage], item), True)
    assert trainee_client.post("/training/placement", data=data).status_code == 302
    [placement] = db.session.scalars(select(Placement)).all()
    assert placement.stage == 5
    assert "You can take it again from" in unescape(
        trainee_client.get("/training/placement").get_data(as_text=True)
    )


def test_the_answers_are_revealed_only_for_the_stages_passed(
    db, trainee, trainee_client, curriculum
):
    place(trainee_client, curriculum, {1})
    placement = placement_of(db, trainee)
    page = unescape(trainee_client.get("/training/placement").get_data(as_text=True))
    assert "Stage 1: Aware: passed" in page and "Stage 2: Informed: not passed" in page
    for record in placement.answers:
        assert record["question"] in page
        if record["stage"] == 1:
            assert record["explanation"] in page
        else:
            assert record["explanation"] not in page
            if not record["correct"]:
                assert record["correct_option"] not in page


def test_a_missing_placement_answer_is_named_by_its_number(db, trainee, trainee_client, curriculum):
    data = placement_answers(trainee_client, curriculum, {1})
    del data["s2q1"]
    html = trainee_client.post("/training/placement", data=data).get_data(as_text=True)
    number = len([name for name in data if name.startswith("s1q")]) + 1
    assert f"Select an answer to question {number}" in html
    assert placement_of(db, trainee) is None
