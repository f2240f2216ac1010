"""Map pane (民情地图): region boundaries with a choropleth, case points or clusters, heat.

Layers, bottom up: an optional raster base map (``widgets.map_tiles``), the regions of
the level in view (``widgets.map_layers.RegionLayer``: filled by open cases, labelled
with name, open and overdue counts), the heat image (toggle), then the cases — one
scatter of slots when few are in view, clusters (``client.map_math.cluster``, numpy,
power-of-two cells anchored at 0 so a pan reuses them) when more than
``widgets.map_view_layers.CLUSTER_MIN`` are — the selection ring on top, and a scale bar
and north arrow over the view.

Drill-down: clicking inside a region (not on a case) focuses the map on it; "↑" goes
back up. Both are user gestures and emit ``sig_region_chosen``; ``show_region`` (for the
region tree, issue 13) changes the focus without emitting. The map follows the queue's
filter (``set_filter``) and the shared selection (``on_selection`` pans to a case out of
view) but never selects anything by itself.

Region polygons come from ``GET /regions/geometry`` (1.1) through ``ctx.fetch`` (off the
GUI thread; kept on disk beside the shift cache, ETag-revalidated). Without them — a 1.0
hub — the map is the points alone, as before.

A supervisor drags a case from the map with **Shift** held (Shift+press on a point, then
move): a plain drag pans the map. The gestures (click, Shift+drag) are
:class:`widgets.map_gestures.MapGestures`; the drag's payload is the queue's
(``widgets.case_drag``), so the workload and dispatch boards take it alike.

The case points are a fixed set of reusable *slots* (:mod:`widgets.map_slots`: a batch
restyles only its own slots; a full ``setData`` only on a snapshot load or when the slots
run out). Redraws are throttled by a named timer (``map_redraw``).

Symbols by status (reported ●, returned ▼, dispatched ■, accepted ◆), fill by priority
(Okabe–Ito vermillion/orange/blue); the legend says so in words.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np

from client.geometry import RegionMap, drawable, fetch_geometry
from client.map_math import ClusterPyramid, region_counts
from client.protocol import NOTHING, Case
from client.regions import Scope
from client.state import ChangeSet
from client.workload import is_active
from widgets.case_drag import encode_items
from widgets.common import plain_label, priority_text, status_text
from widgets.map_gestures import MapGestures
from widgets.map_layers import (
    ClusterLayer,
    HeatLayer,
    MapOverlay,
    RegionLayer,
    choropleth_colour,
)
from widgets.map_slots import (
    PRIO_CODE,
    PRIO_LIST,
    STATUS_CODE,
    STATUS_SYMBOLS,
    SYMBOL_CHARS,
    PointSlots,
    SlotScatter,
)
from widgets.map_view_layers import MapViewLayers
from widgets.pane import Pane, PaneContext
from widgets.pane_roles import CaseFilterFollower, RegionChooser, ScopeListener
from widgets.qt import (
    QColor,
    QDrag,
    QElapsedTimer,
    QEvent,
    QFont,
    QHBoxLayout,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    pg,
)
from widgets.text import safe

if TYPE_CHECKING:
    from widgets.map_tiles import TileLayer

log = logging.getLogger(__name__)

CLICK_TOLERANCE_PX = 8.0
#: regions labelled at most (more are drawn, unlabelled)
MAX_LABELS = 80

Filter = Callable[[str, Case], bool]




class MapPane(Pane, RegionChooser, ScopeListener, CaseFilterFollower, MapViewLayers):
    """The 民情地图: regions, choropleth, cases (points or clusters), heat, drill-down.

    Signals:
        sig_case_selected(str): the user clicked a case (inherited).
        sig_region_chosen(str): the user drilled into a region (or back up to it).

    Public API besides the Pane contract:
        point_count(): how many cases are drawn (pass the filter, have a position).
        position_of(case_id): ``(lon, lat)`` of a drawn case, or None.
        select_at(lon, lat): select the nearest drawn case within the click tolerance.
        flush(): apply pending changes now (the redraw timer does it otherwise).
        set_geometry(fc): region polygons (a GeoJSON FeatureCollection) to draw.
        show_region(region_id): focus on a region (None: the post's own) without emitting.
        focus(): the focused region id (None before polygons arrive).
        set_filter(predicate): show only the cases for which ``predicate(id, case)``.
        set_heat(on): the density layer instead of points and clusters.
        region_counts(): ``{region id: (open, overdue)}`` for the regions in view.
        clustered(): whether clusters are shown instead of points.

    Args:
        redraw_ms: minimum interval between redraws.
    """

    pane_id = "map"
    #: the scope the cases are narrowed to (None: the whole post)
    _scope: Scope | None = None

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None,
                 redraw_ms: int = 500) -> None:
        super().__init__(ctx, parent)
        self._build_plot()
        self.drag_allowed = not ctx.read_only and ctx.role == "supervisor"
        self.plot.viewport().installEventFilter(self)  # resizes
        self.gestures = MapGestures(self)  # clicks and Shift+drags
        pal = self.palette()
        self.overlay = MapOverlay(self.plot.viewport(), pal.text().color(),
                                  QColor(255, 255, 255, 170)
                                  if pal.base().color().lightness() > 128
                                  else QColor(20, 24, 30, 170))
        self._build_toolbar()
        self._init_points()
        self._timer = QTimer(self)
        self._timer.setObjectName("map_redraw")
        self._timer.setSingleShot(True)
        self._timer.setInterval(redraw_ms)
        self._timer.timeout.connect(self.flush)
        vb = self.plot.getViewBox()
        vb.sigRangeChanged.connect(self._on_range)
        vb.sigRangeChangedManually.connect(self._on_manual_range)
        self._style_plot()
        self._retranslate()
        self.flush()
        self._load_geometry()
        self._start_tiles()

    def _build_plot(self) -> None:
        """The plot and its layers, bottom up (the base map joins later, when configured)."""
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("map_plot")
        self.plot.setAspectLocked(True, ratio=1 / math.cos(math.radians(25)))
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        # no axes or grid: the scale bar and north arrow say what a degree would (and the
        # axes' pictures cost ~15 ms a frame at 1920×1080)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.scatter = SlotScatter(pxMode=True, useCache=True, hoverable=False)
        self.plot.addItem(self.scatter)
        self.highlight = pg.ScatterPlotItem(pxMode=True, size=22, symbol="o",
                                            brush=pg.mkBrush(None),
                                            pen=pg.mkPen(QColor("#000000"), width=3))
        self.highlight_inner = pg.ScatterPlotItem(pxMode=True, size=16, symbol="o",
                                                  brush=pg.mkBrush(None),
                                                  pen=pg.mkPen(QColor("#FFFFFF"), width=2))
        for item in (self.highlight, self.highlight_inner):
            item.setZValue(20)
            self.plot.addItem(item)
        pal = self.palette()
        self.regions_layer = RegionLayer(QColor(90, 90, 90), pal.text().color(),
                                         QColor(255, 255, 255, 190)
                                         if pal.base().color().lightness() > 128
                                         else QColor(20, 24, 30, 190))
        self.plot.addItem(self.regions_layer)
        self.plot.addItem(self.regions_layer.label_layer)
        self.clusters = ClusterLayer(QColor(0, 114, 178, 210), QColor("#FFFFFF"),
                                     QColor(213, 94, 0))
        self.clusters.hide()
        self.plot.addItem(self.clusters)
        self.heat_layer = HeatLayer()
        self.heat_layer.hide()
        self.plot.addItem(self.heat_layer)
        self.tiles: TileLayer | None = None  # when a base map is configured

    def _build_toolbar(self) -> None:
        """The bar above the map (up, crumbs, base map, heat, fit), the legend below it."""
        self.up_button = QToolButton(self)
        self.up_button.setObjectName("map_up")
        self.up_button.clicked.connect(self.go_up)
        self.crumbs = plain_label("", self)
        self.crumbs.setObjectName("map_crumbs")
        self.heat_button = QToolButton(self)
        self.heat_button.setObjectName("map_heat")
        self.heat_button.setCheckable(True)
        self.heat_button.toggled.connect(self.set_heat)
        self.fit_button = QToolButton(self)
        self.fit_button.setObjectName("map_fit")
        self.fit_button.clicked.connect(self.fit)
        self.base_label = plain_label("", self)
        self.base_label.setObjectName("map_base")
        bar = QHBoxLayout()
        bar.setContentsMargins(2, 0, 2, 0)
        bar.addWidget(self.up_button)
        bar.addWidget(self.crumbs, 1)
        bar.addWidget(self.base_label)
        bar.addWidget(self.heat_button)
        bar.addWidget(self.fit_button)
        self.legend = plain_label("", self, wrap=True)
        self.legend.setObjectName("map_legend")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(bar)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.legend)

    def _init_points(self) -> None:
        """The cases' slot bookkeeping, the focus and the view caches (before any data)."""
        self._slots = PointSlots(self.scatter)
        self._ids: list[str | None] = []
        self._slot_of: dict[str, int] = {}
        self._free: list[int] = []
        self._style = np.empty(0, dtype=np.int64)     # style code per slot (-1: free)
        self._pass = np.empty(0, dtype=bool)          # passes the queue's filter
        self._leaf = np.empty(0, dtype=np.int64)      # region index per slot (-1: unknown)
        self._overdue = np.empty(0, dtype=bool)
        self._filter: Filter | None = None
        self._dirty: set[str] = set()
        self._alerts: set[str] = set()  # cases that entered or left the overdue set
        self._need_reset = True
        self._selected: str | None = None
        self.geo: RegionMap | None = None
        self._focus: str | None = None
        self._shown: list[str] = []
        self._counts: dict[str, tuple[int, int]] = {}
        self._heat_on = False
        self._auto_fit = True
        self._data_version = 0
        self._cluster_key: tuple[int, int] | None = None
        # the area clustered at fine levels (the view and one view around it), or None: all
        self._cluster_window: tuple[float, float, float, float] | None = None
        self._box_cache: tuple[int, tuple[float, float, float, float] | None] | None = None
        self._drawn_cache: tuple[int, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._pyramid_cache: tuple[int, ClusterPyramid] | None = None
        self._clustered = False
        self.last_redraw_ms = 0

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Map")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset:
            self._need_reset = True
            self._dirty.clear()
            if self.geo is not None:  # a new snapshot may bring regions the map lacks
                self._load_geometry()
        else:
            self._dirty |= changes.cases_added | changes.cases_changed | changes.cases_removed
            self._alerts |= changes.alerts_changed
        if (self._need_reset or self._dirty or self._alerts) and not self._timer.isActive():
            self._timer.start()

    def on_selection(self, case_id: str | None) -> None:
        self._selected = case_id
        self._show_highlight()
        pos = self.position_of(case_id) if case_id else None
        if pos is not None:
            vb = self.plot.getViewBox()
            (x0, x1), (y0, y1) = vb.viewRange()
            if not (x0 <= pos[0] <= x1 and y0 <= pos[1] <= y1):
                w, h = x1 - x0, y1 - y0
                vb.setRange(xRange=(pos[0] - w / 2, pos[0] + w / 2),
                            yRange=(pos[1] - h / 2, pos[1] + h / 2), padding=0)

    # ---- Public API

    def point_count(self) -> int:
        if not len(self._pass):
            return 0
        return int(np.count_nonzero(self._visible()))

    def position_of(self, case_id: str | None) -> tuple[float, float] | None:
        slot = self._slot_of.get(case_id) if case_id else None
        if slot is None or not self._pass[slot]:
            return None
        return float(self._slots.x[slot]), float(self._slots.y[slot])

    def flush(self) -> None:
        """Apply the pending changes now."""
        t = QElapsedTimer()
        t.start()
        changed = self._need_reset or bool(self._dirty) or bool(self._alerts)
        if self._need_reset:
            self._rebuild()
            self._refresh_overdue(None)
        else:
            if self._dirty:
                self._update(self._dirty)
            if self._alerts or self._dirty:
                self._refresh_overdue(self._alerts | self._dirty)
        self._dirty = set()
        self._alerts = set()
        if changed:
            self._data_version += 1
            self._refresh_counts()
            self._refresh_view_layers()
            self._maybe_refit()
            self._retranslate()
        self._show_highlight()
        self.last_redraw_ms = t.elapsed()

    def select_at(self, lon: float, lat: float) -> str | None:
        """Select (emit) the drawn case nearest to ``(lon, lat)`` within the tolerance."""
        cid = self.case_near(lon, lat)
        if cid is not None:
            self._select(cid)
        return cid

    def case_near(self, lon: float, lat: float) -> str | None:
        """The drawn case nearest to ``(lon, lat)`` within the click tolerance, or None."""
        if not self._slot_of:
            return None
        px, py = self.plot.getViewBox().viewPixelSize()
        px, py = px or 1e-9, py or 1e-9
        dx = (self._slots.x - lon) / px
        dy = (self._slots.y - lat) / py
        dist = np.where(self._visible(), dx * dx + dy * dy, np.nan)
        if np.all(np.isnan(dist)):
            return None
        i = int(np.nanargmin(dist))
        if dist[i] > CLICK_TOLERANCE_PX ** 2:
            return None
        return self._ids[i]

    def case_at_pixel(self, pos: QPoint) -> str | None:
        """The case under a point of the plot's viewport (widget pixels), or None."""
        scene = self.plot.mapToScene(pos)
        view = self.plot.getViewBox().mapSceneToView(scene)
        return self.case_near(view.x(), view.y())

    def start_drag(self, case_id: str) -> QDrag | None:
        """Drag ``case_id`` (Shift+drag from the map); returns the finished QDrag."""
        case = self.ctx.state.cases.get(case_id)
        if case is None:
            return None
        drag = QDrag(self)
        drag.setMimeData(encode_items([{"id": case_id, "version": case.get("version")}]))
        drag.exec(Qt.DropAction.MoveAction)
        return drag

    def set_geometry(self, fc: dict | RegionMap | None) -> None:
        """Draw these region polygons — a GeoJSON FeatureCollection, or one already parsed
        (off the GUI thread) — None or an empty collection: the points alone."""
        geo = drawable(fc, self.ctx.state.regions)
        if geo is None:
            return
        self.geo = geo
        if self._focus not in geo.shapes:
            self._focus = geo.root
        self._leaf = self._leaf_indices()
        self._show_focus(fit=True)

    def show_region(self, region_id: str | None) -> None:
        """Focus on ``region_id`` (None: the post's own region); emits nothing."""
        if self.geo is None:
            return
        rid = region_id if region_id in self.geo.shapes else self.geo.root
        if rid == self._focus:
            return
        self._focus = rid
        self._auto_fit = True
        self._show_focus(fit=True)

    def focus(self) -> str | None:
        return self._focus

    def go_up(self) -> None:
        """Back up one level (a user gesture: emits ``sig_region_chosen``)."""
        if self.geo is None or self._focus is None:
            return
        parent = self.geo.parent_of.get(self._focus)
        if parent in self.geo.shapes:
            self.show_region(parent)
            self.sig_region_chosen.emit(parent)

    def set_filter(self, predicate: Filter | None, passing: Iterable[str] | None = None
                   ) -> None:
        """Show only the cases the queue shows (None: every open case).

        ``passing``: the ids that pass, when the caller has them already (the queue's
        rows) — 100,000 look-ups instead of 100,000 predicate calls; ``predicate`` still
        decides for cases that change later.
        """
        self._filter = predicate
        if not len(self._pass):
            return
        cases = self.ctx.state.cases
        ids = self._ids
        owned = np.flatnonzero(self._style >= 0)
        if predicate is None:
            self._pass[owned] = True
        elif passing is not None:
            found = np.array(list(map(self._slot_of.get, passing)), dtype=float)
            idx = found[~np.isnan(found)].astype(np.int64)
            self._pass[owned] = False
            self._pass[idx] = True
        else:
            get = cases.get
            self._pass[owned] = [bool(predicate(ids[i], get(ids[i]) or {}))  # type: ignore[arg-type]
                                 for i in owned.tolist()]
        self._slots.restyle(owned, np.where(self._pass[owned], self._style[owned], -1))
        self._data_version += 1
        self._refresh_counts()
        self._refresh_view_layers()
        self._show_highlight()
        self._retranslate()

    def set_heat(self, on: bool) -> None:
        """Show the density layer (and hide points and clusters), or not."""
        self._heat_on = bool(on)
        if self.heat_button.isChecked() != self._heat_on:
            self.heat_button.setChecked(self._heat_on)
        self._refresh_view_layers()

    def region_counts(self) -> dict[str, tuple[int, int]]:
        return dict(self._counts)

    def clustered(self) -> bool:
        return self._clustered

    def fit(self) -> None:
        """Fit the view to the focused region (and the cases), and keep it fitted."""
        self._auto_fit = True
        box = self._fit_box()
        if box is not None:
            self._set_view(box)

    # ---- Events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """The viewport's resizes: the scale bar and north arrow follow (gestures: MapGestures)."""
        if event.type() == QEvent.Type.Resize and watched is self.plot.viewport():
            self.overlay.place(self.plot.viewport().rect())
            self._on_range()
        return False

    def _select(self, case_id: str) -> None:
        self._selected = case_id
        self._show_highlight()
        self.sig_case_selected.emit(case_id)

    def drill_at(self, lon: float, lat: float) -> str | None:
        """Drill into the region shown at (lon, lat) (a user gesture: emits)."""
        if self.geo is None:
            return None
        rid = self.geo.child_at(self._focus, lon, lat)
        if rid is None or rid == self._focus or rid not in self.geo.children:
            return None  # outside, or a leaf (grids have nothing below)
        self.show_region(rid)
        self.sig_region_chosen.emit(rid)
        return rid

    # ---- Internals: slots

    def on_scope(self, scope: Scope | None) -> None:
        """Show only the cases of ``scope`` (client.regions.Scope: a region and category)."""
        self._scope = None if scope is None or scope.everything else scope
        self._need_reset = True
        self.flush()

    def _wanted(self, case: Case | None) -> tuple[float, float, int] | None:
        if case is None or not is_active(case):
            return None
        scope = self._scope
        if scope is not None and not scope.matches(case, self.ctx.region_index()):
            return None
        lat, lon = case.get("lat"), case.get("lon")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        code = STATUS_CODE.get(case.get("status"), 0) * 3 + PRIO_CODE.get(case.get("priority"), 2)
        return float(lon), float(lat), code

    def _passes(self, cid: str, case: Case) -> bool:
        f = self._filter
        return True if f is None else bool(f(cid, case))

    def _region_index(self, case: Case) -> int:
        if self.geo is None:
            return -1
        return self.geo.index.get(case.get("region_id"), -1)  # type: ignore[arg-type]

    def _leaf_indices(self) -> np.ndarray:
        cases = self.ctx.state.cases
        out = np.full(len(self._ids), -1, dtype=np.int64)
        if self.geo is not None:
            index = self.geo.index
            for i, cid in enumerate(self._ids):
                if cid is not None:
                    rid = (cases.get(cid) or NOTHING).get("region_id")
                    out[i] = index.get(rid, -1) if isinstance(rid, str) else -1
        return out

    def _rebuild(self) -> None:
        self._need_reset = False
        ids: list[str | None] = []
        xs, ys, styles, passes, leaves = [], [], [], [], []
        for cid, case in self.ctx.state.cases.items():
            w = self._wanted(case)
            if w is not None:
                ids.append(cid)
                xs.append(w[0])
                ys.append(w[1])
                styles.append(w[2])
                passes.append(self._passes(cid, case))
                leaves.append(self._region_index(case))
        n = len(ids)
        capacity = max(64, n + n // 4)
        self._ids = ids + [None] * (capacity - n)
        self._slot_of = {cid: i for i, cid in enumerate(ids) if cid is not None}
        self._free = list(range(capacity - 1, n - 1, -1))
        self._style = np.full(capacity, -1, dtype=np.int64)
        self._style[:n] = styles
        self._pass = np.ones(capacity, dtype=bool)
        self._pass[:n] = passes
        self._leaf = np.full(capacity, -1, dtype=np.int64)
        self._leaf[:n] = leaves
        self._overdue = np.zeros(capacity, dtype=bool)
        self._slots.reset(capacity, np.array(xs, dtype=float), np.array(ys, dtype=float),
                          np.where(self._pass[:n], self._style[:n], -1))
        self._cluster_key = None

    def _update(self, ids: set[str]) -> None:
        cases = self.ctx.state.cases
        touched: list[int] = []
        sx, sy = self._slots.x, self._slots.y
        for cid in ids:
            if not cid:
                continue
            case = cases.get(cid)
            w = self._wanted(case)
            slot = self._slot_of.get(cid)
            if w is None:
                if slot is not None:
                    del self._slot_of[cid]
                    self._ids[slot] = None
                    self._free.append(slot)
                    sx[slot] = sy[slot] = np.nan
                    self._style[slot] = -1
                    self._leaf[slot] = -1
                    self._overdue[slot] = False
                    touched.append(slot)
                continue
            assert case is not None
            if slot is None:
                if not self._free:
                    self._rebuild()  # out of slots: grow
                    return
                slot = self._free.pop()
                self._slot_of[cid] = slot
                self._ids[slot] = cid
            sx[slot], sy[slot] = w[0], w[1]
            self._style[slot] = w[2]
            self._pass[slot] = self._passes(cid, case)
            self._leaf[slot] = self._region_index(case)
            touched.append(slot)
        if touched:
            idx = np.array(touched, dtype=int)
            self._slots.restyle(idx, np.where(self._pass[idx], self._style[idx], -1))

    def _refresh_overdue(self, ids: set[str] | None) -> None:
        """Overdue flags: of every slot (``ids`` None), or of these cases only."""
        slot_of = self._slot_of
        if ids is None:
            self._overdue[:] = False
            slots = [slot_of[c] for c in self.ctx.state.overdue_ids() if c in slot_of]
            if slots:
                self._overdue[np.array(slots, dtype=int)] = True
            return
        phase = self.ctx.state.alert_phase
        for cid in ids:
            slot = slot_of.get(cid)
            if slot is not None:
                self._overdue[slot] = phase(cid) == 2

    # ---- Internals: regions and counts

    def _show_focus(self, fit: bool) -> None:
        geo = self.geo
        if geo is None:
            return
        self._shown = geo.shown_under(self._focus)
        outline = geo.shapes[self._focus].rings if self._focus in geo.shapes and \
            self._shown != [self._focus] else None
        self.regions_layer.set_regions({rid: geo.shapes[rid].rings for rid in self._shown},
                                       outline)
        self._refresh_counts()
        self._refresh_view_layers()
        self._update_crumbs()
        if fit:
            self.fit()

    def _refresh_counts(self) -> None:
        geo = self.geo
        if geo is None or not self._shown or not len(self._leaf):
            self._counts = {}
            return
        depth = geo.depth(self._shown[0])
        anc = geo.ancestor_index(depth)
        visible = self._visible()
        leaf = np.where(self._leaf >= 0, self._leaf, len(geo.ids))
        size = len(geo.ids)
        opened = region_counts(leaf, visible, anc, size)
        overdue = region_counts(leaf, visible & self._overdue, anc, size)
        counts = {rid: (int(opened[geo.index[rid]]), int(overdue[geo.index[rid]]))
                  for rid in self._shown}
        self._counts = counts
        top = max((o for o, _ in counts.values()), default=0)
        self.regions_layer.set_fills({rid: choropleth_colour(o, top)
                                      for rid, (o, _) in counts.items()})
        labels = []
        if len(self._shown) <= MAX_LABELS:
            for rid in sorted(self._shown, key=lambda r: -counts[r][0]):
                s = geo.shapes[rid]
                o, d = counts[rid]
                line = self.tr("%1 open · %2 overdue").replace("%1", f"{o:,}") \
                    .replace("%2", f"{d:,}") if d else \
                    self.tr("%1 open").replace("%1", f"{o:,}")
                labels.append((s.label[0], s.label[1], f"{safe(s.name, 16)}\n{line}"))
        self.regions_layer.set_labels(labels)

    def _update_crumbs(self) -> None:
        geo = self.geo
        if geo is None or self._focus is None:
            self.crumbs.setText("")
            self.up_button.setEnabled(False)
            return
        names = [safe(geo.shapes[r].name, 16) for r in geo.chain(self._focus) if r in geo.shapes]
        self.crumbs.setText(" › ".join(names))
        self.up_button.setEnabled(geo.parent_of.get(self._focus) in geo.shapes)

    def _show_highlight(self) -> None:
        pos = self.position_of(self._selected) if self._selected else None
        if pos is None:
            self.highlight.setData(x=[], y=[])
            self.highlight_inner.setData(x=[], y=[])
        else:
            self.highlight.setData(x=[pos[0]], y=[pos[1]])
            self.highlight_inner.setData(x=[pos[0]], y=[pos[1]])

    # ---- Internals: geometry, base map, look

    def _load_geometry(self) -> None:
        folder = self.ctx.cache_dir

        def load(api: object) -> RegionMap | None:  # on a worker thread: fetch and parse
            fc = fetch_geometry(api, folder)
            return RegionMap(fc) if fc is not None else None

        self.ctx.fetch(load, self.set_geometry,
                       lambda exc: log.info("region polygons unavailable: %s", exc))

    def _start_tiles(self) -> None:
        self.set_base_map(None)

    def set_base_map(self, settings: object | None) -> None:
        """Draw the base map of ``settings`` (a ``client.tiles.TileSettings``; None: the
        configured one, see ``widgets.map_tiles``) under the regions."""
        from widgets.map_tiles import attach_base_map

        if self.tiles is not None:
            self.plot.removeItem(self.tiles)
            self.tiles.close()
        self.tiles = attach_base_map(self, settings)  # type: ignore[arg-type]
        self.regions_layer.set_backdrop(None if self.tiles is not None
                                        else self.palette().base().color())
        self._retranslate()

    def _style_plot(self) -> None:
        pal = self.palette()
        self.plot.setBackground(pal.base().color())
        font = QFont(self.font())
        font.setBold(True)
        self.regions_layer.set_font(font)
        self.regions_layer.set_backdrop(None if self.tiles is not None else pal.base().color())

    def _retranslate(self) -> None:
        shapes = "  ".join(f"{SYMBOL_CHARS[s]} {status_text(s)}" for s in STATUS_SYMBOLS)
        colours = "  ".join(f"{priority_text(p)}: {name}" for p, name in
                            zip(PRIO_LIST, (self.tr("vermillion"), self.tr("orange"),
                                             self.tr("blue")), strict=True))
        text = (self.tr("%1 open cases · shape = status: %2 · fill = priority: %3")
                .replace("%1", f"{self.point_count():,}")
                .replace("%2", shapes).replace("%3", colours))
        if self.geo is not None:
            text += " · " + self.tr("regions shaded by open cases; click a region to drill in")
        self.legend.setText(text)
        self.plot.setToolTip(self.tr("Click a case to select it; Shift+drag it onto a unit to "
                                     "assign it") if self.drag_allowed
                             else self.tr("Click a case to select it"))
        self.up_button.setText(self.tr("↑ Up"))
        self.up_button.setToolTip(self.tr("Back to the region above"))
        self.heat_button.setText(self.tr("Heat"))
        self.heat_button.setToolTip(self.tr("Show the density of cases instead of points"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Fit the view to the region and its cases"))
        if self.tiles is None:
            self.base_label.setText(self.tr("Base map: none (boundaries only)")
                                    if self.geo is not None else "")
        else:
            from widgets.map_tiles import server_name

            text = self.tr("Base map: %1").replace("%1", server_name(self.tiles.settings))
            if self.tiles.settings.datum == "gcj02":
                text += " " + self.tr("(GCJ-02, shifted to WGS 84)")
            self.base_label.setText(text)

    def retranslate(self) -> None:
        self._retranslate()

    def repalette(self) -> None:
        self._style_plot()
