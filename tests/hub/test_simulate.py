"""The simulator: NYC 311 parsing and mapping, decision logic on a fake hub, and end to end."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
import shapely
import shapely.geometry

from hub import nyc311
from hub import simulate as sim_mod
from hub.catalog import CATEGORIES, OTHER_SUBCATEGORY, subcategory_index
from hub.seed import COUNTIES, DEMO_PASSWORD, SeedSizes, build_jurisdiction
from hub.server import start_embedded
from hub.simulate import HubApi, Reply, SimConfig, Simulator, World, parse_config, scenario

# ============================================================== nyc311: parsing and mapping


def _records(name: str) -> list[nyc311.NycRecord]:
    return nyc311.read_records(nyc311.default_path(name))


@pytest.mark.parametrize("name", nyc311.FILES)
def test_every_row_parses_with_aware_times(name: str) -> None:
    """Every row of both files parses; times are New York-aware; closed ≥ created."""
    records = _records(name)
    assert len(records) == {"nyc311-2013-sample.csv": 199, "nyc311-2011-sample.csv": 999}[name]
    for rec in records:
        assert rec.created.tzinfo is not None and rec.created.utcoffset() is not None
        assert rec.created.tzinfo == nyc311.NYC_TZ
        if rec.closed is not None:
            assert rec.closed.tzinfo is not None and rec.closed >= rec.created
    assert [r.created for r in records] == sorted(r.created for r in records)


@pytest.mark.parametrize("name", nyc311.FILES)
def test_every_row_maps_to_catalog(name: str) -> None:
    """Every complaint type is in the explicit table and maps to a catalog subcategory."""
    index = subcategory_index()
    category_names = {c.name for c in CATEGORIES}
    for rec in _records(name):
        assert rec.complaint_type in nyc311.COMPLAINT_SUBCATEGORY, rec.complaint_type
        category, code = nyc311.map_complaint(rec.complaint_type)
        assert code in index and category in category_names
        assert index[code][0].name == category
        assert 0 <= nyc311.county_index(rec) < len(nyc311.BOROUGHS)
        assert nyc311.priority_for(rec) in ("normal", "urgent")
        assert nyc311.source_for(rec) in ("hotline", "app", "self_found")
        title = nyc311.title_for(rec)
        assert title.startswith(rec.complaint_type) and len(title) <= 200
        assert 0 < len(nyc311.address_for(rec)) <= 200
        assert len(nyc311.description_for(rec)) <= 5000


def test_mapping_table_points_at_real_codes() -> None:
    """Every table entry names a catalog code; unknown types fall back to 其他."""
    index = subcategory_index()
    assert set(nyc311.COMPLAINT_SUBCATEGORY.values()) <= set(index)
    assert nyc311.map_complaint("Something New") == ("其他", OTHER_SUBCATEGORY)
    assert nyc311.map_complaint("Noise - Residential") == ("社会稳定", "SHWD-06")
    assert nyc311.department_code("NYPD") == "GA"
    assert nyc311.department_code("DSNY") == "CG"
    assert nyc311.department_code("HPD") == nyc311.department_code("DOB") == "ZJ"
    assert nyc311.department_code("DOF") is None  # → the town station


def test_parse_time_and_dst() -> None:
    """``MM/DD/YYYY hh:mm:ss AM`` in New York time, summer and winter offsets."""
    summer = nyc311.parse_time("10/31/2013 02:08:41 AM")
    winter = nyc311.parse_time("03/01/2011 02:27:57 PM")
    assert summer is not None and winter is not None
    assert summer.astimezone(UTC) == datetime(2013, 10, 31, 6, 8, 41, tzinfo=UTC)
    assert winter.astimezone(UTC) == datetime(2011, 3, 1, 19, 27, 57, tzinfo=UTC)
    assert nyc311.parse_time("") is None


@pytest.mark.parametrize("name", nyc311.FILES)
def test_compressed_schedule_is_monotonic(name: str) -> None:
    """Offsets never go back, keep the real gaps ÷ speed, and open records stay open."""
    records = _records(name)
    items = nyc311.replay_schedule(records, speed=60)
    offsets = [i.offset_s for i in items]
    assert offsets[0] == 0 and offsets == sorted(offsets)
    span = (records[-1].created - records[0].created).total_seconds()
    assert offsets[-1] == pytest.approx(span / 60)
    for item in items:
        if item.record.closed is None:
            assert item.resolve_after_s is None
        else:
            real = (item.record.closed - item.record.created).total_seconds()
            assert item.resolve_after_s == pytest.approx(real / 60)
    capped = nyc311.replay_schedule(records, speed=60, max_gap_s=2.0)
    gaps = [b.offset_s - a.offset_s for a, b in zip(capped, capped[1:], strict=False)]
    assert all(-1e-9 <= g <= 2.0 + 1e-9 for g in gaps)
    with pytest.raises(ValueError):
        nyc311.replay_schedule(records, speed=0)


def test_positions_map_into_the_county() -> None:
    """NYC's bounding box maps linearly onto the county's area; no position → None."""
    center = (25.04, 101.55)
    south_west = nyc311.map_position(40.49, -74.26, *center)
    north_east = nyc311.map_position(40.92, -73.69, *center)
    assert south_west == pytest.approx((25.04 - 0.12, 101.55 - 0.15))
    assert north_east == pytest.approx((25.04 + 0.12, 101.55 + 0.15))
    mid = nyc311.map_position(40.705, -73.975, *center)
    assert mid == pytest.approx(center, abs=1e-6)
    assert nyc311.map_position(None, -73.9, *center) is None


# ============================================================== a fake hub

_MOVES = {
    "assign": {"reported": "dispatched", "returned": "dispatched", "dispatched": "dispatched",
               "accepted": "dispatched"},
    "accept": {"dispatched": "accepted"},
    "resolve": {"accepted": "resolved"},
    "return": {"dispatched": "returned", "accepted": "returned"},
    "close": {"resolved": "closed"},
    "reopen": {"resolved": "dispatched"},
}
_ROLES = {
    "officer": {"urge", "call"},
    "supervisor": {"assign", "urge", "call", "whistle", "report", "close", "reopen"},
    "unit": {"accept", "resolve", "return", "checkin"},
    "intake": {"report", "close", "reopen"},
}


FAKE_SIZES = SeedSizes(2, 1, 1, 1)


class FakeHub:
    """An in-memory stand-in for a hub, speaking just enough of protocol v1.

    Attributes:
        requests: every request as ``(username, method, path, body)``.
        faults: ``fault(username, method, path) -> (status, body) | None`` hooks, consulted
            before each request (a hook returning a reply answers instead of the hub).
        lost: ``(method, path prefix)`` whose next answer is lost after the hub acted.
        missing_version: commands that came without ``expected_version``.
    """

    def __init__(self, sizes: SeedSizes = FAKE_SIZES, *, unit_categories: bool = True,
                 codes_only: bool = False, sla_scale: float = 1.0,
                 geometry: bool = False) -> None:
        j = build_jurisdiction(sizes)
        self.shapes = j.shapes if geometry else {}
        self.users = {u.username: u for u in j.users}
        self.regions = [{"id": r.id, "name": r.name, "level": r.level,
                         "parent_id": r.parent_id, "lat": r.lat, "lon": r.lon}
                        for r in j.regions]
        self.units = [{"id": u.id, "name": u.name, "kind": u.kind, "region_id": u.region_id,
                       "on_duty": u.on_duty, "phone": u.phone}
                      | ({"categories": list(u.categories)} if unit_categories else {})
                      for u in j.units]
        self.unit_ids = {u["id"] for u in self.units}
        self.region_ids = {r["id"] for r in self.regions}
        self.subs = {(c.name, key): (s.name, s.sla_hours) for c in CATEGORIES
                     for s in c.subcategories for key in ((s.code,) if codes_only
                                                          else (s.code, s.name))}
        self.sla_scale = sla_scale
        self.tokens: dict[str, str] = {}
        self.cases: dict[str, dict[str, Any]] = {}
        self.keys: dict[tuple[str, str], str] = {}
        self.whistles: dict[str, dict[str, Any]] = {}
        self.calls: dict[str, dict[str, Any]] = {}
        self.urges: list[str] = []
        self.actions: Counter[str] = Counter()
        self.requests: list[tuple[str, str, str, Any]] = []
        self.faults: list[Callable[[str, str, str], tuple[int, Any] | None]] = []
        self.lost: list[tuple[str, str]] = []
        self.missing_version: list[str] = []
        self.now = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)

    # ---- plumbing
    def _time(self) -> str:
        self.now += timedelta(seconds=1)
        return self.now.isoformat().replace("+00:00", "Z")

    @staticmethod
    def _err(status: int, code: str, **extra: Any) -> tuple[int, Any]:
        return status, {"error": {"code": code, "message": code}, **extra}

    def send(self, method: str, path: str, *, token: str | None = None, json: Any = None,
             headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """The ``Transport`` interface."""
        user = self.tokens.get(token or "")
        username = user or "-"
        self.requests.append((username, method, path, json))
        for fault in list(self.faults):
            answer = fault(username, method, path)
            if answer is not None:
                return answer
        reply = self._handle(user, method, path, json or {}, dict(headers or {}))
        for lost in list(self.lost):
            if method == lost[0] and path.startswith(lost[1]):
                self.lost.remove(lost)
                return 0, None  # the hub acted, the answer never arrived
        return reply

    def _handle(self, username: str | None, method: str, path: str, body: dict[str, Any],
                headers: dict[str, str]) -> tuple[int, Any]:
        if (method, path) == ("POST", "/session"):
            seed = self.users.get(body.get("username", ""))
            if seed is None or body.get("password") != seed.password:
                return self._err(401, "unauthenticated")
            token = f"t-{len(self.tokens)}-{seed.username}"
            self.tokens[token] = seed.username
            return 200, {"token": token, "expires_at": self._time(), "user": {
                "id": seed.username, "name": seed.name, "role": seed.role,
                "post_id": seed.post_id, "unit_id": seed.unit_id}}
        if username is None:
            return self._err(401, "unauthenticated")
        user = self.users[username]
        parts = path.strip("/").split("/")
        if method == "GET":
            if path == "/categories":
                return 200, [{"name": c.name, "subcategories": [
                    {"code": s.code, "name": s.name, "sla_hours": s.sla_hours}
                    for s in c.subcategories]} for c in CATEGORIES]
            if path == "/snapshot":
                return 200, {"seq": 0, "server_time": self._time(), "post": {},
                             "regions": self.regions, "units": self.units,
                             "cases": list(self.cases.values()), "calls": [], "whistles": []}
            if path == "/regions/geometry" and self.shapes:
                return 200, {"type": "FeatureCollection", "features": [
                    {"type": "Feature", "properties": {"id": r["id"], "name": r["name"],
                                                       "level": r["level"],
                                                       "parent_id": r["parent_id"]},
                     "geometry": shapely.geometry.mapping(self.shapes[r["id"]])}
                    for r in self.regions]}
            if parts[0] == "cases" and len(parts) == 2:
                case = self.cases.get(parts[1])
                return (200, dict(case)) if case else self._err(404, "not_found")
            return self._err(404, "not_found")
        if path == "/cases":
            return self._report(user, body, headers)
        if parts[0] == "cases" and len(parts) == 3:
            return self._case_command(user, parts[1], parts[2], body)
        if parts[0] == "whistles" and parts[2:] == ["checkin"]:
            if user.role != "unit":
                return self._err(403, "forbidden")
            whistle = self.whistles.get(parts[1])
            if whistle is None:
                return self._err(404, "not_found")
            if user.unit_id not in whistle["unit_ids"]:
                return self._err(403, "forbidden")
            whistle["checked_in"][user.unit_id] = self._time()
            self.actions["checkin"] += 1
            return 200, whistle
        if path == "/calls":
            if "call" not in _ROLES.get(user.role, ()):
                return self._err(403, "forbidden")
            call = {"id": f"CALL-{len(self.calls) + 1}", "title": body["title"],
                    "url": "https://video.example.org/r", "case_id": body.get("case_id"),
                    "unit_ids": body.get("unit_ids", []), "started_at": self._time(),
                    "ended_at": None}
            self.calls[call["id"]] = call
            self.actions["call"] += 1
            return 201, call
        if parts[0] == "calls" and parts[2:] == ["end"]:
            call = self.calls.get(parts[1])
            if call is None:
                return self._err(404, "not_found")
            call["ended_at"] = self._time()
            self.actions["call_end"] += 1
            return 200, call
        return self._err(404, "not_found")

    def _report(self, user: Any, body: dict[str, Any], headers: dict[str, str]
                ) -> tuple[int, Any]:
        if "report" not in _ROLES.get(user.role, ()):
            return self._err(403, "forbidden")
        key = headers.get("Idempotency-Key")
        if key and (user.username, key) in self.keys:
            return 201, dict(self.cases[self.keys[(user.username, key)]])
        sub = self.subs.get((body.get("category"), body.get("subcategory")))
        if sub is None or body.get("region_id") not in self.region_ids:
            return self._err(422, "invalid")
        if len(body.get("title", "")) > 200 or len(body.get("address", "")) > 200:
            return self._err(422, "invalid")
        now = self._time()
        due = (self.now + timedelta(hours=sub[1] * self.sla_scale)).isoformat()
        case = {"id": f"CX-{len(self.cases) + 1:06d}", "version": 1, **{
            k: body.get(k) for k in ("title", "description", "category", "priority", "source",
                                     "region_id", "address", "lat", "lon")},
            "subcategory": sub[0], "status": "reported", "unit_id": None,
            "reported_at": now, "due_at": due.replace("+00:00", "Z"), "updated_at": now,
            "closed_at": None}
        self.cases[case["id"]] = case
        if key:
            self.keys[(user.username, key)] = case["id"]
        self.actions["report"] += 1
        return 201, dict(case)

    def _case_command(self, user: Any, case_id: str, command: str, body: dict[str, Any]
                      ) -> tuple[int, Any]:
        role_command = {"whistle": "whistle", "urge": "urge"}.get(command, command)
        if role_command not in _ROLES.get(user.role, ()):
            return self._err(403, "forbidden")
        case = self.cases.get(case_id)
        if case is None:
            return self._err(404, "not_found")
        if "expected_version" not in body:
            self.missing_version.append(command)
        expected = body.get("expected_version")
        if expected is not None and expected != case["version"]:
            return self._err(409, "conflict", case=dict(case))
        if command == "urge":
            if case["unit_id"] is None or case["status"] == "closed":
                return self._err(409, "conflict", case=dict(case))
            self.urges.append(case_id)
            self.actions["urge"] += 1
            return 200, {"case_id": case_id, "unit_id": case["unit_id"]}
        if command == "whistle":
            if not set(body.get("unit_ids", [])) <= self.unit_ids:
                return self._err(422, "invalid")
            whistle = {"id": f"W-{len(self.whistles) + 1}", "case_id": case_id,
                       "unit_ids": list(body["unit_ids"]), "checked_in": {},
                       "deadline": self._time(), "note": body.get("note", ""),
                       "actor": user.name, "created_at": self._time()}
            self.whistles[whistle["id"]] = whistle
            self.actions["whistle"] += 1
            return 201, whistle
        if user.role == "unit" and case["unit_id"] != user.unit_id:
            return self._err(403, "forbidden")
        if command == "assign":
            if body.get("unit_id") not in self.unit_ids or case["status"] == "closed":
                return self._err(422, "invalid")
        target = _MOVES[command].get(case["status"])
        if target is None:
            return self._err(409, "conflict", case=dict(case))
        self.change(case_id, status=target)
        if command == "assign":
            case["unit_id"] = body["unit_id"]
        elif command == "return":
            case["unit_id"] = None
        elif command == "close":
            case["closed_at"] = self._time()
        self.actions[command] += 1
        return 200, dict(case)

    # ---- test helpers
    def change(self, case_id: str, **fields: Any) -> None:
        """Change a case as someone else would (bumps the version)."""
        case = self.cases[case_id]
        case.update(fields)
        case["version"] += 1
        case["updated_at"] = self._time()

    def statuses(self) -> Counter[str]:
        return Counter(c["status"] for c in self.cases.values())


def make_sim(hub: FakeHub, **config: Any) -> Simulator:
    settings: dict[str, Any] = {"rate": 30.0, "speed": 600.0, "seed": 7}
    settings.update(config)
    return Simulator(SimConfig(hub="http://fake", **settings), hub, virtual=True)


# ============================================================== decision logic


def test_full_lifecycle_on_fake_hub() -> None:
    """Cases are reported, dispatched, accepted, resolved, closed; every command is versioned."""
    hub = FakeHub()
    sim = make_sim(hub)
    sim.run_virtual(3600)
    for action in ("report", "assign", "accept", "resolve", "close"):
        assert hub.actions[action] > 0, (action, hub.actions)
    assert sim.stats["reported"] == hub.actions["report"]
    assert sim.stats["closed"] == hub.actions["close"]
    assert hub.missing_version == []
    assert sim.api.unexpected == []
    statuses = hub.statuses()
    assert statuses["closed"] > 0 and statuses["reported"] > 0  # some left for a human
    share = 1 - statuses["reported"] / sum(statuses.values())
    assert 0.6 < share <= 1.0
    # sources and priorities follow the mix
    sources = Counter(c["source"] for c in hub.cases.values())
    assert set(sources) <= {"app", "wechat", "hotline", "grid_worker", "video_ai", "self_found"}
    assert sources["hotline"] > 0 and sources["app"] > 0
    # who did what
    by_user = Counter((u.split("-")[0], p.rsplit("/", 1)[-1]) for u, m, p, _ in hub.requests
                      if m == "POST" and p.startswith("/cases"))
    assert by_user[("intake", "cases")] == hub.actions["report"]
    assert by_user[("supervisor", "assign")] >= hub.actions["assign"]
    assert by_user[("unit", "accept")] >= hub.actions["accept"]


def test_priority_mix_is_about_80_15_5() -> None:
    """Over many invented reports the priorities come near 80/15/5 %."""
    hub = FakeHub()
    sim = make_sim(hub, seed=3)
    assert sim.setup()
    counts = Counter(sim.new_case()["priority"] for _ in range(4000))
    assert counts["normal"] / 4000 == pytest.approx(0.80, abs=0.05)
    assert counts["urgent"] / 4000 == pytest.approx(0.15, abs=0.04)
    assert counts["critical"] / 4000 == pytest.approx(0.05, abs=0.03)
    case = sim.new_case()
    assert case["region_id"] in {r["id"] for r in hub.regions if r["level"] == "grid"}
    assert case["lat"] is not None and case["address"]


def test_dispatch_target_is_nearest_handling_unit() -> None:
    """环境卫生 → the town station; 公共安全 → county police; excluded → up the tree."""
    hub = FakeHub()
    world = World({"regions": hub.regions, "units": hub.units}, [])
    grid = "53230110120101"
    assert world.unit_for(grid, "环境卫生") == "U532301101-ZF"
    assert world.unit_for(grid, "公共安全") == "U532301-GA"
    assert world.unit_for(grid, "社会监督") == "U532301-XF"
    assert world.unit_for(grid, "其他") == "U532301101-ZF"
    assert world.unit_for(grid, "环境卫生", {"U532301101-ZF"}) == "U532301-CG"
    assert world.department("532322", "JT") == "U532322-JT"


def test_dispatch_without_unit_categories() -> None:
    """A hub that sends no ``categories`` on units: the simulator infers them."""
    plain = FakeHub(unit_categories=False)
    world = World({"regions": plain.regions, "units": plain.units}, [])
    grid = "53232210120101"
    assert world.unit_for(grid, "环境卫生") == "U532322101-ZF"
    assert world.unit_for(grid, "道路交通") == "U532322-JT"
    sim = make_sim(plain)
    sim.run_virtual(1800)
    assert plain.actions["assign"] > 0 and plain.actions["close"] > 0
    first_assign: dict[str, str] = {}
    for _u, _m, path, body in plain.requests:
        if path.endswith("/assign"):
            first_assign.setdefault(path.split("/")[2], body["unit_id"])
    road = [cid for cid, c in plain.cases.items() if c["category"] == "道路交通"]
    assert road and all(first_assign[cid].endswith("-JT") for cid in road if cid in first_assign)


def test_conflict_rereads_and_redecides() -> None:
    """Someone else dispatches a case first: 409, re-read, and the holding unit carries on."""
    hub = FakeHub()
    sim = make_sim(hub, rate=0.0)
    assert sim.setup()
    sim.config.dispatch_share = 1.0
    job = sim.schedule(0, "report")
    sim.run_virtual(0.5)
    case_id = next(iter(hub.cases))

    def human_first(username: str, method: str, path: str) -> tuple[int, Any] | None:
        if path == f"/cases/{case_id}/assign" and username.startswith("supervisor"):
            hub.faults.remove(human_first)
            hub.change(case_id, status="dispatched", unit_id="U532322-GA")
        return None

    hub.faults.append(human_first)
    sim.run_virtual(7200)
    assert job.action == "report"
    assert sim.stats["conflicts"] >= 1
    accepts = [(u, p) for u, m, p, _ in hub.requests if p == f"/cases/{case_id}/accept"]
    assert accepts and accepts[0][0] == "unit-U532322-GA"
    assert hub.cases[case_id]["status"] in ("accepted", "resolved", "closed", "dispatched")
    assert sim.api.unexpected == []


def test_lost_answer_retries_with_same_idempotency_key() -> None:
    """A report whose answer is lost is retried with the same key: one case, not two."""
    hub = FakeHub()
    sim = make_sim(hub, rate=0.0)
    assert sim.setup()
    hub.lost.append(("POST", "/cases"))
    sim.schedule(0, "report")
    sim.run_virtual(60)
    posts = [r for r in hub.requests if r[1] == "POST" and r[2] == "/cases"]
    assert len(posts) == 2
    assert len(hub.cases) == 1
    assert sim.stats["reported"] == 1 and sim.stats["retries"] >= 1


def test_retryable_errors_back_off_and_succeed() -> None:
    """429 and 503 answers and network errors are retried; the case still gets dispatched."""
    hub = FakeHub()
    sim = make_sim(hub, rate=0.0)
    assert sim.setup()
    sim.config.dispatch_share = 1.0
    answers = [(429, {"error": {"code": "rate_limited", "message": ""}}),
               (503, {"error": {"code": "server_error", "message": ""}}), (0, None)]

    def flaky(username: str, method: str, path: str) -> tuple[int, Any] | None:
        if path.endswith("/assign") and answers:
            return answers.pop(0)
        return None

    hub.faults.append(flaky)
    sim.schedule(0, "report")
    sim.run_virtual(3600)
    assert not answers
    assert hub.actions["assign"] >= 1
    assert sim.stats["retries"] >= 3
    assert sim.api.unexpected == []


def test_expired_tokens_log_in_again() -> None:
    """All tokens revoked mid-run: 401, one fresh login per account, no crash."""
    hub = FakeHub()
    sim = make_sim(hub)
    sim.run_virtual(600)
    before = hub.actions["report"]
    logins_before = sum(1 for r in hub.requests if r[2] == "/session")
    hub.tokens.clear()
    sim.run_virtual(600)
    assert hub.actions["report"] > before
    assert sum(1 for r in hub.requests if r[2] == "/session") > logins_before
    assert sim.stats["job_errors"] == 0


def test_wrong_password_is_fatal_and_not_hammered() -> None:
    """Refused credentials stop the run at once without repeated login attempts."""
    hub = FakeHub()
    sim = Simulator(SimConfig(hub="http://fake", password="wrong"), hub)
    sim.run(threading.Event(), duration_s=5)
    assert sim.fatal_login() and sim.world is None
    assert sum(1 for r in hub.requests if r[2] == "/session") == 1


def test_subcategory_codes_when_the_hub_wants_them() -> None:
    """A hub that accepts only codes: one 422, then codes from there on."""
    hub = FakeHub(codes_only=True)
    sim = make_sim(hub)
    sim.run_virtual(600)
    assert hub.actions["report"] > 3
    assert sum(1 for r in hub.requests if r[2] == "/cases") == hub.actions["report"] + 1


def test_critical_cases_get_whistles_calls_and_urges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Critical cases: whistles with check-ins, video calls opened and ended; overdue urged."""
    monkeypatch.setattr(scenario, "PRIORITY_SHORT", (("critical", 1),))
    monkeypatch.setattr(scenario, "PRIORITY_LONG", (("critical", 1),))
    hub = FakeHub()
    sim = make_sim(hub, rate=20.0)
    sim.run_virtual(4 * 3600)
    assert hub.actions["whistle"] > 0 and hub.actions["checkin"] > 0
    assert hub.actions["call"] > 0 and hub.actions["call_end"] > 0
    assert hub.actions["urge"] > 0
    for whistle in hub.whistles.values():
        case = hub.cases[whistle["case_id"]]
        assert case["priority"] == "critical"
        assert len(whistle["unit_ids"]) == len(set(whistle["unit_ids"])) >= 2
    assert sim.api.unexpected == []


