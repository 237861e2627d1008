"""How long a body has left to decide a submission, in working days (no Flask, no database).

A deadline is the end of its due day, so a submission is overdue from the day after, and a
reminder goes for every submission due within ``REMIND_WITHIN`` working days or already late.
"""

from collections.abc import Set
from dataclasses import dataclass
from datetime import date

from ..workdays import working_days_between

REMIND_WITHIN = 5


@dataclass(frozen=True)
class TimeLeft:
    """Where a submission stands against its due date, in working days."""

    due: date
    left: int  # working days from today to the due date; 0 on the day, negative once late
    overdue: bool

    @property
    def late(self) -> int:
        """How many working days have passed since the due date (0 while it is not late)."""
        return -self.left if self.overdue else 0

    @property
    def label(self) -> str:
        """What the queue and the reminders say: days left, due today or overdue by how much."""
        if self.overdue:
            if self.late == 0:  # only a weekend or a bank holiday has passed since
                return f"Overdue: it was due on {self.due.strftime('%-d %B %Y')}"
            return f"Overdue by {plural(self.late)}"
        if self.left == 0:
            return "Due today"
        return f"{plural(self.left)} left"

    @property
    def remind(self) -> bool:
        """Whether the body's commissioners are reminded of it."""
        return self.overdue or self.left <= REMIND_WITHIN


def plural(days: int) -> str:
    """A number of working days, in words."""
    return f"{days} working day{'' if days == 1 else 's'}"


def time_left(due: date, today: date, holidays: Set[date]) -> TimeLeft:
    """The working days left until ``due`` (or past it) as seen on ``today``."""
    return TimeLeft(due, working_days_between(today, due, holidays), today > due)
