"""Conformance: urge (督办), video calls and whistles (吹哨报到)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hub.timeutil import parse_rfc3339
from tests.hub.conftest import (
    COUNTY_A,
    PREF,
    TOWN_A1,
    UNIT_A_CG,
    UNIT_A_GA,
    Api,
    Crew,
    assert_error,
)


def test_urge(crew: Crew) -> None:
    """POST /cases/{id}/urge (officer) → 200; the feed carries `case.urged` {case_id,
    unit_id (the holder), actor, note}; the case's version does not change (a 1.0
    client's expected_version stays valid) while its 1.1 counts.urges goes up by one."""
    case = crew.case_in("accepted")
    seq = crew.officer.seq()
    status, _ = crew.officer.post(f"/cases/{case['id']}/urge", {"note": "请尽快处置"})
    assert status == 200
    events = crew.officer.events(seq)
    assert [e["type"] for e in events] == ["case.urged"]
    data = events[0]["data"]
    assert (data["case_id"], data["unit_id"], data["note"]) == \
        (case["id"], UNIT_A_GA, "请尽快处置")
    assert isinstance(data["actor"], str) and data["actor"]
    now = crew.officer.case(case["id"])
    assert now["version"] == case["version"]
    assert now["counts"]["urges"] == case["counts"]["urges"] + 1
    assert {**now, "counts": case["counts"]} == case
    assert crew.sup.post(f"/cases/{case['id']}/urge", {})[0] == 200


@pytest.mark.parametrize("status", ["reported", "returned", "closed"])
def test_urge_without_holder(crew: Crew, status: str) -> None:
    """Urging a case no unit holds (reported, returned) or a closed one → 409, no event."""
    case = crew.case_in(status)
    seq = crew.officer.seq()
    assert_error(*crew.officer.post(f"/cases/{case['id']}/urge", {}), 409)
    assert crew.officer.seq() == seq


