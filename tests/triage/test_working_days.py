"""Working days: weekends and England and Wales bank holidays do not count, from the data file."""

from datetime import UTC, date, datetime, timedelta

import pytest
import yaml

from app.triage.deadlines import time_left
from app.workdays import (
    HOLIDAYS_FILE,
    add_working_days,
    bank_holidays,
    due_by,
    is_working_day,
    load_holidays,
    working_days_between,
)

HOLIDAYS = bank_holidays()


def test_the_file_lists_eight_bank_holidays_a_year_for_2024_to_2028_all_on_weekdays():
    for year in range(2024, 2029):
        days = sorted(day for day in HOLIDAYS if day.year == year)
        assert len(days) == 8, year
        assert all(day.weekday() < 5 for day in days), year
    data = yaml.safe_load(HOLIDAYS_FILE.read_text(encoding="utf-8"))
    assert "gov.uk/bank-holidays" in data["source"]


def test_substitute_days_are_listed_when_christmas_or_new_year_falls_at_a_weekend():
    assert {date(2026, 12, 28), date(2027, 12, 27), date(2027, 12, 28)} <= HOLIDAYS
    assert date(2028, 1, 3) in HOLIDAYS and date(2028, 1, 1) not in HOLIDAYS
    assert date(2026, 12, 26) not in HOLIDAYS  # a Saturday: its substitute is the Monday


def test_a_working_day_is_a_weekday_that_is_not_a_bank_holiday():
    assert is_working_day(date(2026, 3, 2), HOLIDAYS)  # a Monday
    assert not is_working_day(date(2026, 3, 7), HOLIDAYS)  # a Saturday
    assert not is_working_day(date(2026, 4, 3), HOLIDAYS)  # Good Friday


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 3, 2), 0, date(2026, 3, 2)),
        (date(2026, 3, 2), 5, date(2026, 3, 9)),  # Monday: due the next Monday
        (date(2026, 3, 6), 1, date(2026, 3, 9)),  # Friday: the weekend does not count
        (date(2026, 12, 24), 1, date(2026, 12, 29)),  # Christmas, weekend, Boxing Day moved
        (date(2027, 3, 25), 1, date(2027, 3, 30)),  # Good Friday to Easter Monday
        (date(2026, 1, 5), 40, date(2026, 3, 2)),  # eight weeks with no bank holiday
        (date(2026, 3, 23), 40, date(2026, 5, 21)),  # Easter and early May: three more days
    ],
)
def test_adding_working_days(start, n, expected):
    assert add_working_days(start, n, HOLIDAYS) == expected
    assert working_days_between(start, expected, HOLIDAYS) == n


def test_counting_working_days_between_two_dates_either_way():
    assert working_days_between(date(2026, 12, 23), date(2027, 1, 4), HOLIDAYS) == 5
    assert working_days_between(date(2027, 1, 4), date(2026, 12, 23), HOLIDAYS) == -5
    assert working_days_between(date(2026, 3, 7), date(2026, 3, 8), HOLIDAYS) == 0


def test_counting_agrees_with_adding_every_day_for_five_years():
    start = date(2024, 1, 1)
    for offset in range(0, 5 * 365, 3):
        day = start + timedelta(days=offset)
        for n in (1, 5, 22, 40):
            assert working_days_between(day, add_working_days(day, n, HOLIDAYS), HOLIDAYS) == n


def test_without_holidays_only_weekends_are_left_out():
    assert add_working_days(date(2026, 12, 24), 1, frozenset()) == date(2026, 12, 25)


def test_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError, match="0 or more"):
        add_working_days(date(2026, 3, 2), -1, HOLIDAYS)


def test_a_deadline_is_the_end_of_its_due_day():
    due = due_by(datetime(2026, 12, 23, 16, 30, tzinfo=UTC), 2, HOLIDAYS)
    assert due.date() == date(2026, 12, 29) and (due.hour, due.minute) == (23, 59)


def test_a_holidays_file_that_is_not_one_is_refused_naming_it(tmp_path):
    broken = tmp_path / "holidays.yaml"
    broken.write_text("holidays:\n  - Christmas\n", encoding="utf-8")
    with pytest.raises(ValueError, match="holidays.yaml: 'holidays' must map dates"):
        load_holidays(broken)


@pytest.mark.parametrize(
    ("today", "label", "remind"),
    [
        (date(2026, 3, 2), "8 working days left", False),
        (date(2026, 3, 5), "5 working days left", True),
        (date(2026, 3, 11), "1 working day left", True),
        (date(2026, 3, 12), "Due today", True),
        (date(2026, 3, 13), "Overdue by 1 working day", True),
        (date(2026, 3, 18), "Overdue by 4 working days", True),
    ],
)
def test_time_left_says_working_days_left_or_how_late(today, label, remind):
    clock = time_left(date(2026, 3, 12), today, HOLIDAYS)
    assert (clock.label, clock.remind) == (label, remind)


def test_a_deadline_passed_only_by_a_weekend_is_overdue_without_working_days_late():
    clock = time_left(date(2026, 3, 13), date(2026, 3, 15), HOLIDAYS)  # Friday, seen on Sunday
    assert clock.overdue and clock.late == 0
    assert clock.label == "Overdue: it was due on 13 March 2026"
