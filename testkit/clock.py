"""A settable clock for a State, the wall's pages or a bench (epoch seconds)."""

from __future__ import annotations

from testkit.world import T0


class Clock:
    """Call it for the time; set ``now`` to move it."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
