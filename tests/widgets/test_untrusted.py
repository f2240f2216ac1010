"""Hostile hub text renders as inert plain text everywhere; labels never take rich text."""

from __future__ import annotations

from widgets.alerts import AlertsPane
from widgets.case_detail import CaseDetailPane
from widgets.case_queue import COL_TITLE, CaseQueuePane
from widgets.qt import QLabel, Qt, QWidget
from widgets.ticker import TickerPane

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "abc\u202edcba.exe",
    "长" * 5000,
    "line1\nline2\r\n<b>bold</b>",
]


def test_hostile_titles_are_inert(qtbot, ctx, world, apply, clock) -> None:
    queue = CaseQueuePane(ctx)
    ticker = TickerPane(ctx)
    detail = CaseDetailPane(ctx)
    alerts = AlertsPane(ctx, beeper=lambda: None, refresh_ms=0)
    panes: list[QWidget] = [queue, ticker, detail, alerts]
    for p in panes:
        qtbot.addWidget(p)
    queue.set_preset("all")
    for title in HOSTILE:
        ev = world.created(title=title, address=title, description=title)
        cs = apply(ev)
        cid = ev["data"]["case"]["id"]
        queue.on_changes(cs)
        ticker.on_events([ev])
        detail.on_selection(cid)
        row = queue.model.rows.row_of(cid)
        shown = queue.model.index(row, COL_TITLE).data()
        tip = queue.model.index(row, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
        for text in (shown, ticker.model.index(0, 0).data(), detail.title_label.text(),
                     detail.fields["address"].text()):
            assert "\u202e" not in text and "\n" not in text and "\r" not in text
            assert len(text) <= 400
        assert len(shown) <= 80
        assert "\u202e" not in tip and "\n" not in tip
        if title.startswith("<"):
            assert shown == title  # shown literally, as characters
        if len(title) == 5000:
            assert shown.endswith("…") and len(tip) == 5000
    for p in panes:
        for label in p.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
