"""A model-checked sequencer: a hypothesis state machine over Sequencer + ShiftCache.

The machine plays the Feed's part against a hub whose feed does anything: it delivers,
duplicates, withholds and reorders frames, sends junk and poison frames (absurd content,
seqs far ahead, valid-looking frames above the hub's latest), replays stale runs, goes
silent or drops the link, announces true or absurd latest seqs in heartbeats, and fails
gap fills — while ``GET /events`` (the authority) stays honest. It commits what the
sequencer releases to a real shift cache as the Feed does (what is in order is committed
before a fill that fails), and restarts from the cache as a killed process would.

After every step: what was committed is a gapless prefix of the hub's events, none
twice, each equal to the hub's; the held buffer is within its cap. A restart resumes
exactly where the cache ends. ``settle`` proves progress: when the feed turns honest the
client reaches the hub's latest seq whatever came before.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import orjson
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from client.cache import CacheDir
from client.protocol import decode_frame
from client.sequencer import Ready, Sequencer
from client.shifts import ShiftSchedule
from testkit.fakehub import JUNK_FRAMES, poison_frame, ts

CAP = 10  # the held buffer's cap (50,000 in production)
MAX_EVENTS = 60  # the hub never goes beyond this seq: higher seqs are never real
META = {"hub_url": "http://h/api/v1", "post": {"id": "P1"}, "user": {"id": "u"},
        "categories": []}


def hub_event(seq: int) -> bytes:
    if seq % 7 == 0:  # an unknown type uses up its seq too
        return orjson.dumps({"seq": seq, "ts": ts(seq), "type": "future.thing",
                             "data": {"n": seq}})
    return orjson.dumps({"seq": seq, "ts": ts(seq), "type": "case.urged",
                         "data": {"case_id": f"c{seq}", "unit_id": None, "actor": "a",
                                  "note": str(seq)}})


def heartbeat(latest: int) -> bytes:
    return orjson.dumps({"type": "heartbeat", "data": {"server_time": ts(0), "seq": latest,
                                                       "interval_s": 1}})


class FeedModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="seqmodel-"))
        self.shift = ShiftSchedule().shift_at(0)
        self.cache = CacheDir(self.dir).open_for_shift(self.shift, META)
        self.cache.add_snapshot({"seq": 0, "server_time": ts(0)}, 0.0, "hub")
        self.latest = 0  # the hub's events are 1..latest
        self.committed: list[int] = []
        self.seq = Sequencer(hold_cap=CAP)
        self.ready: list[Ready] = []
        self.released_in_batch = False
        self.pos = 1  # the next seq the connection sends
        self.rng = random.Random(0)

    def teardown(self) -> None:
        self.cache.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # ---- the Feed's part

    def _take(self, out: list[Ready]) -> None:
        if out:
            self.ready.extend(out)
            self.released_in_batch = True

    def _recv(self, raw: bytes) -> None:
        self._take(self.seq.receive(raw))

    def _commit(self) -> None:
        if self.ready:
            self.cache.add_events([(s, ev, raw, 0.0) for s, ev, raw in self.ready])
            self.committed.extend(s for s, _, _ in self.ready)
            self.ready = []
        self.released_in_batch = False

    def _fill(self, limit: int, fail_after: int | None) -> None:
        """The Feed's fill loop (GET /events is honest; it may fail after some pages)."""
        pages = 0
        try:
            while (since := self.seq.gap()) is not None:
                if fail_after is not None and pages >= fail_after:
                    raise ConnectionError("GET /events failed")
                pages += 1
                events = [hub_event(s) for s in range(since + 1,
                                                      min(self.latest, since + limit) + 1)]
                before = self.seq.last_seq
                self._take(self.seq.fill(events, self.latest))
                # progress: each answer releases events or clears the gap
                assert self.seq.last_seq > before or self.seq.gap() is None
        except ConnectionError:
            self._commit()  # what is in order is committed first
            self._reconnect()
            return
        self._commit()

    def _reconnect(self) -> None:
        self._commit()
        self.seq.reset(self.committed[-1] if self.committed else 0)
        self.pos = self.seq.last_seq + 1

    # ---- the hub

    @rule(n=st.integers(1, 8))
    def hub_changes(self, n: int) -> None:
        self.latest = min(MAX_EVENTS, self.latest + n)

    @precondition(lambda self: self.pos <= self.latest)
    @rule()
    def deliver(self) -> None:
        self._recv(hub_event(self.pos))
        self.pos += 1

    @precondition(lambda self: self.pos <= self.latest)
    @rule()
    def withhold(self) -> None:
        self.pos += 1

    @precondition(lambda self: self.pos + 1 <= self.latest)
    @rule()
    def reorder(self) -> None:
        self._recv(hub_event(self.pos + 1))
        self._recv(hub_event(self.pos))
        self.pos += 2

    @precondition(lambda self: self.pos + 2 <= self.latest)
    @rule(n=st.integers(2, 40))
    def burst_after_a_gap(self, n: int) -> None:
        """One frame withheld, then a burst: more than the cap may wait behind the gap."""
        self.pos += 1
        while n and self.pos <= self.latest:
            self._recv(hub_event(self.pos))
            self.pos += 1
            n -= 1

    @rule(n=st.integers(1, 3 * CAP))
    def flood_above_latest(self, n: int) -> None:
        """Valid frames at seqs the hub will never have."""
        ev = orjson.loads(hub_event(1))
        for k in range(n):
            ev["seq"] = MAX_EVENTS + 1 + k
            self._recv(orjson.dumps(ev))

    @precondition(lambda self: self.pos > 1)
    @rule(data=st.data())
    def duplicate_or_stale_replay(self, data: st.DataObject) -> None:
        start = data.draw(st.integers(1, self.pos - 1))
        for s in range(start, min(self.pos, start + data.draw(st.integers(1, 10)))):
            self._recv(hub_event(s))

    @rule(junk=st.sampled_from(JUNK_FRAMES))
    def junk(self, junk: bytes) -> None:
        self._recv(junk)

    @precondition(lambda self: self.latest > 0)
    @rule(data=st.data())
    def poison(self, data: st.DataObject) -> None:
        s = data.draw(st.integers(1, self.latest))
        frame = poison_frame(random.Random(data.draw(st.integers(0, 10**6))), s, MAX_EVENTS,
                             hub_event(s))
        self._recv(frame)

    @rule(ahead=st.integers(1, 3 * CAP))
    def poison_above_latest(self, ahead: int) -> None:
        """A frame valid in every way, at a seq the hub will never have (held or beyond
        the window); only GET /events can tell."""
        s = max(MAX_EVENTS, self.seq.last_seq) + ahead
        ev = orjson.loads(hub_event(s % 7 + 7 * 11 + 1))
        ev["seq"] = s
        self._recv(orjson.dumps(ev))

    @rule(absurd=st.booleans())
    def heartbeat(self, absurd: bool) -> None:
        self._recv(heartbeat(10**12 if absurd else self.latest))

    @rule()
    def link_drops_or_goes_silent(self) -> None:
        self._reconnect()

    @rule(idle=st.booleans(), limit=st.integers(1, 12),
          fail_after=st.none() | st.integers(0, 2))
    def end_of_batch(self, idle: bool, limit: int, fail_after: int | None) -> None:
        """The Feed's policy: fill when the gap holds the stream back or the link is idle."""
        if self.seq.gap() is not None and (not self.released_in_batch or idle
                                           or self.seq.pending * 2 >= CAP):
            self._fill(limit, fail_after)
        else:
            self._commit()

    @rule(commit_first=st.booleans())
    def killed_and_restarted(self, commit_first: bool) -> None:
        """SIGKILL: what was not committed is lost; restart from the cache."""
        if commit_first:
            self._commit()
        self.ready = []
        self.cache.close()
        r = CacheDir(self.dir).restore("http://h/api/v1", "P1")
        assert r is not None
        self.cache = r.cache
        seqs = [ev["seq"] for ev in r.events]
        assert seqs == self.committed  # the restart resumes exactly
        self.seq = Sequencer(last_seq=seqs[-1] if seqs else 0, hold_cap=CAP)
        self.released_in_batch = False
        self.pos = self.seq.last_seq + 1

    @rule(limit=st.integers(1, 12))
    def settle(self, limit: int) -> None:
        """The feed turns honest and quiet: two heartbeats, then the fill. Progress is
        guaranteed: the client reaches the hub's latest seq."""
        self._commit()
        self._recv(heartbeat(self.latest))
        self._recv(heartbeat(self.latest))
        self._fill(limit, None)
        assert self.seq.last_seq == self.latest and self.seq.gap() is None
        assert self.committed == list(range(1, self.latest + 1))

    # ---- invariants

    @invariant()
    def applied_is_a_gapless_prefix_of_the_hubs_events(self) -> None:
        released = self.committed + [s for s, _, _ in self.ready]
        assert released == list(range(1, len(released) + 1))
        assert len(released) <= self.latest
        for s, ev, raw in self.ready:
            assert ev == decode_frame(hub_event(s)) and raw is not None

    @invariant()
    def held_buffer_is_bounded(self) -> None:
        assert self.seq.pending <= CAP

    @invariant()
    def cache_holds_exactly_the_committed_events(self) -> None:
        if len(self.committed) % 5 == 0:  # (reading SQLite every step is slow)
            events = [ev for ev, _ in self.cache.iter_events(self.cache.snapshot_id)]
            assert [ev["seq"] for ev in events] == self.committed
            assert events == [decode_frame(hub_event(s)) for s in self.committed]


