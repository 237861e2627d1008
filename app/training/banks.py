"""The standards a question bank must meet, so that a quiz tests understanding (pure).

A bank is the set of questions a quiz or a placement stage draws from. Two standards apply:

* **Size.** A module's bank has at least :data:`MODULE_BANK_SIZE` questions and each attempt
  draws :data:`QUESTIONS_PER_QUIZ` of them; a placement stage has at least
  :data:`PLACEMENT_BANK_SIZE` and draws :data:`QUESTIONS_PER_PLACEMENT_STAGE`.
* **Balance.** Someone who always picks the longest option must not pass. With ``k``
  questions whose right answer is the longest option (a tie for longest counts), the worst
  draw gives that strategy ``min(k, n)`` right out of ``n``. A bank is balanced when ``k`` is
  at most a third of the bank *and* ``min(k, n)`` falls short of the pass mark, so no draw
  passes, however large the bank grows.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil

from .content import Problem, Question

MODULE_BANK_SIZE = 12
QUESTIONS_PER_QUIZ = 6
PLACEMENT_BANK_SIZE = 5
QUESTIONS_PER_PLACEMENT_STAGE = 5
PLACEMENT_PASS_MARK = 100
"""A placement stage is passed only with every drawn question right: placement skips modules."""


def longest_is_right(question: Question) -> bool:
    """Whether the right answer is the longest option, or ties for it."""
    lengths = [len(option) for option in question.options]
    return lengths[question.answer] == max(lengths)


def always_longest(question: Question) -> int:
    """The option someone who always picks the longest option chooses: the right one when it
    ties for longest (the worst case), otherwise the first longest."""
    if longest_is_right(question):
        return question.answer
    lengths = [len(option) for option in question.options]
    return lengths.index(max(lengths))


def worst_case_draw(bank: Sequence[Question], size: int) -> tuple[Question, ...]:
    """The draw of ``size`` questions that is kindest to always picking the longest option:
    every question whose right answer is the longest first."""
    ranked = sorted(bank, key=lambda question: not longest_is_right(question))
    return tuple(ranked[:size])


def passes(right: int, total: int, pass_mark: int) -> bool:
    """Whether ``right`` out of ``total`` reaches ``pass_mark`` per cent (as marking counts)."""
    return total > 0 and right * 100 >= pass_mark * total


def most_longest_right(bank_size: int, draw_size: int, pass_mark: int) -> int:
    """How many questions of a bank may have the longest option as the right answer."""
    drawn = min(bank_size, draw_size)
    needed_to_pass = ceil(pass_mark * drawn / 100)
    return max(min(bank_size // 3, needed_to_pass - 1), 0)


def bank_problems(
    label: str,
    where: str,
    bank: Sequence[Question],
    minimum: int,
    draw_size: int,
    pass_mark: int,
) -> list[Problem]:
    """The problems of one bank against the size and balance standards (never blocking)."""
    problems = []
    if len(bank) < minimum:
        problems.append(
            Problem(
                label,
                f"{where} has {len(bank)} questions; it needs at least {minimum}",
                blocking=False,
            )
        )
    longest = [
        question.id or f"question {number}"
        for number, question in enumerate(bank, start=1)
        if longest_is_right(question)
    ]
    allowed = most_longest_right(len(bank), draw_size, pass_mark)
    if bank and len(longest) > allowed:
        problems.append(
            Problem(
                label,
                f"{where}: the right answer is the longest option (or ties for it) in "
                f"{len(longest)} of {len(bank)} questions ({', '.join(longest)}); at most "
                f"{allowed} may be, so that always choosing the longest option cannot pass",
                blocking=False,
            )
        )
    return problems
