"""Unit workloads: counts follow dispatches, sorted by load, activation filters the queue."""

from __future__ import annotations

from client.timeutil import parse_time
from widgets.case_queue import CaseQueuePane
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
    with qtbot.waitSignal(w.sig_unit_activated) as b:
        w.view.activated.emit(w.model.index(0, 0))
    assert b.args == [uid]
    cases = ctx.state.cases
    ids = [q.model.rows.id_at(r) for r in range(q.model.rowCount())]
    assert ids and all(cases[c]["unit_id"] == uid for c in ids)
