"""Per-subcategory time limits of protocol 1.1: sign (签收), resolve (办结), callback (回访).

Defaults for the 76 demo subcategories follow from their SLA (``sla_hours`` =
``resolve_hours``): matters of 12 h or less are emergencies and run in wall-clock hours
(sign within a quarter of the limit, at most 1 h; callback within 24 h); everything else
runs in working hours on the post's calendar (``client.working_time``): sign within 2
working hours (4 for the slow, ≥ 120 h, administrative ones), callback within 2 working
days (15 working hours). Urgent and critical cases always run in wall-clock hours.

A demo hub whose SLAs are compressed (``sla_scale`` ≠ 1) runs every limit in wall-clock
hours: a compressed clock cannot follow office hours.

Deadlines past the calendar's coverage (``chinese-calendar`` 1.11 ends with 2026; the
State Council publishes the next year's holidays each November or December) are not
refused: a citizen's report must never bounce off a missing table. The hub counts such a
year as provisional — Monday to Friday, no statutory holidays — and says so loudly: a
warning at start once the end is within 45 days, and a warning per uncovered year the
first time a deadline reaches it. Upgrade the package, or give the hub the year's
holidays in a calendar file (``hub serve --calendar FILE``, :mod:`client.calendar_file`),
and new deadlines follow the official calendar.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from client.working_time import (
    DEFAULT_CALENDAR,
    CalendarNotCovered,
    WorkingCalendar,
    add_hours_dt,
    package_coverage,
)
from hub.bodies import LimitsJSON

log = logging.getLogger(__name__)
# How far past the package's last year the provisional (weekday) calendar reaches.
PROVISIONAL_YEARS = 10

EMERGENCY_HOURS = 12.0
WALL_CLOCK_PRIORITIES = frozenset({"urgent", "critical"})


@dataclass(frozen=True, slots=True)
class Limits:
    """A subcategory's limits in hours, and whether they run in working time."""

    sign_hours: float
    resolve_hours: float
    callback_hours: float
    working_time: bool

    def json(self) -> LimitsJSON:
        """The protocol's ``limits`` object."""
        return {"sign_hours": self.sign_hours, "resolve_hours": self.resolve_hours,
                "callback_hours": self.callback_hours, "working_time": self.working_time}


def default_limits(sla_hours: float) -> Limits:
    """The default limits of a subcategory whose resolve limit is ``sla_hours``."""
    if sla_hours <= EMERGENCY_HOURS:
        return Limits(sign_hours=min(1.0, sla_hours / 4), resolve_hours=sla_hours,
                      callback_hours=24.0, working_time=False)
    return Limits(sign_hours=4.0 if sla_hours >= 120 else 2.0, resolve_hours=sla_hours,
                  callback_hours=15.0, working_time=True)


@dataclass(frozen=True, slots=True)
class Clock:
    """How one hub computes deadlines: the demo scale, the priorities on wall time, and
    the post's working calendar (the package's, plus the operator's calendar file)."""

    scale: float = 1.0
    calendar: WorkingCalendar = field(default=DEFAULT_CALENDAR, compare=False)
    #: ``calendar`` plus Monday-to-Friday years around its coverage
    provisional: WorkingCalendar = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "provisional", provisional_calendar(self.calendar))

    def runs_on_working_time(self, limits: Limits, priority: str) -> bool:
        """Whether a case of this priority counts these limits in working hours."""
        return (limits.working_time and priority not in WALL_CLOCK_PRIORITIES
                and self.scale == 1.0)

    def due(self, start: datetime, hours: float, limits: Limits, priority: str) -> datetime:
        """``start`` + ``hours`` (scaled) in working or wall-clock time.

        A deadline that reaches a year the working calendar does not know is counted on
        the provisional calendar (Monday to Friday, no holidays), with a warning.
        """
        working = self.runs_on_working_time(limits, priority)
        try:
            return add_hours_dt(start, hours * self.scale, working_time=working,
                                calendar=self.calendar)
        except CalendarNotCovered as err:
            _warn_provisional(err.year, str(err))
            return add_hours_dt(start, hours * self.scale, working_time=working,
                                calendar=self.provisional)


def provisional_calendar(calendar: WorkingCalendar = DEFAULT_CALENDAR) -> WorkingCalendar:
    """``calendar`` plus Monday-to-Friday years before and after its coverage."""
    first = package_coverage()[0]
    last = calendar.last_year()
    for year in (*range(first - PROVISIONAL_YEARS, first),
                 *range(last + 1, last + 1 + PROVISIONAL_YEARS)):
        calendar = calendar.add_year(year, holidays=(), workdays=())
    return calendar


@cache
def _warn_provisional(year: int, reason: str) -> None:
    """Log, once per year, that deadlines in ``year`` use the provisional calendar."""
    log.warning("%s; until then deadlines in %d count Monday to Friday without statutory "
                "holidays (provisional)", reason, year)


def calendar_warning(now: datetime, horizon_days: int = 45,
                     calendar: WorkingCalendar = DEFAULT_CALENDAR) -> str | None:
    """A sentence for the log when the working calendar ends within ``horizon_days``."""
    last = calendar.last_year()
    remedy = (f"upgrade chinese-calendar, or give the hub and the consoles {last + 1}'s "
              "holidays in a calendar file (--calendar; docs/deploy.md)")
    if now.year > last:
        return (f"the working calendar ends with {last}: working-time deadlines count "
                f"Monday to Friday without holidays (provisional); {remedy}")
    if (datetime(last + 1, 1, 1, tzinfo=now.tzinfo) - now).days < horizon_days:
        return (f"the working calendar ends with {last}: working-time deadlines reaching "
                f"{last + 1} count Monday to Friday without holidays (provisional); {remedy}")
    return None
