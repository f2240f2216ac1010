"""``python main.py hub simulate …``: the command line onto ``SimConfig``, then one run."""

from __future__ import annotations

import argparse
import logging
import threading
from pathlib import Path

from hub.seed import DEMO_PASSWORD
from hub.simulate.config import SimConfig
from hub.simulate.simulator import Simulator


def build_parser() -> argparse.ArgumentParser:
    """Return the ``hub simulate`` argument parser."""
    d = SimConfig()
    p = argparse.ArgumentParser(prog="main.py hub simulate",
                                description="Drive a hub through its API with simulated cases.")
    p.add_argument("--hub", default=d.hub, help="hub base URL (API under /api/v1)")
    p.add_argument("--mode", choices=("synthetic", "nyc311"), default="synthetic")
    p.add_argument("--rate", type=float, default=d.rate,
                   help="new cases per minute (synthetic mode)")
    p.add_argument("--speed", type=float, default=d.speed,
                   help="time compression of the simulator's delays (60: a minute per second)")
    p.add_argument("--for", dest="duration", type=float, default=None, metavar="SECONDS",
                   help="stop after this many seconds")
    p.add_argument("--password", default=DEMO_PASSWORD, help="password of every account used")
    p.add_argument("--intake", default=d.intake, help="reporting account")
    p.add_argument("--supervisor", default=d.supervisor, help="dispatching account")
    p.add_argument("--officer", default=d.officer, help="account that opens video calls")
    p.add_argument("--seed", type=int, default=None, help="random seed (repeatable runs)")
    p.add_argument("--nyc-file", type=Path, default=None,
                   help="311 CSV to replay (default: the 2013 sample)")
    p.add_argument("--max-gap", type=float, default=None, metavar="SECONDS",
                   help="nyc311: cap each compressed gap between records (for the 2011 file)")
    return p


def parse_config(argv: list[str]) -> SimConfig:
    """Parse command-line arguments into a ``SimConfig``."""
    ns = build_parser().parse_args(argv)
    if ns.speed <= 0 or ns.rate < 0:
        build_parser().error("--speed must be positive and --rate not negative")
    return SimConfig(hub=ns.hub, mode=ns.mode, rate=ns.rate, speed=ns.speed,
                     duration_s=ns.duration, password=ns.password, intake=ns.intake,
                     supervisor=ns.supervisor, officer=ns.officer, seed=ns.seed,
                     nyc_file=ns.nyc_file, max_gap_s=ns.max_gap)


def simulate_main(argv: list[str]) -> int:
    """Entry point of ``python main.py hub simulate …``; returns the exit status."""
    config = parse_config(argv)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    sim = Simulator(config)
    stop = threading.Event()
    try:
        sim.run(stop)
    except KeyboardInterrupt:
        stop.set()
    finally:
        sim.close()
    print(", ".join(f"{k} {v}" for k, v in sorted(sim.stats.items())) or "nothing done")
    return 1 if sim.fatal_login() or sim.world is None else 0
