"""``--mode nyc311``: real New York 311 records replayed as reports (``hub.nyc311`` reads
and maps them); here each record finds its county, grid, point and unit in the hub's world.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import TypedDict

from hub import nyc311
from hub.simulate.config import SimConfig
from hub.simulate.scenario import ReportDraft
from hub.simulate.world import World


def replay_items(config: SimConfig) -> tuple[Path, list[nyc311.ReplayItem]]:
    """The records of the configured file on the compressed time line (offsets in seconds)."""
    path = config.nyc_file or nyc311.default_path()
    records = nyc311.read_records(path)
    return path, nyc311.replay_schedule(records, config.speed, config.max_gap_s)


def report_for(world: World, rng: random.Random, item: nyc311.ReplayItem
               ) -> tuple[ReportDraft, str | None]:
    """Turn a replay item into a report body and the unit it goes to."""
    record = item.record
    category, code = nyc311.map_complaint(record.complaint_type)
    counties = world.counties or [world.grids[0]]
    county = counties[nyc311.county_index(record) % len(counties)]
    center = world.position(county) or (25.04, 101.55)
    pos = nyc311.map_position(record.lat, record.lon, *center)
    grids = [g for g in world.grids if county in world.chain(g)] or world.grids
    grid = (world.grid_at(pos[0], pos[1], grids) if pos is not None else None) \
        or nearest_grid(world, grids, pos, record.key)
    if pos is None or (world.grid_at(pos[0], pos[1], [grid]) is None and world.shapes):
        pos = world.point_in(grid, rng) or pos
    if pos is None:
        gpos = world.position(grid)
        pos = (round(gpos[0] + rng.uniform(-0.004, 0.004), 6),
               round(gpos[1] + rng.uniform(-0.004, 0.004), 6)) if gpos else None
    dept = nyc311.department_code(record.agency)
    unit = world.department(county, dept) if dept else None
    if unit is None:
        town = world.ancestor(grid, "town")
        unit = world.unit_for(town or grid, category)
    sub_name = next((str(s["name"]) for s in world.categories.get(category, [])
                     if s.get("code") == code), code)
    body: ReportDraft = {"title": nyc311.title_for(record), "description": nyc311.description_for(record),
            "category": category, "subcategory": sub_name,
            "priority": nyc311.priority_for(record), "source": nyc311.source_for(record),
            "region_id": grid, "address": nyc311.address_for(record),
            "lat": pos[0] if pos else None, "lon": pos[1] if pos else None,
            "_code": code, "_name": sub_name}
    return body, unit


def nearest_grid(world: World, grids: list[str], pos: tuple[float, float] | None,
                 key: str) -> str:
    """The grid whose centre is nearest ``pos``; without one, a grid picked by the record key."""
    if pos is not None:
        best, best_d = None, math.inf
        for g in grids:
            gp = world.position(g)
            if gp is not None:
                d = (gp[0] - pos[0]) ** 2 + (gp[1] - pos[1]) ** 2
                if d < best_d:
                    best, best_d = g, d
        if best is not None:
            return best
    return grids[int(key) % len(grids) if key.isdigit() else 0]


class ReplayPlan(TypedDict):
    """What the simulator keeps of a replayed record."""

    unit: str | None
    resolve_after_s: float | None
    stage: str


def replay_plan(item: nyc311.ReplayItem, unit: str | None) -> ReplayPlan:
    """What the simulator keeps of a replayed record: its unit, closing time and last stage."""
    return {"unit": unit, "resolve_after_s": item.resolve_after_s,
            "stage": nyc311.loop_stage(item.record)}
