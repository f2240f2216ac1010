"""The breakdown page: today's reports by category and by area."""

from __future__ import annotations

from client.state import ChangeSet
from console.wall.model import OTHER, WallStats
from console.wall.pages.base import WallContext, WallPage, wall_colour
from console.wall.paint import QPainter, QRect, WallLabel, draw_text, role_font
from widgets.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QPaintEvent,
    Qt,
    QVBoxLayout,
    QWidget,
)
from widgets.text import safe

translate = QCoreApplication.translate


BREAKDOWN_HEADS = {
    "category": QT_TRANSLATE_NOOP("Wall", "By category"),
    "area": QT_TRANSLATE_NOOP("Wall", "By area"),
}


def _frame(parent: QWidget) -> QFrame:
    f = QFrame(parent)
    f.setObjectName("wallTile")
    return f


class BarList(QWidget):
    """Horizontal bars: name, bar, value, biggest first; painted in one go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int]] = []
        self.base = 27
        self.more = 0

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        self.rows = rows
        self.update()

    def row_height(self) -> int:
        """Rows share the height, between 1.7 and 2.6 base sizes each."""
        b = self.base
        n = max(1, len(self.rows))
        return round(max(1.7 * b, min(2.6 * b, self.height() / n)))

    def visible_rows(self) -> int:
        return max(1, self.height() // self.row_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        b = self.base
        row_h = self.row_height()
        w = self.width()
        name_w = round(w * 0.34)
        num_w = round(b * 3.6)
        bar_x = name_w + round(b * 0.5)
        bar_w = max(1, w - bar_x - num_w - round(b * 0.4))
        p.setFont(role_font(self, b, "title" if row_h >= 2.2 * b else "body"))
        rows = self.rows[: self.visible_rows()]
        top = max((v for _, v in rows), default=1) or 1
        for i, (name, value) in enumerate(rows):
            y = i * row_h
            draw_text(p, QRect(0, y, name_w, row_h), name, Qt.AlignmentFlag.AlignRight,
                      wall_colour("foreground"))
            length = max(2, round(bar_w * value / top))
            p.fillRect(QRect(bar_x, y + round(row_h * 0.2), length, round(row_h * 0.6)),
                       wall_colour("today"))
            draw_text(p, QRect(bar_x + length + round(b * 0.3), y, num_w, row_h), f"{value:,}",
                      Qt.AlignmentFlag.AlignLeft, wall_colour("foreground"))
        p.end()


class BreakdownPage(WallPage):
    """Today's reports by category and by area (county or town)."""

    page_id = "breakdown"
    min_refresh_s = 5.0

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(ctx, stats, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.lists: dict[str, BarList] = {}
        self.heads: dict[str, WallLabel] = {}
        for key in ("category", "area"):
            box = _frame(self)
            col = QVBoxLayout(box)
            head = WallLabel("title", box)
            bars = BarList(box)
            col.addWidget(head)
            col.addWidget(bars, 1)
            lay.addWidget(box, 1)
            self.lists[key] = bars
            self.heads[key] = head
        self._lay = lay

    def set_base(self, base: int) -> None:
        super().set_base(base)
        self._lay.setSpacing(round(base * 0.6))
        for bars in self.lists.values():
            bars.base = base
            box = bars.parentWidget()
            lay = box.layout() if box is not None else None
            if lay is not None:
                lay.setContentsMargins(base // 2, base // 3, base // 2, base // 3)
            bars.update()

    def mark(self, changes: ChangeSet) -> None:
        if changes.reset or changes.cases_added:
            self.dirty = True

    def refresh(self, now: float) -> None:
        st = self.stats
        other = translate("Wall", "Other")
        cats = sorted(st.by_category.items(), key=lambda kv: (-kv[1], kv[0]))
        areas = sorted(st.by_area.items(), key=lambda kv: (-kv[1], kv[0]))
        rows_c = [(other if k == OTHER else safe(k, 30), v) for k, v in cats]
        rows_a = [(other if k == OTHER else self.ctx.region_name(k), v) for k, v in areas]
        for key, rows in (("category", rows_c), ("area", rows_a)):
            head = translate("Wall", BREAKDOWN_HEADS[key])
            if not rows:
                head += " · " + translate("Wall", "No reports yet today")
            self.heads[key].set_text(head)
            self.lists[key].set_rows(rows)
