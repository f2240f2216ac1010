"""The Feed against a misbehaving fake hub: after each scenario the cases equal the truth."""

from __future__ import annotations

import time
from pathlib import Path

import orjson
import pytest

from client.cache import CacheDir, ShiftCache
from client.feed import LIVE, RECONNECTING, SESSION_EXPIRED
from client.shifts import ShiftSchedule
from client.store import Store
from testkit.fakehub import BASE_TS, JUNK_FRAMES, Behavior, FakeHub, ts


def cached_seqs(cache_dir: Path) -> tuple[int, list[int]]:
    """(snapshot seq, event seqs) of the newest epoch of the newest shift file."""
    r = CacheDir(cache_dir).restore()
    assert r is not None
    try:
        return r.snapshot["seq"], r.cache.event_seqs(r.cache.snapshot_id)
    finally:
        r.cache.close()


def assert_exactly_once(cache_dir: Path, latest: int) -> None:
    snap_seq, seqs = cached_seqs(cache_dir)
    assert seqs == list(range(snap_seq + 1, latest + 1))


def test_clean_sync_and_cache(hub: FakeHub, mirror_factory, tmp_path: Path) -> None:
    """Snapshot, then live events: cases equal the truth and every event is cached once."""
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    hub.random_activity(200)
    m.synced_with(hub)
    assert m.state.cases == hub.truth()
    assert m.changes[0].reset
    assert_exactly_once(tmp_path / "cache", hub.latest)
    st = m.feed.status()
    assert st.last_seq == hub.latest and st.junk == 0 and st.snapshots == 1


def test_duplicates_reordering_and_junk(hub: FakeHub, mirror_factory) -> None:
    """Frames sent twice, swapped and mixed with junk change nothing."""
    hub.behaviors = [Behavior(dup=0.3, reorder=0.3, junk=0.2, seed=7)]
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    hub.random_activity(300)
    m.synced_with(hub)
    assert m.state.cases == hub.truth()
    st = m.feed.status()
    assert st.duplicates > 0 and st.junk > 0 and st.reconnects == 0


def test_withheld_frames_are_filled_from_events(hub: FakeHub, mirror_factory, tmp_path) -> None:
    """Gaps in the middle and a withheld tail are filled with GET /events."""
    base = hub.latest
    hub.behaviors = [Behavior(drop=0.15, withhold=frozenset({base + 151}), seed=3)]
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    hub.random_activity(150)
    m.synced_with(hub)
    hub.create_case()  # withheld, and nothing after it: only heartbeats reveal it
    m.synced_with(hub)
    assert m.state.cases == hub.truth()
    assert m.feed.status().gaps_filled >= 2 and hub.stats.events_calls >= 2
    assert_exactly_once(tmp_path / "cache", hub.latest)


def test_events_in_order_are_committed_before_a_failed_fill(hub: FakeHub, mirror_factory,
                                                           tmp_path: Path) -> None:
    """Events 1–4 released, 6–10 held behind a withheld 5, and GET /events fails: 1–4 are
    committed anyway, and the next connection resumes after them."""
    base = hub.latest
    hub.behaviors = [Behavior(withhold=frozenset({base + 5}))]
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    hub.events_status = [500]
    for _ in range(10):
        hub.create_case()
    m.synced_with(hub)
    assert hub.stats.feed_since[:2] == [base, base + 4]
    assert m.state.cases == hub.truth()
    assert_exactly_once(tmp_path / "cache", hub.latest)


def test_poison_frames_and_a_lying_heartbeat_never_hold_the_feed_back(
        hub: FakeHub, mirror_factory, tmp_path: Path) -> None:
    """The issue's mirror: valid-looking frames at seqs the hub never had, absurd content,
    heartbeats announcing 10**12 — the mirror reaches the hub's latest on its first link."""
    base = hub.latest
    hb = orjson.dumps({"type": "heartbeat", "data": {"server_time": ts(0), "seq": 10**12,
                                                     "interval_s": 0.2}})
    ghost = orjson.loads(hub.frames[0])
    ghost["seq"] = base + 40  # valid in every way, but no such event
    hub.behaviors = [Behavior(poison=0.3, seed=4, prefix=[orjson.dumps(ghost), hb, hb])]
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    hub.random_activity(30)
    m.synced_with(hub)
    st = m.feed.status()
    assert m.state.cases == hub.truth() and st.reconnects == 0 and st.held == 0
    assert st.junk_reasons.get("held above the hub's latest", 0) >= 1 and st.junk > 3
    assert_exactly_once(tmp_path / "cache", hub.latest)


