"""SLA clock: which open cases are near due or overdue, kept as time passes.

A case with a ``due_at`` that is still being handled (status not ``resolved``/``closed``)
is in one of three phases:

* ``OK`` — less than 80 % of its SLA used;
* ``NEAR`` — ``now >= reported_at + 0.8 * (due_at - reported_at)`` (near due);
* ``OVERDUE`` — ``now >= due_at``.

:class:`SlaClock` keeps the phase of every tracked case and a min-heap of the next
transition time of each case, so :meth:`SlaClock.advance` touches only the cases whose
phase changes (O(k log n)), never all cases. Stale heap entries are skipped lazily: an
entry is live only while it matches the case's scheduled time in ``_next``.

Threading: not thread-safe; owned by the State.
"""

from __future__ import annotations

import heapq

from client.timeutil import parse_time_or_none

OK, NEAR, OVERDUE = 0, 1, 2
NEAR_FRACTION = 0.8


def phase_at(now: float, reported: float, due: float) -> int:
    """The phase of a case with these times at ``now``."""
    if now >= due:
        return OVERDUE
    if now >= reported + NEAR_FRACTION * (due - reported):
        return NEAR
    return OK


def near_time(reported: float, due: float) -> float:
    """When a case enters the near-due phase."""
    return reported + NEAR_FRACTION * (due - reported)


class SlaClock:
    """Phases of tracked cases, advanced by time through a heap of transition times.

    Attributes:
        near: ids of cases near due (not overdue).
        overdue: ids of overdue cases.
        now: the time of the last classification.
    """

    def __init__(self, now: float = 0.0) -> None:
        self.now = now
        self.near: set[str] = set()
        self.overdue: set[str] = set()
        self._times: dict[str, tuple[float, float]] = {}  # id -> (reported, due)
        self._texts: dict[str, tuple[object, object]] = {}  # id -> the strings they came from
        self._next: dict[str, float] = {}  # id -> scheduled transition time
        self._heap: list[tuple[float, str]] = []

    def phase(self, cid: str) -> int:
        """The current phase of ``cid`` (OK when not tracked)."""
        if cid in self.overdue:
            return OVERDUE
        if cid in self.near:
            return NEAR
        return OK

    def __len__(self) -> int:
        return len(self._times)

    def due_of(self, cid: str) -> float | None:
        """The tracked due time of ``cid``."""
        t = self._times.get(cid)
        return t[1] if t else None

    def set(self, cid: str, reported: float | None, due: float | None) -> tuple[int, int]:
        """Track (or retrack) ``cid`` with these times; None times stop tracking it.

        Return:
            ``(old_phase, new_phase)``.
        """
        old = self.phase(cid)
        if reported is None or due is None:
            self.remove(cid)
            return old, OK
        if self._times.get(cid) == (reported, due):
            return old, old  # same clock: nothing moves
        self._times[cid] = (reported, due)
        new = phase_at(self.now, reported, due)
        self._put(cid, new)
        self._schedule(cid, new, reported, due)
        return old, new

    def set_text(self, cid: str, reported: object, due: object) -> tuple[int, int]:
        """Like :meth:`set` with the protocol's time strings; parses only when they changed."""
        texts = (reported, due)
        if self._texts.get(cid) == texts:
            p = self.phase(cid)
            return p, p
        rep, du = parse_time_or_none(reported), parse_time_or_none(due)
        out = self.set(cid, rep, du)
        if rep is not None and du is not None:
            self._texts[cid] = texts
        return out

    def copy(self) -> SlaClock:
        """An independent copy."""
        n = SlaClock.__new__(SlaClock)
        n.now = self.now
        n.near = self.near.copy()
        n.overdue = self.overdue.copy()
        n._times = self._times.copy()
        n._texts = self._texts.copy()
        n._next = self._next.copy()
        n._heap = self._heap.copy()
        return n

    def remove(self, cid: str) -> int:
        """Stop tracking ``cid``; return its phase before."""
        old = self.phase(cid)
        self._texts.pop(cid, None)
        self._times.pop(cid, None)
        self._next.pop(cid, None)
        self.near.discard(cid)
        self.overdue.discard(cid)
        return old

    def clear(self) -> None:
        """Forget everything (keeps ``now``)."""
        self.near.clear()
        self.overdue.clear()
        self._times.clear()
        self._texts.clear()
        self._next.clear()
        self._heap.clear()

    def advance(self, now: float) -> list[tuple[str, int, int]]:
        """Move time to ``now``; return ``(id, old_phase, new_phase)`` of every case that moved."""
        if now < self.now:
            return []  # the clock never goes back
        self.now = now
        moved: list[tuple[str, int, int]] = []
        heap = self._heap
        while heap and heap[0][0] <= now:
            t, cid = heapq.heappop(heap)
            if self._next.get(cid) != t:
                continue  # stale entry
            del self._next[cid]
            reported, due = self._times[cid]
            old = self.phase(cid)
            new = phase_at(now, reported, due)
            if new != old:
                self._put(cid, new)
                moved.append((cid, old, new))
            self._schedule(cid, new, reported, due)
        if len(heap) > 64 and len(heap) > 3 * len(self._next):
            self._compact()
        return moved

    # ---- Internals

    def _put(self, cid: str, phase: int) -> None:
        if phase == OVERDUE:
            self.near.discard(cid)
            self.overdue.add(cid)
        elif phase == NEAR:
            self.overdue.discard(cid)
            self.near.add(cid)
        else:
            self.near.discard(cid)
            self.overdue.discard(cid)

    def _schedule(self, cid: str, phase: int, reported: float, due: float) -> None:
        if phase == OVERDUE:
            self._next.pop(cid, None)
            return
        t = near_time(reported, due) if phase == OK else due
        self._next[cid] = t
        heapq.heappush(self._heap, (t, cid))

    def _compact(self) -> None:
        self._heap = [(t, cid) for cid, t in self._next.items()]
        heapq.heapify(self._heap)
