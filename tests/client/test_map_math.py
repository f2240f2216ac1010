"""The map's arithmetic (client.map_math) and region tree (client.geometry), without Qt."""

from __future__ import annotations

import numpy as np
import pytest

from client.geometry import RegionMap
from client.map_math import (
    ClusterPyramid,
    cell_size,
    cluster,
    cluster_level,
    heat,
    nice_scale,
    region_counts,
)
from testkit.world import World


@pytest.mark.parametrize("cell", [0.05, 1e-4])  # few cells (bincount) and many (sort)
def test_clusters_partition_the_points(cell: float) -> None:
    """Every point is in exactly one cluster; each cluster's centre is its points' mean."""
    rng = np.random.default_rng(3)
    x, y = rng.uniform(100.7, 102.5, 20_000), rng.uniform(24.2, 26.5, 20_000)
    cx, cy, counts, inverse = cluster(x, y, cell)
    assert counts.sum() == len(x) and len(cx) == len(counts)
    assert np.array_equal(np.bincount(inverse, minlength=len(counts)), counts)
    for i in (0, len(counts) // 2, len(counts) - 1):
        members = inverse == i
        assert cx[i] == pytest.approx(x[members].mean()) and cy[i] == pytest.approx(y[members].mean())
        cells = {(int(np.floor(a / cell)), int(np.floor(b / cell)))
                 for a, b in zip(x[members], y[members], strict=True)}
        assert len(cells) == 1
    assert cluster(np.empty(0), np.empty(0), cell)[2].size == 0


def test_pyramid_levels_equal_clustering_each_level_afresh() -> None:
    """One sort serves every level: each level's clusters are the points' cells at that
    level (counts, centroids, overdue sums), as clustering them afresh gives, and a window
    holds exactly the points inside its snapped box."""
    rng = np.random.default_rng(5)
    # integer multiples of a quarter cell: no point sits on a cell edge up to rounding
    x = (rng.integers(1_007_000, 1_025_000, 30_000) + 0.25) * 1e-4
    y = (rng.integers(242_000, 265_000, 30_000) + 0.25) * 1e-4
    x[:5000] = 101.3 + rng.normal(0, 0.01, 5000)  # a dense town among the spread
    y[:5000] = 25.0 + rng.normal(0, 0.01, 5000)
    overdue = rng.random(len(x)) < 0.2
    pyramid = ClusterPyramid(x, y, overdue)
    for level in (0, 3, 7, 12, ClusterPyramid.ALIGN + 1):
        cx, cy, counts, over, col, row = pyramid.level(level)
        assert counts.sum() == len(x) and over.sum() == overdue.sum()
        ref_x, ref_y, ref_counts, inverse = cluster(x, y, cell_size(level))
        ref_over = np.bincount(inverse, weights=overdue, minlength=len(ref_counts))
        mine = sorted(zip(counts.tolist(), np.round(cx, 9).tolist(), np.round(cy, 9).tolist(),
                          over.tolist(), strict=True))
        ref = sorted(zip(ref_counts.tolist(), np.round(ref_x, 9).tolist(),
                         np.round(ref_y, 9).tolist(), ref_over.astype(int).tolist(),
                         strict=True))
        assert len(mine) == len(ref)
        mismatched = sum(a != b for a, b in zip(mine, ref, strict=True))
        assert mismatched <= len(ref) // 1000  # a point within 1e-12 of an edge may differ
        # one cluster per cell, its centroid inside its cell
        cell = cell_size(level)
        assert len(set(zip(col.tolist(), row.tolist(), strict=True))) == len(counts)
        assert ((col * cell <= cx + 1e-9) & (cx <= (col + 1) * cell + 1e-9)).all()
        assert ((row * cell <= cy + 1e-9) & (cy <= (row + 1) * cell + 1e-9)).all()
    (wx, wy, wcounts, wover), box = pyramid.window(7, (101.25, 24.95, 101.35, 25.05))
    inside = (x >= box[0]) & (x < box[2]) & (y >= box[1]) & (y < box[3])
    assert box[0] <= 101.25 and box[2] >= 101.35
    assert wcounts.sum() == inside.sum() > 4000 and wover.sum() == overdue[inside].sum()
    assert ((wx >= box[0]) & (wx <= box[2]) & (wy >= box[1]) & (wy <= box[3])).all()
    empty = ClusterPyramid(np.empty(0), np.empty(0))
    assert empty.level(3)[2].size == 0 and empty.window(3, (0, 0, 1, 1))[0][2].size == 0


def test_cluster_levels_are_powers_of_two_near_the_target() -> None:
    """A small zoom keeps the level; the cell is within √2 of the target pixels."""
    px = 512e-4 / 90  # right on level 9
    level = cluster_level(px)
    assert level == 9
    assert cluster_level(px * 1.1) == level
    assert 90 / 1.5 <= cell_size(level) / px <= 90 * 1.5


def test_heat_and_counts_and_scale() -> None:
    """Heat peaks at 1 where points gather; counts roll grids up; scale bars are round."""
    x = np.r_[np.full(500, 1.0), np.linspace(0, 2, 50)]
    y = np.r_[np.full(500, 1.0), np.linspace(0, 2, 50)]
    h = heat(x, y, (0, 0, 2, 2), bins=64)
    assert h.max() == pytest.approx(1.0) and np.unravel_index(h.argmax(), h.shape) in (
        (32, 32), (31, 31), (31, 32), (32, 31))
    leaf = np.array([0, 1, 1, 2, -1])
    mask = np.array([True, True, False, True, True])
    ancestor = np.array([3, 3, 4, 3, 4, -1])  # regions 0, 1 under 3; 2 under 4; 5: unknown
    assert region_counts(np.where(leaf >= 0, leaf, 5), mask, ancestor, 5).tolist() == \
        [0, 0, 0, 2, 1]
    metres, px = nice_scale(37.0)
    assert metres in (1000, 2000, 5000) and 0 < px <= 120


def test_region_map_tree_and_point_lookup() -> None:
    """The drill tree, ancestors by depth and which child holds a point."""
    world = World()
    geo = RegionMap(world.geometry())
    county = world.post["region_id"]
    assert geo.root == county
    towns = geo.shown_under(None)
    assert sorted(towns) == sorted(r["id"] for r in world.regions if r["parent_id"] == county)
    grid = world.grids[0]
    town = next(t for t in towns if world.ancestor(grid, t))
    assert geo.ancestor_index(geo.depth(town))[geo.index[grid]] == geo.index[town]
    assert geo.child_at(None, *geo.shapes[grid].label) == town
    assert geo.child_at(None, 0.0, 0.0) is None
    bad = {"type": "FeatureCollection", "features": [{"type": "Feature"}, {
        "type": "Feature", "properties": {"id": "x"}, "geometry": {"type": "Point",
                                                                   "coordinates": [1, 2]}}]}
    assert len(RegionMap(bad)) == 0 and RegionMap(bad).skipped == 2
