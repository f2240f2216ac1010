"""The post's working calendar: deadlines and time left in working or wall-clock hours.

Protocol 1.1: a subcategory's limits run either in wall-clock hours or in working hours
on the post's calendar — 09:00–12:00 and 13:30–18:00 (7.5 h a day) in Asia/Shanghai on
the working days of mainland China: Monday to Friday, minus the statutory holidays, plus
the adjusted weekend working days (调休上班). Holidays and adjusted days come from the
maintained ``chinese-calendar`` package; a year it has no data for raises
:class:`CalendarNotCovered` (never a silent guess), unless the operator supplied that
year's days in a calendar file (:mod:`client.calendar_file`, read into
:meth:`WorkingCalendar.add_year`; the State Council publishes them each November or
December, the package follows some weeks later).

Both the hub (deadlines) and the console (countdowns) use this module; it imports no Qt
and nothing from the hub. Times are epoch seconds (float) like the rest of ``client/``;
:func:`add_hours_dt` is the aware-datetime variant the hub uses.

Threading: pure functions over an immutable default calendar; safe everywhere. Cost: one
step per calendar day crossed (a 15-working-day limit crosses about 3 weeks).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import chinese_calendar

from client.timeutil import zone

POST_ZONE = "Asia/Shanghai"
# The working periods of a working day, local time: morning and afternoon.
PERIODS: tuple[tuple[time, time], ...] = ((time(9, 0), time(12, 0)), (time(13, 30), time(18, 0)))
HOURS_PER_DAY = sum(
    (datetime.combine(date.min, b) - datetime.combine(date.min, a)).seconds for a, b in PERIODS
) / 3600.0
# Far enough that no sane limit needs more, near enough that a bad input cannot spin.
MAX_DAYS = 3660


class CalendarNotCovered(LookupError):
    """The working calendar has no data for a year a computation reaches."""

    def __init__(self, year: int, first: int, last: int) -> None:
        super().__init__(
            f"the working calendar has no holiday data for {year} (chinese-calendar "
            f"{getattr(chinese_calendar, '__version__', '?')} covers {first}–{last}); "
            "upgrade the chinese-calendar package or add that year's holidays and "
            "adjusted working days to the post's calendar"
        )
        self.year = year


@lru_cache(maxsize=1)
def package_coverage() -> tuple[int, int]:
    """The first and last year the installed ``chinese-calendar`` has holiday data for."""
    years = [y for y in range(1990, 2200) if _package_knows(y)]
    return years[0], years[-1]


def _package_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@dataclass(frozen=True)
class WorkingCalendar:
    """Which local dates are working days: the package's data plus operator-added years.

    Attributes:
        extra: year → (holidays, adjusted working days) for years the package lacks.
    """

    extra: dict[int, tuple[frozenset[date], frozenset[date]]] = field(default_factory=dict)

    def add_year(
        self, year: int, holidays: Iterable[date], workdays: Iterable[date]
    ) -> WorkingCalendar:
        """A calendar that also knows ``year``'s statutory holidays and adjusted working days."""
        extra = dict(self.extra)
        extra[year] = (frozenset(holidays), frozenset(workdays))
        return WorkingCalendar(extra)

    def covers(self, year: int) -> bool:
        """True when this calendar can tell working days of ``year``."""
        first, last = package_coverage()
        return first <= year <= last or year in self.extra

    def last_year(self) -> int:
        """The last year of the unbroken coverage that starts with the package's."""
        year = package_coverage()[1]
        while year + 1 in self.extra:
            year += 1
        return year

    def is_working_day(self, day: date) -> bool:
        """True for a working day of mainland China.

        Raises:
            CalendarNotCovered: the year is neither in the package nor added.
        """
        if day.year in self.extra:
            holidays, workdays = self.extra[day.year]
            if day in workdays:
                return True
            return day.weekday() < 5 and day not in holidays
        first, last = package_coverage()
        if not first <= day.year <= last:
            raise CalendarNotCovered(day.year, first, last)
        return bool(chinese_calendar.is_workday(day))


DEFAULT_CALENDAR = WorkingCalendar()


def _open_intervals(day: date, calendar: WorkingCalendar) -> list[tuple[float, float]]:
    """The working periods of local ``day`` as epoch-second intervals (none on a day off)."""
    if not calendar.is_working_day(day):
        return []
    tz = zone(POST_ZONE)
    return [
        (datetime.combine(day, a, tz).timestamp(), datetime.combine(day, b, tz).timestamp())
        for a, b in PERIODS
    ]


def _local_day(ts: float) -> date:
    return datetime.fromtimestamp(ts, zone(POST_ZONE)).date()


def add_hours(
    start: float,
    hours: float,
    *,
    working_time: bool,
    calendar: WorkingCalendar = DEFAULT_CALENDAR,
) -> float:
    """The instant ``hours`` after ``start``: wall-clock, or counted only in working time.

    In working time a start outside working hours counts from the next working period,
    and a deadline that falls exactly on a period's end stays there (18:00, not 09:00 of
    the next working day).

    Raises:
        ValueError: negative hours.
        CalendarNotCovered: the deadline lies in a year the calendar has no data for.
    """
    if hours < 0:
        raise ValueError(f"negative hours: {hours}")
    if not working_time:
        return start + hours * 3600.0
    left = hours * 3600.0
    day = _local_day(start)
    for _ in range(MAX_DAYS):
        for lo, hi in _open_intervals(day, calendar):
            lo = max(lo, start)
            if hi <= lo:
                continue
            if left <= hi - lo:
                return lo + left
            left -= hi - lo
        day += timedelta(days=1)
    raise ValueError(f"{hours} working hours is more than {MAX_DAYS} days away")


def working_seconds(
    start: float, end: float, *, calendar: WorkingCalendar = DEFAULT_CALENDAR
) -> float:
    """Working seconds in [start, end) (0 when end is not after start).

    Raises:
        CalendarNotCovered: the span crosses a year the calendar has no data for.
    """
    if end <= start:
        return 0.0
    total = 0.0
    day, last = _local_day(start), _local_day(end)
    if (last - day).days > MAX_DAYS:
        raise ValueError("span longer than the calendar's limit")
    while day <= last:
        for lo, hi in _open_intervals(day, calendar):
            lo, hi = max(lo, start), min(hi, end)
            if hi > lo:
                total += hi - lo
        day += timedelta(days=1)
    return total


def hours_left(
    now: float,
    due: float,
    *,
    working_time: bool,
    calendar: WorkingCalendar = DEFAULT_CALENDAR,
) -> float:
    """Hours from ``now`` to ``due``; negative (hours overdue) once ``due`` has passed.

    In working time only working hours count, both before and after the deadline.
    """
    if not working_time:
        return (due - now) / 3600.0
    if due >= now:
        return working_seconds(now, due, calendar=calendar) / 3600.0
    return -working_seconds(due, now, calendar=calendar) / 3600.0


def add_hours_dt(
    start: datetime,
    hours: float,
    *,
    working_time: bool,
    calendar: WorkingCalendar = DEFAULT_CALENDAR,
) -> datetime:
    """:func:`add_hours` for aware datetimes; the answer is in UTC, to the millisecond."""
    ts = add_hours(start.timestamp(), hours, working_time=working_time, calendar=calendar)
    value = datetime.fromtimestamp(round(ts, 3), UTC)
    return value.replace(microsecond=value.microsecond // 1000 * 1000)
