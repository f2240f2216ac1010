"""Per-stage clocks of a case (protocol 1.1): sign (签收), resolve (办结), callback (回访).

A 1.1 hub puts three deadlines on a case: ``sign_due`` (the holding unit must accept by
then), ``due_at`` (resolve) and ``callback_due`` (the post calls the citizen back). Which
of them runs depends on the status:

* ``sign`` while the case is ``dispatched`` and has a ``sign_due``;
* ``resolve`` while the case is being handled (status not ``resolved``/``closed``) and has
  a ``due_at``;
* ``callback`` while the case is ``resolved`` and has a ``callback_due``.

Each clock counts in working time or wall-clock time as the subcategory's ``limits`` say
(``working_time``; urgent and critical cases always in wall-clock time). Working time is
counted by a calendar object with ``working_seconds(start, end)`` and
``back_working(end, seconds)`` (see :class:`WorkCalendar`); without one (or for a
wall-clock stage) remaining time is plain ``due - now``.

Near due: less than ``NEAR_SHARE`` (20 %) of the stage's limit left, counted in the
stage's own time (working or wall); when the limit is unknown (a 1.0 hub, or an unknown
subcategory) the resolve stage falls back to the 1.0 rule (80 % of ``due - reported``
used) and the other stages to ``FALLBACK_NEAR_S``.

:class:`StagePolicy` bundles the limits (from ``GET /categories``) and the calendar and
answers, per case: every running clock (:meth:`StagePolicy.clocks`), the one nearest its
deadline (:meth:`StagePolicy.nearest`) and, for the State's heap-driven SLA clock,
``(start, due)`` wall times whose 80 % point is the stage's near-due instant
(:meth:`StagePolicy.sla_window`).

Threading: pure logic; a StagePolicy is read-only after construction (safe to share).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from client import working_time as wt
from client.overdue import NEAR, NEAR_FRACTION, OK, OVERDUE
from client.protocol import Case
from client.timeutil import parse_time_or_none, zone

SIGN, RESOLVE, CALLBACK = "sign", "resolve", "callback"
STAGES = (SIGN, RESOLVE, CALLBACK)
#: near due when less than this share of the stage's limit is left
NEAR_SHARE = 0.2
#: near-due margin of a stage whose limit is unknown (seconds)
FALLBACK_NEAR_S = 3600.0
WALL_PRIORITIES = frozenset(("urgent", "critical"))
_DONE = frozenset(("resolved", "closed"))


class WorkCalendar(Protocol):
    """Working-time arithmetic (the post's working calendar)."""

    def working_seconds(self, start: float, end: float) -> float:
        """Working seconds in ``[start, end)`` (0 when ``end <= start``)."""

    def back_working(self, end: float, seconds: float) -> float:
        """The latest instant ``t <= end`` with ``seconds`` working seconds in ``[t, end)``."""


@dataclass(frozen=True, slots=True)
class Limits:
    """One subcategory's limits (hours; ``working_time``: counted on the calendar)."""

    sign_hours: float | None
    resolve_hours: float | None
    callback_hours: float | None
    working_time: bool

    def hours(self, stage: str) -> float | None:
        """The limit of ``stage`` in hours."""
        return {SIGN: self.sign_hours, RESOLVE: self.resolve_hours,
                CALLBACK: self.callback_hours}.get(stage)


@dataclass(frozen=True, slots=True)
class StageClock:
    """One running stage of one case.

    Attributes:
        stage: ``sign``, ``resolve`` or ``callback``.
        due: the deadline (epoch seconds).
        working: counted in working time.
        limit_s: the stage's limit in seconds of its own time (None: unknown).
        start: when the stage began, if known (the report time for resolve).
    """

    stage: str
    due: float
    working: bool
    limit_s: float | None
    start: float | None = None


class PostCalendar:
    """:class:`WorkCalendar` over :mod:`client.working_time` (the post's calendar).

    A span the calendar has no holiday data for (past ``chinese-calendar``'s last year)
    is counted in wall-clock time instead, and :attr:`uncovered` says so (the console
    shows it) rather than failing a countdown.

    Attributes:
        calendar: the working calendar.
        uncovered: the first year met that the calendar could not tell, or None.
    """

    def __init__(self, calendar: wt.WorkingCalendar = wt.DEFAULT_CALENDAR) -> None:
        self.calendar = calendar
        self.uncovered: int | None = None
        self._tz = zone(wt.POST_ZONE)
        self._days: dict[date, tuple[tuple[float, float], ...]] = {}

    def working_seconds(self, start: float, end: float) -> float:
        try:
            return wt.working_seconds(start, end, calendar=self.calendar)
        except wt.CalendarNotCovered as exc:
            self.uncovered = exc.year
            return max(0.0, end - start)

    def back_working(self, end: float, seconds: float) -> float:
        if seconds <= 0:
            return end
        left = seconds
        day = datetime.fromtimestamp(end, self._tz).date()
        try:
            for _ in range(wt.MAX_DAYS):
                for lo, hi in reversed(self._intervals(day)):
                    hi = min(hi, end)
                    if hi <= lo:
                        continue
                    if left <= hi - lo:
                        return hi - left
                    left -= hi - lo
                day -= timedelta(days=1)
        except wt.CalendarNotCovered as exc:
            self.uncovered = exc.year
        return end - seconds

    def _intervals(self, day: date) -> tuple[tuple[float, float], ...]:
        """The working periods of local ``day`` as epoch intervals (cached per day)."""
        hit = self._days.get(day)
        if hit is None:
            if self.calendar.is_working_day(day):
                hit = tuple((datetime.combine(day, a, self._tz).timestamp(),
                             datetime.combine(day, b, self._tz).timestamp())
                            for a, b in wt.PERIODS)
            else:
                hit = ()
            if len(self._days) > 4000:
                self._days.clear()
            self._days[day] = hit
        return hit


_PARSED: dict[str, float | None] = {}
_MISSING = object()


def _time(text: object) -> float | None:
    """:func:`parse_time_or_none` with a cache (the same deadline strings come back on
    every change of a case; parsing was most of a stage lookup's cost)."""
    if type(text) is not str:
        return None
    hit = _PARSED.get(text, _MISSING)
    if hit is _MISSING:
        if len(_PARSED) > 500_000:
            _PARSED.clear()
        hit = _PARSED[text] = parse_time_or_none(text)
    return hit  # type: ignore[return-value]


def _num(v: object) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 else None


def parse_limits(categories: object) -> dict[tuple[str, str], Limits]:
    """``{(category, subcategory name or code): Limits}`` from ``GET /categories``.

    Subcategories without a well-formed ``limits`` object (a 1.0 hub) are left out.
    """
    out: dict[tuple[str, str], Limits] = {}
    if not isinstance(categories, list):
        return out
    for cat in categories:
        if not isinstance(cat, dict):
            continue
        cname = str(cat.get("name") or "")
        for sub in cat.get("subcategories") or ():
            if not isinstance(sub, dict) or not isinstance(sub.get("limits"), dict):
                continue
            lim = sub["limits"]
            limits = Limits(_num(lim.get("sign_hours")), _num(lim.get("resolve_hours")),
                            _num(lim.get("callback_hours")), lim.get("working_time") is True)
            for key in (sub.get("name"), sub.get("code")):
                if isinstance(key, str) and key:
                    out[(cname, key)] = limits
    return out


def has_limits(categories: object) -> bool:
    """Whether ``GET /categories`` came from a 1.1 hub (subcategories carry ``limits``)."""
    return bool(parse_limits(categories))


class StagePolicy:
    """Stage clocks of cases, from the subcategories' limits and a working calendar.

    Args:
        limits: from :func:`parse_limits`.
        calendar: working-time arithmetic; None counts every stage in wall-clock time.
    """

    def __init__(self, limits: dict[tuple[str, str], Limits] | None = None,
                 calendar: WorkCalendar | None = None) -> None:
        self.limits = limits or {}
        self.calendar = calendar

    @classmethod
    def from_categories(cls, categories: object,
                        calendar: WorkCalendar | None = None) -> StagePolicy:
        """A policy for the categories of ``GET /categories``."""
        return cls(parse_limits(categories), calendar)

    # ---- Per case

    def limits_of(self, case: Case) -> Limits | None:
        """The limits of the case's subcategory (None when unknown)."""
        return self.limits.get((str(case.get("category") or ""),
                                str(case.get("subcategory") or "")))

    def working(self, case: Case) -> bool:
        """Whether the case's clocks run in working time."""
        lim = self.limits_of(case)
        return (lim is not None and lim.working_time and self.calendar is not None
                and case.get("priority") not in WALL_PRIORITIES)

    def clocks(self, case: Case) -> list[StageClock]:
        """Every running stage of ``case``, in stage order (sign, resolve, callback)."""
        status = case.get("status")
        lim = self.limits_of(case)
        working = self.working(case)
        out: list[StageClock] = []

        def add(stage: str, due_field: str, start: float | None = None) -> None:
            due = _time(case.get(due_field))
            if due is None:
                return
            hours = lim.hours(stage) if lim is not None else None
            out.append(StageClock(stage, due, working,
                                  hours * 3600.0 if hours is not None else None, start))

        if status == "dispatched":
            add(SIGN, "sign_due")
        if status not in _DONE:
            add(RESOLVE, "due_at", _time(case.get("reported_at")))
        if status == "resolved":
            add(CALLBACK, "callback_due")
        return out

    def nearest(self, case: Case) -> StageClock | None:
        """The running stage nearest its deadline (None when no clock runs).

        The hot path of the State (every case change): the deadlines are compared first
        and only the winner becomes a StageClock (same answer as ``min(clocks(case))``).
        """
        status = case.get("status")
        best: tuple[float, str] | None = None
        if status == "dispatched":
            due = _time(case.get("sign_due"))
            if due is not None:
                best = (due, SIGN)
        if status not in _DONE:
            due = _time(case.get("due_at"))
            if due is not None and (best is None or due < best[0]):
                best = (due, RESOLVE)
        if status == "resolved":
            due = _time(case.get("callback_due"))
            if due is not None and (best is None or due < best[0]):
                best = (due, CALLBACK)
        if best is None:
            return None
        due, stage = best
        lim = self.limits_of(case)
        if lim is None:
            return StageClock(stage, due, False, None,
                              _time(case.get("reported_at")) if stage == RESOLVE else None)
        hours = (lim.sign_hours if stage == SIGN else lim.resolve_hours if stage == RESOLVE
                 else lim.callback_hours)
        working = (lim.working_time and self.calendar is not None
                   and case.get("priority") not in WALL_PRIORITIES)
        return StageClock(stage, due, working, hours * 3600.0 if hours is not None else None,
                          _time(case.get("reported_at")) if stage == RESOLVE else None)

    # ---- Per clock

    def remaining(self, clock: StageClock, now: float) -> float:
        """Seconds left until the deadline in the clock's own time (negative: overdue)."""
        cal = self.calendar
        if not clock.working or cal is None:
            return clock.due - now
        if now <= clock.due:
            return cal.working_seconds(now, clock.due)
        return -cal.working_seconds(clock.due, now)

    def near_at(self, clock: StageClock) -> float:
        """The wall instant the clock turns near due."""
        if clock.limit_s is None:
            if clock.stage == RESOLVE and clock.start is not None and clock.start < clock.due:
                return clock.start + NEAR_FRACTION * (clock.due - clock.start)
            return clock.due - FALLBACK_NEAR_S
        margin = NEAR_SHARE * clock.limit_s
        cal = self.calendar
        if clock.working and cal is not None:
            return cal.back_working(clock.due, margin)
        return clock.due - margin

    def phase(self, clock: StageClock, now: float) -> int:
        """OK, NEAR or OVERDUE (``client.overdue``) of ``clock`` at ``now``."""
        if now >= clock.due:
            return OVERDUE
        return NEAR if now >= self.near_at(clock) else OK

    def sla_window(self, case: Case) -> tuple[float, float] | None:
        """``(start, due)`` for :class:`client.overdue.SlaClock`: the nearest stage's due,
        with a start placed so that the SlaClock's near point (80 % of the window) is the
        stage's near-due instant. None when no clock runs."""
        clock = self.nearest(case)
        if clock is None:
            return None
        near = min(self.near_at(clock), clock.due)
        margin = clock.due - near
        return clock.due - margin / (1.0 - NEAR_FRACTION), clock.due


def fraction_used(policy: StagePolicy, clock: StageClock, now: float) -> float | None:
    """Share of the stage's limit used at ``now`` (> 1 when overdue; None: limit unknown)."""
    if not clock.limit_s:
        return None
    return 1.0 - policy.remaining(clock, now) / clock.limit_s


def pending_requests(cases: Iterable[Case]) -> list[Case]:
    """Cases with a unit's request awaiting the post's decision, oldest request first."""
    out = [c for c in cases if isinstance(c.get("pending"), dict)
           and c.get("status") != "closed"]
    out.sort(key=lambda c: (pending_at(c), str(c.get("id"))))
    return out


def pending_at(case: Case) -> str:
    """When the case's pending request was made (``""`` when none)."""
    pending = case.get("pending")
    return str(pending.get("at") or "") if pending is not None else ""
