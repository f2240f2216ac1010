"""The case queue's own cell painting: plain text only, only the exposed rows, and the
backgrounds QTableView would draw (selection, alternate rows)."""

from __future__ import annotations

from widgets.case_queue import COL_TITLE, CaseQueuePane
from widgets.qt import QFont, QPalette, Qt
from widgets.static_cells import StaticTexts

HOSTILE = "<img src=x onerror=alert(1)><b>粗体</b>"


def shown_pane(qtbot, ctx, world, apply) -> tuple[CaseQueuePane, str]:
    queue = CaseQueuePane(ctx)
    qtbot.addWidget(queue)
    queue.set_preset("all")
    ev = world.created(title=HOSTILE)
    queue.on_changes(apply(ev))
    queue.resize(1400, 500)
    queue.show()
    qtbot.waitExposed(queue)
    queue.flush()  # paint now, not at the end of the feed's repaint throttle
    return queue, ev["data"]["case"]["id"]


def test_texts_are_laid_out_as_plain_text(qtbot, ctx, world, apply) -> None:
    queue, cid = shown_pane(qtbot, ctx, world, apply)
    queue.view.scrollTo(queue.model.index(queue.model.rows.row_of(cid), COL_TITLE))
    queue.grab()
    texts = queue.view._texts
    assert texts is not None and len(texts) > 0
    laid = [s for s, _, _ in texts._texts.values()]
    assert all(s.textFormat() == Qt.TextFormat.PlainText for s in laid)
    assert HOSTILE in {s.text() for s in laid}  # the markup itself, as characters


def test_elides_to_the_cell_width() -> None:
    texts = StaticTexts(QFont())
    static, width, _ = texts.get("长" * 500, 120, False)
    assert static.text().endswith("…") and width <= 120
    assert texts.get("长" * 500, 120, False)[0] is static  # laid out once


def test_paints_only_the_exposed_rows(qtbot, ctx, world, apply) -> None:
    queue, _ = shown_pane(qtbot, ctx, world, apply)
    calls: list[tuple[int, int]] = []
    cell = queue.view._cell
    queue.view._cell = lambda r, c: (calls.append((r, c)), cell(r, c))[1]
    queue.view.viewport().grab()
    rows = {r for r, _ in calls}
    visible = queue.view.rowAt(queue.view.viewport().height() - 1) - queue.view.rowAt(0) + 1
    assert 0 < len(rows) <= visible + 1 < queue.model.rowCount()
    assert len(calls) <= len(rows) * queue.model.columnCount()


def test_selection_and_alternate_rows_use_the_palette(qtbot, ctx, world, apply) -> None:
    queue, _ = shown_pane(qtbot, ctx, world, apply)
    view = queue.view
    view.selectRow(2)
    img = view.viewport().grab().toImage()
    pal = view.palette()
    group = QPalette.ColorGroup.Active if view.isActiveWindow() else QPalette.ColorGroup.Inactive

    def left_pixel(row: int):  # the padding left of the first column's text
        return img.pixelColor(1, view.rowViewportPosition(row) + 2)

    assert left_pixel(2) == pal.color(group, QPalette.ColorRole.Highlight)
    assert left_pixel(1) == pal.color(group, QPalette.ColorRole.AlternateBase)
    assert left_pixel(0) == pal.color(group, QPalette.ColorRole.Base)