def test_a_frame_held_while_the_stream_flows_is_checked_against_the_hubs_latest(
        hub: FakeHub, mirror_factory, tmp_path: Path) -> None:
    """A valid-looking frame far ahead waits while a backlog streams in (every batch
    releases events, the link is never idle): the mirror asks the hub's latest with a
    one-event GET /events and drops it, without paging the backlog through GET /events."""
    m = mirror_factory(hub).start()
    m.synced_with(hub)
    m.stop()
    base = hub.latest
    hub.random_activity(4000)
    ghost = orjson.loads(hub.frames[0])
    ghost["seq"] = hub.latest + 10_000
    hub.behaviors = [Behavior(inject={base + 3: orjson.dumps(ghost)})] * 2
    m2 = mirror_factory(hub, tmp_path / "cache", gap_max_age_s=0.0, max_batch=50).start()
    m2.synced_with(hub)
    st = m2.feed.status()
    assert st.junk_reasons == {"held above the hub's latest": 1} and st.held == 0
    assert hub.stats.events_limits[:1] == [1]  # the probe, not a page of events
    assert m2.state.cases == hub.truth()


def test_stale_versions_unknown_types_and_scope(hub: FakeHub, mirror_factory) -> None:
    """Older versions are ignored, unknown types skipped, cases leaving the subtree dropped."""
    m = mirror_factory(hub).start()
    ids = list(hub.cases)
    hub.update_case(ids[0], title="v2")
    hub.stale_event(ids[0])
    hub.unknown_event()
    hub.move_out(ids[1])
    hub.stale_event(ids[1])  # an older, in-scope copy must not bring it back
    hub.move_out(ids[2])
    hub.move_in(ids[2])
    m.synced_with(hub)
    assert m.state.cases == hub.truth()
    assert ids[1] not in m.state.cases and m.state.cases[ids[2]]["region_id"] == "G1"
    assert m.state.cases[ids[0]]["title"] == "v2"


def test_one_megabyte_frames(hub: FakeHub, mirror_factory) -> None:
    """A 1 MB event and a 1 MB junk frame pass through; the unknown field is ignored
    (decoding keeps the protocol's fields only), the known ones are applied."""
    hub.behaviors = [Behavior(prefix=[b"{" * 1_000_000])]
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    cid = next(iter(hub.cases))
    hub.big_event(cid, 1_000_000)
    hub.unknown_event(1_000_000)
    hub.update_case(cid, title="after")
    m.synced_with(hub)
    truth = hub.truth()
    assert len(truth[cid]["future_field"]) == 1_000_000
    truth[cid] = {k: v for k, v in truth[cid].items() if k != "future_field"}
    assert m.state.cases == truth and "future_field" not in m.state.cases[cid]
    assert m.feed.status().junk == 1


def test_abrupt_disconnects(hub: FakeHub, mirror_factory, tmp_path: Path) -> None:
    """TCP closes without a close frame (and one proper close) → reconnect from last seq."""
    hub.behaviors = [Behavior(disconnect_after=30, seed=1), Behavior(disconnect_after=17, seed=2),
                     Behavior(close_frame_after=25), Behavior(disconnect_after=0)]
    m = mirror_factory(hub).start()
    m.until(lambda: hub.stats.connections >= 1)
    for _ in range(40):
        hub.random_activity(10)
        time.sleep(0.005)
    m.synced_with(hub, timeout=20)
    assert m.state.cases == hub.truth()
    assert m.feed.status().reconnects >= 3 and hub.stats.connections >= 5
    assert hub.stats.snapshots == 1  # reconnects resume from since=<last>, no new snapshot
    assert_exactly_once(tmp_path / "cache", hub.latest)


def test_silent_link_is_declared_dead(hub: FakeHub, mirror_factory) -> None:
    """Heartbeats stop (socket stays open): dead after 3 intervals, then reconnect."""
    hub.behaviors = [Behavior(silence_after=3)]
    m = mirror_factory(hub).start()
    m.until(lambda: hub.stats.connections >= 1)
    time.sleep(0.3)
    hub.random_activity(50)
    t0 = time.monotonic()
    m.synced_with(hub, timeout=10)
    assert time.monotonic() - t0 < 5
    assert m.state.cases == hub.truth() and m.feed.status().reconnects >= 1
    assert "no heartbeat" in (m.feed.status().error or "")


