"""Conformance, protocol 1.1: limits, the new case fields, and every closed-loop command
(return as a request, extend, decide, callback, merge, the unmasked reporter) with its
roles, its 409 paths, expected_version, events and audit — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hub.server import EmbeddedHub
from hub.timeutil import parse_rfc3339, to_rfc3339
from tests.hub.conftest import (
    COUNTY_B,
    GRID_B1,
    SUB_SLA,
    UNIT_A_CG,
    UNIT_A_GA,
    Api,
    Crew,
    assert_error,
    expected_due,
    report_body,
)

NEW_FIELDS = ("sign_due", "callback_due", "pending", "satisfaction", "solved", "merged_into",
              "counts", "reporter")
REPORTER = {"name": "张三丰", "phone": "13812345678"}
MASKED = {"name": "张**", "phone": "138****5678"}
SH = ZoneInfo("Asia/Shanghai")


def _audit(sup: Api, action: str, target: str) -> list[dict[str, Any]]:
    """The audit entries of ``action`` on ``target`` (the last 1000 entries)."""
    since, out = 0, []
    while True:
        status, body = sup.get("/audit", since=since, limit=1000)
        assert status == 200, body
        if not body["entries"]:
            return [e for e in out if e["action"] == action and e["target"] == target]
        out += body["entries"]
        since = body["last"]


def _last_action(api: Api, case_id: str) -> str:
    _, history = api.get(f"/cases/{case_id}/history")
    return history[-1]["data"]["action"]


# ---- categories and case fields
def test_categories_have_limits(crew: Crew) -> None:
    """Every one of the 76 subcategories has limits; resolve_hours = sla_hours; emergencies
    (≤ 12 h) run on the wall clock, the rest on working time; sign < resolve."""
    status, cats = crew.officer.get("/categories")
    assert status == 200
    subs = [s for c in cats for s in c["subcategories"]]
    assert len(subs) == 76
    for sub in subs:
        lim = sub["limits"]
        assert set(lim) == {"sign_hours", "resolve_hours", "callback_hours", "working_time"}
        assert lim["resolve_hours"] == sub["sla_hours"]
        assert 0 < lim["sign_hours"] < lim["resolve_hours"] and lim["callback_hours"] > 0
        assert lim["working_time"] is (sub["sla_hours"] > 12), sub


def test_new_fields_on_every_case(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """A 1.1 hub sends the new fields on every case (null / 0 where nothing applies):
    the command's answer, GET /cases, the snapshot, /events, history."""
    case = crew.intake.report()
    for field in NEW_FIELDS:
        assert field in case, field
    assert case["counts"] == {"urges": 0, "returns": 0, "extensions": 0, "reworks": 0}
    assert (case["pending"], case["sign_due"], case["reporter"]) == (None, None, None)
    _, snap = crew.officer.get("/snapshot")
    held = next(c for c in snap["cases"] if c["id"] == case["id"])
    assert held == case
    events = [e for e in crew.officer.events() if e["type"] == "case.created"
              and e["data"]["case"]["id"] == case["id"]]
    assert events[0]["data"]["case"] == case


def test_reporter_masked_everywhere(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """A reporter given with POST /cases is masked (张**, 138****5678) in every answer,
    snapshot, event and history of every reader; the raw name and phone appear nowhere."""
    seq = crew.officer.seq()
    case = crew.intake.report(reporter=REPORTER)
    assert case["reporter"] == MASKED
    crew.sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_GA})
    for api in (crew.officer, crew.sup, crew.unit, crew.wall, crew.intake):
        texts = [json.dumps(api.case(case["id"]), ensure_ascii=False),
                 json.dumps(api.get("/snapshot")[1], ensure_ascii=False),
                 json.dumps(api.get(f"/cases/{case['id']}/history")[1], ensure_ascii=False)]
        if api is crew.officer:
            texts.append(json.dumps(api.events(seq), ensure_ascii=False))
        for text in texts:
            assert "张**" in text and "138****5678" in text
            assert REPORTER["name"] not in text and REPORTER["phone"] not in text


