"""Case queue pane: rows follow the State precisely, sorted and filtered in plain Python."""

from __future__ import annotations

import orjson
import pytest

from client.timeutil import parse_time
from testkit.pane_context import FakeContext
from widgets.case_drag import MIME_CASE_IDS
from widgets.case_queue import (
    COL_ID,
    COL_LEFT,
    COL_PRIORITY,
    COL_TITLE,
    N_COLUMNS,
    CaseQueuePane,
)
from widgets.qt import QAbstractItemView, Qt


@pytest.fixture
def pane(qtbot, ctx: FakeContext) -> CaseQueuePane:
    p = CaseQueuePane(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 500)
    p.show()
    return p


class Recorder:
    def __init__(self, model) -> None:
        self.log: list[tuple] = []
        model.rowsInserted.connect(lambda parent, a, b: self.log.append(("ins", a, b)))
        model.rowsRemoved.connect(lambda parent, a, b: self.log.append(("rem", a, b)))
        model.dataChanged.connect(lambda a, b, roles: self.log.append(
            ("chg", a.row(), b.row(), a.column(), b.column())))
        model.modelReset.connect(lambda: self.log.append(("reset",)))
        model.layoutChanged.connect(lambda: self.log.append(("layout",)))

    def kinds(self) -> set[str]:
        return {e[0] for e in self.log}


def shown_ids(p: CaseQueuePane) -> list[str]:
    m = p.model
    return [m.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(m.rowCount())]


def keys_in_rows(p: CaseQueuePane, col: int) -> list:
    keys = p.sort_keys()[col]
    cases = p.ctx.state.cases
    out = []
    for cid in shown_ids(p):
        k = keys(cid, cases[cid])
        out.append((1, 0) if k is None else (0, k))
    return out


def test_model_passes_qt_model_tester(qtmodeltester, pane: CaseQueuePane) -> None:
    qtmodeltester.check(pane.model, force_py=True)


def test_new_case_appears_with_precise_insert(pane, world, apply) -> None:
    rec = Recorder(pane.model)
    before = pane.model.rowCount()
    ev = world.created(title="新报：井盖缺失")
    pane.on_changes(apply(ev))
    cid = ev["data"]["case"]["id"]
    assert cid in shown_ids(pane)
    assert pane.model.rowCount() == before + 1
    row = shown_ids(pane).index(cid)
    assert rec.log == [("ins", row, row)]
    assert pane.model.index(row, COL_TITLE).data() == "新报：井盖缺失"


def test_plain_batch_never_resets(pane, world, apply) -> None:
    rec = Recorder(pane.model)
    for _ in range(20):
        pane.on_changes(apply(*[world.random_event() for _ in range(25)]))
    assert "reset" not in rec.kinds() and "layout" not in rec.kinds()
    assert rec.kinds() <= {"ins", "rem", "chg"}
    assert set(shown_ids(pane)) == {c for c, v in pane.ctx.state.cases.items()
                                    if v["status"] != "closed"}


def test_reset_changeset_resets(pane, world, state) -> None:
    rec = Recorder(pane.model)
    pane.on_changes(state.load_snapshot(world.snapshot(50, seq=500)))
    assert ("reset",) in rec.log


@pytest.mark.parametrize("col", range(N_COLUMNS))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sort_by_each_column_stays_sorted(pane, world, apply, col, order) -> None:
    pane.view.sortByColumn(col, order)
    keys = keys_in_rows(pane, col)
    assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder) or \
        order == Qt.SortOrder.DescendingOrder  # desc keeps missing values last; checked below
    for _ in range(5):
        pane.on_changes(apply(*[world.random_event() for _ in range(30)]))
    keys = keys_in_rows(pane, col)
    present = [k for k in keys if k[0] == 0]
    missing = [k for k in keys if k[0] == 1]
    assert keys == present + missing  # missing values last in both directions
    assert present == sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)


def test_known_orders(pane) -> None:
    cases = pane.ctx.state.cases
    pane.view.sortByColumn(COL_PRIORITY, Qt.SortOrder.AscendingOrder)
    ranks = {"critical": 0, "urgent": 1, "normal": 2}
    prios = [ranks[cases[c]["priority"]] for c in shown_ids(pane)]
    assert prios == sorted(prios) and prios[0] == 0
    pane.view.sortByColumn(COL_LEFT, Qt.SortOrder.AscendingOrder)
    dues = [parse_time(cases[c]["due_at"]) for c in shown_ids(pane)]
    assert dues == sorted(dues)
    pane.view.sortByColumn(COL_ID, Qt.SortOrder.DescendingOrder)
    assert shown_ids(pane) == sorted(shown_ids(pane), reverse=True)


def test_presets_search_and_unit_filter(pane, world, apply, state) -> None:
    cases = state.cases
    pane.set_preset("critical")
    assert shown_ids(pane) and all(cases[c]["priority"] == "critical" for c in shown_ids(pane))
    pane.set_preset("unassigned")
    assert shown_ids(pane) and all(cases[c]["status"] in ("reported", "returned")
                                   for c in shown_ids(pane))
    pane.set_preset("overdue")
    assert set(shown_ids(pane)) == set(state.overdue_ids())
    pane.set_preset("all")
    assert len(shown_ids(pane)) == len(cases)
    pane.set_preset("open")
    unit = world.units[3]["id"]
    pane.filter_unit(unit)
    assert pane.unit_chip.isVisible()
    assert set(shown_ids(pane)) == {c for c, v in cases.items()
                                    if v["unit_id"] == unit and v["status"] != "closed"}
    # a dispatch to that unit appears; a reassignment away disappears
    new = world.created()
    pane.on_changes(apply(new))
    cid = new["data"]["case"]["id"]
    assert cid not in shown_ids(pane)
    pane.on_changes(apply(world.dispatch(cid, unit)))
    assert cid in shown_ids(pane)
    pane.on_changes(apply(world.updated(cid, "reassign", unit_id=world.units[4]["id"])))
    assert cid not in shown_ids(pane)
    pane.filter_unit(None)
    assert not pane.unit_chip.isVisible()
    pane.set_search("井盖")
    ctx = pane.ctx

    def hay(c: dict) -> str:
        return " ".join((c["title"], c["address"], ctx.category_name(c["category"], c["subcategory"]),
                         ctx.region_name(c["region_id"]), ctx.unit_name(c["unit_id"])))

    assert shown_ids(pane) and all("井盖" in hay(cases[c]) for c in shown_ids(pane))
    assert len(shown_ids(pane)) == sum(1 for c in cases.values()
                                       if c["status"] != "closed" and "井盖" in hay(c))
    pane.set_search(cid.lower())
    assert shown_ids(pane) == [cid]
    pane.set_search("")


