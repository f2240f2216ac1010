"""Ingest benchmark: frames/s of the full client vs. the fastest bare loop.

A fake hub (tests/client/fakehub.py, in a child process so it does not share the GIL)
holds a backlog of N case events (~630-byte frames). Two readers drain it from seq 0:

* bare: websocket-client with ``skip_utf8_validation=True`` + ``orjson.loads``, nothing else;
* full: the real client — Feed thread (parse, sequence, commit to the shift cache, apply
  to its store) handing batches to a State applied on the main thread, as the console
  does — timed until the State holds the last seq.

Each round runs the bare loop and then the full client, back to back, and the ratio is
taken per round (the two share the machine's conditions of that moment; on a shared VM
the bare loop alone varies 40–70k frames/s from one minute to the next); the median of
the rounds' ratios is the figure. The full client runs with the process settings the
console and the mirror use (``client.gc_policy.tune_for_streaming``).

Run: ``python bench/ingest.py [--events 100000] [--rounds 5]``. Targets: full ≥ 20,000
events/s, full/bare ≥ 0.5, a 100,000-event catch-up under 10 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402
import websocket  # noqa: E402


def serve(n_events: int) -> None:
    """Child process: build the backlog, print the URL, serve until stdin closes."""
    from tests.client.fakehub import FakeHub

    hub = FakeHub(n_cases=0, interval_s=5.0, seed=2)
    rng = random.Random(3)
    ids: list[str] = []
    pad = "路面有积水，车辆通行不便，请尽快处理。"
    while hub.latest < n_events:
        if not ids or rng.random() < 0.25:
            ids.append(hub.create_case(description=pad * 3)["id"])
        else:
            cid = rng.choice(ids)
            hub.update_case(cid, rng.choice(["dispatch", "accept", "edit"]),
                            status=rng.choice(["dispatched", "accepted", "resolved"]),
                            unit_id=rng.choice(list(hub.units)))
    snap = hub.snapshot()
    hub.fixed_snapshot = dict(snap, seq=0, cases=[])
    avg = sum(map(len, hub.frames)) / len(hub.frames)
    hub.start()
    print(hub.url, hub.token_for("sup"), f"{avg:.0f}", flush=True)
    sys.stdin.read()
    hub.stop()


def bare(url: str, token: str, n: int) -> float:
    """The fastest plain loop: receive and decode every frame; return frames/s."""
    ws_url = url.replace("http", "ws", 1) + "/api/v1/feed?since=0"
    t0 = time.perf_counter()
    ws = websocket.create_connection(ws_url, header=[f"Authorization: Bearer {token}"],
                                     skip_utf8_validation=True)
    loads = orjson.loads
    seen = 0
    while seen < n:
        _, data = ws.recv_data()
        obj = loads(data)
        if obj.get("seq"):
            seen = obj["seq"]
    dt = time.perf_counter() - t0
    ws.close()
    return n / dt


def full(url: str, token: str, n: int) -> tuple[float, float, dict]:
    """The whole client; return (events/s, seconds, link counters)."""
    from client.api import HubClient
    from client.feed import Feed
    from client.state import State

    api = HubClient(url, token=token)
    api.session = {"token": token, "user": {"id": "sup", "post_id": "P1"}}
    with tempfile.TemporaryDirectory() as tmp:
        feed = Feed(api, tmp)
        state = State()
        t0 = time.perf_counter()
        feed.start()
        while state.seq < n:
            for b in feed.drain():
                state.apply_batch(b)
            time.sleep(0.1)  # the console's ~100 ms timer
        dt = time.perf_counter() - t0
        st = feed.status()
        feed.stop()
        api.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    return n / dt, dt, {"applied": st.applied, "duplicates": st.duplicates,
                        "gaps_filled": st.gaps_filled, "cases": len(state.cases),
                        "cache_mb": round(size / 1e6, 1)}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.serve:
        serve(a.events)
        return 0
    child = subprocess.Popen([sys.executable, __file__, "--serve", "--events", str(a.events)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout is not None
        url, token, avg = child.stdout.readline().split()
        from client.gc_policy import tune_for_streaming

        tune_for_streaming()
        print(f"backlog: {a.events:,} events, {avg}-byte frames on average, hub {url}")
        bares, fulls, ratios = [], [], []
        for r in range(a.rounds):
            bares.append(bare(url, token, a.events))
            rate, secs, info = full(url, token, a.events)
            fulls.append((rate, secs))
            ratios.append(rate / bares[-1])
            print(f"round {r + 1}: bare {bares[-1]:>9,.0f} frames/s   full {rate:>9,.0f} events/s "
                  f"ratio {ratios[-1]:.2f}  ({secs:.2f} s for the catch-up) {info}")
        b = statistics.median(bares)
        f = statistics.median(rate for rate, _ in fulls)
        ratio = statistics.median(ratios)
        secs = max(s for _, s in fulls)
        print()
        print(f"bare loop (websocket-client + orjson), median : {b:>9,.0f} frames/s")
        print(f"full client (parse+sequence+cache+apply), med.: {f:>9,.0f} events/s")
        print(f"ratio full/bare, median of the rounds' ratios : {ratio:>9.2f}   (target >= 0.5; "
              f"rounds {min(ratios):.2f}–{max(ratios):.2f})")
        print(f"{a.events:,}-event catch-up, slowest round       : {secs:>9.2f} s (target < 10 s)")
        ok = f >= 20_000 and ratio >= 0.5 and secs < 10
        print("targets:", "MET" if ok else "NOT MET")
        return 0 if ok else 1
    finally:
        if child.stdin:
            child.stdin.close()
        child.wait(10)


if __name__ == "__main__":
    sys.exit(main())
