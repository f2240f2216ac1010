"""The whistles panel (rows.Rows + RowsTreeModel in a QTreeView): a check-in changes only
its whistle's line and unit line, a new whistle is one inserted row, and the officer's
current row and collapsed whistles stay as the officer left them."""

from __future__ import annotations

from client.timeutil import format_time
from console.supervisor.whistles import WhistlesPane
from widgets.qt import QModelIndex


def whistle(world, wid: str, case_id: str, minutes: int, **over: object) -> dict:
    return {"id": wid, "case_id": case_id, "unit_ids": [u["id"] for u in world.units[:3]],
            "checked_in": {}, "deadline": format_time(world.now + 60 * minutes),
            "note": "联合处置", "actor": "sup-1", "created_at": format_time(world.now)} | over


def started(world, w: dict) -> dict:
    return world._event("whistle.started", {"whistle": w})


def test_a_check_in_changes_its_lines_and_the_tree_stays_as_left(qtbot, ctx, world,
                                                                 apply) -> None:
    cases = list(ctx.state.cases)
    apply(*(started(world, whistle(world, f"W-{n}", cases[n], 10 * n)) for n in (1, 2, 3, 4)))
    pane = WhistlesPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    model, tree = pane.model, pane.tree
    assert pane.whistle_ids() == ["W-1", "W-2", "W-3", "W-4"]  # by deadline
    assert "0/3 checked in" in pane.summary("W-2")
    w2 = model.index(1, 0)
    tree.setCurrentIndex(model.index(1, 0, w2))  # W-2's second unit
    tree.setExpanded(model.index(0, 0), False)  # the officer folds W-1 away
    chosen: list[str] = []
    pane.sig_case_selected.connect(chosen.append)
    seen: list[tuple] = []
    model.rowsInserted.connect(lambda p, a, b: seen.append(("inserted", p.isValid(), a, b)))
    model.rowsRemoved.connect(lambda p, a, b: seen.append(("removed", p.isValid(), a, b)))
    model.modelReset.connect(lambda: seen.append(("reset",)))
    model.dataChanged.connect(lambda tl, br, _r=None: seen.append(
        ("changed", tl.parent().isValid(), tl.row(), br.row())))

    unit = world.units[1]["id"]
    pane.on_changes(apply(world._event("whistle.updated", {"whistle": whistle(
        world, "W-2", cases[2], 20, checked_in={unit: format_time(world.now)})})))
    assert "1/3 checked in" in pane.summary("W-2")
    assert pane.unit_lines("W-2")[1].startswith(world.units[1]["name"])
    assert "✓" in pane.unit_lines("W-2")[1]
    assert ("reset",) not in seen
    assert {s for s in seen if s[0] == "changed" and not s[1]} == {("changed", False, 1, 1)}
    current = tree.currentIndex()
    assert (current.row(), current.parent().row()) == (1, 1)  # still W-2's second unit
    assert not tree.isExpanded(model.index(0, 0)) and tree.isExpanded(model.index(1, 0))

    seen.clear()
    pane.on_changes(apply(started(world, whistle(world, "W-0", cases[0], 5))))
    assert pane.whistle_ids() == ["W-0", "W-1", "W-2", "W-3", "W-4"]
    assert seen[0] == ("inserted", False, 0, 0) and ("reset",) not in seen
    current = tree.currentIndex()
    assert current.parent().data() == pane.summary("W-2").split("  ")[0]
    assert current.row() == 1 and tree.isExpanded(model.index(0, 0))  # the new one: open
    assert not tree.isExpanded(model.index(1, 0))  # W-1: still folded
    assert chosen == []  # no update chose a case for the officer
    assert model.parent(QModelIndex()) == QModelIndex()
