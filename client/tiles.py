"""Raster XYZ base-map tiles, Qt-free: tile arithmetic, a size-limited disk cache, and a
fetcher that never runs on the caller's thread.

A command center's intranet has no internet: the base map is optional, from a configured
URL template — the county's own tile server, or 天地图 (with its key) where reachable.
Without one, or when the server does not answer, the map draws the boundaries alone.

Template fields: ``{z}``, ``{x}``, ``{y}``, ``{s}`` (one of ``subdomains``, chosen by
tile so the same tile always has the same URL), ``{key}``. Web Mercator tiling (the
XYZ / "Google" scheme, which 天地图's ``_w`` layers also use).

Datums: 天地图 is CGCS2000, within centimetres of WGS 84 (``datum="wgs84"``); AMap-style
servers are GCJ-02 (``datum="gcj02"``): then the tiles to fetch are found from the view's
corners converted to GCJ-02, and each tile's corners are converted back to WGS 84 to be
drawn where they belong (``client.gcj02``) — the only place the console converts.

Disk cache: one file per tile (``<dir>/<z>/<x>/<y>``), oldest-read first out when the
folder grows past ``max_bytes`` (reads touch the file's mtime). Network and disk both
run on the fetcher's worker threads.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests

from client.gcj02 import gcj_to_wgs, wgs_to_gcj

log = logging.getLogger(__name__)

TILE_PX = 256
MAX_LAT = 85.05112878

TileKey = tuple[int, int, int]  # (z, x, y)


@dataclass(frozen=True, slots=True)
class TileSettings:
    """Where base-map tiles come from and how they are kept.

    Attributes:
        url: URL template (``{z}``, ``{x}``, ``{y}``, optional ``{s}``, ``{key}``); empty: no
            base map.
        datum: ``wgs84`` (also CGCS2000, 天地图) or ``gcj02`` (AMap-style servers).
        key: the server's key (天地图's ``tk``), put in ``{key}``.
        subdomains: characters for ``{s}`` (e.g. ``01234567`` for 天地图's t0…t7).
        cache_dir: the disk cache folder (None: memory only).
        cache_mb: disk cache limit.
        max_zoom / min_zoom: zoom levels the server has.
        timeout_s: per-tile request timeout.
    """

    url: str = ""
    datum: str = "wgs84"
    key: str = ""
    subdomains: str = ""
    cache_dir: Path | None = None
    cache_mb: float = 200.0
    max_zoom: int = 18
    min_zoom: int = 3
    timeout_s: float = 10.0

    def tile_url(self, z: int, x: int, y: int) -> str:
        s = self.subdomains[(x + y) % len(self.subdomains)] if self.subdomains else ""
        return self.url.format(z=z, x=x, y=y, s=s, key=self.key)


# ---- tile arithmetic ----------------------------------------------------------------------

def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[float, float]:
    """Fractional tile coordinates of a lon/lat (Web Mercator)."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    n = 2.0 ** z
    x = (lon + 180.0) / 360.0 * n
    rad = math.radians(lat)
    y = (1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n
    return x, y


def tile_to_lonlat(x: float, y: float, z: int) -> tuple[float, float]:
    """Lon/lat of a (fractional) tile coordinate's north-west corner."""
    n = 2.0 ** z
    lon = x / n * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))
    return lon, lat


