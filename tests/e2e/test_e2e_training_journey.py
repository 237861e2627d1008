"""A trainee passes a module's quiz and sees their stage progress move, in a real browser."""

import re
from pathlib import Path

import yaml
from playwright.sync_api import expect

MODULE = "M1.1"
MODULE_FILE = Path(__file__).resolve().parents[2] / "curriculum" / "modules" / f"{MODULE}.md"


def quiz_of(path: Path) -> list[dict]:
    """The quiz in a module file's YAML header: questions, options and the right answers."""
    header = path.read_text(encoding="utf-8").split("---")[1]
    return yaml.safe_load(header)["quiz"]


def drawn_questions(page, bank: list[dict]) -> list[dict]:
    """The questions this attempt drew, in the order the page shows them."""
    by_text = {" ".join(question["question"].split()): question for question in bank}
    legends = page.locator("form legend").all_inner_texts()
    return [by_text[" ".join(re.sub(r"^\d+\.\s*", "", legend).split())] for legend in legends]


def passed_in_stage(text: str) -> int:
    """How many modules the dashboard says are passed towards the next stage."""
    found = re.search(r"\((\d+) of \d+ modules passed\)", text)
    assert found, f"no progress in {text!r}"
    return int(found.group(1))


def test_a_trainee_passes_a_quiz_and_moves_on_in_their_stage(visitor, audit):
    """Dashboard, module, a quiz with a question missed, then passed; the progress moves."""
    bank = quiz_of(MODULE_FILE)
    trainee = visitor("trainee")
    trainee.sign_in("trainee@demo.example.org", "demo-pass-2026")
    trainee.follow("Training", screenshot="training-dashboard")
    before = passed_in_stage(trainee.page.locator("#working-towards").inner_text())

    trainee.go_by(trainee.page.locator(f"a[href$='/training/modules/{MODULE}']").first)
    expect(trainee.page.locator("#module-state")).not_to_have_text("Passed")
    trainee.go_by(trainee.page.locator("#take-quiz"), screenshot="training-quiz")
    quiz = drawn_questions(trainee.page, bank)
    assert len(quiz) == 6

    for number, question in enumerate(quiz[:-1], start=1):
        answer = question["options"][question["answer"]]
        trainee.choose(f"{number}. {' '.join(question['question'].split())}", answer)
    trainee.press("Submit your answers")
    expect(trainee.error_summary()).to_contain_text(f"Select an answer to question {len(quiz)}")
    first = quiz[0]
    expect(trainee.page.get_by_label(first["options"][first["answer"]])).to_be_checked()

    last = quiz[-1]
    legend = f"{len(quiz)}. {' '.join(last['question'].split())}"
    trainee.choose(legend, last["options"][last["answer"]])
    trainee.press("Submit your answers", screenshot="training-result")
    expect(trainee.page.locator(".govuk-panel")).to_contain_text("You passed")
    expect(trainee.page.locator(".govuk-panel")).to_contain_text(f"{len(quiz)} of {len(quiz)}")

    trainee.follow("Back to training")
    after = passed_in_stage(trainee.page.locator("#working-towards").inner_text())
    assert after == before + 1
    trainee.go_by(trainee.page.locator(f"a[href$='/training/modules/{MODULE}']").first)
    expect(trainee.page.locator("#module-state")).to_have_text("Passed")
    audit.assert_clean()
