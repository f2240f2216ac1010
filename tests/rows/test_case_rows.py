"""CaseRows (Qt-free): incremental updates equal a full rebuild, and the reported row
operations replayed on a plain list reproduce the rows exactly."""

from __future__ import annotations

import random

from rows.case_rows import CaseRows


class Replay:
    """An observer that mirrors the announced operations on its own list."""

    def __init__(self, rows: CaseRows) -> None:
        self.rows = rows
        self.mirror: list[str] = []
        self.pending: tuple[str, int] | None = None
        self.resets = 0
        self.changed: list[tuple[int, int]] = []

    def rows_inserting(self, first: int, last: int) -> None:
        assert first == last and 0 <= first <= len(self.mirror)
        self.pending = ("ins", first)

    def rows_inserted(self) -> None:
        assert self.pending and self.pending[0] == "ins"
        row = self.pending[1]
        self.mirror.insert(row, self.rows.id_at(row))
        self.pending = None

    def rows_removing(self, first: int, last: int) -> None:
        assert first == last and 0 <= first < len(self.mirror)
        assert self.mirror[first] == self.rows.id_at(first)  # still there when announced
        self.pending = ("rem", first)

    def rows_removed(self) -> None:
        assert self.pending and self.pending[0] == "rem"
        del self.mirror[self.pending[1]]
        self.pending = None

    def rows_changed(self, first: int, last: int) -> None:
        assert 0 <= first <= last < len(self.mirror)
        self.changed.append((first, last))

    def resetting(self) -> None:
        self.resets += 1

    def reset_done(self) -> None:
        self.mirror = self.rows.ids()


KINDS = ["num", "str", "str"]
KEYS = [
    lambda cid, c: c["a"],
    lambda cid, c: c["b"],  # may be None
    lambda cid, c: cid,
]


def make_cases(rng: random.Random, n: int) -> dict[str, dict]:
    return {f"C{i:05d}": {"a": rng.randint(0, 9), "b": rng.choice([None, "x", "y", "z"]),
                          "open": rng.random() < 0.8} for i in range(n)}


def test_incremental_equals_rebuild_in_both_directions() -> None:
    """Random inserts, moves, filter flips and removals keep the exact order of a rebuild."""
    rng = random.Random(3)
    for col in range(3):
        for desc in (False, True):
            cases = make_cases(rng, 300)
            rows = CaseRows(KEYS, kinds=KINDS)
            rep = Replay(rows)
            rows.observer = rep
            rows.set_filter(lambda cid, c: c["open"], cases)
            rows.set_sort(col, desc, cases)
            resets = rep.resets
            for _ in range(30):
                added, changed, removed = set(), set(), set()
                for _ in range(rng.randint(1, 20)):
                    r = rng.random()
                    if r < 0.3:
                        cid = f"N{rng.randint(0, 10**6):07d}"
                        cases[cid] = {"a": rng.randint(0, 9), "b": rng.choice([None, "y"]),
                                      "open": True}
                        added.add(cid)
                    elif r < 0.85:
                        cid = rng.choice(list(cases))
                        cases[cid] = dict(cases[cid], a=rng.randint(0, 9),
                                          open=rng.random() < 0.8)
                        if cid not in added:
                            changed.add(cid)
                    else:
                        cid = rng.choice(list(cases))
                        del cases[cid]
                        added.discard(cid)
                        changed.discard(cid)
                        removed.add(cid)
                rows.update(cases, added, changed, removed)
                fresh = CaseRows(KEYS, kinds=KINDS)
                fresh.set_filter(lambda cid, c: c["open"], cases)
                fresh.set_sort(col, desc, cases)
                assert rows.ids() == fresh.ids()
                assert rep.mirror == rows.ids()
            assert rep.resets == resets  # no reset for plain batches


def test_missing_values_sort_last_both_ways() -> None:
    cases = {"A": {"a": 1, "b": None}, "B": {"a": 1, "b": "x"}, "C": {"a": 1, "b": "y"}}
    rows = CaseRows(KEYS, kinds=KINDS)
    rows.set_sort(1, False, cases)
    assert rows.ids() == ["B", "C", "A"]
    rows.set_sort(1, True, cases)
    assert rows.ids() == ["C", "B", "A"]


def test_unchanged_key_reports_a_change_not_a_move() -> None:
    cases = {f"C{i}": {"a": i, "b": None} for i in range(10)}
    rows = CaseRows(KEYS, kinds=KINDS)
    rep = Replay(rows)
    rows.observer = rep
    rows.rebuild(cases)
    cases["C4"] = dict(cases["C4"], b="changed")  # not the sort key
    rows.update(cases, changed={"C4"})
    assert rep.changed == [(4, 4)]
    assert rep.mirror == rows.ids()


def test_switching_columns_after_updates_uses_no_stale_key(monkeypatch) -> None:
    """Keys cached for other columns (warmed, or used before) are dropped for cases that
    changed meanwhile, also when the log of changed ids is compacted."""
    import rows.case_rows as qr

    for log_cap in (10**6, 7):
        monkeypatch.setattr(qr, "MAX_STALE_LOG", log_cap)
        rng = random.Random(11)
        cases = make_cases(rng, 200)
        rows = CaseRows(KEYS, kinds=KINDS)
        rep = Replay(rows)
        rows.observer = rep
        rows.set_filter(lambda cid, c: c["open"], cases)
        for col in range(3):
            rows.warm(cases, col, False, list(cases))
            rows.warm(cases, col, True, list(cases))
        for step in range(40):
            changed = set(rng.sample(sorted(cases), 8))
            for cid in changed:
                cases[cid] = dict(cases[cid], a=rng.randint(0, 9), b=rng.choice([None, "x", "q"]))
            rows.update(cases, changed=changed)
            if step % 3 == 0:
                rows.set_sort(rng.randrange(3), rng.random() < 0.5, cases, refilter=False)
            fresh = CaseRows(KEYS, kinds=KINDS)
            fresh.set_filter(lambda cid, c: c["open"], cases)
            fresh.set_sort(rows.sort_column, rows.descending, cases)
            assert rows.ids() == fresh.ids()
            assert rep.mirror == rows.ids()