def test_no_first_heartbeat_uses_the_default_interval(hub: FakeHub, mirror_factory) -> None:
    """Before any heartbeat the default interval applies (15 s; 0.2 s here)."""
    hub.behaviors = [Behavior(heartbeats=False, silence_after=0)]
    m = mirror_factory(hub, default_interval_s=0.2).start()
    m.until(lambda: m.feed.status().reconnects >= 1, timeout=15)
    hub.random_activity(20)
    m.synced_with(hub)
    assert m.state.cases == hub.truth()


def test_410_at_handshake_reloads_the_snapshot(hub: FakeHub, mirror_factory) -> None:
    m = mirror_factory(hub).start()
    m.synced_with(hub)
    hub.random_activity(30)
    hub.handshake_status = [410]
    hub.kick()
    m.until(lambda: hub.stats.snapshots == 2)
    hub.random_activity(30)
    m.synced_with(hub)
    assert m.state.cases == hub.truth()
    assert any(c.reset for c in m.changes[1:])


def test_410_when_the_hub_no_longer_keeps_since(hub: FakeHub, mirror_factory, tmp_path) -> None:
    """Restart from a cache older than the hub's retention: 410 → fresh snapshot."""
    m = mirror_factory(hub).start()
    m.synced_with(hub)
    m.stop()
    hub.random_activity(50)
    hub.oldest_kept = hub.latest - 5
    m2 = mirror_factory(hub, tmp_path / "cache").start()
    m2.synced_with(hub)
    assert m2.state.cases == hub.truth() and hub.stats.snapshots == 2


def test_410_on_events_reloads_the_snapshot(hub: FakeHub, mirror_factory) -> None:
    base = hub.latest
    hub.behaviors = [Behavior(withhold=frozenset({base + 3}))]
    hub.events_status = [410]
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    hub.random_activity(40)
    m.synced_with(hub)
    hub.random_activity(10)
    m.synced_with(hub)
    assert m.state.cases == hub.truth() and hub.stats.snapshots == 2


def test_401_mid_shift_waits_for_a_new_login(hub: FakeHub, mirror_factory) -> None:
    """Token revoked: session_expired (no retry loop); log in again + resume → synced."""
    m = mirror_factory(hub).start()
    m.synced_with(hub)
    hub.revoke_all()
    hub.kick()
    m.until(lambda: m.feed.status().state == SESSION_EXPIRED)
    refused = hub.stats.handshakes_refused
    hub.random_activity(30)
    time.sleep(0.5)
    assert hub.stats.handshakes_refused == refused  # it waits, it does not hammer the hub
    assert "log in again" in (m.feed.status().error or "")
    m.api.login("sup", "pw")
    m.feed.resume()
    m.synced_with(hub)
    assert m.state.cases == hub.truth()


def test_restart_from_cache_needs_no_snapshot(hub: FakeHub, mirror_factory, tmp_path) -> None:
    """A second console on the same cache resumes from it: same cases, no GET /snapshot."""
    m = mirror_factory(hub).start()
    hub.random_activity(100)
    m.synced_with(hub)
    m.stop()
    hub.random_activity(100)
    m2 = mirror_factory(hub, tmp_path / "cache").start()
    m2.synced_with(hub)
    assert m2.state.cases == hub.truth() and hub.stats.snapshots == 1
    assert m2.changes[0].reset
    assert_exactly_once(tmp_path / "cache", hub.latest)


def test_shift_boundary_starts_a_self_contained_file(hub: FakeHub, mirror_factory, tmp_path):
    """Crossing 20:00 Shanghai writes a new file that starts with the held state."""
    now = [BASE_TS + 11 * 3600 + 59 * 60]  # 19:59 local
    m = mirror_factory(hub, clock=lambda: now[0], schedule=ShiftSchedule()).start()
    hub.random_activity(50)
    m.synced_with(hub)
    now[0] += 120  # 20:01 local
    hub.random_activity(50)
    m.synced_with(hub)
    files = CacheDir(tmp_path / "cache").shift_files()
    assert [label for label, _ in files] == ["20261122-0800", "20261122-2000"]
    assert hub.stats.snapshots == 1  # no network needed for the new file
    c = ShiftCache.open(files[1][1])
    snaps = c.snapshots()
    assert [s.reason for s in snaps] == ["shift_start"]
    meta = c.meta()
    assert meta["categories"] == hub.categories and meta["post"]["id"] == "P1"
    assert meta["user"]["id"] == "sup"
    store = Store()
    store.load_snapshot(c.load_snapshot(snaps[0].id))
    for ev, _ in c.iter_events(snaps[0].id):
        store.apply(ev)
    c.close()
    assert store.cases == hub.truth() == m.state.cases


