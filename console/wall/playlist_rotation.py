"""The wall's playlist rotation: which page each screen shows, and when it turns.

A screen's plan (:class:`console.wall.config.ScreenPlan`) lists its slots (page and
seconds); a fixed screen shows its one page. :class:`Rotator` moves through the playlist by
the controller's clock (:meth:`console.wall.controller.WallController.advance`), never by a
timer of its own, so tests and the soak bench drive it with a fake clock.

Threading: not thread-safe; GUI thread (or the soak bench's loop) only.
"""

from __future__ import annotations

import math

from console.wall.config import ScreenPlan, Slot


class Rotator:
    """One screen's playlist, advanced by a clock (never by a timer of its own).

    Attributes:
        plan: the screen's plan.
        index: the slot shown.
        next_at: when the next slot is due (inf for a fixed screen).
        turns: how many times the page changed.
    """

    def __init__(self, plan: ScreenPlan, now: float) -> None:
        self.plan = plan
        self.index = 0
        self.turns = 0
        self.next_at = self._due(now)

    @property
    def slot(self) -> Slot:
        """The slot shown."""
        return self.plan.playlist[self.index]

    @property
    def page(self) -> str:
        """The page shown."""
        return self.slot.page

    def advance(self, now: float) -> bool:
        """Move to the next page if its time came; True when the page changed.

        After a long stall (a suspended machine) the playlist moves one step, not many.
        """
        if now < self.next_at:
            return False
        self.index = (self.index + 1) % len(self.plan.playlist)
        self.turns += 1
        self.next_at = self._due(now)
        return True

    def _due(self, now: float) -> float:
        return math.inf if self.plan.fixed else now + self.slot.seconds
