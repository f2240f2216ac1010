"""Derived per-unit workload and today's counters, kept by deltas (never rescanned).

Definitions (documented for the console and the review tools):

* a case is *active* while its status is not ``resolved`` or ``closed`` (the SLA clock
  stops when the unit says it is done);
* a unit's workload: ``open`` = active cases it holds, ``overdue``/``near_due`` = those of
  them in that SLA phase, ``urgent`` = those with priority ``urgent`` or ``critical``;
* today's counters, "today" being the calendar day in the post's zone (Asia/Shanghai):
  ``reported`` = cases whose ``reported_at`` is today, ``dispatched`` = of those, the ones
  that have left ``reported`` (have been dispatched at least once), ``closed`` = cases
  whose ``closed_at`` is today, ``closure_rate`` = share of today's reported cases that are
  closed (None before the first report of the day).

Threading: not thread-safe; owned by the State.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from client.protocol import Case
from client.timeutil import format_time, parse_time_or_none

INACTIVE = frozenset(("resolved", "closed"))
URGENT = frozenset(("urgent", "critical"))


@dataclass(frozen=True, slots=True)
class Workload:
    """One unit's load (plain snapshot for display)."""

    open: int = 0
    overdue: int = 0
    near_due: int = 0
    urgent: int = 0


@dataclass(frozen=True, slots=True)
class TodayCounters:
    """Today's counters in the post's zone (plain snapshot for display)."""

    day: str = ""
    reported: int = 0
    dispatched: int = 0
    closed: int = 0
    closed_of_reported: int = 0

    @property
    def closure_rate(self) -> float | None:
        """Share of today's reported cases that are closed; None when none reported."""
        return self.closed_of_reported / self.reported if self.reported else None


def is_active(case: Mapping[str, object]) -> bool:
    """True while the case is being handled (status not resolved/closed)."""
    return case.get("status") not in INACTIVE


class Day:
    """One local calendar day as epoch bounds and as canonical protocol strings.

    :meth:`contains` compares canonical ``YYYY-MM-DDTHH:MM:SS.mmmZ`` strings directly
    (they sort like the instants they name) and parses anything else.
    """

    __slots__ = ("start", "end", "lo", "hi")

    def __init__(self, start: float, end: float) -> None:
        self.start, self.end = start, end
        self.lo, self.hi = format_time(start), format_time(end)

    def contains(self, text: object) -> bool:
        """True when the protocol time ``text`` falls in this day."""
        if type(text) is str and len(text) == 24 and text[-1] == "Z":
            return self.lo <= text < self.hi
        t = parse_time_or_none(text)
        return t is not None and self.start <= t < self.end


def day_contribution(case: Case, day: Day) -> tuple[int, int, int, int]:
    """``(reported, dispatched, closed, closed_of_reported)`` of one case for one day."""
    return day_contribution_of(case.get("status"), case.get("reported_at"),
                               case.get("closed_at"), day)


def day_contribution_of(status: object, reported_at: object, closed_at: object,
                        day: Day) -> tuple[int, int, int, int]:
    """:func:`day_contribution` from the three fields it reads."""
    rep = day.contains(reported_at)
    closed = status == "closed" and day.contains(closed_at)
    return (int(rep), int(rep and status != "reported"), int(closed),
            int(rep and status == "closed"))


#: The case fields the derived views depend on.
VIEW_FIELDS = ("status", "unit_id", "priority", "reported_at", "due_at", "closed_at")


class WorkloadBook:
    """Per-unit ``[open, overdue, near_due, urgent]`` counts, changed by deltas."""

    def __init__(self) -> None:
        self._by_unit: dict[str, list[int]] = {}

    def clear(self) -> None:
        """Forget all counts."""
        self._by_unit.clear()

    def copy(self) -> WorkloadBook:
        """An independent copy."""
        n = WorkloadBook()
        n._by_unit = {u: row[:] for u, row in self._by_unit.items()}
        return n

    def add(self, unit_id: str, sign: int, phase: int, urgent: bool) -> None:
        """Add (sign=1) or remove (sign=-1) one active case in ``phase`` held by ``unit_id``."""
        row = self._by_unit.get(unit_id)
        if row is None:
            row = self._by_unit[unit_id] = [0, 0, 0, 0]
        row[0] += sign
        if phase == 2:
            row[1] += sign
        elif phase == 1:
            row[2] += sign
        if urgent:
            row[3] += sign
        if sign < 0 and row[0] == 0:
            del self._by_unit[unit_id]

    def move(self, unit_id: str, old_phase: int, new_phase: int) -> None:
        """One held case of ``unit_id`` changed SLA phase."""
        row = self._by_unit.get(unit_id)
        if row is None:
            return
        if old_phase == 2:
            row[1] -= 1
        elif old_phase == 1:
            row[2] -= 1
        if new_phase == 2:
            row[1] += 1
        elif new_phase == 1:
            row[2] += 1

    def get(self, unit_id: str) -> Workload:
        """The workload of ``unit_id`` (zeros when it holds nothing)."""
        row = self._by_unit.get(unit_id)
        return Workload(*row) if row else Workload()

    def all(self) -> dict[str, Workload]:
        """Workloads of every unit that holds at least one active case."""
        return {u: Workload(*row) for u, row in self._by_unit.items()}
