"""Module pages and quizzes: six questions drawn per attempt and marked on the server, answers
revealed only after a pass, a cool-down after two failures, gated by stage."""

from dataclasses import replace
from html import unescape

import pytest
from sqlalchemy import select

from app.training.content import Curriculum
from app.training.models import QuizAttempt

from .conftest import answer_sheet, move_back, pass_stages, read_page, take_quiz


def attempts(db, user):
    query = select(QuizAttempt).where(QuizAttempt.user_id == user.id).order_by(QuizAttempt.id)
    return list(db.session.scalars(query))


def quiz_page(client, module_id: str) -> str:
    response = client.get(f"/training/modules/{module_id}/quiz")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def result_page(client, response) -> str:
    assert response.status_code == 302, response.status_code
    return unescape(client.get(response.headers["Location"]).get_data(as_text=True))


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


def test_a_module_page_shows_the_objectives_the_body_and_how_the_quiz_works(
    trainee_client, curriculum
):
    module = curriculum.module("M1.1")
    html = unescape(trainee_client.get("/training/modules/M1.1").get_data(as_text=True))
    assert module.title in html
    assert module.objectives[0] in html
    assert '<h2 class="govuk-heading-m">Worked example</h2>' in html
    assert 'id="take-quiz"' in html
    assert f"Each attempt asks 6 questions drawn from a bank of {len(module.quiz)}" in html
    assert "After two attempts in a row that do not pass, the quiz closes for 24 hours." in html


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


def test_the_quiz_page_shows_six_questions_of_the_bank_and_no_answers(trainee_client, curriculum):
    module = curriculum.module("M1.2")
    page = quiz_page(trainee_client, "M1.2")
    shown, _ = read_page(unescape(page))
    assert len(shown) == 6
    texts = {question.question: question for question in module.quiz}
    assert len({item.question for item in shown}) == 6
    for item in shown:
        question = texts[item.question]
        assert sorted(item.options) == sorted(question.options)
        assert question.explanation not in unescape(page)
    assert " checked" not in page


def test_the_draw_is_the_same_until_the_attempt_is_submitted(trainee_client, curriculum):
    first = read_page(unescape(quiz_page(trainee_client, "M1.2")))[0]
    again = read_page(unescape(quiz_page(trainee_client, "M1.2")))[0]
    assert first == again
    take_quiz(trainee_client, curriculum.module("M1.2"))
    after = read_page(unescape(quiz_page(trainee_client, "M1.2")))[0]
    assert after != first


