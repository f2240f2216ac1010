"""The map's optional raster base map: a pyqtgraph item drawing XYZ tiles under the
boundaries, fed by :class:`client.tiles.TileFetcher` off the GUI thread.

Settings (``QSettings``, group ``map``; the console's ``--tiles``/``--tiles-datum`` set
them for one run):

* ``tile_url`` — URL template (empty: no base map, boundaries only);
* ``tile_datum`` — ``wgs84`` (天地图, CGCS2000) or ``gcj02`` (AMap-style servers: the
  console converts, and the pane says so);
* ``tile_key``, ``tile_subdomains``, ``tile_cache_mb`` (default 200), ``tile_cache_dir``
  (default: the user's cache folder ``/tiles``), ``tile_max_zoom``.

The GUI thread only computes which tiles the view needs (≤ 160, a few ms) and draws the
``QImage``s it holds (at most ``MEMORY_TILES``); requests are made 120 ms after the view
stops changing. The workers read the disk cache, download and decode (Pillow, without the
GIL) and make no Qt call; the GUI thread takes the finished pixels from a queue every
``DRAIN_MS`` for at most ``DRAIN_BUDGET_MS``. A slow or dead server delays tiles, never
the GUI.
"""

from __future__ import annotations

import io
import logging
import queue
import time
from collections import OrderedDict
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from PIL import Image as PILImage

from client.tiles import TileFetcher, TileKey, TileSettings, tile_bounds, tiles_for_view
from widgets.qt import QPainter, QSettings, QtCore, QtGui, QTimer, pg

log = logging.getLogger(__name__)

QRectF = QtCore.QRectF
QImage = QtGui.QImage
MEMORY_TILES = 400
REQUEST_DELAY_MS = 120
#: tiles arriving one by one repaint the view at most this often
REPAINT_MS = 250
#: arrived tiles are taken this often, for at most DRAIN_BUDGET_MS of the GUI thread a time
DRAIN_MS = 40
DRAIN_BUDGET_MS = 4.0


#: raw pixels a worker hands over: width, height, BGRA bytes, whether it has alpha
Pixels = tuple[int, int, bytes, bool]


def _decode(data: bytes) -> Pixels | None:
    """Bytes → raw 32-bit pixels, on a worker thread.

    With Pillow, which lets go of the GIL while it decodes, and with no Qt call: PySide
    keeps the GIL through ``QImage.loadFromData``, whose format probing (the SVG plugin's
    ``QTextStream``) takes a Qt lock the GUI thread may hold while it waits for the GIL —
    a deadlock seen in the tests — and each decode stalled the GUI thread meanwhile.
    """
    try:
        with PILImage.open(io.BytesIO(data)) as im:
            alpha = im.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in im.info
            rgba = im.convert("RGBA")
            return rgba.width, rgba.height, rgba.tobytes("raw", "BGRA"), alpha
    except (OSError, ValueError, SyntaxError):  # not an image Pillow knows
        return None


def _to_image(pixels: Pixels) -> QImage:
    """Raw pixels → a QImage that owns them (on the GUI thread, ~0.1 ms a tile): opaque
    tiles (most base maps) as RGB32, drawn by copying, not blending."""
    w, h, raw, alpha = pixels
    image = QImage(raw, w, h, 4 * w, QImage.Format.Format_ARGB32)
    if alpha:
        return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    return image.convertToFormat(QImage.Format.Format_RGB32)


