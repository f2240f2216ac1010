"""The unit load page: a heat board of units by open cases per on-duty person."""

from __future__ import annotations

import math

from client.protocol import NOTHING
from client.state import ChangeSet
from console.wall.model import WallStats
from console.wall.pages.base import WallContext, WallPage, wall_colour
from console.wall.paint import QPainter, QRect, WallLabel, draw_text, role_font
from widgets.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QPaintEvent,
    Qt,
    QVBoxLayout,
    QWidget,
    pg,
)

translate = QCoreApplication.translate


LOAD_LEVELS = {
    "high": QT_TRANSLATE_NOOP("Wall", "▲▲▲ high"),
    "mid": QT_TRANSLATE_NOOP("Wall", "▲▲ medium"),
    "low": QT_TRANSLATE_NOOP("Wall", "▲ low"),
}

LOAD_HIGH = 4.0  # open cases per on-duty person: high
LOAD_MID = 2.0


def load_level(load: float) -> str:
    """``high``, ``mid`` or ``low``."""
    return "high" if load >= LOAD_HIGH else "mid" if load >= LOAD_MID else "low"


_LEVEL_FILL = {"high": QColor("#7A2A00"), "mid": QColor("#5C4200"), "low": QColor("#10263A")}
_LEVEL_EDGE = {"high": "fill_danger", "mid": "fill_warn", "low": "border"}


class HeatBoard(QWidget):
    """A grid of unit tiles: name, load number and level word, counts; painted in one go."""

    COLS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int, int, float]] = []  # name, open, duty, overdue, load
        self.base = 27
        self.empty_text = ""
        self.more_text = ""

    def capacity(self) -> int:
        tile_h = round(self.base * 4.6)
        return self.COLS * max(1, self.height() // tile_h)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        b = self.base
        if not self.rows:
            p.setFont(role_font(self, b, "title", bold=True))
            draw_text(p, self.rect(), self.empty_text, Qt.AlignmentFlag.AlignHCenter,
                      wall_colour("muted"))
            p.end()
            return
        cap = self.capacity()
        rows = self.rows[:cap]
        nrows = max(1, math.ceil(len(rows) / self.COLS)) if rows else 1
        nrows = max(nrows, cap // self.COLS)
        gap = round(b * 0.4)
        tw = (self.width() - gap * (self.COLS - 1)) // self.COLS
        th = (self.height() - gap * (nrows - 1)) // nrows
        pad = round(b * 0.4)
        f_name = role_font(self, b, "body", bold=True)
        f_big = role_font(self, b, "big", bold=True)
        f_small = role_font(self, b, "small")
        for i, (name, open_, duty, over, load) in enumerate(rows):
            x = (i % self.COLS) * (tw + gap)
            y = (i // self.COLS) * (th + gap)
            level = load_level(load)
            p.setPen(pg.mkPen(wall_colour(_LEVEL_EDGE[level]), width=max(2, b // 9)))
            p.setBrush(_LEVEL_FILL[level])
            p.drawRoundedRect(QRect(x, y, tw, th), pad, pad)
            inner = QRect(x + pad, y + pad // 2, tw - 2 * pad, th - pad)
            lh = inner.height() // 3
            p.setFont(f_name)
            draw_text(p, QRect(inner.x(), inner.y(), inner.width(), lh), name,
                      Qt.AlignmentFlag.AlignLeft, wall_colour("foreground"))
            p.setFont(f_big)
            draw_text(p, QRect(inner.x(), inner.y() + lh, inner.width() // 2, lh), f"{load:.1f}",
                      Qt.AlignmentFlag.AlignLeft, wall_colour("foreground"))
            p.setFont(f_name)
            draw_text(p, QRect(inner.x() + inner.width() // 2, inner.y() + lh,
                               inner.width() // 2, lh), translate("Wall", LOAD_LEVELS[level]),
                      Qt.AlignmentFlag.AlignRight,
                      wall_colour({"high": "danger", "mid": "warn", "low": "muted"}[level]))
            p.setFont(f_small)
            sub = translate("Wall", "{open} open · {duty} on duty").format(open=open_, duty=duty)
            draw_text(p, QRect(inner.x(), inner.y() + 2 * lh, inner.width(), lh), sub,
                      Qt.AlignmentFlag.AlignLeft, wall_colour("muted"))
            if over:
                draw_text(p, QRect(inner.x(), inner.y() + 2 * lh, inner.width(), lh),
                          translate("Wall", "⚠ {n} overdue").format(n=over), Qt.AlignmentFlag.AlignRight, wall_colour("danger"))
        p.end()


class LoadPage(WallPage):
    """Units by load (open cases per on-duty person), heaviest first."""

    page_id = "load"
    min_refresh_s = 3.0

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(ctx, stats, parent)
        self.board = HeatBoard(self)
        self.more = WallLabel("small", self, Qt.AlignmentFlag.AlignRight)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.board, 1)
        lay.addWidget(self.more)

    def set_base(self, base: int) -> None:
        super().set_base(base)
        self.board.base = base
        self.board.update()

    def mark(self, changes: ChangeSet) -> None:
        if changes.reset or changes.units_changed:
            self.dirty = True

    def refresh(self, now: float) -> None:
        state = self.ctx.state
        rows = []
        for uid, w in state.workloads().items():
            unit = state.units.get(uid) or NOTHING
            duty = unit.get("on_duty")
            duty = duty if isinstance(duty, int) and duty > 0 else 0
            rows.append((self.ctx.unit_name(uid), w.open, duty, w.overdue,
                         w.open / max(duty, 1)))
        rows.sort(key=lambda r: (-r[4], -r[3], r[0]))
        self.board.rows = rows
        self.board.empty_text = translate("Wall", "No open cases")
        hidden = max(0, len(rows) - self.board.capacity())
        self.more.set_text(translate("Wall", "{n} more units").format(n=hidden) if hidden else "")
        self.board.update()
