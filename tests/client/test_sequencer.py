"""The sans-I/O sequencer: order, exactly-once, gaps, junk, heartbeats (no sockets)."""

from __future__ import annotations

import orjson
from hypothesis import example, given, settings
from hypothesis import strategies as st

from client.sequencer import Sequencer
from testkit.fakehub import JUNK_FRAMES


def ev(seq: int, typ: str = "case.urged") -> dict:
    data = {"case_id": f"c{seq}", "unit_id": None, "actor": "a", "note": ""}
    return {"seq": seq, "ts": "2026-11-22T08:00:00.000Z", "type": typ, "data": data}


def frame(seq: int) -> bytes:
    return orjson.dumps(ev(seq))


def hb(latest: int, interval: float = 5) -> bytes:
    return orjson.dumps({"type": "heartbeat", "data": {"seq": latest, "interval_s": interval,
                                                        "server_time": "2026-11-22T08:00:00Z"}})


def seqs(ready: list) -> list[int]:
    return [s for s, _, _ in ready]


def test_in_order_frames_are_released_at_once() -> None:
    """Contiguous frames come out immediately, in order, with their raw bytes."""
    s = Sequencer()
    out = []
    for i in range(1, 6):
        out += s.receive(frame(i))
    assert seqs(out) == [1, 2, 3, 4, 5]
    assert out[0][2] == frame(1)
    assert s.last_seq == 5 and s.gap() is None
    assert s.counters.applied == 5 and s.counters.frames == 5


def test_duplicates_are_skipped_and_counted() -> None:
    """A seq at or below the last released one, or already buffered, is a duplicate."""
    s = Sequencer(last_seq=3)
    assert s.receive(frame(2)) == [] and s.receive(frame(3)) == []
    assert seqs(s.receive(frame(4))) == [4]
    assert s.receive(frame(6)) == [] and s.receive(frame(6)) == []
    assert s.counters.duplicates == 3


def test_gap_is_held_until_filled() -> None:
    """Events after a gap wait; the fill releases everything in order."""
    s = Sequencer()
    assert seqs(s.receive(frame(1))) == [1]
    assert s.receive(frame(4)) == [] and s.receive(frame(5)) == []
    assert s.gap() == 1 and s.pending == 2
    out = s.fill([ev(2), ev(3), ev(4), ev(5)], latest=5)
    assert seqs(out) == [2, 3, 4, 5]
    assert out[0][2] == orjson.dumps(ev(2))  # the event's bytes as GET /events sent them
    assert s.gap() is None and s.counters.gaps_filled == 1 and s.counters.duplicates == 2


def test_reordered_frame_closes_the_gap_itself() -> None:
    """5 before 4: 4 arriving releases both, no fill needed."""
    s = Sequencer(last_seq=3)
    assert s.receive(frame(5)) == []
    assert seqs(s.receive(frame(4))) == [4, 5]
    assert s.gap() is None


def test_junk_is_counted_and_skipped() -> None:
    """Non-JSON frames and JSON that is not an event never reach the output."""
    s = Sequencer()
    for j in JUNK_FRAMES:
        assert s.receive(j) == []
    assert s.counters.junk == len(JUNK_FRAMES)
    assert seqs(s.receive(frame(1))) == [1]


def test_unknown_type_uses_up_its_seq() -> None:
    """An unknown type with a valid envelope is sequenced (the store ignores it)."""
    s = Sequencer()
    out = s.receive(orjson.dumps(ev(1, "future.thing"))) + s.receive(frame(2))
    assert seqs(out) == [1, 2] and s.counters.junk == 0


def test_heartbeat_reveals_a_withheld_tail_after_a_quiet_interval() -> None:
    """Behind the latest seq over two heartbeats with no event between: fill."""
    s = Sequencer()
    s.receive(frame(1))
    s.receive(hb(3, 2))
    assert s.gap() is None and s.interval_s == 2.0  # may still be streaming
    s.receive(hb(3, 2))
    assert s.gap() == 1
    assert seqs(s.fill([ev(2), ev(3)], 3)) == [2, 3]
    assert s.gap() is None


def test_heartbeat_while_streaming_does_not_fill() -> None:
    """Events keep coming between heartbeats: no fill is asked for."""
    s = Sequencer()
    s.receive(hb(10))
    for i in range(1, 5):
        s.receive(frame(i))
    s.receive(hb(10))
    assert s.gap() is None
    for i in range(5, 11):
        s.receive(frame(i))
    s.receive(hb(10))
    assert s.gap() is None and s.last_seq == 10


def test_heartbeat_interval_is_capped_at_15s() -> None:
    s = Sequencer()
    s.receive(hb(0, 99))
    assert s.interval_s == 15.0


def test_reset_forgets_every_held_frame() -> None:
    """After a snapshot (or on a new connection) no held frame can be trusted: the
    snapshot's seq is the hub's latest, and the new connection resends what follows."""
    s = Sequencer()
    s.receive(frame(5))
    s.receive(frame(9))
    s.reset(6)
    assert s.last_seq == 6 and s.pending == 0 and s.gap() is None


