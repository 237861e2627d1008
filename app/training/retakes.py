"""When a quiz or the placement self-assessment can be taken again (pure).

Two failed attempts in a row at a module's quiz start a cool-down, so that answers cannot be
found by trying every option in turn; a pass ends the run of failures. After a cool-down a
person has two more attempts before the next one. The placement self-assessment can be taken
again only after a set number of days, because it opens later stages' quizzes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

FAILURES_BEFORE_COOLDOWN = 2
DEFAULT_COOLDOWN_HOURS = 24
DEFAULT_PLACEMENT_RETAKE_DAYS = 30


def cooldown_ends(results: Iterable[tuple[datetime, bool]], hours: float) -> datetime | None:
    """When the cool-down after the last attempt ends, or None when that attempt started none.

    ``results`` holds (submitted at, passed) for each attempt at one quiz, oldest first. The
    result may lie in the past: the caller compares it with the time now.
    """
    if hours <= 0:
        return None
    failures, ends = 0, None
    for submitted_at, passed in results:
        ends = None
        failures = 0 if passed else failures + 1
        if failures == FAILURES_BEFORE_COOLDOWN:
            failures, ends = 0, submitted_at + timedelta(hours=hours)
    return ends


def placement_retake_from(placed_at: datetime, days: float) -> datetime:
    """The first moment the placement self-assessment can be taken again."""
    return placed_at + timedelta(days=days)
