"""Protocol 1.1 stage clocks in the panes: the queue's time left is the nearest stage's,
alerts name the late stage (sign, resolve, callback), the detail shows three clocks."""

from __future__ import annotations

import pytest

from client.stages import StagePolicy
from client.timeutil import format_time
from widgets.alerts import AlertsPane
from widgets.case_detail import CaseDetailPane
from widgets.case_queue import COL_LEFT, CaseQueuePane
from widgets.qt import QSettings


@pytest.fixture
def staged(state, world, apply, clock):
    """Two cases: one dispatched with its sign deadline passed 10 minutes ago (resolve due
    in a day), one resolved with the callback due in 5 minutes."""
    now = clock.now
    a = world.created(priority="normal")["data"]["case"]["id"]
    b = world.created(priority="normal")["data"]["case"]["id"]
    for cid in (a, b):
        apply({"seq": world.seq, "ts": format_time(now), "type": "case.created",
               "data": {"case": world.cases[cid]}})
    unit = world.units[0]["id"]
    apply(world.updated(a, "dispatch", status="dispatched", unit_id=unit,
                        sign_due=format_time(now - 600), due_at=format_time(now + 86400)))
    apply(world.updated(b, "resolve", status="resolved", unit_id=unit,
                        callback_due=format_time(now + 300), due_at=format_time(now + 86400)))
    state.set_stages(StagePolicy())
    state.tick(now)
    return a, b


def test_queue_time_left_is_the_nearest_stage(qtbot, ctx, staged, clock):
    a, b = staged
    pane = CaseQueuePane(ctx)
    qtbot.addWidget(pane)
    pane.on_changes(ctx.state.set_stages(ctx.state.stages))
    pane.set_preset("all")
    pane.flush()
    model = pane.model
    rows = {model.case_at(r)[0]: r for r in range(model.rowCount())}
    left_a = model.cell(rows[a], COL_LEFT)[0]
    left_b = model.cell(rows[b], COL_LEFT)[0]
    assert left_a.startswith("sign") and "-" in left_a  # the sign clock, overdue
    assert left_b.startswith("callback") and "5m" in left_b  # a resolved case still runs


def test_alerts_name_the_late_stage(qtbot, ctx, staged, tmp_path):
    a, b = staged
    settings = QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)
    pane = AlertsPane(ctx, settings=settings, refresh_ms=0, beeper=lambda: None)
    qtbot.addWidget(pane)
    pane.on_changes(ctx.state.set_stages(ctx.state.stages))
    pane.flush()
    texts = {cid: pane.entry_text(cid, ctx.state.cases[cid], ph, False)
             for cid, ph in pane.rows}
    assert "Sign overdue" in texts[a]
    assert "Callback near due" in texts[b]


def test_detail_shows_the_three_clocks(qtbot, ctx, staged, clock):
    a, b = staged
    pane = CaseDetailPane(ctx)
    qtbot.addWidget(pane)
    pane.on_selection(a)
    left = pane.stage_clocks.left_texts()
    assert "-" in left["sign"]
    assert left["resolve"].startswith(("23h", "1d"))
    assert left["callback"] == "not started"
    pane.on_selection(b)
    left = pane.stage_clocks.left_texts()
    assert left["sign"] == "done" and left["resolve"] == "done" and "5m" in left["callback"]
    clock.now += 120
    pane.on_tick(clock.now)
    assert "3m" in pane.stage_clocks.left_texts()["callback"]


def test_detail_on_a_10_hub_says_there_are_no_stage_deadlines(qtbot, ctx, state):
    cid = next(iter(state.cases))
    pane = CaseDetailPane(ctx)
    qtbot.addWidget(pane)
    pane.on_selection(cid)
    assert "1.0" in pane.stage_clocks.note.text()


def test_queue_sorts_time_left_by_the_nearest_stage(qtbot, ctx, staged):
    a, b = staged
    pane = CaseQueuePane(ctx)
    qtbot.addWidget(pane)
    pane.on_changes(ctx.state.set_stages(ctx.state.stages))
    pane.set_preset("all")
    pane.sort_by(COL_LEFT, False)
    pane.flush()
    order = [pane.model.case_at(r)[0] for r in range(pane.model.rowCount())]
    # the late sign (due 10 min ago) comes before the callback due in 5 minutes, and both
    # before every case whose nearest deadline is later
    assert order.index(a) < order.index(b)
    stages = ctx.state.stages
    dues = [stages.nearest(ctx.state.cases[c]).due for c in order
            if stages.nearest(ctx.state.cases[c]) is not None]
    assert dues == sorted(dues)
