"""Map pane: open cases by lat/lon as one pyqtgraph ScatterPlotItem; click to select.

A supervisor drags a case from the map with **Shift** held (Shift+press on a point, then
move): a plain drag pans the map, and with 100,000 points nearly every press is near one.
The drag carries the same payload as a drag from the queue (``widgets.reassign``), so the
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

import math
from typing import Any

import numpy as np
import pyqtgraph as pg

from client.state import ChangeSet
from client.workload import is_active
from widgets.common import PRIORITY_COLOR, plain_label, priority_text, status_text
from widgets.pane import Pane, PaneContext
from widgets.qt import (
    QApplication,
    QColor,
    QDrag,
    QElapsedTimer,
    QEvent,
    QMouseEvent,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from widgets.reassign import encode_items

STATUS_SYMBOLS = {"reported": "o", "returned": "t", "dispatched": "s", "accepted": "d"}
SYMBOL_CHARS = {"reported": "●", "returned": "▼", "dispatched": "■", "accepted": "◆"}
_SYMBOL_LIST = ["o", "t", "s", "d"]
_STATUS_CODE = {s: _SYMBOL_LIST.index(sym) for s, sym in STATUS_SYMBOLS.items()}
_PRIO_LIST = ["critical", "urgent", "normal"]
_PRIO_CODE = {p: i for i, p in enumerate(_PRIO_LIST)}
SPOT_SIZE = 8
CLICK_TOLERANCE_PX = 8.0


class _SlotScatter(pg.ScatterPlotItem):
    """A ScatterPlotItem whose hidden points (NaN coordinates) may be all of them.

    pyqtgraph's ``dataBounds`` takes ``np.nanmin``/``np.nanmax`` of every point, which warns
    "All-NaN slice encountered" when no slot is in use (an empty post, or every case
    closed); raised inside ``paint`` (warnings are errors in the tests) that aborts the
    process. With no finite point there are no bounds: ``(None, None)``, as for no data.
    """

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: object = None) -> tuple:
        if ax in (0, 1) and not (frac >= 1.0 and orthoRange is None
                                 and self.bounds[ax] is not None):
            data = self.data
            if data is not None and len(data) and np.isnan(data["x" if ax == 0 else "y"]).all():
                return (None, None)
        return super().dataBounds(ax, frac, orthoRange)


class _Slots:
    """A ScatterPlotItem whose points are reusable slots restyled in groups."""

    def __init__(self, item: pg.ScatterPlotItem) -> None:
        self.item = item
        self.pen = pg.mkPen(QColor(0, 0, 0, 160), width=0.8)
        self.brushes = [pg.mkBrush(QColor(PRIORITY_COLOR[p])) for p in _PRIO_LIST]
        self.capacity = 0
        self.x = np.empty(0)
        self.y = np.empty(0)

    def reset(self, capacity: int, x: np.ndarray, y: np.ndarray, style: np.ndarray) -> None:
        """Replace all points: ``capacity`` slots, the first ``len(x)`` used."""
        n = len(x)
        self.capacity = capacity
        self.x = np.full(capacity, np.nan)
        self.y = np.full(capacity, np.nan)
        self.x[:n] = x
        self.y[:n] = y
        self.item.setData(x=self.x.copy(), y=self.y.copy(), size=SPOT_SIZE, pen=self.pen,
                          brush=self.brushes[2], symbol="o")
        vis = np.zeros(capacity, dtype=bool)
        vis[:n] = True
        self.item.data["visible"] = vis
        if n:
            self.restyle(np.arange(n), style)

    def restyle(self, idx: np.ndarray, style: np.ndarray) -> None:
        """Give slots ``idx`` the style codes ``style`` (symbol * 3 + priority); -1 hides."""
        d = self.item.data
        show = style >= 0
        d["visible"][idx] = show
        d["x"][idx] = self.x[idx]
        d["y"][idx] = self.y[idx]
        atlas = self.item.fragmentAtlas
        for code in np.unique(style[show]):
            sym, prio = _SYMBOL_LIST[int(code) // 3], self.brushes[int(code) % 3]
            sel = idx[style == code]
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


class MapPane(Pane):
    """Map of the open cases; click a point to select its case.

    Signals:
        sig_case_selected(str): the user clicked a case (inherited).

    Public API besides the Pane contract:
        point_count(): how many cases are drawn.
        position_of(case_id): ``(lon, lat)`` of a drawn case, or None.
        select_at(lon, lat): select the nearest drawn case within the click tolerance.
        flush(): apply pending changes now (the redraw timer does it otherwise).

    Args:
        redraw_ms: minimum interval between redraws.
    """

    pane_id = "map"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None,
                 redraw_ms: int = 500) -> None:
        super().__init__(ctx, parent)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("map_plot")
        self.plot.setAspectLocked(True, ratio=1 / math.cos(math.radians(25)))
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.scatter = _SlotScatter(pxMode=True, useCache=True, hoverable=False)
        self.plot.addItem(self.scatter)
        self.highlight = pg.ScatterPlotItem(pxMode=True, size=22, symbol="o",
                                            brush=pg.mkBrush(None),
                                            pen=pg.mkPen(QColor("#000000"), width=3))
        self.highlight_inner = pg.ScatterPlotItem(pxMode=True, size=16, symbol="o",
                                                  brush=pg.mkBrush(None),
                                                  pen=pg.mkPen(QColor("#FFFFFF"), width=2))
        self.plot.addItem(self.highlight)
        self.plot.addItem(self.highlight_inner)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_click)
        self.drag_allowed = not ctx.read_only and ctx.role == "supervisor"
        self._drag_from: tuple[QPoint, str] | None = None  # Shift+press on a case
        self.plot.viewport().installEventFilter(self)
        self.legend = plain_label("", self, wrap=True)
        self.legend.setObjectName("map_legend")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.legend)

        self._slots = _Slots(self.scatter)
        self._ids: list[str | None] = []
        self._slot_of: dict[str, int] = {}
        self._free: list[int] = []
        self._dirty: set[str] = set()
        self._need_reset = True
        self._selected: str | None = None
        self.last_redraw_ms = 0
        self._timer = QTimer(self)
        self._timer.setObjectName("map_redraw")
        self._timer.setSingleShot(True)
        self._timer.setInterval(redraw_ms)
        self._timer.timeout.connect(self.flush)
        self._style_plot()
        self._retranslate()
        self.flush()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Map")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset:
            self._need_reset = True
            self._dirty.clear()
        else:
            self._dirty |= changes.cases_added | changes.cases_changed | changes.cases_removed
        if (self._need_reset or self._dirty) and not self._timer.isActive():
            self._timer.start()

    def on_selection(self, case_id: str | None) -> None:
        self._selected = case_id
        self._show_highlight()

    # ---- Public API

    def point_count(self) -> int:
        return len(self._slot_of)

    def position_of(self, case_id: str) -> tuple[float, float] | None:
        slot = self._slot_of.get(case_id)
        if slot is None:
            return None
        return float(self._slots.x[slot]), float(self._slots.y[slot])

    def flush(self) -> None:
        """Apply the pending changes now."""
        t = QElapsedTimer()
        t.start()
        if self._need_reset:
            self._rebuild()
        elif self._dirty:
            self._update(self._dirty)
        self._dirty = set()
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
        dist = dx * dx + dy * dy
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shift+press on a case and move: drag it (supervisors); otherwise the map's own."""
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
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

    # ---- Internals

    def on_scope(self, scope: Any) -> None:
        """Show only the cases of ``scope`` (client.regions.Scope: a region and category)."""
        self._scope = None if scope is None or scope.everything else scope
        self._need_reset = True
        self.flush()

    def _wanted(self, case: dict | None) -> tuple[float, float, int] | None:
        if case is None or not is_active(case):
            return None
        scope = getattr(self, "_scope", None)
        if scope is not None and not scope.matches(case, self.ctx.region_index()):
            return None
        lat, lon = case.get("lat"), case.get("lon")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        code = _STATUS_CODE.get(case.get("status"), 0) * 3 + _PRIO_CODE.get(case.get("priority"), 2)
        return float(lon), float(lat), code

    def _rebuild(self) -> None:
        self._need_reset = False
        ids: list[str | None] = []
        xs, ys, styles = [], [], []
        for cid, case in self.ctx.state.cases.items():
            w = self._wanted(case)
            if w is not None:
                ids.append(cid)
                xs.append(w[0])
                ys.append(w[1])
                styles.append(w[2])
        n = len(ids)
        capacity = max(64, n + n // 4)
        self._ids = ids + [None] * (capacity - n)
        self._slot_of = {cid: i for i, cid in enumerate(ids) if cid is not None}
        self._free = list(range(capacity - 1, n - 1, -1))
        self._slots.reset(capacity, np.array(xs, dtype=float), np.array(ys, dtype=float),
                          np.array(styles, dtype=int))
        if n:
            self.plot.getViewBox().autoRange(padding=0.05)
        self._retranslate()

    def _update(self, ids: set[str]) -> None:
        cases = self.ctx.state.cases
        touched: list[int] = []
        codes: list[int] = []
        sx, sy = self._slots.x, self._slots.y
        for cid in ids:
            w = self._wanted(cases.get(cid))
            slot = self._slot_of.get(cid)
            if w is None:
                if slot is not None:
                    del self._slot_of[cid]
                    self._ids[slot] = None
                    self._free.append(slot)
                    sx[slot] = sy[slot] = np.nan
                    touched.append(slot)
                    codes.append(-1)
                continue
            if slot is None:
                if not self._free:
                    self._rebuild()  # out of slots: grow
                    return
                slot = self._free.pop()
                self._slot_of[cid] = slot
                self._ids[slot] = cid
            sx[slot], sy[slot] = w[0], w[1]
            touched.append(slot)
            codes.append(w[2])
        if touched:
            self._slots.restyle(np.array(touched, dtype=int), np.array(codes, dtype=int))
        self._retranslate()

    def _show_highlight(self) -> None:
        pos = self.position_of(self._selected) if self._selected else None
        if pos is None:
            self.highlight.setData(x=[], y=[])
            self.highlight_inner.setData(x=[], y=[])
        else:
            self.highlight.setData(x=[pos[0]], y=[pos[1]])
            self.highlight_inner.setData(x=[pos[0]], y=[pos[1]])

    def _on_scene_click(self, ev: object) -> None:
        vb = self.plot.getViewBox()
        pos = vb.mapSceneToView(ev.scenePos())  # type: ignore[attr-defined]
        self.select_at(pos.x(), pos.y())

    def _style_plot(self) -> None:
        pal = self.palette()
        self.plot.setBackground(pal.base().color())
        text = pal.text().color()
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))

    def _retranslate(self) -> None:
        shapes = "  ".join(f"{SYMBOL_CHARS[s]} {status_text(s)}" for s in STATUS_SYMBOLS)
        colours = "  ".join(f"{priority_text(p)}: {name}" for p, name in
                            zip(_PRIO_LIST, (self.tr("vermillion"), self.tr("orange"),
                                             self.tr("blue")), strict=True))
        self.legend.setText(self.tr("%1 open cases · shape = status: %2 · fill = priority: %3")
                            .replace("%1", f"{len(self._slot_of):,}")
                            .replace("%2", shapes).replace("%3", colours))
        self.plot.setToolTip(self.tr("Click a case to select it; Shift+drag it onto a unit to "
                                     "assign it") if self.drag_allowed
                             else self.tr("Click a case to select it"))
        self.plot.setLabel("bottom", self.tr("Longitude"))
        self.plot.setLabel("left", self.tr("Latitude"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "plot"):
            self._style_plot()
        elif event.type() == QEvent.Type.LanguageChange and hasattr(self, "legend"):
            self._retranslate()
        super().changeEvent(event)

