"""The operator's calendar file: a year's statutory holidays and adjusted working days.

The State Council publishes next year's holiday schedule (国务院办公厅关于××年部分节假日
安排的通知) each November or December; the ``chinese-calendar`` package follows some weeks
later. Until it does, the hub counts working-time deadlines of that year Monday to Friday
without holidays (provisional), so a deadline across New Year's Day or the Spring Festival
falls days early. An operator who has the notice writes it into a TOML file and gives it to
the hub (``hub serve --calendar FILE``) and the consoles (``--calendar FILE``)::

    # 国务院办公厅关于2027年部分节假日安排的通知 (copy the dates from the notice)
    [2027]
    holidays = ["2027-01-01", "2027-02-05..2027-02-11"]   # 放假 (days off)
    workdays = ["2027-02-07"]                              # 调休上班 (weekend days worked)

Dates are TOML dates or ``"YYYY-MM-DD"`` strings; ``"A..B"`` is every day from A to B. A
year in the file replaces the package's data for that year. Anything doubtful is refused
with its place in the file (:class:`CalendarFileError`), never half read: a wrong calendar
moves every deadline of the year.

Qt-free; used by ``hub/`` and ``console/``.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

from client.working_time import DEFAULT_CALENDAR, WorkingCalendar

#: The two lists a year may hold.
KINDS = ("holidays", "workdays")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class CalendarFileError(ValueError):
    """The calendar file cannot be used; the message names the file and the place."""


def read_calendar_file(path: str | Path,
                       base: WorkingCalendar = DEFAULT_CALENDAR) -> WorkingCalendar:
    """``base`` plus every year the TOML file at ``path`` lists.

    Raises:
        CalendarFileError: the file is missing, unreadable, not TOML, or says something
            that cannot be a year's calendar (a date outside its year, a day both off and
            worked, a weekday "worked", an unknown key).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise CalendarFileError(f"calendar file {path}: cannot read it ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise CalendarFileError(f"calendar file {path}: not TOML ({exc})") from None
    if not document:
        raise CalendarFileError(f"calendar file {path}: no year in it")
    calendar = base
    for key, table in document.items():
        year = _year(path, key)
        holidays, workdays = _year_days(path, year, table)
        calendar = calendar.add_year(year, holidays, workdays)
    return calendar


def _year(path: str | Path, key: str) -> int:
    if not (key.isascii() and key.isdigit() and len(key) == 4 and 1990 <= int(key) <= 2199):
        raise CalendarFileError(f"calendar file {path}: [{key}] is not a year (write [2027])")
    return int(key)


def _year_days(path: str | Path, year: int, table: object
               ) -> tuple[frozenset[date], frozenset[date]]:
    where = f"calendar file {path}, [{year}]"
    if not isinstance(table, dict):
        raise CalendarFileError(f"{where}: expected a table with holidays and workdays")
    unknown = sorted(set(table) - set(KINDS))
    if unknown:
        raise CalendarFileError(f"{where}: unknown key {unknown[0]!r} (only holidays, workdays)")
    if "holidays" not in table:
        raise CalendarFileError(f"{where}: no holidays list")
    days = {kind: _days(f"{where} {kind}", year, table.get(kind, [])) for kind in KINDS}
    both = sorted(days["holidays"] & days["workdays"])
    if both:
        raise CalendarFileError(f"{where}: {both[0]} is both a holiday and a working day")
    weekday = sorted(d for d in days["workdays"] if d.weekday() < 5)
    if weekday:
        raise CalendarFileError(
            f"{where} workdays: {weekday[0]} is a {_WEEKDAY_NAMES[weekday[0].weekday()]}; "
            "adjusted working days (调休上班) are Saturdays and Sundays")
    return frozenset(days["holidays"]), frozenset(days["workdays"])


def _days(where: str, year: int, items: object) -> set[date]:
    if not isinstance(items, list):
        raise CalendarFileError(f"{where}: expected a list of dates")
    days: set[date] = set()
    for item in items:
        first, last = _span(where, item)
        if first.year != year or last.year != year:
            raise CalendarFileError(f"{where}: {item} is not in {year}")
        if last < first:
            raise CalendarFileError(f"{where}: {item} ends before it starts")
        days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    return days


def _span(where: str, item: object) -> tuple[date, date]:
    """A date, ``"YYYY-MM-DD"`` or ``"YYYY-MM-DD..YYYY-MM-DD"`` as (first, last)."""
    if isinstance(item, date) and not isinstance(item, datetime):
        return item, item
    if isinstance(item, str):
        first, sep, last = item.partition("..")
        try:
            start = date.fromisoformat(first.strip())
            return start, date.fromisoformat(last.strip()) if sep else start
        except ValueError:
            pass
    raise CalendarFileError(f"{where}: {item!r} is not a date (write \"2027-02-05\" or "
                            "\"2027-02-05..2027-02-11\")")
