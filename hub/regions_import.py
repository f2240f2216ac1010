"""``main.py hub regions import FILE.geojson``: load a deployment's own region polygons.

The file is a GeoJSON FeatureCollection (RFC 7946, WGS 84 lon/lat), one Feature per
region with ``properties: {"id", "name", "level", "parent_id"}`` (levels prefecture →
county → town → village → grid) and a Polygon or MultiPolygon geometry — the same shape
``GET /regions/geometry`` answers, so one hub's answer imports into another.

Everything is checked before anything is written; any problem refuses the whole file
with the feature's index and why, and the database is left as it was:

* the collection and each feature are the right JSON shapes; ids unique, ≤ 32 characters;
* rings have ≥ 4 positions, are closed, every position is finite lon/lat in range;
  each polygon is valid (no self-intersection — shapely's ``explain_validity`` says where);
* levels are known; a region's parent exists (in the file or the database) and is exactly
  one level up; only the top region has no parent; a region already in the database keeps
  its level and parent; a region's polygon lies in its parent's (its representative point
  does: this catches swapped parents without failing on simplification slivers).

Then, in one transaction: new regions are added (``lat``/``lon`` = a point inside the
polygon), known ones renamed, every polygon stored, and a command post made for each new
region above the grid level. Restart the hub to serve the new polygons.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity
from sqlalchemy import select

from hub.db import Database
from hub.geo import geometry_text
from hub.migrate import ensure_schema, schema_lock
from hub.models import Post, Region, RegionGeometry
from hub.seed import LEVELS, post_id_for

MAX_ERRORS = 20


class ImportRefused(Exception):
    """The file was refused; ``errors`` lists why (feature index and reason)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class RegionFeature:
    """One checked feature."""

    index: int
    id: str
    name: str
    level: str
    parent_id: str | None
    geometry: BaseGeometry  # a Polygon or MultiPolygon (checked before shape())


def _ring_problem(ring: object) -> str | None:
    if not isinstance(ring, list) or len(ring) < 4:
        return "has fewer than 4 positions"
    for pos in ring:
        if (not isinstance(pos, list) or len(pos) not in (2, 3)
                or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in pos)):
            return f"has a position that is not [lon, lat]: {str(pos)[:40]}"
        lon, lat = pos[0], pos[1]
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return "has a position that is not a finite number"
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return f"has a position out of range (lon {lon}, lat {lat})"
    if ring[0][:2] != ring[-1][:2]:
        return "is not closed (its first and last positions differ)"
    return None


def _geometry_problem(geom: object) -> str | None:
    if not isinstance(geom, dict) or geom.get("type") not in ("Polygon", "MultiPolygon"):
        kind = geom.get("type") if isinstance(geom, dict) else type(geom).__name__
        return f"geometry must be a Polygon or MultiPolygon, not {kind}"
    coords = geom.get("coordinates")
    polygons = [coords] if geom["type"] == "Polygon" else coords
    if not isinstance(polygons, list) or not polygons:
        return "geometry has no coordinates"
    for p, rings in enumerate(polygons):
        if not isinstance(rings, list) or not rings:
            return f"polygon {p} has no rings"
        for r, ring in enumerate(rings):
            problem = _ring_problem(ring)
            if problem:
                return f"ring {r} of polygon {p} {problem}"
    return None


def parse_features(fc: object) -> tuple[list[RegionFeature], list[str]]:
    """Check each feature on its own; return the good ones and the problems found."""
    errors: list[str] = []
    if not isinstance(fc, dict) or fc.get("type") != "FeatureCollection" \
            or not isinstance(fc.get("features"), list):
        return [], ["the file is not a GeoJSON FeatureCollection with a features list"]
    out: list[RegionFeature] = []
    seen: set[str] = set()
    for i, feat in enumerate(fc["features"]):
        def bad(why: str, rid: object = None, i: int = i) -> None:
            errors.append(f"feature {i}" + (f" (id {rid})" if rid is not None else "")
                          + f": {why}")
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            bad("is not a GeoJSON Feature")
            continue
        props = feat.get("properties")
        if not isinstance(props, dict):
            bad("has no properties object")
            continue
        rid, name, level, parent = (props.get("id"), props.get("name"), props.get("level"),
                                    props.get("parent_id"))
        if not isinstance(rid, str) or not rid.strip() or len(rid) > 32:
            bad("properties.id must be a non-empty string of at most 32 characters")
            continue
        if rid in seen:
            bad("repeats an id given earlier in the file", rid)
            continue
        seen.add(rid)
        if not isinstance(name, str) or not name.strip() or len(name) > 100:
            bad("properties.name must be a non-empty string of at most 100 characters", rid)
            continue
        if level not in LEVELS:
            bad(f"properties.level must be one of {', '.join(LEVELS)}, not {level!r}", rid)
            continue
        if parent is not None and not isinstance(parent, str):
            bad("properties.parent_id must be a string or null", rid)
            continue
        problem = _geometry_problem(feat.get("geometry"))
        if problem:
            bad(problem, rid)
            continue
        geom = shape(feat["geometry"])
        if not geom.is_valid:
            bad(f"the polygon is not valid: {explain_validity(geom)}", rid)
            continue
        if geom.is_empty or geom.area <= 0:
            bad("the polygon has no area", rid)
            continue
        out.append(RegionFeature(i, rid, name.strip(), level, parent, geom))
    return out, errors


