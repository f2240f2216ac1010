"""What every implementation of the pane context shares: the selection fan-out and the
display names of categories, regions and units.

Used by the live console's ``Session`` and the offline review's ``ReviewContext``. The
class using it provides ``state`` (a client State), ``panes`` (the panes to notify),
``selected`` (the current case id), ``_sub_names`` ((category, code) → subcategory name)
and a ``sig_selection(object)`` signal.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from client.regions import RegionIndex
from widgets.text import safe

if TYPE_CHECKING:
    from widgets.pane import Pane

log = logging.getLogger(__name__)


class SharedContext:
    """Selection and display-name helpers of a ``PaneContext``."""

    state: Any  # a client State (the review's is a read-only property, the console's not)
    panes: list[Pane]
    selected: str | None
    _sub_names: dict[tuple[str, str], str]
    sig_selection: Any
    #: True while :meth:`select_case` tells the panes (their row moves are echoes)
    fanning_out: bool = False
    #: ((id of the regions dict, their count), the index built from them)
    _region_index_cache: tuple[tuple[int, int], RegionIndex] | None = None

    def select_case(self, case_id: str | None) -> None:
        """Make ``case_id`` the selection of every pane."""
        if case_id == self.selected:
            return
        self.selected = case_id
        # While the panes follow the new selection, their own row moves are not the user's.
        self.fanning_out = True
        try:
            for pane in list(self.panes):
                try:
                    pane.on_selection(case_id)
                except Exception:
                    log.exception("pane %s failed on a selection", pane.pane_id)
        finally:
            self.fanning_out = False
        self.sig_selection.emit(case_id)

    def category_name(self, category: str, subcategory: str) -> str:
        """``category / subcategory`` with a subcategory code resolved to its name."""
        sub = self._sub_names.get((category, subcategory), subcategory)
        cat = safe(category, 40)
        return f"{cat} / {safe(sub, 60)}" if sub else cat

    def region_name(self, region_id: str | None) -> str:
        """Name of a region (the id when unknown)."""
        if not region_id:
            return ""
        region = self.state.regions.get(region_id)
        return safe(region.get("name") if region else region_id, 60)

    def region_path(self, region_id: str | None) -> str:
        """``town · grid`` of a region (its own name at town level and above)."""
        if not region_id:
            return ""
        return safe(self.region_index().short_path(region_id), 60)

    def region_index(self) -> RegionIndex:
        """The regions of the State as a tree (rebuilt when the regions change)."""
        regions = self.state.regions
        key = (id(regions), len(regions))
        cached = self._region_index_cache
        if cached is None or cached[0] != key:
            cached = (key, RegionIndex(regions))
            self._region_index_cache = cached
        return cached[1]

    def unit_name(self, unit_id: str | None) -> str:
        """Name of a unit (the id when unknown)."""
        if not unit_id:
            return ""
        unit = self.state.units.get(unit_id)
        return safe(unit.get("name") if unit else unit_id, 60)
