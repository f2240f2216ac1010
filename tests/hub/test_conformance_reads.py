"""Conformance: categories, snapshot and events (paging, latest seq, 410 after pruning)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import update

from hub.models import Case
from hub.seed import build_jurisdiction
from hub.server import EmbeddedHub
from hub.timeutil import utcnow
from tests.hub.conftest import (
    COUNTY_A,
    PREF,
    SMALL_SIZES,
    UNIT_A_GA,
    Api,
    Crew,
    assert_contiguous,
    assert_error,
    feed_refusal,
    open_feed,
    recv_events,
)

RFC3339_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def test_categories(crew: Crew) -> None:
    """GET /categories → 11 categories, each {name, subcategories: [{code, name,
    sla_hours > 0}]}, codes unique."""
    status, cats = crew.wall.get("/categories")
    assert status == 200
    assert len(cats) == 11
    codes = []
    for cat in cats:
        assert isinstance(cat["name"], str) and cat["name"]
        assert cat["subcategories"], cat["name"]
        for sub in cat["subcategories"]:
            assert isinstance(sub["code"], str) and isinstance(sub["name"], str)
            assert isinstance(sub["sla_hours"], int | float) and sub["sla_hours"] > 0
            codes.append(sub["code"])
    assert len(codes) == len(set(codes))
    assert len({c["name"] for c in cats}) == 11


def test_snapshot_shape_and_seq(crew: Crew) -> None:
    """GET /snapshot → {seq, server_time, post, regions, units, cases, calls, whistles};
    `seq` is the number of the last event at that moment (= /events' latest, and the
    seq of the last event listed)."""
    crew.intake.report()
    status, snap = crew.officer.get("/snapshot")
    assert status == 200
    assert set(snap) >= {"seq", "server_time", "post", "regions", "units", "cases", "calls",
                         "whistles"}
    assert RFC3339_Z.match(snap["server_time"])
    assert snap["post"]["id"] == f"P{COUNTY_A}" and snap["post"]["level"] == "county"
    assert snap["post"]["region_id"] == COUNTY_A
    for region in snap["regions"]:
        assert set(region) >= {"id", "name", "level", "parent_id"}
    for unit in snap["units"]:
        assert set(unit) >= {"id", "name", "kind", "region_id", "on_duty", "phone"}
    status, ev = crew.officer.get("/events", since=snap["seq"])
    assert status == 200 and ev["events"] == [] and ev["seq"] == snap["seq"]
    _, ev = crew.officer.get("/events", since=snap["seq"] - 1)
    assert [e["seq"] for e in ev["events"]] == [snap["seq"]]


def test_snapshot_contents(crew: Crew, shared_hub: EmbeddedHub) -> None:
    """The snapshot holds every open case of the post, the cases closed in the last 24 h
    (not older ones), every active call (not ended ones) and every open whistle (not
    those whose case closed)."""
    open_cases = {s: crew.case_in(s)["id"] for s in
                  ("reported", "dispatched", "accepted", "resolved", "returned")}
    closed_now = crew.case_in("closed")["id"]
    closed_old = crew.case_in("closed")["id"]
    with shared_hub.hub.db.write() as tx:
        tx.session.execute(update(Case).where(Case.id == closed_old)
                           .values(closed_at=utcnow() - timedelta(hours=25)))
    live = crew.officer.ok("/calls", {"title": "会商", "case_id": open_cases["dispatched"]},
                           201)
    ended = crew.officer.ok("/calls", {"title": "旧会商"}, 201)
    crew.officer.ok(f"/calls/{ended['id']}/end")
    whistle = crew.sup.ok(f"/cases/{open_cases['accepted']}/whistle",
                          {"unit_ids": [UNIT_A_GA], "minutes": 30}, 201)
    resolved_for_whistle = crew.case_in("resolved")["id"]
    gone_whistle = crew.sup.ok(f"/cases/{resolved_for_whistle}/whistle",
                               {"unit_ids": [UNIT_A_GA], "minutes": 30}, 201)
    crew.intake.ok(f"/cases/{resolved_for_whistle}/close")

    for api in (crew.officer, crew.wall, crew.unit):
        _, snap = api.get("/snapshot")
        cases = {c["id"]: c for c in snap["cases"]}
        for status, cid in open_cases.items():
            assert cases[cid]["status"] == status
        assert cases[closed_now]["status"] == "closed"
        assert cases[closed_now]["closed_at"] is not None
        assert closed_old not in cases
        calls = {c["id"] for c in snap["calls"]}
        assert live["id"] in calls and ended["id"] not in calls
        whistles = {w["id"] for w in snap["whistles"]}
        assert whistle["id"] in whistles and gone_whistle["id"] not in whistles


def test_events_paging(crew: Crew) -> None:
    """GET /events?since=N&limit=M → the events after N in order, at most M, and `seq`
    the latest; pages of 2 concatenate to the whole list; default limit covers all."""
    start = crew.officer.seq()
    case = crew.case_in("resolved")
    latest = crew.officer.seq()
    assert latest == start + 4
    status, whole = crew.officer.get("/events", since=start)
    assert status == 200 and whole["seq"] == latest
    assert_contiguous(whole["events"], start + 1)
    assert all(e["data"]["case"]["id"] == case["id"] for e in whole["events"])
    for e in whole["events"]:
        assert set(e) >= {"seq", "ts", "type", "data"} and RFC3339_Z.match(e["ts"])
    pages, since = [], start
    while True:
        _, page = crew.officer.get("/events", since=since, limit=2)
        assert len(page["events"]) <= 2 and page["seq"] == latest
        if not page["events"]:
            break
        pages += page["events"]
        since = page["events"][-1]["seq"]
    assert pages == whole["events"]
    _, future = crew.officer.get("/events", since=latest + 100)
    assert future["events"] == [] and future["seq"] == latest


def test_events_gone_after_pruning(hub_factory) -> None:
    """With retention_events=5, after pruning: /events since an old N → 410 `gone`, the
    feed handshake with that since → refused with 410; a recent since still works (REST
    and feed), contiguous to the latest seq."""
    hub = hub_factory.start(retention_events=5, prune_interval_s=3600)
    intake, officer = Api(hub.url), Api(hub.url)
    assert intake.login(f"intake-{PREF}")[0] == 200
    assert officer.login(f"officer-{PREF}")[0] == 200
    grid = next(r.id for r in build_jurisdiction(SMALL_SIZES).regions if r.level == "grid")
    for _ in range(12):
        intake.report(grid)
    latest = officer.seq()
    assert latest == 12
    assert hub.hub.prune_now() > 0
    for since in (0, 3, latest - 6):
        assert_error(*officer.get("/events", since=since), 410)
        assert feed_refusal(hub.url, officer.token, since) == 410
    status, body = officer.get("/events", since=latest - 5)
    assert status == 200
    assert_contiguous(body["events"], latest - 4)
    ws = open_feed(hub.url, officer.token, latest - 5)
    try:
        assert [f["seq"] for f in recv_events(ws, 5)] == list(range(latest - 4, latest + 1))
    finally:
        ws.close()
    _, snap = officer.get("/snapshot")
    assert snap["seq"] == latest and len(snap["cases"]) == 12


def test_case_and_history_read(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """GET /cases/{id} → the case; unknown id → 404 `not_found` (also for history)."""
    case = crew.intake.report()
    assert crew.wall.case(case["id"]) == case
    assert_error(*crew.wall.get("/cases/CX-19990101-999999"), 404)
    assert_error(*crew.wall.get("/cases/CX-19990101-999999/history"), 404)
    assert login_as(f"officer-{PREF}").case(case["id"]) == case