FeedModel.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_sequencer_and_cache_under_every_fault = FeedModel.TestCase


def test_a_poison_frame_never_holds_the_feed_back() -> None:
    """The issue's failure: one frame at an impossible seq waited behind a gap GET /events
    could never fill. Now the hub's answer drops it and the fill ends."""
    s = Sequencer()
    out = s.receive(hub_event(1))
    ev = orjson.loads(hub_event(2))
    ev["seq"] = 40  # valid in every way, but the hub's latest is 3
    assert s.receive(orjson.dumps(ev)) == [] and s.gap() == 1
    out += s.fill([hub_event(2), hub_event(3)], 3)
    assert [x for x, _, _ in out] == [1, 2, 3] and s.gap() is None and s.pending == 0
    assert s.counters.junk_reasons == {"held above the hub's latest": 1}


def test_far_ahead_frames_are_not_held_and_ask_for_a_fill() -> None:
    """A flood of far-ahead frames cannot grow the held buffer beyond its cap."""
    s = Sequencer(hold_cap=100)
    for k in range(1000):
        ev = orjson.loads(hub_event(1))
        ev["seq"] = 2 + k
        s.receive(orjson.dumps(ev))
    assert s.pending == 99 and s.counters.junk_reasons["seq beyond the hold window"] == 901
    assert s.gap() == 0
    s.fill([], 0)  # the hub has nothing: every held frame was junk
    assert s.pending == 0 and s.gap() is None and s.counters.junk == 1000


