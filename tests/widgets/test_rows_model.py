"""The one forwarding table model: a view over Rows keeps its selection and current row
through inserts, removes and moves; only changed rows are repainted; headers follow tr()."""

from __future__ import annotations

from rows import Rows
from widgets.alerts import AlertsPane
from widgets.qt import QItemSelectionModel, QSettings, QTableView
from widgets.rows_model import RIGHT, Column, RowsTableModel


def _table(qtbot, items: list[tuple[str, int]]) -> tuple[Rows, RowsTableModel, QTableView]:
    title = {"text": "Name"}
    rows: Rows[tuple[str, int]] = Rows(items, key=lambda r: r[0])
    model = RowsTableModel(rows, [
        Column(lambda: title["text"], lambda r: r[0]),
        Column(lambda: "n", lambda r: str(r[1]), align=RIGHT, tooltip=lambda r: f"n={r[1]}"),
    ], user=lambda r: r[0])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.title = title  # type: ignore[attr-defined]
    return rows, model, view


def _current_key(view: QTableView) -> str | None:
    cur = view.currentIndex()
    return cur.siblingAtColumn(0).data() if cur.isValid() else None


def test_selection_and_current_row_survive_inserts_removes_and_moves(qtbot) -> None:
    rows, model, view = _table(qtbot, [("a", 0), ("b", 0), ("c", 0), ("d", 0)])
    sel = view.selectionModel()
    sel.setCurrentIndex(model.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    currents: list[int] = []
    sel.currentRowChanged.connect(lambda cur, prev: currents.append(cur.row()))
    rows.sync([("x", 0), ("y", 0), ("a", 0), ("c", 1), ("b", 0)])  # insert, remove d, move c
    assert _current_key(view) == "c" and view.currentIndex().row() == 3
    assert [i.row() for i in sel.selectedRows()] == [3]
    rows.insert(0, [("z", 0)])
    rows.remove(1)
    assert _current_key(view) == "c"
    assert not resets
    assert model.index(3, 1).data() == "1"  # the changed value is shown


def test_only_changed_rows_are_announced_and_columns_come_from_specs(qtbot) -> None:
    rows, model, view = _table(qtbot, [("a", 0), ("b", 0), ("c", 0), ("d", 0)])
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda tl, br, roles=(): changed.append(
        (tl.row(), br.row(), tl.column(), br.column())))
    rows.sync([("a", 0), ("b", 5), ("c", 6), ("d", 0)])
    assert changed == [(1, 2, 0, 1)]
    model.column_changed(1)
    assert changed[-1] == (0, 3, 1, 1)
    assert model.index(1, 1).data(0x0003) == "n=5"  # tooltip role
    assert model.index(1, 1).data(0x0007) == int(RIGHT)  # alignment role
    assert model.index(1, 0).data(0x0100) == "b"  # user role
    model.title["text"] = "名称"  # type: ignore[attr-defined]
    model.retranslate()
    assert model.headerData(0, view.horizontalHeader().orientation()) == "名称"


def test_alerts_keep_the_officers_row_when_new_alerts_arrive(qtbot, ctx, world, apply,
                                                             tmp_path) -> None:
    """A new alert listed above the current one moves that row down; the current case stays
    and no case selection is emitted (only a user gesture changes the shared case)."""
    settings = QSettings(str(tmp_path / "alerts.ini"), QSettings.Format.IniFormat)
    p = AlertsPane(ctx, settings=settings, refresh_ms=0, beeper=lambda level: None)
    qtbot.addWidget(p)
    p.on_changes(apply(world.created(priority="critical")))
    row = len(p.entries()) - 1  # an overdue or near-due case below the ringing alarm
    assert row > 0
    cid = p.entries()[row][0]
    p.view.setCurrentIndex(p.model.index(row, 0))
    picked: list[str] = []
    p.sig_case_selected.connect(picked.append)
    resets: list[bool] = []
    p.model.modelReset.connect(lambda: resets.append(True))
    for _ in range(3):
        p.on_changes(apply(world.created(priority="critical")))
    assert [e[0] for e in p.entries()].index(cid) > row  # new alarms listed above it
    cur = p.view.currentIndex()
    assert cur.isValid() and p.entries()[cur.row()][0] == cid
    assert picked == [] and resets == []
