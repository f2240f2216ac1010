"""The map's layers (pyqtgraph items), shared by the console's map pane and the wall's map.

* :class:`RegionLayer` — region polygons of one level: choropleth fill, outlines, labels.
  Paths are built once per level (numpy → ``QPainterPath``); labels are drawn in pixels
  (a label that would overlap one already drawn is skipped).
* :class:`ClusterLayer` — clusters of cases as discs with counts, drawn in pixels; a red
  rim when a cluster holds overdue cases.
* :class:`HeatLayer` — case density as a translucent image (``client.map_math.heat``).
* :class:`MapOverlay` — a scale bar and a north arrow over the plot (a child widget that
  lets the mouse through).

All of them are plain text only (``drawText``, never rich text): region names come from
the hub and are untrusted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from client.map_math import metres_per_degree_lon, nice_scale
from widgets.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPointF,
    Qt,
    QtCore,
    QtGui,
    QWidget,
    pg,
)

QRectF = QtCore.QRectF
QPainterPath = QtGui.QPainterPath
QPen = QtGui.QPen

#: choropleth ramp (ColorBrewer YlOrRd, 5 classes) from few to many open cases
CHOROPLETH = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")


def choropleth_colour(value: int, top: int, alpha: int = 120) -> QColor:
    """The ramp's colour for ``value`` of ``top`` (0 → no fill: transparent)."""
    if value <= 0 or top <= 0:
        return QColor(0, 0, 0, 0)
    step = min(len(CHOROPLETH) - 1, int(len(CHOROPLETH) * value / (top + 1)))
    colour = QColor(CHOROPLETH[step])
    colour.setAlpha(alpha)
    return colour


def rings_path(rings: Sequence[np.ndarray]) -> QPainterPath:
    """One path of every ring (odd-even fill makes holes holes)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in rings:
        if len(ring) >= 3:
            path.addPath(pg.arrayToQPath(ring[:, 0], ring[:, 1], connect="all"))
            path.closeSubpath()
    return path


def simplify_ring(ring: np.ndarray, tolerance: float) -> np.ndarray:
    """Drop vertices closer than ``tolerance`` to the previous one kept (ends kept).

    A pixel-grid decimation, not Douglas–Peucker: enough for drawing (a vertex less than
    a pixel from the last one cannot be seen), and vectorised — ~0.2 ms per 1,000 points.
    """
    if len(ring) <= 8:
        return ring
    q = np.floor(ring / tolerance)
    keep = np.ones(len(ring), dtype=bool)
    keep[1:] = np.any(q[1:] != q[:-1], axis=1)
    keep[-1] = True
    out = ring[keep]
    return out if len(out) >= 4 else ring


def _device(painter: QPainter, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Data → device pixels through the painter's (scale + translate) transform."""
    t = painter.transform()
    return x * t.m11() + y * t.m21() + t.dx(), x * t.m12() + y * t.m22() + t.dy()


