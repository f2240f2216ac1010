"""Fixtures for the pane tests: a seeded world, a State built from it, a fake PaneContext."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from client.state import ChangeSet, State
from testkit.clock import Clock
from testkit.pane_context import FakeContext
from testkit.world import World


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def state(world: World, clock: Clock) -> State:
    s = State(clock=clock)
    s.load_snapshot(world.snapshot(300))
    return s


@pytest.fixture
def ctx(state: State, world: World) -> FakeContext:
    return FakeContext(state, world)


@pytest.fixture
def apply(state: State) -> Callable[..., ChangeSet]:
    """Apply events to the state; return the ChangeSet."""

    def do(*events: dict) -> ChangeSet:
        return state.apply_events(list(events))

    return do


@pytest.fixture(autouse=True)
def _widgets_outlive_the_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Hold every widget given to ``qtbot.addWidget`` until teardown.

    pytest-qt keeps only weak references and processes events once more right after the
    test function returns. A shown pane whose last strong references were the test's
    locals (it still lives in reference cycles) can then be collected by the cyclic GC in
    the middle of its own paint event ("QPaintDevice: Cannot destroy paint device that
    is being painted"), which aborts the process. pytest-qt closes and deletes the widgets
    at teardown; these references are dropped after that.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    qtbot = request.getfixturevalue("qtbot")
    kept: list[Any] = []
    add = qtbot.addWidget

    def keep(widget: Any, *args: Any, **kwargs: Any) -> None:
        kept.append(widget)
        add(widget, *args, **kwargs)

    qtbot.addWidget = keep
    yield
    kept.clear()
