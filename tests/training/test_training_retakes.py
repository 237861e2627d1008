"""When a quiz opens again after failures, and when the placement can be taken again."""

from datetime import UTC, datetime, timedelta

from app.training.retakes import cooldown_ends, placement_retake_from

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(hours: float) -> datetime:
    return START + timedelta(hours=hours)


def test_one_failure_starts_no_cool_down():
    assert cooldown_ends([(at(0), False)], 24) is None


def test_two_failures_in_a_row_start_one_from_the_second():
    assert cooldown_ends([(at(0), False), (at(1), False)], 24) == at(25)


def test_a_pass_ends_the_run_of_failures():
    assert cooldown_ends([(at(0), False), (at(1), True), (at(2), False)], 24) is None
    assert cooldown_ends([(at(0), False), (at(1), False), (at(30), True)], 24) is None


def test_after_a_cool_down_two_more_failures_start_the_next():
    results = [(at(0), False), (at(1), False), (at(30), False)]
    assert cooldown_ends(results, 24) is None
    assert cooldown_ends([*results, (at(31), False)], 24) == at(55)


def test_a_cool_down_of_zero_hours_is_none():
    assert cooldown_ends([(at(0), False), (at(1), False)], 0) is None


def test_the_placement_can_be_taken_again_after_the_set_days():
    assert placement_retake_from(START, 30) == START + timedelta(days=30)
