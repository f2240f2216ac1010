"""Conformance: which role may issue which command and read what."""

from __future__ import annotations

from typing import Any

import pytest

from tests.hub.conftest import (
    GRID_A1,
    UNIT_A_GA,
    Crew,
    assert_error,
    report_body,
)

ROLES = ("officer", "supervisor", "wall", "intake", "unit")

# command → (roles allowed by the protocol)
ALLOWED = {
    "report": {"intake", "supervisor"},
    "assign": {"supervisor"},
    "urge": {"officer", "supervisor"},
    "accept": {"unit"},
    "resolve": {"unit"},
    "return": {"unit"},
    "close": {"intake", "supervisor"},
    "reopen": {"intake", "supervisor"},
    "whistle": {"supervisor"},
    "checkin": {"unit"},
    "call.start": {"officer", "supervisor"},
    "call.end": {"officer", "supervisor"},
}

FORBIDDEN = [(cmd, role) for cmd, allowed in ALLOWED.items()
             for role in ROLES if role not in allowed]


@pytest.fixture(scope="module")
def targets(crew: Crew) -> dict[str, Any]:
    """A resolved case held by UNIT_A_GA, a dispatched one, an open whistle summoning
    UNIT_A_GA and an active call, all in county A."""
    resolved = crew.case_in("resolved")
    dispatched = crew.case_in("dispatched")
    whistle = crew.sup.ok(f"/cases/{dispatched['id']}/whistle",
                          {"unit_ids": [UNIT_A_GA], "minutes": 30, "note": "到场"}, 201)
    call = crew.officer.ok("/calls", {"title": "会商", "case_id": dispatched["id"],
                                      "unit_ids": [UNIT_A_GA]}, 201)
    return {"resolved": resolved, "dispatched": dispatched, "whistle": whistle, "call": call}


def _request(cmd: str, t: dict[str, Any]) -> tuple[str, dict[str, Any], str | None]:
    """(path, a body valid for the command, the case id it touches)."""
    res, dis = t["resolved"]["id"], t["dispatched"]["id"]
    acc = t["accepted"]["id"] if "accepted" in t else dis
    return {
        "report": ("/cases", report_body(GRID_A1), None),
        "assign": (f"/cases/{dis}/assign", {"unit_id": UNIT_A_GA}, dis),
        "urge": (f"/cases/{dis}/urge", {"note": "抓紧"}, dis),
        "accept": (f"/cases/{dis}/accept", {}, dis),
        "resolve": (f"/cases/{acc}/resolve", {}, acc),
        "return": (f"/cases/{dis}/return", {}, dis),
        "close": (f"/cases/{res}/close", {}, res),
        "reopen": (f"/cases/{res}/reopen", {}, res),
        "whistle": (f"/cases/{dis}/whistle", {"unit_ids": [UNIT_A_GA], "minutes": 5}, dis),
        "checkin": (f"/whistles/{t['whistle']['id']}/checkin", {}, None),
        "call.start": ("/calls", {"title": "会商", "case_id": dis}, None),
        "call.end": (f"/calls/{t['call']['id']}/end", {}, None),
    }[cmd]


@pytest.mark.parametrize("cmd, role", FORBIDDEN, ids=[f"{c}-{r}" for c, r in FORBIDDEN])
def test_forbidden_role(crew: Crew, targets: dict[str, Any], cmd: str, role: str) -> None:
    """A role the protocol does not allow for the command → 403 `forbidden`, and nothing
    changes: the case keeps its version and no event is added to the post's feed."""
    api = crew.by_role(role)
    path, body, case_id = _request(cmd, targets)
    seq_before = crew.sup.seq()
    version_before = crew.sup.case(case_id)["version"] if case_id else None
    assert_error(*api.post(path, body), 403)
    assert crew.sup.seq() == seq_before
    if case_id:
        assert crew.sup.case(case_id)["version"] == version_before
    _, snap = crew.sup.get("/snapshot")
    whistle = next(w for w in snap["whistles"] if w["id"] == targets["whistle"]["id"])
    assert whistle["checked_in"] == {}
    assert any(c["id"] == targets["call"]["id"] for c in snap["calls"])


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads(crew: Crew, targets: dict[str, Any], role: str) -> None:
    """Every role may read categories, snapshot, events, a case and its history (200)."""
    api = crew.by_role(role)
    cid = targets["dispatched"]["id"]
    for path in ("/categories", "/snapshot", "/events", f"/cases/{cid}",
                 f"/cases/{cid}/history"):
        status, body = api.get(path)
        assert status == 200, (path, body)


@pytest.mark.parametrize("role", ROLES)
def test_only_supervisor_reads_audit(crew: Crew, role: str) -> None:
    """GET /audit → 200 for a supervisor, 403 `forbidden` for every other role."""
    status, body = crew.by_role(role).get("/audit")
    if role == "supervisor":
        assert status == 200, body
        assert isinstance(body["entries"], list) and isinstance(body["last"], int)
    else:
        assert_error(status, body, 403)


@pytest.mark.parametrize("cmd", sorted(ALLOWED))
def test_allowed_role_accepted(crew: Crew, cmd: str) -> None:
    """Each command is accepted (2xx) for a role the protocol allows, on a case in the
    right state (a fresh set of targets per command)."""
    t = {"resolved": crew.case_in("resolved"), "dispatched": crew.case_in("dispatched"),
         "accepted": crew.case_in("accepted")}
    t["whistle"] = crew.sup.ok(f"/cases/{t['dispatched']['id']}/whistle",
                               {"unit_ids": [UNIT_A_GA], "minutes": 30}, 201)
    t["call"] = crew.officer.ok("/calls", {"title": "会商"}, 201)
    path, body, _ = _request(cmd, t)
    role = sorted(ALLOWED[cmd])[0]
    status, resp = crew.by_role(role).post(path, body)
    assert 200 <= status < 300, (cmd, role, status, resp)
