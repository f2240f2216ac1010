"""Fixtures for the client tests: a misbehaving fake hub and a feed wired to a State."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from client.api import HubClient
from client.feed import Feed
from client.state import State
from testkit.fakehub import FakeHub


@pytest.fixture(autouse=True)
def _quiet_junk_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR, logger="client.sequencer")
    caplog.set_level(logging.ERROR, logger="client.store")


@pytest.fixture
def hub() -> Iterator[FakeHub]:
    """A started fake hub with 20 cases."""
    h = FakeHub(n_cases=20).start()
    yield h
    h.stop()


def pump_until(feed: Feed, state: State, pred: Callable[[], bool], timeout: float = 15.0,
               *, poll: float = 0.02, changes: list | None = None) -> None:
    """Drain ``feed`` into ``state`` (as the console's timer does) until ``pred()``; fail
    with the link status on timeout. ``changes`` collects each batch's ChangeSet."""
    deadline = time.monotonic() + timeout
    while True:
        for b in feed.drain():
            cs = state.apply_batch(b)
            if changes is not None:
                changes.append(cs)
        if pred():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out; link: {feed.status()}")
        time.sleep(poll)


class Mirror:
    """A Feed plus the State it feeds, pumped by the test thread (like the console)."""

    def __init__(self, hub: FakeHub, cache: Path, **feed_kw: object) -> None:
        self.api = HubClient(hub.url)
        self.api.login("sup", "pw")
        kw: dict = {"backoff_initial": 0.05, "backoff_cap": 0.2, "batch_window_s": 0.02}
        kw.update(feed_kw)
        self.feed = Feed(self.api, cache, **kw)
        self.state = State()
        self.changes = []

    def start(self) -> Mirror:
        self.feed.start()
        return self

    def pump(self) -> None:
        for b in self.feed.drain():
            self.changes.append(self.state.apply_batch(b))

    def until(self, pred: Callable[[], bool], timeout: float = 10.0) -> None:
        """Pump until ``pred()``; fail with the link status on timeout."""
        pump_until(self.feed, self.state, pred, timeout, poll=0.01, changes=self.changes)

    def synced_with(self, hub: FakeHub, timeout: float = 10.0) -> None:
        """Pump until the state reached the hub's latest seq."""
        self.until(lambda: self.state.seq >= hub.latest, timeout)

    def stop(self) -> None:
        self.feed.stop()
        self.api.close()
        self.pump()


@pytest.fixture
def mirror_factory(tmp_path: Path) -> Iterator[Callable[..., Mirror]]:
    """Build mirrors on the given hub (cache in tmp_path unless told); stops them after."""
    made: list[Mirror] = []

    def make(hub: FakeHub, cache: Path | None = None, **kw: object) -> Mirror:
        m = Mirror(hub, cache or tmp_path / "cache", **kw)
        made.append(m)
        return m

    yield make
    for m in made:
        m.stop()