def tile_bounds(key: TileKey, datum: str = "wgs84") -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) where a tile is drawn, in WGS 84."""
    z, x, y = key
    west, north = tile_to_lonlat(x, y, z)
    east, south = tile_to_lonlat(x + 1, y + 1, z)
    if datum == "gcj02":
        (west, east), (south, north) = gcj_to_wgs([west, east], [south, north])
        return float(west), float(south), float(east), float(north)
    return west, south, east, north


def zoom_for(lon_span: float, width_px: float, settings: TileSettings) -> int:
    """The zoom whose tiles are drawn closest to their own pixel size."""
    if lon_span <= 0 or width_px <= 0:
        return settings.min_zoom
    z = round(math.log2(360.0 * width_px / (lon_span * TILE_PX)))
    return max(settings.min_zoom, min(settings.max_zoom, z))


def tiles_for_view(bbox: tuple[float, float, float, float], width_px: float,
                   settings: TileSettings, limit: int = 160) -> list[TileKey]:
    """The tiles covering a WGS 84 view, nearest the centre first (at most ``limit``)."""
    minx, miny, maxx, maxy = bbox
    if settings.datum == "gcj02":
        xs, ys = wgs_to_gcj([minx, maxx], [miny, maxy])
        minx, maxx, miny, maxy = float(xs[0]), float(xs[1]), float(ys[0]), float(ys[1])
    z = zoom_for(maxx - minx, width_px, settings)
    x0, y0 = lonlat_to_tile(minx, maxy, z)
    x1, y1 = lonlat_to_tile(maxx, miny, z)
    n = 2 ** z
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    keys = [(z, x, y) for x in range(max(0, int(x0)), min(n - 1, int(x1)) + 1)
            for y in range(max(0, int(y0)), min(n - 1, int(y1)) + 1)]
    keys.sort(key=lambda k: (k[1] + 0.5 - cx) ** 2 + (k[2] + 0.5 - cy) ** 2)
    return keys[:limit]


# ---- disk cache ---------------------------------------------------------------------------

class TileCache:
    """One file per tile under ``folder``, kept under ``max_bytes`` (oldest read out first).

    Threading: safe from several worker threads (one lock around the size bookkeeping).
    """

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._size: int | None = None

    def path(self, key: TileKey) -> Path:
        z, x, y = key
        return self.folder / str(z) / str(x) / str(y)

    def get(self, key: TileKey) -> bytes | None:
        p = self.path(key)
        try:
            data = p.read_bytes()
            os.utime(p)  # the last read decides what goes first
            return data
        except OSError:
            return None

    def put(self, key: TileKey, data: bytes) -> None:
        p = self.path(key)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.with_name(p.name + f".{threading.get_ident()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, p)
        except OSError as exc:
            log.info("tile cache write failed: %s", exc)
            return
        with self._lock:
            if self._size is None:
                self._size = self._measure()
            else:
                self._size += len(data)
            if self._size > self.max_bytes:
                self._size = self._evict()

    def size(self) -> int:
        with self._lock:
            self._size = self._measure()
            return self._size

    def _files(self) -> list[tuple[float, int, Path]]:
        out = []
        for root, _dirs, files in os.walk(self.folder):
            for name in files:
                p = Path(root) / name
                try:
                    st = p.stat()
                except OSError:
                    continue
                out.append((st.st_mtime, st.st_size, p))
        return out

    def _measure(self) -> int:
        return sum(size for _, size, _ in self._files())

    def _evict(self) -> int:
        """Delete the least recently read tiles down to 90 % of the limit."""
        files = sorted(self._files())
        total = sum(size for _, size, _ in files)
        target = int(self.max_bytes * 0.9)
        for _mtime, size, p in files:
            if total <= target:
                break
            try:
                p.unlink()
                total -= size
            except OSError:
                pass
        return total


# ---- the fetcher --------------------------------------------------------------------------

Decode = Callable[[bytes], object]
Deliver = Callable[[TileKey, object], None]


class TileFetcher:
    """Fetches tiles on worker threads: disk cache first, then the server.

    ``request(key)`` returns at once; ``deliver(key, image)`` is called *on a worker
    thread* with ``decode(bytes)`` (or None when the tile could not be had) — the Qt
    adapter re-emits it to the GUI thread. A tile in flight is not asked for twice; a tile
    that failed is not asked for again for ``retry_s``.

    Attributes:
        network_requests: tiles asked of the server (for tests and benches).
        disk_hits: tiles answered from the disk cache.
        failures: tiles that could not be had.
    """

    def __init__(self, settings: TileSettings, decode: Decode, deliver: Deliver,
                 workers: int = 4, retry_s: float = 30.0) -> None:
        self.settings = settings
        self.decode = decode
        self.deliver = deliver
        self.retry_s = retry_s
        self.cache = (TileCache(settings.cache_dir, int(settings.cache_mb * 1024 * 1024))
                      if settings.cache_dir is not None else None)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="map-tiles")
        self._http = threading.local()
        self._lock = threading.Lock()
        self._inflight: set[TileKey] = set()
        self._failed: dict[TileKey, float] = {}
        self._closed = False
        self.network_requests = 0
        self.disk_hits = 0
        self.failures = 0

    def request(self, key: TileKey) -> bool:
        """Ask for a tile; False when it is already on its way or failed lately."""
        with self._lock:
            if self._closed or key in self._inflight:
                return False
            failed = self._failed.get(key)
            if failed is not None and time.monotonic() - failed < self.retry_s:
                return False
            self._inflight.add(key)
        self._pool.submit(self._fetch, key)
        return True

    def pending(self) -> int:
        """Tiles asked for and not delivered yet (a tile is delivered before it leaves)."""
        with self._lock:
            return len(self._inflight)

    def close(self) -> None:
        """Stop: queued tiles are dropped, late answers are not delivered."""
        with self._lock:
            self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _session(self) -> requests.Session:
        s = getattr(self._http, "session", None)
        if s is None:
            s = self._http.session = requests.Session()
            s.headers["User-Agent"] = "CommandPost-console/1 (base map)"
        return s

    def _fetch(self, key: TileKey) -> None:
        image = None
        try:
            data = self.cache.get(key) if self.cache is not None else None
            if data is not None:
                self.disk_hits += 1
            else:
                data = self._download(key)
                if data is not None and self.cache is not None:
                    self.cache.put(key, data)
            image = self.decode(data) if data is not None else None
        except Exception:  # a bad tile must never stop the others
            log.exception("tile %s failed", key)
            image = None
        with self._lock:
            closed = self._closed
        if not closed:  # delivered before it stops counting as pending (see pending())
            self.deliver(key, image)
        with self._lock:
            self._inflight.discard(key)
            if image is None:
                self._failed[key] = time.monotonic()
                self.failures += 1

    def _download(self, key: TileKey) -> bytes | None:
        with self._lock:
            self.network_requests += 1
        url = self.settings.tile_url(*key)
        try:
            resp = self._session().get(url, timeout=self.settings.timeout_s)
        except requests.RequestException as exc:
            log.info("tile %s: %s", url, exc)
            return None
        if resp.status_code != 200 or not resp.content:
            log.info("tile %s: HTTP %s", url, resp.status_code)
            return None
        return resp.content

