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

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence

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
        # no device cache: the polygons (simplified to a pixel, cached per zoom level) are
        # filled opaque in ~2 ms, while a cache of the view's size costs more to scroll,
        # re-expose and blend on every pan frame than drawing them afresh
        self._shapes: dict[str, Sequence[np.ndarray]] = {}
        self._outline_rings: Sequence[np.ndarray] | None = None
        self._by_level: dict[int, tuple[dict[str, QPainterPath], QPainterPath | None]] = {}
        self._pending: set[int] = set()  # levels to simplify when the event loop is idle
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
        """Paths simplified to about one pixel (``px`` data units), cached per power of 2.

        A level not simplified yet is not made on the frame's time (~2 ms per county): the
        nearest level made so far is drawn (a pixel or two off, for the frames of a zoom
        gesture) and the exact one is made as soon as the event loop is idle.
        """
        if px <= 0 or not np.isfinite(px):
            return self._paths, self._outline
        level = int(np.floor(np.log2(px)))
        cached = self._by_level.get(level)
        if cached is not None:
            return cached
        if not self._by_level:
            return self._simplify(level)
        if level not in self._pending:
            self._pending.add(level)
            QtCore.QTimer.singleShot(0, self, lambda: self._make_level(level))
        nearest = min(self._by_level, key=lambda lv: (abs(lv - level), -lv))
        return self._by_level[nearest]

    def _make_level(self, level: int) -> None:
        self._pending.discard(level)
        if level not in self._by_level and self._shapes:
            self._simplify(level)
            self.update()

    def _simplify(self, level: int) -> tuple[dict[str, QPainterPath], QPainterPath | None]:
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
    """Region labels drawn in pixels above everything else (a :class:`RegionLayer`'s).

    Each label is laid out and drawn once into a pixmap (kept while its text is shown);
    a frame only places them — laying out two lines of Chinese text per label per frame
    cost ~3 ms for ten counties.
    """

    def __init__(self, regions: RegionLayer) -> None:
        super().__init__()
        self.regions = regions
        self.label_colour = regions.label_colour
        self.label_back = regions.label_back
        self.font = regions.font
        self._labels: list[tuple[float, float, str]] = []
        self._xy = (np.empty(0), np.empty(0))
        self._pictures: dict[str, QtGui.QPixmap] = {}
        self._style: tuple | None = None
        self.setZValue(15)

    def set_labels(self, labels: Sequence[tuple[float, float, str]]) -> None:
        self._labels = list(labels)
        self._xy = (np.array([lab[0] for lab in self._labels]),
                    np.array([lab[1] for lab in self._labels]))
        wanted = {text for _x, _y, text in self._labels}
        self._pictures = {t: pic for t, pic in self._pictures.items() if t in wanted}
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.regions.boundingRect()

    def paint(self, p: QPainter, *_args: object) -> None:
        if self._labels:
            self._paint_labels(p)

    def _picture(self, text: str) -> QtGui.QPixmap:
        """``text`` on its rounded backdrop, drawn once (plain text, never rich text)."""
        style = (self.font.key(), self.label_colour.rgba(), self.label_back.rgba())
        if style != self._style:
            self._style = style
            self._pictures.clear()
        pic = self._pictures.get(text)
        if pic is None:
            fm = QFontMetrics(self.font)
            lines = text.split("\n")
            w = max(fm.horizontalAdvance(line) for line in lines) + 8
            h = fm.height() * len(lines) + 4
            image = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            sp = QPainter(image)
            sp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            sp.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            sp.setPen(Qt.PenStyle.NoPen)
            sp.setBrush(self.label_back)
            sp.drawRoundedRect(QRectF(0, 0, w, h), 3, 3)
            sp.setFont(self.font)
            sp.setPen(self.label_colour)
            sp.drawText(QRectF(0, 0, w, h), int(Qt.AlignmentFlag.AlignCenter), text)
            sp.end()
            pic = self._pictures[text] = QtGui.QPixmap.fromImage(image)
        return pic

    def _paint_labels(self, p: QPainter) -> None:
        px, py = _device(p, *self._xy)
        p.save()
        p.resetTransform()
        view = p.viewport()
        taken: list[QtCore.QRect] = []
        for (_x, _y, text), cx, cy in zip(self._labels, px.tolist(), py.tolist(), strict=True):
            if not (view.left() <= cx <= view.right() and view.top() <= cy <= view.bottom()):
                continue
            pic = self._picture(text)
            w, h = pic.width(), pic.height()
            # at its point, else nudged up, down, left or right; skipped if all collide
            for dx, dy in ((0, 0), (0, -h), (0, h), (-w * 0.6, 0), (w * 0.6, 0)):
                rect = QtCore.QRect(int(cx - w / 2 + dx), int(cy - h / 2 + dy), w, h)
                if not any(rect.intersects(r) for r in taken):
                    break
            else:
                continue
            taken.append(rect)
            p.drawPixmap(rect.topLeft(), pic)
        p.restore()


