"""The contract between the console and its panes.

A pane is a QWidget shown in a QDockWidget. The console owns one :class:`PaneContext`
(state, time zone, role, background commands, shared selection) and calls, on the GUI
thread only:

* ``on_changes(changes)`` after each feed batch (at most ~10 times a second) with the
  :class:`client.state.ChangeSet` the batch produced (``changes.reset`` → reload all);
* ``on_tick(now)`` once a second (live countdowns; ``now`` is epoch seconds);
* ``on_selection(case_id)`` when any pane selected a case (None clears it).

Panes never do network or disk I/O themselves: they ask the context (``run_command``,
``fetch``), which does it off the GUI thread and calls back on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from client.api import HubClient
from client.regions import RegionIndex
from client.state import ChangeSet, State
from widgets.qt import QEvent, QTimer, QWidget, Signal


class PaneContext(Protocol):
    """What the console gives every pane.

    Attributes:
        state: the synced picture (read on the GUI thread only; never mutate it).
        zone: the post's time zone (Asia/Shanghai by default).
        role: the user's role: officer, supervisor, wall, unit or intake.
        user_id: the logged-in user's id (panes key per-user settings with it).
        read_only: True in wall mode and offline review (no actions at all).
    """

    zone: ZoneInfo
    role: str
    user_id: str
    read_only: bool

    def run_command(self, label: str, fn: Callable[[HubClient], Any],
                    on_ok: Callable[[Any], None] | None = None,
                    on_error: Callable[[Exception], None] | None = None) -> None:
        """Run ``fn(api)`` off the GUI thread; report failure to the officer in words."""

    def fetch(self, fn: Callable[[HubClient], Any], on_ok: Callable[[Any], None],
              on_error: Callable[[Exception], None] | None = None) -> None:
        """Run a read ``fn(api)`` off the GUI thread and call back on it."""

    def select_case(self, case_id: str | None) -> None:
        """Make ``case_id`` the selection shared by every pane."""

    def category_name(self, category: str, subcategory: str) -> str:
        """Display text for a case's category/subcategory (codes resolved to names)."""

    def region_name(self, region_id: str | None) -> str:
        """Display name of a region (falls back to the id)."""

    def unit_name(self, unit_id: str | None) -> str:
        """Display name of a unit (falls back to the id)."""

    def region_index(self) -> RegionIndex:
        """The regions of the State as a tree."""

    @property
    def state(self) -> State:
        """The synced picture (a context may replace it: review seeks, resets)."""


class Pane(QWidget):
    """Base of every pane.

    Signals:
        sig_case_selected(str): the user selected a case in this pane.
    """

    sig_case_selected = Signal(str)
    #: stable object name of the pane's dock (saved layouts use it)
    pane_id = "pane"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(self.pane_id)

    def title(self) -> str:
        """Translated dock title."""
        return self.pane_id

    def on_changes(self, changes: ChangeSet) -> None:
        """Apply one batch's changes."""

    def on_tick(self, now: float) -> None:
        """Advance live countdowns."""

    def on_selection(self, case_id: str | None) -> None:
        """Show the shared selection."""

    def restyle(self) -> None:
        """Reapply what a new stylesheet reset (F9 theme switch): the enlarged fonts of
        :func:`widgets.common.scale_font`; panes with more (the KPI figures) extend it."""
        from widgets.common import rescale_fonts

        rescale_fonts(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.StyleChange and not getattr(self, "_restyle_queued",
                                                                   False):
            self._restyle_queued = True

            def run() -> None:
                self._restyle_queued = False
                self.restyle()

            QTimer.singleShot(0, run)
        super().changeEvent(event)