class RegionLayer(pg.GraphicsObject):
    """Region outlines, choropleth fills and labels of the regions in view.

    Args:
        line: outline colour; label_colour: text colour; label_back: label backdrop.
    """

    def __init__(self, line: QColor, label_colour: QColor, label_back: QColor,
                 font: QFont | None = None, line_width: float = 1.2) -> None:
        super().__init__()
        # a pan only moves the cached picture; a zoom repaints it
        self.setCacheMode(self.CacheMode.DeviceCoordinateCache)
        self._shapes: dict[str, Sequence[np.ndarray]] = {}
        self._outline_rings: Sequence[np.ndarray] | None = None
        self._by_level: dict[int, tuple[dict[str, QPainterPath], QPainterPath | None]] = {}
        self._paths: dict[str, QPainterPath] = {}
        self._fills: dict[str, QColor] = {}
        self._raw_fills: dict[str, QColor] = {}
        self._labels: list[tuple[float, float, str]] = []
        self._outline: QPainterPath | None = None
        self._bounds = QRectF()
        # 1-pixel cosmetic pens only: Qt strokes a wider (or fractional) pen as polygons,
        # ~20 ms for the ten counties at 1920×1080 against ~1 ms; the focused region's
        # outline is three 1-pixel passes a pixel apart instead
        self.pen = pg.mkPen(line, width=1)
        self.outline_pen = pg.mkPen(line.darker(160), width=1)
        self.passes = max(1, round(line_width))
        #: fills are blended over this colour into opaque ones (blending a translucent
        #: fill costs ~3× as much); None keeps them translucent (over a base map)
        self.backdrop: QColor | None = None
        self.label_colour = label_colour
        self.label_back = label_back
        self.font = font or QFont()
        self.setZValue(-10)
        #: the labels, a separate item drawn above the cases (add it to the same plot)
        self.label_layer = LabelLayer(self)

    # ---- Public API

    def set_regions(self, shapes: Mapping[str, Sequence[np.ndarray]],
                    outline: Sequence[np.ndarray] | None = None) -> None:
        """Draw these regions (id → rings), and ``outline`` thicker (the focused parent)."""
        self.prepareGeometryChange()
        self._shapes = dict(shapes)
        self._outline_rings = outline
        self._by_level = {}
        self._paths = {rid: rings_path(rings) for rid, rings in shapes.items()}
        self._outline = rings_path(outline) if outline is not None else None
        rect = QRectF()
        for path in self._paths.values():
            rect = rect.united(path.boundingRect())
        if self._outline is not None:
            rect = rect.united(self._outline.boundingRect())
        self._bounds = rect
        self.update()

    def set_fills(self, fills: Mapping[str, QColor]) -> None:
        """Choropleth colours by region id (missing: no fill)."""
        self._raw_fills = dict(fills)
        self._fills = {rid: self._over_backdrop(c) for rid, c in fills.items()}
        self.update()

    def set_backdrop(self, colour: QColor | None) -> None:
        """Blend fills over ``colour`` (opaque, fast), or keep them translucent (None)."""
        self.backdrop = colour
        self.set_fills(self._raw_fills)

    def _over_backdrop(self, c: QColor) -> QColor:
        b = self.backdrop
        if b is None or c.alpha() in (0, 255):
            return c
        a = c.alphaF()
        return QColor(round(c.red() * a + b.red() * (1 - a)),
                      round(c.green() * a + b.green() * (1 - a)),
                      round(c.blue() * a + b.blue() * (1 - a)))

    def set_labels(self, labels: Sequence[tuple[float, float, str]]) -> None:
        """Labels as (lon, lat, plain text); earlier ones win where two would overlap."""
        self._labels = list(labels)
        self.label_layer.set_labels(self._labels)

    def set_font(self, font: QFont) -> None:
        self.font = font
        self.label_layer.font = font
        self.label_layer.update()

    def region_ids(self) -> list[str]:
        return list(self._paths)

    def fill_of(self, region_id: str) -> QColor | None:
        """The choropleth colour given for a region (before blending), or None."""
        return self._raw_fills.get(region_id)

    # ---- QGraphicsItem

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self._bounds)

    def _paths_for(self, px: float) -> tuple[dict[str, QPainterPath], QPainterPath | None]:
        """Paths simplified to about one pixel (``px`` data units), cached per power of 2."""
        if px <= 0 or not np.isfinite(px):
            return self._paths, self._outline
        level = int(np.floor(np.log2(px)))
        cached = self._by_level.get(level)
        if cached is None:
            tol = 2.0 ** level
            paths = {rid: rings_path([simplify_ring(r, tol) for r in rings])
                     for rid, rings in self._shapes.items()}
            outline = (rings_path([simplify_ring(r, tol) for r in self._outline_rings])
                       if self._outline_rings is not None else None)
            cached = self._by_level[level] = (paths, outline)
        return cached

    def paint(self, p: QPainter, *_args: object) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        no_brush = QtGui.QBrush(Qt.BrushStyle.NoBrush)
        t = p.transform()
        px = 1.0 / max(abs(t.m11()), 1e-12)
        paths, outline_path = self._paths_for(px)
        p.setPen(self.pen)
        for rid, path in paths.items():
            fill = self._fills.get(rid)
            p.setBrush(QtGui.QBrush(fill) if fill is not None and fill.alpha() else no_brush)
            p.drawPath(path)
        if outline_path is not None:
            p.setBrush(no_brush)
            p.setPen(self.outline_pen)
            for dx, dy in ((0, 0), (1, 0), (0, 1))[:self.passes + 1]:
                p.setTransform(t * QtGui.QTransform.fromTranslate(dx, dy))
                p.drawPath(outline_path)
            p.setTransform(t)

