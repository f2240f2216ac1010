"""One selection owned by the user: background rebuilds never change the case the window
works on, and every command acts on (and names) the case the officer picked."""

from __future__ import annotations

import pytest

from console.supervisor.reassign_dialogs import UnitPicker
from console.supervisor.whistles import CallDialog, NoteDialog, WhistleDialog
from tests.supervisor.conftest import SUPERVISOR, CountingApi, login, report
from widgets.qt import QApplication, QDialog, QLabel, QModelIndex, Qt, QtCore


@pytest.fixture(scope="module")
def intake(hub):
    return login(hub, "intake-532300")


@pytest.fixture(scope="module")
def boss(hub):
    return login(hub, SUPERVISOR)


def click_queue_row(qtbot, console, case_id: str) -> None:
    """Click ``case_id``'s row in the queue with the mouse, as the officer would."""
    queue = console.window.panes["queue"]
    queue.flush()
    row = queue.model.rows.row_of(case_id)
    assert row is not None
    index = queue.model.index(row, 0)
    queue.view.scrollTo(index)
    pos = queue.view.visualRect(index).center()
    qtbot.mouseClick(queue.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def settle(qtbot, console, ms: int = 300) -> None:
    console.bridge.pump()
    qtbot.wait(ms)


def texts(dialog: QDialog) -> str:
    return "\n".join([dialog.windowTitle()] + [w.text() for w in dialog.findChildren(QLabel)])


def test_background_rebuilds_keep_the_selection(qtbot, hub, launch, intake, boss):
    """A click selects case A; then a whistle, a check-in, an urge, reassignments and new
    alerts about case B rebuild the whistle, alert, workload and dispatch panes, and Qt is
    made to move those panes' current rows itself: the selection stays A throughout."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    session, window = console.session, console.window
    state = session.state
    units = sorted(state.units)[:2]
    a = boss.assign(report(intake, "甲案 路灯不亮")["id"], units[0])
    b = boss.assign(report(intake, "乙案 井盖缺失")["id"], units[1])
    qtbot.waitUntil(lambda: a["id"] in state.cases and b["id"] in state.cases, timeout=15000)
    settle(qtbot, console)
    click_queue_row(qtbot, console, a["id"])
    assert session.selected == a["id"]
    assert window.panes["detail"].case_id == a["id"]

    w = boss.whistle(b["id"], units, 5)
    qtbot.waitUntil(lambda: w["id"] in window.panes["whistles"].whistle_ids(), timeout=15000)
    login(hub, f"unit-{units[1]}").checkin(w["id"])
    boss.urge(b["id"], "快")
    boss.assign(b["id"], units[0], expected_version=state.cases[b["id"]]["version"])
    report(intake, "丙案 新上报")  # the dispatch board and the workload rebuild
    qtbot.waitUntil(lambda: state.cases[b["id"]].get("unit_id") == units[0], timeout=15000)
    settle(qtbot, console)
    assert session.selected == a["id"]

    # Qt moving a rebuilt pane's current row by itself (as a rebuild or a focus-in does)
    # is not a gesture: nothing follows it.
    whistles = window.panes["whistles"]
    whistles.tree.setCurrentIndex(whistles.model.index(0, 0))
    alerts = window.panes["alerts"]
    alerts.book.set(b["id"], 2, 0.0)
    alerts._rebuild()
    if alerts.model.rowCount():
        alerts.view.setCurrentIndex(alerts.model.index(0, 0))
    board = window.panes["dispatch"]
    if board.shown_ids():
        board.cases.selectRow(0)
    settle(qtbot, console)
    assert session.selected == a["id"]
    assert window.panes["detail"].case_id == a["id"]
    assert window.selection_refused >= 1

    # A click in the whistle pane is a gesture: it selects the whistle's case.
    first = whistles.model.index(0, 0)
    whistles.tree.setCurrentIndex(QModelIndex())
    rect = whistles.tree.visualRect(first)
    qtbot.mouseClick(whistles.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert session.selected == b["id"]


def test_every_command_acts_on_and_names_the_selected_case(qtbot, hub, launch, intake, boss,
                                                           monkeypatch):
    """With case A picked (and a rebuild's echo about case B ignored), urge, reassign,
    whistle and video call each open a dialog that names A by ID and title and send
    their command for A."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    session = console.session
    state = session.state
    units = sorted(state.units)[:2]
    a = boss.assign(report(intake, "甲案 占道经营")["id"], units[0])
    b = boss.assign(report(intake, "乙案 噪音扰民")["id"], units[1])
    qtbot.waitUntil(lambda: a["id"] in state.cases and b["id"] in state.cases, timeout=15000)
    settle(qtbot, console)
    click_queue_row(qtbot, console, a["id"])
    assert session.selected == a["id"]
    w = boss.whistle(b["id"], units, 5)  # the whistle pane rebuilds around case B
    qtbot.waitUntil(lambda: w["id"] in console.window.panes["whistles"].whistle_ids(),
                    timeout=15000)
    settle(qtbot, console)
    assert session.selected == a["id"]

    counter = CountingApi(session.api)
    seen: dict[str, str] = {}

    def accept_note(self: NoteDialog) -> int:
        seen["urge"] = texts(self)
        return QDialog.DialogCode.Accepted

    def accept_picker(self: UnitPicker) -> int:
        seen["reassign"] = texts(self)
        self.unit_id = units[1]
        return QDialog.DialogCode.Accepted

    def accept_whistle(self: WhistleDialog) -> int:
        seen["whistle"] = texts(self)
        return QDialog.DialogCode.Rejected

    def accept_call(self: CallDialog) -> int:
        seen["call"] = texts(self)
        assert self.case_id == a["id"]
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NoteDialog, "exec", accept_note)
    monkeypatch.setattr(UnitPicker, "exec", accept_picker)
    monkeypatch.setattr(WhistleDialog, "exec", accept_whistle)
    monkeypatch.setattr(CallDialog, "exec", accept_call)
    ui = console.command_ui
    for name in ("actUrge", "actReassign", "actWhistle", "actCall"):
        ui.menu_actions[name].trigger()
        QApplication.processEvents()
    for what in ("urge", "reassign", "whistle", "call"):
        assert a["id"] in seen[what], what
        assert "甲案 占道经营" in seen[what], what
        assert b["id"] not in seen[what], what
    qtbot.waitUntil(lambda: len(counter.of("urge")) == 1 and len(counter.of("assign")) == 1,
                    timeout=15000)
    assert counter.of("urge")[0][0][0] == a["id"]
    assert counter.of("assign")[0][0][:2] == (a["id"], units[1])


def test_a_click_on_the_map_selects_the_case_under_it(qtbot, hub, launch, intake):
    """The map's click (pyqtgraph's scene signal, inside the mouse release) is a gesture."""
    console = launch(hub.url, "--user", SUPERVISOR).console
    session, window = console.session, console.window
    case = report(intake, "地图点击")
    qtbot.waitUntil(lambda: case["id"] in session.state.cases, timeout=15000)
    settle(qtbot, console)
    mapp = window.panes["map"]
    window.docks["map"].raise_()
    qtbot.waitUntil(lambda: mapp.position_of(case["id"]) is not None, timeout=15000)
    x, y = mapp.position_of(case["id"])
    vb = mapp.plot.getViewBox()
    vb.setRange(xRange=(x - 0.001, x + 0.001), yRange=(y - 0.001, y + 0.001), padding=0)
    QApplication.processEvents()
    scene_pos = vb.mapViewToScene(QtCore.QPointF(x, y))
    pos = mapp.plot.mapFromScene(scene_pos)
    under = mapp.case_at_pixel(pos)  # test cases share one address: any of them
    assert under is not None and session.selected != under
    qtbot.mouseClick(mapp.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: session.selected == under, timeout=15000)
