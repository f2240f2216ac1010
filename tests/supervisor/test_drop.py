"""Drag and drop reassignment against a real hub: one request per case, conflicts, roles, undo."""

from __future__ import annotations

import pytest

from console.supervisor.reassign_dialogs import ConflictDialog
from tests.supervisor.conftest import (
    INTAKE,
    OFFICER,
    SUPERVISOR,
    CountingApi,
    drop_cases,
    login,
    report,
    workload_row_pos,
)


@pytest.fixture(scope="module")
def intake(hub):
    return login(hub, INTAKE)


@pytest.fixture(scope="module")
def boss(hub):
    """The test's own supervisor HubClient (another post acting at the same moment)."""
    return login(hub, SUPERVISOR)


def two_units(state) -> tuple[str, str]:
    units = sorted(state.units)
    return units[0], units[1]


def held_case(qtbot, console, intake, boss, unit_id: str) -> dict:
    """A new case held by ``unit_id``, once the console's State shows it."""
    case = boss.assign(report(intake)["id"], unit_id)
    state = console.session.state
    qtbot.waitUntil(lambda: (state.cases.get(case["id"]) or {}).get("version")
                    == case["version"], timeout=15000)
    return case


def test_drop_sends_one_assign_and_the_case_moves(qtbot, hub, launch, intake, boss):
    """A drop on a unit row sends exactly one assign with the case's version; the feed
    confirms it, the in-flight set empties and the case shows the new unit."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    state = console.session.state
    a, b = two_units(state)
    case = held_case(qtbot, console, intake, boss, a)
    counter = CountingApi(console.session.api)
    actions = console.session.actions
    messages: list[tuple[str, str]] = []
    console.session.sig_message.connect(lambda lvl, text: messages.append((lvl, text)))
    view = console.window.panes["workload"].view
    pos = workload_row_pos(console, b, qtbot)
    # once the hub answered, the distributor's expedite pump runs until the feed shows it
    expediting: list[bool] = []
    actions.sig_answered.connect(lambda _cid: expediting.append(console.distributor.expediting))

    with qtbot.waitSignal(actions.sig_confirmed, timeout=15000) as blocker:
        assert drop_cases(view, pos, [{"id": case["id"], "version": case["version"]}])
        assert case["id"] in actions.inflight  # "assigning…" while in flight
    assert blocker.args == [case["id"], b]
    assert expediting == [True]
    qtbot.waitUntil(lambda: not console.distributor.expediting, timeout=15000)
    sent = counter.of("assign")
    assert sent == [((case["id"], b), {"expected_version": case["version"]})]
    assert state.cases[case["id"]]["unit_id"] == b
    assert not len(actions.inflight)
    assert any("confirmed by the feed" in t for _, t in messages)


def test_drop_on_the_holding_unit_sends_nothing(qtbot, hub, launch, intake, boss):
    """Dropping a case on the unit that holds it is a no-op: no request."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    a, _ = two_units(console.session.state)
    case = held_case(qtbot, console, intake, boss, a)
    counter = CountingApi(console.session.api)
    view = console.window.panes["workload"].view
    drop_cases(view, workload_row_pos(console, a, qtbot),
               [{"id": case["id"], "version": case["version"]}])
    qtbot.wait(200)
    assert counter.calls == []
    assert not len(console.session.actions.inflight)


def test_officer_drop_is_refused_before_any_request(qtbot, hub, launch, intake, boss):
    """An officer's console refuses the drag and the drop; nothing reaches the hub."""
    console = launch(hub.url, "--user", OFFICER).console
    a, b = two_units(console.session.state)
    case = held_case(qtbot, console, intake, boss, a)
    counter = CountingApi(console.session.api)
    messages: list[tuple[str, str]] = []
    console.session.sig_message.connect(lambda lvl, text: messages.append((lvl, text)))
    view = console.window.panes["workload"].view
    accepted = drop_cases(view, workload_row_pos(console, b, qtbot),
                          [{"id": case["id"], "version": case["version"]}])
    qtbot.wait(200)
    assert not accepted
    assert counter.calls == []
    assert messages and messages[-1][0] == "error" and "supervisor" in messages[-1][1]
    assert boss.case(case["id"])["unit_id"] == a
    names = {a.objectName() for a in console.window.actions()}
    assert "actReassign" not in names and "actUndoReassign" not in names
    assert "actUrge" in names and "actCall" in names and "actWhistle" not in names


