"""The post's shift schedule: which shift a moment belongs to, and its cache file name.

Default: two shifts, 08:00–20:00 and 20:00–08:00 in Asia/Shanghai. Any list of daily
start times ("HH:MM") works; a shift runs from one start to the next.

Threading: immutable; safe everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from client.timeutil import DEFAULT_ZONE, zone

DEFAULT_STARTS = ("08:00", "20:00")


@dataclass(frozen=True, slots=True)
class Shift:
    """One shift: ``[start, end)`` in epoch seconds, and its label (local start time)."""

    start: float
    end: float
    label: str  # e.g. "20261122-0800"

    @property
    def file_name(self) -> str:
        """The cache file of this shift."""
        return f"shift-{self.label}.sqlite"


class ShiftSchedule:
    """Daily shift start times in a zone.

    Args:
        starts: "HH:MM" local start times (any order; at least one).
        zone_name: the post's zone.
    """

    def __init__(self, starts: tuple[str, ...] | list[str] = DEFAULT_STARTS,
                 zone_name: str = DEFAULT_ZONE) -> None:
        mins = set()
        for s in starts:
            hh, _, mm = str(s).partition(":")
            try:
                h, m = int(hh), int(mm or 0)
            except ValueError:
                raise ValueError(f"bad shift start {s!r}: expected HH:MM") from None
            if not (0 <= h < 24 and 0 <= m < 60):
                raise ValueError(f"bad shift start {s!r}: expected HH:MM")
            mins.add(h * 60 + m)
        if not mins:
            raise ValueError("a shift schedule needs at least one start time")
        self.minutes = sorted(mins)
        self.zone_name = zone_name

    def shift_at(self, ts: float) -> Shift:
        """The shift containing the moment ``ts`` (epoch seconds)."""
        tz = zone(self.zone_name)
        local = datetime.fromtimestamp(ts, tz)
        day = local.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
        cands = []
        for d in (-1, 0, 1):
            base = day + timedelta(days=d)
            for m in self.minutes:
                cands.append((base + timedelta(minutes=m)).replace(tzinfo=tz))
        cands.sort()
        start = max(c for c in cands if c.timestamp() <= ts)
        end = min(c for c in cands if c.timestamp() > ts)
        return Shift(start.timestamp(), end.timestamp(), start.strftime("%Y%m%d-%H%M"))
