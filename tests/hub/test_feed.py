"""The live feed (WebSocket): replay then live, heartbeats, per-post numbering, slow
consumers, reconnection."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import requests
import websocket

from hub.seed import build_jurisdiction
from tests.hub.conftest import (
    COUNTY_A,
    COUNTY_B,
    GRID_B1,
    PREF,
    SMALL_SIZES,
    Api,
    Crew,
    assert_contiguous,
    feed_refusal,
    open_feed,
    raw_handshake,
    recv_events,
    recv_frame,
)


def test_replay_then_live(hub_url: str, crew: Crew) -> None:
    """The feed sends every event with seq > since in order (equal to /events), then the
    new events as they happen, contiguously."""
    since = crew.officer.seq()
    crew.case_in("resolved")
    backlog = crew.officer.events(since)
    assert len(backlog) == 4
    ws = open_feed(hub_url, crew.officer.token, since)
    try:
        assert recv_events(ws, 4) == backlog
        crew.case_in("accepted")
        live = recv_events(ws, 3)
        assert_contiguous(backlog + live, since + 1)
        assert live == crew.officer.events(backlog[-1]["seq"])
        assert [f["type"] for f in live] == ["case.created", "case.updated", "case.updated"]
    finally:
        ws.close()


def test_live_frames_written_once_reach_every_subscriber_alike(hub_url: str,
                                                               crew: Crew) -> None:
    """Caught-up subscribers get a live frame as the shared bytes the broker framed once
    (hub.wsframe): four feeds of one post (the most a user may open), one closed before
    the events; the other three read the same frames, in order, equal to /events."""
    since = crew.officer.seq()
    feeds = [open_feed(hub_url, crew.officer.token, since) for _ in range(4)]
    try:
        feeds[0].close()
        crew.case_in("accepted")
        expected = crew.officer.events(since)
        assert len(expected) == 3
        for ws in feeds[1:]:
            assert recv_events(ws, 3) == expected
    finally:
        for ws in feeds:
            ws.close()


def test_no_since_means_everything(hub_url: str, crew: Crew) -> None:
    """Without `since` the feed starts from the beginning (since=0)."""
    ws = open_feed(hub_url, crew.wall.token, None)
    try:
        first = recv_events(ws, 3)
        assert [f["seq"] for f in first] == [1, 2, 3]
        assert first == crew.wall.events(0)[:3]
    finally:
        ws.close()


def test_heartbeat(hub_url: str, crew: Crew) -> None:
    """On an idle feed (hub heartbeat_s=1) a heartbeat arrives within the interval,
    {type: heartbeat, ts, data: {server_time, seq: latest, interval_s: 1}} with no seq of
    its own; after an event, the next heartbeat carries that event's seq."""
    latest = crew.officer.seq()
    ws = open_feed(hub_url, crew.officer.token, latest)
    try:
        started = time.monotonic()
        beat = recv_frame(ws, 3.0)
        assert beat is not None and beat["type"] == "heartbeat", beat
        assert time.monotonic() - started < 1.8
        assert "seq" not in beat
        assert beat["data"]["seq"] == latest and beat["data"]["interval_s"] == 1
        assert beat["data"]["server_time"].endswith("Z")
        crew.intake.report()
        event = recv_events(ws, 1)[0]
        frame = recv_frame(ws, 3.0)
        while frame is not None and frame["type"] != "heartbeat":
            frame = recv_frame(ws, 3.0)
        assert frame is not None and frame["data"]["seq"] == event["seq"]
    finally:
        ws.close()


def test_two_posts_own_numbering(hub_url: str, login_as: Callable[[str], Api],
                                 crew: Crew) -> None:
    """Two subscribers of different posts (county, prefecture) each get the same changes
    numbered in their own post's sequence, contiguous, equal to their own /events."""
    county, pref = login_as(f"officer-{COUNTY_A}"), login_as(f"officer-{PREF}")
    login_as(f"intake-{COUNTY_B}").report(GRID_B1)  # the prefecture's numbering runs ahead
    s_county, s_pref = county.seq(), pref.seq()
    ws_c = open_feed(hub_url, county.token, s_county)
    ws_p = open_feed(hub_url, pref.token, s_pref)
    try:
        crew.case_in("closed")
        got_c, got_p = recv_events(ws_c, 5), recv_events(ws_p, 5)
        assert_contiguous(got_c, s_county + 1)
        assert_contiguous(got_p, s_pref + 1)
        assert got_c == county.events(s_county)
        assert got_p == pref.events(s_pref)
        assert [f["data"] for f in got_c] == [f["data"] for f in got_p]
        assert s_county != s_pref
    finally:
        ws_c.close()
        ws_p.close()


