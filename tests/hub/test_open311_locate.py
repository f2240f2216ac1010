"""The Open311 intake's point → grid rules, on the demo jurisdiction's tree (no hub)."""

from __future__ import annotations

import shapely
from shapely.geometry import Point, box

from hub.models import Post, Region
from hub.open311.locate import NearestGridCentre, PolygonLocator, choose_locator
from hub.scope import RegionTree
from tests.hub.conftest import COUNTY_A, COUNTY_B, GRID_A1, GRID_B1, JURISDICTION, REGION_PATHS

TREE = RegionTree(
    [Region(id=r.id, name=r.name, level=r.level, parent_id=r.parent_id, path=REGION_PATHS[r.id],
            lat=r.lat, lon=r.lon) for r in JURISDICTION.regions],
    [Post(id=p.id, name=p.name, region_id=p.region_id, level=p.level)
     for p in JURISDICTION.posts])
GRIDS = {r.id: r for r in JURISDICTION.regions if r.level == "grid"}


class BoxIndex:
    """A small real polygon index: a 0.004° square around each grid centre (shapely)."""

    def __init__(self) -> None:
        self.ids = sorted(GRIDS)
        self.shapes = [box(GRIDS[g].lon - 0.002, GRIDS[g].lat - 0.002,
                           GRIDS[g].lon + 0.002, GRIDS[g].lat + 0.002) for g in self.ids]
        self.tree = shapely.STRtree(self.shapes)

    def locate(self, lon: float, lat: float) -> str | None:
        for i in sorted(int(h) for h in self.tree.query(Point(lon, lat))):
            if self.shapes[i].covers(Point(lon, lat)):
                return self.ids[i]
        return None

    def __len__(self) -> int:
        return len(self.ids)


def test_nearest_grid_centre_inside_the_box_only() -> None:
    locator = NearestGridCentre(TREE)
    a1 = GRIDS[GRID_A1]
    assert locator.locate(a1.lat, a1.lon, COUNTY_A) == GRID_A1
    assert locator.locate(a1.lat + 0.0001, a1.lon - 0.0001, COUNTY_A) == GRID_A1
    assert locator.locate(0.0, 0.0, COUNTY_A) is None
    assert locator.locate(float("nan"), a1.lon, COUNTY_A) is None
    assert locator.locate(a1.lat, a1.lon, "no-such-region") is None
    b1 = GRIDS[GRID_B1]  # county B's own grid, asked within county A: never a B grid
    assert locator.locate(b1.lat, b1.lon, COUNTY_A) in (None, *[g for g in GRIDS
                                                               if g.startswith(COUNTY_A)])
    assert locator.locate(b1.lat, b1.lon, COUNTY_B) == GRID_B1


def test_polygon_locator_keeps_to_the_jurisdiction() -> None:
    locator = PolygonLocator(BoxIndex(), TREE)
    a1, b1 = GRIDS[GRID_A1], GRIDS[GRID_B1]
    assert locator.locate(a1.lat + 0.0015, a1.lon - 0.0015, COUNTY_A) == GRID_A1
    assert locator.locate(a1.lat + 0.003, a1.lon, COUNTY_A) is None       # between the boxes
    assert locator.locate(b1.lat, b1.lon, COUNTY_A) is None               # another county's
    assert locator.locate(b1.lat, b1.lon, COUNTY_B) == GRID_B1
    assert locator.locate(b1.lat, b1.lon, "532300") == GRID_B1            # the prefecture


def test_choose_locator_takes_polygons_when_there_are_any() -> None:
    assert isinstance(choose_locator(None, TREE), NearestGridCentre)
    assert isinstance(choose_locator(BoxIndex(), TREE), PolygonLocator)

    class Empty(BoxIndex):
        def __len__(self) -> int:
            return 0

    assert isinstance(choose_locator(Empty(), TREE), NearestGridCentre)
