"""Region polygons: the demo's geometry, ``GET /regions/geometry``, point → grid, import."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
import shapely
from shapely.geometry import Point, shape
from sqlalchemy import func, select

from hub.db import Database
from hub.demo_geometry import county_shapes
from hub.models import Post, Region, RegionGeometry
from hub.regions_import import ImportRefused, import_file
from hub.seed import COUNTIES, LEVELS, SeedSizes, build_jurisdiction
from tests.hub.conftest import (
    COUNTY_A,
    COUNTY_B,
    GRID_A1,
    GRID_B1,
    JURISDICTION,
    Api,
    assert_error,
    report_body,
)

REPO = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------- the demo's polygons

def test_shipped_counties_are_the_ten_real_ones() -> None:
    """The shipped file has the ten counties, valid, tiling without overlap, seats inside."""
    shapes = county_shapes()
    assert sorted(shapes) == sorted(c.code for c in COUNTIES)
    assert all(g.is_valid and g.area > 0.05 for g in shapes.values())
    assert shapely.coverage_is_valid(list(shapes.values()))
    for row in COUNTIES:
        assert shapes[row.code].contains(Point(row.lon, row.lat)), row.county
    # WGS 84, not GCJ-02: 楚雄市's seat (鹿城镇, WGS 25.04, 101.55) is inside, and the
    # county's extent is where the real county is (lon 100.88-101.81, lat 24.48-25.31)
    minx, miny, maxx, maxy = shapes["532301"].bounds
    assert 100.8 < minx < 100.9 and 101.75 < maxx < 101.85
    assert 24.45 < miny < 24.5 and 25.28 < maxy < 25.33


def test_every_region_lies_inside_its_polygon_and_children_tile_parents() -> None:
    """Each region's lat/lon is in its polygon; each parent is exactly its children's union."""
    demo = build_jurisdiction(SeedSizes(10, 3, 2, 3))
    assert set(demo.shapes) == {r.id for r in demo.regions}
    kids: dict[str, list[str]] = defaultdict(list)
    for r in demo.regions:
        assert demo.shapes[r.id].contains(Point(r.lon, r.lat)), r
        if r.parent_id:
            kids[r.parent_id].append(r.id)
    for parent, children in kids.items():
        union = shapely.union_all([demo.shapes[c] for c in children])
        assert union.symmetric_difference(demo.shapes[parent]).area < 1e-9, parent
        assert shapely.coverage_is_valid([demo.shapes[c] for c in children]), parent


def test_seat_towns_stay_at_the_county_seat() -> None:
    """The first town of each county is its seat, at the county's seat coordinates."""
    by_id = {r.id: r for r in JURISDICTION.regions}
    for row in COUNTIES[:2]:
        seat = by_id[f"{row.code}101"]
        assert (seat.lat, seat.lon) == (row.lat, row.lon)


# ---------------------------------------------------------------- GET /regions/geometry

def _geometry(api: Api, etag: str | None = None) -> requests.Response:
    headers = api.headers({"If-None-Match": etag} if etag else None)
    return api.http.get(api.url("/regions/geometry"), headers=headers, timeout=10)


def test_geometry_is_the_readers_subtree_with_etag(login_as: Callable[[str], Api]) -> None:
    """A county officer gets its county's regions only, WGS 84 polygons, an ETag and 304."""
    api = login_as(f"officer-{COUNTY_A}")
    resp = _geometry(api)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/geo+json")
    fc = resp.json()
    assert fc["type"] == "FeatureCollection"
    ids = [f["properties"]["id"] for f in fc["features"]]
    expected = sorted(r.id for r in JURISDICTION.regions
                      if r.id.startswith(COUNTY_A) and r.level != "prefecture")
    assert sorted(ids) == expected
    for feat in fc["features"]:
        props = feat["properties"]
        assert set(props) == {"id", "name", "level", "parent_id"}
        assert props["level"] in LEVELS
        geom = shape(feat["geometry"])
        assert feat["geometry"]["type"] in ("Polygon", "MultiPolygon") and geom.is_valid
        assert geom.equals_exact(JURISDICTION.shapes[props["id"]], tolerance=1e-6)
    etag = resp.headers["ETag"]
    again = _geometry(api, etag)
    assert again.status_code == 304 and again.content == b""
    assert _geometry(api, '"stale"').status_code == 200
    prefecture = _geometry(login_as("officer-532300")).json()
    assert len(prefecture["features"]) == len(JURISDICTION.regions)
    assert _geometry(login_as("officer-532300")).headers["ETag"] != etag


def test_geometry_needs_a_token(anon: Api) -> None:
    """Without a token: 401 in the protocol's error body."""
    resp = _geometry(anon)
    assert_error(resp.status_code, resp.json(), 401)


# ---------------------------------------------------------------- point → grid

