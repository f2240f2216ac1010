"""The wall's pages: made to be read from five metres, all day, without anyone touching them.

Every page is a :class:`WallPage`: it keeps nothing that grows with the feed (it reads the
State and :class:`console.wall.model.WallStats` when it refreshes), marks itself dirty from
change sets, and is refreshed by the controller only while it is shown (at most every
``min_refresh_s``). Charts keep their pyqtgraph items and update them in place
(``setData``/``setOpts``); lists and boards are painted in one ``paintEvent``.

Type sizes are roles of the base size (:mod:`console.wall.theme`); status always pairs a
symbol and a word with its colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import numpy as np

from client.api import HubClient
from client.geometry import RegionMap, fetch_geometry
from client.protocol import NOTHING, Case, Event
from client.state import ChangeSet, State
from client.timeutil import parse_time_or_none
from console.wall.model import HOURS, OTHER, WallStats
from console.wall.paint import QPainter, QRect, WallLabel, draw_text, format_elapsed, role_font
from console.wall.theme import WALL
from widgets.common import PRIORITY_SYMBOL, current_lang, status_text
from widgets.map_layers import RegionLayer, choropleth_colour
from widgets.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QColor,
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QPaintEvent,
    Qt,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    pg,
)
from widgets.text import safe

translate = QCoreApplication.translate

#: each page's heading, by page id
PAGE_TITLES = {
    "kpi": QT_TRANSLATE_NOOP("Wall", "Today at a glance"),
    "map": QT_TRANSLATE_NOOP("Wall", "Open cases"),
    "trend": QT_TRANSLATE_NOOP("Wall", "Reports per hour"),
    "breakdown": QT_TRANSLATE_NOOP("Wall", "Today's reports"),
    "load": QT_TRANSLATE_NOOP("Wall", "Unit load"),
    "overdue": QT_TRANSLATE_NOOP("Wall", "Overdue cases"),
    "calls": QT_TRANSLATE_NOOP("Wall", "Video calls"),
    "rank": QT_TRANSLATE_NOOP("Wall", "This month's ranking"),
}
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
BREAKDOWN_HEADS = {
    "category": QT_TRANSLATE_NOOP("Wall", "By category"),
    "area": QT_TRANSLATE_NOOP("Wall", "By area"),
}
LOAD_LEVELS = {
    "high": QT_TRANSLATE_NOOP("Wall", "▲▲▲ high"),
    "mid": QT_TRANSLATE_NOOP("Wall", "▲▲ medium"),
    "low": QT_TRANSLATE_NOOP("Wall", "▲ low"),
}

LOAD_HIGH = 4.0  # open cases per on-duty person: high
LOAD_MID = 2.0
ON_TIME_TARGET = 0.9  # below it the on-time rate shows ▼ in the warning colour


class WallContext(Protocol):
    """What the pages need (a :class:`console.session.Session` is one)."""

    state: State
    zone: ZoneInfo

    @property
    def cache_dir(self) -> Path | None:
        """Where the region polygons are kept (None: nowhere)."""

    def fetch(self, fn: Callable[[HubClient], Any], on_ok: Callable[[Any], None],
              on_error: Callable[[Exception], None] | None = None) -> None:
        """Run a read ``fn(api)`` off the GUI thread and call back on it."""

    def region_name(self, region_id: str | None) -> str: ...

    def unit_name(self, unit_id: str | None) -> str: ...


def _c(name: str) -> QColor:
    return QColor(WALL[name])


def _day_word() -> str:
    return "天" if current_lang() == "zh_CN" else "d"


class WallPage(QWidget):
    """Base of the wall's pages.

    Attributes:
        page_id: the page's name in playlists.
        dirty: the page must be refreshed before it is next seen.
        min_refresh_s: the shortest interval between two refreshes while shown.
        refreshed_at: when the page was last refreshed (controller clock).
    """

    page_id = "page"
    min_refresh_s = 1.0

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"wallPage_{self.page_id}")
        self.ctx = ctx
        self.stats = stats
        self.base = 27
        self.dirty = True
        self.refreshed_at = -math.inf

    def title(self) -> str:
        """The page's heading."""
        return translate("Wall", PAGE_TITLES[self.page_id])

    def set_base(self, base: int) -> None:
        """Adopt a new base type size."""
        self.base = base
        self.update()

    def mark(self, changes: ChangeSet) -> None:
        """Note what a change set means for this page (default: anything → dirty)."""
        if changes:
            self.dirty = True

    # ---- As a receiver of the wall's distributor

    @property
    def pane_id(self) -> str:
        """The name the distributor logs a failure under."""
        return f"wall-{self.page_id}"

    def on_changes(self, changes: ChangeSet) -> None:
        """A change set from the pump: :meth:`mark` what it means for this page."""
        self.mark(changes)

    def on_events(self, events: list[Event]) -> None:
        """The events behind the last change set: the pages count from the bookkeeping."""

    def on_tick(self, now: float) -> None:
        """Nothing: the controller refreshes the page shown when its clock moves."""

    def maybe_refresh(self, now: float, force: bool = False) -> bool:
        """Refresh if dirty (and not refreshed within ``min_refresh_s``), or if forced."""
        if force or (self.dirty and now - self.refreshed_at >= self.min_refresh_s):
            self.dirty = False
            self.refreshed_at = now
            self.refresh(now)
            return True
        return False

    def refresh(self, now: float) -> None:
        """Re-read the State and the stats."""

    def tick(self, now: float) -> None:
        """Advance live times (called every second while shown)."""

    def reset_day(self) -> None:
        """The wall day rolled over: forget per-day drawing state."""
        self.dirty = True


