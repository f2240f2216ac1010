"""The one Qt table model: a thin adapter over a Qt-free row list (napari-style).

:class:`RowsTableModel` is the observer of a :class:`rows.Rows` (or of the queue's
:class:`rows.case_rows.CaseRows`) and forwards each announcement to Qt's
``beginInsertRows``/``endInsertRows``, ``beginRemoveRows``…, ``beginMoveRows``… and
``dataChanged`` (the changed rows only), so views keep their selection, current row and
scroll position through every update. What each column shows is a :class:`Column`: the
header (a callable, so it follows ``tr()`` on a language change), the display text, the
sort key, the tooltip, the alignment, the colour and boldness. The model never reads the
pane that owns it: everything it shows comes from the rows and the columns.

A one-column model serves a ``QListView`` as well (it shows column 0).

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from widgets.qt import (
    QAbstractTableModel,
    QColor,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")

_DisplayRole = Qt.ItemDataRole.DisplayRole
_ToolTipRole = Qt.ItemDataRole.ToolTipRole
_AlignRole = Qt.ItemDataRole.TextAlignmentRole
_ForegroundRole = Qt.ItemDataRole.ForegroundRole
_FontRole = Qt.ItemDataRole.FontRole
_UserRole = Qt.ItemDataRole.UserRole
_BackgroundRole = Qt.ItemDataRole.BackgroundRole
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    """What one column shows of a row.

    Attributes:
        title: the header text, asked for each time (``lambda: self.tr("Unit")``).
        display: the cell's text.
        sort_key: what :meth:`RowsTableModel.sort` orders by (None: not sortable).
        tooltip: the cell's tooltip (None: no tooltip).
        align: the cell's alignment (None: the view's default).
        foreground: the text colour (None: the palette's).
        bold: True for a bold cell.
        font: the cell's font (None: the view's; overrides ``bold``).
        background: the cell's background (None: the palette's).
    """

    title: Callable[[], str]
    display: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str | None] | None = None
    align: Qt.AlignmentFlag | None = None
    foreground: Callable[[T], QColor | None] | None = None
    bold: Callable[[T], bool] | None = None
    font: Callable[[T], QFont | None] | None = None
    background: Callable[[T], QColor | None] | None = None

    def cell(self, value: T, role: int, bold_font: QFont) -> object:
        """What the cell of ``value`` answers for ``role`` (None: nothing; ``bold_font``
        when :attr:`bold` says so). ``Qt.UserRole`` is the model's, not the column's."""
        if role == _DisplayRole:
            return self.display(value)
        if role == _ToolTipRole:
            return self.tooltip(value) if self.tooltip is not None else None
        if role == _AlignRole:
            return None if self.align is None else int(self.align)
        if role == _ForegroundRole:
            return self.foreground(value) if self.foreground is not None else None
        if role == _FontRole:
            if self.font is not None:
                return self.font(value)
            return bold_font if self.bold is not None and self.bold(value) else None
        if role == _BackgroundRole:
            return self.background(value) if self.background is not None else None
        return None


def header_text(columns: Sequence[Column], section: int, orientation: Qt.Orientation,
                role: int) -> str | None:
    """The horizontal header of ``section`` (its column's title), for the display role."""
    if orientation == Qt.Orientation.Horizontal and role == _DisplayRole \
            and 0 <= section < len(columns):
        return columns[section].title()
    return None


class RowsTableModel(QAbstractTableModel):
    """Forwards a row list's announcements to Qt; cells come from :class:`Column` specs.

    Args:
        rows: a :class:`rows.Rows` (anything with ``len()``, ``rows[i]`` and an
            ``observer`` attribute); the model makes itself its observer.
        columns: what each column shows.
        parent: the Qt parent.
        user: what ``Qt.UserRole`` answers for a row (an id), if anything.
        flags: the item flags of every valid cell.
    """

    def __init__(self, rows: Any, columns: Sequence[Column], parent: QObject | None = None, *,
                 user: Callable[[Any], object] | None = None,
                 flags: Qt.ItemFlag = _FLAGS) -> None:
        super().__init__(parent)
        self.rows = rows
        self.columns = list(columns)
        self._user = user
        self._flags = flags
        self._bold = QFont()
        self._bold.setBold(True)
        rows.observer = self

    # ---- RowObserver (forwarded to Qt)

    def rows_inserting(self, first: int, last: int) -> None:
        self.beginInsertRows(QModelIndex(), first, last)

    def rows_inserted(self) -> None:
        self.endInsertRows()

    def rows_removing(self, first: int, last: int) -> None:
        self.beginRemoveRows(QModelIndex(), first, last)

    def rows_removed(self) -> None:
        self.endRemoveRows()

    def rows_moving(self, first: int, last: int, dest: int) -> None:
        self.beginMoveRows(QModelIndex(), first, last, QModelIndex(), dest)

    def rows_moved(self) -> None:
        self.endMoveRows()

    def rows_changed(self, first: int, last: int) -> None:
        # createIndex, not index(): index() calls back into rowCount() twice per range
        self.dataChanged.emit(self.createIndex(first, 0),
                              self.createIndex(last, self.columnCount() - 1))

    def resetting(self) -> None:
        self.beginResetModel()

    def reset_done(self) -> None:
        self.endResetModel()

    # ---- Announcements of the owner (nothing structural)

    def cells_changed(self, first: int, last: int, first_col: int, last_col: int) -> None:
        """Rows ``first..last`` (existing) changed in columns ``first_col..last_col``."""
        if first <= last:
            self.dataChanged.emit(self.createIndex(first, first_col),
                                  self.createIndex(last, last_col))

    def column_changed(self, col: int) -> None:
        """Every row's cell in ``col`` shows something new (a running clock)."""
        n = len(self.rows)
        if n:
            self.cells_changed(0, n - 1, col, col)

    def retranslate(self) -> None:
        """The language changed: new headers and cell texts."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        n = len(self.rows)
        if n:
            self.rows_changed(0, n - 1)

    # ---- QAbstractTableModel

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DisplayRole) -> object:
        return header_text(self.columns, section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return self._flags if index.isValid() else Qt.ItemFlag.NoItemFlags

    def row_at(self, row: int) -> Any:
        """The row object at ``row``."""
        return self.rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DisplayRole
             ) -> object:
        row, col = index.row(), index.column()
        if not index.isValid() or row >= len(self.rows) or col >= len(self.columns):
            return None
        if role == _UserRole:
            return None if self._user is None else self._user(self.rows[row])
        return self.columns[col].cell(self.rows[row], role, self._bold)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column``'s sort key (moves, so the selection stays)."""
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        self.rows.sync(sorted(self.rows, key=key,
                              reverse=order == Qt.SortOrder.DescendingOrder))


__all__ = ["RIGHT", "Column", "RowsTableModel", "header_text"]