class TileLayer(pg.GraphicsObject):
    """XYZ tiles drawn in WGS 84 lon/lat (each tile between its corners' coordinates).

    Within a tile the latitude is drawn linearly: at zoom ≥ 8 over Chuxiong that is off
    by under a pixel against true Web Mercator.
    """

    def __init__(self, settings: TileSettings, view: pg.ViewBox, workers: int = 4) -> None:
        super().__init__()
        self.settings = settings
        self.view = view
        self.images: OrderedDict[TileKey, tuple[QImage, QRectF]] = OrderedDict()
        # finished tiles wait here (a plain queue: the workers make no Qt call at all) and
        # the GUI thread takes them in batches while tiles are on their way
        self._arrived: queue.SimpleQueue[tuple[TileKey, Pixels | None]] = queue.SimpleQueue()
        self.fetcher = TileFetcher(settings, _decode,
                                   lambda key, px: self._arrived.put((key, px)),  # type: ignore[arg-type]
                                   workers=workers)
        self._drain_timer = QTimer()
        self._drain_timer.setInterval(DRAIN_MS)
        self._drain_timer.timeout.connect(self.drain)
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(REQUEST_DELAY_MS)
        self._timer.timeout.connect(self.request_view)
        self._repaint = QTimer()
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self.update)
        self.setZValue(-50)
        # no device cache: opaque tiles are copied into the frame (~40 a screen), which
        # costs less than scrolling and blending a view-sized cache on every pan frame
        self.wanted: list[TileKey] = []
        # throttled, not debounced: a long pan still brings tiles every REQUEST_DELAY_MS
        view.sigRangeChanged.connect(self._on_range)
        self._timer.start()

    # ---- Public API

    def request_view(self) -> int:
        """Ask for the tiles the view needs that are not held; return how many were asked."""
        (x0, x1), (y0, y1) = self.view.viewRange()
        width = self.view.width() or 800
        self.wanted = tiles_for_view((x0, y0, x1, y1), width, self.settings)
        asked = 0
        for key in self.wanted:
            if key in self.images:
                self.images.move_to_end(key)
            elif self.fetcher.request(key):
                asked += 1
        if asked and not self._drain_timer.isActive():
            self._drain_timer.start()
        return asked

    def drain(self, budget_ms: float | None = None) -> int:
        """Take the tiles that arrived (on the GUI thread), for at most ``budget_ms``
        (default ``DRAIN_BUDGET_MS``); returns how many. The timer stops once nothing is
        on its way."""
        budget = DRAIN_BUDGET_MS if budget_ms is None else budget_ms
        started = time.perf_counter()
        taken = 0
        while (time.perf_counter() - started) * 1000.0 < budget:
            try:
                key, pixels = self._arrived.get_nowait()
            except queue.Empty:
                break
            taken += 1
            if pixels is not None:
                self._on_tile((key, _to_image(pixels)))
        if not taken and not self.fetcher.pending() and self._arrived.empty():
            self._drain_timer.stop()
        return taken

    def held(self) -> int:
        return len(self.images)

    def close(self) -> None:
        self._timer.stop()
        self._repaint.stop()
        self._drain_timer.stop()
        self.fetcher.close()

    # ---- Internals

    def _on_range(self, *_args: object) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _on_tile(self, packet: tuple[TileKey, QImage | None]) -> None:
        key, image = packet
        if image is None:
            return
        west, south, east, north = tile_bounds(key, self.settings.datum)
        self.images[key] = (image, QRectF(west, south, east - west, north - south))
        self.images.move_to_end(key)
        while len(self.images) > MEMORY_TILES:
            self.images.popitem(last=False)
        if not self._repaint.isActive():
            self._repaint.start()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-180.0, -85.0, 360.0, 170.0)

    def paint(self, p: QPainter, *_args: object) -> None:
        """The held tiles in view, in device pixels: the current zoom's only when they
        cover the view, else the coarser ones first (under) to fill its holes."""
        (x0, x1), (y0, y1) = self.view.viewRange()
        view = QRectF(x0, y0, x1 - x0, y1 - y0)
        z_now = self.wanted[0][0] if self.wanted else None
        images = self.images
        if z_now is not None and all(k in images for k in self.wanted):
            chosen = [images[k] for k in self.wanted]
        else:
            # holes: up to two coarser zooms under the current one (scaled up, a coarser
            # tile covers 4 or 16 of the view's; farther ones would be blurs costing a
            # screenful of scaling each), the current one on top
            near = [kv for kv in images.items()
                    if z_now is None or z_now - 2 <= kv[0][0] <= z_now]
            chosen = [v for _k, v in sorted(near, key=lambda kv: kv[0][0])]
        t = p.transform()
        p.save()
        p.resetTransform()
        # nearest-pixel scaling: tiles are drawn near their own size, and smooth scaling of
        # a screenful of them costs tens of milliseconds
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        for image, rect in chosen:
            if not rect.intersects(view):
                continue
            # whole device pixels, so neighbouring tiles meet without a seam
            target = t.mapRect(rect).toAlignedRect()
            p.drawImage(target, image)
        p.restore()


def settings_from_qsettings(default_cache: Path | None = None) -> TileSettings:
    """The base-map settings (see the module docstring)."""
    s = QSettings()
    url = str(s.value("map/tile_url", "") or "").strip()
    datum = str(s.value("map/tile_datum", "wgs84") or "wgs84").lower()
    cache_dir = s.value("map/tile_cache_dir", "")
    folder = Path(str(cache_dir)) if cache_dir else default_cache
    try:
        cache_mb = float(str(s.value("map/tile_cache_mb", 200) or 200))
        max_zoom = int(str(s.value("map/tile_max_zoom", 18) or 18))
    except (TypeError, ValueError):
        cache_mb, max_zoom = 200.0, 18
    return TileSettings(url=url, datum="gcj02" if datum == "gcj02" else "wgs84",
                        key=str(s.value("map/tile_key", "") or ""),
                        subdomains=str(s.value("map/tile_subdomains", "") or ""),
                        cache_dir=folder, cache_mb=cache_mb, max_zoom=max_zoom)


def _default_cache() -> Path | None:
    loc = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.CacheLocation)
    return Path(loc) / "tiles" if loc else None


def server_name(settings: TileSettings) -> str:
    """The tile server's host name, for the pane's bar."""
    return urlsplit(settings.url.replace("{s}", "x")).hostname or settings.url[:40]


class MapPane(Protocol):
    """A pane drawing in a pyqtgraph plot (the map); its layer closes with it."""

    plot: pg.PlotWidget

    @property
    def destroyed(self) -> QtCore.SignalInstance: ...


def attach_base_map(pane: MapPane, settings: TileSettings | None = None) -> TileLayer | None:
    """Add the configured base map under a map pane's layers; None without a URL."""
    settings = settings or settings_from_qsettings(_default_cache())
    if not settings.url:
        return None
    layer = TileLayer(settings, pane.plot.getViewBox())
    pane.plot.addItem(layer)
    pane.destroyed.connect(layer.close)
    return layer