class LabelLayer(pg.GraphicsObject):
    """Region labels drawn in pixels above everything else (a :class:`RegionLayer`'s)."""

    def __init__(self, regions: RegionLayer) -> None:
        super().__init__()
        self.regions = regions
        self.label_colour = regions.label_colour
        self.label_back = regions.label_back
        self.font = regions.font
        self._labels: list[tuple[float, float, str]] = []
        self.setZValue(15)

    def set_labels(self, labels: Sequence[tuple[float, float, str]]) -> None:
        self._labels = list(labels)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.regions.boundingRect()

    def paint(self, p: QPainter, *_args: object) -> None:
        if self._labels:
            self._paint_labels(p)

    def _paint_labels(self, p: QPainter) -> None:
        xs = np.array([lab[0] for lab in self._labels])
        ys = np.array([lab[1] for lab in self._labels])
        px, py = _device(p, xs, ys)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setFont(self.font)
        fm = QFontMetrics(self.font)
        view = p.viewport()
        taken: list[QtCore.QRect] = []
        for (_x, _y, text), cx, cy in zip(self._labels, px, py, strict=True):
            if not (view.left() <= cx <= view.right() and view.top() <= cy <= view.bottom()):
                continue
            lines = text.split("\n")
            w = max(fm.horizontalAdvance(line) for line in lines) + 8
            h = fm.height() * len(lines) + 4
            # at its point, else nudged up, down, left or right; skipped if all collide
            for dx, dy in ((0, 0), (0, -h), (0, h), (-w * 0.6, 0), (w * 0.6, 0)):
                rect = QtCore.QRect(int(cx - w / 2 + dx), int(cy - h / 2 + dy), w, h)
                if not any(rect.intersects(r) for r in taken):
                    break
            else:
                continue
            taken.append(rect)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.label_back)
            p.drawRoundedRect(rect, 3, 3)
            p.setPen(self.label_colour)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        p.restore()