def _inside(region_id: str) -> tuple[float, float]:
    p = JURISDICTION.shapes[region_id].representative_point()
    return p.y, p.x


def test_report_without_region_is_placed_in_the_grid_holding_its_point(
        login_as: Callable[[str], Api]) -> None:
    """POST /cases with lat/lon and no region_id lands in the grid whose polygon holds it."""
    intake = login_as(f"intake-{COUNTY_A}")
    for grid in (GRID_A1, *[r.id for r in JURISDICTION.regions
                            if r.level == "grid" and r.id.startswith(COUNTY_A)][1:3]):
        lat, lon = _inside(grid)
        body = report_body(lat=lat, lon=lon)
        del body["region_id"]
        status, case = intake.post("/cases", body)
        assert status == 201, case
        assert case["region_id"] == grid
        assert (case["lat"], case["lon"]) == (lat, lon)


def test_report_outside_the_jurisdiction_is_refused(login_as: Callable[[str], Api]) -> None:
    """A point in no grid (Kunming), or in another county's grid, is 422; nothing is made."""
    intake = login_as(f"intake-{COUNTY_A}")
    seq = intake.seq()
    lat_b, lon_b = _inside(GRID_B1)
    for lat, lon in ((25.04, 102.71), (lat_b, lon_b)):
        body = report_body(lat=lat, lon=lon)
        del body["region_id"]
        status, err = intake.post("/cases", body)
        assert_error(status, err, 422)
        assert "outside" in err["error"]["message"]
    body = report_body()
    del body["region_id"], body["lat"], body["lon"]
    status, err = intake.post("/cases", body)
    assert_error(status, err, 422)
    assert intake.seq() == seq
    # the prefecture's intake reaches county B's grid from the same point
    lat, lon = _inside(GRID_B1)
    body = report_body(lat=lat, lon=lon)
    del body["region_id"]
    status, case = login_as("intake-532300").post("/cases", body)
    assert status == 201 and case["region_id"] == GRID_B1
    assert COUNTY_B in case["region_id"]


# ---------------------------------------------------------------- regions import

def _feature(rid: str, name: str, level: str, parent: str | None, geom: Any) -> dict:
    return {"type": "Feature", "properties": {"id": rid, "name": name, "level": level,
                                              "parent_id": parent},
            "geometry": json.loads(json.dumps(shapely.geometry.mapping(geom)))}


def _small_tree() -> list[dict]:
    """A county cut in two towns, each one grid-less village (a made-up place)."""
    county = shapely.box(100.0, 20.0, 101.0, 21.0)
    west, east = shapely.box(100.0, 20.0, 100.5, 21.0), shapely.box(100.5, 20.0, 101.0, 21.0)
    return [
        _feature("900000", "示范县", "county", None, county),
        _feature("900000101", "西镇", "town", "900000", west),
        _feature("900000102", "东镇", "town", "900000", east),
        _feature("90000010120101", "西镇第1网格", "grid", "900000101201", west),
        _feature("900000101201", "西村", "village", "900000101", west),
    ]


def _write(tmp_path: Path, features: list[dict] | Any, name: str = "regions.geojson") -> Path:
    path = tmp_path / name
    body = features if not isinstance(features, list) else {"type": "FeatureCollection",
                                                              "features": features}
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return path


def _counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (s.scalar(select(func.count()).select_from(Region)) or 0,
                s.scalar(select(func.count()).select_from(RegionGeometry)) or 0,
                s.scalar(select(func.count()).select_from(Post)) or 0)


@pytest.fixture
def empty_db(tmp_path: Path) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'hub.db'}")
    db.create_schema()
    yield db
    db.dispose()


def test_import_a_good_file(empty_db: Database, tmp_path: Path) -> None:
    """A valid tree is imported: regions, polygons, a post per non-grid region, paths."""
    counts = import_file(empty_db, _write(tmp_path, _small_tree()))
    assert counts == {"features": 5, "added": 5, "renamed": 0, "posts": 4}
    with empty_db.read() as s:
        grid = s.get(Region, "90000010120101")
        assert grid is not None and grid.path == "/900000/900000101/900000101201/90000010120101/"
        assert shape(json.loads(s.get(RegionGeometry, "900000102").geojson)).equals(
            shapely.box(100.5, 20.0, 101.0, 21.0))
        assert Point(grid.lon, grid.lat).within(shapely.box(100.0, 20.0, 100.5, 21.0))
    # importing it again renames nothing and adds nothing
    tree = _small_tree()
    tree[1]["properties"]["name"] = "西城镇"
    assert import_file(empty_db, _write(tmp_path, tree)) == {
        "features": 5, "added": 0, "renamed": 1, "posts": 0}