def _frame(parent: QWidget) -> QFrame:
    f = QFrame(parent)
    f.setObjectName("wallTile")
    return f


# ---- KPI board


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


# ---- Map

_MAP_STATUSES = ("reported", "returned", "dispatched", "accepted")
_MAP_SYMBOL = {"reported": "o", "returned": "t", "dispatched": "s", "accepted": "d"}
_MAP_CHAR = {"reported": "●", "returned": "▼", "dispatched": "■", "accepted": "◆"}
_MAP_COLOR = {"reported": "fill_danger", "returned": "fill_critical",
              "dispatched": "fill_warn", "accepted": "fill_info"}


def _parsed(fc: dict | None) -> RegionMap | None:
    """Parse region polygons where they were fetched (a worker thread)."""
    return RegionMap(fc) if fc is not None else None


def _quiet_plot(parent: QWidget, **kw: object) -> pg.PlotWidget:
    """A PlotWidget with nothing to click: no menu, no mouse, no buttons."""
    plot = pg.PlotWidget(parent, background=WALL["background"], **kw)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    plot.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    vb = plot.getViewBox()
    vb.setMenuEnabled(False)
    for menu in (getattr(vb, "menu", None), getattr(plot.getPlotItem(), "ctrlMenu", None)):
        if menu is not None:
            for action in menu.actions():
                action.setEnabled(False)
            menu.setEnabled(False)
    scene_actions = getattr(plot.scene(), "contextMenu", None) or []
    for action in [*scene_actions, *plot.findChildren(QAction)]:
        action.setEnabled(False)  # pyqtgraph's "Export..." and view menus: never reachable
    return plot


