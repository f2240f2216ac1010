"""Protocol-shaped snapshots and events for the pane tests and the UI bench (no Qt, no hub).

The jurisdiction (regions, units, names, coordinates) and the catalog come from the
reference hub's seed data, so what the panes show looks like a real county post.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from client.timeutil import format_time
from hub.catalog import CATEGORIES
from hub.seed import SeedSizes, build_jurisdiction

T0 = 1_795_000_000.0  # 2026-11-18 (a fixed "now" for deterministic tests)

SOURCES = ("app", "wechat", "hotline", "grid_worker", "video_ai", "self_found")
TITLES = ("垃圾桶满溢，异味严重", "路灯不亮，夜间出行不便", "占道经营堵塞人行道",
          "井盖缺失存在安全隐患", "噪音扰民（夜间施工）", "河道漂浮物需清理",
          "违章搭建彩钢棚", "共享单车乱停放", "道路积水", "小区消防通道堵塞")


@dataclass
class World:
    """A seeded jurisdiction plus a case generator.

    Attributes:
        now: the generator's clock (epoch seconds); events are stamped with it.
        seq: the last event seq handed out.
    """

    seed: int = 7
    sizes: SeedSizes = field(default_factory=lambda: SeedSizes(counties=1, towns_per_county=3,
                                                                 villages_per_town=3,
                                                                 grids_per_village=2))
    now: float = T0
    seq: int = 0
    with_geometry: bool = True  # the fake hub answers GET /regions/geometry (1.1)
    prefecture: bool = False    # the whole prefecture's post instead of the first county's
    inside: bool = False        # case points drawn inside their grid's polygon

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        j = build_jurisdiction(self.sizes)
        county = next(r for r in j.regions
                      if r.level == ("prefecture" if self.prefecture else "county"))
        sub = {county.id}
        for r in j.regions:  # regions are listed parents first
            if r.parent_id in sub:
                sub.add(r.id)
        self.regions = [{"id": r.id, "name": r.name, "level": r.level, "parent_id": r.parent_id}
                        for r in j.regions]
        self.pos = {r.id: (r.lat, r.lon) for r in j.regions}
        self.shapes = {r.id: j.shapes[r.id] for r in j.regions if r.id in sub}
        self.parent = {r.id: r.parent_id for r in j.regions}
        self.grids = [r.id for r in j.regions if r.level == "grid" and r.id in sub]
        self.units = [{"id": u.id, "name": u.name, "kind": u.kind, "region_id": u.region_id,
                       "on_duty": u.on_duty, "phone": u.phone}
                      for u in j.units if u.region_id in sub]
        post = next(p for p in j.posts if p.region_id == county.id)
        self.post = {"id": post.id, "name": post.name, "region_id": post.region_id,
                     "level": post.level}
        self.subs = [(c.name, s.code, s.name, s.sla_hours) for c in CATEGORIES
                     for s in c.subcategories]
        self.sub_names = {code: name for _, code, name, _ in self.subs}
        self.region_names = {r["id"]: r["name"] for r in self.regions}
        self.unit_names = {u["id"]: u["name"] for u in self.units}
        self.cases: dict[str, dict] = {}
        self._n = 0

    def geometry(self) -> dict:
        """``GET /regions/geometry`` of the county post (its subtree's polygons)."""
        import json

        from shapely.geometry import mapping

        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": r["id"], "name": r["name"],
                                               "level": r["level"], "parent_id": r["parent_id"]},
             "geometry": json.loads(json.dumps(mapping(self.shapes[r["id"]])))}
            for r in self.regions if r["id"] in self.shapes]}

    def _inside(self, grid: str) -> tuple[float, float]:
        """A random point inside the grid's polygon (from a pool drawn once per grid)."""
        pools = self.__dict__.setdefault("_pools", {})
        pool = pools.get(grid)
        if pool is None:
            import zlib

            import numpy as np
            import shapely

            shape = self.shapes[grid]
            minx, miny, maxx, maxy = shape.bounds
            gen = np.random.default_rng(zlib.crc32(grid.encode()))
            xs = gen.uniform(minx, maxx, 4000)
            ys = gen.uniform(miny, maxy, 4000)
            ok = shapely.contains_xy(shape, xs, ys)
            pool = pools[grid] = [(float(y), float(x)) for x, y in zip(xs[ok], ys[ok],
                                                                       strict=True)][:512]
        return self.rng.choice(pool)

    def ancestor(self, region_id: str, level_id: str) -> bool:
        """Whether ``level_id`` is ``region_id`` or one of its ancestors."""
        rid: str | None = region_id
        while rid is not None:
            if rid == level_id:
                return True
            rid = self.parent.get(rid)
        return False

    # ---- Objects

    def case(self, **over: object) -> dict:
        """A fresh case (status reported unless told), not yet known to anyone."""
        rng = self.rng
        self._n += 1
        cat, code, _, sla = rng.choice(self.subs)
        grid = rng.choice(self.grids)
        lat, lon = self.pos[grid]
        jitter = (rng.uniform(-0.01, 0.01), rng.uniform(-0.01, 0.01))
        if self.inside:
            lat, lon = self._inside(grid)
            jitter = (0.0, 0.0)
        reported = self.now - rng.uniform(0, sla * 3600 * 1.3)
        case = {
            "id": f"CX-20261118-{self._n:06d}", "version": 1,
            "title": rng.choice(TITLES), "description": "群众反映：" + rng.choice(TITLES),
            "category": cat, "subcategory": code,
            "priority": rng.choices(("normal", "urgent", "critical"), (80, 15, 5))[0],
            "source": rng.choice(SOURCES), "status": "reported", "unit_id": None,
            "region_id": grid, "address": f"{self.region_names[grid]}附近{rng.randint(1, 99)}号",
            "lat": round(lat + jitter[0], 5),
            "lon": round(lon + jitter[1], 5),
            "reported_at": format_time(reported), "due_at": format_time(reported + sla * 3600),
            "updated_at": format_time(reported), "closed_at": None,
        }
        case.update(over)
        if case["status"] != "reported" and case["unit_id"] is None and case["status"] != "returned":
            case["unit_id"] = rng.choice(self.units)["id"]
        return case

    def snapshot(self, n_cases: int, seq: int = 100) -> dict:
        """A snapshot with ``n_cases`` cases in mixed states."""
        self.seq = seq
        for _ in range(n_cases):
            st = self.rng.choices(
                ("reported", "dispatched", "accepted", "resolved", "returned", "closed"),
                (15, 35, 30, 8, 4, 8))[0]
            c = self.case(status=st)
            if st == "closed":
                c["closed_at"] = format_time(self.now - 600)
            self.cases[c["id"]] = c
        return {
            "seq": seq, "server_time": format_time(self.now), "post": self.post,
            "regions": self.regions, "units": self.units, "cases": list(self.cases.values()),
            "calls": [], "whistles": [],
        }

    # ---- Events

    def _event(self, typ: str, data: dict) -> dict:
        self.seq += 1
        return {"seq": self.seq, "ts": format_time(self.now), "type": typ, "data": data}

    def created(self, **over: object) -> dict:
        """``case.created`` of a fresh case."""
        c = self.case(reported_at=format_time(self.now), updated_at=format_time(self.now), **over)
        sla = next(s[3] for s in self.subs if s[1] == c["subcategory"])
        c["due_at"] = format_time(self.now + sla * 3600)
        self.cases[c["id"]] = c
        return self._event("case.created", {"case": c})

    def updated(self, cid: str, action: str, **fields: object) -> dict:
        """``case.updated`` of ``cid`` with ``fields`` changed."""
        old = self.cases[cid]
        c = dict(old, version=old["version"] + 1, updated_at=format_time(self.now), **fields)
        self.cases[cid] = c
        return self._event("case.updated", {"case": c, "action": action, "actor": "sup-1",
                                            "note": ""})

    def dispatch(self, cid: str, unit_id: str) -> dict:
        return self.updated(cid, "dispatch", status="dispatched", unit_id=unit_id)

    def urged(self, cid: str) -> dict:
        return self._event("case.urged", {"case_id": cid, "unit_id": self.cases[cid]["unit_id"],
                                          "actor": "officer-1", "note": "请尽快处置"})

    def call(self, url: str = "https://meet.example.cn/room/123", case_id: str | None = None,
             ended: bool = False, cid: str = "CALL-1") -> dict:
        call = {"id": cid, "title": "现场视频会商", "url": url, "case_id": case_id,
                "unit_ids": [self.units[0]["id"], self.units[1]["id"]],
                "started_at": format_time(self.now - 300),
                "ended_at": format_time(self.now) if ended else None}
        return self._event("call.ended" if ended else "call.started", {"call": call})

    def whistle(self, case_id: str) -> dict:
        w = {"id": "W-1", "case_id": case_id, "unit_ids": [u["id"] for u in self.units[:3]],
             "checked_in": {}, "deadline": format_time(self.now + 1800), "note": "联合处置",
             "actor": "sup-1", "created_at": format_time(self.now)}
        return self._event("whistle.started", {"whistle": w})

    def random_event(self) -> dict:
        """One plausible event: mostly lifecycle moves of open cases, some new cases."""
        rng = self.rng
        if rng.random() < 0.3 or not self.cases:
            return self.created()
        cid = rng.choice(list(self.cases)) if len(self.cases) < 2000 else self._pick()
        c = self.cases[cid]
        st = c["status"]
        if st in ("reported", "returned"):
            return self.dispatch(cid, rng.choice(self.units)["id"])
        if st == "dispatched":
            return self.updated(cid, "accept", status="accepted")
        if st == "accepted":
            return self.updated(cid, "resolve", status="resolved")
        if st == "resolved":
            return self.updated(cid, "close", status="closed", closed_at=format_time(self.now))
        return self.urged(cid) if c["unit_id"] else self.created()

    def _pick(self) -> str:
        keys = getattr(self, "_keys", None)
        if keys is None or len(keys) < len(self.cases) // 2:
            keys = self._keys = list(self.cases)
        cid = self.rng.choice(keys)
        while cid not in self.cases:
            cid = self.rng.choice(keys)
        return cid
