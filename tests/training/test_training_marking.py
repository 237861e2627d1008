"""Marking quizzes and placement: scores, the pass mark, and the highest stage passed."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.training.content import Question
from app.training.marking import mark, placement_stage, quiz_version, review_by_stage


def question(answer: int, text: str = "Q") -> Question:
    return Question(text, ("A", "B", "C"), answer, f"Because {'ABC'[answer]}.")


QUIZ = [
    question(0, "one"),
    question(1, "two"),
    question(2, "three"),
    question(0, "four"),
    question(1, "five"),
]


def test_all_right_scores_one_hundred_and_passes():
    marking = mark(QUIZ, [0, 1, 2, 0, 1], 80)
    assert (marking.right, marking.total, marking.score, marking.passed) == (5, 5, 100, True)


def test_four_out_of_five_passes_at_eighty_but_not_at_eighty_one():
    chosen = [0, 1, 2, 0, 0]
    assert mark(QUIZ, chosen, 80).passed
    assert not mark(QUIZ, chosen, 81).passed
    assert mark(QUIZ, chosen, 80).score == 80


def test_each_answer_keeps_the_texts_and_the_explanation():
    marking = mark(QUIZ, [1, 1, 2, 0, 1], 80)
    first = marking.answers[0]
    assert (first.question, first.chosen, first.correct_option, first.correct) == (
        "one",
        "B",
        "A",
        False,
    )
    assert first.explanation == "Because A."
    assert marking.answers_as_records()[1]["correct"] is True


def test_answers_must_match_the_questions():
    with pytest.raises(ValueError):
        mark(QUIZ, [0, 1], 80)
    with pytest.raises(ValueError):
        mark(QUIZ, [0, 1, 2, 0, 1], 101)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=2), min_size=5, max_size=5), st.integers(0, 100))
def test_passed_exactly_when_the_share_right_reaches_the_pass_mark(chosen, pass_mark):
    marking = mark(QUIZ, chosen, pass_mark)
    right = sum(c == q.answer for c, q in zip(chosen, QUIZ, strict=True))
    assert marking.right == right
    assert 0 <= marking.score <= 100
    assert marking.passed == (right * 100 >= pass_mark * len(QUIZ))


PLACEMENT = {1: [question(0), question(1)], 2: [question(2)], 3: [question(1), question(1)]}


def test_placement_is_the_stage_after_the_highest_passed_with_every_stage_below():
    assert placement_stage(PLACEMENT, {1: [0, 1], 2: [2], 3: [1, 0]}) == 3
    assert placement_stage(PLACEMENT, {1: [0, 1], 2: [0], 3: [1, 1]}) == 2


def test_a_stage_passed_above_a_stage_failed_does_not_count():
    assert placement_stage(PLACEMENT, {1: [1, 1], 2: [2], 3: [1, 1]}) == 1


def test_no_stage_passed_places_at_the_first_stage_and_every_stage_at_the_last():
    assert placement_stage(PLACEMENT, {1: [1, 1], 2: [0], 3: [0, 0]}) == 1
    assert placement_stage(PLACEMENT, {}) == 1
    assert placement_stage(PLACEMENT, {1: [0, 1], 2: [2], 3: [1, 1]}) == 3
    assert placement_stage({}, {}) == 0


def test_placement_answers_are_reviewed_stage_by_stage():
    answers = [
        {"stage": 2, "correct": True},
        {"stage": 1, "correct": True},
        {"stage": 1, "correct": False},
    ]
    review = review_by_stage(answers)
    assert [(stage, passed, len(group)) for stage, passed, group in review] == [
        (1, False, 2),
        (2, True, 1),
    ]


def test_each_marked_answer_keeps_the_question_id():
    marking = mark([question(0, "one")], [0], 80)
    assert marking.answers_as_records()[0]["id"] == ""
    named = Question("Q", ("A", "B"), 1, "Because B.", "M1.1-q01")
    assert mark([named], [1], 80).answers_as_records()[0]["id"] == "M1.1-q01"


def test_the_quiz_version_changes_when_a_question_changes():
    edited = [*QUIZ[:4], question(2, "five")]
    assert quiz_version(QUIZ) == quiz_version(list(QUIZ))
    assert quiz_version(QUIZ) != quiz_version(edited)
