"""Question banks: always choosing the longest option passes no quiz and places no higher than
stage 1, for every bank in the repository and whatever is drawn; the standards that make sure
of it; and the draw itself."""

import pytest

from app.training.banks import (
    MODULE_BANK_SIZE,
    PLACEMENT_BANK_SIZE,
    PLACEMENT_PASS_MARK,
    QUESTIONS_PER_PLACEMENT_STAGE,
    QUESTIONS_PER_QUIZ,
    always_longest,
    bank_problems,
    longest_is_right,
    most_longest_right,
    worst_case_draw,
)
from app.training.content import Question
from app.training.draw import draw, draw_seed
from app.training.marking import DEFAULT_PASS_MARK, mark, placement_stage

from .conftest import ROOT

MODULE_IDS = sorted(path.stem for path in (ROOT / "curriculum" / "modules").glob("M*.md"))


def question(longest_right: bool, ident: str = "") -> Question:
    """Four options; the right one is the longest or the shortest."""
    options = (
        "A short one",
        "A middling option",
        "A rather longer option",
        "The longest option here",
    )
    return Question("Which?", options, 3 if longest_right else 0, "Because.", ident)


@pytest.mark.parametrize("module_id", MODULE_IDS)
def test_always_choosing_the_longest_option_passes_no_draw_of_the_quiz(curriculum, module_id):
    module = curriculum.module(module_id)
    assert len(module.quiz) >= MODULE_BANK_SIZE
    drawn = worst_case_draw(module.quiz, QUESTIONS_PER_QUIZ)
    marking = mark(drawn, [always_longest(q) for q in drawn], DEFAULT_PASS_MARK)
    assert not marking.passed, f"{module_id}: {marking.right} of {marking.total} right"


@pytest.mark.parametrize("module_id", MODULE_IDS)
def test_always_choosing_the_longest_option_fails_the_random_draws_too(curriculum, module_id):
    module = curriculum.module(module_id)
    for seed in range(200):
        drawn = draw(module.quiz, QUESTIONS_PER_QUIZ, seed)
        marking = mark(drawn, [always_longest(q) for q in drawn], DEFAULT_PASS_MARK)
        assert not marking.passed, f"{module_id}, draw {seed}"


@pytest.mark.parametrize("stage", [1, 2, 3, 4, 5])
def test_always_choosing_the_longest_option_passes_no_placement_stage(curriculum, stage):
    bank = curriculum.placement[stage]
    assert len(bank) >= PLACEMENT_BANK_SIZE
    drawn = worst_case_draw(bank, QUESTIONS_PER_PLACEMENT_STAGE)
    marking = mark(drawn, [always_longest(q) for q in drawn], PLACEMENT_PASS_MARK)
    assert not marking.passed, f"stage {stage}: {marking.right} of {marking.total} right"


def test_always_choosing_the_longest_option_places_at_stage_one(curriculum):
    drawn = {
        stage: worst_case_draw(questions, QUESTIONS_PER_PLACEMENT_STAGE)
        for stage, questions in curriculum.placement.items()
    }
    chosen = {stage: [always_longest(q) for q in questions] for stage, questions in drawn.items()}
    assert placement_stage(drawn, chosen) == curriculum.stages[0].number == 1


def test_a_tie_for_longest_counts_as_the_longest():
    tied = Question("Which?", ("Same size", "Same kind", "Short"), 1, "Because.")
    assert longest_is_right(tied)
    assert always_longest(tied) == 1


def test_a_bank_of_fewer_than_twelve_questions_is_reported():
    bank = [question(False, f"M9.1-q{n:02d}") for n in range(1, 12)]
    [problem] = bank_problems("m.md", "the quiz", bank, MODULE_BANK_SIZE, 6, 80)
    assert problem.message == "the quiz has 11 questions; it needs at least 12"
    assert not problem.blocking


def test_more_than_a_third_longest_right_is_reported_naming_the_questions():
    bank = [question(n <= 5, f"M9.1-q{n:02d}") for n in range(1, 13)]
    [problem] = bank_problems("m.md", "the quiz", bank, MODULE_BANK_SIZE, 6, 80)
    assert "in 5 of 12 questions (M9.1-q01, M9.1-q02, M9.1-q03, M9.1-q04, M9.1-q05)" in (
        problem.message
    )
    assert "at most 4 may be" in problem.message
    fair = [question(n <= 4) for n in range(1, 13)]
    assert bank_problems("m.md", "the quiz", fair, MODULE_BANK_SIZE, 6, 80) == []


def test_a_large_bank_is_held_to_what_a_draw_of_six_could_pass():
    # A third of 18 is 6, and six longest-right questions could make up a whole draw.
    bank = [question(n <= 6) for n in range(1, 19)]
    assert most_longest_right(18, 6, 80) == 4
    assert len(bank_problems("m.md", "the quiz", bank, MODULE_BANK_SIZE, 6, 80)) == 1
    assert most_longest_right(18, 6, 50) == 2


def test_a_placement_stage_must_not_be_passable_by_length_alone():
    assert most_longest_right(5, 5, 100) == 1
    assert most_longest_right(9, 5, 100) == 3
    assert most_longest_right(15, 5, 100) == 4


def test_a_draw_is_fixed_by_its_seed_and_changes_with_it():
    bank = [question(n % 2 == 0, f"M9.1-q{n:02d}") for n in range(12)]
    assert draw(bank, 6, 7) == draw(bank, 6, 7)
    draws = {tuple(q.id for q in draw(bank, 6, seed)) for seed in range(50)}
    assert len(draws) > 40


def test_a_draw_shuffles_the_options_and_the_answer_follows_the_right_one():
    bank = [question(True, f"M9.1-q{n:02d}") for n in range(12)]
    orders = set()
    for seed in range(30):
        for drawn in draw(bank, 6, seed):
            original = next(q for q in bank if q.id == drawn.id)
            assert sorted(drawn.options) == sorted(original.options)
            assert drawn.options[drawn.answer] == original.options[original.answer]
            orders.add(drawn.options)
    assert len(orders) > 12


def test_a_bank_smaller_than_the_draw_is_drawn_whole():
    bank = [question(False, f"p{n}") for n in range(3)]
    assert sorted(q.id for q in draw(bank, 5, 1)) == ["p0", "p1", "p2"]


def test_seeds_differ_by_secret_person_module_and_attempt():
    seeds = {
        draw_seed("secret", "quiz", 1, "M1.1", 0),
        draw_seed("secret", "quiz", 1, "M1.1", 1),
        draw_seed("secret", "quiz", 2, "M1.1", 0),
        draw_seed("secret", "quiz", 1, "M1.2", 0),
        draw_seed("another", "quiz", 1, "M1.1", 0),
    }
    assert len(seeds) == 5
    assert draw_seed("secret", "quiz", 1, "M1.1", 0) == draw_seed(b"secret", "quiz", 1, "M1.1", 0)


def test_worst_case_draw_puts_the_longest_right_questions_first():
    bank = [question(n in (3, 7), f"q{n}") for n in range(10)]
    assert [q.id for q in worst_case_draw(bank, 3)][:2] == ["q3", "q7"]