class ClusterLayer(pg.GraphicsObject):
    """Clusters of cases: a disc sized by count, the count in it, a red rim if overdue."""

    def __init__(self, fill: QColor, text: QColor, overdue: QColor) -> None:
        super().__init__()
        self.x = np.empty(0)
        self.y = np.empty(0)
        self.counts = np.empty(0, dtype=np.int64)
        self.overdue = np.empty(0, dtype=np.int64)
        self.fill = fill
        self.text = text
        self.overdue_pen = pg.mkPen(overdue, width=3)
        self.pen = pg.mkPen(QColor(255, 255, 255, 220), width=1.5)
        self.font = QFont()
        self.font.setBold(True)
        self._bounds = QRectF()
        self._sprites: dict[tuple[int, bool], QtGui.QPixmap] = {}
        self.drawn = 0
        # not cached: a device cache spans the item's whole bounding rect (the clustered
        # window, up to 9 views) and would draw thousands of discs to show a few hundred
        self.setZValue(5)

    def set_clusters(self, x: np.ndarray, y: np.ndarray, counts: np.ndarray,
                     overdue: np.ndarray) -> None:
        self.prepareGeometryChange()
        self.x, self.y, self.counts, self.overdue = x, y, counts, overdue
        if len(x):
            self._bounds = QRectF(float(x.min()), float(y.min()),
                                  float(x.max() - x.min()) or 1e-6,
                                  float(y.max() - y.min()) or 1e-6)
        else:
            self._bounds = QRectF()
        self.update()

    def radius_px(self, counts: np.ndarray) -> np.ndarray:
        """Disc radius in pixels for cluster sizes."""
        return np.where(counts <= 1, 4.0, 9.0 + 4.0 * np.log10(np.maximum(counts, 1)) * 2.2)

    def hit(self, painter_transform: QtGui.QTransform, px: float, py: float) -> int | None:
        """Index of the cluster under device pixel (px, py), or None."""
        if not len(self.x):
            return None
        t = painter_transform
        dx = self.x * t.m11() + self.y * t.m21() + t.dx() - px
        dy = self.x * t.m12() + self.y * t.m22() + t.dy() - py
        d = np.hypot(dx, dy) - self.radius_px(self.counts)
        i = int(np.argmin(d))
        return i if d[i] <= 3 else None

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = QRectF(self._bounds)
        pad = max(r.width(), r.height(), 1e-3) * 0.05
        return r.adjusted(-pad, -pad, pad, pad)

    def paint(self, p: QPainter, option: object = None, *_args: object) -> None:
        if not len(self.x):
            self.drawn = 0
            return
        px, py = _device(p, self.x, self.y)
        view = p.viewport()  # only the discs on screen
        margin = 40
        inside = ((px >= view.left() - margin) & (px <= view.right() + margin)
                  & (py >= view.top() - margin) & (py <= view.bottom() + margin))
        idx = np.flatnonzero(inside)
        self.drawn = len(idx)
        p.save()
        p.resetTransform()
        p.setFont(self.font)
        p.setPen(self.text)
        radius = np.round(self.radius_px(self.counts[idx])).astype(int)
        over = self.overdue[idx] > 0
        counts = self.counts[idx]
        for r, o, n, x, y in zip(radius.tolist(), over.tolist(), counts.tolist(),
                                 px[idx].tolist(), py[idx].tolist(), strict=True):
            sprite = self._sprite(r, o)
            p.drawPixmap(int(x) - r - 2, int(y) - r - 2, sprite)
            if n > 1:
                label = f"{n:,}" if n < 10_000 else f"{n / 1000:.0f}k"
                p.drawText(QRectF(x - r, y - r, 2 * r, 2 * r),
                           int(Qt.AlignmentFlag.AlignCenter), label)
        p.restore()

    def _sprite(self, r: int, overdue: bool) -> QtGui.QPixmap:
        """A disc of radius ``r`` (with the overdue rim or not), drawn once."""
        key = (r, overdue)
        sprite = self._sprites.get(key)
        if sprite is None:
            size = 2 * r + 4
            sprite = QtGui.QPixmap(size, size)
            sprite.fill(Qt.GlobalColor.transparent)
            sp = QPainter(sprite)
            sp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            sp.setPen(self.overdue_pen if overdue else self.pen)
            sp.setBrush(self.fill)
            sp.drawEllipse(QPointF(r + 2, r + 2), r, r)
            sp.end()
            self._sprites[key] = sprite
        return sprite


def heat_lut() -> np.ndarray:
    """RGBA look-up table: transparent → yellow → red, more opaque where denser."""
    t = np.linspace(0.0, 1.0, 256)
    lut = np.zeros((256, 4), dtype=np.ubyte)
    lut[:, 0] = 255
    lut[:, 1] = np.clip(255 * (1.2 - t), 0, 255)
    lut[:, 2] = np.clip(120 * (0.4 - t), 0, 255)
    lut[:, 3] = np.where(t < 0.04, 0, np.clip(60 + 170 * t, 0, 230))
    return lut