BAD_CASES = [
    ("not a collection", {"type": "Feature"}, "not a GeoJSON FeatureCollection"),
    ("open ring", lambda t: t[1]["geometry"]["coordinates"][0].pop(), "feature 1 (id 900000101)"
     ": ring 0 of polygon 0 is not closed"),
    ("bow tie", lambda t: t[2].update(geometry={"type": "Polygon", "coordinates": [[
        [100.5, 20.0], [101.0, 21.0], [101.0, 20.0], [100.5, 21.0], [100.5, 20.0]]]}),
     "feature 2 (id 900000102): the polygon is not valid: Self-intersection"),
    ("point", lambda t: t[2].update(geometry={"type": "Point", "coordinates": [100.7, 20.5]}),
     "feature 2 (id 900000102): geometry must be a Polygon or MultiPolygon, not Point"),
    ("out of range", lambda t: t[2]["geometry"]["coordinates"][0].__setitem__(1, [200.0, 20.0]),
     "feature 2 (id 900000102): ring 0 of polygon 0 has a position out of range"),
    ("level", lambda t: t[1]["properties"].update(level="district"),
     "feature 1 (id 900000101): properties.level must be one of"),
    ("skipped level", lambda t: t[3]["properties"].update(parent_id="900000101"),
     "feature 3 (id 90000010120101): a grid cannot be the child of a town (900000101)"),
    ("unknown parent", lambda t: t[2]["properties"].update(parent_id="999999"),
     "feature 2 (id 900000102): its parent 999999 is neither in the file nor in the database"),
    ("duplicate", lambda t: t.append(dict(t[1])),
     "feature 5 (id 900000101): repeats an id given earlier in the file"),
    ("outside parent", lambda t: t[2].update(geometry=shapely.geometry.mapping(
        shapely.box(110.0, 20.0, 111.0, 21.0))),
     "feature 2 (id 900000102): its polygon lies outside its parent 900000's"),
    ("two roots", lambda t: t[1]["properties"].update(parent_id=None, level="county"),
     "a second region without parent_id"),
]


@pytest.mark.parametrize(("why", "change", "message"), BAD_CASES,
                         ids=[c[0] for c in BAD_CASES])
def test_import_refuses_a_bad_file_and_changes_nothing(
        empty_db: Database, tmp_path: Path, why: str, change: Any, message: str) -> None:
    """Each kind of bad input is refused with the feature's index and why; nothing changes."""
    if callable(change):
        tree = _small_tree()
        change(tree)
        path = _write(tmp_path, tree)
    else:
        path = _write(tmp_path, change)
    with pytest.raises(ImportRefused) as refused:
        import_file(empty_db, path)
    assert any(message in line for line in refused.value.errors), refused.value.errors
    assert _counts(empty_db) == (0, 0, 0)


def test_import_checks_against_the_database(empty_db: Database, tmp_path: Path) -> None:
    """A known region keeps its level and parent; a new child may hang under a known one."""
    import_file(empty_db, _write(tmp_path, _small_tree()))
    before = _counts(empty_db)
    moved = _small_tree()[:3]
    moved[2]["properties"]["parent_id"] = "900000101"
    moved[2]["properties"]["level"] = "village"
    with pytest.raises(ImportRefused) as refused:
        import_file(empty_db, _write(tmp_path, moved, "moved.geojson"))
    assert "the database has it as a town under 900000" in refused.value.errors[0]
    grid = [_feature("90000010220101", "东镇第1网格", "grid", "900000102201",
                     shapely.box(100.5, 20.0, 101.0, 21.0)),
            _feature("900000102201", "东村", "village", "900000102",
                     shapely.box(100.5, 20.0, 101.0, 21.0))]
    assert import_file(empty_db, _write(tmp_path, grid, "more.geojson"))["added"] == 2
    assert _counts(empty_db) == (before[0] + 2, before[1] + 2, before[2] + 1)


def test_import_command_line(tmp_path: Path) -> None:
    """``main.py hub regions import``: exit 0 and a summary; a bad file exits 2 with why."""
    db_url = f"sqlite:///{tmp_path / 'cli.db'}"
    good = _write(tmp_path, _small_tree())
    run = [sys.executable, str(REPO / "main.py"), "hub", "regions", "import"]
    ok = subprocess.run([*run, str(good), "--db", db_url], capture_output=True, text=True,
                        timeout=120, cwd=REPO)
    assert ok.returncode == 0, ok.stderr
    assert "imported 5 regions" in ok.stdout
    tree = _small_tree()
    tree[4]["geometry"]["coordinates"][0].pop()
    bad = _write(tmp_path, tree, "bad.geojson")
    refused = subprocess.run([*run, str(bad), "--db", db_url], capture_output=True, text=True,
                             timeout=120, cwd=REPO)
    assert refused.returncode == 2
    assert "nothing was changed" in refused.stderr
    assert "feature 4 (id 900000101201): ring 0 of polygon 0 is not closed" in refused.stderr
