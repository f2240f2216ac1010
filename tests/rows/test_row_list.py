"""Rows[T] (Qt-free): every announced step, replayed on a plain list, reproduces the rows;
sync is precise (no reset for small tables, neighbours batched, unchanged rows untouched)."""

from __future__ import annotations

import random
import sys

import pytest

from rows import Rows


class Replay:
    """An observer that mirrors the announced operations on its own list, checking that
    each announcement comes in Qt's before/after order with valid row numbers."""

    def __init__(self, rows: Rows) -> None:
        self.rows = rows
        self.mirror = rows.items()
        self.pending: tuple | None = None
        self.log: list[tuple] = []

    def rows_inserting(self, first: int, last: int) -> None:
        assert self.pending is None and 0 <= first <= last and first <= len(self.mirror)
        self.pending = ("ins", first, last)

    def rows_inserted(self) -> None:
        assert self.pending and self.pending[0] == "ins"
        _, first, last = self.pending
        self.mirror[first:first] = [self.rows[r] for r in range(first, last + 1)]
        self.log.append(self.pending)
        self.pending = None

    def rows_removing(self, first: int, last: int) -> None:
        assert self.pending is None and 0 <= first <= last < len(self.mirror)
        self.pending = ("rem", first, last)

    def rows_removed(self) -> None:
        assert self.pending and self.pending[0] == "rem"
        _, first, last = self.pending
        del self.mirror[first:last + 1]
        self.log.append(self.pending)
        self.pending = None

    def rows_moving(self, first: int, last: int, dest: int) -> None:
        assert self.pending is None and 0 <= first <= last < len(self.mirror)
        assert 0 <= dest <= len(self.mirror) and not first <= dest <= last + 1
        self.pending = ("mov", first, last, dest)

    def rows_moved(self) -> None:
        assert self.pending and self.pending[0] == "mov"
        _, first, last, dest = self.pending
        block = self.mirror[first:last + 1]
        del self.mirror[first:last + 1]
        at = dest if dest < first else dest - len(block)
        self.mirror[at:at] = block
        self.log.append(self.pending)
        self.pending = None

    def rows_changed(self, first: int, last: int) -> None:
        assert 0 <= first <= last < len(self.mirror)
        for r in range(first, last + 1):
            self.mirror[r] = self.rows[r]
        self.log.append(("chg", first, last))

    def resetting(self) -> None:
        self.pending = ("reset",)

    def reset_done(self) -> None:
        self.mirror = self.rows.items()
        self.log.append(("reset",))
        self.pending = None


def make(items: list) -> tuple[Rows, Replay]:
    rows: Rows = Rows(items, key=lambda r: r[0])
    rows.observer = replay = Replay(rows)
    return rows, replay


def test_rows_package_imports_no_qt() -> None:
    """The model layer runs without Qt (checked in a fresh interpreter's module table)."""
    import subprocess

    code = ("import sys, rows, rows.case_rows, rows.sorted_pairs; "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'pyqtgraph', 'widgets', 'console', 'hub')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_sync_batches_neighbours_and_leaves_unchanged_rows_alone() -> None:
    rows, replay = make([("a", 1), ("b", 1), ("c", 1), ("d", 1), ("e", 1)])
    rows.sync([("a", 1), ("x", 1), ("y", 1), ("b", 1), ("e", 2)])
    assert rows.items() == [("a", 1), ("x", 1), ("y", 1), ("b", 1), ("e", 2)]
    assert replay.mirror == rows.items()
    # c and d go in one range, x and y come in one range, only e changes
    assert replay.log == [("rem", 2, 3), ("ins", 1, 2), ("chg", 4, 4)]


def test_sync_moves_a_row_instead_of_removing_it() -> None:
    rows, replay = make([("a", 0), ("b", 0), ("c", 0)])
    rows.sync([("c", 0), ("a", 0), ("b", 0)])
    assert replay.log == [("mov", 2, 2, 0)]
    assert replay.mirror == rows.items() == [("c", 0), ("a", 0), ("b", 0)]


def test_sync_rejects_duplicate_keys_and_changes_nothing() -> None:
    rows, replay = make([("a", 0)])
    with pytest.raises(ValueError):
        rows.sync([("b", 0), ("b", 1)])
    assert rows.items() == [("a", 0)] and replay.log == []


@pytest.mark.parametrize("seed", range(40))
def test_random_syncs_replay_exactly(seed: int) -> None:
    rnd = random.Random(seed)
    keys = [f"k{i}" for i in range(30)]
    rows, replay = make([])
    for _ in range(25):
        pick = rnd.sample(keys, rnd.randint(0, len(keys)))
        new = [(k, rnd.randint(0, 2)) for k in pick]
        rows.sync(new)
        assert rows.items() == new
        assert replay.mirror == new
        assert ("reset",) not in replay.log


def test_edits_are_announced() -> None:
    rows, replay = make([("a", 0), ("b", 0), ("c", 0), ("d", 0)])
    rows.insert(0, [("z", 0)])
    rows.move(3, 4, 1)
    rows.set(0, ("z", 1))
    rows.truncate(3)
    rows.changed()
    assert replay.mirror == rows.items() == [("z", 1), ("c", 0), ("d", 0)]
    assert replay.log == [("ins", 0, 0), ("mov", 3, 4, 1), ("chg", 0, 0), ("rem", 3, 4),
                          ("chg", 0, 2)]
    with pytest.raises(IndexError):
        rows.move(0, 1, 1)
