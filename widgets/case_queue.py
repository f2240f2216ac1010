"""Case queue pane: every case in scope, sortable, filterable, searchable, live countdowns.

The rows live in a Qt-free :class:`rows.case_rows.CaseRows`; :class:`CaseQueueModel`
is a thin adapter that forwards its precise row changes to Qt (no Qt sort-filter proxy model:
sorting 100,000 rows through one takes tens of seconds). Only a snapshot load or a change
of the sort or the filter resets the model.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from client.protocol import Case
from client.state import ChangeSet
from client.timeutil import parse_time_or_none
from client.workload import INACTIVE
from rows.case_rows import CaseRows
from widgets.actions_port import InFlightView
from widgets.case_drag import MIME_CASE_IDS, encode_items
from widgets.common import (
    NEAR_COLOR,
    OVERDUE_COLOR,
    PRIORITY_RANK,
    STATUS_COLOR,
    STATUS_RANK,
    fg,
    format_duration,
    plain_label,
    priority_color,
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
    QColor,
    QComboBox,
    QEvent,
    QFont,
    QGuiApplication,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QKeySequence,
    QLineEdit,
    QMimeData,
    QModelIndex,
    QObject,
    QPaintEvent,
    QPersistentModelIndex,
    QPoint,
    QShortcut,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.queue_columns import ColumnChooser
from widgets.rows_model import RIGHT, Column, RowsTableModel
from widgets.stage_text import clock_text
from widgets.static_cells import StaticTextTable
from widgets.text import neutralize, safe

# Column order (also the keys of the sort functions below).
(COL_STATUS, COL_PRIORITY, COL_CATEGORY, COL_REGION, COL_UNIT, COL_SOURCE, COL_AGE,
 COL_LEFT, COL_TITLE, COL_ID) = range(10)
N_COLUMNS = 10
COLUMN_KINDS = ("num", "num", "str", "str", "str", "str", "num", "num", "str", "str")
#: what a 1920×1080 queue shows without scrolling, in this order (the officer can change it)
DEFAULT_ORDER = (COL_ID, COL_PRIORITY, COL_STATUS, COL_TITLE, COL_REGION, COL_UNIT, COL_LEFT,
                 COL_CATEGORY, COL_SOURCE, COL_AGE)
DEFAULT_HIDDEN = (COL_CATEGORY, COL_SOURCE, COL_AGE)

#: saved filters: key -> predicate on (case, alert phase)
PRESETS: dict[str, Callable[[Case, int], bool]] = {
    "open": lambda c, phase: c.get("status") != "closed",
    "overdue": lambda c, phase: phase == 2,
    "critical": lambda c, phase: c.get("priority") == "critical" and c.get("status") != "closed",
    "unassigned": lambda c, phase: c.get("status") in ("reported", "returned"),
    "all": lambda c, phase: True,
}
PRESET_ORDER = ("open", "overdue", "critical", "unassigned", "all")
#: a busy feed repaints the table at most this often (ms); user input repaints at once.
#: One repaint of a full-screen table costs 4-9 ms with the table's own painting
#: (widgets.static_cells; 27-47 ms through QTableView's), and the rows it shows change
#: many times a second under a 2,000 events/s feed: once a second keeps them readable.
REPAINT_MS = 1000
#: display strings are cached for at most this many cases (those shown lately)
MAX_CACHED_ROWS = 20_000
#: idle-time precomputation (search text, sort keys): cases per step, ms per turn, columns
WARM_STEP = 200
WARM_BUDGET_MS = 4.0
WARM_COLUMNS = (COL_PRIORITY, COL_STATUS, COL_UNIT, COL_AGE, COL_TITLE, COL_CATEGORY,
                COL_REGION, COL_SOURCE, COL_ID)

_DisplayRole = Qt.ItemDataRole.DisplayRole
_ToolTipRole = Qt.ItemDataRole.ToolTipRole
_ForegroundRole = Qt.ItemDataRole.ForegroundRole
_FontRole = Qt.ItemDataRole.FontRole
_AlignRole = Qt.ItemDataRole.TextAlignmentRole
_UserRole = Qt.ItemDataRole.UserRole
_ROLES_USED = frozenset(int(r) for r in (_DisplayRole, _ToolTipRole, _ForegroundRole, _FontRole,
                                         _AlignRole, _UserRole))
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DRAG_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsDragEnabled
_INPUT_EVENTS = frozenset((QEvent.Type.Wheel, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress,
                           QEvent.Type.Resize))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RIGHT_COLS = frozenset((COL_AGE, COL_LEFT))
_FONT_COLS = frozenset((COL_PRIORITY, COL_LEFT))
_FG_COLS = frozenset((COL_PRIORITY, COL_STATUS, COL_LEFT))
_NO_CELL = ("", None, False, False)


def _str_or_none(v: object) -> str | None:
    return v if isinstance(v, str) else (None if v is None else str(v))


def _time(case: Case, field: str) -> float | None:
    return parse_time_or_none(case.get(field))


class _Times:
    """``(reported_at, due_at)`` of each case, parsed again only when the strings change
    (a new version of a case is a new dict, but its times rarely move)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[object, object, float | None, float | None]] = {}

    def get(self, cid: str, case: Case) -> tuple[float | None, float | None]:
        rep_text, due_text = case.get("reported_at"), case.get("due_at")
        hit = self._cache.get(cid)
        if hit is not None and hit[0] == rep_text and hit[1] == due_text:
            return hit[2], hit[3]
        rep, due = _time(case, "reported_at"), _time(case, "due_at")
        self._cache[cid] = (rep_text, due_text, rep, due)
        return rep, due

    def drop(self, cid: str) -> None:
        self._cache.pop(cid, None)

    def clear(self) -> None:
        self._cache.clear()


