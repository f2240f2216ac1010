"""The case detail's history timeline (rows.Rows + RowsTableModel in a QListView): a live
reload (an urge) adds only the new events, keeps the shown lines while it loads, and the
line the officer selected stays selected."""

from __future__ import annotations

from widgets.case_detail import CaseDetailPane
from widgets.qt import QItemSelectionModel


def test_a_live_reload_adds_the_new_event_and_keeps_the_selection(qtbot, ctx, world,
                                                                   apply) -> None:
    p = CaseDetailPane(ctx)
    qtbot.addWidget(p)
    cid = next(c for c, v in ctx.state.cases.items() if v["unit_id"])
    p.on_selection(cid)
    lines = p.history_lines()
    assert len(lines) == 2
    model = p.history.model()
    p.history.selectionModel().setCurrentIndex(
        model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    seen: list[tuple] = []
    model.rowsInserted.connect(lambda _p, a, b: seen.append(("inserted", a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: seen.append(("removed", a, b)))
    model.modelReset.connect(lambda: seen.append(("reset",)))

    earlier = ctx.api.case_history(cid)
    urge = {"seq": 3, "ts": earlier[-1]["ts"], "type": "case.urged",
            "data": {"case_id": cid, "actor": "officer-1", "note": "请尽快处置"}}
    ctx.api.case_history = lambda _cid: [*earlier, urge]
    ctx.defer = True
    p.on_changes(apply(world.urged(cid)))
    assert p.history_lines() == lines  # no "Loading…" in place of the timeline meanwhile
    ctx.deferred.pop()()
    assert p.history_lines()[:2] == lines and "urged" in p.history_lines()[2]
    assert seen == [("inserted", 2, 2)]
    assert [i.row() for i in p.history.selectionModel().selectedRows()] == [1]
    assert p.history.currentIndex().row() == 1
