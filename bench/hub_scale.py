"""Hub scale-out: 1, 2 and 4 ``hub serve`` processes on one PostgreSQL, side by side.

Starts a private durable PostgreSQL (``testkit/pgcluster.py``: initdb in a temporary folder,
fsync on), migrates a fresh database, and for each process count K:

  * fan-out: S subscribers of the prefecture's feed, spread evenly over the K processes
    (one subscriber process per hub process, the cheap raw reader of
    ``bench/hub_fanout.py``), while ``POST /cases`` arrives at R/s round-robin through the
    K processes. Prints delivered frames/s and p50/p99 from commit to frame (the frame's
    ``ts`` is stamped before the commit), beside the one-process row;
  * cross-process: 2 processes, reports only through A, S subscribers only on B: the
    p99 of a frame that had to cross processes by LISTEN/NOTIFY (the 1-process row is the
    same load within one process);
  * the machine's limit: the same library's bare broadcast (``bench/hub_fanout.py``: one
    aiohttp process, no database, no hub) to S subscribers at R frames/s;
  * ceiling: reports/s through K processes, stepping the offered rate up until the p99 of
    ``POST /cases`` passes 200 ms.

Reports are offered in an open loop (on their schedule, whether or not earlier ones have
been answered), so a hub that cannot keep up shows it as latency and as fewer reports/s
answered (printed beside the frames), not by quietly slowing the offered rate. Every
figure is printed with the load average beside it.

Run: ``python bench/hub_scale.py [--procs 1,2,4] [--subs 500,2000] [--rate 50]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.hub_fanout import _start_subscribers, bench_bare, free_port, wait_http  # noqa: E402
from testkit.pgcluster import ThrowawayCluster  # noqa: E402

USER, SIZES = "supervisor-532300", "2,1,1,1"


class Hubs:
    """K hub processes on one fresh, migrated database."""

    def __init__(self, cluster: ThrowawayCluster, k: int) -> None:
        import requests
        from sqlalchemy import create_engine, text

        name = f"bench_{uuid.uuid4().hex[:8]}"
        engine = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        self.db = cluster.url.rsplit("/", 1)[0] + f"/{name}"
        subprocess.run([sys.executable, "main.py", "hub", "migrate", "--db", self.db],
                       cwd=ROOT, check=True, capture_output=True)
        self.ports = [free_port() for _ in range(k)]
        self.procs = [subprocess.Popen(
            [sys.executable, "main.py", "hub", "serve", "--db", self.db, "--port", str(port),
             "--sizes", SIZES, "--log-level", "warning", "--feed-queue", "100000",
             "--feeds-per-user", "100000"],
            cwd=ROOT) for port in self.ports]
        self.urls = [f"http://127.0.0.1:{port}" for port in self.ports]
        for url in self.urls:
            wait_http(url + "/readyz")
            while requests.get(url + "/readyz", timeout=5).status_code != 200:
                time.sleep(0.1)
        from hub.seed import DEMO_PASSWORD

        s = requests.Session()
        base = self.urls[0] + "/api/v1"
        self.token = s.post(base + "/session", json={"username": USER,
                                                     "password": DEMO_PASSWORD}).json()["token"]
        self.headers = {"Authorization": f"Bearer {self.token}"}
        snap = s.get(base + "/snapshot", headers=self.headers).json()
        self.seq = snap["seq"]
        grid = next(r["id"] for r in snap["regions"] if r["level"] == "grid")
        cat = s.get(base + "/categories", headers=self.headers).json()[0]
        self.body = {"title": "路面垃圾堆积，影响通行" * 2, "description": "群众反映" * 20,
                     "category": cat["name"], "subcategory": cat["subcategories"][0]["code"],
                     "priority": "normal", "source": "app", "region_id": grid,
                     "address": "鹿城镇某路 12 号", "lat": 25.04, "lon": 101.55}
        s.close()

    def stop(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            proc.wait(15)


def fanout(hubs: Hubs, subs_on: list[str], report_via: list[str], n: int, rate: float,
           seconds: float, warmup: float) -> dict[str, float]:
    """n subscribers spread over ``subs_on``; reports offered at ``rate`` (open loop)
    through ``report_via``: frames/s, p50/p99 from commit to frame, and the reports/s the
    hubs answered in the window with their ``POST /cases`` p99."""
    share = [n // len(subs_on) + (1 if i < n % len(subs_on) else 0)
             for i in range(len(subs_on))]
    procs = []
    for url, count in zip(subs_on, share, strict=True):
        ws = url.replace("http://", "ws://") + f"/api/v1/feed?since={hubs.seq}"
        proc, _ = _start_subscribers(ws, hubs.headers, count, seconds, warmup, bare=False)
        procs.append(proc)
    local = threading.local()
    t0 = time.monotonic()
    latencies, _errors, _elapsed = offer(
        rate, warmup + seconds + 0.5, lambda i: _post(local, report_via[i % len(report_via)],
                                                      hubs),
        measure=(t0 + warmup, t0 + warmup + seconds))
    results = [json.loads(p.communicate(timeout=180)[0].strip().splitlines()[-1])
               for p in procs]
    hubs.seq = max(hubs.seq, _seq(hubs))
    frames = sum(r["frames_per_s"] for r in results)
    # p50 over all subscribers: each process's figure weighted by its frames; p99: the worst
    got = [r for r in results if r["n"]]
    total = sum(r["n"] for r in got)
    reports = {"reports_per_s": len(latencies) / seconds,
               "post_p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))] if latencies
               else float("nan")}
    if not total:
        return {"frames_per_s": frames, "p50_ms": float("nan"), "p99_ms": float("nan"),
                **reports}
    return {"frames_per_s": frames,
            "p50_ms": sum(r["p50_ms"] * r["n"] for r in got) / total,
            "p99_ms": max(r["p99_ms"] for r in got), **reports}


def _load() -> str:
    """The machine's load average (1, 5, 15 min), printed beside every figure."""
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _seq(hubs: Hubs) -> int:
    import requests

    r = requests.get(hubs.urls[0] + "/api/v1/events", params={"since": 0, "limit": 1},
                     headers=hubs.headers, timeout=30)
    return int(r.json()["seq"])


