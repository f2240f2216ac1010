"""The wall's map page with the hub's region polygons: shaded, labelled regions."""

from __future__ import annotations

from client.workload import is_active
from testkit.wall_context import WallCtx
from tests.wall.conftest import Post


def test_wall_map_shades_and_labels_the_regions(post: Post, make_wall) -> None:
    """Each town below the county post gets its open and overdue counts (equal to the
    State's), a fill, and a label; the legend explains the shading."""
    world = post.sim.world
    post.ctx = WallCtx(post.state, geometry=world.geometry())
    wall = make_wall()
    page = wall.windows[0].pages["map"]
    assert page.geo is not None
    page.maybe_refresh(post.clock.now, force=True)
    county = world.post["region_id"]
    towns = sorted(r["id"] for r in world.regions if r["parent_id"] == county)
    assert sorted(page.region_counts) == towns
    overdue = set(post.state.overdue_ids())
    for town in towns:
        ids = [cid for cid, c in post.state.cases.items() if is_active(c)
               and isinstance(c.get("lat"), float) and world.ancestor(c["region_id"], town)]
        assert page.region_counts[town] == (len(ids), sum(1 for c in ids if c in overdue))
    assert sum(d for _, d in page.region_counts.values()) > 0
    assert len(page.regions._labels) == len(towns)
    busiest = max(towns, key=lambda t: page.region_counts[t][0])
    assert page.regions.fill_of(busiest).alpha() > 0
    assert "在办件数" in page.legend.full_text or "open cases" in page.legend.full_text
    assert not any(label.isVisible() for label in page.labels.values())


def test_wall_map_without_polygons_keeps_point_labels(post: Post, make_wall) -> None:
    """A 1.0 hub (no polygons): the page labels areas at their cases' centroid, as before."""
    wall = make_wall()
    page = wall.windows[0].pages["map"]
    page.maybe_refresh(post.clock.now, force=True)
    assert page.geo is None and page.labels
