"""Case queue pane: every case in scope, sortable, filterable, searchable, live countdowns.

The rows live in a Qt-free :class:`rows.case_rows.CaseRows`; the model
(:class:`widgets.case_queue_model.CaseQueueModel`) is a thin adapter that forwards its
precise row changes to Qt (no Qt sort-filter proxy model: sorting 100,000 rows through one
takes tens of seconds). Only a snapshot load or a change of the sort or the filter resets
the model.

The queue's other parts, each in its own module:

* ``widgets.case_queue_columns``: the column numbers, default order and visibility;
* ``widgets.case_queue_model``: the table model, its cached cells, the case drag payload;
* ``widgets.case_queue_filter``: the saved filters (presets) and the filter predicate;
* ``widgets.case_queue_keys``: the sort keys, cached names and times;
* ``widgets.case_queue_bar``: the filter bar's widgets (preset, search, unit chip, count);
* ``widgets.case_queue_warming``: the idle-time precomputation of search text and keys;
* ``widgets.queue_columns``: the officer's column chooser (order, visibility, widths).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from client.protocol import Case
from client.state import ChangeSet
from client.workload import INACTIVE
from rows.case_rows import CaseRows
from widgets.actions_port import InFlightView
from widgets.case_queue_bar import build_filter_bar
from widgets.case_queue_columns import (
    COL_AGE,
    COL_CATEGORY,
    COL_ID,
    COL_LEFT,
    COL_PRIORITY,
    COL_REGION,
    COL_SOURCE,
    COL_STATUS,
    COL_TITLE,
    COL_UNIT,
    COLUMN_KINDS,
    DEFAULT_HIDDEN,
    DEFAULT_ORDER,
    N_COLUMNS,
    RIGHT_COLS,
)
from widgets.case_queue_filter import PRESET_ORDER, PRESETS, queue_predicate
from widgets.case_queue_keys import CaseNames, CaseTimes, queue_sort_keys
from widgets.case_queue_model import CaseQueueModel
from widgets.case_queue_warming import IdleWarmer, warm_steps
from widgets.common import (
    PRIORITY_RANK,
    STATUS_RANK,
    format_duration,
    priority_label,
    source_text,
    status_label,
    time_left_label,
)
from widgets.pacer import pacer
from widgets.pane import Pane, PaneContext
from widgets.pane_roles import CaseFilterSource, ScopeListener, UnitFilter
from widgets.qt import (
    QAbstractItemView,
    QAction,
    QEvent,
    QGuiApplication,
    QHeaderView,
    QItemSelectionModel,
    QKeySequence,
    QModelIndex,
    QObject,
    QPaintEvent,
    QPoint,
    QShortcut,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from widgets.queue_columns import ColumnChooser
from widgets.rows_model import RIGHT, Column
from widgets.stage_text import clock_text
from widgets.static_cells import StaticTextTable
from widgets.text import neutralize, safe

__all__ = ["CaseQueuePane", "COL_AGE", "COL_CATEGORY", "COL_ID", "COL_LEFT", "COL_PRIORITY",
           "COL_REGION", "COL_SOURCE", "COL_STATUS", "COL_TITLE", "COL_UNIT", "DEFAULT_ORDER",
           "N_COLUMNS", "PRESETS", "PRESET_ORDER"]

#: a busy feed repaints the table at most this often (ms); user input repaints at once.
#: One repaint of a full-screen table costs 4-9 ms with the table's own painting
#: (widgets.static_cells; 27-47 ms through QTableView's), and the rows it shows change
#: many times a second under a 2,000 events/s feed: once a second keeps them readable.
REPAINT_MS = 1000
_INPUT_EVENTS = frozenset((QEvent.Type.Wheel, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress,
                           QEvent.Type.Resize))


class CaseQueuePane(Pane, ScopeListener, UnitFilter, CaseFilterSource):
    """Case queue: every case in scope in a sortable, filterable table.

    Signals:
        sig_case_selected(str): the user made a case current (inherited).

    Public API besides the Pane contract:
        filter_unit(unit_id | None): show only one unit's cases (None: all units).
        set_preset(key): one of ``open``, ``overdue``, ``critical``, ``unassigned``, ``all``.
        set_search(text): free-text search (id, title, address, category, region, unit).
        selected_ids(): the selected case ids in row order.
        flush(): repaint now (a busy feed repaints the table at most once a second;
            ``grab()`` during that second would show an unpainted table).
    """

    pane_id = "case_queue"
    # sig_filter_changed(): the filter (preset, unit or search) changed;
    # ``filter_predicate()`` gives the new one (CaseFilterSource)

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.now = ctx.state.now
        self.drag_allowed = not ctx.read_only and ctx.role == "supervisor"
        self._preset = "open"
        self._unit: str | None = None
        self._scope: Any = None  # client.regions.Scope, None: the whole post
        self._search = ""
        self.names = CaseNames(ctx)
        self.times = CaseTimes()
        self._hay: dict[str, str] = {}  # case id -> search blob (see _make_blob)
        self._syncing = False
        self._selected: str | None = None
        self._titles: list[str] = []
        self._build_model()
        self._follow_inflight()
        self._build_view()
        self._size_columns()
        self._build_filter_bar()
        self._build_timers()
        self._connect()
        self._build_shortcuts()
        self.columns = ColumnChooser(self.view.horizontalHeader(), self.column_titles,
                                     DEFAULT_ORDER, DEFAULT_HIDDEN, str(ctx.user_id or "default"))
        self._retranslate()
        self._rows_synced = False  # the first rebuild (the sort below) reads the State
        self._warmer = IdleWarmer(self)
        self._first_sort()

    # ---- building (in this order: the children's order is the focus chain's)

    def _build_model(self) -> None:
        """The rows (sorted, filtered) and the model over them."""
        ctx = self.ctx
        self.model = CaseQueueModel(
            CaseRows(self.sort_keys(), kinds=COLUMN_KINDS),
            [Column(partial(self._column_title, col), str,
                    align=RIGHT if col in RIGHT_COLS else None) for col in range(N_COLUMNS)],
            lambda: ctx.state, self.cell_text, self.assigning_text, self.drag_allowed, self)
        self.model.sig_sort_requested.connect(self.sort_by)

    def _follow_inflight(self) -> None:
        """Supervisor commands in flight (ctx.actions: console/supervisor/actions.py), shown
        as "… assigning → unit"."""
        actions = self.ctx.actions
        self._inflight: InFlightView | None = actions.inflight if actions is not None else None
        if actions is not None:
            actions.sig_inflight.connect(self._on_inflight)

    def _build_view(self) -> None:
        """The table (painting its own cells, ``widgets.static_cells``), rows selected
        whole, dragged when this console may dispatch."""
        self.view = StaticTextTable(self.model.cell, self)
        self.view.setObjectName("case_queue_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vh = self.view.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        hh.setSortIndicator(COL_LEFT, Qt.SortOrder.AscendingOrder)
        if self.drag_allowed:
            self.view.setDragEnabled(True)
            self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _size_columns(self) -> None:
        """Column widths fitted to their longest words (the title column stretches)."""
        hh = self.view.horizontalHeader()
        fm = self.fontMetrics()
        em, digit = fm.horizontalAdvance("国"), fm.horizontalAdvance("0")

        def fit(texts: list[str]) -> int:
            return max(fm.horizontalAdvance(t) for t in texts) + 20

        widths = {COL_STATUS: fit([status_label(s) for s in STATUS_RANK]),
                  COL_PRIORITY: fit([priority_label(p) for p in PRIORITY_RANK]
                                    + [self.tr("Priority")]),
                  COL_CATEGORY: 170, COL_REGION: 11 * em, COL_UNIT: 8 * em, COL_SOURCE: 84,
                  COL_AGE: 70, COL_LEFT: 10 * em, COL_ID: fit(["CX-20261201-000000"])}
        for col, w in widths.items():
            self.view.setColumnWidth(col, w)
        hh.setMinimumSectionSize(3 * digit)

    def _build_filter_bar(self) -> None:
        """The bar above the table (preset, search, unit chip, count), then the layout."""
        bar = build_filter_bar(self)
        self.preset_box = bar.preset_box
        self.search_edit = bar.search_edit
        self.unit_chip = bar.unit_chip
        self.count_label = bar.count_label
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(bar.layout)
        lay.addWidget(self.view, 1)

    def _build_timers(self) -> None:
        """The throttled repaint and the search box's debounce."""
        self._repaint_timer = QTimer(self)
        self._repaint_timer.setObjectName("case_queue_repaint")
        self._repaint_timer.setSingleShot(True)
        self._repaint_timer.setInterval(REPAINT_MS)
        # the repaint waits its turn with the other panes' refreshes (widgets.pacer)
        self._repaint_timer.timeout.connect(lambda: pacer().request(self._repaint_now))
        self._search_timer = QTimer(self)
        self._search_timer.setObjectName("case_queue_search_debounce")
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._on_search_timeout)

    def _connect(self) -> None:
        """The table's input (ends a held-back repaint), the bar's signals, the current row."""
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._on_search_timeout)
        self.preset_box.currentIndexChanged.connect(self._on_preset_index)
        self.unit_chip.clicked.connect(lambda: self.filter_unit(None))
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)

    def _build_shortcuts(self) -> None:
        """Copy case IDs (Ctrl+C, also the context menu), search (Ctrl+F), presets (Alt+1…5)."""
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self._copy_ids)
        self.view.addAction(self.copy_action)
        self._find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self._find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._find_shortcut.activated.connect(self._focus_search)
        self._find_shortcut.setWhatsThis(self.tr("Search the queue"))
        self._preset_shortcuts = []
        for n, key in enumerate(PRESET_ORDER, start=1):
            sc = QShortcut(QKeySequence(f"Alt+{n}"), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda key=key: self.set_preset(key))
            self._preset_shortcuts.append(sc)

    def _first_sort(self) -> None:
        """The open cases sorted by time left; then the idle-time precomputation."""
        self.model.rows.set_filter(self._predicate(), {})
        self.model.rows.sort_column = COL_LEFT
        self.view.setSortingEnabled(True)  # calls sort(COL_LEFT, ascending) → rebuild
        self._update_count()
        self._start_warming()

    # ---- Pane contract

    def assigning_text(self, case_id: str) -> str | None:
        """"… assigning → unit" while a reassignment of the case is in flight, else None."""
        inflight = self._inflight
        if inflight is None or case_id not in inflight:
            return None
        target = inflight.target_of(case_id)
        return self.tr("… assigning → %1").replace("%1", safe(self.ctx.unit_name(target), 30))

    def _on_inflight(self) -> None:
        if self.model.rows:
            self.model.rows_changed(0, len(self.model.rows) - 1)

    def title(self) -> str:
        return self.tr("Case queue")

    def on_changes(self, changes: ChangeSet) -> None:
        state = self.ctx.state
        if changes.units_changed and self.names.units_renamed(changes.units_changed):
            changes_reset = True  # names are in sort keys and search blobs
        else:
            changes_reset = changes.reset
        if changes_reset:
            self.names.clear()
            self.times.clear()
            self.model.rows.clear_cache()
            self.model.clear_cells()
            self._hay.clear()
            self._rebuild()
            self._start_warming()
            return
        changed = changes.cases_changed | changes.alerts_changed
        if not (changed or changes.cases_added or changes.cases_removed):
            return
        self._throttle_repaint()
        for cid in changes.cases_removed:
            self.times.drop(cid)
        hay_pop = self._hay.pop
        for ids in (changes.cases_added, changes.cases_changed, changes.cases_removed):
            for cid in ids:
                hay_pop(cid, None)
        self.model.rows.update(state.cases, changes.cases_added, changed, changes.cases_removed)
        if not self._repaint_timer.isActive():
            self._update_count()
        # else the count is shown with the table, when the throttled repaint comes (a
        # label's new text re-lays out the tool bar: not on every feed turn)

    def on_tick(self, now: float) -> None:
        self.now = now
        n = self.model.rowCount()
        if not n:
            return
        top = self.view.rowAt(0)
        if top < 0:
            return
        bottom = self.view.rowAt(self.view.viewport().height() - 1)
        if bottom < 0:
            bottom = n - 1
        self.model.cells_changed(top, min(bottom, n - 1), COL_AGE, COL_LEFT)

    def on_selection(self, case_id: str | None) -> None:
        self._selected = case_id
        self._show_selected(scroll=True)

    # ---- Public API

    def on_scope(self, scope: Any) -> None:
        """Show only the cases in ``scope`` (a region subtree and category; see
        client.regions.Scope)."""
        self._scope = None if scope is None or scope.everything else scope
        self._apply_filter()

    def filter_unit(self, unit_id: str | None) -> None:
        """Show only the cases held by ``unit_id`` (None shows every unit)."""
        self._unit = unit_id
        if unit_id is None:
            self.unit_chip.hide()
        else:
            name = safe(self.ctx.unit_name(unit_id), 30)
            self.unit_chip.setText(self.tr("Unit: %1  ✕").replace("%1", name))
            self.unit_chip.setToolTip(self.tr("Show every unit's cases"))
            self.unit_chip.show()
        self._apply_filter()

    def set_preset(self, key: str) -> None:
        """Switch to a saved filter (``open``, ``overdue``, ``critical``, ``unassigned``, ``all``)."""
        if key not in PRESETS:
            raise ValueError(f"unknown preset {key!r}")
        idx = PRESET_ORDER.index(key)
        if self.preset_box.currentIndex() != idx:
            self.preset_box.setCurrentIndex(idx)  # → _on_preset_index
        elif key != self._preset:
            self._preset = key
            self._apply_filter()

    def set_search(self, text: str) -> None:
        """Free-text search now (the search box debounces typing)."""
        self.search_edit.blockSignals(True)
        self.search_edit.setText(text)
        self.search_edit.blockSignals(False)
        self._search = text.strip().casefold()
        self._apply_filter()

    def flush(self) -> None:
        """Repaint now if a busy feed is holding repaints back (call before ``grab()``)."""
        self._repaint_now()

    def selected_ids(self) -> list[str]:
        """Selected case ids in row order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.rows.id_at(r) for r in rows]

    def sort_by(self, column: int, descending: bool) -> None:
        """Sort by ``column`` (the header calls this); keeps the selection."""
        self._remember_selection()  # before the order changes what a row number means
        # the rows follow the State batch by batch once a full rebuild happened: a new
        # order then needs no new filtering pass
        self.model.rows.set_sort(column, descending, self.ctx.state.cases,
                                 refilter=not self._rows_synced)
        self._rows_synced = True
        self._after_reset()

    # ---- Sort keys and cells

    def sort_keys(self) -> list[Callable[[str, Case], Any]]:
        """One sort key per column (independent of the wall clock)."""
        return queue_sort_keys(self.times, self.names, self.ctx.state.stages)

    def column_titles(self) -> list[str]:
        return self._titles

    def _column_title(self, col: int) -> str:
        return self._titles[col] if col < len(self._titles) else ""

    def cell_text(self, cid: str, case: Case, col: int) -> str:
        """The display text of one cell of the queue (made anew each call)."""
        p = self
        if col == COL_STATUS:
            return status_label(case.get("status"))
        if col == COL_PRIORITY:
            return priority_label(case.get("priority"))
        if col == COL_CATEGORY:
            return safe(p.names.category_of(case), 60)
        if col == COL_REGION:
            return safe(p.names.region_of(case), 40)
        if col == COL_UNIT:
            unit = p.names.unit_of(case)
            return safe(unit, 40) if unit is not None else p.unassigned_text
        if col == COL_SOURCE:
            return source_text(case.get("source"))
        if col == COL_AGE:
            rep = p.times.get(cid, case)[0]
            return format_duration(p.now - rep) if rep is not None else "—"
        if col == COL_LEFT:
            stages = p.ctx.state.stages
            if stages is not None:  # protocol 1.1: the stage nearest its deadline
                clock = stages.nearest(case)
                return "—" if clock is None else clock_text(stages, clock, p.now)
            if case.get("status") in INACTIVE:
                return "—"  # the SLA clock stopped when the unit resolved it
            return time_left_label(p.times.get(cid, case)[1], p.now,
                                   p.ctx.state.alert_phase(cid))
        if col == COL_TITLE:
            return safe(case.get("title"), 80)
        return safe(cid, 40)

    # ---- Internals

    def _retranslate(self) -> None:
        #: what the unit column shows for a case no unit holds
        self.unassigned_text = self.tr("— unassigned")
        self._titles = [
            self.tr("Status"), self.tr("Priority"), self.tr("Category"), self.tr("Region"),
            self.tr("Unit"), self.tr("Source"), self.tr("Age"), self.tr("Time left"),
            self.tr("Title"), self.tr("ID"),
        ]
        names = {
            "open": self.tr("All open"),
            "overdue": self.tr("My overdue"),
            "critical": self.tr("Critical"),
            "unassigned": self.tr("Unassigned"),
            "all": self.tr("All (incl. closed)"),
        }
        for sc, key in zip(self._preset_shortcuts, PRESET_ORDER, strict=False):
            sc.setWhatsThis(names[key])
        self.preset_box.blockSignals(True)
        self.preset_box.clear()
        for n, key in enumerate(PRESET_ORDER, start=1):
            self.preset_box.addItem(names[key], key)
            self.preset_box.setItemData(n - 1, f"Alt+{n}", Qt.ItemDataRole.ToolTipRole)
        self.preset_box.setCurrentIndex(PRESET_ORDER.index(self._preset))
        self.preset_box.blockSignals(False)
        self.search_edit.setPlaceholderText(self.tr("Search id, title, address, unit… (Ctrl+F)"))
        self.copy_action.setText(self.tr("Copy case IDs"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, N_COLUMNS - 1)
        self.columns.retranslate()
        if self._unit is not None:
            self.filter_unit(self._unit)
        self._update_count()

    def retranslate(self) -> None:
        self.model.clear_cells()
        self._retranslate()
        self.model.rows_changed(0, max(0, self.model.rowCount() - 1))

    def repalette(self) -> None:
        self.model.refresh_colors()

    def _predicate(self) -> Callable[[str, Case], bool]:
        return queue_predicate(self._preset, self._unit, self._scope, self._search,
                               self.ctx.state.alert_phase, self._hay.get, self._make_blob,
                               self.ctx.region_index)

    # ---- Precomputed search text and sort keys

    def _start_warming(self) -> None:
        """(Re)start the idle-time precomputation after a (re)load."""
        self._warmer.start(self._warming())

    def _warming(self) -> Iterator[None]:
        # a generator: the State is read at the first step, as before
        yield from warm_steps(self.ctx.state, self._hay, self._make_blob, self.model.rows)

    @property
    def warming(self) -> bool:
        """True while search text and sort keys are still being precomputed."""
        return self._warmer.busy

    def _make_blob(self, cid: str, case: Case) -> str:
        """What free-text search looks in (cached until the case changes): id, title,
        address, category, region and unit names, case-folded (one line each, so a match
        never spans two fields)."""
        title, address = case.get("title"), case.get("address")
        blob = self._hay[cid] = "\n".join((
            cid, title if isinstance(title, str) else str(title or ""),
            address if isinstance(address, str) else str(address or ""),
            self.names.category_of(case), self.names.region_of(case), self.names.unit_of(case) or "",
        )).casefold()
        return blob

    def _apply_filter(self) -> None:
        self._remember_selection()
        self.model.rows.set_filter(self._predicate(), self.ctx.state.cases)
        self._rows_synced = True
        self._after_reset()
        self.sig_filter_changed.emit()

    def filter_predicate(self) -> Callable[[str, Case], bool]:
        """The queue's current filter as ``predicate(case_id, case)`` (the map follows it)."""
        return self._predicate()

    def filtered_ids(self) -> list[str]:
        """The ids of the cases the filter lets through (the queue's rows)."""
        return self.model.rows.ids()

    def _rebuild(self) -> None:
        self._remember_selection()
        self.model.rows.rebuild(self.ctx.state.cases)
        self._rows_synced = True
        self._after_reset()

    def _remember_selection(self) -> None:
        cur = self.view.currentIndex()
        if cur.isValid():
            self._selected = self.model.rows.id_at(cur.row())

    def _after_reset(self) -> None:
        self._show_selected(scroll=True)
        self._update_count()

    def _show_selected(self, scroll: bool) -> None:
        cid = self._selected
        row = self.model.rows.row_of(cid) if cid is not None else None
        sel = self.view.selectionModel()
        self._syncing = True
        try:
            if row is None:
                sel.clearSelection()
                sel.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
                return
            index = self.model.index(row, 0)
            sel.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            if scroll:
                self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    def _throttle_repaint(self) -> None:
        """Coalesce repaints of a busy feed: paint at most once per REPAINT_MS.

        Rows are still inserted and removed precisely at once (selection and scroll
        position follow); only the painting waits.
        """
        if REPAINT_MS > 0 and not self._repaint_timer.isActive():
            self.view.setUpdatesEnabled(False)
            self._repaint_timer.start()

    def _repaint_now(self) -> None:
        self._repaint_timer.stop()
        self.view.setUpdatesEnabled(True)
        self._update_count()

    def paintEvent(self, event: QPaintEvent) -> None:
        # A paint of the *whole* pane means it is shown anew (expose, resize) or rendered
        # by grab()/render(): with the table's updates held back it would come out blank,
        # so show it as it is now. The tell: the pane's own top margin, which no child
        # covers, is painted only then. Partial paints (a tool-bar label, or the area
        # under the table after its own update) leave the throttle alone: reacting to
        # those would repaint the table after every feed batch.
        if self._repaint_timer.isActive() and event.region().contains(QPoint(1, 1)):
            self._repaint_now()
        super().paintEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._repaint_timer.isActive():
            self._repaint_now()  # the officer is using the table: show it as it is now
        return False

    def _update_count(self) -> None:
        n = len(self.model.rows)
        total = len(self.ctx.state.cases)
        label = self.count_label
        label.setText(self.tr("%1 of %2 cases").replace("%1", f"{n:,}")
                      .replace("%2", f"{total:,}"))
        # the label only ever widens: a width that follows every count would re-lay out
        # (and repaint) the whole pane on every feed batch
        width = label.sizeHint().width()
        if width > label.minimumWidth():
            label.setMinimumWidth(width + label.fontMetrics().horizontalAdvance("0") * 2)

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        cid = self.model.rows.id_at(current.row())
        self._selected = cid
        self.sig_case_selected.emit(cid)

    def _on_preset_index(self, index: int) -> None:
        if 0 <= index < len(PRESET_ORDER):
            self._preset = PRESET_ORDER[index]
            self._apply_filter()

    def _on_search_timeout(self) -> None:
        text = self.search_edit.text().strip().casefold()
        if text != self._search:
            self._search = text
            self._apply_filter()

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _copy_ids(self) -> None:
        ids = self.selected_ids()
        if ids:
            QGuiApplication.clipboard().setText("\n".join(neutralize(i) for i in ids))
