"""The hub as the simulator knows it: regions, units and categories learned from
``/snapshot`` and ``/categories``, polygons from ``/regions/geometry`` (1.1), and the
questions the simulator asks of them (where is this grid, who handles this category here).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub.seed import (
    COUNTIES,
    DEPARTMENTS,
    GRID_TEAM_CATEGORIES,
    GRID_TEAM_SUFFIX,
    STATION_CATEGORIES,
    STATION_SUFFIX,
)

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


def _infer_categories(unit: Mapping[str, Any]) -> tuple[str, ...]:
    """Guess what a unit handles when the hub does not say (by id suffix, then by name)."""
    uid, name = str(unit.get("id", "")), str(unit.get("name", ""))
    suffix = uid.rsplit("-", 1)[-1] if "-" in uid else ""
    for dept in DEPARTMENTS:
        if suffix == dept.code or dept.name in name:
            return dept.categories
    if suffix == STATION_SUFFIX or unit.get("kind") == "station":
        return STATION_CATEGORIES
    if suffix == GRID_TEAM_SUFFIX or unit.get("kind") == "grid_team":
        return GRID_TEAM_CATEGORIES
    return ()


class World:
    """Regions, units and categories learned from ``/snapshot`` and ``/categories``."""

    def __init__(self, snapshot: Mapping[str, Any], categories: list[Mapping[str, Any]]) -> None:
        self.regions: dict[str, dict[str, Any]] = {
            str(r["id"]): dict(r) for r in snapshot.get("regions") or [] if "id" in r}
        self.units: dict[str, dict[str, Any]] = {
            str(u["id"]): dict(u) for u in snapshot.get("units") or [] if "id" in u}
        self.categories: dict[str, list[dict[str, Any]]] = {}
        for cat in categories:
            subs = [dict(s) for s in cat.get("subcategories") or [] if "name" in s]
            if subs:
                self.categories[str(cat["name"])] = subs
        self.handles: dict[str, tuple[str, ...]] = {}
        for uid, unit in self.units.items():
            cats = unit.get("categories")
            self.handles[uid] = (tuple(str(c) for c in cats) if isinstance(cats, list)
                                 else _infer_categories(unit))
        self.units_by_region: dict[str, list[str]] = {}
        for uid in sorted(self.units):
            self.units_by_region.setdefault(str(self.units[uid].get("region_id")), []).append(uid)
        levels = Counter(r.get("level") for r in self.regions.values())
        leaf_level = "grid" if levels.get("grid") else None
        if leaf_level is None:
            parents = {r.get("parent_id") for r in self.regions.values()}
            self.grids = sorted(rid for rid in self.regions if rid not in parents)
        else:
            self.grids = sorted(rid for rid, r in self.regions.items() if r.get("level") == "grid")
        self.counties = sorted(rid for rid, r in self.regions.items() if r.get("level") == "county")
        #: region id → shapely polygon, from GET /regions/geometry (empty on a 1.0 hub)
        self.shapes: dict[str, BaseGeometry] = {}

    def set_shapes(self, fc: object) -> int:
        """Keep the polygons of ``GET /regions/geometry`` (1.1); return how many were usable."""
        from shapely.geometry import shape

        self.shapes = {}
        for feat in (fc.get("features") or []) if isinstance(fc, dict) else []:
            try:
                rid = str(feat["properties"]["id"])
                geom = shape(feat["geometry"])
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            if rid in self.regions and not geom.is_empty:
                self.shapes[rid] = geom
        return len(self.shapes)

    def point_in(self, region_id: str, rng: random.Random) -> tuple[float, float] | None:
        """A uniformly random (lat, lon) inside the region's polygon (6 decimals), or None."""
        from shapely.geometry import Point

        geom = self.shapes.get(region_id)
        if geom is None:
            return None
        minx, miny, maxx, maxy = geom.bounds
        for _ in range(2000):
            lat, lon = round(rng.uniform(miny, maxy), 6), round(rng.uniform(minx, maxx), 6)
            if geom.contains(Point(lon, lat)):
                return lat, lon
        p = geom.representative_point()
        return p.y, p.x

    def grid_at(self, lat: float, lon: float, grids: list[str]) -> str | None:
        """The grid among ``grids`` whose polygon holds (lat, lon), or None."""
        from shapely.geometry import Point

        point = Point(lon, lat)
        return next((g for g in grids if g in self.shapes and self.shapes[g].contains(point)),
                    None)

    def chain(self, region_id: str) -> list[str]:
        """Return the region and its ancestors, nearest first."""
        out: list[str] = []
        rid: str | None = region_id
        while rid is not None and rid in self.regions and rid not in out:
            out.append(rid)
            parent = self.regions[rid].get("parent_id")
            rid = str(parent) if parent is not None else None
        return out

    def ancestor(self, region_id: str, level: str) -> str | None:
        """Return the region's ancestor (or itself) at ``level``."""
        for rid in self.chain(region_id):
            if self.regions[rid].get("level") == level:
                return rid
        return None

    def position(self, region_id: str) -> tuple[float, float] | None:
        """Return the region's centre: its own, an ancestor's, or the seed's county seat."""
        for rid in self.chain(region_id):
            lat, lon = self.regions[rid].get("lat"), self.regions[rid].get("lon")
            if isinstance(lat, int | float) and isinstance(lon, int | float):
                return float(lat), float(lon)
            for row in COUNTIES:
                if row.code == rid:
                    return row.lat, row.lon
        return None

    def unit_for(self, region_id: str, category: str, exclude: set[str] | frozenset[str] = frozenset(),
                 ) -> str | None:
        """Return the unit of the nearest enclosing region that handles ``category``.

        Falls back to a town station, then a county department, then any unit up the chain.
        """
        chain = self.chain(region_id)
        for rid in chain:
            for uid in self.units_by_region.get(rid, []):
                if uid not in exclude and category in self.handles.get(uid, ()):
                    return uid
        for kind in ("station", "department", None):
            for rid in chain:
                for uid in self.units_by_region.get(rid, []):
                    if uid not in exclude and (kind is None or self.units[uid].get("kind") == kind):
                        return uid
        return None

    def department(self, county_id: str, code: str) -> str | None:
        """Return the county department with id suffix ``code`` (``GA`` …), if the hub has it."""
        for uid in self.units_by_region.get(county_id, []):
            if uid.endswith(f"-{code}") and self.units[uid].get("kind") == "department":
                return uid
        return None

    def sla_hours(self, category: str, subcategory: str) -> float | None:
        """Return a subcategory's SLA (by name or code)."""
        for sub in self.categories.get(category, []):
            if subcategory in (sub.get("name"), sub.get("code")):
                value = sub.get("sla_hours")
                return float(value) if isinstance(value, int | float) else None
        return None
