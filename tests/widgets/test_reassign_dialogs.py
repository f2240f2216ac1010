"""The unit picker and the conflict dialog show their rows through RowsTableModel: what the
user sees (lines, order, the filter, Up/Down, Enter) and the conflict's fields in words."""

from __future__ import annotations

from console.supervisor.reassign_dialogs import ConflictDialog, UnitPicker
from widgets.qt import Qt


def lines(view) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount()) if not view.isRowHidden(r)]


def test_the_picker_filters_moves_and_picks(qtbot, ctx, world) -> None:
    cid = next(c for c, v in ctx.state.cases.items() if v["status"] == "reported")
    suggested = world.units[3]["id"]
    picker = UnitPicker(ctx, [cid], suggested)
    qtbot.addWidget(picker)
    shown = lines(picker.list)
    assert len(shown) == len(world.units)
    assert shown[0].startswith("★ " + world.units[3]["name"]) and "(suggested)" in shown[0]
    assert picker.list.currentIndex().row() == 0
    name = world.units[5]["name"]
    picker.filter.setText(name)
    assert picker.visible_units() == [u["id"] for u in world.units
                                      if name.casefold() in u["name"].casefold()
                                      or name.casefold() in u["id"].casefold()]
    assert all(name in line for line in lines(picker.list))
    picker.filter.setText("")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Up)
    assert picker.list.currentIndex().row() == 1
    picker.accept()
    assert picker.unit_id == picker.visible_units()[1]


def test_the_conflict_dialog_lists_the_changed_fields_in_words(qtbot, ctx, world) -> None:
    cid, case = next((c, v) for c, v in ctx.state.cases.items() if v["unit_id"])
    other = next(u["id"] for u in world.units if u["id"] != case["unit_id"])
    now = dict(case, unit_id=other, version=case["version"] + 1)
    dialog = ConflictDialog(ctx, case, now, other)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    table = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert ["Unit", world.unit_names[case["unit_id"]], world.unit_names[other]] in table
    assert ["Version", str(case["version"]), str(case["version"] + 1)] in table
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Field", "You saw", "Now"]
