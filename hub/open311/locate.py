"""Point → region: which grid of a post's jurisdiction holds a reported point.

Open311 depends only on the ``Locator`` interface. ``PolygonLocator`` answers from region
polygons (any ``PointIndex``: the leaf region whose polygon covers a point, as the hub's
region index gives it). Until the hub has polygons, ``NearestGridCentre`` is the interim
rule, stated plainly: a point inside the bounding box of the jurisdiction's grid centres
(widened by ``margin_deg``) belongs to the grid whose centre is nearest; any other point
lies outside the jurisdiction. ``choose_locator`` takes polygons when there are any.
"""

from __future__ import annotations

import math
from typing import Protocol

from hub.scope import RegionTree


class PointIndex(Protocol):
    """Region polygons: the leaf region whose polygon covers a point."""

    def locate(self, lon: float, lat: float) -> str | None:
        """The region id, or None where no polygon covers (lon, lat)."""
        ...

    def __len__(self) -> int:
        """How many regions have a polygon."""
        ...


class Locator(Protocol):
    """Finds the finest region of a jurisdiction holding a point."""

    def locate(self, lat: float, lon: float, within: str) -> str | None:
        """The id of the region under ``within`` (a region id) holding the point, or None
        when the point lies outside ``within``'s jurisdiction."""
        ...


class NearestGridCentre:
    """Interim locator: the nearest grid centre, inside the grids' widened bounding box.

    Attributes:
        margin_deg: how far (degrees) beyond the outermost grid centres a point may lie.
    """

    def __init__(self, tree: RegionTree, margin_deg: float = 0.05) -> None:
        self.margin_deg = margin_deg
        self._grids: list[tuple[str, str, float, float]] = [
            (r.id, r.path, r.lat, r.lon) for r in tree.regions.values()
            if r.level == "grid" and r.lat is not None and r.lon is not None]
        self._paths = tree.path_of

    def locate(self, lat: float, lon: float, within: str) -> str | None:
        """See ``Locator.locate``."""
        path = self._paths.get(within)
        if path is None or not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        grids = [g for g in self._grids if g[1].startswith(path)]
        if not grids:
            return None
        m = self.margin_deg
        if not (min(g[2] for g in grids) - m <= lat <= max(g[2] for g in grids) + m
                and min(g[3] for g in grids) - m <= lon <= max(g[3] for g in grids) + m):
            return None
        scale = math.cos(math.radians(lat))
        return min(grids, key=lambda g: (g[2] - lat) ** 2 + ((g[3] - lon) * scale) ** 2)[0]


class PolygonLocator:
    """The leaf region whose polygon covers the point, when it lies in ``within``'s subtree."""

    def __init__(self, index: PointIndex, tree: RegionTree) -> None:
        self._index = index
        self._paths = tree.path_of

    def locate(self, lat: float, lon: float, within: str) -> str | None:
        """See ``Locator.locate``."""
        path = self._paths.get(within)
        if path is None or not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        region = self._index.locate(lon, lat)
        if region is None:
            return None
        return region if self._paths.get(region, "").startswith(path) else None


def choose_locator(index: PointIndex | None, tree: RegionTree) -> Locator:
    """Polygons when there are any, else the interim nearest-grid-centre rule."""
    if index is not None and len(index):
        return PolygonLocator(index, tree)
    return NearestGridCentre(tree)
