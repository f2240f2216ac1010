"""The map's case points: one scatter item of reusable *slots*, restyled in style groups.

A plain ``ScatterPlotItem.setData`` with a brush and symbol per point costs ~1.5 s for
100,000 points (pyqtgraph styles every point in Python). So the item is kept as a fixed
set of slots: a case owns a slot; a batch restyles only its own slots (hidden slots are NaN
and invisible), and styles are assigned per style group (4 symbols × 3 brushes) with numpy.
All knowledge of pyqtgraph's point record (``data['symbol'|'brush'|'sourceRect'|'visible']``)
lives in :class:`PointSlots`; :class:`SlotScatter` paints only the slots in view.

Symbols by status (reported ●, returned ▼, dispatched ■, accepted ◆), fill by priority;
a style code is ``symbol index * 3 + priority index``.
"""

from __future__ import annotations

import numpy as np

from widgets.common import PRIORITY_COLOR
from widgets.qt import QColor, QPainter, QWidget, pg

STATUS_SYMBOLS = {"reported": "o", "returned": "t", "dispatched": "s", "accepted": "d"}
SYMBOL_CHARS = {"reported": "●", "returned": "▼", "dispatched": "■", "accepted": "◆"}
SYMBOL_LIST = ["o", "t", "s", "d"]
STATUS_CODE = {s: SYMBOL_LIST.index(sym) for s, sym in STATUS_SYMBOLS.items()}
PRIO_LIST = ["critical", "urgent", "normal"]
PRIO_CODE = {p: i for i, p in enumerate(PRIO_LIST)}
SPOT_SIZE = 8


class SlotScatter(pg.ScatterPlotItem):
    """A ScatterPlotItem whose hidden points (NaN coordinates) may be all of them.

    pyqtgraph's ``dataBounds`` takes ``np.nanmin``/``np.nanmax`` of every point, which warns
    "All-NaN slice encountered" when no slot is in use (an empty post, or every case
    closed); raised inside ``paint`` (warnings are errors in the tests) that aborts the
    process. With no finite point there are no bounds: ``(None, None)``, as for no data.
    """

    #: the plain arrays its paint culls on (set by :class:`PointSlots`; None: pyqtgraph paints)
    slots: PointSlots | None = None

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
        under clusters). They change with the data only (``PointSlots.restyle`` drops them)."""
        self.prepareGeometryChange()
        pg.GraphicsObject.viewTransformChanged(self)

    def paint(self, p: QPainter, option: object, widget: QWidget | None) -> None:
        """Draw only the slots in view, culled on the slots' own plain arrays.

        pyqtgraph's paint masks and transforms every point of its record array (all
        100,000 slots, ~15 ms a frame) to draw the few in view; the slots' x, y and shown
        flags are plain arrays (``PointSlots``), so the cull is a few vectorised compares and
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


class PointSlots:
    """A ScatterPlotItem whose points are reusable slots restyled in groups."""

    def __init__(self, item: pg.ScatterPlotItem) -> None:
        self.item = item
        item.slots = self  # type: ignore[attr-defined]  # its paint culls on our arrays
        self.pen = pg.mkPen(QColor(0, 0, 0, 160), width=0.8)
        self.brushes = [pg.mkBrush(QColor(PRIORITY_COLOR[p])) for p in PRIO_LIST]
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
            sym, prio = SYMBOL_LIST[int(code) // 3], self.brushes[int(code) % 3]
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
