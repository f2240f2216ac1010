"""The loop's dialogs over RowsTableModel: the merge candidates follow the search by case
id, so the candidate the officer picked stays picked while the search narrows; the drill
table lists the cases behind a figure and a double-click selects one."""

from __future__ import annotations

from console.loop.board import DrillDialog
from console.loop.dialogs import MergeDialog


def shown(dialog: MergeDialog) -> list[str]:
    model = dialog.table.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_narrower_search_keeps_the_picked_candidate(qtbot, ctx) -> None:
    case = next(c for c in ctx.state.cases.values() if c["status"] == "reported")
    dialog = MergeDialog(ctx, case)
    qtbot.addWidget(dialog)
    first = dialog.into  # the best candidate is preselected
    assert first is not None and shown(dialog)[0] == first
    dialog.search.setText("CX-2026")  # every case number matches: a long list
    ids = shown(dialog)
    assert len(ids) >= 3
    assert dialog.into == (first if first in ids else None)  # still picked if still listed
    picked = ids[2]
    assert dialog.pick(picked) and dialog.into == picked and dialog.ok_button.isEnabled()
    removed: list[tuple[int, int]] = []
    dialog.model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))

    dialog.search.setText(picked[:-1])  # fewer candidates, the picked one among them
    assert picked in shown(dialog) and len(shown(dialog)) < len(ids) and removed
    assert dialog.into == picked and dialog.ok_button.isEnabled()
    rows = dialog.table.selectionModel().selectedRows()
    assert [shown(dialog)[i.row()] for i in rows] == [picked]

    dialog.search.setText("没有这样的案件")
    assert shown(dialog) == [] and dialog.into is None and not dialog.ok_button.isEnabled()
    assert dialog.empty.text()


def test_the_drill_lists_the_cases_and_a_double_click_selects_one(qtbot, ctx) -> None:
    a, b = list(ctx.state.cases)[:2]
    dialog = DrillDialog(ctx, "drill", [(a, "✓"), (b, "✗"), ("CX-GONE", "✗")], True)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    table = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert [row[0] for row in table] == [a, b, "CX-GONE"]
    assert table[0][1] == ctx.state.cases[a]["title"] and table[0][3] == "✓"
    assert table[2][1:] == ["—", "—", "✗"]  # a case this console no longer holds
    picked: list[str] = []
    dialog.sig_pick = picked.append
    dialog.table.doubleClicked.emit(model.index(1, 2))
    assert picked == [b]