def test_returns_are_redispatched_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """A returned case goes to another unit; reopened cases are handled again."""
    hub = FakeHub()
    sim = make_sim(hub, rate=20.0, seed=11)
    sim.run_virtual(3 * 3600)
    assert hub.actions["return"] > 0 and hub.actions["reopen"] > 0
    for case_id in {p.split("/")[2] for _u, _m, p, _ in hub.requests if p.endswith("/return")}:
        units = [b["unit_id"] for _u, _m, p, b in hub.requests
                 if p == f"/cases/{case_id}/assign" and b]
        if len(units) >= 2:
            assert units[0] != units[1]


def test_nyc311_replay_on_fake_hub() -> None:
    """The 2013 night replays in order, with real titles, agency units and closings."""
    records = _records("nyc311-2013-sample.csv")
    hub = FakeHub(SeedSizes(5, 1, 1, 1))
    sim = make_sim(hub, mode="nyc311", speed=60.0)
    sim.run_virtual(3 * 3600)  # 2.5 h of records at 60× is ~3 min; the rest for closing
    assert hub.actions["report"] == len(records)
    titles = Counter(c["title"] for c in hub.cases.values())
    assert titles == Counter(nyc311.title_for(r) for r in records)
    by_title_closed = {nyc311.title_for(r) for r in records if r.closed is not None}
    closed = [c for c in hub.cases.values() if c["status"] == "closed"]
    assert closed and all(c["title"] in by_title_closed for c in closed)
    never = sum(1 for r in records if r.closed is None)
    assert sum(1 for c in hub.cases.values() if c["status"] != "closed") >= never
    police = [c for c in hub.cases.values() if c["title"].startswith("Noise - Residential")
              or c["title"].startswith("Blocked Driveway")]
    assert police and all(c["unit_id"] is None or c["unit_id"].endswith("-GA") for c in police)
    counties = {c["region_id"][:6] for c in hub.cases.values()}
    assert counties <= {row.code for row in COUNTIES[:5]} and len(counties) == 5
    assert sim.api.unexpected == [] and hub.missing_version == []


