"""Store rules and the State's incrementally kept views (pure, no sockets)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from client.alerts import NEAR, OK, OVERDUE, phase_at
from client.batch import Batch
from client.state import ChangeSet, State
from client.store import Store
from client.timeutil import day_bounds, parse_time
from client.workload import URGENT, Day, day_contribution, is_active
from testkit.fakehub import BASE_TS, ts

REGIONS = [
    {"id": "R0", "name": "州", "level": "prefecture", "parent_id": None},
    {"id": "C1", "name": "市", "level": "county", "parent_id": "R0"},
    {"id": "G1", "name": "网格", "level": "grid", "parent_id": "C1"},
]
POST = {"id": "P1", "name": "指挥中心", "region_id": "R0", "level": "prefecture"}
HOUR = 3600.0


def case(cid: str, version: int = 1, **kw: object) -> dict:
    c = {"id": cid, "version": version, "title": "t", "status": "dispatched", "unit_id": "U1",
         "priority": "normal", "region_id": "G1", "reported_at": ts(0), "due_at": ts(10 * HOUR),
         "closed_at": None}
    c.update(kw)
    return c


def snap(cases: list[dict], seq: int = 0) -> dict:
    return {"seq": seq, "server_time": ts(0), "post": POST, "regions": REGIONS, "units": [],
            "cases": cases, "calls": [], "whistles": []}


def upd(seq: int, c: dict, typ: str = "case.updated") -> dict:
    return {"seq": seq, "ts": ts(seq), "type": typ, "data": {"case": c, "action": "edit"}}


def test_newer_version_wins_older_is_ignored() -> None:
    s = Store()
    s.load_snapshot(snap([case("a", 2)]))
    assert s.apply(upd(1, case("a", 1, title="old"))) is None
    assert s.apply(upd(2, case("a", 2, title="same"))) is None
    ch = s.apply(upd(3, case("a", 3, title="new")))
    assert ch is not None and ch.old["version"] == 2 and s.cases["a"]["title"] == "new"
    assert s.seq == 3


def test_case_leaving_the_subtree_is_dropped_and_stays_dropped() -> None:
    s = Store()
    s.load_snapshot(snap([case("a", 1)]))
    ch = s.apply(upd(1, case("a", 2, region_id="ELSEWHERE")))
    assert ch is not None and ch.new is None and "a" not in s.cases
    assert s.apply(upd(2, case("a", 1))) is None  # stale in-scope copy cannot revive it
    assert "a" not in s.cases
    s.apply(upd(3, case("a", 3, region_id="G1")))
    assert s.cases["a"]["version"] == 3
    assert s.apply(upd(4, case("b", 1, region_id="ELSEWHERE"))) is None
    assert "b" not in s.cases


def test_unknown_types_and_fields_are_ignored() -> None:
    """(Bad data never reaches the Store: client.protocol rejects it at the boundary.)"""
    s = Store()
    s.load_snapshot(snap([]))
    assert s.apply({"seq": 1, "ts": ts(1), "type": "future.thing", "data": {"x": 1}}) is None
    s.apply(upd(3, dict(case("a"), future_field=[1, 2]), "case.created"))
    assert s.cases["a"]["future_field"] == [1, 2] and s.seq == 3


def test_calls_end_and_whistles_update() -> None:
    s = Store()
    s.load_snapshot(snap([]))
    call = {"id": "k1", "title": "会商", "url": "https://x", "case_id": None, "unit_ids": []}
    s.apply({"seq": 1, "type": "call.started", "data": {"call": call}})
    assert "k1" in s.calls
    s.apply({"seq": 2, "type": "call.ended", "data": {"call": dict(call, ended_at=ts(5))}})
    assert s.calls == {}
    w = {"id": "w1", "case_id": "a", "unit_ids": ["U1"], "checked_in": {}}
    s.apply({"seq": 3, "type": "whistle.started", "data": {"whistle": w}})
    s.apply({"seq": 4, "type": "whistle.updated",
             "data": {"whistle": dict(w, checked_in={"U1": ts(9)})}})
    assert s.whistles["w1"]["checked_in"] == {"U1": ts(9)}


def test_to_snapshot_round_trips() -> None:
    s = Store()
    s.load_snapshot(snap([case("a"), case("b")], seq=7))
    t = Store()
    t.load_snapshot(s.to_snapshot())
    assert t.cases == s.cases and t.seq == 7 and t.subtree == s.subtree


def test_tick_moves_cases_ok_near_overdue() -> None:
    """0.8 of the SLA used → near due; past due_at → overdue; the workload follows."""
    st_ = State(clock=lambda: BASE_TS)
    st_.load_snapshot(snap([case("a", due_at=ts(10 * HOUR)), case("b", due_at=ts(20 * HOUR))]))
    assert st_.overdue_ids() == [] and st_.near_due_ids() == []
    cs = st_.tick(BASE_TS + 8 * HOUR - 1)
    assert not cs.alerts_changed
    cs = st_.tick(BASE_TS + 8 * HOUR)
    assert cs.alerts_changed == {"a"} and st_.near_due_ids() == ["a"]
    assert cs.units_changed == {"U1"}
    assert st_.workload("U1").near_due == 1
    cs = st_.tick(BASE_TS + 16 * HOUR)
    assert cs.alerts_changed == {"a", "b"}
    assert st_.overdue_ids() == ["a"] and st_.near_due_ids() == ["b"]
    assert st_.workload("U1").overdue == 1 and st_.workload("U1").near_due == 1


def test_tick_touches_only_due_cases() -> None:
    """The heap pops only what is due: 50,000 cases far from due cost nothing per tick."""
    st_ = State(clock=lambda: BASE_TS)
    st_.load_snapshot(snap([case(f"c{i}", due_at=ts(100 * HOUR)) for i in range(50_000)]
                           + [case("soon", due_at=ts(HOUR))]))
    heap_before = len(st_._sla._heap)
    cs = st_.tick(BASE_TS + 0.9 * HOUR)
    assert cs.alerts_changed == {"soon"}
    assert len(st_._sla._heap) == heap_before  # popped one, pushed its next transition


def test_resolved_stops_the_clock_and_the_unit_load() -> None:
    st_ = State(clock=lambda: BASE_TS + 12 * HOUR)
    st_.load_snapshot(snap([case("a")]))
    assert st_.overdue_ids() == ["a"] and st_.workload("U1").open == 1
    cs = st_.apply_events([upd(1, case("a", 2, status="resolved"))])
    assert cs.alerts_changed == {"a"} and cs.cases_changed == {"a"}
    assert st_.overdue_ids() == [] and st_.workload("U1").open == 0


def test_today_counters_in_shanghai_and_day_rollover() -> None:
    """16:30Z is 00:30 next day in Asia/Shanghai."""
    day0 = parse_time("2026-11-22T03:00:00Z")  # 11:00 local
    now = [day0]
    st_ = State(clock=lambda: now[0])
    st_.load_snapshot(snap([
        case("a", reported_at="2026-11-22T01:00:00.000Z", status="reported", unit_id=None),
        case("b", reported_at="2026-11-22T02:00:00.000Z"),
        case("c", reported_at="2026-11-21T15:59:59.000Z"),  # 23:59:59 local, yesterday
        case("d", reported_at="2026-11-22T02:00:00.000Z", status="closed",
             closed_at="2026-11-22T02:30:00.000Z"),
    ]))
    c = st_.counters
    assert (c.reported, c.dispatched, c.closed) == (3, 2, 1) and c.day == "2026-11-22"
    assert abs(c.closure_rate - 1 / 3) < 1e-9
    cs = st_.apply_events([upd(1, case("a", 2, reported_at="2026-11-22T01:00:00.000Z"))])
    assert cs.counters_changed and st_.counters.dispatched == 3
    now[0] = parse_time("2026-11-22T16:30:00Z")
    cs = st_.tick()
    assert cs.counters_changed and st_.counters.reported == 0 and st_.counters.day == "2026-11-23"
    assert st_.counters.closure_rate is None


def test_urges_counted_per_case_and_unit() -> None:
    st_ = State(clock=lambda: BASE_TS)
    st_.load_snapshot(snap([case("a"), case("b", unit_id="U2")]))
    evs = [{"seq": i, "type": "case.urged", "data": {"case_id": cid, "unit_id": u, "actor": "x"}}
           for i, (cid, u) in enumerate([("a", "U1"), ("a", "U1"), ("b", "U2")], 1)]
    cs = st_.apply_events(evs)
    assert cs.urges_changed == {"a", "b"}
    assert st_.urges_by_case == {"a": 2, "b": 1} and st_.urges_by_unit == {"U1": 2, "U2": 1}


def test_changeset_folds_add_change_remove() -> None:
    cs = ChangeSet()
    cs.case_added("a")
    cs.case_changed("a")
    assert cs.cases_added == {"a"} and not cs.cases_changed
    cs.case_removed("a")
    assert not cs.cases_added and not cs.cases_removed
    cs.case_changed("b")
    cs.case_removed("b")
    cs.case_added("b")
    assert cs.cases_changed == {"b"} and not cs.cases_removed


def test_apply_batch_with_snapshot_resets() -> None:
    st_ = State(clock=lambda: BASE_TS)
    cs = st_.apply_batch(Batch(snap([case("a")], seq=4), [upd(5, case("b"), "case.created")], 5))
    assert cs.reset and cs.seq == 5 and set(st_.cases) == {"a", "b"}


# ---- Property: incremental views == recomputed from scratch


def recompute(state: State, now: float) -> tuple:
    work: dict[str, list[int]] = {}
    near, over = set(), set()
    day = Day(*day_bounds(now))
    today = [0, 0, 0, 0]
    for cid, c in state.cases.items():
        d = day_contribution(c, day)
        for i in range(4):
            today[i] += d[i]
        if not is_active(c):
            continue
        p = phase_at(now, parse_time(c["reported_at"]), parse_time(c["due_at"]))
        if p == NEAR:
            near.add(cid)
        elif p == OVERDUE:
            over.add(cid)
        if c["unit_id"]:
            row = work.setdefault(c["unit_id"], [0, 0, 0, 0])
            row[0] += 1
            row[1] += p == OVERDUE
            row[2] += p == NEAR
            row[3] += c["priority"] in URGENT
    return work, near, over, today


ops = st.lists(
    st.tuples(
        st.sampled_from(["upsert", "upsert", "move_out", "stale", "tick", "urge"]),
        st.integers(0, 7),  # case
        st.sampled_from(["reported", "dispatched", "accepted", "resolved", "closed"]),
        st.sampled_from([None, "U1", "U2", "U3"]),
        st.sampled_from(["normal", "urgent", "critical"]),
        st.floats(0, 30),  # hours: reported offset / tick step
        st.floats(0.5, 12),  # sla hours
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(ops)
def test_incremental_views_equal_a_full_recount(ops_: list) -> None:
    """Any sequence of changes and ticks leaves workload, alerts and counters exact."""
    now = [BASE_TS]
    st_ = State(clock=lambda: now[0])
    st_.load_snapshot(snap([], 0))
    versions: Counter = Counter()
    seq = 0
    for op, k, status, unit, prio, hours, sla in ops_:
        cid = f"c{k}"
        seq += 1
        if op == "tick":
            now[0] += hours * HOUR / 3
            st_.tick(now[0])
            seq -= 1
            continue
        if op == "urge":
            st_.apply_events([{"seq": seq, "type": "case.urged", "data": {"case_id": cid}}])
            continue
        versions[cid] += 1
        v = versions[cid] if op != "stale" else max(1, versions[cid] - 2)
        rep = BASE_TS + hours * HOUR
        c = case(cid, v, status=status, unit_id=unit, priority=prio, reported_at=ts(rep - BASE_TS),
                 due_at=ts(rep - BASE_TS + sla * HOUR),
                 closed_at=ts(now[0] - BASE_TS) if status == "closed" else None,
                 region_id="ELSEWHERE" if op == "move_out" else "G1")
        st_.apply_batch(Batch(None, [upd(seq, c)], seq), now=now[0])
    work, near, over, today = recompute(st_, now[0])
    assert {u: list(w.__getattribute__(f) for f in ("open", "overdue", "near_due", "urgent"))
            for u, w in st_.workloads().items()} == {u: r for u, r in work.items() if r[0]}
    assert set(st_.near_due_ids()) == near and set(st_.overdue_ids()) == over
    c = st_.counters
    assert [c.reported, c.dispatched, c.closed, c.closed_of_reported] == today
    assert all(st_.alert_phase(x) in (OK, NEAR, OVERDUE) for x in st_.cases)
