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

    id: str
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
            id=question.id,
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
    """The stage a person is placed at: the first stage, in order, whose questions they did
    not all answer right, so every stage below it was passed; the last stage when they passed
    every one (0 when there are no stages).

    Being placed at a stage opens its quizzes; it passes no module.
    """
    stages = sorted(placement)
    for stage in stages:
        questions, answers = placement[stage], chosen.get(stage, ())
        if not (
            questions
            and len(answers) == len(questions)
            and all(q.answer == c for q, c in zip(questions, answers, strict=True))
        ):
            return stage
    return stages[-1] if stages else 0


def quiz_version(questions: Sequence[Question]) -> str:
    """A short fingerprint of the questions shown, options in their order, so an answer sheet
    made for another draw, or for an older version of the questions, is noticed."""
    text = json.dumps([asdict(question) for question in questions], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def review_by_stage(answers: Sequence[Mapping]) -> list[tuple[int, bool, list[Mapping]]]:
    """Stored placement answers grouped as (stage, every answer right, answers), in stage
    order, so a page can reveal the right answers of the stages passed and only those."""
    stages: dict[int, list[Mapping]] = {}
    for answer in answers:
        stages.setdefault(int(answer["stage"]), []).append(answer)
    return [
        (stage, all(answer["correct"] for answer in group), group)
        for stage, group in sorted(stages.items())
    ]