def test_shift_boundary_after_restart_and_410_starts_from_the_held_state(
    hub: FakeHub, mirror_factory, tmp_path
):
    """The new file's first snapshot is rebuilt from the old file: restored, then reloaded."""
    now = [BASE_TS + 11 * 3600 + 50 * 60]  # 19:50 local
    clock = lambda: now[0]  # noqa: E731
    m = mirror_factory(hub, clock=clock, schedule=ShiftSchedule()).start()
    hub.random_activity(40)
    m.synced_with(hub)
    m.stop()
    hub.random_activity(40)
    m2 = mirror_factory(hub, tmp_path / "cache", clock=clock, schedule=ShiftSchedule()).start()
    m2.synced_with(hub)
    m2.stop()
    hub.random_activity(40)
    hub.oldest_kept = hub.latest - 5  # the next start must reload the snapshot
    m3 = mirror_factory(hub, tmp_path / "cache", clock=clock, schedule=ShiftSchedule()).start()
    m3.synced_with(hub)
    assert hub.stats.snapshots == 2
    m2 = m3
    now[0] += 20 * 60  # 20:10 local
    hub.random_activity(40)
    m2.synced_with(hub)
    label, path = CacheDir(tmp_path / "cache").shift_files()[-1]
    assert label == "20261122-2000"
    c = ShiftCache.open(path)
    store = Store()
    store.load_snapshot(c.load_snapshot(c.snapshots()[0].id))
    held_seq = store.seq
    for ev, _ in c.iter_events(c.snapshots()[0].id):
        store.apply(ev)
    c.close()
    assert 120 <= held_seq < hub.latest
    assert store.cases == hub.truth() == m2.state.cases


def test_reconnecting_state_shows_seconds_until_retry(mirror_factory) -> None:
    hub = FakeHub(n_cases=3).start()
    m = mirror_factory(hub, backoff_initial=0.5, backoff_cap=1.0).start()
    m.synced_with(hub)
    hub.stop()
    m.until(lambda: m.feed.status().state == RECONNECTING, timeout=15)
    st = m.feed.status()
    assert st.retry_in is not None and 0 <= st.retry_in <= 1.0
    assert m.state.cases == hub.truth()  # the held picture stays


def test_on_batch_wakes_the_consumer(hub: FakeHub, tmp_path: Path) -> None:
    from client.api import HubClient
    from client.feed import Feed

    calls = []
    api = HubClient(hub.url)
    api.login("sup", "pw")
    feed = Feed(api, tmp_path / "c", on_batch=lambda: calls.append(1))
    feed.start()
    try:
        deadline = time.monotonic() + 30
        while not calls and time.monotonic() < deadline:
            time.sleep(0.01)
        assert calls
    finally:
        feed.stop()
    assert feed.status().state == "offline"


@pytest.mark.parametrize("junk", JUNK_FRAMES)
def test_each_kind_of_junk_is_counted(hub: FakeHub, mirror_factory, junk: bytes) -> None:
    hub.behaviors = [Behavior(prefix=[junk, junk])]
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().junk == 2)
    hub.random_activity(5)
    m.synced_with(hub)
    assert m.feed.status().junk == 2 and m.state.cases == hub.truth()


