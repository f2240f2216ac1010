"""Ticker: newest first, bounded, pause counts pending, kind filter, hostile text inert."""

from __future__ import annotations

import pytest

from widgets.qt import Qt
from widgets.ticker import TickerPane


@pytest.fixture
def ticker(qtbot, ctx) -> TickerPane:
    p = TickerPane(ctx, limit=50)
    qtbot.addWidget(p)
    return p


def lines(p: TickerPane) -> list[str]:
    return [p.model.index(r, 0).data() for r in range(p.model.rowCount())]


def test_newest_first_with_actions(ticker, world, apply) -> None:
    created = world.created(title="新案件甲", priority="critical")
    cid = created["data"]["case"]["id"]
    events = [created, world.dispatch(cid, world.units[0]["id"]), world.urged(cid),
              world.whistle(cid), world.call(case_id=cid),
              {"type": "heartbeat", "data": {"seq": 1, "interval_s": 5}}]
    apply(*events[:-1])
    ticker.on_events(events)
    shown = lines(ticker)
    assert len(shown) == 5
    assert "Video call started" in shown[0]
    assert "Whistle" in shown[1]
    assert "Urged" in shown[2] and "新案件甲" in shown[2]
    assert "dispatched" in shown[3] and world.units[0]["name"] in shown[3]
    assert "New" in shown[4] and "Critical" in shown[4]
    assert ticker.model.index(4, 0).data(Qt.ItemDataRole.UserRole) == cid


def test_bounded_and_precise(ticker, world, qtbot) -> None:
    resets = []
    ticker.model.modelReset.connect(lambda: resets.append(1))
    for _ in range(5):
        ticker.on_events([world.random_event() for _ in range(30)])
    assert ticker.model.rowCount() == 50
    assert not resets
    seqs = [e.seq for e in ticker.entries()]
    assert seqs == sorted(seqs, reverse=True)


def test_pause_counts_pending_then_resume(ticker, world) -> None:
    ticker.on_events([world.created()])
    ticker.set_paused(True)
    ticker.on_events([world.created() for _ in range(7)])
    assert ticker.model.rowCount() == 1
    assert "7" in ticker.status_label.text()
    ticker.pause_button.click()  # resume
    assert not ticker.paused
    assert ticker.model.rowCount() == 8


def test_filter_by_kind(ticker, world, apply) -> None:
    ev = world.created()
    cid = ev["data"]["case"]["id"]
    apply(ev)
    batch = [ev, world.call(), world.urged(cid)]
    ticker.on_events(batch)
    ticker.set_kinds({"call"})
    assert [e.kind for e in ticker.rows] == ["call"]
    ticker.kind_buttons["case"].setChecked(True)
    assert [e.kind for e in ticker.rows] == ["call", "case"]


def test_activation_selects_case(ticker, world, qtbot) -> None:
    ev = world.created()
    ticker.on_events([ev])
    with qtbot.waitSignal(ticker.sig_case_selected, timeout=15000) as b:
        ticker.view.clicked.emit(ticker.model.index(0, 0))
    assert b.args == [ev["data"]["case"]["id"]]