def test_reporter_read_unmasked_and_audited(crew: Crew) -> None:
    """GET /cases/{id}/reporter: supervisor and intake get it unmasked, each read audited
    ok; officer, wall and unit → 403, audited denied; no reporter → null; unknown → 404."""
    case = crew.intake.report(reporter=REPORTER)
    path = f"/cases/{case['id']}/reporter"
    for api in (crew.sup, crew.intake):
        status, body = api.get(path)
        assert (status, body) == (200, REPORTER)
    for api in (crew.officer, crew.wall, crew.unit):
        assert_error(*api.get(path), 403)
    outcomes = sorted(e["outcome"] for e in _audit(crew.sup, "reporter", case["id"]))
    assert outcomes == ["denied"] * 3 + ["ok"] * 2
    assert crew.sup.get(f"/cases/{crew.intake.report()['id']}/reporter") == (200, None)
    blank = crew.intake.report(reporter={"name": " ", "phone": ""})
    assert blank["reporter"] is None
    assert_error(*crew.sup.get("/cases/CX-19990101-000001/reporter"), 404)


def test_reporter_phone_validated(crew: Crew) -> None:
    """A reporter phone with letters → 422 and nothing is created."""
    seq = crew.officer.seq()
    assert_error(*crew.intake.post("/cases", report_body(
        reporter={"name": "李四", "phone": "call me"})), 422)
    assert crew.officer.seq() == seq


# ---- deadlines
def test_stage_deadlines(crew: Crew) -> None:
    """dispatch sets sign_due (sign_hours of working time), resolve sets callback_due;
    a normal case's due_at counts the subcategory's hours in working time."""
    status, cats = crew.officer.get("/categories")
    limits = next(s for c in cats for s in c["subcategories"]
                  if s["code"] == "HJWS-01")["limits"]
    case = crew.intake.report()
    assert parse_rfc3339(case["due_at"]) == expected_due(case["reported_at"], SUB_SLA)
    case = crew.sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_GA})
    assert parse_rfc3339(case["sign_due"]) == expected_due(case["updated_at"],
                                                           limits["sign_hours"])
    assert case["callback_due"] is None
    crew.unit.ok(f"/cases/{case['id']}/accept")
    case = crew.unit.ok(f"/cases/{case['id']}/resolve")
    assert parse_rfc3339(case["callback_due"]) == expected_due(case["updated_at"],
                                                               limits["callback_hours"])


def test_urgent_cases_run_on_the_wall_clock(crew: Crew) -> None:
    """An urgent case of a working-time subcategory counts wall-clock hours."""
    case = crew.intake.report(priority="urgent")
    assert parse_rfc3339(case["due_at"]) - parse_rfc3339(case["reported_at"]) == \
        timedelta(hours=SUB_SLA)


@pytest.fixture
def frozen_hub_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[datetime], None]]:
    """Set the (in-process) hub's clock for commands: ``set_time(aware datetime)``."""
    import hub.commands

    current: list[datetime] = []

    def set_time(value: datetime) -> None:
        current[:] = [value.astimezone(UTC)]

    monkeypatch.setattr(hub.commands, "utcnow", lambda: current[0])
    yield set_time


