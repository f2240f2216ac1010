"""The feed broker's ordering with several writers (``hub.broker``) and the database fault
policy (``hub.dbfaults``), without a server: frames arriving early or announced by another
process are handed on in seq order, the gap read once per post however many subscribers;
conflicts are retried, an unreachable database becomes 503."""

from __future__ import annotations

import asyncio

import psycopg
import pytest
from sqlalchemy import exc as sa_exc

from hub.broker import FeedBroker
from hub.dbfaults import DatabaseUnavailable, with_retries
from hub.journal import Published, encode_frame
from hub.pgnotify import (
    INLINE_LIMIT,
    decode_notification,
    decode_payload,
    encode_payloads,
    inline_events,
)


def frame(seq: int) -> str:
    return f'{{"seq":{seq}}}'


def test_early_and_announced_frames_are_offered_in_order_with_one_read_per_post() -> None:
    """Seq 1 arrives, then 4 (2 and 3 were committed by another process): 2–3 are read
    once for both subscribers, then 4 follows; an announcement of 5–6 reads them; a
    repeated frame is not offered twice."""
    reads: list[tuple[str, int, int]] = []

    def read_frames(post: str, after: int, limit: int) -> list[tuple[int, str]]:
        reads.append((post, after, limit))
        return [(s, frame(s)) for s in range(after + 1, after + 1 + limit)]

    async def scenario() -> list[list[int]]:
        broker = FeedBroker(100, read_frames)
        loop = asyncio.get_running_loop()
        broker.bind(loop)
        subs = [broker.subscribe("P"), broker.subscribe("P")]
        broker._publish([Published("P", 1, frame(1))])
        broker._publish([Published("P", 4, frame(4)), Published("Q", 9, frame(9))])
        await asyncio.sleep(0.1)
        broker.announced({"P": (5, 6), "Q": (10, 10)})
        await asyncio.sleep(0.1)
        broker._publish([Published("P", 6, frame(6)), Published("P", 7, frame(7))])
        # the gap reads run on executor threads: wait (10 s at most) until the last one is
        # over and seq 7 is out, not a fixed time a loaded machine may not honour
        deadline = loop.time() + 10
        while (broker._lines["P"].filling or any(len(sub.queue) < 7 for sub in subs)) \
                and loop.time() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)  # anything offered twice would follow at once
        return [[seq for seq, _ in sub.queue] for sub in subs]

    queues = asyncio.run(scenario())
    assert queues == [[1, 2, 3, 4, 5, 6, 7]] * 2
    assert reads == [("P", 1, 2), ("P", 4, 2)]  # nothing for Q: no subscriber there


def test_a_frame_published_late_by_this_process_closes_the_gap_without_a_read() -> None:
    """PostgreSQL commits in one process may hand their frames over out of order: seq 3
    before seq 2. The broker waits briefly, 2 arrives, no database read happens."""
    reads: list[tuple[str, int, int]] = []

    async def scenario() -> list[int]:
        broker = FeedBroker(100, lambda *a: reads.append(a) or [])
        broker.bind(asyncio.get_running_loop())
        sub = broker.subscribe("P")
        broker._publish([Published("P", 1, frame(1))])
        broker._publish([Published("P", 3, frame(3))])
        broker._publish([Published("P", 2, frame(2))])
        await asyncio.sleep(0.05)
        return [seq for seq, _ in sub.queue]

    assert asyncio.run(scenario()) == [1, 2, 3]
    assert reads == []


def test_notify_payloads_stay_small_and_round_trip() -> None:
    """Many posts in one commit are split over several payloads, each under 2,000 bytes
    (PostgreSQL's limit is 8,000), and decode back to the same spans."""
    spans = {f"5323{n:08d}": (n, n + 2) for n in range(300)}
    payloads = encode_payloads(spans, 1_700_000_000_000)
    assert len(payloads) > 1 and all(len(p.encode()) < 2000 for p in payloads)
    merged: dict[str, tuple[int, int]] = {}
    for p in payloads:
        when, part = decode_payload(p)
        assert when == 1_700_000_000.0
        merged.update(part)
    assert merged == spans
    with pytest.raises(ValueError):
        decode_payload('{"t": 1, "p": {"P": [1]}}')