def test_invalid_payloads_are_junk_by_reason_and_use_up_no_seq() -> None:
    s = Sequencer()
    good = orjson.loads(hub_event(1))
    bad_ts = dict(good, ts="yesterday")
    bad_id = dict(good, data=dict(good["data"], case_id=5))
    for ev in (bad_ts, bad_id):
        assert s.receive(orjson.dumps(ev)) == []
    assert s.counters.junk_reasons == {"invalid $.ts": 1, "invalid $.data.case_id": 1}
    assert [x for x, _, _ in s.receive(hub_event(1))] == [1]  # seq 1 still free


def test_progress_when_the_hub_advances_whatever_junk_arrives() -> None:
    """Junk and poison interleaved with a real stream: every real event is applied."""
    rng = random.Random(5)
    s = Sequencer()
    out: list = []
    for i in range(1, 41):
        for _ in range(rng.randint(0, 3)):
            kind = rng.random()
            if kind < 0.5:
                s.receive(rng.choice(JUNK_FRAMES))
            else:
                s.receive(poison_frame(rng, i, 40, hub_event(i)))
        out += s.receive(hub_event(i))
    while (since := s.gap()) is not None:
        out += s.fill([hub_event(k) for k in range(since + 1, 41)], 40)
    assert [x for x, _, _ in out] == list(range(1, 41))