def check_tree(features: list[RegionFeature], known: dict[str, tuple[str, str | None]],
               known_shapes: dict[str, BaseGeometry]) -> list[str]:
    """Levels and parents against the file and the database (``known``: id → level, parent)."""
    errors: list[str] = []
    level_of = {rid: lv for rid, (lv, _p) in known.items()}
    level_of.update({f.id: f.level for f in features})
    shape_of = dict(known_shapes)
    shape_of.update({f.id: f.geometry for f in features})
    roots_known = [rid for rid, (_lv, p) in known.items() if p is None]
    for f in features:
        def bad(why: str, f: RegionFeature = f) -> None:
            errors.append(f"feature {f.index} (id {f.id}): {why}")
        if f.id in known:
            k_level, k_parent = known[f.id]
            if (k_level, k_parent) != (f.level, f.parent_id):
                bad(f"the database has it as a {k_level} under {k_parent}; "
                    f"the file says a {f.level} under {f.parent_id}")
                continue
        if f.parent_id is None:
            others = [r for r in roots_known if r != f.id]
            if others:
                bad(f"has no parent_id, but the jurisdiction already has a top region "
                    f"({others[0]})")
            continue
        parent_level = level_of.get(f.parent_id)
        if parent_level is None:
            bad(f"its parent {f.parent_id} is neither in the file nor in the database")
            continue
        if LEVELS.index(f.level) != LEVELS.index(parent_level) + 1:
            bad(f"a {f.level} cannot be the child of a {parent_level} ({f.parent_id})")
            continue
        parent_shape = shape_of.get(f.parent_id)
        if parent_shape is not None and not parent_shape.covers(f.geometry.representative_point()):
            bad(f"its polygon lies outside its parent {f.parent_id}'s")
    roots_in_file = [f for f in features if f.parent_id is None]
    if len(roots_in_file) > 1:
        errors.append(f"feature {roots_in_file[1].index} (id {roots_in_file[1].id}): "
                      f"a second region without parent_id (the first is "
                      f"{roots_in_file[0].id})")
    return errors


def import_file(db: Database, path: Path) -> dict[str, int]:
    """Check and import ``path``; return counts. Raises ``ImportRefused`` (nothing changed)."""
    try:
        fc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRefused([f"cannot read {path}: {exc}"]) from None
    features, errors = parse_features(fc)
    with db.read() as s:
        known = {r.id: (r.level, r.parent_id) for r in s.scalars(select(Region))}
        known_shapes = {rid: shape(json.loads(txt)) for rid, txt in s.execute(
            select(RegionGeometry.region_id, RegionGeometry.geojson)).all()}
    if not errors:
        errors = check_tree(features, known, known_shapes)
    if errors:
        raise ImportRefused(errors[:MAX_ERRORS])
    # parents before children, so each new region's path can be built
    order = sorted(features, key=lambda f: LEVELS.index(f.level))
    added = renamed = posts = 0
    with db.write() as tx:
        s = tx.session
        paths = {r.id: r.path for r in s.scalars(select(Region))}
        for f in order:
            region = s.get(Region, f.id)
            if region is None:
                region_path = (paths[f.parent_id] if f.parent_id else "/") + f.id + "/"
                inside = f.geometry.representative_point()
                s.add(Region(id=f.id, name=f.name, level=f.level, parent_id=f.parent_id,
                             path=region_path, lat=round(inside.y, 6),
                             lon=round(inside.x, 6)))
                paths[f.id] = region_path
                added += 1
                s.flush()
                if f.level != "grid" and s.get(Post, post_id_for(f.id)) is None:
                    s.add(Post(id=post_id_for(f.id), name=f"{f.name}指挥中心", region_id=f.id,
                               level=f.level, seq=0, pruned_through=0))
                    posts += 1
            elif region.name != f.name:
                region.name = f.name
                renamed += 1
            s.merge(RegionGeometry(region_id=f.id, geojson=geometry_text(f.geometry)))
    return {"features": len(features), "added": added, "renamed": renamed, "posts": posts}


def regions_main(argv: list[str]) -> int:
    """``main.py hub regions import FILE.geojson [--db URL]``."""
    from hub.config import HubConfig

    p = argparse.ArgumentParser(prog="main.py hub regions",
                                description="Manage the hub's region polygons.")
    sub = p.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="check and load a GeoJSON FeatureCollection of regions")
    imp.add_argument("file", type=Path, help="FILE.geojson (WGS 84 lon/lat)")
    imp.add_argument("--db", default=HubConfig().db_url, help="SQLAlchemy URL of the hub's "
                     "database (default %(default)s)")
    args = p.parse_args(argv)
    db = Database(args.db)
    try:
        with schema_lock(db):
            ensure_schema(db, migrate=True)
    except Exception as exc:  # noqa: BLE001 - told in words, like any bad input
        print(f"error: cannot prepare the database {args.db}: {exc}", file=sys.stderr)
        db.dispose()
        return 2
    try:
        counts = import_file(db, args.file)
    except ImportRefused as refused:
        print(f"refused {args.file}; nothing was changed:", file=sys.stderr)
        for line in refused.errors:
            print(f"  {line}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print(f"imported {counts['features']} regions from {args.file}: {counts['added']} new, "
          f"{counts['renamed']} renamed, {counts['posts']} new posts. Restart the hub to "
          "serve them.")
    return 0