def _sql_payload(now_ms: int, inline: str, spans: dict[str, tuple[int, int]]) -> str:
    """What ``hub.pgnotify.Notifier``'s SQL concatenates (its spans object as PostgreSQL's
    json_object_agg writes it, with spaces)."""
    body = ", ".join(f'"{post}" : [{first}, {last}]' for post, (first, last) in spans.items())
    return f'{{"t":{now_ms}{inline},"p":{{ {body} }}}}'


def test_a_notification_carries_its_events_when_they_fit() -> None:
    """Two events seen by two posts: the payload carries them once, and the frames built
    from it (only for the posts followed here) are the ones the committing process
    built; events over the limit leave the payload to the spans (read back instead)."""
    events = [("2026-12-01T00:00:00.000001Z", "case.created", '{"case":{"id":"CX-1"}}'),
              ("2026-12-01T00:00:00.000002Z", "unit.updated", '{"unit":{"id":"U1"}}')]
    sees = {"532300": [0, 1], "532301": [0]}
    spans = {"532300": (7, 8), "532301": (3, 3)}
    inline = inline_events(events, sees)
    assert inline
    when, got_spans, frames = decode_notification(
        _sql_payload(1_700_000_000_000, inline, spans), lambda post: post == "532300")
    assert when == 1_700_000_000.0 and got_spans == spans
    assert frames == [Published("532300", 7, encode_frame(7, *events[0])),
                      Published("532300", 8, encode_frame(8, *events[1]))]
    assert decode_notification(_sql_payload(1, "", spans))[2] is None
    big = [("2026-12-01T00:00:00Z", "case.created", '"' + "案" * (INLINE_LIMIT // 3) + '"')]
    assert inline_events(big, {"532300": [0]}) == ""
    with pytest.raises(ValueError):  # three seqs announced, two events carried
        decode_notification(_sql_payload(1, inline, {"532300": (7, 9), "532301": (3, 3)}))


def _driver_error(error: Exception) -> sa_exc.DBAPIError:
    return sa_exc.DBAPIError.instance("UPDATE posts", {}, error, psycopg.Error)


def test_conflicts_are_retried_and_an_unreachable_database_is_503() -> None:
    """A serialization failure or deadlock runs the whole call again; one that persists,
    or a broken connection, becomes DatabaseUnavailable (503, the protocol's error body);
    any other error passes through; a nested guarded call leaves retries to the outer."""
    calls = []

    def flaky(failures: int, error: Exception) -> str:
        calls.append(1)
        if len(calls) <= failures:
            raise _driver_error(error)
        return "done"

    assert with_retries(flaky)(2, psycopg.errors.SerializationFailure("x")) == "done"
    assert len(calls) == 3
    calls.clear()
    assert with_retries(flaky)(1, psycopg.errors.DeadlockDetected("x")) == "done"
    calls.clear()
    with pytest.raises(DatabaseUnavailable) as busy:
        with_retries(flaky)(99, psycopg.errors.SerializationFailure("x"))
    assert len(calls) == 6 and busy.value.status == 503
    calls.clear()
    with pytest.raises(DatabaseUnavailable) as down:
        with_retries(flaky)(99, psycopg.OperationalError("connection refused"))
    assert len(calls) == 1
    assert down.value.body() == {"error": {
        "code": "server_error", "message": "hub database unavailable; try again shortly",
        "reason": "database_unavailable"}}
    calls.clear()
    with pytest.raises(sa_exc.DBAPIError):
        with_retries(flaky)(99, psycopg.errors.UndefinedTable("x"))
    assert len(calls) == 1

    calls.clear()
    inner = with_retries(flaky)
    with pytest.raises(DatabaseUnavailable):
        with_retries(lambda: inner(99, psycopg.errors.SerializationFailure("x")))()
    assert len(calls) == 6  # the outer call retried 6 times; the inner never on its own
