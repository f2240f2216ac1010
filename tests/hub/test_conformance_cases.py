"""Conformance: reporting, idempotency, the case lifecycle, versions and history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from hub.timeutil import parse_rfc3339
from tests.hub.conftest import (
    CATEGORY,
    COUNTY_A,
    GRID_A1,
    PREF,
    STATUSES,
    SUB_CODE,
    SUB_SLA,
    SUBCATEGORY,
    TOWN_A1,
    UNIT_A_CG,
    UNIT_A_GA,
    Api,
    Crew,
    assert_error,
    expected_due,
    report_body,
)

# (command, from status) → to status; every other pair is refused.
ALLOWED_MOVES = {
    ("assign", "reported"): "dispatched",
    ("assign", "returned"): "dispatched",
    ("assign", "dispatched"): "dispatched",
    ("assign", "accepted"): "dispatched",
    ("accept", "dispatched"): "accepted",
    ("resolve", "accepted"): "resolved",
    ("return", "dispatched"): "dispatched",  # 1.1: a request; the status stays
    ("return", "accepted"): "accepted",
    ("close", "resolved"): "closed",
    ("reopen", "resolved"): "dispatched",
}
COMMANDS = ("assign", "accept", "resolve", "return", "close", "reopen")
UNIT_COMMANDS = ("accept", "resolve", "return")
DISALLOWED = [(c, s) for c in COMMANDS for s in STATUSES if (c, s) not in ALLOWED_MOVES]


def _issue(crew: Crew, command: str, case_id: str, **extra: Any) -> tuple[int, Any]:
    """Issue ``command`` with the role allowed to (assign: supervisor; unit moves: the
    holding unit's account; close/reopen: intake)."""
    if command == "assign":
        # a different unit from the holder, so a reassign is a real change
        return crew.sup.post(f"/cases/{case_id}/assign", {"unit_id": UNIT_A_CG, **extra})
    api = crew.unit if command in UNIT_COMMANDS else crew.intake
    return api.post(f"/cases/{case_id}/{command}", extra)


def test_report(crew: Crew) -> None:
    """POST /cases (intake) → 201 case: status `reported`, version 1, unit_id null, the
    fields as sent, times RFC 3339 Z, due_at = reported_at + the subcategory's SLA (an
    urgent case: wall-clock hours)."""
    body = report_body(GRID_A1, priority="urgent", source="hotline", lat=25.1, lon=101.6)
    status, case = crew.intake.post("/cases", body)
    assert status == 201, case
    assert case["status"] == "reported" and case["version"] == 1 and case["unit_id"] is None
    for field in ("title", "description", "category", "subcategory", "priority", "source",
                  "region_id", "address", "lat", "lon"):
        assert case[field] == body[field], field
    assert case["closed_at"] is None
    assert case["id"].startswith("CX-")
    reported = parse_rfc3339(case["reported_at"])
    assert case["reported_at"].endswith("Z") and case["due_at"].endswith("Z")
    assert parse_rfc3339(case["due_at"]) - reported == timedelta(hours=SUB_SLA)
    assert parse_rfc3339(case["updated_at"]) == reported
    assert crew.intake.case(case["id"]) == case


def test_report_by_code_and_supervisor(crew: Crew) -> None:
    """The subcategory may be given by code (the case then carries its name); a
    supervisor may report too; SLA applies the same."""
    status, case = crew.sup.post("/cases", report_body(subcategory=SUB_CODE))
    assert status == 201, case
    assert (case["category"], case["subcategory"]) == (CATEGORY, SUBCATEGORY)
    # 1.1: a normal case of a 24 h subcategory counts 24 working hours
    assert parse_rfc3339(case["due_at"]) == expected_due(case["reported_at"], SUB_SLA)
    status, cats = crew.sup.get("/categories")
    other = cats[3]["subcategories"][1]
    status, case = crew.sup.post("/cases", report_body(category=cats[3]["name"],
                                                       subcategory=other["code"]))
    assert status == 201
    assert case["subcategory"] == other["name"]
    assert parse_rfc3339(case["due_at"]) == expected_due(
        case["reported_at"], other["sla_hours"], working_time=other["limits"]["working_time"])


def test_idempotency_key(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """A retry with the same Idempotency-Key returns the first case (same id, version) and
    creates nothing: one case.created event, feed seq unchanged; a new key creates a new
    case."""
    key = "idem-" + crew.intake.report()["id"]
    body = report_body()
    status, first = crew.intake.post("/cases", body, headers={"Idempotency-Key": key})
    assert status == 201
    seq = crew.officer.seq()
    for _ in range(2):
        status, again = crew.intake.post("/cases", body, headers={"Idempotency-Key": key})
        assert status in (200, 201), again
        assert again == first
    assert crew.officer.seq() == seq
    created = [e for e in crew.officer.events()
               if e["type"] == "case.created" and e["data"]["case"]["id"] == first["id"]]
    assert len(created) == 1
    status, other = crew.intake.post("/cases", body, headers={"Idempotency-Key": key + "-2"})
    assert status == 201 and other["id"] != first["id"]
    # the same key for a different report: refused, not answered with the first case (the
    # second report was lost while its sender believed it filed); nothing is created
    seq = crew.officer.seq()
    status, refused = crew.intake.post("/cases", dict(body, title="另一件事"),
                                       headers={"Idempotency-Key": key})
    assert status == 422 and "different report" in refused["error"]["message"], refused
    assert crew.officer.seq() == seq
    status, again = crew.intake.post("/cases", dict(reversed(list(body.items()))),
                                     headers={"Idempotency-Key": key})  # same body, reordered
    assert status in (200, 201) and again == first


def test_full_lifecycle(crew: Crew) -> None:
    """report (intake) → dispatch (supervisor) → accept → resolve (unit account) → close
    (intake): each step 200 with the new status, version +1 exactly, updated_at moving on,
    closed_at set on close; the feed carries case.updated with the right action."""
    seq = crew.officer.seq()
    case = crew.intake.report()
    cid = case["id"]
    steps = [
        (crew.sup, "assign", {"unit_id": UNIT_A_GA, "note": "请处置"}, "dispatched", "dispatch"),
        (crew.unit, "accept", {"note": "收到"}, "accepted", "accept"),
        (crew.unit, "resolve", {"note": "已清运"}, "resolved", "resolve"),
        (crew.intake, "close", {"note": "回访满意"}, "closed", "close"),
    ]
    version = 1
    for api, cmd, body, status, _ in steps:
        new = api.ok(f"/cases/{cid}/{cmd}", body)
        assert new["status"] == status and new["version"] == version + 1, (cmd, new)
        assert parse_rfc3339(new["updated_at"]) >= parse_rfc3339(case["updated_at"])
        assert new["unit_id"] == UNIT_A_GA
        version, case = new["version"], new
    assert case["closed_at"] is not None and case["closed_at"] == case["updated_at"]
    events = crew.officer.events(seq)
    assert [e["type"] for e in events] == ["case.created"] + ["case.updated"] * 4
    for e, (_, _, body, status, action) in zip(events[1:], steps, strict=True):
        assert e["data"]["action"] == action
        assert e["data"]["case"]["status"] == status
        assert e["data"]["note"] == body["note"]
        assert isinstance(e["data"]["actor"], str) and e["data"]["actor"]
    assert events[-1]["data"]["case"] == case


def test_return_and_redispatch(crew: Crew) -> None:
    """A unit asks to return an accepted case (1.1: pending, status and unit kept), the
    supervisor approves (status `returned`, unit_id null) and dispatches it again to
    another unit (action `dispatch`)."""
    case = crew.case_in("accepted")
    asked = crew.unit.ok(f"/cases/{case['id']}/return", {"note": "非本单位职责"})
    assert (asked["status"], asked["unit_id"], asked["version"]) == \
        ("accepted", UNIT_A_GA, case["version"] + 1)
    assert asked["pending"]["kind"] == "return"
    returned = crew.sup.ok(f"/cases/{case['id']}/decide", {"approve": True})
    assert (returned["status"], returned["unit_id"], returned["version"]) == \
        ("returned", None, asked["version"] + 1)
    again = crew.sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_CG})
    assert (again["status"], again["unit_id"], again["version"]) == \
        ("dispatched", UNIT_A_CG, returned["version"] + 1)
    events = crew.officer.events(crew.officer.seq() - 2)
    assert [e["data"]["action"] for e in events if e["type"] == "case.updated"][-2:] == \
        ["approve", "dispatch"]
    assert crew.other_unit.ok(f"/cases/{case['id']}/accept")["status"] == "accepted"


