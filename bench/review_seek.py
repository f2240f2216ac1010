"""Review seek benchmark: the state at 50 random moments of a 12-hour, 200,000-event shift.

Writes a synthetic shift cache (``testkit.synthetic_shift``: the real file format with
realistic case lifecycles over the demo jurisdiction and catalog), opens it with
``client.review.open_review`` (checkpoints built once) and seeks 50 random moments.
Prints the open time, p50/p99 of a seek, and the time of one full replay from the
snapshot (no checkpoints) with the ratio. Target: p99 under 300 ms.

Run: ``python bench/review_seek.py [--events 200000] [--seeks 50] [--every 2000]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from testkit.synthetic_shift import write_synthetic_shift  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--events", type=int, default=200_000)
    p.add_argument("--seeks", type=int, default=50)
    p.add_argument("--every", type=int, default=None, help="events between checkpoints")
    p.add_argument("--keep", type=Path, default=None, help="write the cache here and keep it")
    args = p.parse_args(argv)
    from client.review import DEFAULT_CHECKPOINT_EVERY, open_review

    tmp = tempfile.TemporaryDirectory()
    path = (args.keep or Path(tmp.name)) / "shift-20261122-2000.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    t0 = time.perf_counter()
    write_synthetic_shift(path, args.events)
    t_write = time.perf_counter() - t0
    size = path.stat().st_size / 1e6
    t0 = time.perf_counter()
    review = open_review(path, checkpoint_every=args.every or DEFAULT_CHECKPOINT_EVERY)
    t_open = time.perf_counter() - t0
    rng = random.Random(5)
    times = []
    for _ in range(args.seeks):
        t = rng.uniform(review.start, review.end)
        t0 = time.perf_counter()
        state = review.state_at_time(t)
        times.append(time.perf_counter() - t0)
        assert state.seq >= review.snapshot()["seq"]
    t0 = time.perf_counter()
    full = review.full_replay()
    t_full = time.perf_counter() - t0
    times.sort()
    p50 = statistics.median(times)
    p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
    print(f"shift: {review.n_events} events over {(review.end - review.start) / 3600:.1f} h, "
          f"{len(full.cases)} cases at the end, file {size:.1f} MB (written in {t_write:.1f} s)")
    print(f"open (read + decode + {review.checkpoints} checkpoints every "
          f"{review.checkpoint_every} events): {t_open:.2f} s")
    print(f"seek x{len(times)}: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
          f"max {times[-1] * 1000:.1f} ms")
    print(f"full replay from the snapshot: {t_full * 1000:.0f} ms "
          f"(full / p50 = {t_full / p50:.0f}x, full / p99 = {t_full / p99:.0f}x)")
    print("target p99 < 300 ms:", "OK" if p99 < 0.3 else "MISSED")
    tmp.cleanup()
    return 0 if p99 < 0.3 else 1


if __name__ == "__main__":
    sys.exit(main())
