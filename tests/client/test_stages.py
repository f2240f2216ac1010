"""Per-stage clocks (client.stages): which stage runs, the nearest, working-time countdowns."""

from __future__ import annotations

from datetime import datetime

import pytest

from client.overdue import NEAR, NEAR_FRACTION, OK, OVERDUE
from client.stages import (
    CALLBACK,
    RESOLVE,
    SIGN,
    PostCalendar,
    StagePolicy,
    has_limits,
    parse_limits,
    pending_requests,
)
from client.timeutil import format_time, zone

TZ = zone("Asia/Shanghai")
CATS = [{"name": "市政设施", "subcategories": [
    {"code": "0101", "name": "路灯损坏", "sla_hours": 40,
     "limits": {"sign_hours": 4, "resolve_hours": 40, "callback_hours": 16,
                "working_time": True}},
    {"code": "0102", "name": "井盖缺失", "sla_hours": 24,
     "limits": {"sign_hours": 1, "resolve_hours": 24, "callback_hours": 24,
                "working_time": False}},
    {"code": "0103", "name": "旧式", "sla_hours": 24},
]}]


def t(y: int, mo: int, d: int, h: int, mi: int = 0) -> float:
    return datetime(y, mo, d, h, mi, tzinfo=TZ).timestamp()


def case(status: str, **kw) -> dict:
    c = {"id": "CX-1", "version": 1, "region_id": "R1", "category": "市政设施", "subcategory": "路灯损坏", "priority": "normal",
         "status": status, "reported_at": format_time(t(2026, 11, 27, 9)),
         "due_at": format_time(t(2026, 12, 4, 12)), "sign_due": None, "callback_due": None}
    c.update(kw)
    return c


@pytest.fixture
def policy() -> StagePolicy:
    return StagePolicy.from_categories(CATS, PostCalendar())


def test_limits_parsed_by_name_and_code_and_10_hub_has_none():
    lim = parse_limits(CATS)
    assert lim[("市政设施", "路灯损坏")] is lim[("市政设施", "0101")]
    assert lim[("市政设施", "路灯损坏")].sign_hours == 4
    assert ("市政设施", "旧式") not in lim
    assert has_limits(CATS)
    assert not has_limits([{"name": "x", "subcategories": [{"code": "1", "name": "y"}]}])
    assert not has_limits("junk")


def test_running_stages_follow_the_status(policy):
    sign = format_time(t(2026, 11, 27, 17))
    c = case("dispatched", sign_due=sign)
    assert [k.stage for k in policy.clocks(c)] == [SIGN, RESOLVE]
    assert policy.nearest(c).stage == SIGN
    assert [k.stage for k in policy.clocks(case("accepted", sign_due=sign))] == [RESOLVE]
    cb = case("resolved", callback_due=format_time(t(2026, 12, 1, 12)))
    assert [k.stage for k in policy.clocks(cb)] == [CALLBACK]
    assert policy.clocks(case("closed")) == []
    # a 1.1 field missing (a 1.0 hub): only the resolve stage, as before
    assert [k.stage for k in policy.clocks(case("dispatched"))] == [RESOLVE]


def test_nearest_is_the_earliest_deadline(policy):
    c = case("dispatched", sign_due=format_time(t(2026, 12, 5, 9)))
    assert policy.nearest(c).stage == RESOLVE


def test_working_time_skips_the_weekend(policy):
    # Friday 2026-11-27 17:00 → Monday 11-30 10:00: 1 h on Friday + 1 h on Monday.
    c = case("dispatched", sign_due=format_time(t(2026, 11, 30, 10)))
    clock = policy.nearest(c)
    assert clock.working
    assert policy.remaining(clock, t(2026, 11, 27, 17)) == pytest.approx(2 * 3600)
    # overdue by working time only: Monday 14:00 is 2 h + 0.5 h past 10:00
    assert policy.remaining(clock, t(2026, 11, 30, 14)) == pytest.approx(-2.5 * 3600)


def test_working_time_skips_a_statutory_holiday_and_counts_an_adjusted_day(policy):
    # 2026-09-30 (Wed) 17:00 → 10-08 (Thu) 10:00: National Day 10-01..07 off.
    c = case("dispatched", sign_due=format_time(t(2026, 10, 8, 10)))
    assert policy.remaining(policy.nearest(c), t(2026, 9, 30, 17)) == pytest.approx(2 * 3600)
    # Saturday 2026-10-10 is an adjusted working day: 09:00→12:00 counts 3 h.
    c = case("dispatched", sign_due=format_time(t(2026, 10, 10, 12)))
    assert policy.remaining(policy.nearest(c), t(2026, 10, 10, 9)) == pytest.approx(3 * 3600)


