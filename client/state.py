"""State: the console's synced picture plus incrementally kept derived views.

:class:`State` wraps a :class:`client.store.Store` (post, regions, units, cases, calls,
whistles) and keeps, by deltas as events arrive — never by rescanning all cases:

* per-unit workload (open, overdue, near_due, urgent) — ``client.workload``;
* the near-due and overdue sets, moved as time passes by :meth:`State.tick` through the
  heap-driven :class:`client.overdue.SlaClock`;
* today's counters (reported, dispatched, closed, closure rate) in the post's zone;
* urge (督办) counts per case and per unit (those seen since the last snapshot);

and returns a :class:`ChangeSet` per batch so views update only what changed.

Hand-off and threading: State is single-threaded. The Feed thread produces
:class:`client.batch.Batch` objects that are already ordered, deduplicated and committed
to the shift cache; the consumer drains them (``Feed.drain()``) on its own thread — the
Qt console on the GUI thread from a ~100 ms timer, the headless mirror in its loop — and
calls :meth:`State.apply_batch` for each. It should also call :meth:`State.tick` about
once a second so cases move between ok / near-due / overdue without new events.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter

from client.batch import Batch
from client.overdue import SlaClock
from client.protocol import AnySnapshot, Call, Case, Event, Post, Region, Unit, Whistle
from client.stages import StagePolicy
from client.store import Change, Store
from client.timeutil import DEFAULT_ZONE, day_bounds, local_date
from client.workload import (
    INACTIVE,
    URGENT,
    VIEW_FIELDS,
    Day,
    TodayCounters,
    Workload,
    WorkloadBook,
    day_contribution,
    day_contribution_of,
)

_view_key = itemgetter(*VIEW_FIELDS)
_NO_DAY = (0, 0, 0, 0)
_NO_VIEW: tuple[object, ...] = (None,) * len(VIEW_FIELDS)


def _view_of(case: Case | None) -> tuple[object, ...] | None:
    """The case's :data:`VIEW_FIELDS` as a tuple (a missing field reads as None)."""
    if case is None:
        return None
    try:
        view: tuple[object, ...] = _view_key(case)
    except KeyError:  # a hand-made case without some field
        return tuple(case.get(f) for f in VIEW_FIELDS)
    return view


def _stage_key(case: Case) -> tuple[str | None, str | None]:
    return case.get("sign_due"), case.get("callback_due")


@dataclass
class ChangeSet:
    """What one batch (or tick) changed; views repaint only these.

    Attributes:
        reset: everything was replaced (snapshot load): repaint all.
        cases_added / cases_changed / cases_removed: case ids (disjoint sets).
        units_changed: ids of units whose record or workload changed.
        calls_changed / whistles_changed: ids of calls / whistles added, changed or removed.
        alerts_changed: ids of cases that entered or left the near-due / overdue sets.
        counters_changed: today's counters changed.
        urges_changed: ids of cases urged.
        seq: the state's seq afterwards.
    """

    reset: bool = False
    cases_added: set[str] = field(default_factory=set)
    cases_changed: set[str] = field(default_factory=set)
    cases_removed: set[str] = field(default_factory=set)
    units_changed: set[str] = field(default_factory=set)
    calls_changed: set[str] = field(default_factory=set)
    whistles_changed: set[str] = field(default_factory=set)
    alerts_changed: set[str] = field(default_factory=set)
    counters_changed: bool = False
    urges_changed: set[str] = field(default_factory=set)
    seq: int = 0

    def __bool__(self) -> bool:
        return bool(
            self.reset
            or self.cases_added
            or self.cases_changed
            or self.cases_removed
            or self.units_changed
            or self.calls_changed
            or self.whistles_changed
            or self.alerts_changed
            or self.counters_changed
            or self.urges_changed
        )

    def case_added(self, cid: str) -> None:
        """Record that ``cid`` appeared."""
        if cid in self.cases_removed:
            self.cases_removed.discard(cid)
            self.cases_changed.add(cid)
        else:
            self.cases_added.add(cid)

    def case_changed(self, cid: str) -> None:
        """Record that ``cid`` changed."""
        if cid not in self.cases_added:
            self.cases_changed.add(cid)

    def case_removed(self, cid: str) -> None:
        """Record that ``cid`` disappeared."""
        if cid in self.cases_added:
            self.cases_added.discard(cid)
        else:
            self.cases_changed.discard(cid)
            self.cases_removed.add(cid)

    def merge(self, other: ChangeSet) -> None:
        """Fold a later change set into this one."""
        if other.reset:
            self.reset = True
        for cid in other.cases_removed:
            self.case_removed(cid)
        for cid in other.cases_added:
            self.case_added(cid)
        for cid in other.cases_changed:
            self.case_changed(cid)
        self.units_changed |= other.units_changed
        self.calls_changed |= other.calls_changed
        self.whistles_changed |= other.whistles_changed
        self.alerts_changed |= other.alerts_changed
        self.urges_changed |= other.urges_changed
        self.counters_changed |= other.counters_changed
        self.seq = max(self.seq, other.seq)


