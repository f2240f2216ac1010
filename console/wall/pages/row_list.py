"""A painted list of rows of columns (the overdue, calls and ranking pages)."""

from __future__ import annotations

from console.wall.pages.base import wall_colour
from console.wall.paint import QPainter, QRect, draw_text, role_font
from widgets.qt import (
    QPaintEvent,
    Qt,
    QWidget,
)


class RowList(QWidget):
    """Rows of columns (text, alignment, share of width, colour key); painted in one go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = 27
        self.rows: list[list[tuple[str, str]]] = []  # per row: (text, colour key) per column
        self.columns: list[tuple[float, Qt.AlignmentFlag]] = []
        self.empty_text = ""

    def capacity(self) -> int:
        """How many rows fit at the smallest row height."""
        return max(1, self.height() // round(self.base * 1.8))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        b = self.base
        if not self.rows:
            p.setFont(role_font(self, b, "title", bold=True))
            draw_text(p, self.rect(), self.empty_text, Qt.AlignmentFlag.AlignHCenter, wall_colour("ok"))
            p.end()
            return
        # few rows get more room and bigger type (1.8–2.6 base sizes per row)
        row_h = round(max(1.8 * b, min(2.6 * b, self.height() / max(1, len(self.rows)))))
        role = "title" if row_h >= 2.2 * b else "body"
        font = role_font(self, b, role)
        bold = role_font(self, b, role, bold=True)
        gap = round(b * 0.5)
        w = self.width()
        for i, cells in enumerate(self.rows[: self.capacity()]):
            y = i * row_h
            if i % 2:
                p.fillRect(QRect(0, y, w, row_h), wall_colour("surface"))
            x = gap // 2
            for j, (text, colour) in enumerate(cells):
                share, align = self.columns[j]
                cw = round(w * share)
                p.setFont(bold if j == 0 else font)
                draw_text(p, QRect(x, y, cw - gap, row_h), text, align, wall_colour(colour))
                x += cw
        p.end()
