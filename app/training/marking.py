"""Marking quizzes and the placement self-assessment (pure: no Flask, no database)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from .content import Question

DEFAULT_PASS_MARK = 80


@dataclass(frozen=True)
class MarkedAnswer:
    """One answered question, kept with its texts so later edits cannot change the record."""

    question: str
    chosen: str
    correct_option: str
    correct: bool
    explanation: str


@dataclass(frozen=True)
class Marking:
    """A marked quiz: the answers, the number right, the score in per cent and the result."""

    answers: tuple[MarkedAnswer, ...]
    right: int
    total: int
    score: int
    passed: bool

    def answers_as_records(self) -> list[dict]:
        """The answers as plain dicts, for storing."""
        return [asdict(answer) for answer in self.answers]


def mark(questions: Sequence[Question], chosen: Sequence[int], pass_mark: int) -> Marking:
    """Mark the chosen option of each question; passed when the score reaches ``pass_mark``%."""
    if len(chosen) != len(questions):
        raise ValueError(f"{len(chosen)} answers for {len(questions)} questions")
    if not 0 <= pass_mark <= 100:
        raise ValueError(f"the pass mark must be between 0 and 100, not {pass_mark}")
    answers = tuple(
        MarkedAnswer(
            question=question.question,
            chosen=question.options[choice],
            correct_option=question.options[question.answer],
            correct=choice == question.answer,
            explanation=question.explanation,
        )
        for question, choice in zip(questions, chosen, strict=True)
    )
    right = sum(answer.correct for answer in answers)
    total = len(answers)
    return Marking(
        answers=answers,
        right=right,
        total=total,
        score=round(100 * right / total) if total else 0,
        passed=total > 0 and right * 100 >= pass_mark * total,
    )


def placement_stage(
    placement: Mapping[int, Sequence[Question]], chosen: Mapping[int, Sequence[int]]
) -> int:
    """The highest stage whose questions were all answered right (0 when there is none).

    Being placed at a stage places a person at every stage below it too.
    """
    passed = [
        stage
        for stage, questions in placement.items()
        if questions
        and len(chosen.get(stage, ())) == len(questions)
        and all(q.answer == c for q, c in zip(questions, chosen[stage], strict=True))
    ]
    return max(passed, default=0)


def quiz_version(questions: Sequence[Question]) -> str:
    """A short fingerprint of a quiz, so an answer sheet made for an older quiz is noticed."""
    text = json.dumps([asdict(question) for question in questions], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
