"""Region polygons on the hub: which grid holds a point, and ``GET /regions/geometry``.

:func:`locate` is the one way to place a report by position: the Open311 intake and
``POST /cases`` without ``region_id`` both call it.

:class:`RegionIndex` is loaded once at start from the ``region_geometry`` table (the
polygons change only with ``main.py hub regions import``, after which the hub is
restarted). It keeps the *leaf* polygons — regions with a polygon whose children have
none, the grids of the demo — in a shapely STRtree: a look-up is a bounding-box query
then an exact ``covers`` test on the few candidates, 20–60 µs. A point on the border of two
grids goes to the one with the smaller id (deterministic).

The geometry answer of a post is built once from the stored GeoJSON texts (no parsing),
kept with its ETag (the SHA-256 of the bytes), and answered 304 to a matching
``If-None-Match``.

Threading: read-only after construction except the per-post answer cache, which is a
dict filled idempotently (a race builds the same bytes twice).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import orjson
import shapely
from shapely.geometry import mapping, shape
from sqlalchemy import select

from hub.errors import Invalid

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry
    from sqlalchemy.orm import Session

    from hub.context import HubContext
    from hub.scope import RegionTree


def geometry_text(geom: BaseGeometry) -> str:
    """GeoJSON text of a shapely geometry (coordinates rounded to 1e-7°, ~1 cm)."""
    def rounded(obj: object) -> object:
        if isinstance(obj, float):
            return round(obj, 7)
        if isinstance(obj, list | tuple):
            return [rounded(x) for x in obj]
        return obj
    geo = mapping(geom)
    return orjson.dumps({"type": geo["type"], "coordinates": rounded(geo["coordinates"])}
                        ).decode()


@dataclass(frozen=True, slots=True)
class GeometryAnswer:
    """One post's ``GET /regions/geometry`` body and its ETag."""

    etag: str
    body: bytes


class RegionIndex:
    """Region polygons: point → leaf region, and each post's FeatureCollection.

    Args:
        texts: region id → GeoJSON geometry text.
        tree: the jurisdiction tree (names, levels, parents, paths).
    """

    def __init__(self, texts: Mapping[str, str], tree: RegionTree) -> None:
        self.tree = tree
        self.texts = {rid: txt for rid, txt in texts.items() if rid in tree.path_of}
        parents_with_shape = {tree.regions[rid].parent_id for rid in self.texts}
        self.leaf_ids = sorted(rid for rid in self.texts if rid not in parents_with_shape)
        self.leaf_shapes = [shape(orjson.loads(self.texts[rid])) for rid in self.leaf_ids]
        for geom in self.leaf_shapes:
            shapely.prepare(geom)
        self._strtree = shapely.STRtree(self.leaf_shapes) if self.leaf_shapes else None
        self._answers: dict[str, GeometryAnswer] = {}

    @classmethod
    def load(cls, session: Session, tree: RegionTree) -> RegionIndex:
        """Read every stored polygon."""
        from hub.models import RegionGeometry

        rows = session.execute(select(RegionGeometry.region_id, RegionGeometry.geojson)).all()
        return cls(dict(rows), tree)

    def __len__(self) -> int:
        return len(self.texts)

    def locate(self, lon: float, lat: float) -> str | None:
        """The id of the leaf region whose polygon holds (lon, lat), or None."""
        if self._strtree is None or not (np.isfinite(lon) and np.isfinite(lat)):
            return None
        point = shapely.Point(lon, lat)
        hits = self._strtree.query(point, predicate="intersects")
        for i in sorted(int(h) for h in hits):
            if self.leaf_shapes[i].covers(point):
                return self.leaf_ids[i]
        return None

    def answer(self, post_path: str) -> GeometryAnswer:
        """The FeatureCollection of every region under ``post_path`` that has a polygon."""
        cached = self._answers.get(post_path)
        if cached is not None:
            return cached
        tree = self.tree
        ids = sorted((rid for rid in self.texts if tree.path_of[rid].startswith(post_path)),
                     key=tree.path_of.__getitem__)
        parts = []
        for rid in ids:
            region = tree.regions[rid]
            props = orjson.dumps({"id": rid, "name": region.name, "level": region.level,
                                  "parent_id": region.parent_id}).decode()
            parts.append(f'{{"type":"Feature","id":{orjson.dumps(rid).decode()},'
                         f'"properties":{props},"geometry":{self.texts[rid]}}}')
        body = ('{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}").encode()
        answer = GeometryAnswer(f'"{hashlib.sha256(body).hexdigest()[:32]}"', body)
        self._answers[post_path] = answer
        return answer


def locate(ctx: HubContext, lat: float, lon: float, post_id: str | None = None) -> str:
    """The grid (leaf region) holding ``(lat, lon)``, inside ``post_id``'s jurisdiction.

    This is how a report that carries only a position is placed (``POST /cases`` without
    ``region_id``; the Open311 intake's lat/long).

    Args:
        ctx: the hub's context (its ``geo`` index and region tree).
        lat, lon: WGS 84 degrees.
        post_id: when given, the region must lie in this post's subtree.

    Return:
        The region id.

    Raises:
        Invalid: (422) the hub has no polygons, or the point lies in no region of the
            jurisdiction (or outside ``post_id``'s).
    """
    if len(ctx.geo) == 0:
        raise Invalid("this hub has no region polygons: give region_id")
    region_id = ctx.geo.locate(lon, lat)
    if region_id is None or (post_id is not None and not ctx.tree.in_scope(region_id, post_id)):
        raise Invalid(f"the point (lat {lat}, lon {lon}) lies outside the jurisdiction")
    return region_id
