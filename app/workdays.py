"""Working days in England and Wales: Monday to Friday, except bank holidays.

A public body's response period is counted in working days, so a submission received before
Christmas or Easter is not due sooner, in working time, than one received in March. The bank
holidays are data (``bank-holidays-england-and-wales.yaml`` beside this module, from gov.uk),
read once when first needed; every function here takes them as an argument and is pure.

Counting starts on the day after ``start``: the day something is received is not one of the
working days the body has, as a letter received on a Monday with five working days to answer
is due on the next Monday.
"""

from collections.abc import Set
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path

import yaml

HOLIDAYS_FILE = Path(__file__).resolve().parent / "bank-holidays-england-and-wales.yaml"
SATURDAY = 5


def load_holidays(path: Path = HOLIDAYS_FILE) -> frozenset[date]:
    """The bank holidays listed in a holidays file; refuses a file that is not one, naming it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    listed = data.get("holidays") if isinstance(data, dict) else None
    if not isinstance(listed, dict) or not all(isinstance(day, date) for day in listed):
        raise ValueError(f"{path.name}: 'holidays' must map dates (YYYY-MM-DD) to their names")
    return frozenset(listed)


@cache
def bank_holidays() -> frozenset[date]:
    """The bank holidays of England and Wales, read from the project's file once."""
    return load_holidays()


def is_working_day(day: date, holidays: Set[date]) -> bool:
    """Monday to Friday and not a bank holiday."""
    return day.weekday() < SATURDAY and day not in holidays


def add_working_days(start: date, n: int, holidays: Set[date]) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself when ``n`` is 0).

    >>> add_working_days(date(2026, 12, 24), 2, frozenset({date(2026, 12, 25),
    ...     date(2026, 12, 28)}))
    datetime.date(2026, 12, 30)
    """
    if n < 0:
        raise ValueError("n must be 0 or more working days")
    day = start
    while n:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            n -= 1
    return day


def working_days_between(start: date, end: date, holidays: Set[date]) -> int:
    """How many working days fall after ``start`` up to and including ``end``.

    Negative when ``end`` is before ``start``, so that for any ``n`` ≥ 0
    ``working_days_between(d, add_working_days(d, n, h), h) == n``.
    """
    if end < start:
        return -working_days_between(end, start, holidays)
    whole_weeks, rest = divmod((end - start).days, 7)
    # every whole week holds five weekdays; the holidays among them are taken off below
    count = whole_weeks * 5
    day = start + timedelta(days=whole_weeks * 7)
    for _ in range(rest):
        day += timedelta(days=1)
        count += day.weekday() < SATURDAY
    return count - sum(
        1 for holiday in holidays if start < holiday <= end and holiday.weekday() < SATURDAY
    )


def due_by(received: datetime, n: int, holidays: Set[date]) -> datetime:
    """The end (UTC) of the ``n``-th working day after the day something was received.

    A time without a zone is taken as UTC, as the database stores times.
    """
    moment = received.astimezone(UTC) if received.tzinfo else received
    due = add_working_days(moment.date(), n, holidays)
    return datetime.combine(due, time.max, tzinfo=UTC)
