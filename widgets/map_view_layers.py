"""What the map draws for its view: case points, clusters or heat, and the view's fit.

Runs on every pan and zoom frame (:meth:`MapViewLayers._refresh_view_layers`), so it
touches no per-case Python: the drawn cases' positions are compacted once per data version,
their clusters at every level come from one sort (``client.map_math.ClusterPyramid``), and
a level's clusters are cached until the data change. More than :data:`CLUSTER_MIN` cases
in view → clusters instead of points; the heat toggle shows the density instead of both.

:class:`MapViewLayers` is a part of :class:`widgets.map_view.MapPane` (a base of it): it
reads the pane's slots, focus and layers, declared below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from client.map_math import ClusterPyramid, cluster_level, heat

if TYPE_CHECKING:
    from client.geometry import RegionMap
    from widgets.map_layers import ClusterLayer, HeatLayer, MapOverlay
    from widgets.map_slots import PointSlots, SlotScatter
    from widgets.qt import pg

#: more visible cases than this inside the view → clusters instead of points
CLUSTER_MIN = 3000
#: heat image resolution (cells per side)
HEAT_BINS = 256


class MapViewLayers:
    """The view-dependent layers of the map pane, and keeping the view fitted."""

    # the pane's, set in MapPane.__init__
    plot: pg.PlotWidget
    overlay: MapOverlay
    scatter: SlotScatter
    clusters: ClusterLayer
    heat_layer: HeatLayer
    geo: RegionMap | None
    _slots: PointSlots
    _focus: str | None
    _style: np.ndarray
    _pass: np.ndarray
    _overdue: np.ndarray
    _heat_on: bool
    _auto_fit: bool
    _clustered: bool
    _data_version: int
    _cluster_key: tuple[int, int] | None
    _cluster_window: tuple[float, float, float, float] | None
    _box_cache: tuple[int, tuple[float, float, float, float] | None] | None
    _drawn_cache: tuple[int, np.ndarray, np.ndarray, np.ndarray] | None
    _pyramid_cache: tuple[int, ClusterPyramid] | None

    def _visible(self) -> np.ndarray:
        """Which slots are drawn: owned by a case that passes the filter."""
        visible: np.ndarray = (self._style >= 0) & self._pass
        return visible

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
