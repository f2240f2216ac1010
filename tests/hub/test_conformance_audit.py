"""Conformance: the audit log (every login and command, with its outcome; scope; paging)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.hub.conftest import (
    COUNTY_A,
    COUNTY_B,
    GRID_B1,
    PREF,
    UNIT_B_GA,
    Api,
    assert_error,
)


def _entries(sup: Api, since: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        status, body = sup.get("/audit", since=since, limit=100)
        assert status == 200, body
        out += body["entries"]
        if not body["entries"]:
            return out
        since = body["last"]


def test_audit_outcomes(hub_url: str, login_as: Callable[[str], Api]) -> None:
    """Every login (ok and failed) and every command accepted or refused appears in the
    audit log of the supervisor of the jurisdiction, with actor, role, action, target and
    outcome ok / denied / invalid / conflict; the other county's supervisor sees none of
    them; the prefecture's sees them all."""
    sup_b, sup_a, sup_p = (login_as(f"supervisor-{r}") for r in (COUNTY_B, COUNTY_A, PREF))
    marks = {name: _entries(api, 0)[-1]["id"] for name, api in
             (("b", sup_b), ("a", sup_a), ("p", sup_p))}

    fresh = Api(hub_url)
    assert fresh.login(f"officer-{COUNTY_B}", "wrong password")[0] == 401
    assert fresh.login(f"officer-{COUNTY_B}")[0] == 200
    intake = Api(hub_url)
    assert intake.login(f"intake-{COUNTY_B}")[0] == 200
    case = intake.report(GRID_B1)
    cid = case["id"]
    assert fresh.post(f"/cases/{cid}/assign", {"unit_id": UNIT_B_GA})[0] == 403
    assert sup_b.post(f"/cases/{cid}/assign", {"unit_id": "U-NOPE"})[0] == 422
    assert sup_b.post(f"/cases/{cid}/assign", {"unit_id": UNIT_B_GA})[0] == 200
    assert sup_b.post(f"/cases/{cid}/assign",
                      {"unit_id": UNIT_B_GA, "expected_version": 1})[0] == 409
    assert intake.post(f"/cases/{cid}/close", {})[0] == 409
    assert sup_b.post("/cases", {"title": 5})[0] == 422

    expected = [
        (f"officer-{COUNTY_B}", "login", f"officer-{COUNTY_B}", "denied"),
        (f"officer-{COUNTY_B}", "login", f"officer-{COUNTY_B}", "ok"),
        (f"intake-{COUNTY_B}", "login", f"intake-{COUNTY_B}", "ok"),
        (f"intake-{COUNTY_B}", "report", cid, "ok"),
        (f"officer-{COUNTY_B}", "assign", cid, "denied"),
        (f"supervisor-{COUNTY_B}", "assign", cid, "invalid"),
        (f"supervisor-{COUNTY_B}", "assign", cid, "ok"),
        (f"supervisor-{COUNTY_B}", "assign", cid, "conflict"),
        (f"intake-{COUNTY_B}", "close", cid, "conflict"),
        (f"supervisor-{COUNTY_B}", "report", None, "invalid"),
    ]
    got_b = _entries(sup_b, marks["b"])
    rows = [(e["actor"], e["action"], e["target"], e["outcome"]) for e in got_b]
    want = [(a, act, t if t is not None else rows[-1][2], o) for a, act, t, o in expected]
    assert rows == want
    roles = {e["actor"]: e["role"] for e in got_b}
    assert roles[f"supervisor-{COUNTY_B}"] == "supervisor"
    assert roles[f"intake-{COUNTY_B}"] == "intake"
    for e in got_b:
        assert e["at"].endswith("Z") and isinstance(e["addr"], str)
        assert isinstance(e["detail"], str) and isinstance(e["id"], int)
    assert [e["id"] for e in got_b] == sorted(e["id"] for e in got_b)
    assert _entries(sup_a, marks["a"]) == []
    assert [e for e in _entries(sup_p, marks["p"]) if e["id"] in {x["id"] for x in got_b}] \
        == got_b


def test_audit_paging(login_as: Callable[[str], Api]) -> None:
    """GET /audit?since=N&limit=M → at most M entries after N, oldest first, `last` the id
    of the last one (or N when empty); pages concatenate to the whole list."""
    sup = login_as(f"supervisor-{COUNTY_A}")
    intake = login_as(f"intake-{COUNTY_A}")
    _, head = sup.get("/audit", since=0, limit=1000)
    start = head["last"]
    for _ in range(5):
        intake.report()
    status, whole = sup.get("/audit", since=start, limit=1000)
    assert status == 200 and len(whole["entries"]) >= 5
    assert whole["last"] == whole["entries"][-1]["id"]
    pages, since = [], start
    while True:
        _, page = sup.get("/audit", since=since, limit=2)
        assert len(page["entries"]) <= 2
        if not page["entries"]:
            assert page["last"] == since
            break
        assert page["last"] == page["entries"][-1]["id"]
        pages += page["entries"]
        since = page["last"]
    assert pages == whole["entries"]
    assert_error(*sup.get("/audit", since=-1), 422)