@pytest.mark.parametrize("mode", ["synthetic", "nyc311"])
def test_points_lie_inside_their_grid_on_a_hub_with_polygons(mode: str) -> None:
    """With GET /regions/geometry (1.1) every reported point lies in its grid's polygon."""
    hub = FakeHub(SeedSizes(5, 2, 2, 2), geometry=True)
    sim = make_sim(hub, mode=mode, speed=60.0 if mode == "nyc311" else 600.0)
    sim.run_virtual(1800)
    assert len(hub.cases) > 20
    for case in hub.cases.values():
        point = shapely.Point(case["lon"], case["lat"])
        assert hub.shapes[case["region_id"]].contains(point), case
    assert sim.api.unexpected == []


def test_hub_api_relogin_once() -> None:
    """``HubApi.call`` logs in lazily and retries once after a 401."""
    hub = FakeHub()
    api = HubApi(hub, DEMO_PASSWORD)
    assert api.call("intake-532300", "GET", "/categories").ok
    hub.tokens.clear()
    reply = api.call("intake-532300", "GET", "/categories")
    assert reply.ok and len(api.tokens) == 1
    assert Reply(503, None).retryable and Reply(0, None).retryable
    assert not Reply(409, None).retryable and not Reply(422, None).retryable


def test_parse_config() -> None:
    """The command line maps onto ``SimConfig``."""
    cfg = parse_config(["--hub", "http://h:1", "--mode", "nyc311", "--rate", "5", "--speed",
                        "120", "--for", "30", "--seed", "9", "--intake", "intake-532301",
                        "--max-gap", "4"])
    assert (cfg.hub, cfg.mode, cfg.rate, cfg.speed, cfg.duration_s, cfg.seed) == (
        "http://h:1", "nyc311", 5.0, 120.0, 30.0, 9)
    assert cfg.intake == "intake-532301" and cfg.supervisor == "supervisor-532300"
    assert cfg.password == DEMO_PASSWORD and cfg.max_gap_s == 4.0
    with pytest.raises(SystemExit):
        parse_config(["--speed", "0"])


