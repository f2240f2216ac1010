"""The map's layers drawn fast: cluster discs and digits from one sprite atlas (pictures
keep their place as others are added), the slot scatter's own cull, cached label pictures."""

from __future__ import annotations

import numpy as np

from widgets.map_layers import ClusterLayer, SpriteAtlas
from widgets.qt import QColor, QtGui, pg


def _plot(qtbot) -> pg.PlotWidget:  # noqa: ANN001
    plot = pg.PlotWidget()
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setBackground(QColor("#ffffff"))
    qtbot.addWidget(plot)
    plot.resize(600, 400)
    plot.show()
    qtbot.waitExposed(plot)
    plot.getViewBox().setRange(xRange=(0, 6), yRange=(0, 4), padding=0)
    return plot


def _disc(plot: pg.PlotWidget, layer: ClusterLayer, x: float, y: float) -> QtGui.QImage:
    """The pixels of the disc drawn at (x, y)."""
    image = plot.viewport().grab().toImage()
    device = plot.mapFromScene(plot.getViewBox().mapViewToScene(pg.Point(x, y)))
    r = 40
    return image.copy(device.x() - r, device.y() - r, 2 * r, 2 * r)


def test_atlas_pictures_keep_their_place(qapp) -> None:  # noqa: ANN001
    """Adding pictures never moves those packed before (callers keep their rects)."""
    drawn = []

    def draw(key: object) -> QtGui.QImage:
        drawn.append(key)
        image = QtGui.QImage(10 + int(key) % 7 * 9, 12, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(int(key) % 256, 0, 0))
        return image

    atlas = SpriteAtlas(draw, width=64)
    first = {k: atlas.rect(k) for k in range(5)}
    atlas.ensure(range(5, 40))
    assert {k: atlas.rect(k) for k in range(5)} == first
    assert drawn == list(range(40))  # each drawn once
    rects = [atlas.rect(k) for k in range(40)]
    boxes = [QtGui.QRegion(*r) for r in rects]
    for i, a in enumerate(boxes):  # no two overlap, all inside the pixmap
        assert not any(a.intersects(b) for b in boxes[i + 1:])
    image = atlas.pixmap.toImage()
    for k in (0, 3, 39):
        x, y, _w, _h = atlas.rect(k)
        assert QColor(image.pixel(x + 1, y + 1)).red() == k % 256


def test_cluster_digits_survive_new_disc_sizes(qtbot) -> None:  # noqa: ANN001
    """A cluster looks the same after clusters of new sizes joined the atlas (its digits
    came from stale places in the atlas once: garbled counts after a zoom)."""
    plot = _plot(qtbot)
    layer = ClusterLayer(QColor(0, 114, 178, 210), QColor("#FFFFFF"), QColor(213, 94, 0))
    plot.addItem(layer)
    layer.set_clusters(np.array([1.5]), np.array([2.0]), np.array([37]), np.array([0]))
    before = _disc(plot, layer, 1.5, 2.0)
    assert layer.drawn == 1
    layer.set_clusters(np.array([1.5, 4.5, 3.0]), np.array([2.0, 2.0, 1.0]),
                       np.array([37, 98_765, 1]), np.array([0, 3, 0]))
    after = _disc(plot, layer, 1.5, 2.0)
    assert layer.drawn == 3
    assert after == before
    # the digits are drawn: white pixels inside the disc
    whites = sum(1 for x in range(30, 50) for y in range(30, 50)
                 if QColor(before.pixel(x, y)).lightness() > 230)
    assert whites > 10


def test_slot_scatter_draws_what_pyqtgraph_draws(qtbot, ctx) -> None:  # noqa: ANN001
    """The slot scatter's own cull and transform give the same pixels as pyqtgraph's paint
    of every slot, zoomed in on part of the cases (points, not clusters)."""
    from widgets.map_view import MapPane

    p = MapPane(ctx)
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    qtbot.waitExposed(p)
    p.flush()
    x0, y0, x1, y1 = p._points_box()
    w, h = (x1 - x0) / 3, (y1 - y0) / 3
    p.plot.getViewBox().setRange(xRange=(x0 + w, x0 + 2 * w), yRange=(y0 + h, y0 + 2 * h),
                                 padding=0)
    assert not p.clustered() and p.scatter.isVisible()
    p.regions_layer.hide()
    p.regions_layer.label_layer.hide()
    mine = p.plot.viewport().grab().toImage()
    slots = p.scatter.slots
    p.scatter.slots = None  # pyqtgraph's own paint
    try:
        theirs = p.plot.viewport().grab().toImage()
    finally:
        p.scatter.slots = slots
    assert mine == theirs
    drawn = sum(1 for yy in range(0, mine.height(), 3) for xx in range(0, mine.width(), 3)
                if QColor(mine.pixel(xx, yy)) != QColor(mine.pixel(0, 0)))
    assert drawn > 20  # points were drawn at all
