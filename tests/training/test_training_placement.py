"""The placement self-assessment: taken once, it starts a person at a higher stage."""

from html import unescape

from sqlalchemy import select

from app.training.models import Certificate, Placement

from .conftest import wrong_choice


def placement_answers(curriculum, right_stages: set[int]) -> dict[str, str]:
    """Form data answering the questions of ``right_stages`` right and one question of every
    other stage wrong."""
    data = {}
    for stage, questions in curriculum.placement.items():
        for index, question in enumerate(questions, start=1):
            choice = question.answer
            if stage not in right_stages and index == 1:
                choice = wrong_choice(question)
            data[f"s{stage}q{index}"] = str(choice)
    return data


def placement_of(db, user):
    return db.session.scalar(select(Placement).where(Placement.user_id == user.id))


def test_the_placement_page_asks_every_stage_without_revealing_answers(trainee_client, curriculum):
    html = unescape(trainee_client.get("/training/placement").get_data(as_text=True))
    for stage in curriculum.stages:
        assert stage.label in html
        for question in curriculum.placement[stage.number]:
            assert question.question in html
            assert question.explanation not in html


def test_a_person_is_placed_at_the_highest_stage_whose_questions_they_all_pass(
    db, trainee, trainee_client, curriculum
):
    response = trainee_client.post(
        "/training/placement", data=placement_answers(curriculum, {1, 2, 3})
    )
    assert response.status_code == 302
    assert placement_of(db, trainee).stage == 3
    page = trainee_client.get("/training/placement").get_data(as_text=True)
    assert "You are placed at Stage 3: Practising" in page
    assert trainee_client.get("/training/modules/M4.1/quiz").status_code == 200
    assert trainee_client.get("/training/modules/M5.1/quiz").status_code == 403
    dashboard = trainee_client.get("/training/").get_data(as_text=True)
    assert (
        '<dd class="govuk-summary-list__value" id="your-stage">Stage 3: Practising</dd>'
        in dashboard
    )


def test_passing_a_higher_stage_places_there_even_with_a_lower_stage_wrong(
    db, trainee, trainee_client, curriculum
):
    trainee_client.post("/training/placement", data=placement_answers(curriculum, {2}))
    assert placement_of(db, trainee).stage == 2


def test_no_stage_all_right_starts_a_person_at_stage_one(db, trainee, trainee_client, curriculum):
    trainee_client.post("/training/placement", data=placement_answers(curriculum, set()))
    assert placement_of(db, trainee).stage == 0
    assert trainee_client.get("/training/modules/M2.1/quiz").status_code == 403


def test_the_placement_is_taken_once_and_keeps_the_answers(db, trainee, trainee_client, curriculum):
    trainee_client.post("/training/placement", data=placement_answers(curriculum, {1}))
    trainee_client.post("/training/placement", data=placement_answers(curriculum, {1, 2, 3, 4, 5}))
    placement = placement_of(db, trainee)
    assert placement.stage == 1
    assert len(placement.answers) == sum(len(q) for q in curriculum.placement.values())
    assert placement.answers[0]["question"] == curriculum.placement[1][0].question


def test_a_missing_placement_answer_is_named_by_its_number(db, trainee, trainee_client, curriculum):
    data = placement_answers(curriculum, {1})
    del data["s2q1"]
    html = trainee_client.post("/training/placement", data=data).get_data(as_text=True)
    number = len(curriculum.placement[1]) + 1
    assert f"Select an answer to question {number}" in html
    assert placement_of(db, trainee) is None


def test_placement_earns_no_certificate(db, trainee, trainee_client, curriculum):
    trainee_client.post("/training/placement", data=placement_answers(curriculum, {1, 2}))
    trainee_client.get("/training/")
    assert db.session.scalars(select(Certificate)).all() == []