def test_simulate_main_without_a_hub_returns_nonzero(capsys: pytest.CaptureFixture[str]) -> None:
    """No hub listening: the simulator retries quietly until ``--for`` ends, then exits 1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    assert sim_mod.simulate_main(["--hub", f"http://127.0.0.1:{port}", "--for", "0.6"]) == 1
    assert time.monotonic() - started < 5
    assert "nothing done" in capsys.readouterr().out


# ============================================================== end to end


def simulate_on_reference_hub(seconds: float, until: Callable[[list[dict[str, Any]]], bool]
                              | None = None, max_seconds: float = 180.0, **config: Any
                              ) -> tuple[Simulator, list[dict[str, Any]]]:
    """Run the simulator ``seconds`` against a real embedded hub (deadlines at its speed);
    with ``until``, go on (checking every second, at most ``max_seconds``) until the
    events satisfy it, so a loaded machine that fits fewer cases in ``seconds`` still
    plays what the test needs. Return it with every event the prefecture's supervisor
    reads afterwards."""
    hub = start_embedded(sizes=SeedSizes(2, 1, 1, 1), sla_scale=1 / 20000)
    base = hub.url + "/api/v1"
    try:
        sim = Simulator(SimConfig(hub=hub.url, speed=20000.0, **config))
        stop = threading.Event()
        runner = threading.Thread(target=sim.run, args=(stop,), daemon=True)
        runner.start()
        started = time.monotonic()
        events: list[dict[str, Any]] = []
        auth = supervisor_auth(base)
        while time.monotonic() - started < seconds or (
                until is not None and time.monotonic() - started < max_seconds
                and not until(read_events(base, auth, events))):
            time.sleep(1.0)
        stop.set()
        runner.join(30)
        assert not runner.is_alive(), "the simulator did not stop"
        return sim, read_events(base, auth, events)
    finally:
        hub.stop()


def supervisor_auth(base: str) -> dict[str, str]:
    """The prefecture supervisor's bearer header."""
    token = requests.post(base + "/session", json={
        "username": "supervisor-532300", "password": DEMO_PASSWORD}, timeout=10).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def read_events(base: str, auth: dict[str, str], events: list[dict[str, Any]]
                ) -> list[dict[str, Any]]:
    """Append to ``events`` what ``GET /events`` holds after its last seq, page after page
    to the end; return ``events``."""
    since = events[-1]["seq"] if events else 0
    while True:
        body = requests.get(base + "/events", params={"since": since, "limit": 1000},
                            headers=auth, timeout=10).json()
        events += body["events"]
        if not body["events"] or events[-1]["seq"] >= body["seq"]:
            return events
        since = events[-1]["seq"]