def test_reopen(crew: Crew) -> None:
    """A resolved case that fails verification is reopened (intake) → `dispatched`, same
    unit, version +1; the unit can accept it again."""
    case = crew.case_in("resolved")
    reopened = crew.intake.ok(f"/cases/{case['id']}/reopen", {"note": "回访不满意"})
    assert (reopened["status"], reopened["unit_id"], reopened["version"]) == \
        ("dispatched", UNIT_A_GA, case["version"] + 1)
    assert crew.unit.ok(f"/cases/{case['id']}/accept")["status"] == "accepted"
    assert crew.sup.ok(f"/cases/{crew.case_in('resolved')['id']}/reopen")["status"] == \
        "dispatched"


@pytest.mark.parametrize("command, status", sorted(ALLOWED_MOVES),
                         ids=[f"{c}-{s}" for c, s in sorted(ALLOWED_MOVES)])
def test_allowed_move(crew: Crew, command: str, status: str) -> None:
    """Every move the lifecycle allows → 200, the expected new status, version +1."""
    case = crew.case_in(status)
    code, new = _issue(crew, command, case["id"], expected_version=case["version"])
    assert code == 200, new
    assert new["status"] == ALLOWED_MOVES[(command, status)]
    assert new["version"] == case["version"] + 1


@pytest.mark.parametrize("command, status", DISALLOWED,
                         ids=[f"{c}-{s}" for c, s in DISALLOWED])
