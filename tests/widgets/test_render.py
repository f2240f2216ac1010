"""Every pane renders offscreen what the officer should see: not a blank box, the picture
changes when the feed brings cases, and the texts say what the state holds (hostile text
as plain text). The PNGs go to tmp_path; COMMANDPOST_SHOTS_DIR=DIR keeps them to look at."""

from __future__ import annotations

import os
from pathlib import Path

from client.feed import LinkStatus
from testkit.screen import changed, ink, visible_text
from widgets.alerts import AlertsPane
from widgets.calls import CallsPane
from widgets.case_detail import CaseDetailPane
from widgets.case_queue import CaseQueuePane
from widgets.kpi import KpiPane
from widgets.map_view import MapPane
from widgets.qt import QLabel, Qt
from widgets.ticker import TickerPane
from widgets.workload import WorkloadPane

HOSTILE_TAG = "<img src=x onerror=alert(1)>"
#: the statuses the map draws (a resolved case waits only for its closing)
IN_HAND = ("reported", "returned", "dispatched", "accepted")
SIZES = {
    CaseQueuePane: (1400, 520), TickerPane: (760, 420), CaseDetailPane: (560, 720),
    WorkloadPane: (640, 700), AlertsPane: (700, 480), CallsPane: (1000, 220),
    MapPane: (700, 600), KpiPane: (1400, 130),
}


def test_render_all_panes(qtbot, ctx, world, apply, clock, tmp_path: Path) -> None:
    shots = Path(os.environ.get("COMMANDPOST_SHOTS_DIR") or tmp_path / "panes")
    shots.mkdir(parents=True, exist_ok=True)
    panes = []
    for cls, (w, h) in SIZES.items():
        kw = {"refresh_ms": 0} if cls in (AlertsPane, WorkloadPane) else {}
        pane = cls(ctx, **kw)
        qtbot.addWidget(pane)
        pane.resize(w, h)
        pane.show()
        panes.append(pane)
    qtbot.wait(5)
    before = {pane.pane_id: pane.grab().toImage() for pane in panes}

    hostile = world.created(title=HOSTILE_TAG + " \u202e危险标题" + "长" * 300,
                            priority="critical")
    events = [hostile] + [world.random_event() for _ in range(60)] + [
        world.call(case_id=hostile["data"]["case"]["id"]),
        world.call(url="javascript:alert(1)", cid="CALL-2"),
        world.whistle(hostile["data"]["case"]["id"])]
    cs = apply(*events)
    hid = hostile["data"]["case"]["id"]
    for pane in panes:
        pane.on_changes(cs)
        if isinstance(pane, TickerPane):
            pane.on_events(events)
        if isinstance(pane, MapPane | CaseQueuePane):
            pane.flush()
        if isinstance(pane, KpiPane):
            pane.set_link(LinkStatus(state="live", retry_in=None, last_seq=world.seq,
                                     hub_latest=world.seq, frames=1, applied=1,
                                     duplicates=0, gaps_filled=0, junk=0, reconnects=0,
                                     snapshots=1, error=None, cache_file=None))
        pane.on_selection(hid)
        pane.on_tick(clock.now + 30)
    qtbot.wait(5)

    state = ctx.state
    n_open = sum(1 for c in state.cases.values() if c["status"] != "closed")
    n_in_hand = sum(1 for c in state.cases.values() if c["status"] in IN_HAND)
    expected = {
        "case_queue": [f"{n_open} of {len(state.cases)} cases", HOSTILE_TAG],
        "ticker": [f"{len(events)} shown", HOSTILE_TAG],
        "case_detail": [HOSTILE_TAG],
        "workload": [f"{len(state.units)} units"],
        "alerts": [f"{len(state.overdue_ids())} overdue"],
        "calls": [f"{len(state.calls)} active calls"],
        "map": [f"{n_in_hand} open cases"],
        "kpi": [f"Reported today\n{state.counters.reported}\n"],
    }
    assert set(expected) == {pane.pane_id for pane in panes}
    for pane in panes:
        image = pane.grab().toImage()
        assert image.save(str(shots / f"{pane.pane_id}.png"))
        assert ink(image) > 0.01, f"{pane.pane_id}: a blank picture"
        assert changed(before[pane.pane_id], image) > 0.001, f"{pane.pane_id}: did not change"
        text = visible_text(pane)
        for words in expected[pane.pane_id]:
            assert words in text, (pane.pane_id, words, text[:300])
        assert all(label.textFormat() == Qt.TextFormat.PlainText
                   for label in pane.findChildren(QLabel) if HOSTILE_TAG in label.text())
