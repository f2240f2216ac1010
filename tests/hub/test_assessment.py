"""GET /assessment (考核), protocol 1.1: the hub's counts equal counts worked out
independently from the feed's events by the protocol's rules, per unit and per region,
for the whole run and for a window cut in the middle, for the prefecture and for a county
(which sees only its own units) — on SQLite and PostgreSQL.

The run is scripted with a seeded random mix over an in-process hub whose command clock
the test moves (late signs, late resolves, late whistle check-ins, overdue open cases).
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hub.assessment import COUNTS
from hub.timeutil import parse_rfc3339, to_rfc3339
from tests.hub.conftest import (
    COUNTY_A,
    COUNTY_B,
    JURISDICTION,
    PREF,
    REGION_PATHS,
    SIZES,
    Api,
    HubFactory,
    assert_error,
    units_in_subtree,
)

SH = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 16, 9, 5, tzinfo=SH)  # a Monday morning
SATISFACTION = ("satisfied", "satisfied", "basically_satisfied", "dissatisfied",
                "unreachable")


class Clock:
    """The hub's command clock, moved forward by the test."""

    def __init__(self) -> None:
        self.now = START.astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def _units_for(grid: str) -> list[str]:
    """Units whose accounts see a case of ``grid``: county departments and its town's
    station (a unit's account belongs to the post of its own region)."""
    path = REGION_PATHS[grid]
    return sorted(u.id for u in JURISDICTION.units if u.kind in ("department", "station")
                  and path.startswith(REGION_PATHS[u.region_id]))


def _grids_of(county: str) -> list[str]:
    return sorted(r.id for r in JURISDICTION.regions
                  if r.level == "grid" and REGION_PATHS[r.id].startswith(REGION_PATHS[county]))


def _drive(base: str, clock: Clock, rng: random.Random, n_cases: int) -> None:
    """Play a mixed run of the whole loop through the public API."""
    apis: dict[str, Api] = {}

    def api(user: str) -> Api:
        if user not in apis:
            apis[user] = Api(base)
            assert apis[user].login(user)[0] == 200
        return apis[user]

    intake, sup, officer = (api(f"{r}-{PREF}") for r in ("intake", "supervisor", "officer"))
    open_cases: list[str] = []
    for _ in range(n_cases):
        grid = rng.choice(_grids_of(rng.choice((COUNTY_A, COUNTY_B))))
        units = _units_for(grid)
        case = intake.report(grid, priority=rng.choice(("normal", "normal", "urgent")))
        cid = case["id"]
        clock.tick(rng.uniform(1, 20))
        if open_cases and rng.random() < 0.1:
            officer.ok(f"/cases/{cid}/merge", {"into": rng.choice(open_cases)})
            continue
        unit = rng.choice(units)
        sup.ok(f"/cases/{cid}/assign", {"unit_id": unit})
        if rng.random() < 0.15:
            clock.tick(rng.uniform(1, 30))
            unit = rng.choice([u for u in units if u != unit])
            sup.ok(f"/cases/{cid}/assign", {"unit_id": unit})
        if rng.random() < 0.2:
            clock.tick(rng.uniform(1, 30))
            api(f"unit-{unit}").ok(f"/cases/{cid}/return", {"note": "非本单位"})
            clock.tick(rng.uniform(1, 30))
            approve = rng.random() < 0.6
            sup.ok(f"/cases/{cid}/decide", {"approve": approve})
            if approve:
                unit = rng.choice([u for u in units if u != unit])
                sup.ok(f"/cases/{cid}/assign", {"unit_id": unit})
        clock.tick(rng.choice((5, 20, 200)))  # some signs come late
        api(f"unit-{unit}").ok(f"/cases/{cid}/accept")
        if rng.random() < 0.3:
            officer.ok(f"/cases/{cid}/urge", {"note": "请加快"})
        if rng.random() < 0.2:
            other = rng.choice([u for u in units if u != unit])
            whistle = sup.ok(f"/cases/{cid}/whistle",
                             {"unit_ids": [unit, other], "minutes": 30}, 201)
            for who in (unit, other):
                if rng.random() < 0.8:
                    clock.tick(rng.choice((5, 45)))
                    api(f"unit-{who}").ok(f"/whistles/{whistle['id']}/checkin")
        if rng.random() < 0.2:
            due = parse_rfc3339(api(f"unit-{unit}").case(cid)["due_at"])
            api(f"unit-{unit}").ok(f"/cases/{cid}/extend",
                                   {"until": to_rfc3339(due + timedelta(days=2)),
                                    "reason": "需协调"})
            clock.tick(10)
            sup.ok(f"/cases/{cid}/decide", {"approve": rng.random() < 0.7})
        if rng.random() < 0.15:
            open_cases.append(cid)  # left open; some will be overdue
            continue
        clock.tick(rng.choice((30, 120, 4000)))  # some resolves come late
        api(f"unit-{unit}").ok(f"/cases/{cid}/resolve")
        for _round in range(2):
            if rng.random() < 0.15:
                break  # never called back
            clock.tick(rng.uniform(10, 120))
            answer = rng.choice(SATISFACTION)
            done = intake.ok(f"/cases/{cid}/callback",
                             {"solved": rng.random() < 0.85, "satisfaction": answer})
            if done["status"] == "closed":
                break
            clock.tick(rng.uniform(5, 60))
            api(f"unit-{unit}").ok(f"/cases/{cid}/accept")
            clock.tick(rng.uniform(30, 300))
            api(f"unit-{unit}").ok(f"/cases/{cid}/resolve")


