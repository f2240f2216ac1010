"""Wall soak: a simulated 24 hours of feed through the wall, memory and CPU (offscreen).

Synthetic protocol-shaped events (``testkit/wall_sim.py``: ≥ 500,000 in the day — case
lifecycles at a daily rhythm, urges, unit duty changes, video calls) are fed straight into a
State and the wall's pump in one-minute batches with a fake clock, as the Bridge would,
with two wall windows (1920×1080) rotating pages every simulated minute and critical /
overdue takeovers active. The wall is advanced and repainted every simulated minute (each page turn).
The State starts from a steady-state snapshot (open cases plus the last 24 h of closed ones).

Prints RSS after the first simulated hour and at the end (target: within 10 %), their
ratio, and CPU seconds per simulated hour.

Run: ``QT_QPA_PLATFORM=offscreen python bench/wall_soak.py [--hours 24] [--per-hour 3600]``
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import cast

from client.protocol import Event, Snapshot
from client.state import State  # noqa: E402
from console.wall import WallConfig, open_wall  # noqa: E402
from console.wall.config import ScreenPlan, Slot  # noqa: E402
from testkit.clock import Clock  # noqa: E402
from testkit.wall_context import WallCtx  # noqa: E402
from testkit.wall_sim import T_START, Sim  # noqa: E402
from widgets.qt import QApplication  # noqa: E402

PAGES_A = ("kpi", "map", "trend", "breakdown")
PAGES_B = ("load", "overdue", "calls", "map")


def rss_mb() -> float:
    """Resident set size of this process (MB)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hours", type=float, default=24.0)
    ap.add_argument("--per-hour", type=float, default=3600.0, help="new cases per hour")
    ap.add_argument("--paint-every", type=float, default=60.0, help="simulated seconds")
    args = ap.parse_args(argv)

    app = cast(QApplication, QApplication.instance() or QApplication(["wall-soak"]))
    t_wall = time.perf_counter()
    sim = Sim(seed=21, per_hour=args.per_hour, unit_updates_per_hour=3600.0,
              critical_share=0.01, now=T_START)
    snap = sim.warm_snapshot(hours=30)
    clock = Clock(sim.now)
    state = State(clock=clock)
    ctx = WallCtx(state)
    cfg = WallConfig(screens=(ScreenPlan(tuple(Slot(p, 60.0) for p in PAGES_A)),
                              ScreenPlan(tuple(Slot(p, 60.0) for p in PAGES_B))),
                     takeover_seconds=120.0)
    wall = open_wall(ctx, config=cfg, sizes=[(1920, 1080), (1920, 1080)], clock=clock,
                     pulse=False)
    wall.on_changes(state.load_snapshot(cast(Snapshot, snap)))  # (the simulation's: valid)
    del snap
    app.processEvents()
    print(f"start: {len(state.cases):,} cases in the State "
          f"({sum(1 for c in state.cases.values() if c['status'] == 'closed'):,} closed), "
          f"warm-up {time.perf_counter() - t_wall:.1f} s", flush=True)

    start = clock.now
    events = 0
    rss_first = None
    cpu_hours: list[float] = []
    cpu_mark = time.process_time()
    next_paint = start
    hour = 1
    spent = {"generator": 0.0, "state": 0.0, "wall pump": 0.0, "wall advance": 0.0,
             "paint": 0.0}
    pc = time.process_time
    while clock.now < start + args.hours * 3600:
        t0 = pc()
        batch = sim.events_until(clock.now + 60)
        clock.now = sim.now
        events += len(batch)
        t1 = pc()
        cs = state.apply_events(cast(list[Event], batch))
        cs.merge(state.tick(clock.now))
        t2 = pc()
        wall.on_changes(cs)
        wall.on_events(batch)
        t3 = pc()
        spent["generator"] += t1 - t0
        spent["state"] += t2 - t1
        spent["wall pump"] += t3 - t2
        while next_paint <= clock.now:
            t4 = pc()
            wall.advance(next_paint)
            t5 = pc()
            app.processEvents()
            spent["wall advance"] += t5 - t4
            spent["paint"] += pc() - t5
            next_paint += args.paint_every
        if clock.now >= start + hour * 3600:
            cpu = time.process_time()
            cpu_hours.append(cpu - cpu_mark)
            cpu_mark = cpu
            if hour == 1:
                gc.collect()
                rss_first = rss_mb()
            if hour % 4 == 0:
                print(f"  hour {hour:2d}: {events:,} events, RSS {rss_mb():.0f} MB, "
                      f"{len(state.cases):,} cases, takeovers shown {wall.takeovers.shown}, "
                      f"page turns {sum(r.turns for r in wall.rotators)}", flush=True)
            hour += 1
    gc.collect()
    rss_end = rss_mb()
    elapsed = time.perf_counter() - t_wall
    assert rss_first is not None
    ratio = rss_end / rss_first
    print(f"events: {events:,} in {args.hours:g} simulated hours "
          f"(day resets {wall.stats.resets}, shift resets {wall.shift_resets}, "
          f"takeovers shown {wall.takeovers.shown}, page turns "
          f"{sum(r.turns for r in wall.rotators)})")
    print(f"RSS after hour 1: {rss_first:.1f} MB; at the end: {rss_end:.1f} MB; "
          f"ratio {ratio:.3f} (target ≤ 1.10)")
    mean = sum(cpu_hours) / len(cpu_hours)
    print(f"CPU per simulated hour: mean {mean:.2f} s, max {max(cpu_hours):.2f} s, "
          f"first {cpu_hours[0]:.2f} s, last {cpu_hours[-1]:.2f} s")
    hours = max(1e-9, args.hours)
    print("CPU per simulated hour by part: " + ", ".join(
        f"{k} {v / hours:.2f} s" for k, v in spent.items()))
    wall_part = (spent["wall pump"] + spent["wall advance"] + spent["paint"]) / hours
    print(f"CPU per simulated hour of the wall itself (pump + advance + paint): {wall_part:.2f} s")
    print(f"wall-clock: {elapsed:.0f} s")
    wall.close()
    ok = events >= 500_000 or args.hours < 24
    return 0 if ratio <= 1.10 and ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
