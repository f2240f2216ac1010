"""Review equals live: the state at time T in review is the state the live client had at T.

Runs the real hub (``hub.server.start_embedded``), a live ``client.feed.Feed`` + ``State``
writing a shift cache, and drives cases through ``client.api.HubClient`` commands
(report, assign, urge, accept, resolve, close). After each step, once the live state has
caught up and the hub is quiet, it records the time and a copy of the live picture; then
opens the cache in review and compares the state at each recorded time.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from client.api import HubClient
from client.feed import LIVE, Feed
from client.review import open_review
from client.shifts import ShiftSchedule
from client.state import State
from client.timeutil import DEFAULT_ZONE, zone
from hub import seed, server
from tests.client.conftest import pump_until

PW = seed.DEMO_PASSWORD


def login(url: str, user: str) -> HubClient:
    c = HubClient(url)
    c.login(user, PW)
    return c


def test_review_state_at_t_equals_live_state_at_t(tmp_path: Path) -> None:
    hub = server.start_embedded(sizes=seed.SeedSizes(2, 1, 1, 1), heartbeat_s=0.5)
    try:
        sup = login(hub.url, "supervisor-532300")
        intake = login(hub.url, "intake-532300")
        # one shift around now (a single daily start an hour ago): no rollover mid-test
        start = datetime.fromtimestamp(time.time() - 3600, zone(DEFAULT_ZONE)).strftime("%H:%M")
        feed = Feed(sup, tmp_path / "cache", schedule=ShiftSchedule((start,)),
                    backoff_initial=0.05)
        state = State()
        feed.start()
        recorded: list[tuple[float, dict, int, dict]] = []

        def settle() -> None:
            latest = sup.events(0, 1)["seq"]
            pump_until(feed, state, lambda: state.seq >= latest)
            time.sleep(0.05)
            for b in feed.drain():
                state.apply_batch(b)
            t = time.time()
            recorded.append((t, dict(state.cases), state.seq, dict(state.urges_by_case)))
            time.sleep(0.05)  # nothing happens between t and the next command

        try:
            pump_until(feed, state, lambda: feed.status().state == LIVE)
            settle()
            cat = sup.categories()[0]
            snap = sup.snapshot()
            grid = next(r for r in snap["regions"] if r["level"] == "grid")
            unit_id = snap["units"][0]["id"]
            unit = login(hub.url, f"unit-{unit_id}")
            cases = []
            for i in range(3):
                cases.append(intake.report({
                    "title": f"路灯不亮 {i}", "description": "测试", "category": cat["name"],
                    "subcategory": cat["subcategories"][0]["code"], "priority": "critical",
                    "source": "app", "region_id": grid["id"], "address": "鹿城南路",
                    "lat": 25.0, "lon": 101.5}))
            settle()
            for c in cases:
                sup.assign(c["id"], unit_id, expected_version=c["version"], note="请处理")
            settle()
            sup.urge(cases[0]["id"], "加快")
            unit.accept(cases[0]["id"], note="已到场")
            unit.accept(cases[1]["id"])
            settle()
            unit.resolve(cases[0]["id"], note="已修复")
            settle()
            intake.close_case(cases[0]["id"], note="回访满意")
            settle()
        finally:
            feed.stop()
        (cache_file,) = (tmp_path / "cache").glob("shift-*.sqlite")
        review = open_review(cache_file, checkpoint_every=3)
        assert review.problem is None
        for t, cases_then, seq_then, urges_then in recorded:
            got = review.state_at_time(t)
            assert got.seq == seq_then
            assert dict(got.cases) == cases_then
            assert dict(got.urges_by_case) == urges_then
        assert recorded[0][2] < recorded[-1][2]
        story = review.story(cases[0]["id"])
        assert [s.kind for s in story.steps] == ["created", "dispatch", "urged", "accept",
                                                 "resolve", "close"]
        assert story.steps[1].actor and story.steps[1].note == "请处理"
    finally:
        hub.stop()
