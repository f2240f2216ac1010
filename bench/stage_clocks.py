"""Cost of protocol 1.1's stage clocks in the State, side by side in one run.

Loads the same snapshot (N cases in mixed statuses, with sign/callback deadlines and
working-time limits) into a State following the 1.0 rule and into one following the
nearest stage (``State.set_stages``), then applies the same stream of case updates to
each; prints the times and their ratio. Run: ``python bench/stage_clocks.py [N]``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from typing import cast

from client.protocol import Event, Snapshot
from client.stages import PostCalendar, StagePolicy  # noqa: E402
from client.state import State  # noqa: E402
from client.timeutil import format_time  # noqa: E402

T0 = 1_795_000_000.0
CATS = [{"name": "市政设施", "subcategories": [
    {"code": f"{i:04d}", "name": f"子类{i}", "sla_hours": 40,
     "limits": {"sign_hours": 4, "resolve_hours": 40, "callback_hours": 16,
                "working_time": i % 3 != 0}} for i in range(20)]}]
STATUSES = ("reported", "dispatched", "accepted", "resolved", "closed")


def make_case(rng: random.Random, i: int, version: int = 1) -> dict:
    rep = T0 - rng.uniform(0, 5 * 86400)
    return {"id": f"C{i:07d}", "version": version, "region_id": "R", "category": "市政设施",
            "subcategory": f"子类{rng.randrange(20)}", "priority": "normal",
            "status": rng.choice(STATUSES), "unit_id": f"U{rng.randrange(50)}",
            "reported_at": format_time(rep), "due_at": format_time(rep + 3 * 86400),
            "sign_due": format_time(rep + rng.uniform(1, 20) * 3600),
            "callback_due": format_time(rep + rng.uniform(20, 90) * 3600),
            "closed_at": None, "updated_at": format_time(rep)}


def run(n: int) -> None:
    rng = random.Random(1)
    cases = [make_case(rng, i) for i in range(n)]
    snap = {"seq": 1, "server_time": format_time(T0), "post": {"id": "P"}, "regions": [],
            "units": [], "cases": cases, "calls": [], "whistles": []}
    events = [{"seq": 2 + k, "ts": format_time(T0), "type": "case.updated",
               "data": {"action": "edit", "case": make_case(rng, rng.randrange(n), 2 + k)}}
              for k in range(n)]
    policy = StagePolicy.from_categories(CATS, PostCalendar())
    out = {}
    for name, stages in (("1.0 rule", None), ("stage clocks", policy)):
        st = State(clock=lambda: T0)
        st.stages = stages
        t0 = time.perf_counter()
        st.load_snapshot(cast(Snapshot, snap))  # (made here: valid)
        t1 = time.perf_counter()
        st.apply_events(cast(list[Event], events))
        t2 = time.perf_counter()
        out[name] = (t1 - t0, t2 - t1)
        print(f"{name:13s} snapshot of {n:,}: {1000 * (t1 - t0):7.0f} ms   "
              f"{n:,} updates: {1e6 * (t2 - t1) / n:5.1f} µs each")
    a, b = out["1.0 rule"], out["stage clocks"]
    print(f"ratio stage/1.0: snapshot {b[0] / a[0]:.2f}, updates {b[1] / a[1]:.2f}")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
