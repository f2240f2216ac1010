"""Suggested unit, dispatch queue, conflict diff and the undo window (no Qt, no network)."""

from __future__ import annotations

from client.batch import Batch
from client.dispatch import Reassignment, changed_fields, dispatch_queue, suggest_unit
from client.state import State


def _case(cid: str, status: str, unit: str | None, region: str, category: str = "环境卫生",
          reported: str = "2026-11-22T01:00:00.000Z") -> dict:
    return {"id": cid, "version": 1, "title": "t", "description": "", "category": category,
            "subcategory": "s", "priority": "normal", "source": "app", "status": status,
            "unit_id": unit, "region_id": region, "address": "", "lat": None, "lon": None,
            "reported_at": reported, "due_at": "2026-11-23T01:00:00.000Z",
            "updated_at": reported, "closed_at": None}


def _state(cases: list[dict], units: list[dict]) -> State:
    regions = [
        {"id": "P", "name": "州", "level": "prefecture", "parent_id": None},
        {"id": "C", "name": "县", "level": "county", "parent_id": "P"},
        {"id": "T", "name": "镇", "level": "town", "parent_id": "C"},
        {"id": "G", "name": "网格", "level": "grid", "parent_id": "T"},
        {"id": "C2", "name": "另一县", "level": "county", "parent_id": "P"},
    ]
    snap = {"seq": 0, "server_time": "2026-11-22T02:00:00.000Z",
            "post": {"id": "PP", "name": "州", "region_id": "P", "level": "prefecture"},
            "regions": regions, "units": units, "cases": cases, "calls": [], "whistles": []}
    state = State(clock=lambda: 1_795_000_000.0)
    state.load_snapshot(snap)
    return state


def _unit(uid: str, region: str, categories: list[str] | None, on_duty: int = 2) -> dict:
    unit = {"id": uid, "name": uid, "kind": "department", "region_id": region,
            "on_duty": on_duty, "phone": None}
    if categories is not None:
        unit["categories"] = categories
    return unit


def test_suggests_nearest_unit_handling_the_category() -> None:
    """A town station handling the category beats the county department; others are skipped."""
    units = [_unit("county-cg", "C", ["环境卫生"]), _unit("town-zf", "T", ["环境卫生"]),
             _unit("town-ga", "T", ["公共安全"]), _unit("other-county", "C2", ["环境卫生"])]
    state = _state([_case("A", "reported", None, "G")], units)
    assert suggest_unit(state, state.cases["A"]) == "town-zf"


def test_suggestion_prefers_the_lower_load_at_the_same_level() -> None:
    """Between two qualifying units of one region, the one with fewer cases per person wins."""
    units = [_unit("u1", "T", ["环境卫生"], on_duty=1), _unit("u2", "T", ["环境卫生"], on_duty=4)]
    cases = [_case("busy1", "dispatched", "u2", "G"), _case("busy2", "dispatched", "u1", "G"),
             _case("new", "reported", None, "G")]
    state = _state(cases, units)
    assert suggest_unit(state, state.cases["new"]) == "u2"  # 1/4 < 1/1


def test_suggestion_without_category_lists_and_without_candidates() -> None:
    """Units without a categories list qualify by region; no enclosing unit gives None."""
    state = _state([_case("A", "reported", None, "G")], [_unit("plain", "C", None)])
    assert suggest_unit(state, state.cases["A"]) == "plain"
    state = _state([_case("A", "reported", None, "G")], [_unit("far", "C2", None)])
    assert suggest_unit(state, state.cases["A"]) is None


def test_dispatch_queue_is_unassigned_oldest_first() -> None:
    """Reported and returned cases, ordered by reported_at."""
    cases = [_case("new", "reported", None, "G", reported="2026-11-22T03:00:00.000Z"),
             _case("old", "returned", None, "G", reported="2026-11-22T01:00:00.000Z"),
             _case("held", "dispatched", "u", "G")]
    state = _state(cases, [_unit("u", "T", None)])
    assert dispatch_queue(state) == ["old", "new"]
    moved = {**cases[1], "version": 2, "status": "dispatched", "unit_id": "u"}
    state.apply_batch(Batch(snapshot=None, seq=1, events=[{
        "seq": 1, "ts": "2026-11-22T04:00:00.000Z", "type": "case.updated",
        "data": {"case": moved, "action": "dispatch", "actor": "x", "note": ""}}]))
    assert dispatch_queue(state) == ["new"]


def test_changed_fields_lists_what_the_other_post_changed() -> None:
    """The conflict dialog shows each differing field, seen beside current."""
    seen = _case("A", "dispatched", "u1", "G")
    current = {**seen, "version": 3, "unit_id": "u2", "status": "accepted",
               "updated_at": "later"}
    diff = changed_fields(seen, current)
    assert ("unit_id", "u1", "u2") in diff and ("status", "dispatched", "accepted") in diff
    assert ("version", 1, 3) in diff
    assert all(field != "updated_at" for field, _, _ in diff)


def test_undo_window() -> None:
    """A reassignment can be undone for 10 s, and never when the case was unassigned."""
    r = Reassignment("A", "u1", "u2", version=5, at=100.0)
    assert r.undoable(105.0) and r.undoable(110.0) and not r.undoable(110.5)
    assert not Reassignment("A", None, "u2", version=2, at=100.0).undoable(101.0)
