"""``Rows[T]``: a plain list of rows that announces every change precisely (no Qt).

A pane keeps its rows here and edits them with :meth:`Rows.insert`, :meth:`Rows.remove`,
:meth:`Rows.set`, :meth:`Rows.move` or, most often, :meth:`Rows.sync` (give the rows as
they should now be; the list works out the inserts, removals, moves and changes by each
row's key, batching neighbouring rows into one range). The observer (a Qt model, see
``widgets/rows_model.py``) forwards each announcement to Qt, so a view keeps its selection,
current row and scroll position through every update; only :meth:`Rows.reset` (a new
filter over thousands of rows, a reload) resets.

Threading: not thread-safe; one thread (the GUI's) owns a list.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar

from rows.observer import NullObserver, RowObserver, ranges

T = TypeVar("T")

#: :meth:`Rows.sync` over more rows than this (old + new) resets instead of diffing (the
#: diff looks rows up linearly when they moved: fine for hundreds of rows, not for 10⁵)
SYNC_LIMIT = 5_000


def _identity(item: object) -> Hashable:
    return item


class Rows(Generic[T]):
    """The rows of one table, in order, each identified by ``key(row)``.

    Args:
        items: the first rows.
        key: a row's identity (a case id, a unit id); rows with equal keys are "the same
            row" for :meth:`sync` (default: the row itself).
        observer: receives the changes (a Qt model sets itself here).

    Attributes:
        observer: where the changes go.
    """

    def __init__(self, items: Iterable[T] = (), key: Callable[[T], Hashable] | None = None,
                 observer: RowObserver | None = None) -> None:
        self._items: list[T] = list(items)
        self._key: Callable[[T], Hashable] = key or _identity
        self.observer: RowObserver = observer or NullObserver()

    # ---- Read access

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, row: int) -> T:
        return self._items[row]

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def items(self) -> list[T]:
        """A copy of the rows, in order."""
        return list(self._items)

    def key_of(self, item: T) -> Hashable:
        return self._key(item)

    def row_of(self, key: Hashable) -> int | None:
        """The row whose key is ``key`` (None when absent); linear."""
        keyf = self._key
        for row, item in enumerate(self._items):
            if keyf(item) == key:
                return row
        return None

    # ---- Edits (each announced)

    def insert(self, row: int, items: Sequence[T]) -> None:
        """Insert ``items`` before ``row`` (one range)."""
        if not items:
            return
        row = max(0, min(row, len(self._items)))
        self.observer.rows_inserting(row, row + len(items) - 1)
        self._items[row:row] = list(items)
        self.observer.rows_inserted()

    def append(self, items: Sequence[T]) -> None:
        self.insert(len(self._items), items)

    def remove(self, first: int, last: int | None = None) -> None:
        """Remove rows ``first..last`` (inclusive; ``last`` defaults to ``first``)."""
        last = first if last is None else last
        if not 0 <= first <= last < len(self._items):
            raise IndexError(f"rows {first}..{last} of {len(self._items)}")
        self.observer.rows_removing(first, last)
        del self._items[first:last + 1]
        self.observer.rows_removed()

    def truncate(self, n: int) -> None:
        """Keep only the first ``n`` rows."""
        if len(self._items) > n:
            self.remove(n, len(self._items) - 1)

    def set(self, row: int, item: T) -> None:
        """Replace the row at ``row`` (announced as changed)."""
        self._items[row] = item
        self.observer.rows_changed(row, row)

    def changed(self, first: int = 0, last: int | None = None) -> None:
        """Announce that rows ``first..last`` show something new (a clock, a language)
        without a change of the rows themselves (``last`` defaults to the last row)."""
        last = len(self._items) - 1 if last is None else min(last, len(self._items) - 1)
        if 0 <= first <= last:
            self.observer.rows_changed(first, last)

    def move(self, first: int, last: int, dest: int) -> None:
        """Move rows ``first..last`` before row ``dest`` (numbered before the move)."""
        n = len(self._items)
        if not (0 <= first <= last < n and 0 <= dest <= n) or first <= dest <= last + 1:
            raise IndexError(f"cannot move rows {first}..{last} before {dest} of {n}")
        self.observer.rows_moving(first, last, dest)
        block = self._items[first:last + 1]
        del self._items[first:last + 1]
        at = dest if dest < first else dest - len(block)
        self._items[at:at] = block
        self.observer.rows_moved()

    def reset(self, items: Iterable[T]) -> None:
        """Replace every row at once (announced as a reset: views lose their selection)."""
        self.observer.resetting()
        self._items = list(items)
        self.observer.reset_done()

    def sync(self, items: Iterable[T]) -> None:
        """Make the rows equal ``items`` with precise steps (matched by key).

        Rows whose key is gone are removed (neighbours in one range), rows that moved are
        moved, new rows inserted (neighbours in one range), and rows whose value changed
        in place are announced as changed ranges at the end. Beyond :data:`SYNC_LIMIT`
        rows this resets instead.

        Raises:
            ValueError: two of ``items`` have the same key.
        """
        new = list(items)
        keyf = self._key
        new_keys = [keyf(x) for x in new]
        wanted = set(new_keys)
        if len(wanted) != len(new_keys):
            raise ValueError("rows with duplicate keys")
        if len(self._items) + len(new) > SYNC_LIMIT:
            self.reset(new)
            return
        old = self._items
        keys = [keyf(x) for x in old]
        gone = [i for i, k in enumerate(keys) if k not in wanted]
        for first, last in reversed(ranges(gone)):
            self.remove(first, last)
            del keys[first:last + 1]
        present = set(keys)
        changed: list[int] = []
        i = 0
        while i < len(new):
            k = new_keys[i]
            if i < len(keys) and keys[i] == k:
                if old[i] != new[i]:
                    old[i] = new[i]
                    changed.append(i)
                i += 1
                continue
            if k in present:  # further down: bring it up here
                j = keys.index(k, i + 1)
                self.move(j, j, i)
                keys.insert(i, keys.pop(j))
                continue  # compared (and maybe marked changed) on the next turn
            end = i + 1  # a run of new rows goes in as one range
            while end < len(new) and new_keys[end] not in present:
                end += 1
            self.insert(i, new[i:end])
            keys[i:i] = new_keys[i:end]
            i = end
        for first, last in ranges(changed):
            self.observer.rows_changed(first, last)


__all__ = ["SYNC_LIMIT", "Rows"]
