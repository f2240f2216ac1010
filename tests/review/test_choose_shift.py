"""The shift chooser (RowsTableModel in a QTableView): one row per shift file with its
post, bounds in Shanghai time, event count and problem; the newest is preselected and the
row the officer picks is the shift opened."""

from __future__ import annotations

from pathlib import Path

from client.review import ShiftInfo
from client.timeutil import parse_time
from console.review import cli
from widgets.qt import QDialog, QTableView


def test_the_chooser_lists_the_shifts_and_opens_the_picked_one(qtbot, monkeypatch) -> None:
    morning, evening = parse_time("2026-11-22T00:00:00Z"), parse_time("2026-11-22T12:00:00Z")
    shifts = [ShiftInfo("20261122-0800", Path("a.sqlite"), "P1", "鹿城区指挥中心",
                        morning, evening, 1, 5000),
              ShiftInfo("20261122-2000", Path("b.sqlite"), "P1", "", evening, None, 1, 12,
                        error="<b>损坏</b>")]
    seen: dict[str, object] = {}

    def exec_(dlg: QDialog) -> int:
        table = dlg.findChild(QTableView, "shiftChooser")
        model = table.model()
        seen["cells"] = [[model.index(r, c).data() for c in range(model.columnCount())]
                         for r in range(model.rowCount())]
        seen["preselected"] = table.currentIndex().row()
        table.selectRow(0)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", exec_)
    assert cli.choose_shift(shifts) is shifts[0]
    assert seen["cells"] == [
        ["20261122-0800", "鹿城区指挥中心", "2026-11-22 08:00", "2026-11-22 20:00", "5000", ""],
        ["20261122-2000", "P1", "2026-11-22 20:00", "—", "12", "<b>损坏</b>"]]
    assert seen["preselected"] == 1  # the newest