@pytest.mark.parametrize("reported, due", [
    # Friday 17:00: 1 h, the weekend off, then 7.5 h Mon, Tue, Wed and 0.5 h Thursday
    (datetime(2026, 11, 27, 17, 0, tzinfo=SH), datetime(2026, 12, 3, 9, 30)),
    # Wednesday 30 September 17:00: 1–7 October off, Saturday 10th an adjusted working day
    (datetime(2026, 9, 30, 17, 0, tzinfo=SH), datetime(2026, 10, 12, 9, 30)),
    # Friday 13 February 17:00: Saturday 14th an adjusted working day, 15–23 the festival
    (datetime(2026, 2, 13, 17, 0, tzinfo=SH), datetime(2026, 2, 26, 9, 30)),
])
def test_due_at_across_weekend_holiday_and_adjusted_day(
        crew: Crew, frozen_hub_time: Callable[[datetime], None], reported: datetime,
        due: datetime) -> None:
    """The hub's due_at for a 24-working-hour case reported before a weekend, National
    Day and the Spring Festival (with its adjusted Saturday) — worked out by hand."""
    frozen_hub_time(reported)
    case = crew.intake.report()
    assert parse_rfc3339(case["due_at"]).astimezone(SH).replace(tzinfo=None) == due
    # and the sign deadline of a dispatch at the same moment: 2 working hours
    case = crew.sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_GA})
    assert parse_rfc3339(case["sign_due"]) == expected_due(to_rfc3339(reported) or "", 2)


# ---- return as a request, extension, decide
def test_return_request_then_approve(crew: Crew) -> None:
    """return (unit) → pending {kind return, by, at, reason, until null}, status and unit
    kept, action request_return; decide approve (supervisor) → returned, unit null,
    counts.returns 1, action approve; each audited ok."""
    case = crew.case_in("dispatched")
    asked = crew.unit.ok(f"/cases/{case['id']}/return",
                         {"note": "不属本单位职责", "expected_version": case["version"]})
    pending = asked["pending"]
    assert (asked["status"], asked["unit_id"]) == ("dispatched", UNIT_A_GA)
    assert (pending["kind"], pending["by"], pending["reason"], pending["until"]) == \
        ("return", UNIT_A_GA, "不属本单位职责", None)
    assert pending["at"] == asked["updated_at"]
    assert _last_action(crew.officer, case["id"]) == "request_return"
    done = crew.sup.ok(f"/cases/{case['id']}/decide",
                       {"approve": True, "note": "同意退回", "expected_version": asked["version"]})
    assert (done["status"], done["unit_id"], done["pending"], done["counts"]["returns"]) == \
        ("returned", None, None, 1)
    assert _last_action(crew.officer, case["id"]) == "approve"
    assert [e["outcome"] for e in _audit(crew.sup, "decide", case["id"])] == ["ok"]
    assert [e["outcome"] for e in _audit(crew.sup, "return", case["id"])] == ["ok"]


def test_return_request_denied(crew: Crew) -> None:
    """Refusing a return clears pending and changes no deadline or holder (action deny)."""
    case = crew.case_in("accepted")
    asked = crew.unit.ok(f"/cases/{case['id']}/return", {"note": "人手不足"})
    denied = crew.sup.ok(f"/cases/{case['id']}/decide", {"approve": False, "note": "请继续办理"})
    assert (denied["status"], denied["unit_id"], denied["pending"]) == \
        ("accepted", UNIT_A_GA, None)
    for field in ("due_at", "sign_due", "counts"):
        assert denied[field] == asked[field], field
    assert _last_action(crew.officer, case["id"]) == "deny"


def test_extension_request_then_approve(crew: Crew) -> None:
    """extend {until, reason} (unit holding it) → pending extension; approve → due_at =
    until, counts.extensions 1; deny on another request leaves due_at alone."""
    case = crew.case_in("accepted")
    until = to_rfc3339(parse_rfc3339(case["due_at"]) + timedelta(days=3))
    asked = crew.unit.ok(f"/cases/{case['id']}/extend", {"until": until, "reason": "需协调"})
    assert asked["pending"]["kind"] == "extension" and asked["pending"]["until"] == until
    assert asked["due_at"] == case["due_at"]  # the clock keeps running meanwhile
    assert _last_action(crew.officer, case["id"]) == "request_extension"
    done = crew.sup.ok(f"/cases/{case['id']}/decide", {"approve": True})
    assert (done["due_at"], done["counts"]["extensions"], done["pending"]) == (until, 1, None)
    later = to_rfc3339(parse_rfc3339(until) + timedelta(days=1))
    crew.unit.ok(f"/cases/{case['id']}/extend", {"until": later, "reason": "再延"})
    denied = crew.sup.ok(f"/cases/{case['id']}/decide", {"approve": False})
    assert (denied["due_at"], denied["counts"]["extensions"]) == (until, 1)


