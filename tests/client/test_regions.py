"""The region tree's live counts equal a count over the State, whatever the feed does."""

from __future__ import annotations

import random

from client.regions import RegionCounts, RegionIndex, count_directly
from client.state import State
from testkit.fakehub import BASE_TS, ts

HOUR = 3600.0
REGIONS = [
    {"id": "P", "name": "楚雄州", "level": "prefecture", "parent_id": None},
    {"id": "C1", "name": "楚雄市", "level": "county", "parent_id": "P"},
    {"id": "C2", "name": "双柏县", "level": "county", "parent_id": "P"},
    {"id": "T1", "name": "鹿城镇", "level": "town", "parent_id": "C1"},
    {"id": "T2", "name": "妥甸镇", "level": "town", "parent_id": "C2"},
    {"id": "V1", "name": "东瓜村", "level": "village", "parent_id": "T1"},
    {"id": "V2", "name": "西村", "level": "village", "parent_id": "T2"},
    {"id": "G1", "name": "一网格", "level": "grid", "parent_id": "V1"},
    {"id": "G2", "name": "二网格", "level": "grid", "parent_id": "V1"},
    {"id": "G3", "name": "三网格", "level": "grid", "parent_id": "V2"},
]
POST = {"id": "PP", "name": "州指挥中心", "region_id": "P", "level": "prefecture"}
LEAVES = ["G1", "G2", "G3", "V2", "T1", "C2"]
STATUSES = ["reported", "dispatched", "accepted", "resolved", "closed", "returned"]


def test_short_path_names_town_and_finest_region() -> None:
    idx = RegionIndex({r["id"]: r for r in REGIONS})
    assert idx.short_path("G1") == "鹿城镇 · 一网格"
    assert idx.short_path("V2") == "妥甸镇 · 西村"
    assert idx.short_path("T1") == "鹿城镇"
    assert idx.short_path("C1") == "楚雄市"
    assert idx.short_path("nowhere") == "nowhere"
    assert idx.roots() == ["P"]
    assert idx.children["P"] == ["C1", "C2"]
    assert idx.within("G3", "C2") and not idx.within("G3", "C1") and idx.within("G3", None)


def test_counts_equal_a_direct_count_through_a_random_feed() -> None:
    """200 random creates, moves between regions, status changes, closes, and clock jumps
    that make cases near due and overdue: after every batch every node's counts equal a
    count over the State's cases."""
    rnd = random.Random(13)
    now = [BASE_TS]
    state = State(clock=lambda: now[0])
    cases: dict[str, dict] = {}
    for i in range(30):
        cid = f"K{i}"
        cases[cid] = {"id": cid, "version": 1, "title": "t", "status": "dispatched",
                      "unit_id": "U1", "priority": "normal", "region_id": rnd.choice(LEAVES),
                      "reported_at": ts(0), "due_at": ts(rnd.uniform(0.5, 30) * HOUR),
                      "closed_at": None}
    state.load_snapshot({"seq": 0, "server_time": ts(0), "post": POST, "regions": REGIONS,
                         "units": [], "cases": list(cases.values()), "calls": [],
                         "whistles": []})
    counts = RegionCounts(state)
    index = counts.index

    def check() -> None:
        for r in REGIONS:
            assert counts.of(r["id"]).as_tuple() == count_directly(state, r["id"], index), r
        assert counts.total().as_tuple() == count_directly(state, "P", index)

    check()
    seq = 0
    for step in range(200):
        seq += 1
        roll = rnd.random()
        if roll < 0.25:
            cid = f"N{step}"
            case = {"id": cid, "version": 1, "title": "n", "status": "reported",
                    "unit_id": None, "priority": "urgent", "region_id": rnd.choice(LEAVES),
                    "reported_at": ts(now[0] - BASE_TS),
                    "due_at": ts(now[0] - BASE_TS + rnd.uniform(0.2, 10) * HOUR),
                    "closed_at": None}
            cases[cid] = case
            ev = {"seq": seq, "ts": ts(seq), "type": "case.created", "data": {"case": case}}
        else:
            cid = rnd.choice(sorted(cases))
            case = dict(cases[cid])
            case["version"] += 1
            if roll < 0.5:
                case["region_id"] = rnd.choice(LEAVES)
            else:
                case["status"] = rnd.choice(STATUSES)
            cases[cid] = case
            ev = {"seq": seq, "ts": ts(seq), "type": "case.updated",
                  "data": {"case": case, "action": "edit"}}
        changes = state.apply_events([ev])
        counts.apply(changes)
        if rnd.random() < 0.2:
            now[0] += rnd.uniform(0.1, 3) * HOUR
            counts.apply(state.tick(now[0]))
        check()
    assert counts.total().overdue > 0  # the clock did make cases overdue
