"""Faults with several hub processes on one PostgreSQL (a cluster of this module's own,
since it is restarted): reports and commands through every process, feeds on every
process, one process SIGKILLed mid-stream and restarted, PostgreSQL restarted once
mid-stream. Every feed ends equal to the truth, nothing acknowledged is lost, and the only
5xx is 503 ``hub database unavailable`` while the database is down."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit.pgcluster import ThrowawayCluster
from tests.hub.procs import GRIDS, Driver, FeedWatcher, Tally, hub_processes
from tests.hub.test_scaleout import check_feeds_equal_truth, fresh_database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
GRACE_S = 5.0  # after PostgreSQL is back, pooled connections are found dead and replaced


@pytest.fixture(scope="module")
def restartable_cluster() -> Iterator[ThrowawayCluster]:
    """A PostgreSQL server these tests may restart."""
    with ThrowawayCluster() as cluster:
        yield cluster


def _wait_commands(tally: Tally, more: int, timeout: float = 30) -> None:
    target = tally.commands + more
    deadline = time.monotonic() + timeout
    while tally.commands < target and time.monotonic() < deadline:
        time.sleep(0.05)
    assert tally.commands >= target, f"stuck at {tally.commands} commands (wanted {target})"


@pytest.mark.parametrize("processes", [2, 3])
@pytest.mark.timeout(300)
def test_sigkill_a_process_and_restart_postgres_mid_stream(
        restartable_cluster: ThrowawayCluster, tmp_path: Path, processes: int) -> None:
    """Drivers and feeds on every process; SIGKILL the last process and restart it; then
    restart PostgreSQL; then check every feed against the database."""
    db = fresh_database(restartable_cluster)
    with hub_processes(db, tmp_path, processes) as hubs:
        urls = [h.url for h in hubs]
        watchers = [FeedWatcher(h.url, f"officer-{post}")
                    for h in hubs for post in ("532300", "532301101201")]
        for w in watchers:
            w.start()
        tally = Tally()
        drivers = [Driver(urls, GRIDS[n % 2], tally, offset=n) for n in range(6)]
        for d in drivers:
            d.start()
        try:
            _wait_commands(tally, 60)
            victim = hubs[-1]
            victim.kill()
            _wait_commands(tally, 40)  # the others carry on
            victim.start()
            _wait_commands(tally, 40)

            down_at = time.monotonic()
            restartable_cluster.stop()
            time.sleep(1.5)  # commands meet a database that is not there
            restartable_cluster.start()
            up_at = time.monotonic()
            _wait_commands(tally, 60, timeout=60)
        finally:
            for d in drivers:
                d.stopped.set()
            for d in drivers:
                d.join(30)
        for status in {s for _, s, _ in tally.server_errors}:
            assert status == 503, tally.server_errors
        for at, _, message in tally.server_errors:
            assert down_at <= at <= up_at + GRACE_S, (at - down_at, message)
            assert message.startswith("hub database"), message
        assert any(s == 503 for _, s, _ in tally.server_errors), "the outage went unseen"
        check_feeds_equal_truth(urls[0], watchers, tally.acked)
        for w in watchers:
            w.finish()
