"""The calls page: active video calls as text."""

from __future__ import annotations

from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from console.wall.model import WallStats
from console.wall.pages.base import WallContext, WallPage, day_word
from console.wall.pages.row_list import RowList
from console.wall.paint import format_elapsed
from widgets.qt import (
    QCoreApplication,
    Qt,
    QVBoxLayout,
    QWidget,
)
from widgets.text import safe

translate = QCoreApplication.translate


class CallsPage(WallPage):
    """Active video calls as text (no join on the wall)."""

    page_id = "calls"
    min_refresh_s = 2.0

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(ctx, stats, parent)
        self.list = RowList(self)
        self.list.columns = [(0.26, Qt.AlignmentFlag.AlignLeft), (0.26, Qt.AlignmentFlag.AlignLeft),
                             (0.28, Qt.AlignmentFlag.AlignLeft), (0.20, Qt.AlignmentFlag.AlignRight)]
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list, 1)
        self._items: list[tuple[float, str, str, str]] = []

    def set_base(self, base: int) -> None:
        super().set_base(base)
        self.list.base = base

    def mark(self, changes: ChangeSet) -> None:
        if changes.reset or changes.calls_changed:
            self.dirty = True

    def refresh(self, now: float) -> None:
        state = self.ctx.state
        items = []
        for call in state.calls.values():
            started = parse_time_or_none(call.get("started_at")) or now
            case_id = call.get("case_id")
            case = state.cases.get(case_id) if isinstance(case_id, str) else None
            about = safe(case.get("title"), 60) if case else (
                translate("Wall", "case {id}").format(id=safe(case_id, 40)) if case_id else "")
            units = [u for u in (call.get("unit_ids") or ()) if isinstance(u, str)]
            names = "、".join(self.ctx.unit_name(u) for u in units[:3])
            if len(units) > 3:
                names += " …" + translate("Wall", "{n} units").format(n=len(units))
            items.append((started, safe(call.get("title"), 80), about, names))
        items.sort(key=lambda it: it[0])
        self._items = items
        self.list.empty_text = translate("Wall", "No video call in progress")
        self._fill(now)

    def _fill(self, now: float) -> None:
        dw = day_word()
        self.list.rows = [
            [(f"▶ {title}", "foreground"), (about, "muted"), (units, "foreground"),
             (translate("Wall", "running {d}").format(d=format_elapsed(now - started, dw)), "info")]
            for started, title, about, units in self._items]
        self.list.update()

    def tick(self, now: float) -> None:
        self._fill(now)
