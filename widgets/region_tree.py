"""Region tree pane: drill down prefecture → county → town → village → grid, with the open,
overdue and near-due cases of every node, live; and a category / subcategory filter.

Choosing a node (click or keys) or a category narrows the whole console: the pane emits
``sig_scope_chosen(Scope(...))`` (a :class:`widgets.pane_roles.ScopeChooser`), the console
sets its scope and every scope listener follows (the queue, the units, the KPI strip, the
map, this tree). The categories arrive through ``set_categories`` (a
:class:`widgets.pane_roles.CategoryListener`). The counts come from :class:`client.regions.RegionCounts`,
kept from the feed's change sets (cost: the tree's depth per changed case) and shown at
most every ``REFRESH_MS``.

Threading: GUI thread only.
"""

from __future__ import annotations

from client.regions import EVERYTHING, RegionCounts, Scope
from client.state import ChangeSet
from widgets.common import NEAR_SYMBOL, OVERDUE_COLOR, OVERDUE_SYMBOL, fg, plain_label
from widgets.pacer import out_of_sight, pacer
from widgets.pane import Pane, PaneContext
from widgets.pane_roles import CategoryListener, ScopeChooser, ScopeListener
from widgets.qt import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    Qt,
    QtGui,
    QTimer,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from widgets.text import safe

#: the counts are repainted at most this often (ms)
REFRESH_MS = 500
#: the near-due column shows when the name column keeps room for this many characters
NAME_ROOM = 8
_IdRole = Qt.ItemDataRole.UserRole
(C_NAME, C_OPEN, C_OVERDUE, C_NEAR) = range(4)


