"""SortedPairs against a plain sorted list, over random inserts and removals."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rows.sorted_pairs import SortedPairs


def check(sp: SortedPairs, model: list[tuple[int, str]]) -> None:
    assert len(sp) == len(model)
    assert sp.ids() == [cid for _, cid in model]
    assert sp.keys() == [k for k, _ in model]
    for pos in range(0, len(model), max(1, len(model) // 17)):
        assert sp.id_at(pos) == model[pos][1]
        assert sp.index(*model[pos]) == pos


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 6), st.integers(0, 400)), max_size=300),
       st.integers(4, 9))
def test_random_inserts_and_removals_match_a_sorted_list(ops, load) -> None:
    """Few distinct keys (long runs of equal keys across chunks) and tiny chunks."""
    sp = SortedPairs(load=load)
    model: list[tuple[int, str]] = []
    held: dict[str, int] = {}
    for insert, key, n in ops:
        cid = f"C{n:04d}"
        if cid in held:
            if not insert:
                pos = sp.remove(held[cid], cid)
                assert model[pos] == (held[cid], cid)
                model.remove((held.pop(cid), cid))
                assert cid not in sp.ids()
            continue
        pos = sp.insert(key, cid)
        held[cid] = key
        model.append((key, cid))
        model.sort()
        assert model[pos] == (key, cid) and sp.id_at(pos) == cid
    check(sp, model)


def test_reset_from_sorted_lists_and_large_volume() -> None:
    rng = random.Random(5)
    pairs = sorted((rng.randrange(50), f"C{i:06d}") for i in range(20_000))
    sp = SortedPairs([k for k, _ in pairs], [c for _, c in pairs], load=100)
    check(sp, pairs)
    for _ in range(3_000):
        k, c = pairs.pop(rng.randrange(len(pairs)))
        assert sp.remove(k, c) >= 0
    for i in range(3_000):
        p = (rng.randrange(50), f"N{i:06d}")
        sp.insert(*p)
        pairs.append(p)
    pairs.sort()
    check(sp, pairs)


def test_errors() -> None:
    sp = SortedPairs()
    assert len(sp) == 0 and sp.ids() == [] and sp.index(1, "a") == 0
    with pytest.raises(IndexError):
        sp.id_at(0)
    with pytest.raises(KeyError):
        sp.remove(1, "a")
    sp.insert(1, "a")
    with pytest.raises(KeyError):
        sp.remove(2, "a")  # held under another key
    with pytest.raises(ValueError):
        sp.reset([1], [])
