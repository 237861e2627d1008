"""Drawing an attempt from a bank: which questions, and in what order their options come (pure).

A draw is a function of a secret and of who answers what, for which attempt: the page that
shows a quiz and the request that marks it compute the same draw, so it is remembered without
being sent to the learner, and nothing the learner reloads or posts can change it. The next
attempt draws afresh. Without the secret (the app's secret key) nobody can predict a draw.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from collections.abc import Sequence
from dataclasses import replace

from .content import Question


def draw_seed(secret: str | bytes, *parts: object) -> int:
    """A seed for one draw, from the secret and the parts that name the attempt."""
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    message = "\x1f".join(str(part) for part in parts).encode("utf-8")
    return int.from_bytes(hmac.new(key, message, hashlib.sha256).digest()[:8], "big")


def draw(bank: Sequence[Question], size: int, seed: int) -> tuple[Question, ...]:
    """``size`` questions of the bank (all of them when it is smaller), in a random order and
    each with its options shuffled; ``answer`` follows the right option to its new place."""
    chooser = random.Random(seed)
    picked = chooser.sample(range(len(bank)), min(size, len(bank)))
    return tuple(shuffle_options(bank[index], chooser) for index in picked)


def shuffle_options(question: Question, chooser: random.Random) -> Question:
    """The question with its options in a random order."""
    order = list(range(len(question.options)))
    chooser.shuffle(order)
    return replace(
        question,
        options=tuple(question.options[index] for index in order),
        answer=order.index(question.answer),
    )
