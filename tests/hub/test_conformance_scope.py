"""Conformance: jurisdiction scope and per-post sequence numbers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.hub.conftest import (
    COUNTY_A,
    COUNTY_B,
    GRID_A1,
    GRID_A2,
    GRID_B1,
    JURISDICTION,
    PREF,
    STATION_A1,
    STATION_A2,
    TOWN_A1,
    TOWN_A2,
    UNIT_A_GA,
    UNIT_B_GA,
    Api,
    Crew,
    assert_contiguous,
    assert_error,
    open_feed,
    recv_until,
    report_body,
    units_in_subtree,
)


def _case_events(events: list[dict[str, Any]], case_id: str) -> list[dict[str, Any]]:
    out = []
    for e in events:
        d = e["data"]
        cid = (d.get("case") or {}).get("id") or d.get("case_id") \
            or (d.get("call") or {}).get("case_id") or (d.get("whistle") or {}).get("case_id")
        if cid == case_id:
            out.append(e)
    return out


@pytest.fixture(scope="module")
def town_case(crew: Crew) -> dict[str, Any]:
    """A case in town A1 (grid GRID_A1), dispatched, accepted and urged: 4 events."""
    case = crew.case_in("accepted", GRID_A1)
    crew.officer.ok(f"/cases/{case['id']}/urge", {"note": "抓紧"})
    return crew.sup.case(case["id"])


def test_other_town_never_sees(login_as: Callable[[str], Api], town_case: dict) -> None:
    """A town post never sees a case of another town: not in its snapshot, GET /cases/{id}
    and its history → 404 `not_found`, and none of its events in /events. The other
    county's post does not see it either."""
    cid = town_case["id"]
    for username in (f"officer-{TOWN_A2}", f"supervisor-{TOWN_A2}", f"officer-{COUNTY_B}"):
        api = login_as(username)
        _, snap = api.get("/snapshot")
        assert cid not in {c["id"] for c in snap["cases"]}
        assert_error(*api.get(f"/cases/{cid}"), 404)
        assert_error(*api.get(f"/cases/{cid}/history"), 404)
        assert _case_events(api.events(), cid) == []


def test_other_town_commands_404(login_as: Callable[[str], Api], town_case: dict) -> None:
    """Commands on a case outside the post's jurisdiction → 404, as if it did not exist."""
    sup = login_as(f"supervisor-{TOWN_A2}")
    assert_error(*sup.post(f"/cases/{town_case['id']}/assign", {"unit_id": STATION_A2}), 404)
    assert_error(*sup.post(f"/cases/{town_case['id']}/urge", {}), 404)
    assert_error(*login_as(f"supervisor-{COUNTY_B}").post(
        f"/cases/{town_case['id']}/close", {}), 404)


@pytest.mark.parametrize("region", [TOWN_A1, COUNTY_A, PREF])
def test_ancestor_posts_see(login_as: Callable[[str], Api], town_case: dict,
                            region: str) -> None:
    """The town's own post, the county and the prefecture see the case: snapshot, GET,
    history, and its 4 events in /events, each in the post's own numbering."""
    api = login_as(f"officer-{region}")
    cid = town_case["id"]
    _, snap = api.get("/snapshot")
    assert cid in {c["id"] for c in snap["cases"]}
    assert api.case(cid) == town_case
    events = _case_events(api.events(), cid)
    assert [e["type"] for e in events] == ["case.created", "case.updated", "case.updated",
                                           "case.urged"]
    status, history = api.get(f"/cases/{cid}/history")
    assert status == 200
    assert history == events


def test_each_post_own_numbering(login_as: Callable[[str], Api], crew: Crew) -> None:
    """One change is one event in each of the town, county and prefecture feeds, with each
    post's next seq, and none in another town's or county's feed."""
    seeing = [login_as(f"officer-{r}") for r in (TOWN_A1, COUNTY_A, PREF)]
    blind = [login_as(f"officer-{r}") for r in (TOWN_A2, COUNTY_B)]
    before = [a.seq() for a in seeing + blind]
    case = crew.intake.report(GRID_A1)
    after = [a.seq() for a in seeing + blind]
    assert after == [b + 1 for b in before[:3]] + before[3:]
    for api, b in zip(seeing, before, strict=False):
        ev = api.events(b)
        assert [(e["seq"], e["type"], e["data"]["case"]["id"]) for e in ev] == \
            [(b + 1, "case.created", case["id"])]


