"""The hourly trend page: reports per hour, today against yesterday."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from client.state import ChangeSet
from console.wall.model import HOURS, WallStats
from console.wall.pages.base import WallContext, WallPage, wall_colour
from console.wall.pages.quiet_plot import quiet_plot
from console.wall.paint import WallLabel, role_font
from widgets.qt import (
    QCoreApplication,
    Qt,
    QVBoxLayout,
    QWidget,
    pg,
)

translate = QCoreApplication.translate


class _HourAxis(pg.AxisItem):
    def __init__(self, first_hour: Callable[[], int]) -> None:
        super().__init__("bottom")
        self._first = first_hour

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        h0 = self._first()
        return [f"{(h0 + int(round(v))) % 24:02d}" for v in values]


class TrendPage(WallPage):
    """Reports per hour of the wall day: today as bars, yesterday as a dashed line."""

    page_id = "trend"
    min_refresh_s = 5.0

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(ctx, stats, parent)
        self.summary = WallLabel("title", self, Qt.AlignmentFlag.AlignHCenter)
        self.summary.setObjectName("trend_summary")
        self.axis = _HourAxis(self._first_hour)
        self.plot = quiet_plot(self, axisItems={"bottom": self.axis})
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        x = np.arange(HOURS, dtype=float)
        self.bars = pg.BarGraphItem(x=x, height=np.zeros(HOURS), width=0.72,
                                    brush=pg.mkBrush(wall_colour("today")), pen=pg.mkPen(None))
        self.line = pg.PlotDataItem(x=x, y=np.zeros(HOURS), symbol="d",
                                    symbolBrush=pg.mkBrush(wall_colour("background")), antialias=True)
        self.now_line = pg.InfiniteLine(angle=90, movable=False)
        self.plot.addItem(self.bars)
        self.plot.addItem(self.line)
        self.plot.addItem(self.now_line)
        self.plot.setXRange(-0.6, HOURS - 0.4, padding=0)
        self.plot.getViewBox().setLimits(xMin=-1, xMax=HOURS)
        self.axis.setTickSpacing(major=2, minor=1)
        self.legend = WallLabel("body", self, Qt.AlignmentFlag.AlignHCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.summary)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.legend)
        self.legend.set_text(translate("Wall", "▇ today") + "      "
                             + translate("Wall", "◇┄ yesterday"))
        self._apply_sizes()

    def _first_hour(self) -> int:
        from datetime import datetime

        return datetime.fromtimestamp(self.stats.day.start, self.ctx.zone).hour

    def set_base(self, base: int) -> None:
        super().set_base(base)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        b = self.base
        font = role_font(self, b, "body")
        for name in ("left", "bottom"):
            ax = self.plot.getAxis(name)
            ax.setStyle(tickFont=font, tickTextOffset=max(4, b // 3), tickLength=-max(4, b // 3))
            ax.setTextPen(pg.mkPen(wall_colour("foreground")))
            ax.setPen(pg.mkPen(wall_colour("muted"), width=max(1, b // 14)))
        self.plot.getAxis("left").setWidth(round(b * 2.6))
        self.plot.getAxis("bottom").setHeight(round(b * 2.2))
        self.line.setPen(pg.mkPen(wall_colour("yesterday"), width=max(2, b // 7), style=Qt.PenStyle.DashLine))
        self.line.setSymbolSize(max(8, round(b * 0.55)))
        self.line.setSymbolPen(pg.mkPen(wall_colour("yesterday"), width=max(2, b // 9)))
        self.now_line.setPen(pg.mkPen(wall_colour("muted"), width=max(1, b // 14),
                                      style=Qt.PenStyle.DotLine))

    def mark(self, changes: ChangeSet) -> None:
        if changes.reset or changes.cases_added or changes.counters_changed:
            self.dirty = True

    def refresh(self, now: float) -> None:
        st = self.stats
        today = np.asarray(st.today, dtype=float)
        yest = np.asarray(st.yesterday, dtype=float)
        self.bars.setOpts(height=today)
        self.line.setData(x=np.arange(HOURS, dtype=float), y=yest)
        h = st.hour_now(now)
        self.now_line.setPos(h + 0.5)
        top = max(1.0, float(today.max()), float(yest.max()))
        self.plot.setYRange(0, top * 1.12, padding=0)
        a, b = st.same_time_yesterday(now)
        from datetime import datetime

        hhmm = datetime.fromtimestamp(now, self.ctx.zone).strftime("%H:%M")
        self.summary.set_text(translate("Wall", "Up to {t}: today {a} · yesterday by then {b}").format(t=hhmm, a=f"{a:,}", b=f"{b:,}"))
        self.axis.picture = None  # hour labels follow day_start
        self.axis.update()
