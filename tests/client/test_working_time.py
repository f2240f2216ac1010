"""The working calendar: deadlines and time left across weekends, holidays, adjusted days."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from client import working_time as wt

SH = ZoneInfo("Asia/Shanghai")


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> float:
    """Epoch seconds of a Shanghai wall-clock time."""
    return datetime(y, mo, d, h, mi, tzinfo=SH).timestamp()


def local(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, SH).replace(tzinfo=None)


def test_a_working_day_has_seven_and_a_half_hours():
    assert wt.HOURS_PER_DAY == 7.5
    # Monday 2026-11-30, 09:00 + 7.5 h ends at 18:00 the same day, not 09:00 next day.
    assert local(wt.add_hours(at(2026, 11, 30, 9), 7.5, working_time=True)) == datetime(
        2026, 11, 30, 18, 0
    )


def test_lunch_break_is_skipped():
    # 11:00 + 2 h: one hour before lunch, one after 13:30.
    assert local(wt.add_hours(at(2026, 11, 30, 11), 2, working_time=True)) == datetime(
        2026, 11, 30, 14, 30
    )


def test_weekend_is_skipped():
    # Friday 2026-11-27 17:00 + 2 working hours → Monday 2026-11-30 10:00.
    due = wt.add_hours(at(2026, 11, 27, 17), 2, working_time=True)
    assert local(due) == datetime(2026, 11, 30, 10, 0)
    assert wt.hours_left(at(2026, 11, 27, 17), due, working_time=True) == pytest.approx(2)
    # Saturday night counts nothing: the clock only starts Monday 09:00.
    assert wt.hours_left(at(2026, 11, 28, 23), due, working_time=True) == pytest.approx(1)


def test_wall_clock_ignores_the_calendar():
    start = at(2026, 11, 27, 17)
    assert wt.add_hours(start, 2, working_time=False) == start + 7200
    assert wt.hours_left(start, start + 7200, working_time=False) == 2


def test_national_day_holiday_is_skipped():
    # Wednesday 2026-09-30 17:00 + 2 h: 1 h that day, then 1–7 October off → Thu 10-08 10:00.
    due = wt.add_hours(at(2026, 9, 30, 17), 2, working_time=True)
    assert local(due) == datetime(2026, 10, 8, 10, 0)


def test_spring_festival_and_its_adjusted_saturday():
    # Friday 2026-02-13 17:00 + 2 h: Saturday 02-14 is an adjusted working day (调休上班).
    due = wt.add_hours(at(2026, 2, 13, 17), 2, working_time=True)
    assert local(due) == datetime(2026, 2, 14, 10, 0)
    # From the adjusted Saturday's evening, 15–23 February is the holiday → Tue 02-24.
    due = wt.add_hours(at(2026, 2, 14, 17), 2, working_time=True)
    assert local(due) == datetime(2026, 2, 24, 10, 0)


def test_adjusted_sunday_before_national_day_counts():
    # Sunday 2026-09-20 is a working day; a case reported Saturday night is due Sunday.
    due = wt.add_hours(at(2026, 9, 19, 22), 3, working_time=True)
    assert local(due) == datetime(2026, 9, 20, 12, 0)


def test_time_left_goes_negative_in_working_hours_when_overdue():
    due = at(2026, 9, 30, 17)
    # Overdue by the hour left on 30 September; the holiday adds nothing to it.
    assert wt.hours_left(at(2026, 10, 7, 12), due, working_time=True) == pytest.approx(-1)
    assert wt.hours_left(at(2026, 10, 8, 10), due, working_time=True) == pytest.approx(-2)
    assert wt.hours_left(due, due, working_time=True) == 0


def test_add_then_measure_round_trips_over_many_days():
    start = at(2026, 9, 18, 10, 15)
    for hours in (0.5, 7.5, 24, 56, 120):
        due = wt.add_hours(start, hours, working_time=True)
        assert wt.hours_left(start, due, working_time=True) == pytest.approx(hours)


def test_datetime_variant_answers_utc_to_the_millisecond():
    start = datetime(2026, 11, 27, 9, 0, 0, 123456, tzinfo=UTC)  # Friday 17:00 Shanghai
    due = wt.add_hours_dt(start, 2, working_time=True)
    assert due.tzinfo == UTC and due.microsecond % 1000 == 0
    assert due.astimezone(SH).replace(tzinfo=None) == datetime(2026, 11, 30, 10, 0, 0, 123000)


def test_past_the_package_coverage_fails_loudly():
    first, last = wt.package_coverage()
    assert first <= 2026 <= last
    year = last + 1
    with pytest.raises(wt.CalendarNotCovered) as caught:
        wt.DEFAULT_CALENDAR.is_working_day(date(year, 3, 2))
    assert str(year) in str(caught.value) and "chinese-calendar" in str(caught.value)
    # A deadline reaching into that year fails too, instead of guessing.
    with pytest.raises(wt.CalendarNotCovered):
        wt.add_hours(at(last, 12, 31, 17), 8, working_time=True)
    # Wall-clock hours need no calendar.
    assert wt.add_hours(at(last, 12, 31, 17), 8, working_time=False) > 0


def test_an_operator_added_year_extends_coverage():
    last = wt.package_coverage()[1]
    year = last + 1
    cal = wt.DEFAULT_CALENDAR.add_year(
        year, holidays=[date(year, 1, 1)], workdays=[date(year, 1, 2)]
    )
    assert cal.covers(year) and cal.last_year() == year
    assert not cal.is_working_day(date(year, 1, 1))
    assert cal.is_working_day(date(year, 1, 2)) is True
    # Dec 31 17:00 + 2 h: one hour on the 31st; Jan 1 is off; Jan 2 counts even if a weekend.
    due = wt.add_hours(at(last, 12, 31, 17), 2, working_time=True, calendar=cal)
    assert local(due) == datetime(year, 1, 2, 10, 0)


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        wt.add_hours(at(2026, 11, 30, 9), -1, working_time=True)
