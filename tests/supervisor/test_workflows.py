"""Dispatch board, whistles, urge, video calls, audit tail and roles against a real hub."""

from __future__ import annotations

import pytest

from client.dispatch import suggest_unit
from tests.supervisor.conftest import INTAKE, OFFICER, SUPERVISOR, WALL, CountingApi, login, report
from widgets.qt import QMessageBox, Qt


@pytest.fixture(scope="module")
def intake(hub):
    return login(hub, INTAKE)


@pytest.fixture(scope="module")
def boss(hub):
    return login(hub, SUPERVISOR)


def test_dispatch_board_enter_accepts_the_suggestion(qtbot, hub, launch, intake):
    """A reported case is listed oldest first with a suggested unit; Enter dispatches it
    there with the case's version, and it leaves the board once the feed confirms."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    state = console.session.state
    board = console.window.panes["dispatch"]
    case = report(intake)
    qtbot.waitUntil(lambda: case["id"] in state.cases, timeout=15000)
    board.flush()
    assert case["id"] in board.shown_ids()
    assert board.shown_ids() == board.waiting_ids()[:len(board.shown_ids())]  # oldest first
    suggested = suggest_unit(state, state.cases[case["id"]])
    assert suggested is not None and board.suggestion(case["id"]) == suggested
    counter = CountingApi(console.session.api)
    board.cases.selectRow(board.shown_ids().index(case["id"]))
    board.cases.setFocus()
    qtbot.keyClick(board.cases, Qt.Key.Key_Return)
    assert case["id"] in console.session.actions.inflight
    board.flush()
    row = board.shown_ids().index(case["id"])
    assert "assigning" in board.cases.model().index(row, 2).data()
    qtbot.waitUntil(lambda: bool(counter.calls), timeout=15000)
    assert counter.of("assign") == [((case["id"], suggested), {"expected_version": 1})]
    qtbot.waitUntil(lambda: state.cases[case["id"]].get("unit_id") == suggested, timeout=15000)
    board.flush()
    assert case["id"] not in board.shown_ids()


def test_whistle_shows_check_ins_as_units_check_in(qtbot, hub, launch, intake, boss):
    """A whistle lists every summoned unit as waiting; each unit account's check-in (through
    HubClient as the unit) turns its line to ✓ via the feed, and the whistle completes."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    state = console.session.state
    units = sorted(state.units)[:2]
    case = boss.assign(report(intake)["id"], units[0])
    qtbot.waitUntil(lambda: case["id"] in state.cases, timeout=15000)
    made: list[dict] = []
    assert console.session.actions.whistle(case["id"], units, 5, "现场集合", on_ok=made.append)
    qtbot.waitUntil(lambda: bool(made) and made[0]["id"] in state.whistles, timeout=15000)
    wid = made[0]["id"]
    pane = console.window.panes["whistles"]
    qtbot.waitUntil(lambda: wid in pane.whistle_ids(), timeout=15000)
    lines = pane.unit_lines(wid)
    assert len(lines) == 2 and all("waiting" in line for line in lines)
    assert "0/2 checked in" in pane.summary(wid)
    login(hub, f"unit-{units[0]}").checkin(wid)
    qtbot.waitUntil(lambda: "1/2 checked in" in pane.summary(wid), timeout=15000)
    assert "✓ checked in" in pane.unit_lines(wid)[0] and "waiting" in pane.unit_lines(wid)[1]
    login(hub, f"unit-{units[1]}").checkin(wid)
    qtbot.waitUntil(lambda: "all 2 checked in" in pane.summary(wid), timeout=15000)