def _post(local: threading.local, url: str, hubs: Hubs) -> bool:
    """One ``POST /cases`` through ``url`` on this thread's session: True when 201."""
    import requests

    session = getattr(local, "s", None)
    if session is None:
        session = local.s = requests.Session()
    try:
        r = session.post(url + "/api/v1/cases", json=hubs.body, headers=hubs.headers,
                         timeout=30)
    except requests.RequestException:  # e.g. a kept-alive connection the hub just closed
        return False
    return r.status_code == 201


def offer(rate: float, seconds: float, one: Callable[[int], bool],
          measure: tuple[float, float] | None = None) -> tuple[list[float], int, float]:
    """Call ``one(i)`` at ``rate``/s for ``seconds`` on its schedule, whether or not the
    earlier calls have answered (an open loop, up to 64 in flight: a slow hub does not
    slow the offered rate down, so what it cannot take shows as latency, not as fewer
    reports). Returns the sorted latencies (s) of the calls that completed inside
    ``measure`` (monotonic start, end; default: all), how many were not 201, and the
    seconds taken."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def timed(i: int) -> None:
        t0 = time.monotonic()
        ok = one(i)
        t1 = time.monotonic()
        with lock:
            if measure is None or measure[0] <= t1 < measure[1]:
                latencies.append(t1 - t0)
            errors[0] += not ok

    start = time.monotonic()
    with ThreadPoolExecutor(64) as pool:
        futures = []
        i = 0
        while i / rate <= seconds:
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            futures.append(pool.submit(timed, i))
            i += 1
        for f in futures:
            f.result()
    return sorted(latencies), errors[0], time.monotonic() - start


def _step(hubs: Hubs, rate: float, step_s: float, local: threading.local
          ) -> tuple[list[float], int, float]:
    """Offer ``POST /cases`` at ``rate`` for ``step_s``: (latencies s, non-201, seconds)."""
    return offer(rate, step_s, lambda i: _post(local, hubs.urls[i % len(hubs.urls)], hubs))


def ceiling(hubs: Hubs, rates: list[float], step_s: float) -> list[tuple[float, float, float]]:
    """(offered/s, achieved/s, p99 ms) per step, until p99 of POST /cases passes 200 ms."""
    local = threading.local()
    _step(hubs, rates[0], 3, local)  # warm up: connections, caches, prepared statements
    out = []
    for rate in rates:
        latencies, errors, elapsed = _step(hubs, rate, step_s, local)
        p99 = 1000 * latencies[int(0.99 * (len(latencies) - 1))]
        out.append((rate, len(latencies) / elapsed, p99))
        print(f"      offered {rate:>5.0f}/s  achieved {len(latencies) / elapsed:>6.1f}/s  "
              f"p50 {1000 * statistics.median(latencies):>6.1f} ms  p99 {p99:>7.1f} ms"
              f"{f'  ({errors} not 201)' if errors else ''}  (load {_load()})", flush=True)
        if p99 > 200:
            break
    return out


def cross(cluster: ThrowawayCluster, n: int, rate: float, seconds: float, warmup: float,
          rounds: int) -> None:
    """Reports through A only; ``n`` feeds on A (same process), then on B (across by
    LISTEN/NOTIFY), alternating for ``rounds`` rounds in one run: p50/p99 side by side."""
    hubs = Hubs(cluster, 2)
    a, b = hubs.urls
    try:
        print(f"same vs cross process: {rate:g} reports/s through A, {n} feeds on A or on B, "
              f"{seconds:g} s each")
        print(f"{'round':>5} | {'A->A p50':>8} {'p99':>7} {'rep/s':>5} {'f/s':>6} | "
              f"{'A->B p50':>8} {'p99':>7} {'rep/s':>5} {'f/s':>6} | {'load avg':>14}")
        for i in range(rounds):
            same = fanout(hubs, [a], [a], n, rate, seconds, warmup)
            other = fanout(hubs, [b], [a], n, rate, seconds, warmup)
            load = _load()
            print(f"{i + 1:>5} | {same['p50_ms']:>8.1f} {same['p99_ms']:>7.1f} "
                  f"{same['reports_per_s']:>5.1f} {same['frames_per_s']:>6.0f} | "
                  f"{other['p50_ms']:>8.1f} {other['p99_ms']:>7.1f} "
                  f"{other['reports_per_s']:>5.1f} {other['frames_per_s']:>6.0f} | {load:>14}",
                  flush=True)
    finally:
        hubs.stop()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--procs", default="1,2,4")
    p.add_argument("--subs", default="500,2000")
    p.add_argument("--rate", type=float, default=50)
    p.add_argument("--seconds", type=float, default=8)
    p.add_argument("--warmup", type=float, default=2)
    p.add_argument("--rates", default="25,50,100,150,200,300,400,600")
    p.add_argument("--step", type=float, default=5)
    p.add_argument("--skip-ceiling", action="store_true")
    p.add_argument("--cross", type=int, default=0, metavar="FEEDS",
                   help="only compare same- and cross-process delivery with FEEDS feeds")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--ceiling-only", action="store_true",
                   help="only the POST /cases ceiling for each process count")
    args = p.parse_args()
    if args.cross:
        with ThrowawayCluster(durable=True) as cluster:
            cross(cluster, args.cross, args.rate, args.seconds, args.warmup, args.rounds)
        return
    procs = [int(x) for x in args.procs.split(",")]
    subs = [int(x) for x in args.subs.split(",")]
    rows: dict[tuple[int, int], dict[str, Any]] = {}
    with ThrowawayCluster(durable=True) as cluster:
        print(f"fan-out at {args.rate:g} reports/s round-robin over the processes, "
              f"{args.seconds:g} s measured; durable PostgreSQL on this machine")
        print(f"{'procs':>5} {'subs':>5} {'wanted f/s':>10} | {'frames/s':>8} {'p50 ms':>7} "
              f"{'p99 ms':>7} | {'f/s vs 1 proc':>13} | {'reports/s':>9} {'POST p99':>8} | "
              f"{'load avg':>14}")
        for k in procs if not args.ceiling_only else ():
            hubs = Hubs(cluster, k)
            try:
                for n in subs:
                    r = fanout(hubs, hubs.urls, hubs.urls, n, args.rate, args.seconds,
                               args.warmup)
                    rows[(k, n)] = r
                    base = rows.get((procs[0], n), r)
                    ratio = r["frames_per_s"] / base["frames_per_s"] if base[
                        "frames_per_s"] else 0
                    print(f"{k:>5} {n:>5} {n * args.rate:>10.0f} | {r['frames_per_s']:>8.0f} "
                          f"{r['p50_ms']:>7.1f} {r['p99_ms']:>7.1f} | {ratio:>13.2f} | "
                          f"{r['reports_per_s']:>9.1f} {r['post_p99_ms']:>8.0f} | "
                          f"{_load():>14}", flush=True)
                if k == 2:
                    for n in (10, *subs):  # the NOTIFY path alone, then under fan-out load
                        r = fanout(hubs, hubs.urls[1:], hubs.urls[:1], n, args.rate,
                                   args.seconds, args.warmup)
                        print(f"cross-process: reports via A only, {n} subscribers on B: "
                              f"{r['frames_per_s']:.0f} frames/s, p50 {r['p50_ms']:.1f} ms, "
                              f"p99 {r['p99_ms']:.1f} ms (target < 100 ms), "
                              f"{r['reports_per_s']:.1f} reports/s  (load {_load()})",
                              flush=True)
            finally:
                hubs.stop()
        if not args.ceiling_only:
            for n in subs:  # the machine's limit: the same library's broadcast, no hub
                r = bench_bare(n, args.rate, args.seconds, args.warmup, frame_size=700)
                print(f"bare broadcast (aiohttp, 1 process, no database), {n} subscribers: "
                      f"{r['frames_per_s']:.0f} frames/s of {n * args.rate:.0f}, p50 "
                      f"{r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms  (load {_load()})",
                      flush=True)
        if args.skip_ceiling:
            return
        print("ceiling: POST /cases through K processes (64 client threads), "
              "offered rate stepped until p99 > 200 ms")
        rates = [float(x) for x in args.rates.split(",")]
        best: dict[int, float] = {}
        for k in procs:
            print(f"  {k} process(es):", flush=True)
            hubs = Hubs(cluster, k)
            try:
                steps = ceiling(hubs, rates, args.step)
            finally:
                hubs.stop()
            ok = [achieved for _, achieved, p99_ms in steps if p99_ms <= 200]
            best[k] = max(ok) if ok else 0.0
        base_rate = best[procs[0]] or 1.0
        print("ceiling (highest achieved reports/s with p99 <= 200 ms): " + ", ".join(
            f"{k} proc {v:.0f}/s ({v / base_rate:.2f}x)" for k, v in best.items()))


if __name__ == "__main__":
    main()