def test_right_answers_pass_and_the_result_reveals_every_answer_and_explanation(
    db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M1.1")
    html = result_page(trainee_client, take_quiz(trainee_client, module, wrong=1))
    assert "You passed" in html
    assert "You scored 83% (5 of 6)" in html
    [attempt] = attempts(db, trainee)
    assert (attempt.module_id, attempt.total, attempt.passed) == ("M1.1", 6, True)
    wrong = next(answer for answer in attempt.answers if not answer["correct"])
    assert "Right answer" in html and wrong["correct_option"] in html
    for answer in attempt.answers:
        assert answer["explanation"] in html
        assert answer["id"].startswith("M1.1-q")


def test_a_failed_attempt_gives_the_score_and_the_wrong_questions_but_no_answers(
    db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M1.3")
    html = result_page(trainee_client, take_quiz(trainee_client, module, wrong=2))
    assert "You did not pass this time" in html
    assert "You scored 67% (4 of 6). You need 80% to pass." in html
    [attempt] = attempts(db, trainee)
    assert html.count("govuk-tag--red") == 2 and html.count("govuk-tag--green") == 4
    assert "Right answer" not in html
    for answer in attempt.answers:
        assert answer["question"] in html
        assert answer["explanation"] not in html
        if not answer["correct"]:
            assert answer["correct_option"] not in html


def test_the_draw_cannot_be_swapped_by_posting_other_question_ids(
    db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M2.1")
    pass_stages(trainee, curriculum, 1)
    page = quiz_page(trainee_client, "M2.1")
    shown, _ = read_page(unescape(page))
    others = [q for q in module.quiz if q.question not in {item.question for item in shown}]
    data = answer_sheet(unescape(page), module.quiz, wrong=6)
    data.update({"questions": ",".join(q.id for q in others[:6]), "ids": others[0].id})
    data.update({f"q{n}": str(q.answer) for n, q in enumerate(others[:6], start=7)})
    trainee_client.post("/training/modules/M2.1/quiz", data=data)
    attempt = attempts(db, trainee)[-1]
    assert [answer["question"] for answer in attempt.answers] == [i.question for i in shown]
    assert (attempt.correct, attempt.passed) == (0, False)


def test_two_failed_attempts_in_a_row_close_the_quiz_until_the_cool_down_ends(
    db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M1.2")
    take_quiz(trainee_client, module, wrong=3)
    assert trainee_client.get("/training/modules/M1.2/quiz").status_code == 200
    second = result_page(trainee_client, take_quiz(trainee_client, module, wrong=3))
    assert "the quiz is closed until" in second
    assert "Try the quiz again" not in second
    closed = trainee_client.get("/training/modules/M1.2/quiz")
    assert closed.status_code == 403
    assert "You did not pass your last two attempts, so the quiz is closed until" in unescape(
        closed.get_data(as_text=True)
    )
    posted = trainee_client.post("/training/modules/M1.2/quiz", data={"q1": "0"})
    assert posted.status_code == 403 and len(attempts(db, trainee)) == 2
    module_page = trainee_client.get("/training/modules/M1.2").get_data(as_text=True)
    assert 'id="quiz-cooldown"' in module_page and 'id="take-quiz"' not in module_page
    move_back(db, attempts(db, trainee), hours=23)
    assert trainee_client.get("/training/modules/M1.2/quiz").status_code == 403
    move_back(db, attempts(db, trainee), hours=1.1)
    assert trainee_client.get("/training/modules/M1.2/quiz").status_code == 200
    assert take_quiz(trainee_client, module).status_code == 302
    assert [a.passed for a in attempts(db, trainee)] == [False, False, True]


def test_the_cool_down_is_a_setting(app, db, trainee, trainee_client, curriculum, monkeypatch):
    monkeypatch.setitem(app.config, "QUIZ_COOLDOWN_HOURS", 2)
    module = curriculum.module("M1.2")
    take_quiz(trainee_client, module, wrong=3)
    take_quiz(trainee_client, module, wrong=3)
    assert trainee_client.get("/training/modules/M1.2/quiz").status_code == 403
    move_back(db, attempts(db, trainee), hours=2.1)
    assert trainee_client.get("/training/modules/M1.2/quiz").status_code == 200


def test_a_pass_between_failures_starts_no_cool_down(db, trainee, trainee_client, curriculum):
    module = curriculum.module("M1.1")
    take_quiz(trainee_client, module, wrong=3)
    take_quiz(trainee_client, module)
    take_quiz(trainee_client, module, wrong=3)
    assert trainee_client.get("/training/modules/M1.1/quiz").status_code == 200
    assert [a.passed for a in attempts(db, trainee)] == [False, True, False]


def test_a_missing_answer_is_named_and_the_other_answers_are_kept(db, trainee, trainee_client):
    page = quiz_page(trainee_client, "M1.1")
    data = {"version": read_page(page)[1]["version"], "q1": "1", "q2": "2"}
    response = trainee_client.post("/training/modules/M1.1/quiz", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert '<a href="#q3">Select an answer to question 3</a>' in html
    assert 'id="q1-2" name="q1" type="radio" value="1" checked' in html
    assert 'id="q2-3" name="q2" type="radio" value="2" checked' in html
    assert attempts(db, trainee) == []


def test_the_pass_mark_is_a_setting(app, db, trainee, trainee_client, curriculum, monkeypatch):
    module = curriculum.module("M1.2")
    monkeypatch.setitem(app.config, "TRAINING_PASS_MARK", 100)
    take_quiz(trainee_client, module, wrong=1)
    monkeypatch.setitem(app.config, "TRAINING_PASS_MARK", 50)
    take_quiz(trainee_client, module, wrong=1)
    assert [(a.pass_mark, a.passed) for a in attempts(db, trainee)] == [(100, False), (50, True)]


def test_a_later_stage_can_be_read_but_its_quiz_is_closed(db, trainee, trainee_client, curriculum):
    assert trainee_client.get("/training/modules/M2.1").status_code == 200
    page = trainee_client.get("/training/modules/M2.1").get_data(as_text=True)
    assert 'id="quiz-locked"' in page and "Stage 1: Aware" in page
    assert trainee_client.get("/training/modules/M2.1/quiz").status_code == 403
    response = trainee_client.post("/training/modules/M2.1/quiz", data={"q1": "0"})
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
    take_quiz(trainee_client, module)
    [attempt] = attempts(db, trainee)
    asked = attempt.answers[0]["question"]
    rewritten = tuple(
        replace(q, question="Rewritten question?", explanation="Rewritten.") for q in module.quiz
    )
    edited = Curriculum(
        curriculum.stages,
        {**curriculum.modules, "M1.1": replace(module, quiz=rewritten)},
        curriculum.placement,
    )
    monkeypatch.setitem(app.extensions, "curriculum", edited)
    html = trainee_client.get(f"/training/modules/M1.1/attempts/{attempt.id}").get_data(
        as_text=True
    )
    assert asked in unescape(html)
    assert "Rewritten question?" not in html


def test_answers_to_a_quiz_that_changed_meanwhile_are_not_marked(
    db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M1.1")
    page = unescape(quiz_page(trainee_client, "M1.1"))
    data = {**answer_sheet(page, module.quiz), "version": "an-older-quiz"}
    html = trainee_client.post("/training/modules/M1.1/quiz", data=data).get_data(as_text=True)
    assert "These questions changed after you opened the page" in html
    assert attempts(db, trainee) == []


def test_answers_to_an_attempt_already_submitted_are_not_marked_again(
    db, trainee, trainee_client, curriculum
):
    module = curriculum.module("M1.1")
    page = unescape(quiz_page(trainee_client, "M1.1"))
    sheet = answer_sheet(page, module.quiz)
    trainee_client.post("/training/modules/M1.1/quiz", data=sheet)
    html = trainee_client.post("/training/modules/M1.1/quiz", data=sheet).get_data(as_text=True)
    assert "These questions changed after you opened the page" in html
    assert len(attempts(db, trainee)) == 1


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