def test_whistle_flags_missed_check_ins(qtbot, hub, launch, intake, boss):
    """Past the deadline a unit that did not check in is flagged ⚠ missed."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    state = console.session.state
    units = sorted(state.units)[:2]
    case = boss.assign(report(intake)["id"], units[0])
    w = boss.whistle(case["id"], units, 1)
    pane = console.window.panes["whistles"]
    qtbot.waitUntil(lambda: w["id"] in pane.whistle_ids(), timeout=15000)
    pane.on_tick(state.now + 3600)
    assert all("missed" in line for line in pane.unit_lines(w["id"]))
    assert "2 missed" in pane.summary(w["id"])


def test_urge_counts_show_on_the_case_and_unit(qtbot, hub, launch, intake, boss):
    """An urge with a note reaches the feed as case.urged; counts per case and unit grow."""
    console = launch(hub.url, "--user", OFFICER).console
    state = console.session.state
    unit = sorted(state.units)[0]
    case = boss.assign(report(intake)["id"], unit)
    qtbot.waitUntil(lambda: case["id"] in state.cases, timeout=15000)
    before = state.urges_by_unit.get(unit, 0)
    assert console.session.actions.urge(case["id"], "请尽快处置")
    qtbot.waitUntil(lambda: state.urges_by_case.get(case["id"]) == 1, timeout=15000)
    assert state.urges_by_unit[unit] == before + 1
    board = console.window.panes["dispatch"]
    board.flush()
    row = board.unit_ids().index(unit)
    assert board.units.model().index(row, 4).data() == str(before + 1)
    history = boss.case_history(case["id"])
    assert any(e["type"] == "case.urged" and e["data"]["note"] == "请尽快处置" for e in history)


def test_video_call_start_join_end_stays_in_history(qtbot, hub, launch, intake, boss,
                                                    monkeypatch):
    """A call opened for a case appears in the calls pane; ending it (after confirming)
    removes it there, and both events stay in the case history."""
    console = launch(hub.url, "--user", OFFICER).console
    state = console.session.state
    unit = sorted(state.units)[0]
    case = boss.assign(report(intake)["id"], unit)
    qtbot.waitUntil(lambda: case["id"] in state.cases, timeout=15000)
    made: list[dict] = []
    assert console.session.actions.start_call("云视讯 现场会商", case["id"], [unit],
                                              on_ok=made.append)
    qtbot.waitUntil(lambda: bool(made) and made[0]["id"] in state.calls, timeout=15000)
    calls = console.window.panes["calls"]
    qtbot.waitUntil(lambda: any(c["id"] == made[0]["id"] for c in calls.calls()), timeout=15000)
    assert made[0]["url"].startswith("https://")
    row = [c["id"] for c in calls.calls()].index(made[0]["id"])
    calls.view.selectRow(row)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    assert console.command_ui.ask_end_call()
    qtbot.waitUntil(lambda: made[0]["id"] not in state.calls, timeout=15000)
    types = [e["type"] for e in boss.case_history(case["id"])]
    assert "call.started" in types and "call.ended" in types


def test_supervisor_sees_the_audit_tail(qtbot, hub, launch, intake):
    """The audit pane polls GET /audit and shows new entries, refusals included."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    pane = console.window.panes["audit"]
    qtbot.waitUntil(lambda: len(pane.entries()) > 0, timeout=8000)
    last = pane.last_id
    report(intake)
    pane.poll()  # (skipped while a timed poll is in flight: the next one brings it)

    def reported() -> list[dict]:
        return [e for e in pane.entries() if e.get("action") == "report" and e["id"] > last]

    qtbot.waitUntil(lambda: bool(reported()), timeout=15000)
    assert pane.last_id >= reported()[0]["id"]
    assert reported()[0] in pane.entries()[:5]  # newest at the top


def test_roles_hide_what_they_cannot_do(qtbot, hub, launch):
    """An officer has no audit pane, no reassign; a wall account nothing actionable."""
    officer = launch(hub.url, "--user", OFFICER).console
    assert "audit" not in officer.window.panes
    assert not officer.window.panes["dispatch"].dispatch_button.isVisibleTo(officer.window)
    wall = launch(hub.url, "--user", WALL).console
    # A wall account may get the video-wall console (console/wall) or the docked one in
    # read-only mode; either way nothing in it can act.
    ui = getattr(wall, "command_ui", None)
    assert ui is None or ui.menu_actions == {}
    session = getattr(wall, "session", None)
    actions = getattr(session, "actions", None)
    if actions is not None:
        assert not any(actions.can(w) for w in ("assign", "urge", "call", "whistle", "audit"))
        counter = CountingApi(session.api)
        assert actions.reassign(["x"], "y") == 0
        assert not actions.urge("x")
        assert counter.calls == []
    window = getattr(wall, "window", None)
    panes = getattr(window, "panes", {}) or {}
    assert "audit" not in panes
    if "dispatch" in panes:
        assert not panes["dispatch"].can_dispatch and not panes["dispatch"].can_urge
    if "whistles" in panes:
        assert not panes["whistles"].blow_button.isVisibleTo(window)
