"""Sorted ``(key, id)`` pairs with positional access, in chunks (plain Python, no Qt).

The case queue keeps up to a few hundred thousand rows sorted while the feed inserts and
removes single rows. One flat Python list costs a memmove of the whole list per insert or
delete (~15 µs at 100,000 rows, twice: keys and ids); here the pairs live in chunks of at
most ``2 * load`` entries, so an insert or delete moves at most a few thousand pointers
and then fixes the chunk offsets (one C-level ``accumulate``).

Each chunk is two parallel lists (scalar keys, string ids) ascending by ``(key, id)``, so
every search is ``bisect`` on plain scalars: first on the key, then on the id within the
run of equal keys (the same two-level search at chunk level and inside a chunk).

Threading: not thread-safe (GUI thread only, like the rows that use it).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, chain
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

DEFAULT_LOAD = 2000

#: the keys of one instance: mutually comparable scalars
K = TypeVar("K", bound="SupportsRichComparison")


class SortedPairs(Generic[K]):
    """Pairs ``(key, id)`` ascending, with O(√n)-ish insert/delete and O(log n) ``id_at``.

    Keys of one instance must be mutually comparable scalars; ids are unique strings.

    Args:
        keys, ids: initial pairs, already ascending by ``(key, id)``.
        load: target chunk length (chunks split at twice this).
    """

    def __init__(self, keys: Sequence[K] = (), ids: Sequence[str] = (),
                 load: int = DEFAULT_LOAD) -> None:
        self._load = max(4, load)
        self.reset(keys, ids)

    # ---- Whole-list operations

    def reset(self, keys: Sequence[K], ids: Sequence[str]) -> None:
        """Replace every pair (``keys``/``ids`` ascending by ``(key, id)``, same length)."""
        if len(keys) != len(ids):
            raise ValueError("keys and ids differ in length")
        n = self._load
        self._kc: list[list[K]] = [list(keys[i:i + n]) for i in range(0, len(keys), n)]
        self._ic: list[list[str]] = [list(ids[i:i + n]) for i in range(0, len(ids), n)]
        self._len = len(ids)
        self._reindex()

    def __len__(self) -> int:
        return self._len

    def ids(self) -> list[str]:
        """Every id in ascending order."""
        return list(chain.from_iterable(self._ic))

    def keys(self) -> list[K]:
        """Every key in ascending order."""
        return list(chain.from_iterable(self._kc))

    # ---- Positions

    def id_at(self, index: int) -> str:
        """The id at ascending position ``index`` (0 ≤ index < len)."""
        if index < 0 or index >= self._len:
            raise IndexError(index)
        c = bisect_right(self._off, index) - 1
        return self._ic[c][index - self._off[c]]

    def index(self, key: K, cid: str) -> int:
        """Where ``(key, cid)`` is, or would be inserted, as an ascending position."""
        if not self._kc:
            return 0
        c, i = self._locate(key, cid)
        return self._off[c] + i

    # ---- Changes

    def insert(self, key: K, cid: str) -> int:
        """Insert ``(key, cid)`` (not held yet); return its ascending position."""
        if not self._kc:
            self._kc.append([key])
            self._ic.append([cid])
            self._len = 1
            self._reindex()
            return 0
        c, i = self._locate(key, cid)
        keys, ids = self._kc[c], self._ic[c]
        keys.insert(i, key)
        ids.insert(i, cid)
        self._len += 1
        pos = self._off[c] + i
        if len(keys) > 2 * self._load:
            half = len(keys) // 2
            self._kc[c + 1:c + 1] = [keys[half:]]
            self._ic[c + 1:c + 1] = [ids[half:]]
            del keys[half:]
            del ids[half:]
            self._reindex(c)
            return pos
        if i == len(keys) - 1:  # the chunk's new last pair
            self._maxk[c] = key
            self._maxi[c] = cid
        self._reoffset()
        return pos

    def remove(self, key: K, cid: str) -> int:
        """Remove the held pair ``(key, cid)``; return the position it had.

        Raises:
            KeyError: the pair is not held.
        """
        if not self._kc:
            raise KeyError(cid)
        c, i = self._locate(key, cid)
        keys, ids = self._kc[c], self._ic[c]
        if i >= len(ids) or ids[i] != cid or keys[i] != key:
            raise KeyError(cid)
        pos = self._off[c] + i
        del keys[i]
        del ids[i]
        self._len -= 1
        if not keys:
            del self._kc[c]
            del self._ic[c]
            self._reindex(c)
            return pos
        if i == len(keys):  # it was the chunk's last pair
            self._maxk[c] = keys[-1]
            self._maxi[c] = ids[-1]
        self._reoffset()
        return pos

    # ---- Internals

    def _locate(self, key: K, cid: str) -> tuple[int, int]:
        """``(chunk, index in chunk)`` where ``(key, cid)`` is or would go (chunks exist)."""
        maxk, maxi = self._maxk, self._maxi
        # the first chunk whose last pair is >= (key, cid)
        lo = bisect_left(maxk, key)
        hi = bisect_right(maxk, key, lo)
        c = bisect_left(maxi, cid, lo, hi)
        if c == len(maxk):
            c -= 1  # after every pair: the end of the last chunk
        keys = self._kc[c]
        lo = bisect_left(keys, key)
        hi = bisect_right(keys, key, lo)
        return c, bisect_left(self._ic[c], cid, lo, hi)

    def _reoffset(self) -> None:
        """Recompute where each chunk starts (C-level; ~100 chunks at 100,000 pairs)."""
        ic = self._ic
        self._off = [0, *accumulate(map(len, ic))][:-1] if ic else [0]

    def _reindex(self, first: int = 0) -> None:
        """Recompute chunk offsets, and the last pairs of chunks ``first`` onwards."""
        kc, ic = self._kc, self._ic
        self._reoffset()
        if first == 0:
            self._maxk = [k[-1] for k in kc]
            self._maxi = [i[-1] for i in ic]
        else:
            self._maxk[first:] = [k[-1] for k in kc[first:]]
            self._maxi[first:] = [i[-1] for i in ic[first:]]

__all__ = ["SortedPairs"]
