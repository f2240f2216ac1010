"""Unit workloads: counts follow dispatches, sorted by load, activation filters the queue."""

from __future__ import annotations

import pytest

from client.timeutil import parse_time
from widgets.case_queue import CaseQueuePane
from widgets.qt import Qt
from widgets.workload import WorkloadPane


def row_of(p: WorkloadPane, uid: str):
    return next(r for r in p.rows() if r.unit_id == uid)


def test_counts_follow_dispatches_and_time(qtbot, ctx, world, apply, clock, state) -> None:
    p = WorkloadPane(ctx, refresh_ms=0)
    qtbot.addWidget(p)
    uid = world.units[5]["id"]
    before = row_of(p, uid)
    ev = world.created(priority="urgent")
    cid = ev["data"]["case"]["id"]
    apply(ev)
    p.on_changes(apply(world.dispatch(cid, uid)))
    after = row_of(p, uid)
    assert (after.open, after.urgent) == (before.open + 1, before.urgent + 1)
    assert after.load == after.open / max(after.on_duty, 1)
    loads = [r.load for r in p.rows()]
    assert loads == sorted(loads, reverse=True)
    clock.now = parse_time(world.cases[cid]["due_at"]) + 5
    p.on_changes(state.tick())
    assert row_of(p, uid).overdue >= after.overdue + 1
    p.on_changes(apply(world.updated(cid, "resolve", status="resolved")))
    assert row_of(p, uid).open == before.open


def test_chart_is_one_item_updated_in_place(qtbot, ctx, world, apply) -> None:
    p = WorkloadPane(ctx, refresh_ms=0)
    qtbot.addWidget(p)
    bars = p.bars
    p.on_changes(apply(*[world.random_event() for _ in range(50)]))
    assert p.bars is bars
    items = [i for i in p.plot.getPlotItem().items if type(i).__name__ == "BarGraphItem"]
    assert items == [bars]
    top = p.rows()[0]
    assert max(bars.opts["width"]) == top.load


def test_activation_emits_unit_and_filters_queue(qtbot, ctx) -> None:
    w = WorkloadPane(ctx, refresh_ms=0)
    q = CaseQueuePane(ctx)
    qtbot.addWidget(w)
    qtbot.addWidget(q)
    w.sig_unit_activated.connect(q.filter_unit)  # what the console wires
    uid = w.rows()[0].unit_id
    with qtbot.waitSignal(w.sig_unit_activated, timeout=15000) as b:
        w.view.activated.emit(w.model.index(0, 0))
    assert b.args == [uid]
    cases = ctx.state.cases
    ids = [q.model.rows.id_at(r) for r in range(q.model.rowCount())]
    assert ids and all(cases[c]["unit_id"] == uid for c in ids)


def test_builds_on_empty_state_then_fills(qtbot, world, clock) -> None:
    """The pane builds with no units and no cases (no bars), then shows the snapshot's
    units and follows new cases; the chart's one item is reused throughout."""
    from client.state import State
    from testkit.pane_context import FakeContext

    empty = State(clock=clock)
    ctx = FakeContext(empty, world)
    p = WorkloadPane(ctx, refresh_ms=0)
    qtbot.addWidget(p)
    p.resize(600, 500)
    p.show()
    assert p.rows() == []
    assert len(p.bars.opts["width"]) == 0
    bars = p.bars
    p.grab()  # an empty chart paints without errors

    p.on_changes(empty.load_snapshot(world.snapshot(40)))
    assert {r.unit_id for r in p.rows()} >= {u["id"] for u in world.units}
    uid = world.units[0]["id"]
    ev = world.created(priority="urgent")
    cid = ev["data"]["case"]["id"]
    empty.apply_events([ev])
    before = next(r for r in p.rows() if r.unit_id == uid)
    p.on_changes(empty.apply_events([world.dispatch(cid, uid)]))
    after = next(r for r in p.rows() if r.unit_id == uid)
    assert (after.open, after.urgent) == (before.open + 1, before.urgent + 1)
    assert p.bars is bars
    widths = list(p.bars.opts["width"])
    assert widths and max(widths) == p.rows()[0].load
    p.grab()


def test_table_and_chart_side_by_side_when_wide(qtbot, ctx) -> None:
    """A wide, low dock puts the chart beside the table (stacked, the table got one row)."""
    from widgets.qt import Qt

    p = WorkloadPane(ctx, refresh_ms=0)
    qtbot.addWidget(p)
    p.resize(900, 260)
    p.show()
    qtbot.waitUntil(lambda: p.split.orientation() == Qt.Orientation.Horizontal, timeout=15000)
    p.resize(500, 700)
    qtbot.waitUntil(lambda: p.split.orientation() == Qt.Orientation.Vertical, timeout=15000)


def test_a_short_chart_shows_fewer_bars_so_names_never_overlap(qtbot, ctx) -> None:
    """Each bar keeps 1.25 lines of the tick font for its name; the legend says how many."""
    from widgets.qt import QFontMetrics
    from widgets.workload import CHART_UNITS, LINES_PER_BAR

    p = WorkloadPane(ctx, refresh_ms=0)
    qtbot.addWidget(p)
    full = min(CHART_UNITS, len(p.rows()))
    assert full >= 6
    axis = p.plot.getAxis("left")
    line = QFontMetrics(axis.style.get("tickFont") or p.font()).height() * LINES_PER_BAR
    p.resize(1000, 700)
    p.show()
    qtbot.waitUntil(lambda: len(p.bars.opts["y"]) == full, timeout=15000)
    p.resize(420, 330)  # narrow: table above chart, the chart gets half of a low dock
    qtbot.waitUntil(lambda: len(p.bars.opts["y"]) < full, timeout=15000)
    n = len(p.bars.opts["y"])
    free = p.plot.height() - p.plot.getAxis("bottom").height()
    assert 1 <= n and n * line <= free
    assert f" {n} " in p.chart_legend.text()
    p.resize(1000, 700)
    qtbot.waitUntil(lambda: len(p.bars.opts["y"]) == full, timeout=15000)


