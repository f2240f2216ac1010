"""Polygons of the demo jurisdiction: real counties, plausible towns, villages and grids.

The ten counties are the real boundaries shipped in ``hub/data/chuxiong-counties.geojson``
(see ``hub/data/README.md`` for source and licence); the prefecture is their union.
Below a county nothing public is detailed enough, so each level is cut from its parent
by a Voronoi diagram: one seed point per child, spread inside the parent (best of a few
random candidates, the farthest from the seeds already placed), each child's cell
clipped to the parent. The children's cells therefore tile the parent exactly (no gap,
no overlap), and each child's seed point — which becomes its ``lat``/``lon`` — lies in
its own polygon. The county seat town sits at the county seat.

Deterministic: the same regions and ``rng_seed`` give the same polygons. Cost: ~0.2 s
for the default 151 regions, once, when the demo is seeded (the hub stores the result).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, shape
from shapely.geometry.base import BaseGeometry

if TYPE_CHECKING:
    from hub.seed import RegionSeed

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTIES_FILE = DATA_DIR / "chuxiong-counties.geojson"
_CANDIDATES = 12


@cache
def county_shapes() -> dict[str, BaseGeometry]:
    """The real county polygons (WGS 84) by county code."""
    fc = json.loads(COUNTIES_FILE.read_text(encoding="utf-8"))
    return {str(f["properties"]["id"]): shape(f["geometry"]) for f in fc["features"]}


def polygonal(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Only the polygon parts of ``geom`` (an intersection may add lines or points)."""
    parts = [p for p in shapely.get_parts(geom) if isinstance(p, Polygon) and not p.is_empty]
    if len(parts) == 1:
        return parts[0]
    return MultiPolygon(parts)


def sample_inside(rng: random.Random, area: BaseGeometry, avoid: Sequence[Point],
                  candidates: int = _CANDIDATES) -> Point:
    """A random point inside ``area``, the farthest of a few candidates from ``avoid``."""
    minx, miny, maxx, maxy = area.bounds
    shapely.prepare(area)
    best: Point | None = None
    best_d = -1.0
    found = 0
    for _ in range(5000):
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if not area.contains(p):
            continue
        d = min((p.distance(a) for a in avoid), default=0.0)
        if d > best_d:
            best, best_d = p, d
        found += 1
        if found >= candidates:
            break
    if best is None:  # a sliver: its representative point is inside by definition
        best = area.representative_point()
    return best


def split(parent: BaseGeometry, seeds: Sequence[Point]) -> list[Polygon | MultiPolygon]:
    """Cut ``parent`` into one Voronoi cell per seed (clipped to it), in seed order."""
    if len(seeds) == 1:
        return [polygonal(parent)]
    minx, miny, maxx, maxy = parent.bounds
    frame = shapely.box(minx - 1, miny - 1, maxx + 1, maxy + 1)
    cells = shapely.voronoi_polygons(shapely.MultiPoint(list(seeds)), extend_to=frame,
                                     ordered=True)
    return [polygonal(shapely.intersection(cell, parent)) for cell in shapely.get_parts(cells)]


def subdivide(regions: Sequence[RegionSeed], rng_seed: int = 2026,
              seats: dict[str, tuple[float, float]] | None = None
              ) -> tuple[list[RegionSeed], dict[str, Polygon | MultiPolygon]]:
    """Give every region a polygon; move towns, villages and grids to their seed points.

    Args:
        regions: the tree, parents before children (as ``build_jurisdiction`` makes it).
        rng_seed: seed of the placement.
        seats: town id → (lat, lon) of towns that must sit at a given place (county seats).

    Return:
        The regions (same order; lat/lon of each region inside its polygon) and the
        polygons by region id. Regions whose county has no shipped boundary keep their
        place and get no polygon.
    """
    rng = random.Random(rng_seed)
    counties = county_shapes()
    seats = seats or {}
    children: dict[str | None, list[RegionSeed]] = {}
    for r in regions:
        children.setdefault(r.parent_id, []).append(r)
    shapes: dict[str, Polygon | MultiPolygon] = {}
    moved: dict[str, RegionSeed] = {}
    for r in regions:
        if r.level == "prefecture":
            shapes[r.id] = polygonal(shapely.union_all(list(counties.values())))
        elif r.level == "county" and r.id in counties:
            shapes[r.id] = polygonal(counties[r.id])
        if r.id not in shapes:
            continue
        kids = children.get(r.id, [])
        if not kids or r.level == "prefecture":
            continue
        parent = shapes[r.id]
        seeds: list[Point] = []
        for kid in kids:
            seat = seats.get(kid.id)
            if seat is not None and parent.contains(Point(seat[1], seat[0])):
                seeds.append(Point(seat[1], seat[0]))
            else:
                seeds.append(sample_inside(rng, parent, seeds))
        for kid, seed, cell in zip(kids, seeds, split(parent, seeds), strict=True):
            shapes[kid.id] = cell
            moved[kid.id] = replace(kid, lat=round(seed.y, 6), lon=round(seed.x, 6))
    out = [moved.get(r.id, r) for r in regions]
    for r in out:  # rounding must not push a seed out of its own cell
        geom = shapes.get(r.id)
        if geom is not None and r.level not in ("prefecture", "county") \
                and not geom.contains(Point(r.lon, r.lat)):
            p = geom.representative_point()
            out[out.index(r)] = replace(r, lat=p.y, lon=p.x)
    return out, shapes