def _independent(events: list[dict[str, Any]], lo: datetime, hi: datetime, path: str
                 ) -> dict[str, Counter[str]]:
    """The protocol's counting rules applied to the events, written without the hub."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    latest: dict[str, dict[str, Any]] = {}
    resolver: dict[str, str] = {}
    whistles: dict[str, dict[str, Any]] = {}
    for event in events:
        ts, kind, data = parse_rfc3339(event["ts"]), event["type"], event["data"]
        window = lo <= ts < hi
        if kind in ("case.created", "case.updated"):
            case = data["case"]
            before = latest.get(case["id"])
            latest[case["id"]] = case
            action = data.get("action")
            if action == "resolve":
                resolver[case["id"]] = case["unit_id"]
            if not window or not REGION_PATHS[case["region_id"]].startswith(path):
                continue
            unit = case["unit_id"]
            if action in ("dispatch", "reassign"):
                counts[unit]["dispatched"] += 1
            elif action == "accept":
                counts[unit]["signed"] += 1
                counts[unit]["signed_on_time"] += ts <= parse_rfc3339(case["sign_due"])
            elif action == "resolve":
                counts[unit]["resolved"] += 1
                counts[unit]["resolved_on_time"] += ts <= parse_rfc3339(case["due_at"])
            elif action in ("callback", "rework"):
                row = counts[resolver[case["id"]]]
                row["callbacks"] += 1
                row["solved"] += case["solved"] is True
                row[case["satisfaction"]] += 1
                row["reworks"] += action == "rework"
            elif action == "request_return":
                counts[case["pending"]["by"]]["returns_requested"] += 1
            elif action == "approve":
                assert before is not None
                asked = before["pending"]
                counts[asked["by"]]["returns_approved" if asked["kind"] == "return"
                                    else "extensions"] += 1
        elif kind == "case.urged":
            case = latest[data["case_id"]]
            if window and REGION_PATHS[case["region_id"]].startswith(path):
                counts[data["unit_id"]]["urges"] += 1
        elif kind in ("whistle.started", "whistle.updated"):
            whistle = data["whistle"]
            case = latest[whistle["case_id"]]
            before_in = whistles.get(whistle["id"], {}).get("checked_in", {})
            whistles[whistle["id"]] = whistle
            if not REGION_PATHS[case["region_id"]].startswith(path):
                continue
            if kind == "whistle.started" and window:
                for unit in whistle["unit_ids"]:
                    counts[unit]["whistle_summons"] += 1
            for unit, at in whistle["checked_in"].items():
                when = parse_rfc3339(at)
                if unit not in before_in and lo <= when < hi and \
                        when < parse_rfc3339(whistle["deadline"]):
                    counts[unit]["whistle_checked_in"] += 1
    then: dict[str, dict[str, Any]] = {}  # every case as it was at ``hi``
    for event in events:
        if parse_rfc3339(event["ts"]) < hi and event["type"] in ("case.created",
                                                                 "case.updated"):
            then[event["data"]["case"]["id"]] = event["data"]["case"]
    for case in then.values():
        if (REGION_PATHS[case["region_id"]].startswith(path) and case["unit_id"]
                and case["status"] != "closed" and parse_rfc3339(case["due_at"]) < hi):
            counts[case["unit_id"]]["open_overdue"] += 1
    return counts


def _as_rows(counts: dict[str, Counter[str]], keys: set[str], key: str
             ) -> dict[str, dict[str, int]]:
    return {k: {key: k, **{n: counts.get(k, Counter())[n] for n in COUNTS}} for k in keys}


def _by_region(counts: dict[str, Counter[str]], region: str) -> dict[str, dict[str, int]]:
    out: dict[str, Counter[str]] = {}
    areas = [r.id for r in JURISDICTION.regions if r.level in ("prefecture", "county", "town")
             and REGION_PATHS[r.id].startswith(REGION_PATHS[region])]
    for area in areas:
        total: Counter[str] = Counter()
        for unit in JURISDICTION.units:
            if REGION_PATHS[unit.region_id].startswith(REGION_PATHS[area]):
                total.update(counts.get(unit.id, Counter()))
        out[area] = total
    return _as_rows(out, set(areas), "region_id")


@pytest.fixture
def played(hub_factory: HubFactory, monkeypatch: pytest.MonkeyPatch
           ) -> tuple[str, list[dict[str, Any]], datetime]:
    """A dedicated hub after a scripted run: (its URL, the prefecture's events, the end)."""
    import hub.commands

    clock = Clock()
    monkeypatch.setattr(hub.commands, "utcnow", clock)
    hub = hub_factory.start(sizes=SIZES)
    _drive(hub.url, clock, random.Random(1411), n_cases=45)
    officer = Api(hub.url)
    assert officer.login(f"officer-{PREF}")[0] == 200
    return hub.url, officer.events(), clock.now


def _rows(api: Api, lo: datetime, hi: datetime, by: str, key: str
          ) -> dict[str, dict[str, int]]:
    status, body = api.get("/assessment", **{"from": to_rfc3339(lo), "to": to_rfc3339(hi),
                                             "by": by})
    assert status == 200, body
    assert (body["from"], body["to"]) == (to_rfc3339(lo), to_rfc3339(hi))
    rows = {row[key]: row for row in body["rows"]}
    assert len(rows) == len(body["rows"])
    return rows


def test_assessment_matches_the_events(played: tuple[str, list[dict[str, Any]], datetime]
                                       ) -> None:
    """Per unit and per region, over the whole run, a window cut at an event's own time
    (that event excluded: [from, to)) and for a county reader, the hub's rows equal the
    counts worked out from the events; the run exercised every count."""
    url, events, end = played
    whole = (START.astimezone(UTC) - timedelta(hours=1), end + timedelta(days=1))
    stamps = sorted({parse_rfc3339(e["ts"]) for e in events})
    cut = (stamps[len(stamps) // 4], stamps[3 * len(stamps) // 4])
    totals: Counter[str] = Counter()
    for region, role in ((PREF, "officer"), (PREF, "wall"), (COUNTY_A, "supervisor"),
                         (COUNTY_B, "officer")):
        api = Api(url)
        assert api.login(f"{role}-{region}")[0] == 200
        path = REGION_PATHS[region]
        for lo, hi in (whole, cut):
            expected = _independent(events, lo, hi, path)
            got = _rows(api, lo, hi, "unit", "unit_id")
            assert got == _as_rows(expected, units_in_subtree(region), "unit_id"), \
                (region, lo, hi)
            assert _rows(api, lo, hi, "region", "region_id") == _by_region(expected, region)
            if region == PREF and (lo, hi) == whole:
                for row in got.values():
                    totals.update({n: row[n] for n in COUNTS})
    for name in COUNTS:  # every rule was exercised by the run
        assert totals[name] > 0, (name, totals)
    assert totals["signed_on_time"] < totals["signed"]
    assert totals["resolved_on_time"] < totals["resolved"]
    assert totals["whistle_checked_in"] < totals["whistle_summons"]


def test_assessment_refusals(hub_url: str) -> None:
    """Roles other than officer, supervisor and wall → 403; a missing or reversed window,
    a bad time or an unknown ``by`` → 422."""
    for role in ("unit", "intake"):
        api = Api(hub_url)
        user = f"unit-{units_in_subtree(COUNTY_A).pop()}" if role == "unit" else \
            f"intake-{COUNTY_A}"
        assert api.login(user)[0] == 200
        assert_error(*api.get("/assessment", **{"from": "2026-11-01T00:00:00Z",
                                                "to": "2026-12-01T00:00:00Z"}), 403)
    api = Api(hub_url)
    assert api.login(f"officer-{COUNTY_A}")[0] == 200
    good = {"from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z"}
    for params in ({}, {"from": good["from"]}, {**good, "by": "county"},
                   {"from": good["to"], "to": good["from"]}, {**good, "from": "yesterday"},
                   {**good, "from": "0001-01-01T00:00:00+14:00"},
                   {"from": "2020-01-01T00:00:00Z", "to": good["to"]}):
        assert_error(*api.get("/assessment", **params), 422)
    status, body = api.get("/assessment", **good, by="region")
    assert status == 200
    assert {r["region_id"] for r in body["rows"]} == {
        r.id for r in JURISDICTION.regions if r.level in ("county", "town")
        and REGION_PATHS[r.id].startswith(REGION_PATHS[COUNTY_A])}


def test_open_overdue_at_a_past_moment(hub_factory: HubFactory,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """open_overdue at a past ``to`` counts the unit that held the case then, against the
    due time it had then — not today's holder or due time: a case reassigned since, one
    whose extension was approved since and one whose return was approved since all count
    for their unit at ``to``; counted again now, they follow today's state."""
    import hub.commands
    from tests.hub.conftest import GRID_A1, UNIT_A_CG, UNIT_A_GA

    clock = Clock()
    monkeypatch.setattr(hub.commands, "utcnow", clock)
    hub = hub_factory.start(sizes=SIZES)
    intake, sup = Api(hub.url), Api(hub.url)
    assert intake.login(f"intake-{PREF}")[0] == 200 and sup.login(f"supervisor-{PREF}")[0] == 200
    unit = Api(hub.url)
    assert unit.login(f"unit-{UNIT_A_GA}")[0] == 200
    ids = []
    for _ in range(4):  # urgent: 24 wall-clock hours
        case = intake.report(GRID_A1, priority="urgent")
        sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_GA})
        ids.append(case["id"])
    moved, extended, returned, _still = ids
    unit.ok(f"/cases/{extended}/accept")
    unit.ok(f"/cases/{extended}/extend",
            {"until": to_rfc3339(clock.now + timedelta(hours=100))})
    unit.ok(f"/cases/{returned}/return", {"note": "非本单位"})
    clock.tick(30 * 60)  # all four overdue now
    then = clock.now + timedelta(minutes=1)
    clock.tick(120)
    sup.ok(f"/cases/{moved}/assign", {"unit_id": UNIT_A_CG})
    sup.ok(f"/cases/{extended}/decide", {"approve": True})
    sup.ok(f"/cases/{returned}/decide", {"approve": True})
    reader = Api(hub.url)
    assert reader.login(f"officer-{COUNTY_A}")[0] == 200
    start = START.astimezone(UTC) - timedelta(hours=1)
    at_then = _rows(reader, start, then, "unit", "unit_id")
    assert (at_then[UNIT_A_GA]["open_overdue"], at_then[UNIT_A_CG]["open_overdue"]) == (4, 0)
    now = _rows(reader, start, clock.now + timedelta(minutes=1), "unit", "unit_id")
    assert (now[UNIT_A_GA]["open_overdue"], now[UNIT_A_CG]["open_overdue"]) == (1, 1)
    events = Api(hub.url)
    assert events.login(f"officer-{PREF}")[0] == 200
    for hi in (then, clock.now + timedelta(minutes=1)):
        expected = _independent(events.events(), start, hi, REGION_PATHS[COUNTY_A])
        assert _rows(reader, start, hi, "unit", "unit_id") == \
            _as_rows(expected, units_in_subtree(COUNTY_A), "unit_id")
