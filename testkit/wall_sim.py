"""A synthetic post for the wall's tests, screenshots and soak bench (no Qt, no hub).

Protocol-shaped events from a steady-state lifecycle: cases arrive at a daily rhythm
(quiet at night, busy by day), are dispatched, accepted, urged when late, resolved and
closed; units change their on-duty counts; video calls start and end. The jurisdiction
and catalog come from the reference hub's seed (via :mod:`testkit.world`).

:meth:`Sim.warm_snapshot` runs the lifecycle for a while *without* emitting events and
returns a snapshot as the hub would give it (open cases plus those closed in the last
24 h), so the soak starts in a steady state. The Sim itself keeps only open cases, the
pending transitions and a bounded call list: its memory is flat too.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import deque

from client.timeutil import format_time as _slow_format_time
from hub.seed import SeedSizes
from testkit.world import TITLES, World

# 2026-11-18 16:00 Asia/Shanghai (08:00Z)
T_START = 1_794_988_800.0
ADDRESSES = ("人民路", "鹿城南路", "龙江路", "兴隆街", "阳光大道", "永安路", "桃源路")


_DAYS: dict[int, str] = {}


def format_time(ts: float) -> str:
    """``client.timeutil.format_time``, ~10× faster (the soak formats millions of times)."""
    ms = int(round(ts * 1000))
    day, rem = divmod(ms, 86_400_000)
    date = _DAYS.get(day)
    if date is None:
        date = _DAYS[day] = _slow_format_time(day * 86400.0)[:11]
    sec, milli = divmod(rem, 1000)
    h, sec = divmod(sec, 3600)
    m, sec = divmod(sec, 60)
    return f"{date}{h:02d}:{m:02d}:{sec:02d}.{milli:03d}Z"


def diurnal(ts: float) -> float:
    """Arrival-rate factor by local hour (mean ≈ 1): low at 03:00, high at 10:00–17:00."""
    hour = ((ts + 8 * 3600) % 86400) / 3600
    return 1.0 + 0.75 * math.sin((hour - 8.0) / 24 * 2 * math.pi) * (1 if 6 <= hour <= 22 else 1.2)


class Sim:
    """The synthetic post.

    Args:
        seed: random seed.
        per_hour: mean case arrivals per hour.
        unit_updates_per_hour: ``unit.updated`` events per hour.
        critical_share: share of new cases that are critical.
    """

    def __init__(self, seed: int = 11, *, per_hour: float = 300.0,
                 unit_updates_per_hour: float = 120.0, critical_share: float = 0.02,
                 sizes: SeedSizes | None = None, now: float = T_START) -> None:
        self.world = World(seed=seed, sizes=sizes or SeedSizes(
            counties=1, towns_per_county=8, villages_per_town=2, grids_per_village=2), now=now)
        self.rng = random.Random(seed)
        self.per_hour = per_hour
        self.unit_rate = unit_updates_per_hour
        self.critical_share = critical_share
        self.now = now
        self.seq = 0
        self.n = 0
        self.open: dict[str, dict] = {}
        self._todo: list[tuple[float, int, str, str]] = []  # (time, tiebreak, case id, action)
        self._tie = 0
        self.calls: dict[str, dict] = {}
        self._emit = True
        self._closed: deque[dict] = deque()
        self.created = 0

    # ---- Snapshot

    def warm_snapshot(self, hours: float = 30.0) -> dict:
        """Run ``hours`` of lifecycle silently ending at ``now``; return the hub's snapshot."""
        end = self.now
        self.now = end - hours * 3600
        self._emit = False
        self.events_until(end)
        self._emit = True
        keep_after = end - 24 * 3600
        closed = [c for c in self._closed if c["closed_at"] >= format_time(keep_after)]
        self._closed.clear()
        w = self.world
        return {"seq": self.seq, "server_time": format_time(end), "post": w.post,
                "regions": w.regions, "units": w.units,
                "cases": list(self.open.values()) + closed,
                "calls": list(self.calls.values()), "whistles": []}

    # ---- Events

    def events_until(self, end: float) -> list[dict]:
        """Every event from ``now`` up to ``end`` (in time order); ``now`` becomes ``end``."""
        out: list[dict] = []
        rng = self.rng
        t = self.now
        while True:
            rate = self.per_hour * diurnal(t) / 3600 + self.unit_rate / 3600
            step = rng.expovariate(rate)
            nxt = t + step
            while self._todo and self._todo[0][0] <= min(nxt, end):
                when, _, cid, action = heapq.heappop(self._todo)
                self._move(when, cid, action, out)
            if nxt > end:
                break
            t = nxt
            if rng.random() < self.unit_rate / 3600 / rate:
                self._unit(t, out)
            else:
                self._arrive(t, out)
                if rng.random() < 0.01:
                    self._call(t, out)
        self.now = end
        return out

    def _event(self, ts: float, typ: str, data: dict, out: list[dict]) -> None:
        self.seq += 1
        if self._emit:
            out.append({"seq": self.seq, "ts": format_time(ts), "type": typ, "data": data})

    def _later(self, when: float, cid: str, action: str) -> None:
        self._tie += 1
        heapq.heappush(self._todo, (when, self._tie, cid, action))

    def _arrive(self, ts: float, out: list[dict]) -> None:
        w, rng = self.world, self.rng
        self.n += 1
        self.created += 1
        cat, code, _, sla = rng.choice(w.subs)
        grid = rng.choice(w.grids)
        lat, lon = w.pos[grid]
        prio = "critical" if rng.random() < self.critical_share else (
            "urgent" if rng.random() < 0.15 else "normal")
        if prio == "critical":
            sla = min(sla, 4.0)
        cid = f"CX-SIM-{self.n:08d}"
        case = {
            "id": cid, "version": 1, "title": rng.choice(TITLES),
            "description": "群众反映：" + rng.choice(TITLES), "category": cat,
            "subcategory": code, "priority": prio, "source": rng.choice(
                ("app", "wechat", "hotline", "grid_worker", "video_ai", "self_found")),
            "status": "reported", "unit_id": None, "region_id": grid,
            "address": f"{w.region_names[grid]}{rng.choice(ADDRESSES)}{rng.randint(1, 299)}号",
            "lat": round(lat + rng.uniform(-0.012, 0.012), 5),
            "lon": round(lon + rng.uniform(-0.012, 0.012), 5),
            "reported_at": format_time(ts), "due_at": format_time(ts + sla * 3600),
            "updated_at": format_time(ts), "closed_at": None,
        }
        self.open[cid] = case
        self._event(ts, "case.created", {"case": case}, out)
        # the case's future: dispatch, accept, (urge), resolve, close
        t = ts + rng.uniform(120, 1500)
        self._later(t, cid, "dispatch")
        t += rng.uniform(300, 1800)
        self._later(t, cid, "accept")
        handle = min(sla * 3600 * rng.uniform(0.15, 1.3), 2 * 3600 + rng.uniform(0, 3600))
        done = ts + max(handle, t - ts + 300)
        if done > ts + sla * 3600:
            self._later(ts + sla * 3600 - 600, cid, "urge")
        if rng.random() < 0.08:
            self._later((t + done) / 2, cid, "reassign")
        self._later(done, cid, "resolve")
        self._later(done + rng.uniform(600, 3600), cid, "close")

    def _move(self, ts: float, cid: str, action: str, out: list[dict]) -> None:
        case = self.open.get(cid)
        if case is None:
            return
        w, rng = self.world, self.rng
        if action == "urge":
            if case["status"] in ("dispatched", "accepted") and case["unit_id"]:
                self._event(ts, "case.urged", {"case_id": cid, "unit_id": case["unit_id"],
                                               "actor": "officer-1", "note": "请尽快处置"}, out)
            return
        fields: dict = {}
        if action == "dispatch":
            fields = {"status": "dispatched", "unit_id": rng.choice(w.units)["id"]}
        elif action == "reassign":
            fields = {"status": "dispatched", "unit_id": rng.choice(w.units)["id"]}
        elif action == "accept":
            fields = {"status": "accepted"}
        elif action == "resolve":
            fields = {"status": "resolved"}
        elif action == "close":
            fields = {"status": "closed", "closed_at": format_time(ts)}
        new = dict(case, version=case["version"] + 1, updated_at=format_time(ts), **fields)
        if action == "close":
            del self.open[cid]
            if not self._emit:
                self._closed.append(new)
        else:
            self.open[cid] = new
        self._event(ts, "case.updated", {"case": new, "action": action, "actor": "sim",
                                         "note": ""}, out)

    def _unit(self, ts: float, out: list[dict]) -> None:
        w = self.world
        i = self.rng.randrange(len(w.units))
        unit = dict(w.units[i], on_duty=self.rng.randint(1, 12))
        w.units[i] = unit
        self._event(ts, "unit.updated", {"unit": unit}, out)

    def _call(self, ts: float, out: list[dict]) -> None:
        rng, w = self.rng, self.world
        if self.calls and (len(self.calls) >= 4 or rng.random() < 0.5):
            cid = next(iter(self.calls))
            call = dict(self.calls.pop(cid), ended_at=format_time(ts))
            self._event(ts, "call.ended", {"call": call}, out)
            return
        self.n += 1
        case_id = rng.choice(list(self.open)[-50:]) if self.open else None
        call = {"id": f"CALL-{self.n}", "title": "现场视频会商", "url": "https://meet.example.cn/r/1",
                "case_id": case_id, "unit_ids": [u["id"] for u in rng.sample(w.units, 3)],
                "started_at": format_time(ts), "ended_at": None}
        self.calls[call["id"]] = call
        self._event(ts, "call.started", {"call": call}, out)