def test_disallowed_move(crew: Crew, command: str, status: str) -> None:
    """Every move the lifecycle does not allow → 409 `conflict` (assign on a closed case →
    422 `invalid`; a unit move on a case no unit holds → 403 `forbidden`), and nothing
    changes: same case, no event."""
    case = crew.case_in(status)
    seq = crew.officer.seq()
    code, body = _issue(crew, command, case["id"])
    if command == "assign" and status == "closed":
        assert_error(code, body, 422)
    elif command in UNIT_COMMANDS and case["unit_id"] is None:
        assert_error(code, body, 403)
    else:
        assert_error(code, body, 409)
    assert crew.officer.case(case["id"]) == case
    assert crew.officer.seq() == seq


@pytest.mark.parametrize("command", COMMANDS + ("urge", "whistle"))
def test_expected_version_mismatch(crew: Crew, command: str) -> None:
    """A command with a stale expected_version → 409 `conflict` whose body has `case`, the
    current case; nothing changes."""
    start = {"assign": "dispatched", "accept": "dispatched", "resolve": "accepted",
             "return": "accepted", "close": "resolved", "reopen": "resolved",
             "urge": "dispatched", "whistle": "dispatched"}[command]
    case = crew.case_in(start)
    seq = crew.officer.seq()
    stale = case["version"] - 1
    if command == "urge":
        code, body = crew.officer.post(f"/cases/{case['id']}/urge",
                                       {"expected_version": stale})
    elif command == "whistle":
        code, body = crew.sup.post(f"/cases/{case['id']}/whistle",
                                   {"unit_ids": [UNIT_A_GA], "minutes": 5,
                                    "expected_version": stale})
    else:
        code, body = _issue(crew, command, case["id"], expected_version=stale)
    assert_error(code, body, 409)
    assert body["case"] == crew.officer.case(case["id"]) == case
    assert crew.officer.seq() == seq
    code, body = _issue(crew, "assign", case["id"], expected_version=case["version"] + 5)
    assert_error(code, body, 409)
    assert body["case"] == case


def test_assign_unknown_case(crew: Crew) -> None:
    """Commands on an unknown case → 404 `not_found`."""
    assert_error(*crew.sup.post("/cases/CX-19990101-000001/assign", {"unit_id": UNIT_A_GA}),
                 404)
    assert_error(*crew.unit.post("/cases/CX-19990101-000001/accept", {}), 404)
    assert_error(*crew.intake.post("/cases/CX-19990101-000001/close", {}), 404)


def test_unit_not_holding(crew: Crew) -> None:
    """A unit acting on a case another unit holds → 403 `forbidden`, no change."""
    for status, command in (("dispatched", "accept"), ("accepted", "resolve"),
                            ("accepted", "return"), ("dispatched", "return")):
        case = crew.case_in(status)
        seq = crew.officer.seq()
        assert_error(*crew.other_unit.post(f"/cases/{case['id']}/{command}", {}), 403)
        assert crew.officer.case(case["id"]) == case
        assert crew.officer.seq() == seq


def test_reassign_same_unit_no_change(crew: Crew) -> None:
    """Assigning a case to the unit that already holds it changes nothing (same version,
    no event); reassigning to another unit → `reassign`, version +1."""
    case = crew.case_in("dispatched")
    seq = crew.officer.seq()
    same = crew.sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_GA})
    assert same["version"] == case["version"]
    assert crew.officer.seq() == seq
    moved = crew.sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_CG})
    assert (moved["version"], moved["unit_id"]) == (case["version"] + 1, UNIT_A_CG)
    assert crew.officer.events(seq)[-1]["data"]["action"] == "reassign"


def test_history(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """GET /cases/{id}/history → the case's events oldest first, in the reader post's own
    numbering (the same seq and content as that post's /events), for the town, county
    and prefecture readers."""
    case = crew.case_in("closed")
    crew.intake.report()  # an unrelated event in between must not appear
    for region in (TOWN_A1, COUNTY_A, PREF):
        api = login_as(f"officer-{region}")
        status, history = api.get(f"/cases/{case['id']}/history")
        assert status == 200
        assert [e["type"] for e in history] == ["case.created"] + ["case.updated"] * 4
        assert [e["data"]["case"]["version"] for e in history] == [1, 2, 3, 4, 5]
        seqs = [e["seq"] for e in history]
        assert seqs == sorted(seqs)
        by_seq = {e["seq"]: e for e in api.events(seqs[0] - 1)}
        assert [by_seq[s] for s in seqs] == history