def test_every_post_contiguous(login_as: Callable[[str], Api], town_case: dict) -> None:
    """/events of every post of the jurisdiction numbers 1, 2, 3 … with no gap or
    duplicate, and ends at the `seq` it reports."""
    for post in JURISDICTION.posts:
        api = login_as(f"officer-{post.region_id}")
        status, body = api.get("/events", since=0, limit=10000)
        assert status == 200
        assert_contiguous(body["events"])
        assert body["seq"] == len(body["events"]), post.id


def test_feed_scope(hub_url: str, login_as: Callable[[str], Api], crew: Crew) -> None:
    """The feed of another town's post carries no frame of a case outside it, while the
    county's feed carries the case; a later marker event in the other town arrives first
    (and only) in the other town's feed."""
    other, county = login_as(f"officer-{TOWN_A2}"), login_as(f"officer-{COUNTY_A}")
    ws_other = open_feed(hub_url, other.token, other.seq())
    ws_county = open_feed(hub_url, county.token, county.seq())
    try:
        hidden = crew.case_in("dispatched", GRID_A1)
        marker = crew.intake.report(GRID_A2)
        frames = recv_until(ws_other, lambda f: f["type"] == "case.created")
        assert [f["data"]["case"]["id"] for f in frames] == [marker["id"]]
        frames = recv_until(ws_county, lambda f: f["type"] == "case.created"
                            and f["data"]["case"]["id"] == marker["id"])
        assert [f["data"]["case"]["id"] for f in frames] == [hidden["id"]] * 2 + [marker["id"]]
    finally:
        ws_other.close()
        ws_county.close()


def test_snapshot_units(login_as: Callable[[str], Api], crew: Crew) -> None:
    """A snapshot's units are the subtree's units plus any unit holding one of its cases:
    a town case dispatched to a county department brings that department into the town's
    snapshot (and a unit.updated event to the town's feed)."""
    town = login_as(f"officer-{TOWN_A1}")
    seq = town.seq()
    case = crew.intake.report(GRID_A1)
    crew.sup.ok(f"/cases/{case['id']}/assign", {"unit_id": UNIT_A_GA})
    _, snap = town.get("/snapshot")
    holders = {c["unit_id"] for c in snap["cases"] if c["unit_id"]}
    assert UNIT_A_GA in holders
    assert {u["id"] for u in snap["units"]} == units_in_subtree(TOWN_A1) | holders
    new = town.events(seq)
    assert any(e["type"] == "unit.updated" and e["data"]["unit"]["id"] == UNIT_A_GA
               for e in new)
    for region in (COUNTY_A, PREF, TOWN_A2):
        api = login_as(f"officer-{region}")
        _, snap = api.get("/snapshot")
        holders = {c["unit_id"] for c in snap["cases"] if c["unit_id"]}
        assert {u["id"] for u in snap["units"]} == units_in_subtree(region) | holders


@pytest.mark.parametrize("unit_id", [STATION_A2, UNIT_A_GA, UNIT_B_GA, "U-NOPE"])
def test_assign_outside_subtree(login_as: Callable[[str], Api], crew: Crew,
                                unit_id: str) -> None:
    """A town supervisor assigning to a unit outside its subtree (another town's station,
    its county's department, another county's) or an unknown unit → 422 `invalid`, no
    change; its own station is accepted."""
    sup = login_as(f"supervisor-{TOWN_A1}")
    case = crew.intake.report(GRID_A1)
    seq = sup.seq()
    assert_error(*sup.post(f"/cases/{case['id']}/assign", {"unit_id": unit_id}), 422)
    assert sup.seq() == seq
    assert sup.case(case["id"])["version"] == 1
    done = sup.ok(f"/cases/{case['id']}/assign", {"unit_id": STATION_A1})
    assert (done["status"], done["unit_id"], done["version"]) == ("dispatched", STATION_A1, 2)


def test_report_outside_scope(login_as: Callable[[str], Api]) -> None:
    """A county intake reporting into another county's region → 422 `invalid`."""
    api = login_as(f"intake-{COUNTY_A}")
    assert_error(*api.post("/cases", report_body(GRID_B1)), 422)
