"""Feed clients that never read cannot grow the hub's memory: at most ``replay_slots``
replay pages are held at once hub-wide, and a client that takes no frame for
``feed_stall_s`` is dropped (it would resume with ``since``); a reading client is served
meanwhile."""

from __future__ import annotations

import time
from pathlib import Path

from hub.server import EmbeddedHub, start_embedded
from tests.hub.conftest import (
    SMALL_SIZES,
    Api,
    open_feed,
    raw_handshake,
    recv_events,
    report_body,
)

EVENTS = 450


def test_clients_that_never_read_are_dropped(tmp_path: Path) -> None:
    """SQLite only: the bound is the feed's, whatever the database."""
    hub = start_embedded(f"sqlite:///{tmp_path / 'hub.db'}", sizes=SMALL_SIZES,
                         replay_slots=2, feed_stall_s=3.0, heartbeat_s=1.0)
    try:
        _run(hub)
    finally:
        hub.stop()


def _run(hub: EmbeddedHub) -> None:
    intake = Api(hub.url)
    assert intake.login("intake-532301")[0] == 200
    for n in range(EVENTS):  # ~7 MB of backlog: more than the kernel's buffers (4 MB) hold
        intake.post("/cases", report_body(description=f"{n} " + "述" * 4990))
    officer = Api(hub.url)
    assert officer.login("officer-532300")[0] == 200
    stalled = [raw_handshake(hub.url, officer.token or "", 0, rcvbuf=4096)
               for _ in range(4)]
    try:
        deadline = time.monotonic() + 40
        while hub.hub.broker.subscriber_count and time.monotonic() < deadline:
            time.sleep(0.1)
        assert hub.hub.broker.subscriber_count == 0  # all four dropped
        assert hub.hub.replay_slots._value == 2  # every page released
        reader = open_feed(hub.url, officer.token)
        try:
            events = recv_events(reader, EVENTS, timeout=60)
            assert [e["seq"] for e in events] == list(range(1, EVENTS + 1))
        finally:
            reader.close()
    finally:
        for sock in stalled:
            sock.close()
