"""The commands a pane may ask the console for: the ``actions`` port of a pane context.

A pane never builds hub commands itself. It asks ``ctx.actions`` (an :class:`ActionsPort`)
to reassign, urge, blow the whistle or open a call; the console's implementation
(:class:`console.supervisor.actions.Actions`) checks the role, sends the command off the
GUI thread and waits for the feed to confirm it. A context without commands (the wall,
the offline review, a read-only console) has ``actions = None``.

Plain typing only (no Qt, no console import), so ``widgets/`` depends on the contract and
never on ``console/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from client.protocol import Call, Whistle


class Connectable(Protocol):
    """A bound Qt signal: ``connect(slot)``."""

    def connect(self, slot: Callable[..., object]) -> object: ...


class InFlightView(Protocol):
    """The cases with an assign on the way (read-only view)."""

    def __contains__(self, case_id: object) -> bool: ...

    def __len__(self) -> int: ...

    def target_of(self, case_id: str) -> str | None:
        """The unit a case in flight is going to."""
        ...

    def count_for(self, unit_id: str) -> int:
        """How many cases are on their way to ``unit_id``."""
        ...


class ActionsPort(Protocol):
    """The commands panes may ask for.

    Attributes:
        inflight: the cases with an assign on the way ("assigning → unit").
        sig_inflight: a signal (no arguments) emitted when ``inflight`` changed.
    """

    @property
    def inflight(self) -> InFlightView: ...

    @property
    def sig_inflight(self) -> Connectable: ...

    def can(self, what: str) -> bool:
        """Whether this console may ``assign``, ``urge``, ``call``, ``whistle`` or ``audit``."""
        ...

    def reassign(self, items: Iterable[dict | str], unit_id: str, note: str = "") -> int:
        """Assign cases (``{"id", "version"}`` drag items or ids) to ``unit_id``; return how
        many requests left."""
        ...

    def refuse_assign(self) -> None:
        """Say why this console does not reassign (a refused drop)."""
        ...

    def urge(self, case_id: str, note: str = "") -> bool:
        """Urge (督办) the unit holding ``case_id``; False when refused here."""
        ...

    def urge_unit(self, unit_id: str, note: str = "") -> int:
        """Urge the overdue cases ``unit_id`` holds; return how many."""
        ...

    def recent_urges(self, within_s: float = 60.0) -> list[str]:
        """Cases this console urged in the last ``within_s`` seconds."""
        ...

    def whistle(self, case_id: str, unit_ids: list[str], minutes: int, note: str = "",
                on_ok: Callable[[Whistle], None] | None = None) -> bool:
        """Summon ``unit_ids`` to ``case_id`` within ``minutes`` (吹哨报到)."""
        ...

    def start_call(self, title: str, case_id: str | None, unit_ids: list[str],
                   on_ok: Callable[[Call], None] | None = None) -> bool:
        """Open a video call (云视讯) for a case (or the post) with ``unit_ids``."""
        ...


__all__ = ["ActionsPort", "Connectable", "InFlightView"]