class CaseQueueModel(RowsTableModel):
    """The queue's table model: the one forwarding model over :class:`CaseRows`, with the
    queue's own fast paths (display strings cached per case version, :meth:`cell` for the
    table's own painting). It reads no pane: the State, the column specs and the text of a
    cell are given to it.

    Signals:
        sig_sort_requested(int, bool): the header asked for a sort by (column, descending);
            the pane re-sorts the rows.

    Args:
        rows: the queue's rows (this model becomes their observer).
        columns: the header of each column (:class:`widgets.rows_model.Column`).
        state: gives the State whose cases are shown (``cases``, ``alert_phase``), asked
            at each use: a review swaps the State as its cursor moves.
        text: ``text(case_id, case, column)``: a cell's display text, made anew (the
            model caches it per case version, except the two time columns).
        pending: ``pending(case_id)``: what the unit column shows while a command is in
            flight (None: nothing pending).
        drag_allowed: rows can be dragged (a supervisor's queue).
        parent: the Qt parent.
    """

    sig_sort_requested = Signal(int, bool)

    def __init__(self, rows: CaseRows, columns: list[Column], state: Callable[[], Any],
                 text: Callable[[str, Case, int], str],
                 pending: Callable[[str], str | None] = lambda cid: None,
                 drag_allowed: bool = False, parent: QObject | None = None) -> None:
        super().__init__(rows, columns, parent, flags=_DRAG_FLAGS if drag_allowed else _FLAGS)
        self.rows: CaseRows = rows
        self._state = state
        self._display = text
        self._pending = pending
        self._sorted_once = False
        self._cells: dict[str, tuple[Case, list[str | None]]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.refresh_colors()

    def refresh_colors(self) -> None:
        """Recompute text colours for the current palette (call on a theme change)."""
        self._colors = {k: fg(v) for k, v in STATUS_COLOR.items()}
        self._overdue = fg(OVERDUE_COLOR)
        self._near = fg(NEAR_COLOR)
        self._prio = {k: priority_color(k) for k in PRIORITY_RANK}

    def rows_changed(self, first: int, last: int) -> None:
        # createIndex, not index(): index() checks hasIndex(), i.e. calls back into
        # rowCount() in Python twice per range; these rows exist (CaseRows just said so)
        self.dataChanged.emit(self.createIndex(first, 0), self.createIndex(last, N_COLUMNS - 1))

    # ---- QAbstractTableModel

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COLUMNS

    def case_at(self, row: int) -> tuple[str, Case | None]:
        """``(id, case)`` at ``row``."""
        cid = self.rows.id_at(row)
        return cid, self._state().cases.get(cid)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DisplayRole) -> Any:
        # The table paints through cell(); data() serves tooltips, drags, accessibility
        # and tests: the unused roles first, the display role from the per-case cache.
        if role not in _ROLES_USED:
            return None
        col = index.column()
        if role == _DisplayRole:
            row = index.row()
            if row < 0 or row >= len(self.rows):
                return None
            return self._text(self.rows.id_at(row), col)
        if (role == _AlignRole and col not in _RIGHT_COLS) or \
                (role == _FontRole and col not in _FONT_COLS) or \
                (role == _ForegroundRole and col not in _FG_COLS):
            return None
        if role == _AlignRole:
            return _RIGHT
        row = index.row()
        if row < 0 or row >= len(self.rows):
            return None
        cid, case = self.case_at(row)
        if case is None:
            return None
        if role == _ToolTipRole:
            if col == COL_TITLE:
                return neutralize(case.get("title"))
            return neutralize(self._display(cid, case, col))
        if role == _ForegroundRole:
            return self.cell(row, col)[1]
        if role == _FontRole:
            return self._bold if self.cell(row, col)[2] else None
        if role == _UserRole:
            return cid
        return None

    def cell(self, row: int, col: int) -> tuple[str, QColor | None, bool, bool]:
        """What the table paints in one cell: ``(text, colour or None, bold, right
        aligned)`` (all the table's painting asks; the same answers as :meth:`data`)."""
        if row < 0 or row >= len(self.rows):
            return _NO_CELL
        cid = self.rows.id_at(row)
        text = self._text(cid, col)
        if text is None:
            return _NO_CELL
        if col not in _FG_COLS:
            return text, None, False, col in _RIGHT_COLS
        case = self._state().cases[cid]
        if col == COL_PRIORITY:
            prio = case.get("priority")
            return text, self._prio.get(prio), prio == "critical", False
        if col == COL_STATUS:
            return text, self._colors.get(case.get("status")), False, False
        phase = self._state().alert_phase(cid)
        color = self._overdue if phase == 2 else self._near if phase == 1 else None
        return text, color, phase == 2, True

    def _text(self, cid: str, col: int) -> str | None:
        """The display text of one cell (None when the case is gone)."""
        if col == COL_UNIT:
            pending = self._pending(cid)
            if pending is not None:
                return pending
        cells = self._cells_of(cid)
        if cells is None:
            return None
        text = cells[col]
        if text is None:  # a time column: changes every second
            case = self._state().cases.get(cid)
            return None if case is None else self._display(cid, case, col)
        return text

    def _cells_of(self, cid: str) -> list[str | None] | None:
        """The display strings of a case's row (None for the two time columns), made once
        per case version: a changed case is a new dict, so the identity check invalidates."""
        case = self._state().cases.get(cid)
        if case is None:
            return None
        hit = self._cells.get(cid)
        if hit is not None and hit[0] is case:
            return hit[1]
        if len(self._cells) >= MAX_CACHED_ROWS:
            self._cells.clear()
        cells: list[str | None] = [self._display(cid, case, col) for col in range(N_COLUMNS)]
        cells[COL_AGE] = cells[COL_LEFT] = None
        self._cells[cid] = (case, cells)
        return cells

    def clear_cells(self) -> None:
        """Forget cached display strings (language, names or a snapshot changed)."""
        self._cells.clear()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        desc = order == Qt.SortOrder.DescendingOrder
        if (column, desc) == (self.rows.sort_column, self.rows.descending) and self._sorted_once:
            return  # QTableView.sortByColumn asks twice (indicator change + explicit call)
        self._sorted_once = True
        self.sig_sort_requested.emit(column, desc)

    def mimeTypes(self) -> list[str]:
        return [MIME_CASE_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        items = []
        cases = self._state().cases
        for row in rows:
            cid = self.rows.id_at(row)
            case = cases.get(cid)
            if case is not None:
                items.append({"id": cid, "version": case.get("version")})
        return encode_items(items)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


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
        self._names: dict[tuple, str] = {}
        self.times = _Times()
        self._hay: dict[str, str] = {}  # case id -> search blob (see _make_blob)
        self._syncing = False
        self._selected: str | None = None
        self._titles: list[str] = []

        self.model = CaseQueueModel(
            CaseRows(self.sort_keys(), kinds=COLUMN_KINDS),
            [Column(partial(self._column_title, col), str,
                    align=RIGHT if col in _RIGHT_COLS else None) for col in range(N_COLUMNS)],
            lambda: ctx.state, self.cell_text, self.assigning_text, self.drag_allowed, self)
        self.model.sig_sort_requested.connect(self.sort_by)
        # Supervisor commands in flight (ctx.actions: console/supervisor/actions.py), shown
        # as "… assigning → unit".
        actions = ctx.actions
        self._inflight: InFlightView | None = actions.inflight if actions is not None else None
        if actions is not None:
            actions.sig_inflight.connect(self._on_inflight)
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
        if self.drag_allowed:
            self.view.setDragEnabled(True)
            self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.preset_box = QComboBox(self)
        self.preset_box.setObjectName("case_queue_preset")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("case_queue_search")
        self.search_edit.setClearButtonEnabled(True)
        self.unit_chip = QToolButton(self)
        self.unit_chip.setObjectName("case_queue_unit_chip")
        self.unit_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.unit_chip.hide()
        self.count_label = plain_label("", self)
        self.count_label.setObjectName("case_queue_count")

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(self.preset_box)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.unit_chip)
        bar.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)

        self._repaint_timer = QTimer(self)
        self._repaint_timer.setObjectName("case_queue_repaint")
        self._repaint_timer.setSingleShot(True)
        self._repaint_timer.setInterval(REPAINT_MS)
        # the repaint waits its turn with the other panes' refreshes (widgets.pacer)
        self._repaint_timer.timeout.connect(lambda: pacer().request(self._repaint_now))
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setObjectName("case_queue_search_debounce")
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._on_search_timeout)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._on_search_timeout)
        self.preset_box.currentIndexChanged.connect(self._on_preset_index)
        self.unit_chip.clicked.connect(lambda: self.filter_unit(None))
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)

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

        self.columns = ColumnChooser(hh, self.column_titles, DEFAULT_ORDER, DEFAULT_HIDDEN,
                                     str(ctx.user_id or "default"))
        self._retranslate()
        self._rows_synced = False  # the first rebuild (the sort below) reads the State
        self._warm_work: Iterator[None] | None = None
        self._warm_timer = QTimer(self)
        self._warm_timer.setObjectName("case_queue_warm")
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(1)
        self._warm_timer.timeout.connect(self._on_warm_timer)
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
        if changes.units_changed and self._names_moved(changes.units_changed):
            changes_reset = True  # names are in sort keys and search blobs
        else:
            changes_reset = changes.reset
        if changes_reset:
            self._names.clear()
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

    # ---- Names and keys (cached: names cost a ctx call)

    def category_of(self, case: Case) -> str:
        key = ("c", case.get("category"), case.get("subcategory"))
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = str(self.ctx.category_name(
                str(case.get("category") or ""), str(case.get("subcategory") or "")))
        return name

    def region_of(self, case: Case) -> str:
        rid = case.get("region_id")
        key = ("r", rid)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = str(self.ctx.region_path(_str_or_none(rid)))
        return name

    def unit_of(self, case: Case) -> str | None:
        uid = case.get("unit_id")
        if not isinstance(uid, str):
            return None
        key = ("u", uid)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = str(self.ctx.unit_name(uid))
        return name

    def sort_keys(self) -> list[Callable[[str, Case], Any]]:
        """One sort key per column (independent of the wall clock)."""

        times = self.times.get

        def age(cid: str, c: Case) -> float | None:
            t = times(cid, c)[0]
            return -t if t is not None else None

        return [
            lambda cid, c: STATUS_RANK.get(c.get("status"), 99),  # type: ignore[arg-type]
            lambda cid, c: PRIORITY_RANK.get(c.get("priority"), 9),  # type: ignore[arg-type]
            lambda cid, c: self.category_of(c),
            lambda cid, c: self.region_of(c),
            lambda cid, c: self.unit_of(c),
            lambda cid, c: _str_or_none(c.get("source")),
            age,
            self._left_key(),
            lambda cid, c: _str_or_none(c.get("title")),
            lambda cid, c: cid,
        ]

    def _left_key(self) -> Callable[[str, Case], Any]:
        """Sort key of "time left": the due time of the nearest stage (protocol 1.1) or
        of the case (1.0)."""
        times = self.times.get
        stages = self.ctx.state.stages
        if stages is None:
            return lambda cid, c: times(cid, c)[1]

        def nearest_due(cid: str, c: Case) -> float | None:
            clock = stages.nearest(c)
            return clock.due if clock is not None else None

        return nearest_due

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
            return safe(p.category_of(case), 60)
        if col == COL_REGION:
            return safe(p.region_of(case), 40)
        if col == COL_UNIT:
            unit = p.unit_of(case)
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

    def _names_moved(self, unit_ids: set[str]) -> bool:
        """True when a cached unit name differs from the context's (a unit was renamed)."""
        for uid in unit_ids:
            cached = self._names.get(("u", uid))
            if cached is not None and cached != str(self.ctx.unit_name(uid)):
                return True
        return False

    def _predicate(self) -> Callable[[str, Case], bool]:
        preset_key = self._preset
        preset = PRESETS[preset_key]
        unit = self._unit
        text = self._search
        phase = self.ctx.state.alert_phase
        blobs = self._hay.get
        make = self._make_blob

        def hay(cid: str, case: Case) -> str:
            return blobs(cid) or make(cid, case)

        scope = self._scope
        index = self.ctx.region_index() if scope is not None else None
        if unit is None and scope is None:  # the common cases, without extra calls per row
            if not text:
                if preset_key == "open":
                    return lambda cid, case: case.get("status") != "closed"
                if preset_key == "all":
                    return lambda cid, case: True
                if preset_key == "overdue":
                    return lambda cid, case: phase(cid) == 2
            elif preset_key == "open":
                return lambda cid, case: (case.get("status") != "closed"
                                          and text in (blobs(cid) or make(cid, case)))
            elif preset_key == "all":
                return lambda cid, case: text in (blobs(cid) or make(cid, case))

        def pred(cid: str, case: Case) -> bool:
            if unit is not None and case.get("unit_id") != unit:
                return False
            if scope is not None and not scope.matches(case, index):
                return False
            if not preset(case, phase(cid) if preset_key == "overdue" else 0):
                return False
            return not text or text in hay(cid, case)

        return pred

    # ---- Precomputed search text and sort keys

    def _start_warming(self) -> None:
        """(Re)start the idle-time precomputation after a (re)load."""
        self._warm_work = self._warming()
        self._warm_timer.start()

    def _warming(self) -> Iterator[None]:
        """Build every case's search blob, then cache every column's sort keys, in steps
        of :data:`WARM_STEP` cases (a case changed meanwhile is simply redone on demand)."""
        state = self.ctx.state
        ids = list(state.cases)
        hay = self._hay
        make = self._make_blob
        for i in range(0, len(ids), WARM_STEP):
            cases = state.cases
            for cid in ids[i:i + WARM_STEP]:
                if cid not in hay:
                    case = cases.get(cid)
                    if case is not None:
                        make(cid, case)
            yield
        rows = self.model.rows
        for col in WARM_COLUMNS:
            for i in range(0, len(ids), WARM_STEP):
                rows.warm(state.cases, col, False, ids[i:i + WARM_STEP])
                yield

    def _on_warm_timer(self) -> None:
        work = self._warm_work
        if work is None:
            return
        end = time.perf_counter() + WARM_BUDGET_MS / 1000.0
        try:
            while time.perf_counter() < end:
                next(work)
        except StopIteration:
            self._warm_work = None
            return
        self._warm_timer.start()

    @property
    def warming(self) -> bool:
        """True while search text and sort keys are still being precomputed."""
        return self._warm_work is not None

    def _make_blob(self, cid: str, case: Case) -> str:
        """What free-text search looks in (cached until the case changes): id, title,
        address, category, region and unit names, case-folded (one line each, so a match
        never spans two fields)."""
        title, address = case.get("title"), case.get("address")
        blob = self._hay[cid] = "\n".join((
            cid, title if isinstance(title, str) else str(title or ""),
            address if isinstance(address, str) else str(address or ""),
            self.category_of(case), self.region_of(case), self.unit_of(case) or "",
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