def test_extension_refusals(crew: Crew) -> None:
    """until not later than due_at, or not a time → 422; another unit → 403; a case not in
    dispatched/accepted → 409 (or 403 when no unit holds it); nothing changes."""
    case = crew.case_in("accepted")
    resolved, reported = crew.case_in("resolved"), crew.case_in("reported")
    path = f"/cases/{case['id']}/extend"
    seq = crew.officer.seq()
    assert_error(*crew.unit.post(path, {"until": case["due_at"]}), 422)
    assert_error(*crew.unit.post(path, {"until": "next week"}), 422)
    assert_error(*crew.unit.post(path, {"until": "0001-01-01T00:00:00+14:00"}), 422)
    assert_error(*crew.unit.post(path, {"reason": "x"}), 422)
    assert_error(*crew.other_unit.post(path, {"until": "2099-01-01T00:00:00Z"}), 403)
    assert_error(*crew.unit.post(f"/cases/{resolved['id']}/extend",
                                 {"until": "2099-01-01T00:00:00Z"}), 409)
    assert_error(*crew.unit.post(f"/cases/{reported['id']}/extend",
                                 {"until": "2099-01-01T00:00:00Z"}), 403)
    assert crew.officer.seq() == seq
    assert crew.officer.case(case["id"]) == case


def test_one_request_at_a_time(crew: Crew) -> None:
    """A return or extension while another request is pending → 409, nothing changes."""
    case = crew.case_in("accepted")
    asked = crew.unit.ok(f"/cases/{case['id']}/return", {"note": "a"})
    seq = crew.officer.seq()
    assert_error(*crew.unit.post(f"/cases/{case['id']}/return", {"note": "b"}), 409)
    assert_error(*crew.unit.post(f"/cases/{case['id']}/extend",
                                 {"until": "2099-01-01T00:00:00Z"}), 409)
    assert crew.officer.case(case["id"]) == asked
    assert crew.officer.seq() == seq
    assert [e["outcome"] for e in _audit(crew.sup, "extend", case["id"])] == ["conflict"]


def test_decide_without_request(crew: Crew) -> None:
    """decide with nothing pending → 409 with the current case; audited conflict."""
    case = crew.case_in("dispatched")
    status, body = crew.sup.post(f"/cases/{case['id']}/decide", {"approve": True})
    assert_error(status, body, 409)
    assert body.get("case") is None or body["case"] == case
    assert crew.officer.case(case["id"]) == case
    assert [e["outcome"] for e in _audit(crew.sup, "decide", case["id"])] == ["conflict"]


def test_reassign_drops_a_pending_request(crew: Crew) -> None:
    """A reassignment makes a pending request moot: pending cleared, new sign_due."""
    case = crew.case_in("dispatched")
    crew.unit.ok(f"/cases/{case['id']}/return", {"note": "非本单位"})
    moved = crew.sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_CG})
    assert moved["pending"] is None and moved["unit_id"] == UNIT_A_CG
    assert_error(*crew.sup.post(f"/cases/{case['id']}/decide", {"approve": True}), 409)


