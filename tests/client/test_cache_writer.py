"""CacheWriter: jobs run in order on one thread; errors reach the submitter; a slow
writer holds the submitter back instead of queueing without bound."""

from __future__ import annotations

import threading
import time

import pytest

from client.cache_writer import CacheWriter


def test_jobs_run_in_order_on_one_other_thread() -> None:
    w = CacheWriter()
    seen: list[tuple[int, str]] = []
    for i in range(200):
        w.submit(lambda i=i: seen.append((i, threading.current_thread().name)))
    w.close()
    assert [i for i, _ in seen] == list(range(200))
    names = {name for _, name in seen}
    assert names == {"cache-writer"}


def test_an_error_reaches_the_next_submit_or_flush() -> None:
    w = CacheWriter()

    def boom() -> None:
        raise OSError("disk full")

    w.submit(boom)
    with pytest.raises(OSError, match="disk full"):
        w.flush()
    w.submit(boom)
    # once the writer thread has run it (not a fixed 50 ms a loaded machine may not give it)
    deadline = time.monotonic() + 30
    while not w._pending[0].done() and time.monotonic() < deadline:
        time.sleep(0.01)
    with pytest.raises(OSError, match="disk full"):
        w.submit(lambda: None)
    w.close()


def test_a_slow_writer_holds_the_submitter_back() -> None:
    w = CacheWriter(max_pending=2)
    gate = threading.Event()
    w.submit(gate.wait)
    w.submit(lambda: None)
    done = threading.Event()

    def third() -> None:
        w.submit(lambda: None)
        done.set()

    t = threading.Thread(target=third, daemon=True)
    t.start()
    try:
        assert not done.wait(0.3)  # two queued: the third waits for the first to end
        assert w.pending == 2
    finally:
        gate.set()
    assert done.wait(5)
    t.join()
    w.close()
    assert w.pending == 0