@pytest.mark.parametrize("retry", [False, True])
def test_race_loser_sees_the_conflict_dialog(qtbot, hub, launch, intake, boss, monkeypatch,
                                             retry):
    """Two consoles drop the same case at once: the loser gets a 409 and a dialog with
    the winner's change beside what it saw; it may drop it or retry on the new version."""
    winner = launch(hub.url, "--user", SUPERVISOR).console
    loser = launch(hub.url, "--user", SUPERVISOR).console
    units = sorted(winner.session.state.units)
    a, b, c = units[0], units[1], units[2]
    case = held_case(qtbot, winner, intake, boss, a)
    qtbot.waitUntil(lambda: case["id"] in loser.session.state.cases, timeout=15000)
    seen = {"id": case["id"], "version": case["version"]}  # both dragged version N

    shown: list[ConflictDialog] = []

    def fake_exec(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        return (ConflictDialog.DialogCode.Accepted if retry
                else ConflictDialog.DialogCode.Rejected)

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    with qtbot.waitSignal(winner.session.actions.sig_confirmed, timeout=15000):
        drop_cases(winner.window.panes["workload"].view,
                   workload_row_pos(winner, b, qtbot), [seen])
    counter = CountingApi(loser.session.api)
    drop_cases(loser.window.panes["workload"].view, workload_row_pos(loser, c, qtbot), [seen])
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=15000)
    rows = {key: (old, new) for key, old, new in shown[0].rows}
    assert rows["unit_id"] == (a, b)
    assert rows["version"] == (case["version"], case["version"] + 1)
    if retry:
        qtbot.waitUntil(lambda: loser.session.state.cases[case["id"]]["unit_id"] == c,
                        timeout=15000)
        assert [kw["expected_version"] for _, kw in counter.of("assign")] == [
            case["version"], case["version"] + 1]
    else:
        qtbot.wait(300)  # a retry would have gone out by now
        assert len(counter.of("assign")) == 1
        assert boss.case(case["id"])["unit_id"] == b
        # the loser's picture changes only through its own feed (the 409 does not touch it)
        qtbot.waitUntil(lambda: loser.session.state.cases[case["id"]]["unit_id"] == b,
                        timeout=15000)
        assert len(counter.of("assign")) == 1
    assert not len(loser.session.actions.inflight)


def test_undo_restores_the_previous_unit(qtbot, hub, launch, intake, boss):
    """Ctrl+Z within 10 s sends the reverse assign with the new version."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    state = console.session.state
    a, b = two_units(state)
    case = held_case(qtbot, console, intake, boss, a)
    actions = console.session.actions
    notices: list[tuple[str, bool]] = []
    actions.sig_notice.connect(lambda text, undoable: notices.append((text, undoable)))
    with qtbot.waitSignal(actions.sig_confirmed, timeout=15000):
        drop_cases(console.window.panes["workload"].view, workload_row_pos(console, b, qtbot),
                   [{"id": case["id"], "version": case["version"]}])
    assert notices and notices[-1][1] is True
    assert console.command_ui.notice.isVisible() or console.command_ui.notice.isVisibleTo(
        console.window)
    counter = CountingApi(console.session.api)
    console.command_ui.menu_actions["actUndoReassign"].trigger()
    qtbot.waitUntil(lambda: state.cases[case["id"]]["unit_id"] == a, timeout=15000)
    assert counter.of("assign") == [((case["id"], a), {"expected_version": case["version"] + 1})]
    assert not actions.can_undo()


def test_undo_window_closes_after_ten_seconds(qtbot, hub, launch, intake, boss):
    """Past the undo window nothing is sent."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    a, b = two_units(console.session.state)
    case = held_case(qtbot, console, intake, boss, a)
    actions = console.session.actions
    with qtbot.waitSignal(actions.sig_confirmed, timeout=15000):
        assert actions.reassign([case["id"]], b) == 1
    real = actions._clock
    actions._clock = lambda: real() + 11.0
    counter = CountingApi(console.session.api)
    assert actions.undo() == 0
    assert counter.calls == []


def test_declared_drop_targets_and_drag_sources_are_wired(qtbot, hub, launch, intake, boss):
    """What the panes declare is what the console installs: a drop on the dispatch
    board's unit list reassigns like one on the workload table, the alerts list drags the
    selected alerts' cases, and the alerts and calls panes carry their context commands."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    window = console.window
    ui = console.command_ui
    board, workload, alerts = (window.panes[k] for k in ("dispatch", "workload", "alerts"))
    assert [f.view for f in ui.drop_filters] == [
        t.view for p in window.panes.values() for t in p.drop_targets()]
    assert {f.view for f in ui.drop_filters} == {workload.view, board.units}
    assert [s.view for s in ui.drag_starters] == [alerts.view]
    assert [a.text() for a in alerts.view.actions()] == ["Urge the holding unit…"]
    assert [a.text() for a in window.panes["calls"].view.actions()] == [
        "End video call", "Video call…"]

    a, b = two_units(console.session.state)
    case = held_case(qtbot, console, intake, boss, a)
    window.docks["dispatch"].raise_()
    board.flush()
    qtbot.waitUntil(lambda: b in board.unit_ids(), timeout=15000)
    index = board.units.model().index(board.unit_ids().index(b), 0)
    board.units.scrollTo(index)
    pos = board.units.visualRect(index).center()
    with qtbot.waitSignal(console.session.actions.sig_confirmed, timeout=15000) as blocker:
        assert drop_cases(board.units, pos, [{"id": case["id"], "version": case["version"]}])
    assert blocker.args == [case["id"], b]


def test_an_officer_console_gets_no_dispatch_drop_target_nor_alert_drags(qtbot, hub, launch):
    console = launch(hub.url, "--user", OFFICER).console
    ui = console.command_ui
    assert {f.view for f in ui.drop_filters} == {console.window.panes["workload"].view}
    assert ui.drag_starters == []
