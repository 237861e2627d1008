"""Module pages and quizzes: marked on the server, gated by stage, kept across content edits."""

from dataclasses import replace
from html import unescape

import pytest
from sqlalchemy import select

from app.training.content import Curriculum
from app.training.models import QuizAttempt

from .conftest import pass_stages, right_answers, wrong_choice


def attempts(db, user):
    return list(db.session.scalars(select(QuizAttempt).where(QuizAttempt.user_id == user.id)))


@pytest.mark.parametrize(
    "url",
    [
        "/training/",
        "/training/modules/M1.1",
        "/training/modules/M1.1/quiz",
        "/training/placement",
        "/training/plan",
        "/training/certificates/1.pdf",
    ],
)
def test_anonymous_people_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_a_module_page_shows_the_objectives_and_the_body(trainee_client, curriculum):
    module = curriculum.module("M1.1")
    html = trainee_client.get("/training/modules/M1.1").get_data(as_text=True)
    assert module.title in html
    assert module.objectives[0] in html
    assert '<h2 class="govuk-heading-m">Worked example</h2>' in html
    assert 'id="take-quiz"' in html


def test_a_module_page_escapes_raw_html_in_the_content(
    app, trainee_client, curriculum, monkeypatch
):
    module = curriculum.module("M1.1")
    hostile = replace(module, body=module.body + '\n\n<script>alert("x")</script>\n')
    edited = Curriculum(curriculum.stages, {**curriculum.modules, "M1.1": hostile}, {})
    monkeypatch.setitem(app.extensions, "curriculum", edited)
    html = trainee_client.get("/training/modules/M1.1").get_data(as_text=True)
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_the_quiz_page_holds_no_answers_or_explanations(trainee_client, curriculum):
    module = curriculum.module("M1.2")
    page = trainee_client.get("/training/modules/M1.2/quiz").get_data(as_text=True)
    text = unescape(page)
    for question in module.quiz:
        assert question.question in text
        assert all(option in text for option in question.options)
        assert question.explanation not in text
    assert " checked" not in page


