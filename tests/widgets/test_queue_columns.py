"""The queue's columns: default order and hidden ones; chosen and reordered, then saved."""

from __future__ import annotations

from pathlib import Path

from widgets.qt import QSettings, QtGui, QtWidgets
from widgets.queue_columns import ColumnChooser


def table(qtbot) -> QtWidgets.QTableView:
    model = QtGui.QStandardItemModel(3, 5)
    view = QtWidgets.QTableView()
    view.setModel(model)
    view._model = model  # keep it alive
    qtbot.addWidget(view)
    return view


def titles() -> list[str]:
    return ["A", "B", "C", "D", "E"]


def test_choice_and_order_are_saved_and_restored(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    view = table(qtbot)
    chooser = ColumnChooser(view.horizontalHeader(), titles, (4, 0, 1, 2, 3), (3,), "u1",
                            settings)
    assert chooser.shown() == [4, 0, 1, 2]
    assert [a.text() for a in chooser.actions] == titles()
    chooser.actions[3].setChecked(True)   # show D
    chooser.actions[0].setChecked(False)  # hide A
    h = view.horizontalHeader()
    h.moveSection(h.visualIndex(2), 0)    # C first
    chooser.save()
    assert chooser.shown() == [2, 4, 1, 3]

    again = table(qtbot)
    restored = ColumnChooser(again.horizontalHeader(), titles, (4, 0, 1, 2, 3), (3,), "u1",
                             settings)
    assert restored.shown() == [2, 4, 1, 3]
    other = ColumnChooser(table(qtbot).horizontalHeader(), titles, (4, 0, 1, 2, 3), (3,),
                          "someone-else", settings)
    assert other.shown() == [4, 0, 1, 2]


def test_last_shown_column_cannot_be_hidden(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    chooser = ColumnChooser(table(qtbot).horizontalHeader(), titles, (0, 1, 2, 3, 4),
                            (1, 2, 3, 4), "u", settings)
    chooser.actions[0].setChecked(False)
    assert chooser.shown() == [0] and chooser.actions[0].isChecked()