def test_call_lifecycle(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """POST /calls (officer) → 201 call {id, title, url (https), case_id, unit_ids,
    started_at, ended_at null}; it is in the snapshot of every post seeing the case and
    call.started is in their feeds; POST /calls/{id}/end → 200 with ended_at set, gone from
    the snapshot, call.ended in the feed; ending again → 409 `conflict`."""
    case = crew.case_in("dispatched")
    seq = crew.officer.seq()
    status, call = crew.officer.post("/calls", {"title": "现场会商", "case_id": case["id"],
                                                 "unit_ids": [UNIT_A_GA, UNIT_A_CG]})
    assert status == 201, call
    assert call["url"].startswith("https://")
    assert (call["title"], call["case_id"], call["unit_ids"], call["ended_at"]) == \
        ("现场会商", case["id"], [UNIT_A_GA, UNIT_A_CG], None)
    parse_rfc3339(call["started_at"])
    for region in (TOWN_A1, COUNTY_A, PREF):
        _, snap = login_as(f"officer-{region}").get("/snapshot")
        assert call in snap["calls"], region
    assert [(e["type"], e["data"]["call"]) for e in crew.officer.events(seq)] == \
        [("call.started", call)]
    status, ended = crew.sup.post(f"/calls/{call['id']}/end", {})
    assert status == 200
    assert ended["ended_at"] is not None and ended["id"] == call["id"]
    _, snap = crew.officer.get("/snapshot")
    assert call["id"] not in {c["id"] for c in snap["calls"]}
    assert crew.officer.events(seq)[-1]["type"] == "call.ended"
    seq = crew.officer.seq()
    assert_error(*crew.officer.post(f"/calls/{call['id']}/end", {}), 409)
    assert_error(*crew.officer.post("/calls/CALL-nope/end", {}), 404)
    assert crew.officer.seq() == seq


def test_call_without_case_feed(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """A call with no case belongs to the post that opened it: call.started goes to that
    post's feed only (not the prefecture's, not a town's)."""
    others = [login_as(f"officer-{r}") for r in (PREF, TOWN_A1)]
    before = [a.seq() for a in others]
    seq = crew.officer.seq()
    call = crew.officer.ok("/calls", {"title": "值班会商"}, 201)
    assert call["case_id"] is None
    assert [e["type"] for e in crew.officer.events(seq)] == ["call.started"]
    assert [a.seq() for a in others] == before
    _, snap = crew.wall.get("/snapshot")
    assert call["id"] in {c["id"] for c in snap["calls"]}
    _, snap = others[1].get("/snapshot")
    assert call["id"] not in {c["id"] for c in snap["calls"]}


def test_call_without_case_not_in_ancestor_snapshot(crew: Crew,
                                                     login_as: Callable[[str], Api]) -> None:
    """A call with no case belongs to the post that opened it: the prefecture's snapshot
    does not list a county's case-less call."""
    call = crew.officer.ok("/calls", {"title": "县级值班会商"}, 201)
    _, snap = login_as(f"officer-{PREF}").get("/snapshot")
    assert call["id"] not in {c["id"] for c in snap["calls"]}


def test_whistle_and_checkin(crew: Crew, login_as: Callable[[str], Api]) -> None:
    """POST /cases/{id}/whistle (supervisor) → 201 whistle {id, case_id, unit_ids,
    checked_in {}, deadline, note, actor, created_at} and `whistle.started`; a summoned
    unit's check-in → 200 with checked_in[unit] set and `whistle.updated`; a unit not
    summoned → 403 `forbidden`, no change; once all have checked in the whistle leaves
    the snapshot."""
    case = crew.case_in("dispatched")
    seq = crew.officer.seq()
    status, wh = crew.sup.post(f"/cases/{case['id']}/whistle",
                               {"unit_ids": [UNIT_A_GA], "minutes": 30, "note": "速到现场"})
    assert status == 201, wh
    assert (wh["case_id"], wh["unit_ids"], wh["checked_in"], wh["note"]) == \
        (case["id"], [UNIT_A_GA], {}, "速到现场")
    created = parse_rfc3339(wh["created_at"])
    assert (parse_rfc3339(wh["deadline"]) - created).total_seconds() == 30 * 60
    assert isinstance(wh["actor"], str) and wh["actor"]
    events = crew.officer.events(seq)
    assert [e["type"] for e in events] == ["whistle.started"]
    assert events[0]["data"]["whistle"] == wh
    _, snap = crew.officer.get("/snapshot")
    assert wh in snap["whistles"]

    seq = crew.officer.seq()
    assert_error(*crew.other_unit.post(f"/whistles/{wh['id']}/checkin", {}), 403)
    assert crew.officer.seq() == seq
    assert_error(*crew.unit.post("/whistles/WH-nope/checkin", {}), 404)

    status, done = crew.unit.post(f"/whistles/{wh['id']}/checkin", {})
    assert status == 200, done
    assert set(done["checked_in"]) == {UNIT_A_GA}
    parse_rfc3339(done["checked_in"][UNIT_A_GA])
    events = crew.officer.events(seq)
    assert [e["type"] for e in events] == ["whistle.updated"]
    assert events[0]["data"]["whistle"]["checked_in"] == done["checked_in"]
    _, snap = crew.officer.get("/snapshot")
    assert wh["id"] not in {w["id"] for w in snap["whistles"]}
    # a repeated check-in is harmless
    assert crew.unit.post(f"/whistles/{wh['id']}/checkin", {})[0] == 200


def test_whistle_closed_case(crew: Crew) -> None:
    """A whistle on a closed case is refused (409), on an unknown one 404, summoning an
    unknown unit 422."""
    closed = crew.case_in("closed")
    assert_error(*crew.sup.post(f"/cases/{closed['id']}/whistle",
                                {"unit_ids": [UNIT_A_GA], "minutes": 5}), 409)
    assert_error(*crew.sup.post("/cases/CX-19990101-000001/whistle",
                                {"unit_ids": [UNIT_A_GA], "minutes": 5}), 404)
    case = crew.case_in("dispatched")
    assert_error(*crew.sup.post(f"/cases/{case['id']}/whistle",
                                {"unit_ids": ["U-NOPE"], "minutes": 5}), 422)