def test_urgent_cases_and_wall_clock_subcategories_count_wall_time(policy):
    due = format_time(t(2026, 11, 30, 10))
    now = t(2026, 11, 27, 17)
    urgent = case("dispatched", sign_due=due, priority="urgent")
    assert not policy.nearest(urgent).working
    assert policy.remaining(policy.nearest(urgent), now) == pytest.approx(t(2026, 11, 30, 10) - now)
    wall = case("dispatched", sign_due=due, subcategory="井盖缺失")
    assert not policy.nearest(wall).working


def test_near_due_at_a_fifth_of_the_limit_in_working_time(policy):
    # sign limit 4 working hours → near with 48 working minutes left; due Monday 09:30
    # leaves 30 min on Monday, so near begins Friday 17:42.
    c = case("dispatched", sign_due=format_time(t(2026, 11, 30, 9, 30)))
    clock = policy.nearest(c)
    assert policy.near_at(clock) == pytest.approx(t(2026, 11, 27, 17, 42))
    assert policy.phase(clock, t(2026, 11, 27, 17, 41)) == OK
    assert policy.phase(clock, t(2026, 11, 28, 8)) == NEAR
    assert policy.phase(clock, t(2026, 11, 30, 9, 30)) == OVERDUE
    start, due = policy.sla_window(c)
    assert due == clock.due
    assert start + NEAR_FRACTION * (due - start) == pytest.approx(policy.near_at(clock))


def test_unknown_limits_fall_back_to_the_10_rule():
    policy = StagePolicy({}, PostCalendar())
    c = case("accepted")
    clock = policy.nearest(c)
    assert clock.limit_s is None and not clock.working
    rep, due = t(2026, 11, 27, 9), t(2026, 12, 4, 12)
    assert policy.near_at(clock) == pytest.approx(rep + NEAR_FRACTION * (due - rep))


def test_calendar_past_its_data_counts_wall_time_and_says_so():
    cal = PostCalendar()
    a, b = t(2031, 3, 2, 9), t(2031, 3, 2, 11)
    assert cal.working_seconds(a, b) == pytest.approx(7200)
    assert cal.uncovered == 2031


def test_pending_requests_oldest_first_closed_left_out():
    cases = [
        {"id": "B", "status": "accepted", "pending": {"kind": "return", "at": "2026-11-30T02:00:00.000Z"}},
        {"id": "A", "status": "dispatched", "pending": {"kind": "extension", "at": "2026-11-30T01:00:00.000Z"}},
        {"id": "C", "status": "closed", "pending": {"kind": "return", "at": "2026-11-29T01:00:00.000Z"}},
        {"id": "D", "status": "accepted", "pending": None},
    ]
    assert [c["id"] for c in pending_requests(cases)] == ["A", "B"]


def test_state_follows_the_nearest_stage_and_keeps_workload_to_active_cases():
    from client.state import State

    policy = StagePolicy.from_categories(CATS, PostCalendar())
    now = t(2026, 11, 30, 9)
    st = State(clock=lambda: now)
    sign_due = format_time(t(2026, 11, 30, 9, 30))  # 30 working min left of 4 h → near
    snap = {"seq": 1, "server_time": format_time(now), "post": {"id": "P"}, "regions": [],
            "units": [{"id": "U1", "name": "u"}], "calls": [], "whistles": [],
            "cases": [case("dispatched", id="S", unit_id="U1", sign_due=sign_due),
                      case("resolved", id="R", unit_id="U1",
                           callback_due=format_time(t(2026, 11, 30, 8)))]}
    st.load_snapshot(snap)
    assert st.alert_phase("S") == OK  # 1.0 rule: due_at is days away
    assert st.alert_phase("R") == OK  # 1.0 rule: a resolved case has no clock
    cs = st.set_stages(policy)
    assert cs.reset
    assert st.alert_phase("S") == NEAR
    assert st.alert_phase("R") == OVERDUE  # callback overdue
    # the resolved case is the post's to call back, not the unit's workload
    assert st.workload("U1").open == 1 and st.workload("U1").near_due == 1
    assert st.workload("U1").overdue == 0
    moved = st.tick(t(2026, 11, 30, 9, 31))
    assert "S" in moved.alerts_changed and st.alert_phase("S") == OVERDUE
    assert st.workload("U1").overdue == 1
    # the unit signs: the sign clock stops, the resolve clock (days away) is the nearest
    ev = {"seq": 2, "ts": format_time(now), "type": "case.updated",
          "data": {"action": "accept", "case": case("accepted", id="S", unit_id="U1",
                                                     sign_due=sign_due, version=2)}}
    st.apply_events([ev])
    assert st.alert_phase("S") == OK and st.workload("U1").overdue == 0