def test_end_to_end_against_the_reference_hub() -> None:
    """~8 s against a real embedded hub: the whole lifecycle shows in the prefecture's events."""
    played = ("dispatch", "accept", "resolve", "callback")

    def types_of(events: list[dict[str, Any]]) -> Counter[str]:
        return Counter(e["type"] for e in events)

    def actions_of(events: list[dict[str, Any]]) -> Counter[str | None]:
        return Counter(e["data"].get("action") for e in events if e["type"] == "case.updated")

    def played_all(events: list[dict[str, Any]]) -> bool:
        actions = actions_of(events)
        return types_of(events)["case.created"] >= 5 and all(actions[a] for a in played)

    sim, events = simulate_on_reference_hub(8.0, until=played_all, rate=240.0, seed=5)
    types = types_of(events)
    actions = actions_of(events)
    assert types["case.created"] >= 5, types
    # a 1.1 hub: the callback closes (or reworks) instead of close / reopen
    for action in played:
        assert actions[action] > 0, (action, actions)
    assert actions["close"] == actions["reopen"] == 0, actions
    assert sim.stats["reported"] == types["case.created"]
    assert sim.api.unexpected == [], sim.api.unexpected
    assert set(sim.api.statuses) <= {409, 429}, sim.api.statuses


def test_closed_loop_against_the_reference_hub(monkeypatch: pytest.MonkeyPatch) -> None:
    """Against a 1.1 hub the simulator plays the whole loop through the API: return
    requests decided both ways, extensions, callbacks with reworks and unreachable
    citizens, merged duplicates, late signs; reporters travel masked; no unexpected
    answer."""
    for name, value in (("RETURN", 0.3), ("LATE_SIGN", 0.3), ("EXTEND", 0.4),
                        ("DUPLICATE", 0.25)):
        monkeypatch.setattr(scenario, name, value)
    monkeypatch.setattr(scenario, "ANSWERS", (((True, "satisfied"), 40.0),
                                              ((True, "dissatisfied"), 30.0),
                                              ((False, "unreachable"), 30.0)))
    wanted = ("request_return", "request_extension", "approve", "callback", "rework", "merge")

    def actions_of(events: list[dict[str, Any]]) -> Counter[str | None]:
        return Counter(e["data"].get("action") for e in events if e["type"] == "case.updated")

    def answers_of(events: list[dict[str, Any]]) -> set[str]:
        return {e["data"]["case"]["satisfaction"] for e in events
                if e["data"].get("action") == "callback"}

    def played_all(events: list[dict[str, Any]]) -> bool:
        actions = actions_of(events)
        return (all(actions[a] for a in wanted)
                and answers_of(events) >= {"satisfied", "unreachable"})

    sim, events = simulate_on_reference_hub(10.0, until=played_all, rate=300.0, seed=8)
    assert sim.loop11
    actions = actions_of(events)
    for action in wanted:
        assert actions[action] > 0, (action, actions)
    assert answers_of(events) >= {"satisfied", "unreachable"}
    reporters = [e["data"]["case"]["reporter"] for e in events if e["type"] == "case.created"
                 and e["data"]["case"]["reporter"]]
    assert reporters and all("****" in r["phone"] and r["name"].endswith("*")
                             for r in reporters)
    assert sim.stats["merged"] > 0 and sim.stats["reworks"] > 0
    assert sim.api.unexpected == [], sim.api.unexpected
    assert set(sim.api.statuses) <= {409, 429}, sim.api.statuses
