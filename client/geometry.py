"""Region polygons for the map, Qt-free: parsed ``GET /regions/geometry``, the drill tree,
point → region, and the disk copy that makes later starts (and offline review) need no
download.

:class:`RegionMap` turns a FeatureCollection (RFC 7946, WGS 84 lon/lat) into numpy rings
per region, bounding boxes, label points, each region's children, and for every level
an array mapping a region's index to its ancestor's index at that level — so counting
100,000 cases per region at any level is one ``np.bincount``.

A feature that is not a valid Polygon/MultiPolygon with ``properties.id`` is skipped and
counted (``skipped``), never an error: the map shows what it can.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from client.json_value import FeatureCollection
from client.protocol import Region

log = logging.getLogger(__name__)

LEVELS = ("prefecture", "county", "town", "village", "grid")
CACHE_FILE = "regions.geojson"


@dataclass(slots=True)
class RegionShape:
    """One region's polygon, ready to draw.

    Attributes:
        rings: exterior and hole rings of every part, each an (n, 2) lon/lat array.
        bbox: (min lon, min lat, max lon, max lat).
        label: (lon, lat) of a point inside the polygon, for its label.
    """

    id: str
    name: str
    level: str
    parent_id: str | None
    geometry: BaseGeometry
    rings: list[np.ndarray]
    bbox: tuple[float, float, float, float]
    label: tuple[float, float]


class RegionMap:
    """The drawable region tree of one post.

    Attributes:
        shapes: region id → :class:`RegionShape` (regions with a polygon).
        ids: every region id known (polygon or not), index order.
        index: region id → index into ``ids``.
        children: region id → ids of its children that have polygons.
        root: the top region with a polygon (the post's own region), or None.
        skipped: features that could not be used.
    """

    def __init__(self, fc: object, regions: Mapping[str, Region] | None = None) -> None:
        self.shapes: dict[str, RegionShape] = {}
        self.skipped = 0
        features = fc.get("features") if isinstance(fc, dict) else None
        for feat in features if isinstance(features, list) else []:
            parsed = _parse(feat)
            if parsed is None:
                self.skipped += 1
            else:
                self.shapes[parsed.id] = parsed
        parent_of: dict[str, str | None] = {}
        level_of: dict[str, str] = {}
        for rid, reg in (regions or {}).items():
            if isinstance(reg, dict):
                parent_of[rid] = reg.get("parent_id")
                level_of[rid] = str(reg.get("level") or "")
        for rid, s in self.shapes.items():
            parent_of[rid] = s.parent_id
            level_of[rid] = s.level
        self.ids: list[str] = sorted(parent_of)
        self.index = {rid: i for i, rid in enumerate(self.ids)}
        self.parent_of = parent_of
        self.level_of = level_of
        self.children: dict[str, list[str]] = {}
        for rid, s in self.shapes.items():
            if s.parent_id in self.shapes:
                self.children.setdefault(s.parent_id, []).append(rid)
        for kids in self.children.values():
            kids.sort()
        tops = [rid for rid, s in self.shapes.items() if s.parent_id not in self.shapes]
        tops.sort(key=lambda r: (LEVELS.index(level_of[r]) if level_of[r] in LEVELS else 9, r))
        self.root: str | None = tops[0] if tops else None
        self._ancestors: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.shapes)

    def depth(self, region_id: str) -> int:
        """Number of ancestors of a region (the root has 0)."""
        d, seen = 0, set()
        rid = self.parent_of.get(region_id)
        while rid is not None and rid not in seen:
            seen.add(rid)
            d += 1
            rid = self.parent_of.get(rid)
        return d

    def chain(self, region_id: str | None) -> list[str]:
        """The region and its ancestors, root first."""
        out: list[str] = []
        rid = region_id
        while rid is not None and rid not in out:
            out.append(rid)
            rid = self.parent_of.get(rid)
        return out[::-1]

    def ancestor_index(self, depth: int) -> np.ndarray:
        """For every region index, the index of its ancestor at ``depth`` (-1 if none)."""
        cached = self._ancestors.get(depth)
        if cached is not None:
            return cached
        out = np.full(len(self.ids) + 1, -1, dtype=np.int64)  # the last slot: "unknown"
        for i, rid in enumerate(self.ids):
            chain = self.chain(rid)
            if len(chain) > depth:
                out[i] = self.index[chain[depth]]
        self._ancestors[depth] = out
        return out

    def shown_under(self, focus: str | None) -> list[str]:
        """The regions the map draws while focused on ``focus``: its children, or itself."""
        focus = focus if focus in self.shapes else self.root
        if focus is None:
            return []
        return self.children.get(focus) or [focus]

    def child_at(self, focus: str | None, lon: float, lat: float) -> str | None:
        """The region shown under ``focus`` whose polygon holds (lon, lat), or None."""
        point = shapely.Point(lon, lat)
        for rid in self.shown_under(focus):
            if self.shapes[rid].geometry.covers(point):
                return rid
        return None

    def bbox_of(self, region_ids: list[str]) -> tuple[float, float, float, float] | None:
        """The bounding box of several regions, or None."""
        boxes = [self.shapes[r].bbox for r in region_ids if r in self.shapes]
        if not boxes:
            return None
        a = np.array(boxes)
        return float(a[:, 0].min()), float(a[:, 1].min()), float(a[:, 2].max()), float(a[:, 3].max())


def drawable(fc: object, regions: Mapping[str, Region] | None = None) -> RegionMap | None:
    """``fc`` as a :class:`RegionMap` with at least one polygon: one already parsed (off
    the GUI thread), or a GeoJSON FeatureCollection parsed now; None for anything else,
    or when it holds no polygon (the map then shows its points alone)."""
    if isinstance(fc, RegionMap):
        geo = fc
    elif isinstance(fc, dict):
        geo = RegionMap(fc, regions)
    else:
        return None
    return geo if len(geo) else None


def _parse(feat: Any) -> RegionShape | None:
    try:
        props = feat["properties"]
        rid = str(props["id"])
        geom = shape(feat["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
        return None
    if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
        return None
    rings: list[np.ndarray] = []
    for poly in shapely.get_parts(geom):
        rings.append(np.asarray(poly.exterior.coords, dtype=float)[:, :2])
        rings.extend(np.asarray(r.coords, dtype=float)[:, :2] for r in poly.interiors)
    label = geom.representative_point() if not geom.is_valid else geom.point_on_surface()
    parent = props.get("parent_id")
    shapely.prepare(geom)
    return RegionShape(rid, str(props.get("name") or rid), str(props.get("level") or ""),
                       str(parent) if parent is not None else None, geom, rings,
                       tuple(float(v) for v in geom.bounds),  # type: ignore[arg-type]
                       (float(label.x), float(label.y)))


# ---- the disk copy --------------------------------------------------------------------------

def load_cached(folder: str | os.PathLike[str] | None
                ) -> tuple[str | None, FeatureCollection | None]:
    """``(etag, FeatureCollection)`` saved in ``folder``, or ``(None, None)``."""
    if folder is None:
        return None, None
    try:
        saved = orjson.loads((Path(folder) / CACHE_FILE).read_bytes())
        return saved.get("etag"), saved.get("geometry")
    except (OSError, orjson.JSONDecodeError, AttributeError):
        return None, None


def save_cached(folder: str | os.PathLike[str] | None, etag: str | None,
                fc: FeatureCollection) -> None:
    """Keep ``fc`` in ``folder`` (written to a temporary file, then renamed)."""
    if folder is None:
        return
    path = Path(folder) / CACHE_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(orjson.dumps({"etag": etag, "geometry": fc}))
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("cannot keep the region polygons in %s: %s", folder, exc)


def fetch_geometry(api: object, folder: str | os.PathLike[str] | None = None
                   ) -> FeatureCollection | None:
    """The post's FeatureCollection: a 304 answers from the disk copy; a 1.0 hub → None.

    Runs off the GUI thread (network and disk).
    """
    etag, cached = load_cached(folder)
    get = getattr(api, "region_geometry", None)
    if get is None:
        return cached
    answer = get(etag if cached is not None else None)
    if answer is None:  # 304 Not Modified
        return cached
    new_etag, fc = answer
    if fc is None:  # the hub has no such route (1.0)
        return cached
    save_cached(folder, new_etag, fc)
    geometry: FeatureCollection = fc
    return geometry
