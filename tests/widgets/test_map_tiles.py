"""The base map: tiles from a local server, the disk cache, a slow server, GCJ-02 tiles."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from client.gcj02 import wgs_to_gcj
from client.tiles import TileCache, TileSettings, tile_bounds, tiles_for_view
from testkit.tileserver import TileServer
from widgets.map_view import MapPane
from widgets.qt import QColor, QSettings, QTimer, pg


@pytest.fixture
def server() -> Iterator[TileServer]:
    s = TileServer()
    yield s
    s.stop()


def _map(qtbot, ctx, settings: TileSettings) -> MapPane:  # noqa: ANN001
    p = MapPane(ctx)
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    qtbot.waitExposed(p)
    p.set_base_map(settings)
    assert p.regions_layer.backdrop is None  # translucent fills over the tiles
    return p


def _all_held(p: MapPane) -> bool:
    layer = p.tiles
    return bool(layer.wanted) and all(k in layer.images for k in layer.wanted)


def test_tiles_are_fetched_drawn_and_cached_on_disk(qtbot, ctx, server, tmp_path) -> None:
    """The view's tiles come from the server once; a new map over the same cache, and pans
    back and forth over cached tiles, ask the server for nothing."""
    settings = TileSettings(url=server.url, cache_dir=tmp_path / "tiles", max_zoom=14)
    p = _map(qtbot, ctx, settings)
    assert "127.0.0.1" in p.base_label.text()
    qtbot.waitUntil(lambda: _all_held(p), timeout=10_000)
    first = len(server.requests)
    assert first == len(set(server.requests)) == len(p.tiles.wanted) > 0
    p.grab()
    vb = p.plot.getViewBox()
    home = vb.viewRange()
    for dx in (0.02, -0.02, 0.0):  # small pans inside the tiles already held
        vb.setRange(xRange=(home[0][0] + dx, home[0][1] + dx), yRange=home[1], padding=0)
        p.tiles.request_view()
    assert len(server.requests) == first
    p.tiles.close()
    again = _map(qtbot, ctx, settings)
    qtbot.waitUntil(lambda: _all_held(again), timeout=10_000)
    assert len(server.requests) == first  # all from the disk cache
    assert again.tiles.fetcher.disk_hits == len(again.tiles.wanted)
    assert again.tiles.fetcher.network_requests == 0


def test_slow_server_never_blocks_the_gui(qtbot, ctx, tmp_path) -> None:
    """With a server that holds every tile (until released, or 5 s), asking for the view
    returns before any tile is answered and the event loop keeps turning while the tiles
    are still on their way."""
    gate = threading.Event()
    slow = TileServer(gate=gate, gate_timeout_s=5.0)
    try:
        p = _map(qtbot, ctx, TileSettings(url=slow.url, cache_dir=tmp_path, max_zoom=14))
        p.tiles._timer.stop()
        asked = p.tiles.request_view()
        assert asked > 0
        # did not wait for one tile (one that waited would return after the 5 s hold, with
        # a tile answered; a loaded machine cannot make a non-blocking one fail this)
        assert slow.answered == 0
        fired = []
        QTimer.singleShot(0, lambda: fired.append(p.tiles.fetcher.pending()))
        qtbot.waitUntil(lambda: bool(fired), timeout=15000)
        assert fired[0] > 0  # the loop ran while tiles were still pending
        gate.set()
        qtbot.waitUntil(lambda: _all_held(p), timeout=30_000)
    finally:
        gate.set()
        slow.stop()


def test_dead_server_leaves_boundaries_only(qtbot, ctx, tmp_path) -> None:
    """Nothing listening: tiles fail quietly, are not re-asked at once, the map still draws."""
    p = _map(qtbot, ctx, TileSettings(url="http://127.0.0.1:9/{z}/{x}/{y}.png",
                                      cache_dir=tmp_path, timeout_s=1.0))
    p.tiles._timer.stop()
    n = p.tiles.request_view()
    qtbot.waitUntil(lambda: p.tiles.fetcher.failures >= n, timeout=15_000)
    assert p.tiles.held() == 0
    assert p.tiles.request_view() == 0  # failed lately: not hammered
    assert p.geo is not None
    p.grab()


def test_no_url_means_no_base_map(qtbot, ctx) -> None:
    """Without a configured URL the pane says it shows boundaries only."""
    QSettings().remove("map/tile_url")
    p = MapPane(ctx)
    qtbot.addWidget(p)
    assert p.tiles is None
    assert p.base_label.text() == "Base map: none (boundaries only)"


def test_disk_cache_keeps_under_its_limit(tmp_path: Path) -> None:
    """Past the limit the least recently read tiles go first."""
    import os

    cache = TileCache(tmp_path, max_bytes=10_000)
    old = time.time() - 1000
    for i in range(8):
        cache.put((10, i, 0), bytes(1000))
        os.utime(cache.path((10, i, 0)), (old + i, old + i))
    assert cache.get((10, 0, 0)) is not None  # read now: the newest
    for i in range(8, 14):
        cache.put((10, i, 0), bytes(1000))
    assert cache.size() <= 10_000
    assert cache.path((10, 0, 0)).exists()
    assert not cache.path((10, 1, 0)).exists()
    assert cache.path((10, 13, 0)).exists()


def test_gcj02_tiles_are_placed_back_in_wgs84() -> None:
    """A GCJ-02 server's tile is drawn shifted by the local offset; the view asks for the
    tiles around the GCJ-02 position of its centre."""
    key = (12, 3251, 1756)
    west, south, east, north = tile_bounds(key, "wgs84")
    gw, gs, ge, gn = tile_bounds(key, "gcj02")
    dlon, dlat = (float(v) for v in wgs_to_gcj(gw, gs))
    assert dlon == pytest.approx(west, abs=1e-8) and dlat == pytest.approx(south, abs=1e-8)
    assert 0.001 < abs(gw - west) < 0.01 and 0.001 < abs(gn - north) < 0.01
    s_wgs = TileSettings(url="x", datum="wgs84", max_zoom=12)
    s_gcj = TileSettings(url="x", datum="gcj02", max_zoom=12)
    view = (101.50, 25.00, 101.60, 25.08)
    centre_wgs = tiles_for_view(view, 9000, s_wgs)[0]
    centre_gcj = tiles_for_view(view, 9000, s_gcj)[0]
    assert centre_wgs[0] == centre_gcj[0] == 12
    gx, gy = wgs_to_gcj(101.55, 25.04)
    gw, gs, ge, gn = tile_bounds(centre_gcj, "wgs84")  # the tile's own (GCJ) frame
    assert gw <= float(gx) <= ge and gs <= float(gy) <= gn


def test_tiles_are_drawn_where_they_belong(qtbot, ctx, server, tmp_path) -> None:
    """Each tile is drawn between its corners' coordinates: its dark top and left edges
    (the test server's tiles have them) lie on the device pixels of its north-west corner,
    and only tiles of the view's zoom are drawn once they cover the view."""
    p = _map(qtbot, ctx, TileSettings(url=server.url, cache_dir=tmp_path, max_zoom=14))
    qtbot.waitUntil(lambda: _all_held(p), timeout=10_000)
    p.regions_layer.hide()  # the tiles alone
    p.regions_layer.label_layer.hide()
    p.scatter.hide()
    p.clusters.hide()
    image = p.plot.viewport().grab().toImage()
    vb = p.plot.getViewBox()
    checked = 0
    for key in p.tiles.wanted:
        west, south, east, north = tile_bounds(key)
        corner = p.plot.mapFromScene(vb.mapViewToScene(pg.Point(west, north)))
        far = p.plot.mapFromScene(vb.mapViewToScene(pg.Point(east, south)))
        x, y = corner.x(), corner.y()
        if not (0 <= x and far.x() < image.width() and 0 <= y and far.y() < image.height()):
            continue  # only tiles wholly in view
        # on the top edge (within a pixel: the corner is rounded to whole pixels)
        edge = min((QColor(image.pixel(x + 8, y + d)) for d in (-1, 0, 1)),
                   key=QColor.lightness)
        inside = QColor(image.pixel((x + far.x()) // 2, (y + far.y()) // 2))
        assert (inside.red(), inside.green(), inside.blue()) == (200, 220, 200)
        assert edge.lightness() < inside.lightness() - 40
        checked += 1
    assert checked > 0
