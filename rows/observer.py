"""What a row list tells its observer (a Qt model forwards it to Qt's begin/end calls).

Every structural step is announced before and after it happens, in the order Qt's item
models need (``rows_inserting`` → the change → ``rows_inserted``); content changes are
announced afterwards as ranges of rows. Row numbers are those of the moment of the call.
"""

from __future__ import annotations

from typing import Protocol


class RowObserver(Protocol):
    """Receives the row changes of a row list (:class:`rows.Rows`, :class:`rows.CaseRows`)."""

    def rows_inserting(self, first: int, last: int) -> None: ...
    def rows_inserted(self) -> None: ...
    def rows_removing(self, first: int, last: int) -> None: ...
    def rows_removed(self) -> None: ...
    def rows_moving(self, first: int, last: int, dest: int) -> None:
        """Rows ``first..last`` go before row ``dest`` (numbered before the move, as Qt's
        ``beginMoveRows``: ``dest`` is outside ``first..last + 1``)."""
    def rows_moved(self) -> None: ...
    def rows_changed(self, first: int, last: int) -> None: ...
    def resetting(self) -> None: ...
    def reset_done(self) -> None: ...


class NullObserver:
    """An observer that ignores everything (for headless use and tests)."""

    def rows_inserting(self, first: int, last: int) -> None:
        pass

    def rows_inserted(self) -> None:
        pass

    def rows_removing(self, first: int, last: int) -> None:
        pass

    def rows_removed(self) -> None:
        pass

    def rows_moving(self, first: int, last: int, dest: int) -> None:
        pass

    def rows_moved(self) -> None:
        pass

    def rows_changed(self, first: int, last: int) -> None:
        pass

    def resetting(self) -> None:
        pass

    def reset_done(self) -> None:
        pass


def ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Contiguous ``(first, last)`` runs of sorted, unique row numbers."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r <= out[-1][1] + 1:
            if r > out[-1][1]:
                out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


__all__ = ["NullObserver", "RowObserver", "ranges"]
