"""Today's KPI figures of a scope equal a count over the State, whatever the feed does."""

from __future__ import annotations

import random

from client.regions import EVERYTHING, RegionIndex, Scope
from client.scope_figures import ScopeFigures, count_figures
from client.state import State
from testkit.fakehub import BASE_TS, ts
from tests.client.test_regions import LEAVES, POST, REGIONS, STATUSES

HOUR = 3600.0
CATEGORIES = ["市政设施", "环境卫生"]
SCOPES = [Scope("C1"), Scope("T2"), Scope("G1"), Scope(None, "市政设施"),
          Scope("C2", "环境卫生"), Scope("P")]


def _case(cid: str, rnd: random.Random, now: float, status: str = "reported") -> dict:
    return {"id": cid, "version": 1, "title": "t", "status": status, "unit_id": "U1",
            "priority": "normal", "region_id": rnd.choice(LEAVES),
            "category": rnd.choice(CATEGORIES), "subcategory": "x",
            "reported_at": ts(now - BASE_TS - rnd.uniform(0, 30) * HOUR),
            "due_at": ts(now - BASE_TS + rnd.uniform(0.2, 12) * HOUR),
            "closed_at": None}


def test_figures_of_every_scope_equal_a_direct_count_through_a_random_feed() -> None:
    """250 random creates, moves between regions and categories, status changes, closes,
    and clock jumps across midnight: after every batch the figures of each scope equal a
    count over the State's cases, and the whole post's equal the State's own counters."""
    rnd = random.Random(17)
    now = [BASE_TS + 10 * HOUR]
    state = State(clock=lambda: now[0])
    cases = {f"K{i}": _case(f"K{i}", rnd, now[0], rnd.choice(STATUSES)) for i in range(40)}
    for c in cases.values():
        if c["status"] == "closed":
            c["closed_at"] = ts(now[0] - BASE_TS - HOUR)
    state.load_snapshot({"seq": 0, "server_time": ts(now[0] - BASE_TS), "post": POST,
                         "regions": REGIONS, "units": [], "cases": list(cases.values()),
                         "calls": [], "whistles": []})
    index = RegionIndex(state.regions)
    followers = {scope: ScopeFigures(state, index) for scope in SCOPES}
    for scope, f in followers.items():
        f.set_scope(scope)
    whole = ScopeFigures(state, index)

    seen = {"overdue": 0, "closed": 0}

    def check() -> None:
        for scope, f in followers.items():
            figures = f.figures()
            assert figures == count_figures(state, scope, index), scope
            seen["overdue"] += figures.overdue
            seen["closed"] += figures.today.closed
        assert whole.figures() == count_figures(state, EVERYTHING, index)
        everywhere = followers[Scope("P")].figures()
        assert everywhere.today == state.counters  # the root region holds every case
        assert everywhere.overdue == len(state.overdue_ids())
        assert everywhere.near_due == len(state.near_due_ids())

    check()
    seq = 0
    days = {state.counters.day}
    for step in range(250):
        seq += 1
        roll = rnd.random()
        if roll < 0.25:
            cid = f"N{step}"
            case = _case(cid, rnd, now[0])
            case["reported_at"] = ts(now[0] - BASE_TS)
            ev_type = "case.created"
        else:
            cid = rnd.choice(sorted(cases))
            case = dict(cases[cid])
            case["version"] += 1
            if roll < 0.4:
                case["region_id"] = rnd.choice(LEAVES)
            elif roll < 0.5:
                case["category"] = rnd.choice(CATEGORIES)
            else:
                case["status"] = rnd.choice(STATUSES)
                case["closed_at"] = ts(now[0] - BASE_TS) if case["status"] == "closed" else None
            ev_type = "case.updated"
        cases[cid] = case
        changes = state.apply_events([{"seq": seq, "ts": ts(seq), "type": ev_type,
                                       "data": {"case": case, "action": "edit"}}])
        for f in (*followers.values(), whole):
            f.apply(changes)
        if rnd.random() < 0.15:
            now[0] += rnd.uniform(0.5, 4) * HOUR
            ticked = state.tick(now[0])
            for f in (*followers.values(), whole):
                f.apply(ticked)
            days.add(state.counters.day)
        check()
    assert len(days) > 2  # the figures followed "today" across midnights
    assert seen["overdue"] and seen["closed"]  # the checks did see overdue and closed cases


def test_a_new_scope_is_counted_at_once() -> None:
    rnd = random.Random(3)
    now = BASE_TS + 9 * HOUR
    state = State(clock=lambda: now)
    cases = [_case(f"K{i}", rnd, now) for i in range(30)]
    state.load_snapshot({"seq": 0, "server_time": ts(now - BASE_TS), "post": POST,
                         "regions": REGIONS, "units": [], "cases": cases,
                         "calls": [], "whistles": []})
    index = RegionIndex(state.regions)
    f = ScopeFigures(state, index)
    assert f.figures().today == state.counters
    f.set_scope(Scope("C2"))
    narrowed = f.figures()
    assert narrowed == count_figures(state, Scope("C2"), index)
    assert 0 < narrowed.today.reported < state.counters.reported
    f.set_scope(None)
    assert f.figures().today == state.counters
