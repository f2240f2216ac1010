"""End to end against a hostile hub: ``main.py sync`` converges whatever the feed does.

Each seed builds a fake hub whose successive feed connections mix every fault the
protocol names (duplicated, withheld, reordered frames, junk, poison frames, stale
replays) and end abruptly, with a close frame, or by going silent without closing,
while the hub keeps changing cases; one event of the hub's own log is unreadable (an
invalid case, or JSON nested past any decoder's limit), on the feed and in
``GET /events`` alike. The headless mirror (a real ``main.py sync``
process) must end with an export equal to the truth and a cache holding every seq
exactly once. Seeds run ten at a time (each is mostly waiting on its links).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson
import pytest

from client.cache import CacheDir
from testkit.fakehub import Behavior, FakeHub, shifts_away_from_now

ROOT = Path(__file__).resolve().parents[2]
SEEDS_PER_TEST = 10


def sync_cmd(hub: FakeHub, pwfile: Path, cache: Path) -> list[str]:
    return [sys.executable, "main.py", "sync", "--hub", hub.url, "--user", "sup",
            "--password-file", str(pwfile), "--cache", str(cache), "--verbose",
            *shifts_away_from_now()]


def start_sync(hub: FakeHub, pwfile: Path, cache: Path, log: Path) -> subprocess.Popen:
    """``main.py sync`` with its log in ``log`` (read back when something fails)."""
    with open(log, "a") as fh:
        return subprocess.Popen(sync_cmd(hub, pwfile, cache), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=fh)


def cached(cache: Path) -> tuple[int, list[int]]:
    """(snapshot seq, event seqs) of the newest epoch; (-1, []) before any file."""
    try:
        r = CacheDir(cache).restore()
    except Exception:  # noqa: BLE001 - mid-write by the mirror; ask again
        return -1, []
    if r is None:
        return -1, []
    try:
        return r.snapshot["seq"], r.cache.event_seqs(r.cache.snapshot_id)
    finally:
        r.cache.close()


def cached_seq(cache: Path) -> int:
    snap, seqs = cached(cache)
    return seqs[-1] if seqs else snap


def hostile_hub(seed: int) -> FakeHub:
    rng = random.Random(seed)
    hub = FakeHub(n_cases=25, seed=seed)
    hub.behaviors = [Behavior.hostile(rng) for _ in range(rng.randint(2, 5))]
    hub.behaviors.append(Behavior.hostile(rng, cut=False))  # then hostile to the end
    return hub.start()


def activity(hub: FakeHub, seed: int, bursts: int = 12) -> threading.Thread:
    def run() -> None:
        rng = random.Random(seed * 7919)
        broken_at = rng.randrange(bursts)  # one event of the hub's own log no client reads
        for burst in range(bursts):
            hub.random_activity(rng.randint(5, 15), rng)
            if burst == broken_at:
                hub.broken_event(rng.choice(("invalid", "deep")))
            time.sleep(rng.uniform(0.02, 0.12))

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def export(cache: Path) -> dict[str, dict]:
    out = subprocess.run([sys.executable, "main.py", "export", "--cache", str(cache),
                          "--format", "jsonl"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return {c["id"]: c for c in map(orjson.loads, out.stdout.splitlines())}


def converge(hub: FakeHub, proc: subprocess.Popen, cache: Path, log: Path,
             timeout: float = 60.0) -> str:
    """Wait until the cache holds the hub's latest seq; stop the mirror; return what to say
    if the checks fail (the hub's stats and the tail of the mirror's log)."""
    deadline = time.monotonic() + timeout
    while cached_seq(cache) < hub.latest and time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    proc.wait(30)
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-40:])
    err = (f"cached {cached_seq(cache)} of {hub.latest}; hub {hub.stats.connections} "
           f"connections, {hub.stats.events_calls} GET /events; mirror log:\n{tail}")
    assert proc.returncode == 0, err
    return err


def check_converged(hub: FakeHub, cache: Path, err: str) -> None:
    snap_seq, seqs = cached(cache)
    assert seqs == list(range(snap_seq + 1, hub.latest + 1)), err  # gapless, none twice
    assert export(cache) == hub.truth(), err


def wait_for_snapshot(cache: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while cached_seq(cache) < 0 and time.monotonic() < deadline:
        time.sleep(0.05)


def run_seed(seed: int, tmp: Path) -> None:
    hub = hostile_hub(seed)
    try:
        pw = tmp / "pw"
        pw.write_text("pw\n")
        cache = tmp / "cache"
        log = tmp / "sync.log"
        proc = start_sync(hub, pw, cache, log)
        wait_for_snapshot(cache)
        activity(hub, seed).join()
        err = converge(hub, proc, cache, log)
        check_converged(hub, cache, f"seed {seed}: {err}")
        assert hub.stats.connections >= 2, f"seed {seed}: the faults never cut a link"
    finally:
        hub.stop()


@pytest.mark.parametrize("group", range(2))
def test_mirror_converges_under_a_hostile_hub(group: int, tmp_path: Path) -> None:
    """20 seeds (2 groups of 10 run side by side): the export equals the truth every time."""
    seeds = [1000 + group * SEEDS_PER_TEST + i for i in range(SEEDS_PER_TEST)]
    dirs = []
    for s in seeds:
        d = tmp_path / f"seed{s}"
        d.mkdir()
        dirs.append(d)
    with ThreadPoolExecutor(SEEDS_PER_TEST) as pool:
        for f in [pool.submit(run_seed, s, d) for s, d in zip(seeds, dirs, strict=True)]:
            f.result()


def test_mirror_killed_mid_run_resumes_exactly(tmp_path: Path) -> None:
    """SIGKILL the mirror in the middle of a hostile run: the restarted one resumes from
    its cache and ends equal to the truth, every seq stored exactly once."""
    hub = hostile_hub(77)
    try:
        pw = tmp_path / "pw"
        pw.write_text("pw\n")
        cache = tmp_path / "cache"
        log = tmp_path / "sync.log"
        proc = start_sync(hub, pw, cache, log)
        wait_for_snapshot(cache)
        t = activity(hub, 77, bursts=20)
        deadline = time.monotonic() + 30
        while cached_seq(cache) <= 25 and time.monotonic() < deadline:  # past the snapshot
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        killed_at = cached_seq(cache)
        assert killed_at > 25
        proc = start_sync(hub, pw, cache, log)
        t.join()
        err = converge(hub, proc, cache, log)
        check_converged(hub, cache, err)
        assert hub.stats.snapshots == 1, err  # the restart resumed from the cache
    finally:
        hub.stop()
