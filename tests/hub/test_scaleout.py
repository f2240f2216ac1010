"""Several ``hub serve`` processes on one PostgreSQL (the session's throwaway cluster):
concurrent writers stay gapless and in commit order, feeds on every process see every
commit through LISTEN/NOTIFY, a lost LISTEN connection is re-established and caught up,
and migrations are one explicit step the processes do not race."""

from __future__ import annotations

import concurrent.futures
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from testkit.pgcluster import ThrowawayCluster
from tests.hub.conftest import Api, assert_contiguous, report_body
from tests.hub.procs import (
    GRIDS,
    POSTS,
    Driver,
    FeedWatcher,
    HubProcess,
    Tally,
    hub_command,
    hub_processes,
    truth,
)

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def fresh_database(cluster: ThrowawayCluster) -> str:
    """A new empty database on the cluster; its URL."""
    name = f"scale_{uuid.uuid4().hex[:10]}"
    engine = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return cluster.url.rsplit("/", 1)[0] + f"/{name}"


def check_feeds_equal_truth(url: str, watchers: list[FeedWatcher],
                            acked: dict[str, int]) -> dict[str, list[dict[str, Any]]]:
    """Every post's events are gapless; every watcher ends equal to its post's events;
    every acknowledged case is there at its acknowledged version or later; one
    ``case.created`` per case; a case's events follow its versions in seq order."""
    events = {post: truth(url, post) for post in POSTS}
    for post, evs in events.items():
        assert_contiguous(evs)
        versions: dict[str, int] = {}
        for e in evs:  # commit order: a case's versions rise with seq
            case = e["data"].get("case") if isinstance(e["data"], dict) else None
            if case:
                assert case["version"] > versions.get(case["id"], 0), (post, e["seq"])
                versions[case["id"]] = case["version"]
    for w in watchers:
        post = w.username.split("-", 1)[1]
        expected = events[post]
        assert w.wait_for(expected[-1]["seq"] if expected else 0, 60), (
            w.username, w.url, w.last, len(expected))
        got = [(e["seq"], e["type"], e["data"]) for e in w.events]
        want = [(e["seq"], e["type"], e["data"]) for e in expected]
        assert got[:len(want)] == want, (w.username, w.url, len(got), len(want))
    created = Counter(e["data"]["case"]["id"] for e in events["532300"]
                      if e["type"] == "case.created")
    assert all(n == 1 for n in created.values()), created.most_common(3)
    api = Api(url)
    try:
        assert api.login("officer-532300")[0] == 200
        for cid, version in acked.items():
            assert created[cid] == 1, cid
            status, case = api.get(f"/cases/{cid}")
            assert status == 200 and case["version"] >= version, (cid, status, case, version)
    finally:
        api.http.close()
    return events


def check_one_winner_per_version(urls: list[str], rounds: int = 8) -> None:
    """Six supervisors on all processes assign one case at the same ``expected_version``
    at once: exactly one wins, the others get 409 with the winner's version (the case row
    is locked across processes: no lost update)."""
    sups = [Api(urls[n % len(urls)]) for n in range(6)]
    for api in sups:
        assert api.login("supervisor-532301")[0] == 200
    units = ["U532301-GA", "U532301-CG"]
    try:
        case = sups[0].report(GRIDS[0])
        with concurrent.futures.ThreadPoolExecutor(len(sups)) as pool:
            for n in range(rounds):
                version = case["version"]
                path = f"/cases/{case['id']}/assign"
                body = {"unit_id": units[n % 2], "expected_version": version}
                results = list(pool.map(lambda api, b=body, p=path: api.post(p, b), sups))
                statuses = sorted(status for status, _ in results)
                assert statuses == [200] + [409] * (len(sups) - 1), results
                case = next(body for status, body in results if status == 200)
                assert case["version"] == version + 1
                for status, body in results:
                    if status == 409:
                        assert body["case"]["version"] == version + 1, body
    finally:
        for api in sups:
            api.http.close()


