"""RowsTreeModel: after any sequence of syncs (rows added, removed, moved, their children
grown or shrunk) the tree Qt sees equals the rows, and a persistent index on a surviving
child still points at that child."""

from __future__ import annotations

import random

from rows import Rows
from widgets.qt import QModelIndex, QPersistentModelIndex
from widgets.rows_model import Column
from widgets.rows_tree_model import RowsTreeModel


def tree_of(model: RowsTreeModel) -> list[tuple[str, list[str]]]:
    out = []
    for r in range(model.rowCount()):
        top = model.index(r, 0)
        assert model.parent(top) == QModelIndex()
        kids = [model.index(k, 1, top) for k in range(model.rowCount(top))]
        assert all(model.parent(k) == top for k in kids)
        out.append((top.data(), [k.data() for k in kids]))
    return out


def test_the_tree_follows_every_sync(qapp) -> None:
    rng = random.Random(7)
    rows: Rows[tuple[str, tuple[str, ...]]] = Rows(key=lambda r: r[0])
    model = RowsTreeModel(rows, [Column(lambda: "top", lambda r: r[0]),
                                 Column(lambda: "n", lambda r: str(len(r[1])))],
                          [Column(lambda: "top", lambda c: c),
                           Column(lambda: "n", lambda c: c.upper())], lambda r: r[1])
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    for _ in range(200):
        keys = rng.sample([f"w{i}" for i in range(12)], rng.randint(0, 8))
        new = [(k, tuple(f"{k}-u{j}" for j in range(rng.randint(0, 4)))) for k in keys]
        # a persistent index on a child that survives this step
        keep = next(((k, j) for k, kids in rows for j in range(len(kids))
                     if any(n[0] == k and len(n[1]) > j for n in new)), None)
        pin = None
        if keep is not None:
            top = model.index(rows.row_of(keep[0]), 0)
            model.rowCount(top)  # as an expanded view would have asked
            pin = QPersistentModelIndex(model.index(keep[1], 1, top))
        rows.sync(new)
        assert tree_of(model) == [(k, [c.upper() for c in kids]) for k, kids in new]
        if pin is not None:
            assert pin.isValid() and pin.data() == f"{keep[0]}-u{keep[1]}".upper()
    assert resets == []