class RegionTreePane(Pane, ScopeListener, ScopeChooser, CategoryListener):
    """The jurisdiction as a tree with live counts, and the category filter.

    Public API besides the Pane contract:
        counts: the live :class:`client.regions.RegionCounts`.
        shown_counts(region_id): ``(open, overdue, near_due)`` as the tree shows them.
        choose_region(region_id) / choose_category(category, subcategory): narrow the
            console as the officer's click would.

    Signals:
        sig_scope_chosen(Scope): the officer narrowed the console here (the console sets
            its scope; without one listening, the tree shows the choice itself).
    """

    pane_id = "regions"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.counts = RegionCounts(ctx.state)
        self._items: dict[str, QtWidgets.QTreeWidgetItem] = {}
        self._dirty: set[str] = set()
        self._syncing = False
        #: the scope shown (the console's, as ``on_scope`` told it)
        self._scope: Scope = EVERYTHING
        self._categories: list[dict] = []

        self.category_box = QComboBox(self)
        self.category_box.setObjectName("regions_category")
        self.subcategory_box = QComboBox(self)
        self.subcategory_box.setObjectName("regions_subcategory")
        self.tree = QtWidgets.QTreeWidget(self)
        self.tree.setObjectName("regions_tree")
        self.tree.setColumnCount(4)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(C_NAME, QHeaderView.ResizeMode.Stretch)
        # fixed widths: ResizeToContents would rescan every node on each count change
        digit = self.fontMetrics().horizontalAdvance("0")
        for col in (C_OPEN, C_OVERDUE, C_NEAR):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(col, 7 * digit + 12)
        # narrow docks hide the near-due column (its figure stays in each row's tooltip and
        # the KPI strip); it shows again once the tree is wide enough (resizeEvent)
        self._count_width = 7 * digit + 12
        self.tree.setIndentation(max(10, self.fontMetrics().horizontalAdvance("国")))
        self.scope_label = plain_label("", self, wrap=True)
        self.scope_label.setObjectName("regions_scope")
        filters = QHBoxLayout()
        filters.setContentsMargins(4, 4, 4, 0)
        filters.addWidget(self.category_box, 1)
        filters.addWidget(self.subcategory_box, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(filters)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.scope_label)

        self._timer = QTimer(self)
        self._timer.setObjectName("regions_refresh")
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(lambda: pacer().request(self._flush_paced))
        self.tree.currentItemChanged.connect(self._on_current)
        self.category_box.currentIndexChanged.connect(self._on_category)
        self.subcategory_box.currentIndexChanged.connect(self._on_subcategory)
        self._retranslate()
        self._rebuild()

    # ---- Pane contract

    def title(self) -> str:
        return self.tr("Regions")

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.reset:
            self.counts.reload()
            self._rebuild()
            return
        touched = self.counts.apply(changes)
        if touched:
            self._dirty |= touched
            if not self._timer.isActive():
                self._timer.start()

    def set_categories(self, categories: list[dict]) -> None:
        """The post's categories arrived (``GET /categories``): offer them."""
        self._categories = categories
        self._fill_categories()

    def on_scope(self, scope: Scope) -> None:
        """Show a scope chosen elsewhere (the map's region click, the command bar)."""
        self._scope = scope
        self._syncing = True
        try:
            item = self._items.get(scope.region_id or "")
            if item is not None:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
            elif scope.region_id is None and (first := self.tree.topLevelItem(0)) is not None:
                self.tree.setCurrentItem(first)
        finally:
            self._syncing = False
        self._update_scope_label(scope)

    # ---- Public API

    def shown_counts(self, region_id: str) -> tuple[int, int, int]:
        """``(open, overdue, near_due)`` as the tree shows them for ``region_id``."""
        self.flush()
        item = self._items[region_id]

        def num(col: int) -> int:
            text = item.text(col).lstrip(OVERDUE_SYMBOL + NEAR_SYMBOL + " ").replace(",", "")
            return int(text) if text else 0

        return (num(C_OPEN), num(C_OVERDUE), num(C_NEAR))

    def choose_region(self, region_id: str | None) -> None:
        """Narrow the console to ``region_id`` (None: the whole post)."""
        scope = self._scope
        new = Scope(region_id, scope.category, scope.subcategory)
        self.sig_scope_chosen.emit(new)
        if self._scope != new:  # no console took it (review): show it here
            self.on_scope(new)

    def choose_category(self, category: str | None, subcategory: str | None = None) -> None:
        """Narrow the console to a category (and subcategory); None: every category."""
        scope = self._scope
        new = Scope(scope.region_id, category, subcategory if category else None)
        self.sig_scope_chosen.emit(new)
        self._update_scope_label(new)

    def near_column_shown(self) -> bool:
        """Whether the near-due column is shown (not in a narrow dock)."""
        return not self.tree.header().isSectionHidden(C_NEAR)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns(event.size().width())

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        if self._dirty:
            self.flush()  # counts that changed while the pane was out of sight
        super().showEvent(event)

    def flush(self) -> None:
        """Repaint the counts of the nodes changed since the last repaint."""
        self._timer.stop()
        dirty, self._dirty = self._dirty, set()
        for rid in dirty:
            item = self._items.get(rid)
            if item is not None:
                self._paint(item, rid)

    # ---- Internals

    def _flush_paced(self) -> None:
        if not out_of_sight(self):  # else the counts are painted when the pane shows
            self.flush()

    def _fit_columns(self, width: int) -> None:
        """Show the near-due column only when the region names keep room beside it."""
        need = 3 * self._count_width + NAME_ROOM * self.fontMetrics().horizontalAdvance("国")
        hide = width < need
        header = self.tree.header()
        if header.isSectionHidden(C_NEAR) != hide:
            header.setSectionHidden(C_NEAR, hide)

    def _rebuild(self) -> None:
        self._syncing = True
        try:
            self.tree.clear()
            self._items.clear()
            self._dirty.clear()
            index = self.counts.index
            stack: list[tuple[str, QtWidgets.QTreeWidgetItem | None]] = [
                (rid, None) for rid in reversed(index.roots())]
            while stack:
                rid, parent = stack.pop()
                item = QtWidgets.QTreeWidgetItem(parent if parent is not None else self.tree)
                item.setData(C_NAME, _IdRole, rid)
                item.setText(C_NAME, safe(index.name(rid), 40))
                for col in (C_OPEN, C_OVERDUE, C_NEAR):
                    item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self._items[rid] = item
                self._paint(item, rid)
                for child in reversed(index.children.get(rid, [])):
                    stack.append((child, item))
            for i in range(self.tree.topLevelItemCount()):
                top = self.tree.topLevelItem(i)
                if top is None:
                    continue
                top.setExpanded(True)
                for j in range(min(top.childCount(), 12)):
                    sub = top.child(j)
                    if sub is not None:
                        sub.setExpanded(False)
        finally:
            self._syncing = False
        self.on_scope(self._scope)

    def _paint(self, item: QtWidgets.QTreeWidgetItem, rid: str) -> None:
        c = self.counts.of(rid)
        item.setText(C_OPEN, f"{c.open:,}")
        item.setText(C_OVERDUE, f"{OVERDUE_SYMBOL} {c.overdue:,}" if c.overdue else "0")
        item.setText(C_NEAR, f"{NEAR_SYMBOL} {c.near_due:,}" if c.near_due else "0")
        item.setToolTip(C_NAME, self.tr("%1: %2 open · %3 overdue · %4 near due")
                        .replace("%1", safe(self.counts.index.name(rid), 60))
                        .replace("%2", f"{c.open:,}").replace("%3", f"{c.overdue:,}")
                        .replace("%4", f"{c.near_due:,}"))
        if c.overdue:
            item.setForeground(C_OVERDUE, fg(OVERDUE_COLOR))
        else:
            item.setForeground(C_OVERDUE, item.foreground(C_OPEN))

    def _fill_categories(self) -> None:
        cats = self._categories
        box = self.category_box
        box.blockSignals(True)
        current = box.currentData()
        box.clear()
        box.addItem(self.tr("All categories"), None)
        for cat in cats:
            if isinstance(cat, dict) and cat.get("name"):
                box.addItem(safe(cat["name"], 30), str(cat["name"]))
        i = box.findData(current)
        box.setCurrentIndex(max(0, i))
        box.blockSignals(False)
        self._fill_subcategories()

    def _fill_subcategories(self) -> None:
        box = self.subcategory_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All subcategories"), None)
        name = self.category_box.currentData()
        for cat in self._categories:
            if isinstance(cat, dict) and cat.get("name") == name:
                for sub in cat.get("subcategories") or ():
                    if isinstance(sub, dict) and sub.get("name"):
                        box.addItem(safe(sub["name"], 30), str(sub["name"]))
        box.setEnabled(name is not None)
        box.blockSignals(False)

    def _update_scope_label(self, scope: Scope) -> None:
        if scope.everything:
            self.scope_label.setText(self.tr("Showing the whole post."))
            return
        parts = []
        if scope.region_id is not None:
            parts.append(safe(self.counts.index.name(scope.region_id), 40))
        if scope.category is not None:
            parts.append(safe(scope.category, 30) + (" / " + safe(scope.subcategory, 30)
                                                     if scope.subcategory else ""))
        self.scope_label.setText(self.tr("Narrowed to: %1").replace("%1", " · ".join(parts)))

    def _retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Region"), self.tr("Open"), self.tr("Overdue"),
                                   self.tr("Near due")])
        self.tree.headerItem().setToolTip(C_OPEN, self.tr("Open cases in the region"))
        self._fill_categories()
        self._update_scope_label(self._scope)

    def retranslate(self) -> None:
        self._retranslate()

    def _on_current(self, current: QtWidgets.QTreeWidgetItem | None, _prev: object) -> None:
        if self._syncing or current is None:
            return
        rid = current.data(C_NAME, _IdRole)
        roots = self.counts.index.roots()
        self.choose_region(None if rid in roots and len(roots) == 1 else rid)

    def _on_category(self, _index: int) -> None:
        self._fill_subcategories()
        self.choose_category(self.category_box.currentData())

    def _on_subcategory(self, _index: int) -> None:
        self.choose_category(self.category_box.currentData(),
                             self.subcategory_box.currentData())
