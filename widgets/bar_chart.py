"""A ranked horizontal bar chart: one bar per row, the first on top, its name on the left
axis. The unit workload pane (load per person) and the assessment board (composite
score) both draw one.

One ``BarGraphItem`` is updated in place (pyqtgraph's ``setOpts``), never rebuilt, and only
what changed is redone: the bars when a value or colour changed, the names (the axis
re-lays out: costly) when a name changed, the value range when ``x_max`` changed. The chart
takes no mouse (no pan, zoom or context menu).
"""

from __future__ import annotations

from collections.abc import Sequence

from widgets.qt import QColor, QFontMetrics, QPalette, Qt, QWidget, pg

#: bar thickness, in rows
BAR_HEIGHT = 0.7


class RankedBars(pg.PlotWidget):
    """The chart.

    Attributes:
        bars: the one bar item (its ``opts["width"]`` are the values shown).
    """

    def __init__(self, parent: QWidget, *, object_name: str, min_height: int) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(min_height)
        # one shared "no pen" (never ``pens=[...]``: pyqtgraph 0.14's setOpts fails on an
        # empty pens list with UnboundLocalError, i.e. whenever there are no rows yet)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=BAR_HEIGHT, width=[], brushes=[],
                                    pen=pg.mkPen(None))
        self.addItem(self.bars)
        self._shown_bars: list[tuple[float, str]] | None = None
        self._shown_names: list[str] | None = None
        self._shown_range: tuple[float, float] | None = None

    def restyle(self, palette: QPalette) -> None:
        """Take the background and the axes' colours from ``palette`` (the pane's)."""
        self.setBackground(palette.base().color())
        text = palette.text().color()
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))

    def name_metrics(self) -> QFontMetrics:
        """Metrics of the font the bars' names are drawn in."""
        return QFontMetrics(self.getAxis("left").style.get("tickFont") or self.font())

    def show_bars(self, values: Sequence[float], colours: Sequence[str],
                  names: Sequence[str], *, x_max: float, padding: float = 0.0,
                  name_px: int | None = None) -> None:
        """Show one bar per value, the first on top.

        Args:
            values: the bars' lengths.
            colours: one colour name per bar.
            names: one name per bar (plain text).
            x_max: the right end of the value axis (from 0).
            padding: pyqtgraph's range padding of the value axis.
            name_px: elide each name to this width and size the axis to the widest
                (pyqtgraph silently drops a tick label wider than its axis); None: names
                as given.
        """
        n = len(values)
        ys = [n - 1 - i for i in range(n)]
        bars = list(zip(values, colours, strict=True))
        if bars != self._shown_bars:
            self._shown_bars = bars
            self.bars.setOpts(x0=[0.0] * n, y=ys, height=BAR_HEIGHT, width=list(values),
                              brushes=[pg.mkBrush(QColor(c)) for c in colours])
        if list(names) != self._shown_names:
            self._shown_names = list(names)
            axis = self.getAxis("left")
            if name_px is None:
                axis.setTicks([list(zip(ys, names, strict=True))])
            else:
                fm = self.name_metrics()
                ticks = [(y, fm.elidedText(name, Qt.TextElideMode.ElideRight, name_px))
                         for y, name in zip(ys, names, strict=True)]
                axis.setTicks([ticks])
                axis.setWidth(max((fm.horizontalAdvance(t) for _, t in ticks), default=20) + 24)
            self.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
        if (x_max, padding) != self._shown_range:
            self._shown_range = (x_max, padding)
            self.setXRange(0, x_max, padding=padding)


__all__ = ["BAR_HEIGHT", "RankedBars"]