class HeatLayer(pg.ImageItem):
    """Density of cases as a translucent image over a bounding box."""

    def __init__(self) -> None:
        super().__init__(axisOrder="col-major")
        self.setLookupTable(heat_lut())
        self.setZValue(-5)
        self.setOpacity(0.85)

    def show_density(self, density: np.ndarray, bbox: tuple[float, float, float, float]
                     ) -> None:
        minx, miny, maxx, maxy = bbox
        self.setImage(density, levels=(0.0, 1.0), autoLevels=False)
        self.setRect(QRectF(minx, miny, maxx - minx, maxy - miny))


class NorthArrow(QWidget):
    """A small north arrow (the map is north-up: latitude grows upwards)."""

    def __init__(self, parent: QWidget, colour: QColor, back: QColor) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.colour = colour
        self.back = back
        self.resize(36, 56)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fm = QFontMetrics(self.font())
        cx, top = self.width() / 2, 6.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.back)
        p.drawRoundedRect(QRectF(2, 2, self.width() - 4, self.height() - 4), 4, 4)
        arrow = QtGui.QPolygonF([QPointF(cx, top + 2), QPointF(cx + 8, top + 24),
                                 QPointF(cx, top + 19), QPointF(cx - 8, top + 24)])
        p.setBrush(self.colour)
        p.drawPolygon(arrow)
        p.setPen(self.colour)
        p.drawText(QRectF(cx - 12, top + 24, 24, fm.height() + 2),
                   int(Qt.AlignmentFlag.AlignCenter), "N")
        p.end()


class MapOverlay(QWidget):
    """The scale bar (bottom left of the plot's viewport), with a north arrow (top right).

    Two small widgets rather than one over the whole view: a transparent widget covering
    the viewport would make every repaint compose the full view twice.
    """

    def __init__(self, parent: QWidget, colour: QColor, back: QColor) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.colour = colour
        self.back = back
        self.metres = 0.0
        self.bar_px = 0.0
        self.scale_text = ""
        self.north = NorthArrow(parent, colour, back)
        self.resize(160, 48)

    def place(self, view: QtCore.QRect) -> None:
        """Put the bar at the bottom left and the arrow at the top right of ``view``."""
        self.move(view.left() + 4, view.bottom() - self.height() - 4)
        self.north.move(view.right() - self.north.width() - 8, view.top() + 8)

    def set_scale(self, x_range: tuple[float, float], y_mid: float, width_px: int) -> None:
        """Recompute the bar from the view's longitude span at latitude ``y_mid``."""
        span = (x_range[1] - x_range[0]) * metres_per_degree_lon(y_mid)
        mpp = span / width_px if width_px > 0 else 0.0
        metres, bar_px = nice_scale(mpp)
        text = (f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m") if metres else ""
        if (metres, text) == (self.metres, self.scale_text) and abs(bar_px - self.bar_px) < 0.5:
            return
        self.metres, self.bar_px, self.scale_text = metres, bar_px, text
        fm = QFontMetrics(self.font())
        self.resize(int(max(bar_px, fm.horizontalAdvance(text)) + 28), fm.height() + 26)
        parent = self.parentWidget()
        if parent is not None:
            self.move(self.x(), parent.height() - self.height() - 4)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if self.bar_px <= 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.back)
        p.drawRoundedRect(QRectF(0, 0, self.width(), self.height()), 4, 4)
        x0, y0 = 10.0, self.height() - 10.0
        p.setPen(QPen(self.colour, 2))
        p.drawLine(QPointF(x0, y0), QPointF(x0 + self.bar_px, y0))
        p.drawLine(QPointF(x0, y0 - 6), QPointF(x0, y0))
        p.drawLine(QPointF(x0 + self.bar_px, y0 - 6), QPointF(x0 + self.bar_px, y0))
        p.drawText(QPointF(x0, y0 - 8), self.scale_text)
        p.end()
