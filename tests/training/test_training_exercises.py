"""What a person does in a module besides its quiz: marking it read, and answering its exercise
on the platform as a draft or submitted, shown back on the module page and the dashboard."""

from html import unescape

from sqlalchemy import select

from app.training.models import ExerciseAnswer

from .conftest import edit, pass_modules


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return unescape(response.get_data(as_text=True))


def test_every_module_with_an_exercise_section_declares_its_prompt(curriculum):
    for module in curriculum.modules.values():
        assert "## Exercise" in module.body and module.exercise, module.id


def test_the_exercise_page_shows_the_prompt(trainee_client, curriculum):
    html = page(trainee_client, "/training/modules/M2.1/exercise")
    assert curriculum.module("M2.1").exercise in html
    assert 'name="answer"' in html and "Save as draft" in html and "Submit your answer" in html
    # each button sends its own name, so the page knows which one was pressed
    assert 'value="y" name="submit"' in html and 'value="y" name="save"' in html


def test_a_draft_is_kept_and_shown_back(db, trainee, trainee_client):
    answer = "Drivers, riders who lose the Sunday service, and the council's transport team."
    response = trainee_client.post(
        "/training/modules/M2.1/exercise", data={"answer": answer, "save": "y"}
    )
    assert response.status_code == 302
    html = page(trainee_client, "/training/modules/M2.1/exercise")
    assert "Your answer is saved as a draft." in html
    assert answer in html and "Draft" in html
    module_page = page(trainee_client, "/training/modules/M2.1")
    assert "Draft saved" in module_page.split('id="module-exercise"')[1].split("</dd>")[0]
    saved = db.session.scalar(select(ExerciseAnswer).where(ExerciseAnswer.user_id == trainee.id))
    assert (saved.status, saved.answer) == ("draft", answer)


def test_a_submitted_answer_is_shown_back_and_stays_submitted_when_changed(db, trainee_client):
    trainee_client.post(
        "/training/modules/M1.1/exercise", data={"answer": "First go", "submit": "y"}
    )
    html = page(trainee_client, "/training/modules/M1.1/exercise")
    assert "Your answer is submitted." in html and "First go" in html
    assert "Submitted" in html and "Save your changes" in html
    trainee_client.post(
        "/training/modules/M1.1/exercise", data={"answer": "Second go", "submit": "y"}
    )
    html = page(trainee_client, "/training/modules/M1.1/exercise")
    assert "Second go" in html and "First go" not in html
    module_page = page(trainee_client, "/training/modules/M1.1")
    assert "Submitted" in module_page.split('id="module-exercise"')[1].split("</dd>")[0]
    dashboard = page(trainee_client, "/training/")
    assert "About 40 minutes. Exercise submitted" in dashboard


def test_an_empty_answer_is_asked_for_and_a_long_one_is_kept_with_the_error(trainee_client):
    html = unescape(
        trainee_client.post(
            "/training/modules/M1.1/exercise", data={"answer": "  ", "submit": "y"}
        ).get_data(as_text=True)
    )
    assert "govuk-error-summary" in html and "Enter your answer to the exercise" in html
    too_long = "word " * 2001
    response = trainee_client.post(
        "/training/modules/M1.1/exercise", data={"answer": too_long, "save": "y"}
    )
    assert response.status_code == 200
    html = unescape(response.get_data(as_text=True))
    assert "Your answer must be 10,000 characters or fewer" in html
    assert too_long.strip()[:200] in html


def test_a_module_without_an_exercise_has_no_exercise_page(trainee_client):
    assert trainee_client.get("/training/modules/M9.9/exercise").status_code == 404


def test_one_person_never_sees_anothers_answer(make_user, sign_in, client):
    sign_in(make_user(name="First Person"))
    client.post("/training/modules/M1.2/exercise", data={"answer": "My own words", "save": "y"})
    client.post("/sign-out")
    sign_in(make_user(name="Second Person"))
    assert "My own words" not in page(client, "/training/modules/M1.2/exercise")


def test_marking_a_module_read_is_kept_and_shown(trainee, trainee_client, curriculum):
    before = page(trainee_client, "/training/modules/M1.3")
    assert "Not marked as read" in before and "I have read this module" in before
    response = trainee_client.post("/training/modules/M1.3/read")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/training/modules/M1.3#your-progress")
    after = page(trainee_client, "/training/modules/M1.3")
    assert ">Read</strong>" in after.split('id="module-read"')[1].split("</dd>")[0]
    assert "I have read this module" not in after
    pass_modules(trainee, curriculum, "M1.3")
    dashboard = page(trainee_client, "/training/")
    assert f"About {curriculum.module('M1.3').minutes} minutes. Read" in dashboard
    quiz_state = page(trainee_client, "/training/modules/M1.3").split('id="module-state"')[1]
    assert "Passed" in quiz_state.split("</dd>")[0]


def test_a_body_with_an_exercise_but_no_prompt_is_reported(content):
    from app.training.curriculum import check_curriculum

    path = content / "curriculum" / "modules" / "M2.2.md"
    text = path.read_text(encoding="utf-8")
    prompt_line = next(line for line in text.splitlines() if line.startswith("exercise: "))
    edit(path, prompt_line + "\n", "")
    problems = [str(p) for p in check_curriculum(content / "curriculum", content / "rules")]
    assert (
        "curriculum/modules/M2.2.md: the body has an Exercise section but the header has no "
        "'exercise' prompt for learners to answer on the platform" in problems
    )