def test_right_answers_pass_and_the_result_shows_every_explanation(
    db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M1.1")
    response = trainee_client.post("/training/modules/M1.1/quiz", data=right_answers(module))
    assert response.status_code == 302
    html = trainee_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You passed" in html
    assert f"You scored 100% ({len(module.quiz)} of {len(module.quiz)})" in html
    for question in module.quiz:
        assert question.explanation in unescape(html)
    [attempt] = attempts(db, trainee)
    assert (attempt.module_id, attempt.score, attempt.passed) == ("M1.1", 100, True)
    assert attempt.answers[0]["chosen"] == module.quiz[0].options[module.quiz[0].answer]


def test_a_missing_answer_is_named_and_the_other_answers_are_kept(db, trainee, trainee_client):
    data = {"q1": "1", "q2": "2"}
    response = trainee_client.post("/training/modules/M1.1/quiz", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert '<a href="#q3">Select an answer to question 3</a>' in html
    assert 'id="q1-2" name="q1" type="radio" value="1" checked' in html
    assert 'id="q2-3" name="q2" type="radio" value="2" checked' in html
    assert attempts(db, trainee) == []


def test_a_failed_quiz_can_be_retried_and_every_attempt_is_kept(
    db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M1.3")
    wrong = right_answers(module)
    wrong["q1"] = str(wrong_choice(module.quiz[0]))
    wrong["q2"] = str(wrong_choice(module.quiz[1]))
    response = trainee_client.post("/training/modules/M1.3/quiz", data=wrong)
    html = trainee_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You did not pass this time" in html
    assert "Right answer" in html
    trainee_client.post("/training/modules/M1.3/quiz", data=right_answers(module))
    assert [a.passed for a in attempts(db, trainee)] == [False, True]


def test_the_pass_mark_is_a_setting(app, db, trainee, trainee_client, curriculum, monkeypatch):
    module = curriculum.module("M1.2")
    one_wrong = right_answers(module)
    one_wrong["q1"] = str(wrong_choice(module.quiz[0]))
    monkeypatch.setitem(app.config, "TRAINING_PASS_MARK", 100)
    trainee_client.post("/training/modules/M1.2/quiz", data=one_wrong)
    monkeypatch.setitem(app.config, "TRAINING_PASS_MARK", 50)
    trainee_client.post("/training/modules/M1.2/quiz", data=one_wrong)
    assert [(a.pass_mark, a.passed) for a in attempts(db, trainee)] == [(100, False), (50, True)]


def test_a_later_stage_can_be_read_but_its_quiz_is_closed(db, trainee, trainee_client, curriculum):
    assert trainee_client.get("/training/modules/M2.1").status_code == 200
    page = trainee_client.get("/training/modules/M2.1").get_data(as_text=True)
    assert 'id="quiz-locked"' in page and "Stage 1: Aware" in page
    assert trainee_client.get("/training/modules/M2.1/quiz").status_code == 403
    module = curriculum.module("M2.1")
    response = trainee_client.post("/training/modules/M2.1/quiz", data=right_answers(module))
    assert response.status_code == 403
    assert attempts(db, trainee) == []


def test_passing_stage_one_opens_stage_two_only(trainee, trainee_client, curriculum):
    pass_stages(trainee, curriculum, 1)
    assert trainee_client.get("/training/modules/M2.1/quiz").status_code == 200
    assert trainee_client.get("/training/modules/M3.1/quiz").status_code == 403


def test_progress_survives_an_edit_of_the_module(
    app, trainee, trainee_client, curriculum, monkeypatch
):
    pass_stages(trainee, curriculum, 1)
    module = curriculum.module("M1.1")
    reordered = (*reversed(module.quiz), replace(module.quiz[0], question="A new question?"))
    edited_module = replace(module, title="A retitled module", quiz=reordered)
    edited = Curriculum(
        curriculum.stages, {**curriculum.modules, "M1.1": edited_module}, curriculum.placement
    )
    monkeypatch.setitem(app.extensions, "curriculum", edited)
    page = trainee_client.get("/training/modules/M1.1").get_data(as_text=True)
    assert "A retitled module" in page
    assert '<strong class="govuk-tag govuk-tag--green">Passed</strong>' in page
    assert trainee_client.get("/training/modules/M2.1/quiz").status_code == 200


def test_a_stored_attempt_shows_the_questions_as_they_were(
    app, db, trainee, trainee_client, curriculum, monkeypatch
):
    module = curriculum.module("M1.1")
    trainee_client.post("/training/modules/M1.1/quiz", data=right_answers(module))
    [attempt] = attempts(db, trainee)
    changed = replace(module.quiz[0], question="Rewritten question?", explanation="Rewritten.")
    edited_module = replace(module, quiz=(changed, *module.quiz[1:]))
    edited = Curriculum(
        curriculum.stages, {**curriculum.modules, "M1.1": edited_module}, curriculum.placement
    )
    monkeypatch.setitem(app.extensions, "curriculum", edited)
    html = trainee_client.get(f"/training/modules/M1.1/attempts/{attempt.id}").get_data(
        as_text=True
    )
    assert module.quiz[0].question in unescape(html)
    assert "Rewritten question?" not in html


def test_answers_to_a_quiz_that_changed_meanwhile_are_not_marked(
    app, db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M1.1")
    data = {**right_answers(module), "version": "an-older-quiz"}
    html = trainee_client.post("/training/modules/M1.1/quiz", data=data).get_data(as_text=True)
    assert "This quiz changed after you opened it" in html
    assert attempts(db, trainee) == []


def test_nobody_sees_another_persons_attempt(db, make_user, sign_in, trainee, curriculum):
    pass_stages(trainee, curriculum, 1)
    attempt = attempts(db, trainee)[0]
    other = sign_in(make_user(name="Olive Other"))
    assert (
        other.get(f"/training/modules/{attempt.module_id}/attempts/{attempt.id}").status_code == 404
    )


def test_an_unknown_module_is_not_found(trainee_client):
    assert trainee_client.get("/training/modules/M9.9").status_code == 404
    assert trainee_client.get("/training/modules/M9.9/quiz").status_code == 404
