"""The simulator's loop rates as the hub's own assessment measures them.

Runs the simulator (synthetic mode) against an embedded hub whose deadlines run at the
simulator's speed (``sla_scale = 1 / speed``, as the console's demo does), then asks
``GET /assessment`` for the whole run and prints the post's rates: signed on time,
resolved on time, satisfaction, rework, returns and extensions. Realistic targets from
12345 centres' published figures: 85–98 % on time, satisfaction around 85–95 %.

Run: ``python bench/loop_rates.py [--seconds 90] [--speed 2000] [--rate 120]``.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from hub.assessment import COUNTS  # noqa: E402
from hub.seed import DEMO_PASSWORD, SeedSizes  # noqa: E402
from hub.server import start_embedded  # noqa: E402
from hub.simulate import SimConfig, Simulator  # noqa: E402
from hub.timeutil import to_rfc3339, utcnow  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=90.0)
    parser.add_argument("--speed", type=float, default=2000.0)
    parser.add_argument("--rate", type=float, default=120.0, help="cases per real minute")
    args = parser.parse_args()
    hub = start_embedded(sizes=SeedSizes(3, 2, 1, 1), sla_scale=1 / args.speed)
    try:
        started = utcnow() - timedelta(seconds=1)
        sim = Simulator(SimConfig(hub=hub.url, rate=args.rate, speed=args.speed, seed=21))
        sim.run(threading.Event(), duration_s=args.seconds)
        time.sleep(0.5)
        base = hub.url + "/api/v1"
        token = requests.post(base + "/session", json={"username": "supervisor-532300",
                                                       "password": DEMO_PASSWORD},
                              timeout=30).json()["token"]
        body = requests.get(base + "/assessment", headers={"Authorization": f"Bearer {token}"},
                            params={"from": to_rfc3339(started),
                                    "to": to_rfc3339(utcnow() + timedelta(seconds=1))},
                            timeout=60).json()
    finally:
        hub.stop()
    t = {n: sum(int(r[n]) for r in body["rows"]) for n in COUNTS}

    def rate(a: str, b: str) -> str:
        return f"{t[a] / t[b]:.1%} ({t[a]}/{t[b]})" if t[b] else "n/a"

    print(f"simulated {args.seconds * args.speed / 3600:.0f} h: {sim.stats['reported']} cases "
          f"reported, {t['dispatched']} dispatches")
    print(f"signed on time    {rate('signed_on_time', 'signed')}")
    print(f"resolved on time  {rate('resolved_on_time', 'resolved')}")
    reached = t["callbacks"] - t["unreachable"]
    happy = t["satisfied"] + t["basically_satisfied"]
    print(f"satisfied         {happy / reached:.1%} of {reached} reached callbacks"
          if reached else "satisfied         n/a")
    print(f"solved            {rate('solved', 'callbacks')}")
    print(f"rework            {rate('reworks', 'callbacks')}")
    print(f"unreachable       {rate('unreachable', 'callbacks')}")
    print(f"returns asked     {rate('returns_requested', 'dispatched')}, approved "
          f"{t['returns_approved']}; extensions approved {t['extensions']}; urges "
          f"{t['urges']}; whistle check-ins {rate('whistle_checked_in', 'whistle_summons')}")
    print(f"open overdue now  {t['open_overdue']}; merged duplicates {sim.stats['merged']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
