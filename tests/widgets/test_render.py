"""Render every pane offscreen to /tmp/commandpost-panes/<pane>.png (looked at by a human)."""

from __future__ import annotations

from types import SimpleNamespace

from widgets.alerts import AlertsPane
from widgets.calls import CallsPane
from widgets.case_detail import CaseDetailPane
from widgets.case_queue import CaseQueuePane
from widgets.kpi import KpiPane
from widgets.map_view import MapPane
from widgets.ticker import TickerPane
from widgets.workload import WorkloadPane


def test_render_all_panes(qtbot, ctx, world, apply, clock, shots) -> None:
    hostile = world.created(title="<img src=x onerror=alert(1)> \u202e危险标题" + "长" * 300,
                            priority="critical")
    events = [hostile] + [world.random_event() for _ in range(60)] + [
        world.call(case_id=hostile["data"]["case"]["id"]),
        world.call(url="javascript:alert(1)", cid="CALL-2"),
        world.whistle(hostile["data"]["case"]["id"])]
    cs = apply(*events)
    hid = hostile["data"]["case"]["id"]
    sizes = {
        CaseQueuePane: (1400, 520), TickerPane: (760, 420), CaseDetailPane: (560, 720),
        WorkloadPane: (640, 700), AlertsPane: (700, 480), CallsPane: (1000, 220),
        MapPane: (700, 600), KpiPane: (1400, 130),
    }
    for cls, (w, h) in sizes.items():
        kw = {"refresh_ms": 0} if cls in (AlertsPane, WorkloadPane) else {}
        pane = cls(ctx, **kw)
        qtbot.addWidget(pane)
        pane.resize(w, h)
        pane.show()
        pane.on_changes(cs)
        if isinstance(pane, TickerPane):
            pane.on_events(events)
        if isinstance(pane, MapPane | CaseQueuePane):
            pane.flush()
        if isinstance(pane, KpiPane):
            pane.set_link(SimpleNamespace(state="live", retry_in=None, last_seq=world.seq,
                                          hub_latest=world.seq, frames=1, applied=1,
                                          duplicates=0, gaps_filled=0, junk=0, reconnects=0,
                                          snapshots=1, error=None, cache_file=None))
        pane.on_selection(hid)
        pane.on_tick(clock.now + 30)
        qtbot.wait(5)
        path = shots / f"{pane.pane_id}.png"
        assert pane.grab().save(str(path))
        assert path.stat().st_size > 5000
