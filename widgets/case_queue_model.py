"""The case queue's table model: the one forwarding model over the queue's rows, with the
queue's own fast paths, and the source of the queue's case drags.

:class:`CaseQueueModel` forwards :class:`rows.case_rows.CaseRows`' precise row changes to
Qt, caches each case's display strings per case version, answers the table's own
painting (:meth:`CaseQueueModel.cell`, ``widgets.static_cells``) and gives dragged rows as
case ids and versions (``widgets.case_drag``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from client.protocol import Case
from rows.case_rows import CaseRows
from widgets.case_drag import MIME_CASE_IDS, encode_items
from widgets.case_queue_columns import (
    COL_AGE,
    COL_LEFT,
    COL_PRIORITY,
    COL_STATUS,
    COL_TITLE,
    COL_UNIT,
    N_COLUMNS,
    RIGHT_COLS,
)
from widgets.common import (
    NEAR_COLOR,
    OVERDUE_COLOR,
    PRIORITY_RANK,
    STATUS_COLOR,
    fg,
    priority_color,
)
from widgets.qt import (
    QColor,
    QFont,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from widgets.rows_model import Column, RowsTableModel
from widgets.text import neutralize

#: display strings are cached for at most this many cases (those shown lately)
MAX_CACHED_ROWS = 20_000

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
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FONT_COLS = frozenset((COL_PRIORITY, COL_LEFT))
_FG_COLS = frozenset((COL_PRIORITY, COL_STATUS, COL_LEFT))
_NO_CELL = ("", None, False, False)


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
        if (role == _AlignRole and col not in RIGHT_COLS) or \
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
            return text, None, False, col in RIGHT_COLS
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
