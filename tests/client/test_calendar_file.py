"""The operator's calendar file: next year's holidays before chinese-calendar has them.

The dates below are made up to exercise the rules (a year the package does not know, a
holiday on a Monday, an adjusted Sunday); they are not any year's official schedule.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from client import working_time as wt
from client.calendar_file import CalendarFileError, read_calendar_file

SH = ZoneInfo("Asia/Shanghai")
YEAR = wt.package_coverage()[1] + 1  # the first year the package does not know


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "calendar.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_year_from_the_file_extends_the_calendar(tmp_path: Path) -> None:
    # the 1st (whatever weekday), a range of five days, a TOML date; two weekend days worked
    first_sunday = next(date(YEAR, 2, d) for d in range(1, 8) if date(YEAR, 2, d).weekday() == 6)
    path = write(tmp_path, f"""
# 国务院办公厅关于{YEAR}年部分节假日安排的通知 (test dates)
[{YEAR}]
holidays = ["{YEAR}-01-01", "{YEAR}-02-10..{YEAR}-02-14", {YEAR}-05-03]
workdays = [{first_sunday.isoformat()}]
""")
    cal = read_calendar_file(path)
    assert cal.covers(YEAR) and cal.last_year() == YEAR
    assert not wt.DEFAULT_CALENDAR.covers(YEAR)  # the default is left as it was
    off = [date(YEAR, 1, 1), *(date(YEAR, 2, d) for d in range(10, 15)), date(YEAR, 5, 3)]
    assert not any(cal.is_working_day(d) for d in off)
    assert cal.is_working_day(first_sunday)
    # an ordinary Monday-to-Friday day stays a working day, a Saturday stays off
    monday = next(date(YEAR, 3, d) for d in range(1, 8) if date(YEAR, 3, d).weekday() == 0)
    assert cal.is_working_day(monday)
    assert not cal.is_working_day(monday.replace(day=monday.day + 5))


def test_a_deadline_across_new_year_follows_the_file(tmp_path: Path) -> None:
    """31 December 17:00 + 2 working hours: 1 h on the 31st, then the next working day's
    first hour — not the 1st (a holiday in the file) and not the weekend."""
    cal = read_calendar_file(write(tmp_path, f'[{YEAR}]\nholidays = ["{YEAR}-01-01"]\n'))
    start = datetime(YEAR - 1, 12, 31, 17, 0, tzinfo=SH).timestamp()
    due = datetime.fromtimestamp(wt.add_hours(start, 2, working_time=True, calendar=cal), SH)
    next_day = next(date(YEAR, 1, d) for d in range(2, 9) if date(YEAR, 1, d).weekday() < 5)
    assert due.replace(tzinfo=None) == datetime.combine(next_day, time(10, 0))


@pytest.mark.parametrize("text, words", [
    ("", "no year"),
    ("[year]\nholidays = []\n", "[year] is not a year"),
    ("[1066]\nholidays = []\n", "[1066] is not a year"),
    (f"[{YEAR}]\nworkdays = []\n", "no holidays list"),
    (f"[{YEAR}]\nholidays = []\nholiday = []\n", "unknown key 'holiday'"),
    (f"[{YEAR}]\nholidays = \"{YEAR}-01-01\"\n", "expected a list of dates"),
    (f"[{YEAR}]\nholidays = [\"{YEAR + 1}-01-01\"]\n", f"is not in {YEAR}"),
    (f"[{YEAR}]\nholidays = [\"{YEAR}-02-30\"]\n", "is not a date"),
    (f"[{YEAR}]\nholidays = [\"{YEAR}-02-14..{YEAR}-02-10\"]\n", "ends before it starts"),
    (f"[{YEAR}]\nholidays = [{YEAR}-01-01T08:00:00]\n", "is not a date"),
    (f"[{YEAR}]\nholidays = [\"{YEAR}-01-03\"]\nworkdays = [\"{YEAR}-01-03\"]\n",
     "both a holiday and a working day"),
    ("[2027\nholidays = []\n", "not TOML"),
    (f"{YEAR} = 1\n", "expected a table"),
])
def test_a_doubtful_file_is_refused_with_its_place(tmp_path: Path, text: str, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CalendarFileError) as caught:
        read_calendar_file(path)
    assert words in str(caught.value) and str(path) in str(caught.value)


def test_a_weekday_cannot_be_an_adjusted_working_day(tmp_path: Path) -> None:
    monday = next(date(YEAR, 3, d) for d in range(1, 8) if date(YEAR, 3, d).weekday() == 0)
    path = write(tmp_path, f"[{YEAR}]\nholidays = []\nworkdays = [\"{monday}\"]\n")
    with pytest.raises(CalendarFileError, match=f"{monday} is a Monday"):
        read_calendar_file(path)


def test_a_missing_or_binary_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CalendarFileError, match="cannot read"):
        read_calendar_file(tmp_path / "nowhere.toml")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CalendarFileError, match="cannot read"):
        read_calendar_file(tmp_path / "binary.toml")