def test_a_batch_is_handed_off_only_once_committed_even_with_a_slow_disk(
        hub: FakeHub, mirror_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer thread commits while the Feed thread reads on; every batch the console
    gets is already in the shift file, in order, once."""
    committed: list[int] = []
    handed: list[tuple[int, int | None]] = []  # (last seq, last event batch committed)
    real = ShiftCache.add_released

    def slow(self: ShiftCache, ready: list, received: list[float]) -> None:
        time.sleep(0.02)  # a slow disk
        real(self, ready, received)
        committed.append(ready[-1][0])

    monkeypatch.setattr(ShiftCache, "add_released", slow)
    m = mirror_factory(hub)
    m.feed.on_batch = lambda: handed.append((m.feed.last_seq, committed[-1] if committed else None))
    m.start()
    m.until(lambda: m.feed.status().state == LIVE)
    for _ in range(3):
        hub.random_activity(100)
        m.synced_with(hub)
    assert m.state.cases == hub.truth()
    snapshot, *batches = handed  # the snapshot's hand-off, then the event batches'
    assert snapshot == (20, None) and len(batches) >= 3
    assert all(last == done for last, done in batches)
    assert_exactly_once(tmp_path / "cache", hub.latest)


def test_a_failing_disk_stops_the_feed_and_hands_off_nothing_uncommitted(
        hub: FakeHub, mirror_factory, monkeypatch: pytest.MonkeyPatch) -> None:
    from client.errors import CacheError

    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    hub.random_activity(20)
    m.synced_with(hub)
    before = m.state.seq

    def full(self: ShiftCache, ready: list, received: list[float]) -> None:
        raise CacheError(f"cache file {self.path}: writing events failed: disk full")

    monkeypatch.setattr(ShiftCache, "add_released", full)
    hub.random_activity(20)
    m.until(lambda: not m.feed.running)
    st = m.feed.status()
    assert isinstance(m.feed.fatal, CacheError) and "disk full" in (st.error or "")
    assert st.state == "offline" and st.last_seq == before
    for b in m.feed.drain():
        m.state.apply_batch(b)
    assert m.state.seq == before  # nothing past the last commit reached the state


@pytest.mark.parametrize("kind", ["invalid", "deep"])
def test_an_unreadable_event_in_the_hubs_own_log_never_stops_the_feed(
        hub: FakeHub, mirror_factory, tmp_path: Path, kind: str) -> None:
    """An event the hub's log itself holds broken (served alike by the feed and by
    ``GET /events``: a case with a numeric id, or a payload nested past the decoder's
    limit) is junk on the feed; ``GET /events`` answering it twice at a seq it vouches for
    uses that seq up with a placeholder, and the feed goes on to the truth. Before, the
    client reconnected forever at that seq (invalid), or its feed thread died (deep)."""
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    hub.random_activity(20)
    broken = hub.broken_event(kind)
    hub.random_activity(40)
    for cid in list(hub.cases):  # the truth moves on past the broken event everywhere
        hub.update_case(cid, title="after the broken event")
    m.synced_with(hub, timeout=30)
    assert m.state.cases == hub.truth()
    assert_exactly_once(tmp_path / "cache", hub.latest)
    st = m.feed.status()
    assert st.state == LIVE
    assert m.feed.seq.counters.skipped == 1 and st.junk >= 2
    snap_seq, _ = cached_seqs(tmp_path / "cache")
    assert snap_seq < broken  # the placeholder, not a snapshot, carried the feed past it


def test_why_the_link_is_down_has_a_code_the_console_puts_in_words(
        hub: FakeHub, mirror_factory) -> None:
    """The link status names why the link is down with a stable code (glossary
    ``link_problem``), never only the client's exception text."""
    from client import glossary
    from client.errors import BadAnswerError, ServerError
    from client.feed import LinkBroken, LinkDead, error_kind

    assert error_kind(LinkDead("x")) == "silent"
    assert error_kind(LinkBroken("x", "refused")) == "refused"
    assert error_kind(ServerError("x", status=503)) == "database_unavailable"
    assert error_kind(BadAnswerError("x", status=200)) == "bad_answer"
    assert error_kind(ConnectionResetError()) == "lost"
    for kind in ("unreachable", "database_unavailable", "silent", "lost", "refused",
                 "bad_answer", "rate_limited", "hub_error", "session_expired", "cache",
                 "stopped"):
        for lang in ("zh_CN", "en"):
            assert glossary.word("link_problem", kind, lang) != kind, (kind, lang)
    m = mirror_factory(hub).start()
    m.until(lambda: m.feed.status().state == LIVE)
    assert m.feed.status().error_kind is None
    hub.stop()
    m.until(lambda: m.feed.status().error_kind in ("unreachable", "lost", "silent"))
    assert m.feed.status().state in ("reconnecting", "connecting", "catching_up")