class SpriteAtlas:
    """Small pictures drawn once and packed into one pixmap, so that hundreds of them are
    drawn with a single ``QPainter.drawPixmapFragments`` call (as pyqtgraph's scatter
    does) instead of one ``drawPixmap``/``drawText`` call each (~20 µs apiece).

    Args:
        draw: key → the picture (a ``QImage``), called once per key.
    """

    def __init__(self, draw: Callable[[Hashable], QtGui.QImage], width: int = 1024) -> None:
        self._draw = draw
        self._width = width
        self._images: dict[Hashable, QtGui.QImage] = {}
        self._rects: dict[Hashable, tuple[int, int, int, int]] = {}
        self._cursor = (0, 0, 0)  # next x, this row's y, this row's height
        self.pixmap = QtGui.QPixmap()

    def rect(self, key: Hashable) -> tuple[int, int, int, int]:
        """(x, y, w, h) of ``key``'s picture in :attr:`pixmap` (drawn and packed on first use).

        Packing only appends: a picture keeps its place when others are added, so callers
        may keep the rects they were given (until :meth:`clear`).
        """
        got = self._rects.get(key)
        if got is None:
            self.ensure([key])
            got = self._rects[key]
        return got

    def ensure(self, keys: Iterable[Hashable]) -> None:
        """Draw and pack the pictures of ``keys`` not packed yet (one new pixmap)."""
        added = False
        for key in keys:
            if key in self._rects:
                continue
            img = self._images[key] = self._draw(key)
            x, y, row = self._cursor
            if x + img.width() > self._width and x > 0:
                x, y, row = 0, y + row, 0
            self._rects[key] = (x, y, img.width(), img.height())
            self._cursor = (x + img.width(), y, max(row, img.height()))
            added = True
        if added:
            self._render()

    def clear(self) -> None:
        self._images.clear()
        self._rects.clear()
        self._cursor = (0, 0, 0)
        self.pixmap = QtGui.QPixmap()

    def _render(self) -> None:
        """Draw every picture at its place into a new pixmap."""
        x, y, row = self._cursor
        height = max(1, y + row)
        width = max([self._width] + [r[0] + r[2] for r in self._rects.values()])
        image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        for key, (rx, ry, _w, _h) in self._rects.items():
            painter.drawImage(rx, ry, self._images[key])
        painter.end()
        self.pixmap = QtGui.QPixmap.fromImage(image)