class State:
    """The synced post picture with derived views, applied batch by batch.

    Args:
        zone_name: the post's time zone for "today".
        clock: epoch-seconds clock used when ``now`` is not given.
    """

    def __init__(
        self, *, zone_name: str = DEFAULT_ZONE, clock: Callable[[], float] = time.time
    ) -> None:
        self.zone_name = zone_name
        self.clock = clock
        self.store = Store()
        self._sla = SlaClock(clock())
        self._book = WorkloadBook()
        self._day = Day(*day_bounds(self._sla.now, zone_name))
        self._today = [0, 0, 0, 0]  # reported, dispatched, closed, closed_of_reported
        self.urges_by_case: dict[str, int] = {}
        self.urges_by_unit: dict[str, int] = {}
        #: protocol 1.1 stage clocks (client.stages.StagePolicy): when set, the near-due /
        #: overdue phase follows each case's stage nearest its deadline (sign, resolve,
        #: callback); None keeps the 1.0 rule (due_at while being handled)
        self.stages: StagePolicy | None = None

    # ---- Read access

    @property
    def seq(self) -> int:
        """The last applied seq."""
        return self.store.seq

    @property
    def now(self) -> float:
        """The time of the last tick."""
        return self._sla.now

    @property
    def post(self) -> Post | None:
        """The post object."""
        return self.store.post

    @property
    def cases(self) -> Mapping[str, Case]:
        """Cases by id (read-only by convention; the dicts are the hub's)."""
        return self.store.cases

    @property
    def units(self) -> Mapping[str, Unit]:
        """Units by id."""
        return self.store.units

    @property
    def regions(self) -> Mapping[str, Region]:
        """Regions by id."""
        return self.store.regions

    @property
    def calls(self) -> Mapping[str, Call]:
        """Active calls by id."""
        return self.store.calls

    @property
    def whistles(self) -> Mapping[str, Whistle]:
        """Whistles by id."""
        return self.store.whistles

    def workload(self, unit_id: str) -> Workload:
        """The workload of one unit."""
        return self._book.get(unit_id)

    def workloads(self) -> dict[str, Workload]:
        """Workloads of all units holding active cases."""
        return self._book.all()

    def overdue_ids(self) -> list[str]:
        """Overdue case ids, most overdue first."""
        return sorted(self._sla.overdue, key=lambda c: (self._sla.due_of(c) or 0.0, c))

    def near_due_ids(self) -> list[str]:
        """Near-due case ids, soonest due first."""
        return sorted(self._sla.near, key=lambda c: (self._sla.due_of(c) or 0.0, c))

    def alert_phase(self, case_id: str) -> int:
        """0 ok, 1 near due, 2 overdue."""
        return self._sla.phase(case_id)

    @property
    def day(self) -> Day:
        """"Today" in the post's zone (a new object when the day rolls over)."""
        return self._day

    @property
    def counters(self) -> TodayCounters:
        """Today's counters."""
        r, d, c, cr = self._today
        day = local_date(self._day.start + 1, self.zone_name).isoformat()
        return TodayCounters(day, r, d, c, cr)

    def copy(self) -> State:
        """An independent copy (for review checkpoints): every container the State and its
        parts mutate is copied; the hub's case dicts are shared (never mutated)."""
        new = State.__new__(State)
        new.zone_name = self.zone_name
        new.clock = self.clock
        new.store = self.store.copy()
        new._sla = self._sla.copy()
        new._book = self._book.copy()
        new._day = self._day  # immutable (replaced, never mutated)
        new._today = self._today[:]
        new.urges_by_case = self.urges_by_case.copy()
        new.urges_by_unit = self.urges_by_unit.copy()
        new.stages = self.stages
        return new

    # ---- Applying

    def apply_batch(self, batch: Batch, now: float | None = None) -> ChangeSet:
        """Apply one batch from the Feed (snapshot first if any, then its events)."""
        cs = self.tick(now)
        if batch.snapshot is not None:
            cs.merge(self.load_snapshot(batch.snapshot))
        if batch.events:
            self._apply_events(batch.events, cs)
        cs.seq = self.store.seq
        return cs

    def apply_events(self, events: Iterable[Event]) -> ChangeSet:
        """Apply events (already in order, deduplicated) and return the change set."""
        cs = ChangeSet()
        self._apply_events(events, cs)
        cs.seq = self.store.seq
        return cs

    def set_stages(self, policy: StagePolicy | None) -> ChangeSet:
        """Follow protocol 1.1 stage clocks with ``policy`` (None: the 1.0 rule) and
        re-derive every case's phase and workload under it (a reset change set)."""
        self.stages = policy
        self._sla.clear()
        self._book.clear()
        scratch = ChangeSet()
        for cid, case in self.store.cases.items():
            self._on_case(cid, None, case, scratch)
        return ChangeSet(reset=True, seq=self.store.seq)

    def load_snapshot(self, snap: AnySnapshot) -> ChangeSet:
        """Replace everything with ``snap`` and rebuild the derived views once."""
        self.store.load_snapshot(snap)
        self._sla.clear()
        self._book.clear()
        self._today = [0, 0, 0, 0]
        self.urges_by_case.clear()
        self.urges_by_unit.clear()
        cs = ChangeSet(reset=True, counters_changed=True, seq=self.store.seq)
        on_case = self._on_case
        scratch = ChangeSet()  # a reset says it all; the per-case details are not kept
        for cid, case in self.store.cases.items():
            on_case(cid, None, case, scratch)
        return cs

    def tick(self, now: float | None = None) -> ChangeSet:
        """Move time to ``now``: cases change SLA phase; "today" may roll over."""
        now = self.clock() if now is None else now
        cs = ChangeSet(seq=self.store.seq)
        if now >= self._day.end:
            self._day = Day(*day_bounds(now, self.zone_name))
            self._recount_today()
            cs.counters_changed = True
        cases = self.store.cases
        for cid, old, new in self._sla.advance(now):
            cs.alerts_changed.add(cid)
            case = cases.get(cid)
            unit = case.get("unit_id") if case is not None else None
            if isinstance(unit, str) and case is not None and case.get("status") not in INACTIVE:
                self._book.move(unit, old, new)
                cs.units_changed.add(unit)
        return cs

    # ---- Internals

    def _apply_events(self, events: Iterable[Event], cs: ChangeSet) -> None:
        apply = self.store.apply
        on_case = self._on_case
        for ev in events:
            ch = apply(ev)
            if ch is not None:
                if ch.kind == "case":  # a case change holds cases
                    on_case(ch.key, ch.old, ch.new, cs)  # type: ignore[arg-type]
                else:
                    self._on_other(ch, cs)

    def _on_case(self, cid: str, old: Case | None, new: Case | None, cs: ChangeSet) -> None:
        """Move one case's contribution to the derived views from ``old`` to ``new``.

        The hot path of every feed event: one SLA update, at most two workload deltas, and
        today's counters only when status, ``reported_at`` or ``closed_at`` moved. Each
        case's fields are read once, as its view tuple (:data:`VIEW_FIELDS`).
        """
        was = _view_of(old)
        now = _view_of(new)
        if old is None:
            cs.case_added(cid)
        elif new is None:
            cs.case_removed(cid)
            self.urges_by_case.pop(cid, None)
        else:
            if cid not in cs.cases_added:
                cs.cases_changed.add(cid)
            if was == now and (self.stages is None or _stage_key(old) == _stage_key(new)):
                return  # nothing the derived views depend on changed
        status, unit, priority, reported, due, closed = now or _NO_VIEW
        sla = self._sla
        # SLA phase: tracked while active with both times; one update gives old and new.
        new_active = new is not None and status not in INACTIVE
        if self.stages is not None:
            window = self.stages.sla_window(new) if new is not None else None
            if window is not None:
                old_phase, phase = sla.set(cid, *window)
            else:
                old_phase, phase = sla.remove(cid), 0
        elif new_active:
            old_phase, phase = sla.set_text(cid, reported, due)
        else:
            old_phase, phase = sla.remove(cid), 0
        if old_phase != phase:
            cs.alerts_changed.add(cid)
        # Workload: take the old holding out, put the new one in.
        book = self._book
        old_status, old_unit, old_priority, old_reported, _, old_closed = was or _NO_VIEW
        if was is not None and old_status not in INACTIVE and isinstance(old_unit, str):
            book.add(old_unit, -1, old_phase, old_priority in URGENT)
            cs.units_changed.add(old_unit)
        if new_active and isinstance(unit, str):
            book.add(unit, 1, phase, priority in URGENT)
            cs.units_changed.add(unit)
        # Today's counters depend on status, reported_at and closed_at only.
        if (was is None or now is None or old_status != status or old_reported != reported
                or old_closed != closed):
            day = self._day
            before = (day_contribution_of(old_status, old_reported, old_closed, day)
                      if was is not None else _NO_DAY)
            after = day_contribution_of(status, reported, closed, day) if now is not None else _NO_DAY
            if before != after:
                t = self._today
                for i in range(4):
                    t[i] += after[i] - before[i]
                cs.counters_changed = True

    def _on_other(self, ch: Change, cs: ChangeSet) -> None:
        kind = ch.kind
        if kind == "urge":
            cid = ch.key
            self.urges_by_case[cid] = self.urges_by_case.get(cid, 0) + 1
            cs.urges_changed.add(cid)
            unit = ch.new.get("unit_id") if ch.new else None
            if not isinstance(unit, str):
                unit = self.store.cases[cid].get("unit_id")
            if isinstance(unit, str):
                self.urges_by_unit[unit] = self.urges_by_unit.get(unit, 0) + 1
                cs.units_changed.add(unit)
        elif kind == "unit":
            cs.units_changed.add(ch.key)
        elif kind == "call":
            cs.calls_changed.add(ch.key)
        elif kind == "whistle":
            cs.whistles_changed.add(ch.key)

    def _recount_today(self) -> None:
        t = [0, 0, 0, 0]
        day = self._day
        for case in self.store.cases.values():
            d = day_contribution(case, day)
            for i in range(4):
                t[i] += d[i]
        self._today = t