class MapPage(WallPage):
    """Open cases by status (shape + colour + legend words); overdue ones pulse in a ring.

    With the hub's region polygons (``GET /regions/geometry``, 1.1) the regions below the
    post (the counties, for a prefecture) are drawn under the points, shaded by open
    cases, each labelled with its name, open and overdue counts — the console map's
    :class:`widgets.map_layers.RegionLayer` at wall scale.
    """

    page_id = "map"
    min_refresh_s = 30.0

    def __init__(self, ctx: WallContext, stats: WallStats, parent: QWidget | None = None) -> None:
        super().__init__(ctx, stats, parent)
        self.plot = _quiet_plot(self)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True, ratio=1 / math.cos(math.radians(25)))
        self.items: dict[str, pg.ScatterPlotItem] = {}
        for st in _MAP_STATUSES:
            item = pg.ScatterPlotItem(symbol=_MAP_SYMBOL[st], brush=pg.mkBrush(_c(_MAP_COLOR[st])),
                                      pen=pg.mkPen(QColor(0, 0, 0), width=1), antialias=True)
            self.items[st] = item
            self.plot.addItem(item)
        self.ring = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush(None), antialias=True)
        self.plot.addItem(self.ring)
        self.regions = RegionLayer(QColor(150, 160, 175), _c("foreground"),
                                   QColor(4, 6, 10, 190), line_width=2.0)
        self.regions.set_backdrop(_c("background"))
        self.plot.addItem(self.regions)
        self.plot.addItem(self.regions.label_layer)
        self.geo: RegionMap | None = None
        self.region_counts: dict[str, tuple[int, int]] = {}
        self.labels: dict[str, pg.TextItem] = {}
        self.legend = WallLabel("body", self, Qt.AlignmentFlag.AlignHCenter)
        self.legend.setObjectName("map_legend")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.legend)
        self.counts = dict.fromkeys(_MAP_STATUSES, 0)
        self.overdue_count = 0
        # open cases drawn: id -> (status, lon, lat, area), kept by deltas from change sets
        self._pts: dict[str, tuple[str, float, float, str | None]] = {}
        self._index_all()
        self._bounds: tuple[float, float, float, float] | None = None
        self._apply_sizes()
        folder = ctx.cache_dir
        ctx.fetch(lambda api: _parsed(fetch_geometry(api, folder)), self.set_geometry,
                  lambda exc: None)

    def set_geometry(self, fc: object) -> None:
        """Draw the regions below the post (a FeatureCollection, or one already parsed)."""
        if isinstance(fc, RegionMap):
            geo = fc
        elif isinstance(fc, dict):
            geo = RegionMap(fc, self.ctx.state.regions)
        else:
            return
        if not len(geo) or geo.root is None:
            return
        self.geo = geo
        shown = geo.shown_under(geo.root)
        self.regions.set_regions({rid: geo.shapes[rid].rings for rid in shown},
                                 geo.shapes[geo.root].rings if shown != [geo.root] else None)
        for label in self.labels.values():
            label.setVisible(False)
        self._bounds = None
        self.dirty = True

    def set_base(self, base: int) -> None:
        super().set_base(base)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        dot = max(8, round(self.base * 0.5))
        for item in self.items.values():
            item.setSize(dot)
        self.ring.setSize(round(dot * 2.4))
        self.ring.setPen(pg.mkPen(_c("danger"), width=max(3, round(self.base / 6))))
        font = role_font(self, self.base, "small", bold=True)
        for label in self.labels.values():
            label.setFont(font)
        self.regions.set_font(font)

    def mark(self, changes: ChangeSet) -> None:
        if changes.reset:
            self._index_all()
        else:
            cases = self.ctx.state.cases
            for ids in (changes.cases_added, changes.cases_changed, changes.cases_removed):
                for cid in ids:
                    self._index(cid, cases.get(cid))
        if (changes.reset or changes.cases_added or changes.cases_changed
                or changes.cases_removed or changes.alerts_changed):
            self.dirty = True

    def _index_all(self) -> None:
        self._pts = {}
        for cid, case in self.ctx.state.cases.items():
            self._index(cid, case)

    def _index(self, cid: str, case: Case | None) -> None:
        st = case.get("status") if case is not None else None
        if st in _MAP_SYMBOL:
            lat, lon = case.get("lat"), case.get("lon")  # type: ignore[union-attr]
            if (isinstance(lat, int | float) and isinstance(lon, int | float)
                    and -90 <= lat <= 90 and -180 <= lon <= 180):
                self._pts[cid] = (st, float(lon), float(lat),
                                  self.stats.area_of(case.get("region_id")))  # type: ignore[union-attr]
                return
        self._pts.pop(cid, None)

    def refresh(self, now: float) -> None:
        state = self.ctx.state
        xs: dict[str, list[float]] = {s: [] for s in _MAP_STATUSES}
        ys: dict[str, list[float]] = {s: [] for s in _MAP_STATUSES}
        sums: dict[str, list[float]] = {}
        for st, lon, lat, area in self._pts.values():
            xs[st].append(lon)
            ys[st].append(lat)
            if area is not None:
                acc = sums.get(area)
                if acc is None:
                    acc = sums[area] = [0.0, 0.0, 0]
                acc[0] += lon
                acc[1] += lat
                acc[2] += 1
        for st, item in self.items.items():
            item.setData(x=np.asarray(xs[st], dtype=float), y=np.asarray(ys[st], dtype=float))
            self.counts[st] = len(xs[st])
        ox, oy = [], []
        cases = state.cases
        for cid in state.overdue_ids():
            c = cases.get(cid)
            if c is None:
                continue
            clat, clon = c.get("lat"), c.get("lon")
            if isinstance(clat, int | float) and isinstance(clon, int | float):
                ox.append(clon)
                oy.append(clat)
        self.ring.setData(x=np.asarray(ox, dtype=float), y=np.asarray(oy, dtype=float))
        self.overdue_count = len(ox)
        allx = [v for s in _MAP_STATUSES for v in xs[s]]
        ally = [v for s in _MAP_STATUSES for v in ys[s]]
        if self.geo is not None:
            self._shade_regions()
            box = self.geo.bbox_of([self.geo.root]) if self.geo.root else None
            if box is not None and self._bounds is None:
                self._bounds = (box[0], box[2], box[1], box[3])
                self.plot.setRange(xRange=(box[0], box[2]), yRange=(box[1], box[3]),
                                   padding=0.03)
            allx = []  # the regions frame the view
        else:
            self._place_labels(sums)
        if allx:
            b = (min(allx), max(allx), min(ally), max(ally))
            if self._bounds is None or any(abs(p - q) > 0.02 for p, q in zip(b, self._bounds,
                                                                            strict=True)):
                self._bounds = b
                self.plot.setRange(xRange=b[:2], yRange=b[2:], padding=0.06)
        total = sum(self.counts.values())
        parts = [translate("Wall", "{n} open").format(n=f"{total:,}")]
        if self.geo is not None:
            parts.append(translate("Wall", "shading = open cases"))
        parts += [f"{_MAP_CHAR[s]} {status_text(s)} {self.counts[s]:,}" for s in _MAP_STATUSES]
        pulsing = translate("Wall", "◯ pulsing = overdue")
        parts.append(f"{pulsing} {self.overdue_count:,}")
        self.legend.set_text("   ".join(parts), 400)

    def _shade_regions(self) -> None:
        """Open and overdue cases per shown region: fill and labels."""
        geo = self.geo
        assert geo is not None
        shown = geo.shown_under(geo.root)
        depth = geo.depth(shown[0])
        opened = dict.fromkeys(shown, 0)
        overdue = dict.fromkeys(shown, 0)
        chain_at: dict[str, str | None] = {}
        cases = self.ctx.state.cases

        def region_at(rid: object) -> str | None:
            if not isinstance(rid, str):
                return None
            if rid not in chain_at:
                chain = geo.chain(rid)
                chain_at[rid] = chain[depth] if len(chain) > depth else None
            return chain_at[rid]

        for cid in self._pts:
            r = region_at((cases.get(cid) or NOTHING).get("region_id"))
            if r in opened:
                opened[r] += 1
        for cid in self.ctx.state.overdue_ids():
            if cid in self._pts:
                r = region_at((cases.get(cid) or NOTHING).get("region_id"))
                if r in overdue:
                    overdue[r] += 1
        top = max(opened.values(), default=0)
        self.region_counts = {r: (opened[r], overdue[r]) for r in shown}
        self.regions.set_fills({r: choropleth_colour(n, top, alpha=110)
                                for r, n in opened.items()})
        self.regions.set_labels([
            (*geo.shapes[r].label, translate("Wall", "{name}\n{n} open · {d} overdue").format(name=safe(geo.shapes[r].name, 16), n=f"{opened[r]:,}", d=f"{overdue[r]:,}"))
            for r in sorted(shown, key=lambda r: -opened[r])])

    def _place_labels(self, sums: dict[str, list[float]]) -> None:
        font = role_font(self, self.base, "small", bold=True)
        for area, (sx, sy, n) in sums.items():
            label = self.labels.get(area)
            if label is None:
                if len(self.labels) >= 64:
                    continue
                label = pg.TextItem(anchor=(0.5, 0.5), color=_c("foreground"),
                                    fill=pg.mkBrush(QColor(4, 6, 10, 170)))
                label.setFont(font)
                label.setZValue(10)
                self.plot.addItem(label)
                self.labels[area] = label
            label.setText(safe(self.ctx.region_name(area), 24))
            label.setPos(sx / n, sy / n)
            label.setVisible(True)
        for area, label in self.labels.items():
            if area not in sums:
                label.setVisible(False)

    def pulse(self, phase: float) -> None:
        """Set the overdue ring's opacity for pulse ``phase`` (0…1)."""
        self.ring.setOpacity(0.25 + 0.75 * (0.5 + 0.5 * math.cos(2 * math.pi * phase)))

    def reset_day(self) -> None:
        super().reset_day()
        for label in self.labels.values():
            self.plot.removeItem(label)
        self.labels.clear()


