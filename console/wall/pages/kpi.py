"""The KPI board: today's reported, closed, closure rate, overdue, on-time rate, calls,
pending requests.
"""

from __future__ import annotations

from client.protocol import NOTHING
from client.state import ChangeSet
from console.wall.model import WallStats
from console.wall.pages.base import WallContext, WallPage
from console.wall.paint import WallLabel
from widgets.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFrame,
    Qt,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


#: the KPI tiles' captions
KPI_CAPTIONS = {
    "reported": QT_TRANSLATE_NOOP("Wall", "Reported today"),
    "closed": QT_TRANSLATE_NOOP("Wall", "Closed today"),
    "rate": QT_TRANSLATE_NOOP("Wall", "Closure rate"),
    "overdue": QT_TRANSLATE_NOOP("Wall", "Overdue now"),
    "ontime": QT_TRANSLATE_NOOP("Wall", "On-time rate"),
    "calls": QT_TRANSLATE_NOOP("Wall", "Live calls"),
    "pending": QT_TRANSLATE_NOOP("Wall", "Requests to decide"),
}
ON_TIME_TARGET = 0.9  # below it the on-time rate shows ▼ in the warning colour


class _Tile(QFrame):
    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("wallTile")
        self.key = key
        self.caption = WallLabel("title", self, Qt.AlignmentFlag.AlignHCenter)
        self.value = WallLabel("huge", self, Qt.AlignmentFlag.AlignHCenter)
        self.value.setProperty("wallText", "kpi")
        self.value.setObjectName(f"kpi_{key}")
        self.sub = WallLabel("body", self, Qt.AlignmentFlag.AlignHCenter)
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        lay.addWidget(self.value, 1)
        lay.addWidget(self.sub)


class KpiPage(WallPage):
    """Today's reported, closed, closure rate, overdue, on-time rate and live calls."""

    page_id = "kpi"
    KEYS = ("reported", "closed", "rate", "overdue", "ontime", "calls", "pending")
    COLUMNS = 4

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(ctx, stats, parent)
        self.tiles = {k: _Tile(k, self) for k in self.KEYS}
        self._grid = QtWidgets.QGridLayout(self)
        for i, k in enumerate(self.KEYS):
            self._grid.addWidget(self.tiles[k], i // self.COLUMNS, i % self.COLUMNS)
        for tile in self.tiles.values():
            tile.caption.set_text(translate("Wall", KPI_CAPTIONS[tile.key]))
        self._pending: set[str] = set()  # ids of cases with a request awaiting a decision
        self.mark(ChangeSet(reset=True))

    def set_base(self, base: int) -> None:
        super().set_base(base)
        gap = round(base * 0.6)
        self._grid.setSpacing(gap)
        self._grid.setContentsMargins(0, gap // 2, 0, 0)
        for tile in self.tiles.values():
            pad = round(base * 0.5)
            lay = tile.layout()
            if lay is not None:
                lay.setContentsMargins(pad, pad, pad, pad)

    def refresh(self, now: float) -> None:
        st, state = self.stats, self.ctx.state
        tl = self.tiles
        today, yest = st.same_time_yesterday(now)
        tl["reported"].value.set_text(f"{st.reported:,}")
        tl["reported"].sub.set_text(translate("Wall", "yesterday by now {n}").format(n=f"{yest:,}"))
        tl["closed"].value.set_text(f"{st.closed:,}")
        start = st.day.start
        from datetime import datetime

        tl["closed"].sub.set_text(translate("Wall", "since {t}").format(t=datetime.fromtimestamp(
            start, self.ctx.zone).strftime("%H:%M")))
        rate = st.closure_rate()
        tl["rate"].value.set_text("—" if rate is None else f"{rate * 100:.0f}%")
        tl["rate"].sub.set_text(translate("Wall", "{c} of {r} of today's reports closed").format(c=st.closed_of_reported, r=st.reported))
        over = len(state.overdue_ids())
        tl["overdue"].value.set_text(f"⚠ {over:,}" if over else "✓ 0")
        tl["overdue"].value.set_tone("danger" if over else "ok")
        tl["overdue"].sub.set_text(translate("Wall", "◔ {n} near due").format(n=f"{len(state.near_due_ids()):,}"))
        ot = st.on_time_rate()
        low = ot is not None and ot < ON_TIME_TARGET
        tl["ontime"].value.set_text("—" if ot is None else f"{'▼ ' if low else ''}{ot * 100:.0f}%")
        tl["ontime"].value.set_tone("warn" if low else None)
        tl["ontime"].sub.set_text(translate("Wall", "{c} on time of {n} closed").format(c=st.closed_on_time, n=st.closed))
        calls = state.calls
        units = {u for c in calls.values() for u in (c.get("unit_ids") or ()) if isinstance(u, str)}
        tl["calls"].value.set_text(f"{len(calls):,}")
        tl["calls"].sub.set_text(translate("Wall", "{n} units taking part").format(n=len(units)))
        # protocol 1.1: the units' requests awaiting a decision (kept by mark())
        pending = [state.cases[c]["pending"] for c in self._pending if c in state.cases]
        returns = sum(1 for p in pending if (p or NOTHING).get("kind") == "return")
        tl["pending"].value.set_text(f"{len(pending):,}")
        tl["pending"].value.set_tone("warn" if pending else None)
        tl["pending"].sub.set_text(translate("Wall", "returns {r} · extensions {e}").format(r=returns, e=len(pending) - returns))

    def mark(self, changes: ChangeSet) -> None:
        if (changes.reset or changes.counters_changed or changes.alerts_changed
                or changes.calls_changed or changes.cases_added or changes.cases_changed):
            self.dirty = True
        cases = self.ctx.state.cases
        if changes.reset:
            touched: object = cases.keys()
            self._pending.clear()
        else:
            touched = changes.cases_added | changes.cases_changed | changes.cases_removed
        for cid in touched:  # type: ignore[attr-defined]
            case = cases.get(cid)
            if case is not None and isinstance(case.get("pending"), dict) \
                    and case.get("status") != "closed":
                self._pending.add(cid)
            else:
                self._pending.discard(cid)