def test_selected_unit_stays_selected_when_loads_reorder_the_rows(qtbot, ctx, world, apply,
                                                                  state) -> None:
    """Rows move as loads change (no model reset: one dataChanged); the selection follows
    the unit the officer chose, not the row number."""
    from widgets.qt import QItemSelectionModel

    p = WorkloadPane(ctx, refresh_ms=0)
    qtbot.addWidget(p)
    resets: list[int] = []
    p.model.modelReset.connect(lambda: resets.append(1))
    last = p.rows()[-1].unit_id  # the lightest unit; loading it moves it to the top
    p.view.selectionModel().setCurrentIndex(
        p.model.index(len(p.rows()) - 1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    for _ in range(40):
        ev = world.created(priority="urgent")
        apply(ev)
        p.on_changes(apply(world.dispatch(ev["data"]["case"]["id"], last)))
    assert p.rows().index(row_of(p, last)) < len(p.rows()) - 1  # it moved up
    current = p.view.currentIndex()
    assert current.isValid() and p.rows()[current.row()].unit_id == last
    assert p.view.selectionModel().isRowSelected(current.row())
    assert resets == []  # same units: rows changed in place


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize(("point_size", "sizes"), [
    (9.0, [(960, 170), (683, 150), (420, 330), (1000, 700)]),    # 1920×1080, 1366×768 docks
    (18.0, [(1920, 330), (1366, 300), (840, 660), (2000, 1400)]),  # 3840×2160: twice the type
], ids=["1080p", "4k"])
def test_the_legend_sits_below_the_chart_whole(qtbot, ctx, qapp, lang, point_size,
                                               sizes) -> None:
    """The legend under the chart never overlaps its value axis and its label, and shows
    every wrapped line, in a low dock as in a tall one, in Chinese and English, at 4K type.
    (A wrapped QLabel asks for one line: the layout laid its second over the axis label.)"""
    from console import i18n
    from widgets.qt import QFont, QFontMetrics

    installed = i18n.install(qapp, lang)
    try:
        p = WorkloadPane(ctx, refresh_ms=0)
        qtbot.addWidget(p)
        font = QFont(p.font())
        font.setPointSizeF(point_size)
        p.setFont(font)
        p.retranslate()
        p.show()
        legend, plot = p.chart_legend, p.plot
        for w, h in sizes:
            p.resize(w, h)
            qtbot.wait(30)
            assert plot.parentWidget() is legend.parentWidget()
            assert legend.geometry().top() > plot.geometry().bottom(), (lang, w, h)
            lines = QFontMetrics(legend.font()).boundingRect(
                0, 0, legend.contentsRect().width(), 100000, Qt.TextFlag.TextWordWrap,
                legend.text()).height()
            assert legend.contentsRect().height() >= lines, (lang, w, h)
            assert legend.geometry().bottom() < legend.parentWidget().height()
            assert len(p.bars.opts["y"]) >= 1
    finally:
        i18n.remove(qapp, installed)


@pytest.mark.parametrize("point_size", [9.0, 18.0], ids=["1080p", "4k"])
def test_a_dock_too_small_for_both_shows_the_table_alone(qtbot, ctx, point_size) -> None:
    """The review's right column at 1366×768 gives the pane about 350×200 px: the chart's
    least height made the pane scroll in its dock, side by side the unit names were cut to
    one character, and the chart was unreadable. The table alone fills the dock without
    scrolling; a larger dock brings the chart back."""
    from widgets.fitting import fitting
    from widgets.qt import QFont, QFontMetrics

    p = WorkloadPane(ctx, refresh_ms=0)
    font = QFont(p.font())
    font.setPointSizeF(point_size)
    p.setFont(font)
    area = fitting(p)  # as the console and the review wrap every pane in its dock
    qtbot.addWidget(area)
    scale = QFontMetrics(font).height() / 14  # the sizes below are for 9-point type
    area.resize(int(350 * scale), int(200 * scale))
    area.show()
    qtbot.waitUntil(lambda: not p.chart_box.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: p.height() <= area.viewport().height(), timeout=15000)  # no scrolling
    assert p.view.isVisible() and p.view.width() >= area.viewport().width() - 4
    name = p.model.index(0, 0)
    assert p.view.visualRect(name).width() >= QFontMetrics(font).horizontalAdvance(
        str(name.data())[:7])  # seven characters of the unit's name (the figures scroll)
    area.resize(int(683 * scale), int(150 * scale))  # the 1366×768 console's bottom strip
    qtbot.waitUntil(lambda: p.chart_box.isVisible(), timeout=15000)
    assert p.split.orientation() == Qt.Orientation.Horizontal
    area.resize(int(420 * scale), int(330 * scale))  # a narrow, tall dock: stacked
    qtbot.waitUntil(lambda: p.split.orientation() == Qt.Orientation.Vertical, timeout=15000)
    assert p.chart_box.isVisible()
