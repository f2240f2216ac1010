"""The wall's Qt-free logic: per-day figures, takeovers, burn-in shift.

* :class:`WallDay` — the wall's day (from ``day_start``, 08:00 by default, in the post's
  zone), found by :func:`wall_day_at`.
* :class:`WallStats` — per-day figures the State does not keep, derived from events and,
  after a snapshot, from the cases: reports per hour (today and yesterday, 24 bins each),
  reports by category and by area (the level just below the post: counties for a
  prefecture, towns for a county), closed today, closed on time, closed of today's reports.
  Fixed-size arrays and dicts bounded by the catalog and the region tree: nothing grows
  with the number of events.
* (the playlist rotation: :mod:`console.wall.playlist_rotation`)
* :class:`TakeoverQueue` — critical new cases and newly overdue cases waiting for a corner
  (a bounded deque: a burst keeps the newest).
* :func:`burn_in_offset` — the slow shift of static elements against burn-in.

Threading: not thread-safe; GUI thread (or the soak bench's loop) only.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from client.protocol import NOTHING
from client.state import State
from client.timeutil import parse_time_or_none, zone

HOURS = 24
MAX_KEYS = 256  # categories / areas kept per day (the rest count as "other")
OTHER = "\x00other"


@dataclass(frozen=True, slots=True)
class WallDay:
    """One wall day ``[start, end)`` in epoch seconds."""

    start: float
    end: float

    def hour(self, ts: float) -> int:
        """The hour bin (0…23) of ``ts``; -1 outside the day."""
        if not self.start <= ts < self.end:
            return -1
        return min(HOURS - 1, int((ts - self.start) // 3600))


def wall_day_at(ts: float, day_start: str = "08:00", zone_name: str = "Asia/Shanghai") -> WallDay:
    """The wall day containing ``ts``: from ``day_start`` local time to the next one."""
    tz = zone(zone_name)
    hh, mm = (int(x) for x in day_start.split(":"))
    local = datetime.fromtimestamp(ts, tz)
    start = local.replace(hour=hh, minute=mm, second=0, microsecond=0)
    if start > local:
        start = (start - timedelta(days=1)).replace(hour=hh, minute=mm)
    nxt = (start.replace(tzinfo=None) + timedelta(days=1)).replace(tzinfo=tz)
    return WallDay(start.timestamp(), nxt.timestamp())


class WallStats:
    """Per-day figures of the wall (see the module docstring).

    Attributes:
        day: the current wall day.
        today / yesterday: reports per hour bin (lists of 24 ints).
        by_category / by_area: today's reports by category name / area region id.
        closed / closed_on_time / closed_of_reported: today's closes.
        resets: how many day roll-overs happened (for tests and the soak bench).
    """

    def __init__(self, state: State, *, day_start: str = "08:00",
                 zone_name: str = "Asia/Shanghai") -> None:
        self.state = state
        self.day_start = day_start
        self.zone_name = zone_name
        self.day = wall_day_at(state.now, day_start, zone_name)
        self.today = [0] * HOURS
        self.yesterday = [0] * HOURS
        self.by_category: dict[str, int] = {}
        self.by_area: dict[str, int] = {}
        self.closed = 0
        self.closed_on_time = 0
        self.closed_of_reported = 0
        self.resets = 0
        self._area_of: dict[str, str | None] = {}

    # ---- Figures

    @property
    def reported(self) -> int:
        """Reports today."""
        return sum(self.today)

    def on_time_rate(self) -> float | None:
        """Share of today's closes that were on time (None before the first)."""
        return self.closed_on_time / self.closed if self.closed else None

    def closure_rate(self) -> float | None:
        """Share of today's reports that are closed (None before the first report)."""
        rep = self.reported
        return self.closed_of_reported / rep if rep else None

    def hour_now(self, now: float) -> int:
        """The bin of ``now`` (clamped to the day)."""
        h = self.day.hour(now)
        return h if h >= 0 else HOURS - 1

    def same_time_yesterday(self, now: float) -> tuple[int, int]:
        """``(today so far, yesterday up to the same time)``; yesterday's current hour is
        prorated by the share of this hour that has passed."""
        h = self.hour_now(now)
        frac = min(1.0, max(0.0, (now - self.day.start) / 3600 - h))
        return sum(self.today[: h + 1]), round(sum(self.yesterday[:h]) + self.yesterday[h] * frac)

    def area_of(self, region_id: object) -> str | None:
        """The area (the region just below the post's) containing ``region_id``."""
        if not isinstance(region_id, str):
            return None
        hit = self._area_of.get(region_id, 0)
        if hit != 0:
            return hit  # type: ignore[return-value]
        post = self.state.post or NOTHING
        top = post.get("region_id")
        regions = self.state.regions
        rid: str | None = region_id
        area = None
        for _ in range(16):  # the tree is shallow; guards against cycles
            reg = regions.get(rid) if rid else None
            if reg is None:
                break
            parent = reg.get("parent_id")
            if parent == top:
                area = rid
                break
            if rid == top:
                area = rid  # a case filed at the post's own level
                break
            rid = parent
        if len(self._area_of) < 100_000:
            self._area_of[region_id] = area
        return area

    # ---- Feeding

    def rebuild(self) -> None:
        """Recount today (exact: every case reported today is in a snapshot) and yesterday
        (a lower bound: keep the larger of the live count and the recount) from the cases."""
        day = self.day
        prev = WallDay(day.start - 86400, day.start)
        today = [0] * HOURS
        yest = [0] * HOURS
        self.by_category = {}
        self.by_area = {}
        self.closed = self.closed_on_time = self.closed_of_reported = 0
        self._area_of.clear()
        for case in self.state.cases.values():
            rep = parse_time_or_none(case.get("reported_at"))
            if rep is not None:
                h = day.hour(rep)
                if h >= 0:
                    today[h] += 1
                    self._count_kinds(case)
                else:
                    h = prev.hour(rep)
                    if h >= 0:
                        yest[h] += 1
            if case.get("status") == "closed":
                self._count_close(case)
        self.today = today
        self.yesterday = [max(a, b) for a, b in zip(self.yesterday, yest, strict=True)]

    def on_events(self, events: Iterable[Mapping[str, Any]]) -> list[dict]:
        """Count reports and closes from events; return the new critical cases seen."""
        critical = []
        cases = self.state.cases
        day = self.day
        for ev in events:
            typ = ev.get("type")
            if typ != "case.created" and typ != "case.updated":
                continue
            data = ev.get("data")
            case = data.get("case") if isinstance(data, dict) else None
            if not isinstance(case, dict) or case.get("id") not in cases:
                continue  # malformed or outside the post's jurisdiction
            if typ == "case.created":
                rep = parse_time_or_none(case.get("reported_at"))
                h = day.hour(rep) if rep is not None else -1
                if h >= 0:
                    self.today[h] += 1
                    self._count_kinds(case)
                elif rep is not None and day.start - 86400 <= rep < day.start:
                    # reported just before the roll-over, delivered just after it
                    self.yesterday[min(HOURS - 1, int((rep - day.start + 86400) // 3600))] += 1
                if case.get("priority") == "critical":
                    critical.append(case)
            elif case.get("status") == "closed" and isinstance(data, dict) \
                    and data.get("action") == "close":
                self._count_close(case)
        return critical

    def roll(self, now: float) -> bool:
        """Start a new wall day if ``now`` left the current one; True when it did."""
        if self.day.start <= now < self.day.end:
            return False
        new = wall_day_at(now, self.day_start, self.zone_name)
        consecutive = abs(new.start - self.day.end) < 2 * 3600
        self.yesterday = self.today if consecutive else [0] * HOURS
        self.today = [0] * HOURS
        self.by_category = {}
        self.by_area = {}
        self.closed = self.closed_on_time = self.closed_of_reported = 0
        self._area_of.clear()
        self.day = new
        self.resets += 1
        return True

    # ---- Internals

    def _count_kinds(self, case: Mapping[str, Any]) -> None:
        _bump(self.by_category, case.get("category"))
        _bump(self.by_area, self.area_of(case.get("region_id")))

    def _count_close(self, case: Mapping[str, Any]) -> None:
        closed = parse_time_or_none(case.get("closed_at"))
        if closed is None or self.day.hour(closed) < 0:
            return
        self.closed += 1
        due = parse_time_or_none(case.get("due_at"))
        if due is None or closed <= due:
            self.closed_on_time += 1
        rep = parse_time_or_none(case.get("reported_at"))
        if rep is not None and self.day.hour(rep) >= 0:
            self.closed_of_reported += 1


def _bump(counts: dict[str, int], key: object) -> None:
    if not isinstance(key, str) or not key:
        return
    if key not in counts and len(counts) >= MAX_KEYS:
        key = OTHER
    counts[key] = counts.get(key, 0) + 1


@dataclass(frozen=True, slots=True)
class Takeover:
    """One corner takeover: ``kind`` ``critical`` (new critical case) or ``overdue``."""

    kind: str
    case_id: str
    since: float


class TakeoverQueue:
    """Takeovers waiting for the corner; one shows at a time for ``seconds``.

    Attributes:
        current: the takeover shown, or None.
        until: when the current one ends.
        shown: how many takeovers were shown so far.
    """

    def __init__(self, seconds: float, maxlen: int = 32) -> None:
        self.seconds = seconds
        self.current: Takeover | None = None
        self.until = 0.0
        self.shown = 0
        self._queue: deque[Takeover] = deque(maxlen=maxlen)
        self._keys: set[tuple[str, str]] = set()

    def __len__(self) -> int:
        """How many wait."""
        return len(self._queue)

    def push(self, kind: str, case_id: str, now: float) -> None:
        """Queue a takeover (a duplicate of one waiting or shown is dropped)."""
        key = (kind, case_id)
        if key in self._keys or (self.current and (self.current.kind, self.current.case_id) == key):
            return
        if len(self._queue) == self._queue.maxlen:
            old = self._queue[0]
            self._keys.discard((old.kind, old.case_id))
        self._queue.append(Takeover(kind, case_id, now))
        self._keys.add(key)

    def clear(self) -> None:
        """Drop what waits (the current one stays until its time)."""
        self._queue.clear()
        self._keys.clear()

    def advance(self, now: float,
                still_relevant: Callable[[Takeover], bool] = lambda t: True) -> bool:
        """End the current takeover when its time is up and show the next relevant one.

        Return:
            True when what the corner shows changed.
        """
        changed = False
        if self.current is not None and now >= self.until:
            self.current = None
            changed = True
        while self.current is None and self._queue:
            t = self._queue.popleft()
            self._keys.discard((t.kind, t.case_id))
            if still_relevant(t):
                self.current = t
                self.until = now + self.seconds
                self.shown += 1
                changed = True
        return changed


def burn_in_offset(now: float, amplitude: int, period_s: float) -> tuple[int, int]:
    """A slow Lissajous walk within ±``amplitude`` px: one pixel every few minutes at most."""
    if amplitude <= 0 or period_s <= 0:
        return 0, 0
    ax = 2 * math.pi * now / period_s
    ay = 2 * math.pi * now / (period_s * 1.37)
    return round(amplitude * math.sin(ax)), round(amplitude * math.sin(ay))