def test_overdue_filter_follows_the_clock_without_events(pane, state, clock, world, apply) -> None:
    pane.set_preset("overdue")
    ev = world.created(priority="critical")
    pane.on_changes(apply(ev))
    cid = ev["data"]["case"]["id"]
    assert cid not in shown_ids(pane)
    clock.now = parse_time(ev["data"]["case"]["due_at"]) + 1
    cs = state.tick()
    assert cid in cs.alerts_changed
    rec = Recorder(pane.model)
    pane.on_changes(cs)
    assert cid in shown_ids(pane)
    assert "reset" not in rec.kinds()


def test_countdown_refresh_touches_only_visible_time_columns(pane, clock) -> None:
    rec = Recorder(pane.model)
    pane.on_tick(clock.now + 61)
    assert len(rec.log) == 1
    kind, top, bottom, c0, c1 = rec.log[0]
    assert kind == "chg" and top == 0 and bottom < pane.model.rowCount() - 1
    assert (c0, c1) == (6, COL_LEFT)


def test_overdue_countdown_text(pane, world, apply, clock, state) -> None:
    ev = world.created()
    case = ev["data"]["case"]
    pane.on_changes(apply(ev))
    clock.now = parse_time(case["due_at"]) + 3900  # 1h05m late
    pane.on_changes(state.tick())
    pane.on_tick(clock.now)
    row = shown_ids(pane).index(case["id"])
    text = pane.model.index(row, COL_LEFT).data()
    assert text.endswith("-1h05m") and "⚠" in text


def test_multi_selection_drag_mime(pane) -> None:
    assert pane.view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    pane.view.selectRow(0)
    pane.view.selectionModel().select(
        pane.model.index(2, 0),
        pane.view.selectionModel().SelectionFlag.Select | pane.view.selectionModel().SelectionFlag.Rows)
    ids = pane.selected_ids()
    assert len(ids) == 2
    idx = pane.view.selectionModel().selectedIndexes()
    mime = pane.model.mimeData(idx)
    items = orjson.loads(bytes(mime.data(MIME_CASE_IDS)))
    cases = pane.ctx.state.cases
    assert items == [{"id": c, "version": cases[c]["version"]} for c in ids]
    assert pane.model.flags(idx[0]) & Qt.ItemFlag.ItemIsDragEnabled


def test_read_only_has_no_drag(qtbot, state, world) -> None:
    p = CaseQueuePane(FakeContext(state, world, role="wall", read_only=True))
    qtbot.addWidget(p)
    assert not p.model.flags(p.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not p.view.dragEnabled()


def test_selection_is_shared_both_ways(qtbot, pane) -> None:
    second = shown_ids(pane)[1]
    with qtbot.waitSignal(pane.sig_case_selected, timeout=15000) as blocker:
        pane.view.selectRow(1)
    assert blocker.args == [second]
    third = shown_ids(pane)[2]
    with qtbot.assertNotEmitted(pane.sig_case_selected):
        pane.on_selection(third)
    assert pane.selected_ids() == [third]
    # the selection survives a re-sort
    pane.view.sortByColumn(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert pane.selected_ids() == [third]


def test_grab_during_the_repaint_throttle_shows_the_table(qtbot, ctx, world, apply) -> None:
    """A busy feed holds repaints back for up to a second; a grab() (screenshots) in that
    second still shows the rows, not a blank table."""
    pane = CaseQueuePane(ctx)
    qtbot.addWidget(pane)
    pane.resize(900, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.on_changes(apply(world.created()))
    assert not pane.view.updatesEnabled()  # throttled
    image = pane.grab().toImage()
    assert pane.view.updatesEnabled()
    top = pane.view.mapTo(pane, pane.view.viewport().geometry().topLeft())
    y = top.y() + pane.view.rowViewportPosition(0) + pane.view.rowHeight(0) // 2
    colours = {image.pixel(x, y) for x in range(top.x(), top.x() + 400)}
    assert len(colours) > 3  # text drawn on the row, not one flat colour


def test_count_label_is_shown_with_the_throttled_repaint(pane, world, apply, state,
                                                         qtbot) -> None:
    """Under a busy feed the "n of m cases" label changes with the table's repaint (at
    most once a second), then equal to the rows shown and the State's cases."""
    before = pane.count_label.text()
    for _ in range(5):
        pane.on_changes(apply(world.created()))
    assert pane.count_label.text() == before  # held back with the table's painting
    qtbot.waitUntil(lambda: pane.count_label.text() != before, timeout=15000)
    n, total = pane.model.rowCount(), len(state.cases)
    assert pane.count_label.text() == pane.tr("%1 of %2 cases").replace(
        "%1", f"{n:,}").replace("%2", f"{total:,}")
