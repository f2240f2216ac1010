"""Fixtures of the wall tests: a synthetic post in steady state and a wall over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from client.state import State
from console.wall import WallConfig, WallController, open_wall
from testkit.clock import Clock
from testkit.wall_context import WallCtx
from testkit.wall_sim import T_START, Sim


class Post:
    """A State in steady state, its clock and the generator that drives it.

    ``step(seconds)`` moves time, applies the generated events and hands them to every
    wall opened on the post, as the Bridge would.
    """

    def __init__(self, per_hour: float = 120.0) -> None:
        self.sim = Sim(seed=3, per_hour=per_hour, now=T_START)
        snap = self.sim.warm_snapshot(hours=12)
        self.clock = Clock(self.sim.now)
        self.state = State(clock=self.clock)
        self.reset = self.state.load_snapshot(snap)
        self.state.tick(self.clock.now)
        self.ctx = WallCtx(self.state)
        self.walls: list[WallController] = []

    def deliver(self, events: list[dict]) -> None:
        cs = self.state.apply_events(events)
        cs.merge(self.state.tick(self.clock.now))
        for wall in self.walls:
            wall.on_changes(cs)
            wall.on_events(events)

    def step(self, seconds: float) -> None:
        self.clock.now += seconds
        self.deliver(self.sim.events_until(self.clock.now))
        for wall in self.walls:
            wall.advance(self.clock.now)

    def new_case(self, **over: object) -> dict:
        """A ``case.created`` event of a fresh case reported now (next seq)."""
        w = self.sim.world
        w.now = self.clock.now
        ev = w.created(**over)
        self.sim.seq += 1
        ev["seq"] = self.sim.seq
        return ev


@pytest.fixture
def post() -> Post:
    return Post()


@pytest.fixture
def make_wall(post: Post, qtbot) -> Iterator[Callable[..., WallController]]:
    """Open a wall on ``post`` at a fixed size (offscreen), closed after the test."""
    made: list[WallController] = []

    def make(config: WallConfig | None = None, sizes=((1920, 1080),), **kw) -> WallController:
        wall = open_wall(post.ctx, config=config, sizes=list(sizes), clock=post.clock,
                         pulse=False, **kw)
        for w in wall.windows:
            qtbot.addWidget(w)
        post.walls.append(wall)
        made.append(wall)
        return wall

    yield make
    for wall in made:
        wall.close()
