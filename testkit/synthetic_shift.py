"""A synthetic 12-hour shift cache, written with the real writer (``client.cache.ShiftCache``).

The real file format (a ``hub`` snapshot, then event batches as the Feed writes them) with
realistic case lifecycles (report → dispatch → accept → resolve → close, returns, reopens,
urges, whistles, calls) over the demo jurisdiction and catalog. Used by tests/review and
bench/review_seek.py.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from client.cache import ShiftCache
from client.timeutil import format_time

#: 2026-11-22 20:00 Asia/Shanghai (a night shift)
SHIFT_START = 1795348800.0
TITLES = ("垃圾桶满溢，异味严重", "路灯不亮，夜间出行不便", "占道经营堵塞人行道",
          "井盖缺失存在安全隐患", "噪音扰民（夜间施工）", "河道漂浮物需清理",
          "违章搭建彩钢棚", "共享单车乱停放", "道路积水", "小区消防通道堵塞")
NOTES = ("请尽快处置", "已到现场", "已处理完毕", "回访满意", "非本单位职责", "", "", "")
SOURCES = ("app", "wechat", "hotline", "grid_worker", "video_ai", "self_found")


class _Gen:
    def __init__(self, seed: int, start: float, post_index: int = 0) -> None:
        from hub.catalog import CATEGORIES
        from hub.seed import SeedSizes, build_jurisdiction

        self.rng = random.Random(seed)
        j = build_jurisdiction(SeedSizes(counties=1, towns_per_county=3, villages_per_town=3,
                                         grids_per_village=2))
        county = next(r for r in j.regions if r.level == "county")
        sub = {county.id}
        for r in j.regions:
            if r.parent_id in sub:
                sub.add(r.id)
        self.regions = [{"id": r.id, "name": r.name, "level": r.level, "parent_id": r.parent_id}
                        for r in j.regions]
        self.pos = {r.id: (r.lat, r.lon) for r in j.regions}
        self.grids = [r.id for r in j.regions if r.level == "grid" and r.id in sub]
        self.units = [{"id": u.id, "name": u.name, "kind": u.kind, "region_id": u.region_id,
                       "on_duty": u.on_duty, "phone": u.phone} for u in j.units
                      if u.region_id in sub]
        post = next(p for p in j.posts if p.region_id == county.id)
        self.post = {"id": post.id, "name": post.name, "region_id": post.region_id,
                     "level": post.level}
        self.categories = [{"name": c.name, "subcategories": [
            {"code": s.code, "name": s.name, "sla_hours": s.sla_hours} for s in c.subcategories]}
            for c in CATEGORIES]
        self.subs = [(c.name, s.code, s.sla_hours) for c in CATEGORIES for s in c.subcategories]
        self.now = start
        self.seq = 100
        self.n = 0
        self.cases: dict[str, dict] = {}
        self.open: list[str] = []
        self.whistles: dict[str, dict] = {}
        self.calls: dict[str, dict] = {}

    def case(self, reported: float, status: str = "reported") -> dict:
        rng = self.rng
        self.n += 1
        cat, code, sla = rng.choice(self.subs)
        grid = rng.choice(self.grids)
        lat, lon = self.pos[grid]
        unit = None if status in ("reported", "returned") else rng.choice(self.units)["id"]
        return {
            "id": f"CX-20261122-{self.n:06d}", "version": 1, "title": rng.choice(TITLES),
            "description": "群众反映：" + rng.choice(TITLES), "category": cat,
            "subcategory": code,
            "priority": rng.choices(("normal", "urgent", "critical"), (80, 15, 5))[0],
            "source": rng.choice(SOURCES), "status": status, "unit_id": unit,
            "region_id": grid, "address": f"网格{grid[-4:]}附近{rng.randint(1, 99)}号",
            "lat": round(lat + rng.uniform(-0.01, 0.01), 5),
            "lon": round(lon + rng.uniform(-0.01, 0.01), 5),
            "reported_at": format_time(reported), "due_at": format_time(reported + sla * 3600),
            "updated_at": format_time(reported), "closed_at": None,
        }

    def snapshot(self, n_open: int, n_closed: int) -> dict:
        rng = self.rng
        for i in range(n_open + n_closed):
            st = "closed" if i >= n_open else rng.choices(
                ("reported", "dispatched", "accepted", "resolved", "returned"),
                (10, 35, 40, 10, 5))[0]
            c = self.case(self.now - rng.uniform(600, 20 * 3600), st)
            if st == "closed":
                c["closed_at"] = format_time(self.now - rng.uniform(60, 6 * 3600))
            else:
                self.open.append(c["id"])
            self.cases[c["id"]] = c
        return {"seq": self.seq, "server_time": format_time(self.now), "post": self.post,
                "regions": self.regions, "units": self.units,
                "cases": list(self.cases.values()), "calls": [], "whistles": []}

    def _ev(self, typ: str, data: dict) -> dict:
        self.seq += 1
        return {"seq": self.seq, "ts": format_time(self.now), "type": typ, "data": data}

    def _update(self, cid: str, action: str, actor: str, **fields: object) -> dict:
        old = self.cases[cid]
        c = dict(old, version=old["version"] + 1, updated_at=format_time(self.now), **fields)
        self.cases[cid] = c
        return self._ev("case.updated", {"case": c, "action": action, "actor": actor,
                                         "note": self.rng.choice(NOTES)})

    def next_event(self) -> dict:
        rng = self.rng
        r = rng.random()
        if r < 0.19 or len(self.open) < 50:
            c = self.case(self.now)
            self.cases[c["id"]] = c
            self.open.append(c["id"])
            return self._ev("case.created", {"case": c})
        if r < 0.23:
            cid = rng.choice(self.open)
            c = self.cases[cid]
            if c["unit_id"]:
                return self._ev("case.urged", {"case_id": cid, "unit_id": c["unit_id"],
                                               "actor": "officer-532301", "note": "请加快处置"})
        if r < 0.235:
            cid = rng.choice(self.open)
            wid = f"W-{len(self.whistles) + 1}"
            w = {"id": wid, "case_id": cid, "unit_ids": [u["id"] for u in rng.sample(self.units, 3)],
                 "checked_in": {}, "deadline": format_time(self.now + 1800), "note": "联合处置",
                 "actor": "supervisor-532300", "created_at": format_time(self.now)}
            self.whistles[wid] = w
            return self._ev("whistle.started", {"whistle": w})
        if r < 0.24 and self.whistles:
            w = rng.choice(list(self.whistles.values()))
            left = [u for u in w["unit_ids"] if u not in w["checked_in"]]
            if left:
                w = dict(w, checked_in=dict(w["checked_in"], **{left[0]: format_time(self.now)}))
                self.whistles[w["id"]] = w
                return self._ev("whistle.updated", {"whistle": w})
        if r < 0.245:
            cid = rng.choice(self.open)
            if self.calls and rng.random() < 0.5:
                call = self.calls.pop(rng.choice(list(self.calls)))
                call = dict(call, ended_at=format_time(self.now))
                return self._ev("call.ended", {"call": call})
            kid = f"CALL-{self.seq}"
            call = {"id": kid, "title": "现场视频会商", "url": f"https://meet.example.cn/{kid}",
                    "case_id": cid, "unit_ids": [u["id"] for u in rng.sample(self.units, 2)],
                    "started_at": format_time(self.now), "ended_at": None}
            self.calls[kid] = call
            return self._ev("call.started", {"call": call})
        i = rng.randrange(len(self.open))
        cid = self.open[i]
        c = self.cases[cid]
        st = c["status"]
        if st in ("reported", "returned"):
            return self._update(cid, "dispatch", "supervisor-532300", status="dispatched",
                                unit_id=rng.choice(self.units)["id"])
        if st == "dispatched":
            if rng.random() < 0.05:
                return self._update(cid, "return", f"unit-{c['unit_id']}", status="returned",
                                    unit_id=None)
            return self._update(cid, "accept", f"unit-{c['unit_id']}", status="accepted")
        if st == "accepted":
            return self._update(cid, "resolve", f"unit-{c['unit_id']}", status="resolved")
        # resolved
        if rng.random() < 0.07:
            return self._update(cid, "reopen", "intake-532300", status="dispatched")
        self.open[i] = self.open[-1]
        self.open.pop()
        return self._update(cid, "close", "intake-532300", status="closed",
                            closed_at=format_time(self.now))


def write_synthetic_shift(path: Path, n_events: int = 200_000, *, hours: float = 12.0,
                          seed: int = 11, start: float = SHIFT_START, open_cases: int = 1500,
                          closed_cases: int = 400, batch: int = 40) -> Path:
    """Write a synthetic shift file at ``path`` with the real cache writer; return the path."""
    g = _Gen(seed, start)
    meta = {"hub_url": "http://hub.example:8000", "user": {"id": "u-sup", "role": "supervisor",
                                                          "post_id": g.post["id"]},
            "categories": g.categories, "zone": "Asia/Shanghai", "post": g.post,
            "shift": time.strftime("%Y%m%d-%H%M", time.gmtime(start + 8 * 3600)),
            "shift_start": start, "shift_end": start + hours * 3600}
    cache = ShiftCache.create(path, meta)
    try:
        snap = g.snapshot(open_cases, closed_cases)
        cache.add_snapshot(snap, start, "hub")
        step = hours * 3600 / max(1, n_events)
        rows: list = []
        for _ in range(n_events):
            g.now += g.rng.expovariate(1.0 / step) if g.rng.random() < 0.9 else step * 0.1
            g.now = min(g.now, start + hours * 3600 - 1)
            ev = g.next_event()
            rows.append((ev["seq"], ev, None, g.now + 0.05))
            if len(rows) >= batch:
                cache.add_events(rows)
                rows = []
        cache.add_events(rows)
    finally:
        cache.close()
    return path