class ClusterLayer(pg.GraphicsObject):
    """Clusters of cases: a disc sized by count, the count in it, a red rim if overdue.

    Discs and the digits of the counts are pictures in one :class:`SpriteAtlas`; a paint
    draws every disc and digit in view with one ``drawPixmapFragments`` call (about 1 ms
    for 400 clusters, against ~20 ms drawn one by one).
    """

    #: the characters a count is written with
    GLYPHS = "0123456789,k"

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
        self.atlas = SpriteAtlas(self._draw_sprite)
        # pyqtgraph's zero-copy array of PixmapFragment (its scatter draws with it too)
        self._fragments = pg.Qt.internals.PrimitiveArray(QtGui.QPainter.PixmapFragment, 10)
        self._layouts: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        #: each digit glyph's rectangle in the atlas (made on the first label)
        self._glyph_rects: np.ndarray | None = None
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

    @staticmethod
    def label(n: int) -> str:
        """The count as written in its disc ("" for a single case)."""
        if n <= 1:
            return ""
        return f"{n:,}" if n < 10_000 else f"{n / 1000:.0f}k"

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
        if not len(idx):
            return
        frags = self._layout_fragments(np.floor(px[idx]), np.floor(py[idx]),
                                       self.counts[idx], self.overdue[idx] > 0)
        self._fragments.resize(len(frags))
        self._fragments.ndarray()[:] = frags
        p.save()
        p.resetTransform()
        # (pointer to the first fragment, count, pixmap): PySide's C-array form
        p.drawPixmapFragments(*self._fragments.drawargs(), self.atlas.pixmap)  # type: ignore[call-arg]
        p.restore()

    def _layout_fragments(self, cx: np.ndarray, cy: np.ndarray, counts: np.ndarray,
                          over: np.ndarray) -> np.ndarray:
        """One row per disc, followed by its digits' rows (so a disc covers the digits of
        the discs drawn before it): centre x, y, source x, y, w, h, scale x, y, rotation,
        opacity, as ``QPainter.PixmapFragment`` wants them."""
        keys = [("disc", r, o) for r, o in zip(np.round(self.radius_px(counts)).astype(int)
                                                .tolist(), over.tolist(), strict=True)]
        self.atlas.ensure(set(keys))
        rect = self.atlas.rect
        discs = np.array([rect(k) for k in keys], dtype=float)
        layouts = [self._layout(n) for n in counts.tolist()]
        lens = np.array([len(g) for g, _ in layouts], dtype=np.int64)
        rows = len(counts) + int(lens.sum())
        out = np.empty((rows, 10))
        out[:, 6:10] = (1.0, 1.0, 0.0, 1.0)
        first = np.arange(len(counts)) + np.concatenate(([0], np.cumsum(lens)[:-1]))
        out[first, 0] = cx
        out[first, 1] = cy
        out[first, 2:6] = discs
        glyph_rows = np.ones(rows, dtype=bool)
        glyph_rows[first] = False
        if lens.sum():
            glyphs = np.concatenate([g for g, _ in layouts])
            offsets = np.concatenate([o for _, o in layouts])
            out[glyph_rows, 0] = np.repeat(cx, lens) + offsets
            out[glyph_rows, 1] = np.repeat(cy, lens)
            out[glyph_rows, 2:6] = self._glyph_table()[glyphs]
        return out

    def _glyph_table(self) -> np.ndarray:
        """Each digit glyph's rectangle in the atlas (put there on first use)."""
        if self._glyph_rects is None:
            glyphs = [("glyph", ch) for ch in self.GLYPHS]
            self.atlas.ensure(glyphs)
            self._glyph_rects = np.array([self.atlas.rect(g) for g in glyphs], dtype=float)
        return self._glyph_rects

    def _layout(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The glyph indices of ``n``'s label and each glyph's centre offset (pixels)."""
        got = self._layouts.get(n)
        if got is None:
            rects = self._glyph_table()
            text = self.label(n)
            index = np.array([self.GLYPHS.index(ch) for ch in text], dtype=np.int64)
            widths = rects[index, 2] if len(text) else np.empty(0)
            left = -np.floor(widths.sum() / 2) + np.concatenate(([0.0], np.cumsum(widths)[:-1]))
            got = (index, left + widths / 2)
            if len(self._layouts) > 20_000:
                self._layouts.clear()
            self._layouts[n] = got
        return got

    def _draw_sprite(self, key: Hashable) -> QtGui.QImage:
        """A disc ``("disc", radius, overdue)`` or a digit ``("glyph", char)``."""
        kind = key[0]  # type: ignore[index]
        if kind == "glyph":
            ch = key[1]  # type: ignore[index]
            fm = QFontMetrics(self.font)
            image = QtGui.QImage(max(1, fm.horizontalAdvance(ch)), fm.height(),
                                 QtGui.QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            sp = QPainter(image)
            sp.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            sp.setFont(self.font)
            sp.setPen(self.text)
            sp.drawText(0, fm.ascent(), ch)
            sp.end()
            return image
        r, overdue = int(key[1]), bool(key[2])  # type: ignore[index]
        size = 2 * r + 4
        image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        sp = QPainter(image)
        sp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        sp.setPen(self.overdue_pen if overdue else self.pen)
        sp.setBrush(self.fill)
        sp.drawEllipse(QPointF(r + 2, r + 2), r, r)
        sp.end()
        return image


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
