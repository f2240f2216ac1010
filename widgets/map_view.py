"""Map pane (民情地图): region boundaries with a choropleth, case points or clusters, heat.

Layers, bottom up: an optional raster base map (``widgets.map_tiles``), the regions of
the level in view (``widgets.map_layers.RegionLayer``: filled by open cases, labelled
with name, open and overdue counts), the heat image (toggle), then the cases — one
scatter of slots when few are in view, clusters (``client.map_math.cluster``, numpy,
power-of-two cells anchored at 0 so a pan reuses them) when more than ``CLUSTER_MIN`` are
— the selection ring on top, and a scale bar and north arrow over the view.

Drill-down: clicking inside a region (not on a case) focuses the map on it; "↑" goes
back up. Both are user gestures and emit ``sig_region_chosen``; ``show_region`` (for the
region tree, issue 13) changes the focus without emitting. The map follows the queue's
filter (``set_filter``) and the shared selection (``on_selection`` pans to a case out of
view) but never selects anything by itself.

Region polygons come from ``GET /regions/geometry`` (1.1) through ``ctx.fetch`` (off the
GUI thread; kept on disk beside the shift cache, ETag-revalidated). Without them — a 1.0
hub — the map is the points alone, as before.

A supervisor drags a case from the map with **Shift** held (Shift+press on a point, then
move): a plain drag pans the map, and with 100,000 points nearly every press is near one.
The drag carries the same payload as a drag from the queue (``widgets.case_drag``), so the
workload and dispatch boards take it alike.

Cost model: a plain ``ScatterPlotItem.setData`` with a brush and symbol per point costs
~1.5 s for 100,000 points (pyqtgraph styles every point in Python). So the item is kept
as a fixed set of *slots*: a case owns a slot; a batch restyles only its own slots (hidden
slots are NaN and invisible), and styles are assigned per style group (4 symbols × 3
brushes) with numpy. A full ``setData`` happens only on a snapshot load or when the slots
run out. Redraws are throttled by a named timer (``map_redraw``). All knowledge of
pyqtgraph's point record (``data['symbol'|'brush'|'sourceRect'|'visible']``) lives in
:class:`_Slots`.

Symbols by status (reported ●, returned ▼, dispatched ■, accepted ◆), fill by priority
(Okabe–Ito vermillion/orange/blue); the legend says so in words.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np

from client.geometry import RegionMap, fetch_geometry
from client.map_math import ClusterPyramid, cluster_level, heat, region_counts
from client.protocol import NOTHING, Case
from client.regions import Scope
from client.state import ChangeSet
from client.workload import is_active
from widgets.case_drag import encode_items
from widgets.common import PRIORITY_COLOR, plain_label, priority_text, status_text
from widgets.map_layers import (
    ClusterLayer,
    HeatLayer,
    MapOverlay,
    RegionLayer,
    choropleth_colour,
)
from widgets.pane import Pane, PaneContext
from widgets.pane_roles import CaseFilterFollower, RegionChooser, ScopeListener
from widgets.qt import (
    QApplication,
    QColor,
    QDrag,
    QElapsedTimer,
    QEvent,
    QFont,
    QHBoxLayout,
    QMouseEvent,
    QObject,
    QPainter,
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

STATUS_SYMBOLS = {"reported": "o", "returned": "t", "dispatched": "s", "accepted": "d"}
SYMBOL_CHARS = {"reported": "●", "returned": "▼", "dispatched": "■", "accepted": "◆"}
_SYMBOL_LIST = ["o", "t", "s", "d"]
_STATUS_CODE = {s: _SYMBOL_LIST.index(sym) for s, sym in STATUS_SYMBOLS.items()}
_PRIO_LIST = ["critical", "urgent", "normal"]
_PRIO_CODE = {p: i for i, p in enumerate(_PRIO_LIST)}
SPOT_SIZE = 8
CLICK_TOLERANCE_PX = 8.0
#: more visible cases than this inside the view → clusters instead of points
CLUSTER_MIN = 3000
#: regions labelled at most (more are drawn, unlabelled)
MAX_LABELS = 80
#: heat image resolution (cells per side)
HEAT_BINS = 256

Filter = Callable[[str, Case], bool]


class _SlotScatter(pg.ScatterPlotItem):
    """A ScatterPlotItem whose hidden points (NaN coordinates) may be all of them.

    pyqtgraph's ``dataBounds`` takes ``np.nanmin``/``np.nanmax`` of every point, which warns
    "All-NaN slice encountered" when no slot is in use (an empty post, or every case
    closed); raised inside ``paint`` (warnings are errors in the tests) that aborts the
    process. With no finite point there are no bounds: ``(None, None)``, as for no data.
    """

    #: the plain arrays its paint culls on (set by :class:`_Slots`; None: pyqtgraph paints)
    slots: _Slots | None = None

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: object = None) -> tuple:
        if ax in (0, 1) and not (frac >= 1.0 and orthoRange is None
                                 and self.bounds[ax] is not None):
            data = self.data
            if data is not None and len(data) and np.isnan(data["x" if ax == 0 else "y"]).all():
                return (None, None)
        return super().dataBounds(ax, frac, orthoRange)

    def viewTransformChanged(self) -> None:  # noqa: N802
        """Keep the data bounds: pyqtgraph drops them on every view change, and finding them
        again is a nanmin/nanmax over every slot on every pan and zoom frame (even hidden,
        under clusters). They change with the data only (``_Slots.restyle`` drops them)."""
        self.prepareGeometryChange()
        pg.GraphicsObject.viewTransformChanged(self)

    def paint(self, p: QPainter, option: object, widget: QWidget | None) -> None:
        """Draw only the slots in view, culled on the slots' own plain arrays.

        pyqtgraph's paint masks and transforms every point of its record array (all
        100,000 slots, ~15 ms a frame) to draw the few in view; the slots' x, y and shown
        flags are plain arrays (``_Slots``), so the cull is a few vectorised compares and
        only the points in view are transformed. Exports and a device-pixel-ratio change
        go through pyqtgraph's own paint.
        """
        slots = self.slots
        atlas = self.fragmentAtlas
        if (slots is None or self._exportOpts is not False or not self.opts["useCache"]
                or not self.opts["pxMode"]
                or (widget is not None and widget.devicePixelRatioF() != atlas.devicePixelRatio())):
            super().paint(p, option, widget)
            return
        t = p.transform()
        if t.m12() or t.m21() or not t.m11() or not t.m22():
            super().paint(p, option, widget)
            return
        dev = p.device()
        w, h = dev.width(), dev.height()
        pad = SPOT_SIZE
        xa, xb = sorted(((-pad - t.dx()) / t.m11(), (w + pad - t.dx()) / t.m11()))
        ya, yb = sorted(((-pad - t.dy()) / t.m22(), (h + pad - t.dy()) / t.m22()))
        x, y = slots.x, slots.y
        with np.errstate(invalid="ignore"):
            idx = np.flatnonzero(slots.shown & (x >= xa) & (x <= xb) & (y >= ya) & (y <= yb))
        if not len(idx):
            return
        dpr = atlas.devicePixelRatio()
        self._pixmapFragments.resize(len(idx))
        frags = self._pixmapFragments.ndarray()
        frags[:, 0] = x[idx] * t.m11() + t.dx()
        frags[:, 1] = y[idx] * t.m22() + t.dy()
        frags[:, 2:6] = np.frombuffer(self.data["sourceRect"][idx], dtype=int).reshape((-1, 4))
        frags[:, 6:10] = (1 / dpr, 1 / dpr, 0.0, 1.0)
        p.save()
        p.resetTransform()
        p.drawPixmapFragments(*self._pixmapFragments.drawargs(), atlas.pixmap)  # type: ignore[call-arg]
        p.restore()


class _Slots:
    """A ScatterPlotItem whose points are reusable slots restyled in groups."""

    def __init__(self, item: pg.ScatterPlotItem) -> None:
        self.item = item
        item.slots = self  # type: ignore[attr-defined]  # its paint culls on our arrays
        self.pen = pg.mkPen(QColor(0, 0, 0, 160), width=0.8)
        self.brushes = [pg.mkBrush(QColor(PRIORITY_COLOR[p])) for p in _PRIO_LIST]
        self.capacity = 0
        self.x = np.empty(0)
        self.y = np.empty(0)
        self.code = np.empty(0, dtype=np.int64)  # style whose fields a slot holds (-1: none)
        self.shown = np.empty(0, dtype=bool)  # the slot is drawn (mirrors data['visible'])

    def reset(self, capacity: int, x: np.ndarray, y: np.ndarray, style: np.ndarray) -> None:
        """Replace all points: ``capacity`` slots, the first ``len(x)`` used."""
        n = len(x)
        self.capacity = capacity
        self.x = np.full(capacity, np.nan)
        self.y = np.full(capacity, np.nan)
        self.x[:n] = x
        self.y[:n] = y
        self.code = np.full(capacity, -1, dtype=np.int64)
        self.item.setData(x=self.x.copy(), y=self.y.copy(), size=SPOT_SIZE, pen=self.pen,
                          brush=self.brushes[2], symbol="o")
        vis = np.zeros(capacity, dtype=bool)
        vis[:n] = True
        self.item.data["visible"] = vis
        self.shown = vis.copy()
        if n:
            self.restyle(np.arange(n), style)

    def restyle(self, idx: np.ndarray, style: np.ndarray) -> None:
        """Give slots ``idx`` the style codes ``style`` (symbol * 3 + priority); -1 hides.

        A slot's symbol, brush and atlas fields are written only when its code changes
        (a filter that hides and shows again only flips ``visible``).
        """
        d = self.item.data
        show = style >= 0
        d["visible"][idx] = show
        self.shown[idx] = show
        d["x"][idx] = self.x[idx]
        d["y"][idx] = self.y[idx]
        atlas = self.item.fragmentAtlas
        need = show & (self.code[idx] != style)
        for code in np.unique(style[need]):
            sym, prio = _SYMBOL_LIST[int(code) // 3], self.brushes[int(code) % 3]
            sel = idx[need & (style == code)]
            self.code[sel] = code
            d["symbol"][sel] = sym
            d["brush"][sel] = prio
            d["pen"][sel] = self.pen
            d["size"][sel] = SPOT_SIZE
            # the atlas coordinates, stored positionally exactly as updateSpots() does
            d["sourceRect"][sel] = atlas[[(sym, SPOT_SIZE, self.pen, prio)]][0]
        self.item.prepareGeometryChange()
        self.item.informViewBoundsChanged()
        self.item.bounds = [None, None]
        self.item.invalidate()


class MapPane(Pane, RegionChooser, ScopeListener, CaseFilterFollower):
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
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("map_plot")
        self.plot.setAspectLocked(True, ratio=1 / math.cos(math.radians(25)))
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        # no axes or grid: the scale bar and north arrow say what a degree would (and the
        # axes' pictures cost ~15 ms a frame at 1920×1080)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.scatter = _SlotScatter(pxMode=True, useCache=True, hoverable=False)
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
        self.plot.scene().sigMouseClicked.connect(self._on_scene_click)
        self.drag_allowed = not ctx.read_only and ctx.role == "supervisor"
        self._drag_from: tuple[QPoint, str] | None = None  # Shift+press on a case
        self.plot.viewport().installEventFilter(self)
        self.overlay = MapOverlay(self.plot.viewport(), pal.text().color(),
                                  QColor(255, 255, 255, 170)
                                  if pal.base().color().lightness() > 128
                                  else QColor(20, 24, 30, 170))

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

        self._slots = _Slots(self.scatter)
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
        if isinstance(fc, RegionMap):
            geo = fc
        elif isinstance(fc, dict):
            geo = RegionMap(fc, self.ctx.state.regions)
        else:
            return
        if not len(geo):
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shift+press on a case and move: drag it (supervisors); otherwise the map's own."""
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.plot.viewport():
            self.overlay.place(self.plot.viewport().rect())
            self._on_range()
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._drag_from = None
            if (self.drag_allowed and event.button() == Qt.MouseButton.LeftButton
                    and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                pos = event.position().toPoint()
                cid = self.case_at_pixel(pos)
                if cid is not None:
                    self._drag_from = (pos, cid)
                    return True  # not a pan
        elif kind == QEvent.Type.MouseMove and self._drag_from is not None \
                and isinstance(event, QMouseEvent):
            start, cid = self._drag_from
            if (event.position().toPoint() - start).manhattanLength() \
                    >= QApplication.startDragDistance():
                self._drag_from = None
                self.start_drag(cid)
            return True
        elif kind == QEvent.Type.MouseButtonRelease and self._drag_from is not None:
            _, cid = self._drag_from  # Shift+click without a move: select it
            self._drag_from = None
            self._select(cid)
            return True
        return False

    def _select(self, case_id: str) -> None:
        self._selected = case_id
        self._show_highlight()
        self.sig_case_selected.emit(case_id)

    def _on_scene_click(self, ev: object) -> None:
        vb = self.plot.getViewBox()
        pos = vb.mapSceneToView(ev.scenePos())  # type: ignore[attr-defined]
        if self._clustered and self.clusters.isVisible():
            hit = self._cluster_hit(ev.scenePos())  # type: ignore[attr-defined]
            if hit is not None and self.clusters.counts[hit] > 1:
                self._zoom_into_cluster(hit)
                return
        if not self._heat_on and (not self._clustered or self._single_at(pos.x(), pos.y())):
            if self.select_at(pos.x(), pos.y()) is not None:
                return
        self.drill_at(pos.x(), pos.y())

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

    def _visible(self) -> np.ndarray:
        return (self._style >= 0) & self._pass

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
        code = _STATUS_CODE.get(case.get("status"), 0) * 3 + _PRIO_CODE.get(case.get("priority"), 2)
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

    # ---- Internals: view-dependent layers

    def _on_range(self, *_args: object) -> None:
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        self.overlay.set_scale((x0, x1), (y0 + y1) / 2, self.plot.viewport().width())
        self._refresh_view_layers()

    def _on_manual_range(self, *_args: object) -> None:
        self._auto_fit = False

    def _refresh_view_layers(self) -> None:
        """Points or clusters (or heat), from what is in view; cheap when nothing changed.

        Runs on every pan and zoom frame, so it touches no per-case Python: the drawn
        cases' positions are compacted once per data version (``_drawn_points``), their
        clusters at every level come from one sort (``_pyramid``), and a level's clusters
        are cached until the data change.
        """
        if self._heat_on:
            self.scatter.hide()
            self.clusters.hide()
            self._clustered = False
            self._refresh_heat(self._visible() if len(self._style)
                               else np.empty(0, dtype=bool))
            return
        self.heat_layer.hide()
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        _idx, x, y = self._drawn_points()
        in_view = 0
        if len(x):
            in_view = int(np.count_nonzero((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)))
        self._clustered = in_view > CLUSTER_MIN
        if not self._clustered:
            self.clusters.hide()
            self.scatter.show()
            return
        self.scatter.hide()
        px = vb.viewPixelSize()[0]
        level = cluster_level(px)
        key = (level, self._data_version)
        win = self._cluster_window
        w, h = x1 - x0, y1 - y0
        box = self._points_box_cached()
        windowed = box is not None and (box[2] - box[0]) * (box[3] - box[1]) > 9 * w * h
        left_window = win is not None and not (win[0] <= x0 and x1 <= win[2]
                                               and win[1] <= y0 and y1 <= win[3])
        if key != self._cluster_key or left_window or windowed != (win is not None):
            self._cluster_key = key
            pyramid = self._pyramid()
            if windowed:
                # zoomed in: the clusters of the view and a view's width around it, not of
                # every case (whole cells: the grid is anchored at 0, so the cells seen are
                # the same either way)
                (cx, cy, counts, overdue), self._cluster_window = pyramid.window(
                    level, (x0 - w, y0 - h, x1 + w, y1 + h))
            else:
                self._cluster_window = None
                cx, cy, counts, overdue, _col, _row = pyramid.level(level)
            self.clusters.set_clusters(cx, cy, counts, overdue)
        self.clusters.show()

    def _drawn_points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The drawn slots and their x, y (compact arrays), once per data version."""
        cached = self._drawn_cache
        if cached is None or cached[0] != self._data_version:
            idx = (np.flatnonzero(self._visible()) if len(self._style)
                   else np.empty(0, dtype=np.int64))
            cached = self._drawn_cache = (self._data_version, idx, self._slots.x[idx],
                                          self._slots.y[idx])
        return cached[1], cached[2], cached[3]

    def _pyramid(self) -> ClusterPyramid:
        """The drawn cases' clusters at every level (overdue summed), once per data version."""
        cached = self._pyramid_cache
        if cached is None or cached[0] != self._data_version:
            idx, x, y = self._drawn_points()
            cached = self._pyramid_cache = (self._data_version,
                                            ClusterPyramid(x, y, self._overdue[idx]))
        return cached[1]

    def _refresh_heat(self, visible: np.ndarray) -> None:
        box = self._fit_box()
        if box is None:
            self.heat_layer.hide()
            return
        idx = np.flatnonzero(visible)
        density = heat(self._slots.x[idx], self._slots.y[idx], box, HEAT_BINS)
        self.heat_layer.show_density(density, box)
        self.heat_layer.show()

    def _cluster_hit(self, scene_pos: object) -> int | None:
        """The cluster under a scene position (in viewport pixels), or None."""
        device = self.plot.mapFromScene(scene_pos)  # type: ignore[arg-type]
        transform = self.clusters.deviceTransform(self.plot.viewportTransform())
        return self.clusters.hit(transform, float(device.x()), float(device.y()))

    def _single_at(self, lon: float, lat: float) -> bool:
        return self.case_near(lon, lat) is not None

    def _zoom_into_cluster(self, i: int) -> None:
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        cx, cy = float(self.clusters.x[i]), float(self.clusters.y[i])
        w, h = (x1 - x0) / 4, (y1 - y0) / 4
        self._auto_fit = False
        vb.setRange(xRange=(cx - w / 2, cx + w / 2), yRange=(cy - h / 2, cy + h / 2), padding=0)

    def _points_box_cached(self) -> tuple[float, float, float, float] | None:
        """``_points_box`` once per data version (the view changes far more often)."""
        cached = self._box_cache
        if cached is None or cached[0] != self._data_version:
            cached = self._box_cache = (self._data_version, self._points_box())
        return cached[1]

    def _points_box(self) -> tuple[float, float, float, float] | None:
        _idx, x, y = self._drawn_points()
        if not len(x):
            return None
        return float(x.min()), float(y.min()), float(x.max()), float(y.max())

    def _fit_box(self) -> tuple[float, float, float, float] | None:
        region = self.geo.bbox_of([self._focus]) if self.geo is not None and self._focus else None
        points = self._points_box()
        if region is None:
            return points
        if points is None or self._focus != (self.geo.root if self.geo else None):
            return region
        return (min(region[0], points[0]), min(region[1], points[1]),
                max(region[2], points[2]), max(region[3], points[3]))

    def _set_view(self, box: tuple[float, float, float, float]) -> None:
        minx, miny, maxx, maxy = box
        pad_x = max((maxx - minx) * 0.04, 0.002)
        pad_y = max((maxy - miny) * 0.04, 0.002)
        self.plot.getViewBox().setRange(xRange=(minx - pad_x, maxx + pad_x),
                                        yRange=(miny - pad_y, maxy + pad_y), padding=0)

    def _maybe_refit(self) -> None:
        """While the user has not moved the view, keep every shown case in it."""
        if not self._auto_fit:
            return
        box = self._fit_box()
        if box is None:
            return
        (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
        if box[0] < x0 or box[2] > x1 or box[1] < y0 or box[3] > y1:
            self._set_view(box)

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
                            zip(_PRIO_LIST, (self.tr("vermillion"), self.tr("orange"),
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
