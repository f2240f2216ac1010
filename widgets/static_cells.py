"""A table view that paints its plain-text cells itself, from cached ``QStaticText``.

Why: a repaint of a full-screen case table costs 27–40 ms through ``QTableView`` and
``QStyledItemDelegate`` (software raster): for every cell Qt creates an index (calling
``rowCount``/``columnCount`` in Python), asks the model for ~8 roles (each a call into
Python), and lays the text out twice with HarfBuzz (once to measure, once to draw). A
per-cell Python delegate with cached text halves that, yet still pays ~30 µs per cell in
binding overhead. :class:`StaticTextTable` instead paints the exposed rows in one Python
loop: one ``cell(row, column)`` call and one ``drawStaticText`` per cell, the text laid
out once per (text, width, weight) and kept in :class:`StaticTexts`.

What it draws, matching what ``QTableView`` draws for such a table: the alternate-row and
selection backgrounds from the view's palette (so the QSS theme applies), each cell's text
elided on the right, left or right aligned, in the cell's colour and weight, vertically
centred, and a focus frame on the current cell. Text is always ``Qt.PlainText``: markup in
a title is shown as typed. What it does not draw (the case queue uses none of it): grid
lines, spans, icons, check boxes, editors, drop indicators.

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from widgets.qt import (
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QStaticText,
    Qt,
    QTableView,
    QWidget,
)

#: ``cell(row, column)`` → ``(text, colour or None, bold, right aligned)``
CellFunc = Callable[[int, int], tuple[str, QColor | None, bool, bool]]

#: laid-out texts kept at most (about 40 screens of a 10-column table)
MAX_CACHED_TEXTS = 20_000
#: horizontal padding inside a cell (px)
PADDING = 4

_ELIDE = Qt.TextElideMode.ElideRight
_PLAIN = Qt.TextFormat.PlainText
_CACHING = QStaticText.PerformanceHint.AggressiveCaching


class StaticTexts:
    """Plain texts elided to a width and laid out once, by ``(text, width, bold)``.

    Args:
        font: the regular font (bold is derived from it).
    """

    def __init__(self, font: QFont) -> None:
        self.regular = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self._metrics = (QFontMetrics(self.regular), QFontMetrics(self.bold))
        self._texts: dict[tuple[str, int, bool], tuple[QStaticText, int, int]] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def get(self, text: str, width: int, bold: bool) -> tuple[QStaticText, int, int]:
        """``(static text, its width, its height)`` of ``text`` elided to ``width`` px."""
        key = (text, width, bold)
        hit = self._texts.get(key)
        if hit is not None:
            return hit
        shown = self._metrics[bold].elidedText(text, _ELIDE, max(0, width))
        static = QStaticText(shown)
        static.setTextFormat(_PLAIN)
        static.setPerformanceHint(_CACHING)
        static.prepare(font=self.bold if bold else self.regular)
        size = static.size()
        if len(self._texts) >= MAX_CACHED_TEXTS:
            self._texts.clear()
        entry = self._texts[key] = (static, int(size.width()), int(size.height()))
        return entry


class StaticTextTable(QTableView):
    """A QTableView over a model with a ``cell(row, column)`` function; see the module
    docstring. Everything but painting (selection, keys, drag, headers, scrolling,
    tooltips, accessibility through the model's ``data``) is QTableView's own.

    Args:
        cell: the model's cell function.
        parent: the parent widget.
    """

    def __init__(self, cell: CellFunc, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cell = cell
        self._texts: StaticTexts | None = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._texts = None
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.model()
        n = model.rowCount() if model is not None else 0
        if n == 0:
            return
        area = event.rect()
        first = self.rowAt(area.top())
        if first < 0:
            return
        last = self.rowAt(area.bottom())
        if last < 0:
            last = n - 1
        header = self.horizontalHeader()
        left, right = area.left(), area.right()
        columns: list[tuple[int, int, int]] = []  # (logical column, x, width)
        for visual in range(header.count()):
            col = header.logicalIndex(visual)
            if header.isSectionHidden(col):
                continue
            x = header.sectionViewportPosition(col)
            w = header.sectionSize(col)
            if x + w > left and x <= right and w > 0:
                columns.append((col, x, w))
        if not columns:
            return
        texts = self._texts
        if texts is None:
            texts = self._texts = StaticTexts(self.font())
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isActiveWindow() else \
            QPalette.ColorGroup.Inactive
        base_pen = palette.color(group, QPalette.ColorRole.Text)
        selected_pen = palette.color(group, QPalette.ColorRole.HighlightedText)
        highlight = palette.brush(group, QPalette.ColorRole.Highlight)
        alternate = palette.brush(group, QPalette.ColorRole.AlternateBase) \
            if self.alternatingRowColors() else None
        selection = self.selectionModel()
        root = self.rootIndex()
        span_x = columns[0][1]
        span_w = columns[-1][1] + columns[-1][2] - span_x
        height = self.rowHeight(first)
        y = self.rowViewportPosition(first)
        cell = self._cell
        regular, bold_font = texts.regular, texts.bold
        painter = QPainter(self.viewport())
        try:
            font_bold: bool | None = None
            for row in range(first, last + 1):
                is_selected = selection is not None and selection.isRowSelected(row, root)
                if is_selected:
                    painter.fillRect(span_x, y, span_w, height, highlight)
                elif alternate is not None and row % 2:
                    painter.fillRect(span_x, y, span_w, height, alternate)
                for col, x, w in columns:
                    text, color, bold, right_aligned = cell(row, col)
                    if not text:
                        continue
                    width = w - 2 * PADDING
                    static, tw, th = texts.get(text, width, bold)
                    tx = x + PADDING
                    if right_aligned and tw < width:
                        tx += width - tw
                    if bold is not font_bold:
                        painter.setFont(bold_font if bold else regular)
                        font_bold = bold
                    painter.setPen(selected_pen if is_selected else
                                   color if color is not None else base_pen)
                    painter.drawStaticText(tx, y + (height - th) // 2, static)
                y += height
            self._paint_focus(painter, palette, group)
        finally:
            painter.end()

    def _paint_focus(self, painter: QPainter, palette: QPalette,
                     group: QPalette.ColorGroup) -> None:
        current = self.currentIndex()
        if not current.isValid() or not self.hasFocus():
            return
        rect = self.visualRect(current)
        if rect.isValid():
            painter.setPen(palette.color(group, QPalette.ColorRole.Highlight).darker(130))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))


__all__ = ["CellFunc", "StaticTextTable", "StaticTexts"]
