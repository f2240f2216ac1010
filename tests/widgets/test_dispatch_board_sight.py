"""The dispatch board (tabbed behind the unit workloads by default) does not refresh its
tables while out of sight, and shows the current picture as soon as it is shown."""

from __future__ import annotations

from console.supervisor.dispatch_board import DispatchBoardPane
from widgets.pacer import pacer
from widgets.qt import QMainWindow


def test_board_waits_out_of_sight_and_catches_up_when_shown(qtbot, ctx, world, apply) -> None:
    win = QMainWindow()
    qtbot.addWidget(win)
    board = DispatchBoardPane(ctx, refresh_ms=20)
    win.setCentralWidget(board)
    win.show()
    board.flush()
    shown = board.shown_ids()
    board.hide()  # as when another dock's tab is in front
    new = []
    for _ in range(5):
        ev = world.created()
        new.append(ev["data"]["case"]["id"])
        board.on_changes(apply(ev))
    assert set(new) <= set(board.waiting_ids())  # followed
    qtbot.wait(100)
    qtbot.waitUntil(lambda: not pacer().pending(), timeout=15000)
    assert board.shown_ids() == shown  # but not redrawn while hidden
    board.show()
    assert set(new) & set(board.shown_ids())  # redrawn at once on show
    assert board.shown_ids() == board.waiting_ids()[:len(board.shown_ids())]


def test_workload_waits_out_of_sight_and_catches_up_when_shown(qtbot, ctx, world,
                                                               apply) -> None:
    """The same Pane mechanism (``refresh_in_sight``) serves the unit workloads."""
    from widgets.workload import WorkloadPane

    win = QMainWindow()
    qtbot.addWidget(win)
    pane = WorkloadPane(ctx, refresh_ms=20)
    win.setCentralWidget(pane)
    win.show()
    before = {r.unit_id: r.open for r in pane.rows()}
    pane.hide()
    unit = next(iter(before))
    for _ in range(3):
        ev = world.created()
        cid = ev["data"]["case"]["id"]
        pane.on_changes(apply(ev))
        pane.on_changes(apply(world.dispatch(cid, unit)))
    qtbot.wait(100)
    qtbot.waitUntil(lambda: not pacer().pending(), timeout=15000)
    assert {r.unit_id: r.open for r in pane.rows()} == before  # not redrawn while hidden
    pane.show()
    assert {r.unit_id: r.open for r in pane.rows()}[unit] == before[unit] + 3
