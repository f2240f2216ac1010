"""The case queue's rows in plain Python: sorted, filtered, kept incrementally (no Qt).

:class:`CaseRows` holds the ids of the cases that pass a filter, sorted by one column's
scalar key (ties broken by id), as two parallel Python lists (keys, ids) kept in ascending
``(key, id)`` order (keys cached per case and column); a descending sort only reverses
the row numbering. A batch of changes is applied row by row (``bisect`` to find where a row goes or is), and every structural step is
announced to an observer *before and after* it happens, in the order Qt's item models
need (``beginInsertRows``/``endInsertRows``…). Rows whose content changed but whose
position did not are announced as changed ranges at the end.

A full rebuild (announced as a reset) happens only on :meth:`CaseRows.rebuild`, i.e. on a
snapshot load, when the sort or the filter itself changes, or when one batch adds a large
share of the rows (a catch-up: one reset beats thousands of single-row inserts): sorting 100,000 ids with
cached keys takes a few tens of ms, far below what a proxy model needs (tens of seconds).

Sort keys must not depend on the wall clock (the countdown column sorts by ``due_at``),
so rows never move merely because time passes; a filter that depends on time (overdue)
is re-evaluated for the ids the State reports in ``ChangeSet.alerts_changed``.

Threading: not thread-safe; GUI thread only (like the State it reads).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from client.protocol import Case
from rows.observer import NullObserver, RowObserver
from rows.observer import ranges as _ranges
from rows.sorted_pairs import SortedPairs

#: a column's sort key: a number or a text; None when the value is missing (sorts last)
SortKey = float | str | None
KeyFunc = Callable[[str, Case], SortKey]
Predicate = Callable[[str, Case], bool]

#: above this many changed ranges one batch announces one spanning range instead
MAX_CHANGED_RANGES = 64
#: a batch adding at least this many rows (and more than ``reset_fraction`` of them) resets
MIN_RESET_ROWS = 500
#: the log of ids whose keys went stale in the other columns' caches is compacted (those
#: caches dropped) beyond this many entries
MAX_STALE_LOG = 200_000


#: what a missing value becomes, by column kind and direction, so that it sorts last in
#: both directions (rows of a descending sort are the ascending list read backwards)
_MISSING: dict[tuple[str, bool], float | str] = {
    ("num", False): float("inf"), ("num", True): float("-inf"),
    ("str", False): "\U0010ffff" * 4, ("str", True): "",
}


def _norm(value: SortKey, kind: str, descending: bool) -> float | str:
    """A scalar key (scalars compare far faster than nested tuples when sorting)."""
    return _MISSING[kind, descending] if value is None else value


class CaseRows:
    """Sorted, filtered case ids with precise change reports.

    Sort keys are computed once per case and column and cached (``(column, descending)`` →
    ``{case id: key}``); :meth:`update` drops a case's cached keys when the case changes,
    so re-sorting by a column already used is C-level work only
    (``list.sort(key=cache.__getitem__)``). A key that depends on something other than
    the case itself (a unit's name) needs :meth:`clear_cache` (or ``refresh_keys``) when
    that changes.

    Args:
        keys: one sort-key function per column, ``key(case_id, case) -> value`` (values of
            one column must be mutually comparable; None means "missing").
        observer: receives the row changes.
        kinds: per column ``"num"`` (ints/floats) or ``"str"``; tells how a missing value is
            placed (default: all ``"num"``).
        reset_fraction: a batch adding more than this fraction of the shown rows (and at
            least :data:`MIN_RESET_ROWS`) is applied as one rebuild (a reset) instead of
            row by row.

    Attributes:
        sort_column, descending: the current order.
    """

    def __init__(self, keys: Sequence[KeyFunc], observer: RowObserver | None = None,
                 kinds: Sequence[str] | None = None, reset_fraction: float = 0.1) -> None:
        self._keyfuncs = list(keys)
        self._kinds = list(kinds) if kinds is not None else ["num"] * len(self._keyfuncs)
        self.observer: RowObserver = observer or NullObserver()
        self.sort_column = 0
        self.descending = False
        self.reset_fraction = reset_fraction
        self._predicate: Predicate = lambda cid, case: True
        # the shown ids ascending by (key, id) (chunked: a row insert is cheap at any
        # size), their set, and the sort-key caches (every shown id has its key in the
        # current column's); the other columns' caches are cleaned lazily, when they are
        # next used, from a log of the ids changed since (``_stale``, with each cache's
        # position in it), so a change costs one append, not a pop per column
        self._pairs: SortedPairs[float | str] = SortedPairs()
        self._shown: set[str] = set()
        self._cache: dict[tuple[int, bool], dict[str, float | str]] = {}
        self._stale: list[str] = []
        self._clean_upto: dict[tuple[int, bool], int] = {}

    # ---- Read access

    def __len__(self) -> int:
        return len(self._pairs)

    def __contains__(self, cid: object) -> bool:
        return cid in self._shown

    def id_at(self, row: int) -> str:
        """The case id shown at ``row``."""
        if self.descending:
            row = len(self._pairs) - 1 - row
        return self._pairs.id_at(row)

    def row_of(self, cid: str) -> int | None:
        """The row of ``cid`` (None when filtered out)."""
        if cid not in self._shown:
            return None
        return self._row(self._pairs.index(self._column_cache()[cid], cid))

    def ids(self) -> list[str]:
        """Every shown id in row order."""
        ids = self._pairs.ids()
        if self.descending:
            ids.reverse()
        return ids

    # ---- Configuration (each one rebuilds)

    def set_sort(self, column: int, descending: bool, cases: Mapping[str, Case],
                 refilter: bool = True) -> None:
        """Sort by ``column``; rebuilds (announced as a reset).

        ``refilter=False`` keeps the shown ids instead of testing every case again (only
        when the rows are known to be in sync with ``cases`` through :meth:`update`).
        """
        self.sort_column = column
        self.descending = descending
        self.rebuild(cases, refilter=refilter)

    def set_filter(self, predicate: Predicate, cases: Mapping[str, Case]) -> None:
        """Show only the cases for which ``predicate(id, case)``; rebuilds."""
        self._predicate = predicate
        self.rebuild(cases)

    def rebuild(self, cases: Mapping[str, Case], refilter: bool = True) -> None:
        """Recompute every row from ``cases`` (announced as a reset).

        ``refilter=False`` keeps the shown ids (only the order changes: a new sort).
        """
        self.observer.resetting()
        if refilter:
            pred = self._predicate
            ids = [cid for cid, case in cases.items() if pred(cid, case)]
            shown = set(ids)
        else:
            # in the cases' own order (arrival order, nearly id order: the id sort below
            # is then close to linear, where the previous column's order would not be)
            shown = self._shown
            ids = [cid for cid in cases if cid in shown]
            if len(ids) != len(shown):  # not in sync after all: keep what is shown
                ids = self._pairs.ids()
        cache = self._column_cache()
        # sort by id, then (stably) by the scalar key: the (key, id) order; both sorts are
        # C level (ids arrive nearly in id order, so the first is close to linear)
        ids.sort()
        try:
            ids.sort(key=cache.__getitem__)
        except KeyError:  # keys not cached yet (a first sort by this column)
            keyf = self._keyfuncs[self.sort_column]
            missing = _MISSING[self._kinds[self.sort_column], self.descending]
            for cid in [cid for cid in ids if cid not in cache]:
                k = keyf(cid, cases[cid])
                cache[cid] = missing if k is None else k
            ids.sort()
            ids.sort(key=cache.__getitem__)
        self._pairs.reset(list(map(cache.__getitem__, ids)), ids)
        self._shown = shown
        self.observer.reset_done()

    def clear_cache(self) -> None:
        """Forget every cached sort key (names changed, or a snapshot replaced the cases)."""
        self._cache.clear()
        self._clean_upto.clear()
        self._stale.clear()

    def warm(self, cases: Mapping[str, Case], column: int, descending: bool,
             ids: Sequence[str]) -> None:
        """Compute (cache) the sort keys of ``ids`` for a column not sorted by yet, so that
        a later sort by it is C-level work only (idle-time precomputation)."""
        if (column, descending) == (self.sort_column, self.descending):
            return  # the current column's cache is kept by rebuild/update
        cache = self._cache_for((column, descending))
        keyf = self._keyfuncs[column]
        missing = _MISSING[self._kinds[column], descending]
        for cid in ids:
            if cid not in cache:
                case = cases.get(cid)
                if case is not None:
                    k = keyf(cid, case)
                    cache[cid] = missing if k is None else k

    # ---- Incremental updates

    def update(
        self,
        cases: Mapping[str, Case],
        added: Iterable[str] = (),
        changed: Iterable[str] = (),
        removed: Iterable[str] = (),
    ) -> None:
        """Apply one batch: ids that appeared, changed (or may now pass/fail the filter), left."""
        added = list(added)
        changed = list(changed)
        removed = list(removed)
        stale = self._stale
        if len(stale) > MAX_STALE_LOG:
            self._column_cache()  # compacts the log (before logging this batch)
        stale += added
        stale += changed
        stale += removed
        if len(added) >= MIN_RESET_ROWS and len(added) > self.reset_fraction * len(self._pairs):
            self.rebuild(cases)  # one reset instead of thousands of single-row inserts
            return
        obs = self.observer
        shown = self._shown
        # the current column's keys of these cases are replaced below (the old key is
        # still needed to find a shown row); it counts as clean for the logged ids
        cache = self._cache.setdefault((self.sort_column, self.descending), {})
        self._clean_upto[self.sort_column, self.descending] = len(stale)
        for cid in removed:
            if cid in shown:
                self._remove(cid)
        for cid in removed:
            cache.pop(cid, None)
        touched: list[str] = []
        pred = self._predicate
        keyf = self._keyfuncs[self.sort_column]
        kind = self._kinds[self.sort_column]
        desc = self.descending
        for ids in (added, changed):
            for cid in ids:
                case = cases.get(cid)
                was_shown = cid in shown
                if case is None or not pred(cid, case):
                    if was_shown:
                        self._remove(cid)
                    cache.pop(cid, None)
                    continue
                new = _norm(keyf(cid, case), kind, desc)
                if was_shown:
                    if cache[cid] == new:
                        touched.append(cid)
                        continue
                    self._remove(cid)
                cache[cid] = new
                self._insert(cid, new)
        if touched:
            rows = sorted(r for r in map(self.row_of, touched) if r is not None)
            ranges = _ranges(rows)
            if len(ranges) > MAX_CHANGED_RANGES:
                ranges = [(rows[0], rows[-1])]
            for first, last in ranges:
                obs.rows_changed(first, last)

    def refresh_keys(self, cases: Mapping[str, Case], ids: Iterable[str]) -> None:
        """Re-key ``ids`` whose sort key may have changed without a case change (names)."""
        self.update(cases, changed=ids)

    # ---- Internals

    def _column_cache(self) -> dict[str, float | str]:
        return self._cache_for((self.sort_column, self.descending))

    def _cache_for(self, which: tuple[int, bool]) -> dict[str, float | str]:
        """The key cache of ``(column, descending)``, cleaned of keys gone stale."""
        stale = self._stale
        if len(stale) > MAX_STALE_LOG:  # compact: keep only the current column's cache
            current = (self.sort_column, self.descending)
            self._forget_stale(current)
            self._cache = {current: self._cache.get(current, {})}
            self._clean_upto = {current: 0}
            stale.clear()
        cache = self._cache.get(which)
        if cache is None:
            cache = self._cache[which] = {}
            self._clean_upto[which] = len(stale)
            return cache
        self._forget_stale(which)
        return cache

    def _forget_stale(self, which: tuple[int, bool]) -> None:
        upto = self._clean_upto.get(which, 0)
        stale = self._stale
        if upto < len(stale):
            cache = self._cache.get(which)
            if cache is not None:
                pop = cache.pop
                for cid in stale[upto:]:
                    pop(cid, None)
            self._clean_upto[which] = len(stale)

    def _row(self, index: int) -> int:
        return len(self._pairs) - 1 - index if self.descending else index

    def _remove(self, cid: str) -> None:
        """Take out a shown row (its key still in the current column's cache)."""
        key = self._cache[self.sort_column, self.descending][cid]
        row = self._row(self._pairs.index(key, cid))
        self.observer.rows_removing(row, row)
        self._pairs.remove(key, cid)
        self._shown.discard(cid)
        self.observer.rows_removed()

    def _insert(self, cid: str, key: float | str) -> None:
        """Show a row (``key`` already stored in the current column's cache)."""
        index = self._pairs.index(key, cid)
        # the row it will have once inserted
        row = (len(self._pairs) - index) if self.descending else index
        self.observer.rows_inserting(row, row)
        self._pairs.insert(key, cid)
        self._shown.add(cid)
        self.observer.rows_inserted()


__all__ = ["CaseRows", "NullObserver", "RowObserver"]