@st.composite
def deliveries(draw: st.DrawFn) -> tuple[int, list]:
    """A random feed: N events, each sent 0..3 times, shuffled locally, junk sprinkled in."""
    n = draw(st.integers(min_value=0, max_value=60))
    items: list = []
    for i in range(1, n + 1):
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            items.append(("ev", i))
        if draw(st.integers(0, 9)) == 0:
            items.append(("junk", draw(st.sampled_from(JUNK_FRAMES))))
        if draw(st.integers(0, 14)) == 0:
            items.append(("hb", i))
    # local reordering: swap random neighbours
    for _ in range(draw(st.integers(0, len(items)))):
        if len(items) > 1:
            k = draw(st.integers(0, len(items) - 2))
            items[k], items[k + 1] = items[k + 1], items[k]
    return n, items


@settings(max_examples=300, deadline=None)
@given(deliveries(), st.integers(min_value=1, max_value=7), st.integers(0, 5))
@example(feed=(2, [("hb", 1)]), limit=1, start=0)  # a fill must reach the newest announced seq
def test_any_interleaving_applies_every_event_once_in_order(
    feed: tuple[int, list], limit: int, start: int
) -> None:
    """Whatever arrives (dups, losses, reordering, junk), the output is since+1..N once each."""
    n, items = feed
    start = min(start, n)
    log = [ev(i) for i in range(1, n + 1)]
    s = Sequencer(last_seq=start)
    out: list = []

    def fill_all() -> None:
        while (since := s.gap()) is not None:
            before = s.last_seq
            out.extend(s.fill(log[since:since + limit], n))
            assert s.last_seq > before or s.gap() is None
    junk = 0
    for kind, x in items:
        if kind == "ev":
            out.extend(s.receive(frame(x)))
        elif kind == "junk":
            junk += 1
            out.extend(s.receive(x))
        else:
            out.extend(s.receive(hb(x)))
        fill_all()
        assert seqs(out) == list(range(start + 1, s.last_seq + 1))
    # The hub then goes quiet and heartbeats twice: any withheld tail gets filled.
    s.receive(hb(n))
    s.receive(hb(n))
    fill_all()
    assert seqs(out) == list(range(start + 1, n + 1))
    assert s.counters.junk == junk
    assert s.pending == 0


def broken(seq: int) -> bytes:
    """An event whose envelope is readable but whose payload is not a valid case.urged."""
    return orjson.dumps({"seq": seq, "ts": "2026-11-22T08:00:00.000Z", "type": "case.urged",
                         "data": {"case_id": 5}})


def deep(seq: int) -> bytes:
    return (b'{"seq": %d, "ts": "2026-11-22T08:00:00.000Z", "type": "case.urged", "data": '
            % seq + b"[" * 3000 + b"]" * 3000 + b"}")


def test_an_event_the_hubs_log_holds_broken_is_skipped_when_answered_twice() -> None:
    """GET /events answering an invalid event at a seq it vouches for: junk the first
    time (a passing fault must not cost a real event), a placeholder the second."""
    from client.sequencer import SKIPPED

    for bad in (broken(3), deep(3)):
        s = Sequencer(last_seq=2)
        assert s.receive(bad) == [] and s.receive(frame(4)) == []  # junk; 4 is held
        assert s.fill([bad, ev(4)], latest=4) == [] and s.gap() == 2
        assert s.counters.skipped == 0
        s.reset(2)  # the feed reconnects, as after a fill that released nothing
        out = s.fill([bad, ev(4)], latest=4)
        assert seqs(out) == [3, 4] and s.gap() is None
        assert out[0][1]["type"] == SKIPPED and orjson.loads(out[0][2])["type"] == SKIPPED
        assert s.counters.skipped == 1 and s.counters.junk == 3


def test_a_passing_fault_in_a_fill_costs_no_event() -> None:
    """Invalid once, valid the next time: the real event is applied, nothing skipped."""
    s = Sequencer(last_seq=2)
    assert s.fill([broken(3)], latest=3) == []
    out = s.fill([ev(3)], latest=3)
    assert seqs(out) == [3] and out[0][1]["type"] == "case.urged"
    assert s.counters.skipped == 0


def test_only_a_vouched_for_seq_is_used_up() -> None:
    """Above the answer's latest, at or below the last released seq, twice in one answer,
    or with no readable seq: never a placeholder."""
    s = Sequencer(last_seq=2)
    for _ in range(3):
        assert s.fill([broken(5)], latest=4) == []  # above the hub's latest
        assert s.fill([broken(2)], latest=4) == []  # already released
        assert s.fill([b'{"ts": "x", "data": 1}'], latest=4) == []  # no seq to read
    assert s.fill([broken(3), broken(3)], latest=4) == []  # one strike per answer
    assert s.counters.skipped == 0 and s.last_seq == 2
