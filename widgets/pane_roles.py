"""The roles a pane may take in the console's wiring, declared by inheriting them.

A pane says what it offers by listing a role among its bases
(``class MapPane(Pane, RegionChooser, ScopeListener, CaseFilterFollower)``); the console
connects panes by role with ``isinstance`` (``console.session``, ``console.main_window``),
never by probing attribute names. A role is a plain mixin: its signals live here (one
declaration, typed), its methods are the ones the pane must provide.

==================== ============================ =========================================
role                 the pane provides            the console connects it to
==================== ============================ =========================================
ScopeListener        ``on_scope(scope)``          ``Session.set_scope`` (every listener)
ScopeChooser         ``sig_scope_chosen(Scope)``  ``Session.set_scope`` (the region tree)
CategoryListener     ``set_categories(cats)``     ``Session.set_categories`` (every one)
RegionChooser        ``sig_region_chosen(str)``,  the session's scope: a choice narrows
                     ``show_region(region_id)``   every pane; a new scope moves the chooser
UnitActivator        ``sig_unit_activated(str)``  every UnitFilter (the queue)
UnitFilter           ``filter_unit(unit_id)``     UnitActivators (the workload), the bar
CaseFilterSource     ``sig_filter_changed()``,    every CaseFilterFollower (the map shows
                     ``filter_predicate()``,      the queue's cases)
                     ``filtered_ids()``
CaseFilterFollower   ``set_filter(pred, ids)``    the CaseFilterSource
LinkListener         ``set_link(status)``         the feed's link state (``MainWindow``)
AlarmSource          ``sig_alarm(str)``,          the window: alerts to the front, the tab
                     ``sig_muted(bool)``,         flashes, "sound off" in the status bar
                     ``bell``, ``muted``
==================== ============================ =========================================

Qt signals declared on a mixin work once the mixin sits beside a QObject base (PySide6);
for the type checker the roles derive from QObject, so ``role.sig_….connect`` is typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from client.feed import LinkStatus
from client.protocol import Case
from client.regions import Scope
from widgets.qt import Signal

if TYPE_CHECKING:
    from widgets.alarm_bell import AlarmBell
    from widgets.qt import QObject

    # For the type checker a role is a QObject, so its signals bind (``SignalInstance``);
    # at run time it is a plain mixin beside the pane's QWidget base.
    _Role = QObject
else:
    _Role = object

#: a case filter: ``predicate(case_id, case)``
CaseFilter = Callable[[str, Case], bool]


class ScopeListener(_Role):
    """Narrows itself to the shared scope (a region subtree and a category)."""

    def on_scope(self, scope: Scope) -> None:
        """Show only what lies in ``scope`` (``scope.everything``: no narrowing)."""
        raise NotImplementedError


class ScopeChooser(_Role):
    """The user narrows the console here (a region node, a category: the region tree).

    Signals:
        sig_scope_chosen(object): the :class:`client.regions.Scope` the user chose.
    """

    sig_scope_chosen = Signal(object)


class CategoryListener(_Role):
    """Offers the post's categories (``GET /categories``) once the console has them."""

    def set_categories(self, categories: list[dict]) -> None:
        """The categories, each ``{"name", "subcategories": [{"code", "name"}, …]}``."""
        raise NotImplementedError


class RegionChooser(_Role):
    """The user chooses regions here (the map's drill) and it shows a region chosen
    elsewhere.

    Signals:
        sig_region_chosen(str): the user chose a region (a gesture, never an echo).
    """

    sig_region_chosen = Signal(str)

    def show_region(self, region_id: str | None) -> None:
        """Show ``region_id`` (None: the post's own) without emitting."""
        raise NotImplementedError


class UnitActivator(_Role):
    """The user activates units here (double-click or Enter on a unit's row).

    Signals:
        sig_unit_activated(str): the activated unit's id.
    """

    sig_unit_activated = Signal(str)


class UnitFilter(_Role):
    """Narrows itself to one unit's cases."""

    def filter_unit(self, unit_id: str | None) -> None:
        """Show only the cases ``unit_id`` holds (None: every unit's)."""
        raise NotImplementedError


class CaseFilterSource(_Role):
    """Its case filter is one others follow (the queue's preset, unit and search).

    Signals:
        sig_filter_changed(): the filter changed; :meth:`filter_predicate` gives it.
    """

    sig_filter_changed = Signal()

    def filter_predicate(self) -> CaseFilter:
        """The current filter as ``predicate(case_id, case)``."""
        raise NotImplementedError

    def filtered_ids(self) -> list[str]:
        """The ids the filter lets through now."""
        raise NotImplementedError


class CaseFilterFollower(_Role):
    """Shows only the cases a :class:`CaseFilterSource` lets through."""

    def set_filter(self, predicate: CaseFilter | None,
                   passing: Iterable[str] | None = None) -> None:
        """Follow ``predicate`` (None: every case); ``passing``: the ids passing now."""
        raise NotImplementedError


class LinkListener(_Role):
    """Shows the feed's link state."""

    def set_link(self, status: LinkStatus) -> None:
        """Show ``status`` (state, sequence numbers, lag, counters)."""
        raise NotImplementedError


class AlarmSource(_Role):
    """Raises alarms the window answers (front, flash, muted notice).

    Attributes:
        bell: the alarm bell (its ``sig_flash(bool)`` drives the window's tab flash).
        muted: whether the alarm sound is off.

    Signals:
        sig_alarm(str): a new alarm of a level (``critical``, ``overdue``, …).
        sig_muted(bool): the sound was switched off (True) or on.
    """

    sig_alarm = Signal(str)
    sig_muted = Signal(bool)
    bell: AlarmBell
    muted: bool


__all__ = ["AlarmSource", "CaseFilter", "CaseFilterFollower", "CaseFilterSource",
           "CategoryListener", "LinkListener", "RegionChooser", "ScopeChooser",
           "ScopeListener", "UnitActivator", "UnitFilter"]