def test_reconnect_gets_missed(hub_url: str, crew: Crew) -> None:
    """After a disconnect, reconnecting with since=<last received> gets exactly the
    events missed meanwhile, then nothing more (only heartbeats) until a new change."""
    ws = open_feed(hub_url, crew.officer.token, crew.officer.seq())
    crew.intake.report()
    last = recv_events(ws, 1)[0]["seq"]
    ws.close()
    crew.case_in("accepted")
    crew.case_in("reported")
    missed = crew.officer.events(last)
    assert len(missed) == 4
    ws = open_feed(hub_url, crew.officer.token, last)
    try:
        assert recv_events(ws, 4) == missed
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            frame = recv_frame(ws, 0.3)
            assert frame is None or frame["type"] == "heartbeat", frame
    finally:
        ws.close()


def _reader(ws: websocket.WebSocket, out: list[dict[str, Any]], stop: threading.Event
            ) -> None:
    while not stop.is_set():
        frame = recv_frame(ws, 0.2)
        if frame is not None and frame.get("type") != "heartbeat":
            out.append(frame)


def test_slow_consumer_dropped(hub_factory) -> None:
    """A subscriber that completes the handshake and never reads is dropped once it falls
    feed_queue_limit (50) frames behind, while a normal subscriber of the same post keeps
    receiving every event promptly and in order."""
    hub = hub_factory.start(feed_queue_limit=50)
    grid = next(r.id for r in build_jurisdiction(SMALL_SIZES).regions if r.level == "grid")
    intake, officer = Api(hub.url), Api(hub.url)
    assert intake.login(f"intake-{PREF}")[0] == 200
    assert officer.login(f"officer-{PREF}")[0] == 200
    slow = raw_handshake(hub.url, officer.token, 0)
    ws = open_feed(hub.url, officer.token, 0)
    got: list[dict[str, Any]] = []
    stop = threading.Event()
    reader = threading.Thread(target=_reader, args=(ws, got, stop), daemon=True)
    reader.start()

    def subscribers() -> int:
        return requests.get(f"{hub.url}/healthz", timeout=5).json()["subscribers"]

    try:
        assert subscribers() == 2
        big = "楚" * 5000  # 15 kB per frame: the slow socket's buffers fill quickly
        dropped_after = None
        for n in range(1, 601):
            intake.report(grid, description=big)
            if n % 20 == 0 and subscribers() == 1:
                dropped_after = n
                break
        assert dropped_after is not None, "the slow consumer was never dropped"
        for _ in range(10):
            intake.report(grid)
        latest = officer.seq()
        deadline = time.monotonic() + 30
        while (not got or got[-1]["seq"] < latest) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert got and got[-1]["seq"] == latest, "the normal subscriber fell behind"
        assert_contiguous(got)
        assert subscribers() == 1
    finally:
        stop.set()
        reader.join(5)
        ws.close()
        slow.close()


def test_feed_since_bad(hub_url: str, crew: Crew) -> None:
    """A non-integer or negative since → the handshake is refused with 400; a since ahead
    of the post's seq (a hub restored to an older state) → 410, so the client reloads the
    snapshot. It was accepted, and the client waited in silence for numbers the hub had
    already used, its heartbeats echoing the client's since as the hub's latest.
    (``GET /events`` keeps answering such a since with an empty page: test_events_paging.)"""
    assert feed_refusal(hub_url, crew.officer.token, "abc") == 400  # type: ignore[arg-type]
    assert feed_refusal(hub_url, crew.officer.token, -1) == 400
    assert feed_refusal(hub_url, crew.officer.token, crew.officer.seq() + 1000) == 410
    open_feed(hub_url, crew.officer.token, crew.officer.seq()).close()  # the latest is fine
