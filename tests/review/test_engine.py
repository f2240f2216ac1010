"""The Qt-free review engine: seeking through checkpoints equals replaying, stories, cursor."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import orjson
import pytest

from client.alerts import SlaClock
from client.review import (
    ReviewApi,
    ReviewCursor,
    ReviewReadOnlyError,
    ShiftReview,
    list_shifts,
    open_review,
    read_shift,
)
from client.state import State
from client.store import Store
from client.timeutil import parse_time_or_none
from client.workload import WorkloadBook


def raw_events(path: Path) -> tuple[dict, list[dict]]:
    """The first snapshot and its events, read with plain sqlite3 (independent of the engine)."""
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        snap = orjson.loads(con.execute("SELECT body FROM snapshots ORDER BY id").fetchone()[0])
        evs: list[dict] = []
        for (body,) in con.execute("SELECT body FROM events ORDER BY first_seq"):
            evs += orjson.loads(body)
    finally:
        con.close()
    return snap, evs


def picture(state: State) -> tuple:
    """Everything a pane can read from a State, as plain values."""
    return (state.seq, dict(state.cases), dict(state.units), dict(state.calls),
            dict(state.whistles), state.workloads(), sorted(state.overdue_ids()),
            sorted(state.near_due_ids()), state.counters, dict(state.urges_by_case),
            dict(state.urges_by_unit))


def test_copy_covers_every_field() -> None:
    """If client.state grows a field, State.copy must learn it (this pins the sets)."""
    s = State(clock=lambda: 0.0)
    assert set(vars(s)) == {"zone_name", "clock", "store", "_sla", "_book", "_day", "_today",
                            "urges_by_case", "urges_by_unit", "stages"}
    assert set(vars(Store())) == {"seq", "server_time", "post", "regions", "units", "cases",
                                  "calls", "whistles", "subtree", "_dropped"}
    assert set(vars(SlaClock())) == {"now", "near", "overdue", "_times", "_texts", "_next",
                                     "_heap"}
    assert set(vars(WorkloadBook())) == {"_by_unit"}
    c = s.copy()
    for name in vars(s):
        if name not in ("zone_name", "clock", "_day", "stages"):  # stages: read-only, shared
            assert getattr(c, name) is not getattr(s, name), name
    for part in ("store", "_sla", "_book"):
        for name, value in vars(getattr(s, part)).items():
            if isinstance(value, dict | list | set):
                assert getattr(getattr(c, part), name) is not value, (part, name)


def test_state_at_time_equals_independent_replay(shift_file: Path) -> None:
    """At random moments the checkpointed state equals a plain Store replay and a full replay."""
    review = open_review(shift_file, checkpoint_every=250)
    assert review.checkpoints > 10
    snap, evs = raw_events(shift_file)
    assert review.n_events == len(evs) == 6000
    rng = random.Random(1)
    moments = [rng.uniform(review.start, review.end) for _ in range(12)]
    moments += [review.start, review.end, review.step_time(1), review.step_time(251)]
    for t in moments:
        store = Store()
        store.load_snapshot(snap)
        for ev in evs:
            if parse_time_or_none(ev["ts"]) > t:
                break
            store.apply(ev)
        got = review.state_at_time(t)
        assert got.seq == store.seq
        assert dict(got.cases) == store.cases
        assert dict(got.whistles) == store.whistles and dict(got.calls) == store.calls
        full = review.full_replay(review.step_at(t))
        full.tick(t)
        assert picture(got) == picture(full)


def test_cursor_forward_and_back_equal_fresh_states(shift_file: Path) -> None:
    review = open_review(shift_file, checkpoint_every=300)
    cur = ReviewCursor(review)
    rng = random.Random(2)
    for _ in range(25):
        step = rng.randrange(review.n_steps)
        cs = cur.seek(step)
        assert cs.seq == cur.state.seq == review.step_seq(step)
        assert picture(cur.state) == picture(review.state_at(step, cur.now))
    cur.seek(100)
    cs = cur.seek(105)  # forward, near: incremental
    assert not cs.reset and (cs.cases_added or cs.cases_changed or cs.urges_changed
                             or cs.whistles_changed or cs.calls_changed)
    assert cur.seek(50).reset  # back: from a checkpoint


def test_checkpoints_are_never_modified(shift_file: Path) -> None:
    review = open_review(shift_file, checkpoint_every=500)
    before = picture(review.state_at(0))
    cur = ReviewCursor(review, 0)
    cur.seek(400)  # applied to a copy of checkpoint 0
    assert picture(review.state_at(0)) == before


def test_case_story_and_history(shift_file: Path) -> None:
    review = open_review(shift_file)
    cid, nums = max(review._case_events.items(), key=lambda kv: len(kv[1]))
    story = review.story(cid)
    kinds = [s.kind for s in story.steps]
    assert len([k for k in kinds if k != "snapshot"]) == len(nums)
    assert story.steps[-1].status == story.case["status"]
    for a, b in zip(story.steps, story.steps[1:], strict=False):
        assert b.took == pytest.approx(b.at - a.at)
    assert all(s.sla == story.sla for s in story.steps)
    for s in story.steps:
        if s.late:
            assert s.at > story.due_at
    hist = review.history(cid)
    assert [e["seq"] for e in hist] == [review.info(n).seq for n in nums]
    mid = review.info(nums[len(nums) // 2]).step
    assert len(review.history(cid, mid)) == len(nums) // 2 + 1
    assert review.next_case_step(cid, mid) == review.info(nums[len(nums) // 2 + 1]).step
    assert review.prev_case_step(cid, mid) == review.info(nums[len(nums) // 2 - 1]).step


def test_review_api_reads_from_the_cache_and_refuses_commands(shift_file: Path) -> None:
    review = open_review(shift_file)
    cur = ReviewCursor(review, review.n_steps - 1)
    api = ReviewApi(cur)
    cid = next(iter(cur.state.cases))
    assert api.case(cid) is cur.state.cases[cid]
    assert isinstance(api.case_history(cid), list)
    assert api.categories()
    with pytest.raises(ReviewReadOnlyError):
        api.assign(cid, "u1")
    with pytest.raises(ReviewReadOnlyError):
        api.urge(cid, "x")


def test_density_and_filter(shift_file: Path) -> None:
    review = open_review(shift_file)
    edges, counts = review.density(48)
    assert len(counts) == 48 and int(counts.sum()) == review.n_events
    urges = review.filter_events(types=["case.urged"])
    assert len(urges) and all(review.info(int(n)).type == "case.urged" for n in urges)
    cid = review.info(int(urges[0])).case_id
    mine = review.filter_events(cid)
    assert list(mine) == review.case_event_numbers(cid)


def test_list_shifts(shift_file: Path) -> None:
    (info,) = list_shifts(shift_file.parent)
    assert info.label == "20261122-2000" and info.events == 6000 and info.snapshots == 1
    assert info.post_name and info.start is not None and info.end - info.start == 12 * 3600
    assert info.first_seq == 101 and info.last_seq == 6100


def test_several_epochs(tmp_path: Path) -> None:
    """A shift with a second snapshot (after a 410): the state follows the newer epoch."""
    from client.cache import ShiftCache
    from testkit.synthetic_shift import write_synthetic_shift

    path = write_synthetic_shift(tmp_path / "shift-20261122-2000.sqlite", 500, seed=8,
                                 open_cases=50, closed_cases=5)
    review = open_review(path)
    end = review.state_at(review.n_steps - 1)
    snap2 = end.store.to_snapshot()
    snap2["seq"] = end.seq + 50  # a gap: the hub kept no older events
    snap2["server_time"] = "2026-11-22T23:00:00.000Z"
    snap2["cases"] = snap2["cases"][:10]
    cache = ShiftCache.open(path)
    try:
        cache.add_snapshot(snap2, parse_time_or_none(snap2["server_time"]), "hub")
    finally:
        cache.close()
    review = ShiftReview(read_shift(path), checkpoint_every=100)
    assert review.problem is None
    t = parse_time_or_none("2026-11-22T23:30:00Z")
    st = review.state_at_time(t)
    assert st.seq == snap2["seq"] and len(st.cases) == 10
    cur = ReviewCursor(review)
    cur.seek_time(t)
    assert picture(cur.state) == picture(st)