# ---- callback
@pytest.mark.parametrize("solved, satisfaction, status, action", [
    (True, "satisfied", "closed", "callback"),
    (True, "basically_satisfied", "closed", "callback"),
    (True, "dissatisfied", "dispatched", "rework"),
    (False, "satisfied", "dispatched", "rework"),
    (False, "unreachable", "closed", "callback"),
])
def test_callback(crew: Crew, solved: bool, satisfaction: str, status: str,
                  action: str) -> None:
    """callback (intake) on a resolved case: dissatisfied or not solved → rework (same
    unit, new sign_due and due_at, counts.reworks 1); otherwise closed; unreachable closes
    without a rating (solved null)."""
    case = crew.case_in("resolved")
    done = crew.intake.ok(f"/cases/{case['id']}/callback",
                          {"solved": solved, "satisfaction": satisfaction, "note": "回访",
                           "expected_version": case["version"]})
    assert (done["status"], done["satisfaction"]) == (status, satisfaction)
    assert done["solved"] == (None if satisfaction == "unreachable" else solved)
    assert _last_action(crew.officer, case["id"]) == action
    if status == "closed":
        assert done["closed_at"] == done["updated_at"]
        assert done["counts"]["reworks"] == 0
    else:
        assert done["unit_id"] == UNIT_A_GA and done["closed_at"] is None
        assert done["counts"]["reworks"] == 1
        assert parse_rfc3339(done["due_at"]) == expected_due(done["updated_at"], SUB_SLA)
        assert parse_rfc3339(done["sign_due"]) > parse_rfc3339(case["updated_at"])
        assert done["callback_due"] is None
        assert crew.unit.ok(f"/cases/{case['id']}/accept")["status"] == "accepted"


@pytest.mark.parametrize("status", ["reported", "dispatched", "accepted", "closed"])
def test_callback_only_when_resolved(crew: Crew, status: str) -> None:
    """callback on a case that is not resolved → 409, nothing changes."""
    case = crew.case_in(status)
    seq = crew.officer.seq()
    assert_error(*crew.sup.post(f"/cases/{case['id']}/callback",
                                {"solved": True, "satisfaction": "satisfied"}), 409)
    assert crew.officer.case(case["id"]) == case
    assert crew.officer.seq() == seq


def test_callback_bad_body(crew: Crew) -> None:
    """An unknown satisfaction or a missing solved → 422."""
    case = crew.case_in("resolved")
    path = f"/cases/{case['id']}/callback"
    assert_error(*crew.intake.post(path, {"solved": True, "satisfaction": "happy"}), 422)
    assert_error(*crew.intake.post(path, {"satisfaction": "satisfied"}), 422)
    assert_error(*crew.intake.post(path, {"solved": "yes", "satisfaction": "satisfied"}), 422)
    assert crew.officer.case(case["id"]) == case


# ---- merge
def test_merge(crew: Crew) -> None:
    """merge {into} (officer) → the duplicate closed with merged_into, action merge; its
    open whistles end; the original is untouched."""
    original = crew.case_in("dispatched")
    dup = crew.case_in("dispatched")
    crew.sup.ok(f"/cases/{dup['id']}/whistle", {"unit_ids": [UNIT_A_GA], "minutes": 30}, 201)
    done = crew.officer.ok(f"/cases/{dup['id']}/merge",
                           {"into": original["id"], "note": "重复工单",
                            "expected_version": dup["version"]})
    assert (done["status"], done["merged_into"]) == ("closed", original["id"])
    assert done["closed_at"] == done["updated_at"]
    assert _last_action(crew.officer, dup["id"]) == "merge"
    assert crew.officer.case(original["id"]) == original
    _, snap = crew.officer.get("/snapshot")
    assert not [w for w in snap["whistles"] if w["case_id"] == dup["id"]]


