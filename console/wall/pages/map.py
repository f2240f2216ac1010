"""The wall's map page: open cases by status over the region polygons."""

from __future__ import annotations

import math

import numpy as np

from client.geometry import RegionMap, drawable, fetch_geometry
from client.protocol import NOTHING, Case
from client.state import ChangeSet
from console.wall.model import WallStats
from console.wall.pages.base import WallContext, WallPage, wall_colour
from console.wall.pages.quiet_plot import quiet_plot
from console.wall.paint import WallLabel, role_font
from widgets.common import status_text
from widgets.map_layers import RegionLayer, choropleth_colour
from widgets.qt import (
    QColor,
    QCoreApplication,
    Qt,
    QVBoxLayout,
    QWidget,
    pg,
)
from widgets.text import safe

translate = QCoreApplication.translate


_MAP_STATUSES = ("reported", "returned", "dispatched", "accepted")
_MAP_SYMBOL = {"reported": "o", "returned": "t", "dispatched": "s", "accepted": "d"}
_MAP_CHAR = {"reported": "●", "returned": "▼", "dispatched": "■", "accepted": "◆"}
_MAP_COLOR = {"reported": "fill_danger", "returned": "fill_critical",
              "dispatched": "fill_warn", "accepted": "fill_info"}


def _parsed(fc: dict | None) -> RegionMap | None:
    """Parse region polygons where they were fetched (a worker thread)."""
    return RegionMap(fc) if fc is not None else None


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
        self.plot = quiet_plot(self)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True, ratio=1 / math.cos(math.radians(25)))
        self.items: dict[str, pg.ScatterPlotItem] = {}
        for st in _MAP_STATUSES:
            item = pg.ScatterPlotItem(symbol=_MAP_SYMBOL[st], brush=pg.mkBrush(wall_colour(_MAP_COLOR[st])),
                                      pen=pg.mkPen(QColor(0, 0, 0), width=1), antialias=True)
            self.items[st] = item
            self.plot.addItem(item)
        self.ring = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush(None), antialias=True)
        self.plot.addItem(self.ring)
        self.regions = RegionLayer(QColor(150, 160, 175), wall_colour("foreground"),
                                   QColor(4, 6, 10, 190), line_width=2.0)
        self.regions.set_backdrop(wall_colour("background"))
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
        geo = drawable(fc, self.ctx.state.regions)
        if geo is None or geo.root is None:
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
        self.ring.setPen(pg.mkPen(wall_colour("danger"), width=max(3, round(self.base / 6))))
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
                label = pg.TextItem(anchor=(0.5, 0.5), color=wall_colour("foreground"),
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
