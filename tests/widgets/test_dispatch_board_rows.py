"""The dispatch board's tables update row by row (rows.Rows + RowsTableModel): a feed batch
inserts, removes or changes only the rows it touches, and the officer's selection and
current case stay where the officer put them."""

from __future__ import annotations

from console.supervisor.dispatch_board import C_TITLE, DispatchBoardPane
from widgets.qt import QItemSelectionModel


def record(model) -> list[tuple]:
    """The model's announcements, in order (row numbers as Qt got them)."""
    seen: list[tuple] = []
    model.rowsInserted.connect(lambda _p, a, b: seen.append(("inserted", a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: seen.append(("removed", a, b)))
    model.rowsMoved.connect(lambda *a: seen.append(("moved",)))
    model.modelReset.connect(lambda: seen.append(("reset",)))
    model.dataChanged.connect(lambda tl, br, _r=None: seen.append(("changed", tl.row(), br.row())))
    return seen


def select(board: DispatchBoardPane, rows: list[int], current: int) -> None:
    sel = board.cases.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows:
        sel.select(board.case_model.index(r, 0), flags)
    sel.setCurrentIndex(board.case_model.index(current, 0),
                        QItemSelectionModel.SelectionFlag.NoUpdate)


def test_a_batch_changes_only_its_rows_and_the_selection_stays(qtbot, ctx, world, apply) -> None:
    board = DispatchBoardPane(ctx, refresh_ms=0)
    qtbot.addWidget(board)
    shown = board.shown_ids()
    assert len(shown) >= 6
    select(board, [1, 3], current=3)
    picked = [shown[1], shown[3]]
    assert board.selected_ids() == picked
    chosen: list[str] = []
    board.sig_case_selected.connect(chosen.append)
    seen = record(board.case_model)

    # a new case (the newest: listed last) and a new title for the current case
    new = world.created()
    board.on_changes(apply(new, world.updated(shown[3], "edit", title="井盖缺失（更正）")))
    n = len(shown) + 1
    assert board.shown_ids() == shown + [new["data"]["case"]["id"]]
    assert seen == [("inserted", n - 1, n - 1), ("changed", 3, 3)]  # nothing else redrawn
    assert board.case_model.index(3, C_TITLE).data() == "井盖缺失（更正）"
    assert board.selected_ids() == picked
    assert board.cases.currentIndex().row() == 3
    assert chosen == []  # an update never chooses a case for the officer


def test_a_dispatched_case_leaves_alone_and_the_others_stay_selected(qtbot, ctx, world,
                                                                     apply) -> None:
    board = DispatchBoardPane(ctx, refresh_ms=0)
    qtbot.addWidget(board)
    shown = board.shown_ids()
    select(board, [0, 2, 4], current=2)
    chosen: list[str] = []
    board.sig_case_selected.connect(chosen.append)
    seen = record(board.case_model)

    board.on_changes(apply(world.dispatch(shown[2], world.units[0]["id"])))
    assert board.shown_ids() == shown[:2] + shown[3:]
    assert seen == [("removed", 2, 2)]
    assert board.selected_ids() == [shown[0], shown[4]]
    assert chosen == []  # Qt moved its current row off the removed one; not the officer


def test_the_units_keep_their_selection_when_their_order_changes(qtbot, ctx, world,
                                                                 apply) -> None:
    board = DispatchBoardPane(ctx, refresh_ms=0)
    qtbot.addWidget(board)
    units = board.unit_ids()
    last = units[-1]  # the lightest unit; give it the waiting cases
    board.units.selectRow(len(units) - 1)
    seen = record(board.unit_model)
    waiting = board.shown_ids()[:12]
    board.on_changes(apply(*(world.dispatch(cid, last) for cid in waiting)))
    assert board.unit_ids().index(last) < len(units) - 1  # it moved up
    assert ("reset",) not in seen and ("moved",) in seen
    rows = board.units.selectionModel().selectedRows()
    assert [board.unit_ids()[i.row()] for i in rows] == [last]