# ---- Hourly trend


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
        self.plot = _quiet_plot(self, axisItems={"bottom": self.axis})
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        x = np.arange(HOURS, dtype=float)
        self.bars = pg.BarGraphItem(x=x, height=np.zeros(HOURS), width=0.72,
                                    brush=pg.mkBrush(_c("today")), pen=pg.mkPen(None))
        self.line = pg.PlotDataItem(x=x, y=np.zeros(HOURS), symbol="d",
                                    symbolBrush=pg.mkBrush(_c("background")), antialias=True)
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
            ax.setTextPen(pg.mkPen(_c("foreground")))
            ax.setPen(pg.mkPen(_c("muted"), width=max(1, b // 14)))
        self.plot.getAxis("left").setWidth(round(b * 2.6))
        self.plot.getAxis("bottom").setHeight(round(b * 2.2))
        self.line.setPen(pg.mkPen(_c("yesterday"), width=max(2, b // 7), style=Qt.PenStyle.DashLine))
        self.line.setSymbolSize(max(8, round(b * 0.55)))
        self.line.setSymbolPen(pg.mkPen(_c("yesterday"), width=max(2, b // 9)))
        self.now_line.setPen(pg.mkPen(_c("muted"), width=max(1, b // 14),
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


# ---- Breakdown (category, area)


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
                      _c("foreground"))
            length = max(2, round(bar_w * value / top))
            p.fillRect(QRect(bar_x, y + round(row_h * 0.2), length, round(row_h * 0.6)),
                       _c("today"))
            draw_text(p, QRect(bar_x + length + round(b * 0.3), y, num_w, row_h), f"{value:,}",
                      Qt.AlignmentFlag.AlignLeft, _c("foreground"))
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


# ---- Unit load heat board


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
                      _c("muted"))
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
            p.setPen(pg.mkPen(_c(_LEVEL_EDGE[level]), width=max(2, b // 9)))
            p.setBrush(_LEVEL_FILL[level])
            p.drawRoundedRect(QRect(x, y, tw, th), pad, pad)
            inner = QRect(x + pad, y + pad // 2, tw - 2 * pad, th - pad)
            lh = inner.height() // 3
            p.setFont(f_name)
            draw_text(p, QRect(inner.x(), inner.y(), inner.width(), lh), name,
                      Qt.AlignmentFlag.AlignLeft, _c("foreground"))
            p.setFont(f_big)
            draw_text(p, QRect(inner.x(), inner.y() + lh, inner.width() // 2, lh), f"{load:.1f}",
                      Qt.AlignmentFlag.AlignLeft, _c("foreground"))
            p.setFont(f_name)
            draw_text(p, QRect(inner.x() + inner.width() // 2, inner.y() + lh,
                               inner.width() // 2, lh), translate("Wall", LOAD_LEVELS[level]),
                      Qt.AlignmentFlag.AlignRight,
                      _c({"high": "danger", "mid": "warn", "low": "muted"}[level]))
            p.setFont(f_small)
            sub = translate("Wall", "{open} open · {duty} on duty").format(open=open_, duty=duty)
            draw_text(p, QRect(inner.x(), inner.y() + 2 * lh, inner.width(), lh), sub,
                      Qt.AlignmentFlag.AlignLeft, _c("muted"))
            if over:
                draw_text(p, QRect(inner.x(), inner.y() + 2 * lh, inner.width(), lh),
                          translate("Wall", "⚠ {n} overdue").format(n=over), Qt.AlignmentFlag.AlignRight, _c("danger"))
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


# ---- Overdue list


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
            draw_text(p, self.rect(), self.empty_text, Qt.AlignmentFlag.AlignHCenter, _c("ok"))
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
                p.fillRect(QRect(0, y, w, row_h), _c("surface"))
            x = gap // 2
            for j, (text, colour) in enumerate(cells):
                share, align = self.columns[j]
                cw = round(w * share)
                p.setFont(bold if j == 0 else font)
                draw_text(p, QRect(x, y, cw - gap, row_h), text, align, _c(colour))
                x += cw
        p.end()


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
        dw = _day_word()
        self.list.rows = [
            [(f"⚠ {format_elapsed(now - due, dw)}", "danger"),
             (f"{prio} {title}".strip(), "foreground"), (where, "muted"), (unit, "foreground")]
            for due, prio, title, where, unit in self._items]
        self.list.update()

    def tick(self, now: float) -> None:
        self._fill(now)


# ---- Calls


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
        dw = _day_word()
        self.list.rows = [
            [(f"▶ {title}", "foreground"), (about, "muted"), (units, "foreground"),
             (translate("Wall", "running {d}").format(d=format_elapsed(now - started, dw)), "info")]
            for started, title, about, units in self._items]
        self.list.update()

    def tick(self, now: float) -> None:
        self._fill(now)


PAGE_TYPES: dict[str, type[WallPage]] = {
    cls.page_id: cls for cls in (KpiPage, MapPage, TrendPage, BreakdownPage, LoadPage,
                                 OverduePage, CallsPage)
}


def _add_loop_pages() -> None:
    """Protocol 1.1's ranking page (console.loop.wall_rank) joins the wall's pages."""
    from console.loop.wall_rank import RankPage

    PAGE_TYPES[RankPage.page_id] = RankPage


_add_loop_pages()
