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
decoded ``QImage``s it holds (at most ``MEMORY_TILES``); requests are made 120 ms after
the view stops changing. A slow or dead server delays tiles, never the GUI.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from client.tiles import TILE_PX, TileFetcher, TileKey, TileSettings, tile_bounds, tiles_for_view
from widgets.qt import QObject, QPainter, QSettings, Qt, QtCore, QtGui, QTimer, Signal, pg

log = logging.getLogger(__name__)

QRectF = QtCore.QRectF
QImage = QtGui.QImage
MEMORY_TILES = 400
REQUEST_DELAY_MS = 120
#: tiles arriving one by one repaint the view at most this often
REPAINT_MS = 250


def _decode(data: bytes) -> QImage | None:
    """Bytes → QImage on a worker thread (QImage, unlike QPixmap, may be made there)."""
    image = QImage()
    if not image.loadFromData(data):
        return None
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class _Inbox(QObject):
    """Carries finished tiles from the fetcher's threads to the GUI thread."""

    sig_tile = Signal(object)


class TileLayer(pg.GraphicsObject):
    """XYZ tiles drawn in WGS 84 lon/lat (each tile between its corners' coordinates).

    Within a tile the latitude is drawn linearly: at zoom ≥ 8 over Chuxiong that is off
    by under a pixel against true Web Mercator.

    Signals:
        sig_loaded(): a tile arrived and was drawn.
    """

    def __init__(self, settings: TileSettings, view: pg.ViewBox, workers: int = 4) -> None:
        super().__init__()
        self.settings = settings
        self.view = view
        self.images: OrderedDict[TileKey, tuple[QImage, QRectF]] = OrderedDict()
        self._inbox = _Inbox()
        self._inbox.sig_tile.connect(self._on_tile, Qt.ConnectionType.QueuedConnection)
        emit = self._inbox.sig_tile.emit
        self.fetcher = TileFetcher(settings, _decode, lambda key, img: emit((key, img)),
                                   workers=workers)
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(REQUEST_DELAY_MS)
        self._timer.timeout.connect(self.request_view)
        self._repaint = QTimer()
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self.update)
        self.setZValue(-50)
        # a pan moves the cached picture; arrivals and zooms repaint it
        self.setCacheMode(self.CacheMode.DeviceCoordinateCache)
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
        return asked

    def held(self) -> int:
        return len(self.images)

    def close(self) -> None:
        self._timer.stop()
        self._repaint.stop()
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

    def paint(self, p: QPainter, *_args: Any) -> None:
        (x0, x1), (y0, y1) = self.view.viewRange()
        view = QRectF(x0, y0, x1 - x0, y1 - y0)
        z_now = self.wanted[0][0] if self.wanted else None
        # nearest-pixel scaling: tiles are drawn near their own size, and smooth scaling of
        # a screenful of them costs tens of milliseconds
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        # coarser zooms first, the current one last (on top)
        for _key, (image, rect) in sorted(self.images.items(),
                                          key=lambda kv: (kv[0][0] == z_now, kv[0][0])):
            if not rect.intersects(view):
                continue
            p.save()
            p.translate(rect.left(), rect.bottom())
            p.scale(rect.width() / TILE_PX, -rect.height() / TILE_PX)
            p.drawImage(QRectF(0, 0, TILE_PX, TILE_PX), image)
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


def attach_base_map(pane: Any, settings: TileSettings | None = None) -> TileLayer | None:
    """Add the configured base map under a map pane's layers; None without a URL."""
    settings = settings or settings_from_qsettings(_default_cache())
    if not settings.url:
        return None
    layer = TileLayer(settings, pane.plot.getViewBox())
    pane.plot.addItem(layer)
    pane.destroyed.connect(layer.close)
    return layer
