"""The contract between the console and its panes.

A pane is a QWidget shown in a QDockWidget. The console owns one :class:`PaneContext`
(state, time zone, role, background commands, shared selection) and calls, on the GUI
thread only:

* ``on_changes(changes)`` after each feed batch (at most ~10 times a second) with the
  :class:`client.state.ChangeSet` the batch produced (``changes.reset`` → reload all),
  then ``on_events(events)`` with the events behind it;
* ``on_tick(now)`` once a second (live countdowns; ``now`` is epoch seconds);
* ``on_selection(case_id)`` when any pane selected a case (None clears it);
* ``retranslate()``, ``repalette()``, ``restyle()`` after a language, palette or
  stylesheet change (routed by the base's one ``changeEvent``, once the pane is built).

Panes declare, rather than let others reach into their views: ``drag_sources()`` and
``drop_targets()`` (cases dragged out, units dropped on; the console's supervisor feature
installs them), ``current_case()`` and ``command_view()`` (where right-click commands go).

Panes never do network or disk I/O themselves: they ask the context (``run_command``,
``fetch``), which does it off the GUI thread and calls back on it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from client.api import HubClient
from client.protocol import Event
from client.regions import RegionIndex
from client.state import ChangeSet, State
from widgets.actions_port import ActionsPort
from widgets.pacer import out_of_sight
from widgets.qt import (
    QAbstractItemView,
    QAction,
    QEvent,
    QPoint,
    Qt,
    QtGui,
    QTimer,
    QWidget,
    Signal,
)


class PaneContext(Protocol):
    """What the console gives every pane.

    Attributes:
        state: the synced picture (read on the GUI thread only; never mutate it).
        zone: the post's time zone (Asia/Shanghai by default).
        role: the user's role: officer, supervisor, wall, unit or intake.
        user_id: the logged-in user's id (panes key per-user settings with it).
        read_only: True in wall mode and offline review (no actions at all).
        cache_dir: the shift cache folder (the map keeps the region polygons there), or
            None (nothing kept).
        actions: the commands panes may ask for (reassign, urge, whistle, calls), or None
            where there are none (wall, offline review).
    """

    zone: ZoneInfo
    role: str
    user_id: str
    read_only: bool
    actions: ActionsPort | None

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

    def region_path(self, region_id: str | None) -> str:
        """``town · grid`` of a region (its own name at town level and above)."""

    def unit_name(self, unit_id: str | None) -> str:
        """Display name of a unit (falls back to the id)."""

    def region_index(self) -> RegionIndex:
        """The regions of the State as a tree."""

    @property
    def state(self) -> State:
        """The synced picture (a context may replace it: review seeks, resets)."""

    @property
    def cache_dir(self) -> Path | None:
        """The shift cache folder (the map keeps the region polygons there), or None."""


class Pane(QWidget):
    """Base of every pane.

    Subclasses override the hooks they need; the base routes Qt's change events to them,
    once the pane is fully built (a change event that arrives while ``__init__`` runs is
    not passed on, so no hook has to guard against half-built attributes):

    * :meth:`retranslate` after a language switch (the label cache of
      :mod:`widgets.common` is cleared first);
    * :meth:`repalette` after a palette change (day/night theme);
    * :meth:`restyle` after a stylesheet change (queued: once per burst).

    Signals:
        sig_case_selected(str): the user selected a case in this pane.
    """

    sig_case_selected = Signal(str)
    #: stable object name of the pane's dock (saved layouts use it)
    pane_id = "pane"
    #: True once the outermost ``__init__`` returned (see :meth:`__init_subclass__`)
    _pane_built = False
    _pane_init_depth = 0
    #: a restyle is queued (a burst of style changes restyles once)
    _restyle_queued = False
    #: the refresh skipped while the pane was out of sight (see :meth:`refresh_in_sight`)
    _refresh_on_show: Callable[[], None] | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Wrap each subclass's ``__init__`` to mark the pane built when the outermost
        one returns."""
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is not None:
            cls.__init__ = _marking_built(init)  # type: ignore[method-assign]

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(self.pane_id)

    # ---- Feed and selection

    def title(self) -> str:
        """Translated dock title."""
        return self.pane_id

    def on_changes(self, changes: ChangeSet) -> None:
        """Apply one batch's changes."""

    def on_events(self, events: list[Event]) -> None:
        """The events behind the last change set, in seq order (the ticker lists them)."""

    def on_tick(self, now: float) -> None:
        """Advance live countdowns."""

    def on_selection(self, case_id: str | None) -> None:
        """Show the shared selection."""

    # ---- Look and language

    def retranslate(self) -> None:
        """Re-read every translated text (the language changed)."""

    def repalette(self) -> None:
        """Re-read the colours taken from the palette (the theme changed)."""

    def restyle(self) -> None:
        """Reapply what a new stylesheet reset (F9 theme switch): the enlarged fonts of
        :func:`widgets.common.scale_font`; panes with more (the KPI figures) extend it."""
        from widgets.common import rescale_fonts

        rescale_fonts(self)

    # ---- Drag and drop (installed by the console's supervisor feature)

    def drag_sources(self) -> list[CaseDragSource]:
        """Item views of this pane that cases may be dragged from (besides views that
        drag natively through their model's ``mimeData``)."""
        return []

    def drop_targets(self) -> list[UnitDropTarget]:
        """Item views of this pane whose rows are units that cases may be dropped on."""
        return []

    # ---- Commands

    def selected_ids(self) -> list[str]:
        """The cases selected in this pane, in its order ([]: none, or it shows no cases)."""
        return []

    def current_case(self) -> str | None:
        """The case under this pane's cursor (None: none, or the pane shows no cases)."""
        return None

    def command_view(self) -> QWidget | None:
        """The widget that carries this pane's context commands (right-click), if any."""
        return None

    def add_context_command(self, text: str, slot: Callable[[], object],
                            name: str = "") -> QAction | None:
        """Offer ``slot`` as a right-click command of :meth:`command_view`; None when this
        pane has no such view."""
        view = self.command_view()
        if view is None:
            return None
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        act = QAction(text, view)
        if name:
            act.setObjectName(name)
        act.triggered.connect(lambda _checked=False: slot())
        view.addAction(act)
        return act

    # ---- Refreshing only what is seen

    def refresh_in_sight(self, refresh: Callable[[], None]) -> None:
        """Run ``refresh`` now, or, while the pane is out of sight (its dock tabbed behind
        another), when it is shown again: a paced refresh nobody sees is skipped."""
        if out_of_sight(self):
            self._refresh_on_show = refresh
        else:
            refresh()

    def refreshed(self) -> None:
        """Say that the pane has just refreshed: nothing is left to do when it is shown."""
        self._refresh_on_show = None

    # ---- Qt

    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802 - Qt API
        refresh = self._refresh_on_show
        if refresh is not None:
            self._refresh_on_show = None
            refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.LanguageChange and self._pane_built:
            from widgets.common import clear_label_cache

            clear_label_cache()
            self.retranslate()
        elif kind == QEvent.Type.PaletteChange and self._pane_built:
            self.repalette()
        elif kind == QEvent.Type.StyleChange and not self._restyle_queued:
            self._restyle_queued = True

            def run() -> None:
                self._restyle_queued = False
                self.restyle()

            QTimer.singleShot(0, run)
        super().changeEvent(event)


@dataclass(frozen=True)
class CaseDragSource:
    """An item view cases are dragged from.

    Attributes:
        view: the view (its viewport gets the drag starter).
        case_ids_at: the case ids to drag for a press at a viewport position.
    """

    view: QAbstractItemView
    case_ids_at: Callable[[QPoint], list[str]]


@dataclass(frozen=True)
class UnitDropTarget:
    """An item view whose rows are units: cases dropped on a row go to that unit.

    Attributes:
        view: the view (its viewport accepts the drops).
        unit_at: the unit under a viewport position (None: the row's ``UserRole`` data).
    """

    view: QAbstractItemView
    unit_at: Callable[[QPoint], str | None] | None = None


def _marking_built(init: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(init)
    def __init__(self: Pane, *args: Any, **kwargs: Any) -> None:  # noqa: N807
        depth = self._pane_init_depth
        self._pane_init_depth = depth + 1
        try:
            init(self, *args, **kwargs)
        finally:
            self._pane_init_depth = depth
        if depth == 0:
            self._pane_built = True

    return __init__
