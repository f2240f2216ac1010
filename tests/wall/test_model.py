"""The wall's Qt-free logic: per-day figures, day roll-over, playlists, takeovers, burn-in."""

from __future__ import annotations

import orjson
import pytest

from client.protocol import ProtocolError, decode_frame
from client.state import State
from client.timeutil import format_time
from console.wall.config import ScreenPlan, Slot
from console.wall.model import (
    HOURS,
    Rotator,
    TakeoverQueue,
    WallStats,
    burn_in_offset,
    wall_day_at,
)
from testkit.clock import Clock
from testkit.wall_sim import T_START, Sim


def _fed_state(hours: float) -> tuple[State, WallStats, Sim, Clock]:
    sim = Sim(seed=9, per_hour=100, now=T_START)
    snap = sim.warm_snapshot(hours=6)
    clock = Clock(sim.now)
    state = State(clock=clock)
    state.load_snapshot(snap)
    stats = WallStats(state)
    stats.rebuild()
    end = sim.now + hours * 3600
    while sim.now < end:
        evs = sim.events_until(sim.now + 300)
        clock.now = sim.now
        state.apply_events(evs)
        state.tick(clock.now)
        if stats.roll(clock.now):
            pass
        stats.on_events(evs)
    return state, stats, sim, clock


def test_wall_day_starts_at_day_start() -> None:
    """The wall day runs from 08:00 (post time) to 08:00; 07:59 belongs to the day before."""
    day = wall_day_at(T_START)  # 16:00
    assert (T_START - day.start) == 8 * 3600 and day.end - day.start == 86400
    early = wall_day_at(day.start - 60)
    assert early.end == day.start
    assert day.hour(day.start) == 0 and day.hour(day.end - 1) == HOURS - 1
    assert day.hour(day.end) == -1


def test_live_counts_equal_a_recount() -> None:
    """Counting events as they come gives what a recount of the cases gives."""
    state, stats, _, _ = _fed_state(10)
    live = (list(stats.today), dict(stats.by_category), dict(stats.by_area), stats.closed,
            stats.closed_on_time, stats.closed_of_reported)
    assert stats.reported > 500
    again = WallStats(state)
    again.rebuild()
    assert live == (again.today, again.by_category, again.by_area, again.closed,
                    again.closed_on_time, again.closed_of_reported)
    assert 0 < stats.closed_on_time <= stats.closed
    assert set(stats.by_area) <= {r["id"] for r in state.regions.values()
                                   if r["level"] == "town"}


def test_day_rolls_at_the_shift_boundary() -> None:
    """At 08:00 today's hourly counts become yesterday's and the day's figures restart."""
    state, stats, sim, clock = _fed_state(15)  # 16:00 → 07:00 the next morning
    today = list(stats.today)
    assert stats.resets == 0 and sum(today) > 0
    evs = sim.events_until(stats.day.end + 60)
    clock.now = sim.now
    state.apply_events(evs)
    assert stats.roll(clock.now)
    assert stats.resets == 1
    assert stats.yesterday == today
    assert stats.reported == 0 and stats.closed == 0 and not stats.by_category
    a, b = stats.same_time_yesterday(clock.now)
    assert a == 0 and 0 <= b <= today[0]


def test_rotator_follows_the_playlist() -> None:
    """Each page stays its own seconds; a fixed plan never moves; a stall moves one step."""
    plan = ScreenPlan((Slot("kpi", 5), Slot("map", 10), Slot("trend", 5)))
    rot = Rotator(plan, 0.0)
    seen = []
    for t in range(0, 41):
        rot.advance(float(t))
        seen.append(rot.page)
    assert seen[4] == "kpi" and seen[5] == "map" and seen[14] == "map"
    assert seen[15] == "trend" and seen[20] == "kpi" and seen[25] == "map"
    fixed = Rotator(ScreenPlan((Slot("map", 5),)), 0.0)
    assert not fixed.advance(1e9) and fixed.page == "map"
    rot2 = Rotator(plan, 0.0)
    assert rot2.advance(1e6) and rot2.page == "map" and rot2.next_at == 1e6 + 10


def test_takeover_queue_is_bounded_and_timed() -> None:
    """One takeover at a time for its seconds; duplicates dropped; a burst keeps the newest."""
    q = TakeoverQueue(30.0, maxlen=4)
    q.push("critical", "A", 0.0)
    q.push("critical", "A", 0.0)
    assert len(q) == 1
    assert q.advance(0.0) and q.current.case_id == "A"
    q.push("critical", "A", 1.0)  # the one shown: not again
    assert len(q) == 0
    for i in range(10):
        q.push("overdue", f"O{i}", 1.0)
    assert len(q) == 4
    assert not q.advance(29.9) and q.current.case_id == "A"
    assert q.advance(30.0) and q.current.case_id == "O6"
    assert q.advance(60.0, still_relevant=lambda t: t.case_id == "O9")
    assert q.current.case_id == "O9" and len(q) == 0
    assert q.advance(90.0) and q.current is None


def test_burn_in_offset_is_small_and_slow() -> None:
    """The shift stays within ±amplitude and moves at most one pixel per ~30 s."""
    amp, period = 4, 900.0
    prev = burn_in_offset(0.0, amp, period)
    for t in range(1, 7200, 30):
        dx, dy = burn_in_offset(float(t), amp, period)
        assert abs(dx) <= amp and abs(dy) <= amp
        assert abs(dx - prev[0]) <= 1 and abs(dy - prev[1]) <= 1
        prev = (dx, dy)
    seen = {burn_in_offset(float(t), amp, period) for t in range(0, 3600, 60)}
    assert len(seen) > 8
    assert burn_in_offset(123.0, 0, period) == (0, 0)


def test_foreign_and_malformed_events_are_not_counted() -> None:
    """Cases the State dropped (outside the jurisdiction) or junk never count."""
    sim = Sim(seed=1, per_hour=10, now=T_START)
    state = State(clock=Clock(T_START))
    state.load_snapshot(sim.warm_snapshot(hours=1))
    stats = WallStats(state)
    stats.rebuild()
    before = stats.reported
    foreign = {"id": "X-1", "version": 1, "region_id": "nowhere", "status": "reported",
               "priority": "critical", "reported_at": format_time(T_START)}
    evs = [{"seq": sim.seq + 1, "ts": format_time(T_START), "type": "case.created",
            "data": {"case": foreign}}]
    # junk never reaches the State: the protocol decoder refuses it at the boundary
    for junk in ({"seq": sim.seq + 2, "type": "case.created", "data": "junk"},
                 {"seq": sim.seq + 3, "type": "case.created"}):
        with pytest.raises(ProtocolError):
            decode_frame(orjson.dumps(junk))
    state.apply_events(evs)
    assert stats.on_events(evs) == []
    assert stats.reported == before
