"""A two-level tree model over a Qt-free row list: top rows from a :class:`rows.Rows`,
each with a short list of child rows (a whistle and its summoned units).

:class:`RowsTreeModel` is the observer of the top rows, like
:class:`widgets.rows_model.RowsTableModel`, and forwards every announcement to Qt
(``beginInsertRows``…, ``beginMoveRows``…, ``dataChanged``), so a ``QTreeView`` keeps its
current row, selection and each row's expanded state through every update. Children come
from ``children(row)``; when a changed top row has more or fewer children than before,
the difference is announced as child rows inserted or removed at the end. Cells come from
:class:`widgets.rows_model.Column` specs, one list for the top rows and one for the
children. The model never reads the pane that owns it.

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from widgets.qt import QFont, QModelIndex, QObject, QPersistentModelIndex, Qt, QtCore
from widgets.rows_model import Column, header_text

_DisplayRole = Qt.ItemDataRole.DisplayRole
_UserRole = Qt.ItemDataRole.UserRole
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TOP = 0  # the internal id of a top row's index (a child's is its parent's number, ≥ 1)


class RowsTreeModel(QtCore.QAbstractItemModel):
    """Top rows from a :class:`rows.Rows`, each with ``children(row)`` below it.

    Args:
        rows: the top rows (the model makes itself their observer).
        columns: what each column shows of a top row.
        child_columns: what each column shows of a child (as many as ``columns``).
        children: a top row's children, in order.
        parent: the Qt parent.
        user: what ``Qt.UserRole`` answers for a top row and for its children (an id).
    """

    def __init__(self, rows: Any, columns: Sequence[Column], child_columns: Sequence[Column],
                 children: Callable[[Any], Sequence[Any]], parent: QObject | None = None, *,
                 user: Callable[[Any], Any] | None = None) -> None:
        super().__init__(parent)
        if len(child_columns) != len(columns):
            raise ValueError("a child needs a spec for every column")
        self.rows = rows
        self.columns = list(columns)
        self.child_columns = list(child_columns)
        self._children = children
        self._user = user
        self._bold = QFont()
        self._bold.setBold(True)
        self._numbers: dict[Hashable, int] = {}  # top key → its children's internal id
        self._keys: dict[int, Hashable] = {}
        self._counts: dict[Hashable, int] = {}  # children announced per top key
        self._gone: list[Hashable] = []
        rows.observer = self

    # ---- RowObserver (forwarded to Qt)

    def rows_inserting(self, first: int, last: int) -> None:
        self.beginInsertRows(QModelIndex(), first, last)

    def rows_inserted(self) -> None:
        self.endInsertRows()

    def rows_removing(self, first: int, last: int) -> None:
        self._gone = [self.rows.key_of(self.rows[r]) for r in range(first, last + 1)]
        self.beginRemoveRows(QModelIndex(), first, last)

    def rows_removed(self) -> None:
        self.endRemoveRows()
        for key in self._gone:
            self._counts.pop(key, None)
            number = self._numbers.pop(key, None)
            if number is not None:
                self._keys.pop(number, None)
        self._gone = []

    def rows_moving(self, first: int, last: int, dest: int) -> None:
        self.beginMoveRows(QModelIndex(), first, last, QModelIndex(), dest)

    def rows_moved(self) -> None:
        self.endMoveRows()

    def rows_changed(self, first: int, last: int) -> None:
        ncols = self.columnCount()
        for row in range(first, last + 1):
            item = self.rows[row]
            key = self.rows.key_of(item)
            new = len(self._children(item))
            old = self._counts.get(key)
            parent = self.createIndex(row, 0, _TOP)
            if old is not None and new < old:
                self.beginRemoveRows(parent, new, old - 1)
                self._counts[key] = new
                self.endRemoveRows()
            elif old is not None and new > old:
                self.beginInsertRows(parent, old, new - 1)
                self._counts[key] = new
                self.endInsertRows()
            if new and old:
                number = self._number(key)
                self.dataChanged.emit(self.createIndex(0, 0, number),
                                      self.createIndex(min(new, old) - 1, ncols - 1, number))
        self.dataChanged.emit(self.createIndex(first, 0, _TOP),
                              self.createIndex(last, ncols - 1, _TOP))

    def resetting(self) -> None:
        self.beginResetModel()

    def reset_done(self) -> None:
        self._numbers.clear()
        self._keys.clear()
        self._counts.clear()
        self.endResetModel()

    def retranslate(self) -> None:
        """The language changed: new headers and cell texts."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        if len(self.rows):
            self.rows_changed(0, len(self.rows) - 1)

    # ---- Where an index points

    def _number(self, key: Hashable) -> int:
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = len(self._keys) + 1
            while number in self._keys:
                number += 1
                self._numbers[key] = number
            self._keys[number] = key
        return number

    def _top_row(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        """The top row a child index hangs under (None: gone)."""
        key = self._keys.get(index.internalId())
        return None if key is None else self.rows.row_of(key)

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        """The top row of ``index`` (a top row's own, or a child's parent's); None if none."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _TOP else self._top_row(index)
        return None if row is None or row >= len(self.rows) else self.rows[row]

    # ---- QAbstractItemModel

    def index(self, row: int, column: int,  # noqa: D102
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        item = self.rows[parent.row()]
        return self.createIndex(row, column, self._number(self.rows.key_of(item)))

    def parent(self, index: QModelIndex | QPersistentModelIndex  # type: ignore[override]
               = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        row = self._top_row(index)
        return QModelIndex() if row is None else self.createIndex(row, 0, _TOP)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self.rows)
        if parent.internalId() != _TOP or parent.column() != 0 or parent.row() >= len(self.rows):
            return 0
        item = self.rows[parent.row()]
        key = self.rows.key_of(item)
        count = self._counts.get(key)
        if count is None:
            count = self._counts[key] = len(self._children(item))
        return count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DisplayRole) -> object:
        return header_text(self.columns, section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DisplayRole
             ) -> object:
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        top = self.row_at(index)
        if top is None:
            return None
        if index.internalId() == _TOP:
            spec, value = self.columns[index.column()], top
        else:
            kids = self._children(top)
            if index.row() >= len(kids):
                return None
            spec, value = self.child_columns[index.column()], kids[index.row()]
        if role == _UserRole:
            return None if self._user is None else self._user(top)
        return spec.cell(value, role, self._bold)


__all__ = ["RowsTreeModel"]