@pytest.mark.timeout(240)
def test_three_processes_hammered_from_many_threads(pg_cluster: ThrowawayCluster,
                                                    tmp_path: Path) -> None:
    """12 threads report and assign through three processes at once (every command on
    the next process); nothing answers 5xx, every post's seq is gapless with each case's
    versions in seq order, and feeds open on all three processes equal the truth; then
    concurrent assigns at one version have exactly one winner."""
    db = fresh_database(pg_cluster)
    with hub_processes(db, tmp_path, 3) as hubs:
        urls = [h.url for h in hubs]
        watchers = [FeedWatcher(h.url, f"officer-{post}")
                    for h in hubs for post in ("532300", "532301", "532322101201")]
        for w in watchers:
            w.start()
        tally = Tally()
        drivers = [Driver(urls, GRIDS[n % 2], tally, offset=n) for n in range(12)]
        for d in drivers:
            d.start()
        deadline = time.monotonic() + 60
        while tally.commands < 300 and time.monotonic() < deadline:
            time.sleep(0.1)
        for d in drivers:
            d.stopped.set()
        for d in drivers:
            d.join(30)
        assert tally.commands >= 300, tally.commands
        assert tally.server_errors == []
        events = check_feeds_equal_truth(urls[0], watchers, tally.acked)
        assert len(events["532300"]) >= 300
        # every process serves the same history
        for url in urls[1:]:
            assert truth(url, "532301") == events["532301"]
        check_one_winner_per_version(urls)
        ready = requests.get(f"{urls[1]}/readyz", timeout=5)
        assert ready.status_code == 200 and ready.json()["listen"] == "up", ready.text
        metrics = requests.get(f"{urls[1]}/metrics", timeout=5).text
        assert 'commandpost_commands_total{command="report",outcome="ok"}' in metrics
        assert "commandpost_feed_subscribers 3.0" in metrics
        assert "commandpost_listen_up 1.0" in metrics
        for w in watchers:
            w.finish()


@pytest.mark.timeout(180)
def test_feed_on_another_process_is_woken_by_notify(pg_cluster: ThrowawayCluster,
                                                    tmp_path: Path) -> None:
    """Reports made only through process A reach a feed open on process B, whose safety
    poll is switched off: the NOTIFY alone wakes it; then B's LISTEN connection is cut
    (pg_terminate_backend), more reports go through A, and B reconnects and catches up."""
    db = fresh_database(pg_cluster)
    assert hub_command("migrate", "--db", db).returncode == 0
    a = HubProcess(db, tmp_path, "a").start()
    b = HubProcess(db, tmp_path, "b", "--feed-poll", "3600").start()
    try:
        watcher = FeedWatcher(b.url, "officer-532301")
        watcher.start()
        intake = Api(a.url)
        assert intake.login("intake-532301")[0] == 200
        while watcher.connects == 0:
            time.sleep(0.05)
        for _ in range(100):
            intake.report(GRIDS[0])
        assert watcher.wait_for(100, 60), watcher.last

        engine = create_engine(db, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                cut = conn.execute(text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = 'commandpost-hub-listen' "
                    "AND datname = current_database()")).all()
        finally:
            engine.dispose()
        assert len(cut) == 2  # one LISTEN connection per process
        for _ in range(50):
            intake.report(GRIDS[0])
        assert watcher.wait_for(150, 60), watcher.last
        watcher.finish()
        assert [e["seq"] for e in watcher.events] == list(range(1, 151))
        metrics = requests.get(f"{b.url}/metrics", timeout=5).text
        assert "commandpost_listen_reconnects_total 1.0" in metrics, metrics[-1500:]
        intake.http.close()
    finally:
        a.stop()
        b.stop()


@pytest.mark.timeout(180)
def test_migrate_is_one_step_that_processes_do_not_race(pg_cluster: ThrowawayCluster,
                                                       tmp_path: Path) -> None:
    """``hub serve`` refuses an unmigrated database and names the command; three
    ``hub migrate`` run at once all succeed (the advisory lock serialises them); a second
    run finds nothing to do; then serve starts."""
    db = fresh_database(pg_cluster)
    refused = HubProcess(db, tmp_path, "refused")
    assert refused.proc is None
    result = hub_command("serve", "--db", db, "--port", str(refused.port), "--sizes", "1,1,1,1")
    assert result.returncode == 2
    assert "hub migrate" in result.stderr and "empty" in result.stderr, result.stderr
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _: hub_command("migrate", "--db", db), range(3)))
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
    outputs = sorted(r.stdout for r in results)
    assert sum("migrated from an empty database" in o for o in outputs) == 1, outputs
    assert sum("already at revision" in o for o in outputs) == 2, outputs
    again = hub_command("migrate", "--db", db)
    assert again.returncode == 0 and "already at revision" in again.stdout
    hub = HubProcess(db, tmp_path, "served").start()
    try:
        api = Api(hub.url)
        assert api.login("intake-532301")[0] == 200
        status, case = api.post("/cases", report_body(GRIDS[0]))
        assert status == 201, case
        api.http.close()
    finally:
        hub.stop()
