"""The overdue page: overdue cases, most overdue first, their overdue time counting up."""

from __future__ import annotations

from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from console.wall.model import WallStats
from console.wall.pages.base import WallContext, WallPage, day_word
from console.wall.pages.row_list import RowList
from console.wall.paint import WallLabel, format_elapsed
from widgets.common import PRIORITY_SYMBOL, status_text
from widgets.qt import (
    QCoreApplication,
    Qt,
    QVBoxLayout,
    QWidget,
)
from widgets.text import safe

translate = QCoreApplication.translate


class OverduePage(WallPage):
    """Overdue cases, most overdue first, with their overdue time counting up."""

    page_id = "overdue"
    min_refresh_s = 2.0

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(ctx, stats, parent)
        self.total = WallLabel("title", self)
        self.total.setObjectName("overdue_total")
        self.list = RowList(self)
        self.list.columns = [(0.19, Qt.AlignmentFlag.AlignLeft), (0.41, Qt.AlignmentFlag.AlignLeft),
                             (0.18, Qt.AlignmentFlag.AlignLeft), (0.22, Qt.AlignmentFlag.AlignLeft)]
        self.more = WallLabel("small", self, Qt.AlignmentFlag.AlignRight)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.total)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.more)
        self._items: list[tuple[float, str, str, str, str]] = []  # due, prio, title, where, unit

    def set_base(self, base: int) -> None:
        super().set_base(base)
        self.list.base = base

    def mark(self, changes: ChangeSet) -> None:
        if changes.reset or changes.alerts_changed or changes.cases_changed:
            self.dirty = True

    def refresh(self, now: float) -> None:
        state = self.ctx.state
        ids = state.overdue_ids()
        cap = self.list.capacity()
        items = []
        for cid in ids[:cap]:
            c = state.cases.get(cid)
            if c is None:
                continue
            due = parse_time_or_none(c.get("due_at")) or now
            prio = PRIORITY_SYMBOL.get(c.get("priority"), "") if isinstance(
                c.get("priority"), str) else ""
            items.append((due, prio, safe(c.get("title"), 80),
                          self.ctx.region_name(c.get("region_id")),
                          self.ctx.unit_name(c.get("unit_id")) or status_text(c.get("status"))))
        self._items = items
        self.total.set_text(translate("Wall", "{n} overdue").format(n=f"{len(ids):,}") if ids else "")
        self.total.set_tone("danger" if ids else None)
        hidden = len(ids) - len(items)
        self.more.set_text(translate("Wall", "{n} more not shown").format(n=f"{hidden:,}") if hidden > 0 else "")
        self.list.empty_text = translate("Wall", "✓ Nothing overdue")
        self._fill(now)

    def _fill(self, now: float) -> None:
        dw = day_word()
        self.list.rows = [
            [(f"⚠ {format_elapsed(now - due, dw)}", "danger"),
             (f"{prio} {title}".strip(), "foreground"), (where, "muted"), (unit, "foreground")]
            for due, prio, title, where, unit in self._items]
        self.list.update()

    def tick(self, now: float) -> None:
        self._fill(now)