def test_merge_refusals(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """into itself, an unknown case or one outside the jurisdiction → 422; into a closed
    case, or merging a closed case → 409; nothing changes."""
    dup = crew.case_in("reported")
    path = f"/cases/{dup['id']}/merge"
    other_county = login_as(f"intake-{COUNTY_B}").report(GRID_B1)
    closed = crew.case_in("closed")
    seq = crew.officer.seq()
    assert_error(*crew.sup.post(path, {"into": dup["id"]}), 422)
    assert_error(*crew.sup.post(path, {"into": "CX-19990101-000001"}), 422)
    assert_error(*crew.sup.post(path, {"into": other_county["id"]}), 422)
    assert_error(*crew.sup.post(path, {"into": closed["id"]}), 409)
    assert_error(*crew.sup.post(path, {}), 422)
    assert_error(*crew.sup.post(f"/cases/{closed['id']}/merge", {"into": dup["id"]}), 409)
    assert crew.officer.case(dup["id"]) == dup
    assert crew.officer.seq() == seq


# ---- roles and versions, for every 1.1 command
ALLOWED = {
    "return": {"unit"},
    "extend": {"unit"},
    "decide": {"supervisor"},
    "callback": {"supervisor", "intake"},
    "merge": {"officer", "supervisor"},
}
ROLES = ("officer", "supervisor", "wall", "intake", "unit")
FORBIDDEN = [(c, r) for c, allowed in ALLOWED.items() for r in ROLES if r not in allowed]


def _target(crew: Crew, cmd: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(path, a valid body, the case) for ``cmd``, on a case in the state it needs."""
    if cmd in ("return", "extend"):
        case = crew.case_in("accepted")
        body = ({"note": "x"} if cmd == "return" else
                {"until": to_rfc3339(parse_rfc3339(case["due_at"]) + timedelta(days=1))})
    elif cmd == "decide":
        case = crew.case_in("accepted")
        case = crew.unit.ok(f"/cases/{case['id']}/return", {"note": "x"})
        body = {"approve": True}
    elif cmd == "callback":
        case = crew.case_in("resolved")
        body = {"solved": True, "satisfaction": "satisfied"}
    else:
        case = crew.case_in("reported")
        body = {"into": crew.case_in("reported")["id"]}
    return f"/cases/{case['id']}/{cmd}", body, case


@pytest.mark.parametrize("cmd, role", FORBIDDEN, ids=[f"{c}-{r}" for c, r in FORBIDDEN])
def test_forbidden_role(crew: Crew, cmd: str, role: str) -> None:
    """A role the protocol does not allow → 403, audited denied, nothing changes."""
    path, body, case = _target(crew, cmd)
    seq = crew.officer.seq()
    assert_error(*crew.by_role(role).post(path, body), 403)
    assert crew.officer.case(case["id"]) == case
    assert crew.officer.seq() == seq
    assert "denied" in [e["outcome"] for e in _audit(crew.sup, cmd, case["id"])]


@pytest.mark.parametrize("cmd, role", [(c, r) for c, rs in ALLOWED.items() for r in sorted(rs)])
def test_allowed_role(crew: Crew, cmd: str, role: str) -> None:
    """Each allowed role → 200 with version + 1, audited ok."""
    path, body, case = _target(crew, cmd)
    status, new = crew.by_role(role).post(path, body)
    assert status == 200, new
    assert new["version"] == case["version"] + 1
    assert "ok" in [e["outcome"] for e in _audit(crew.sup, cmd, case["id"])]


@pytest.mark.parametrize("cmd", sorted(ALLOWED))
def test_expected_version_mismatch(crew: Crew, cmd: str) -> None:
    """A wrong expected_version (stale, or one not reached yet) → 409 whose body carries
    the current case; no change."""
    path, body, case = _target(crew, cmd)
    role = sorted(ALLOWED[cmd])[0]
    seq = crew.officer.seq()
    status, answer = crew.by_role(role).post(path, {**body,
                                                    "expected_version": case["version"] + 1})
    assert_error(status, answer, 409)
    assert answer["case"] == crew.officer.case(case["id"]) == case
    assert crew.officer.seq() == seq


def test_new_commands_on_unknown_case(crew: Crew) -> None:
    """Every 1.1 command on an unknown case → 404."""
    cid = "CX-19990101-000001"
    assert_error(*crew.unit.post(f"/cases/{cid}/extend", {"until": "2099-01-01T00:00:00Z"}),
                 404)
    assert_error(*crew.sup.post(f"/cases/{cid}/decide", {"approve": True}), 404)
    assert_error(*crew.sup.post(f"/cases/{cid}/callback",
                                {"solved": True, "satisfaction": "satisfied"}), 404)
    assert_error(*crew.sup.post(f"/cases/{cid}/merge", {"into": cid}), 404)


def test_feed_carries_new_actions(crew: Crew, hub_url: str) -> None:
    """The feed's case.updated frames carry the 1.1 actions with the whole case."""
    from tests.hub.conftest import open_feed, recv_events

    seq = crew.officer.seq()
    ws = open_feed(hub_url, crew.officer.token, since=seq)
    try:
        case = crew.case_in("accepted")
        crew.unit.ok(f"/cases/{case['id']}/return", {"note": "x"})
        crew.sup.ok(f"/cases/{case['id']}/decide", {"approve": False})
        crew.unit.ok(f"/cases/{case['id']}/resolve")
        crew.intake.ok(f"/cases/{case['id']}/callback",
                       {"solved": True, "satisfaction": "satisfied"})
        frames = recv_events(ws, 7)
    finally:
        ws.close()
    actions = [f["data"].get("action") for f in frames if f["type"] == "case.updated"]
    assert actions[-4:] == ["request_return", "deny", "resolve", "callback"]
    assert frames[-1]["data"]["case"]["satisfaction"] == "satisfied"
    assert all("counts" in f["data"]["case"] for f in frames if "case" in f["data"])


def test_deadlines_past_the_calendar_are_provisional_weekdays(
        crew: Crew, frozen_hub_time: Callable[[datetime], None],
        caplog: pytest.LogCaptureFixture) -> None:
    """A working-time deadline in a year the calendar does not know is still computed —
    on Monday-to-Friday working hours, no holidays — and the hub warns about it; a
    citizen's report is never refused for a missing holiday table."""
    from client.working_time import PERIODS, package_coverage
    from hub.limits import _warn_provisional

    _warn_provisional.cache_clear()  # it warns once per year and process
    # a year before the package's first: past, so the shared hub holds no future cases
    uncovered = package_coverage()[0] - 1
    frozen_hub_time(datetime(uncovered, 12, 31, 17, 0, tzinfo=SH))
    with caplog.at_level(logging.WARNING, logger="hub.limits"):
        status, case = crew.intake.post("/cases", report_body())
    assert status == 201, case
    due = datetime.fromisoformat(case["due_at"].replace("Z", "+00:00")).astimezone(SH)
    assert due.weekday() < 5
    assert any(a <= due.time() <= b for a, b in PERIODS)
    assert any(str(uncovered) in r.getMessage() and "provisional" in r.getMessage()
               for r in caplog.records)
    assert crew.intake.post("/cases", report_body(priority="urgent"))[0] == 201


def test_never_500_fuzz_on_loop_commands(crew: Crew) -> None:
    """Odd-but-valid-JSON bodies on every 1.1 command and odd assessment windows never get
    a 5xx; every refusal is the protocol's error body."""
    accepted = crew.case_in("accepted")
    resolved = crew.case_in("resolved")
    odd = [{}, [], None, 0, "", {"until": None}, {"until": "9999-12-31T23:59:59-14:00"},
           {"until": "0001-01-01T00:00:00+14:00"}, {"until": "2026-13-45T99:99:99Z"},
           {"approve": 1}, {"approve": "yes"}, {"solved": None, "satisfaction": None},
           {"solved": True, "satisfaction": "\u0000"}, {"into": "x" * 10_000},
           {"into": None}, {"expected_version": 2 ** 70}, {"reason": "理" * 1001},
           {"reporter": {"name": None}}]
    cases = {"extend": (crew.unit, accepted), "decide": (crew.sup, accepted),
             "callback": (crew.intake, resolved), "merge": (crew.sup, accepted)}
    for command, (api, case) in cases.items():
        for body in odd:
            status, resp = api.post(f"/cases/{case['id']}/{command}",
                                    data=json.dumps(body).encode())
            assert status < 500, (command, body, resp)
            if status >= 400:
                assert_error(status, resp, status)
    for params in ({"from": "9999-12-31T23:59:59-14:00", "to": "9999-12-31T23:59:59Z"},
                   {"from": "\u0000", "to": ""}, {"by": "unit" * 1000},
                   {"from": "2026-01-01T00:00:00Z", "to": "2026-01-02T00:00:00Z",
                    "by": "region\u0000"}):
        status, resp = crew.officer.get("/assessment", **params)
        assert status < 500, (params, resp)
        assert_error(status, resp, status)
    status, resp = crew.intake.post("/cases", report_body(reporter={"name": 5}))
    assert_error(status, resp, 422)


def test_an_operator_calendar_file_moves_deadlines_past_the_package(
        crew: Crew, shared_hub: EmbeddedHub, frozen_hub_time: Callable[[datetime], None],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With the operator's calendar file (``hub serve --calendar``), a deadline in a year
    the package does not know skips the file's holidays and counts its adjusted Saturday,
    worked out by hand. The year is 2003, before the package's first (a past year: the
    shared hub holds no future cases), reported Friday 3 January 17:00, 24 working hours."""
    from client.calendar_file import read_calendar_file
    from client.working_time import package_coverage
    from hub.limits import Clock

    assert package_coverage()[0] > 2003
    path = tmp_path / "calendar.toml"
    # made-up dates: Monday 6th and Tuesday 7th off, Saturday 4th worked
    path.write_text('[2003]\nholidays = ["2003-01-06..2003-01-07"]\n'
                    'workdays = ["2003-01-04"]\n', encoding="utf-8")
    monkeypatch.setattr(shared_hub.hub.ctx, "clock", Clock(calendar=read_calendar_file(path)))
    frozen_hub_time(datetime(2003, 1, 3, 17, 0, tzinfo=SH))
    status, case = crew.intake.post("/cases", report_body())
    assert status == 201, case
    # 1 h on Friday 3rd, 7.5 on Saturday 4th, 7.5 Wednesday 8th, 7.5 Thursday 9th, 0.5 Friday
    # 10th (on the provisional Monday-to-Friday calendar it was Thursday 9th, 09:30)
    due = datetime.fromisoformat(case["due_at"].replace("Z", "+00:00")).astimezone(SH)
    assert due.replace(tzinfo=None) == datetime(2003, 1, 10, 9, 30)


def test_a_bad_calendar_file_stops_the_hub_before_it_starts(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    from hub.cli import serve_main

    path = tmp_path / "calendar.toml"
    path.write_text('[2027]\nholidays = ["2027-02-30"]\n', encoding="utf-8")
    db = tmp_path / "hub.db"
    assert serve_main(["--db", f"sqlite:///{db}", "--port", "0", "--calendar", str(path)]) == 2
    err = capsys.readouterr().err
    assert "error: calendar file" in err and "'2027-02-30' is not a date" in err
    assert not db.exists()  # nothing was created


def test_the_start_warning_names_the_calendar_file_and_goes_quiet_with_it(
        tmp_path: Path) -> None:
    """Within 45 days of the calendar's end the hub warns at start and says what to do;
    with the next year in the operator's file there is nothing to warn about."""
    from client.calendar_file import read_calendar_file
    from client.working_time import DEFAULT_CALENDAR
    from hub.limits import calendar_warning

    last = DEFAULT_CALENDAR.last_year()
    near_end = datetime(last, 12, 1, 9, 0, tzinfo=SH)
    warning = calendar_warning(near_end)
    assert warning is not None and f"ends with {last}" in warning and "--calendar" in warning
    assert calendar_warning(datetime(last, 6, 1, tzinfo=SH)) is None
    path = tmp_path / "calendar.toml"
    path.write_text(f'[{last + 1}]\nholidays = ["{last + 1}-01-01"]\n', encoding="utf-8")
    assert calendar_warning(near_end, calendar=read_calendar_file(path)) is None
