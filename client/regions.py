"""The jurisdiction as a tree (prefecture → county → town → village → grid), with live
open / overdue / near-due counts per node and the short "town · grid" names.

:class:`RegionIndex` answers questions about the regions of a State (ancestors, children,
whether a region lies under another, the short display path). :class:`RegionCounts` keeps
each node's counts incrementally from the State's change sets: a case adds one to every
node from its region up to the root, so the cost of a change is the tree's depth, not the
number of cases. Its totals equal a count over the State (``tests/client/test_regions.py``
checks exactly that).

Qt-free; not thread-safe (use it where the State lives).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from client.protocol import Case, Region
from client.state import ChangeSet, State
from client.workload import INACTIVE

LEVELS = ("prefecture", "county", "town", "village", "grid")
LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}


class RegionIndex:
    """Parent/child links of a post's regions (rebuild with :meth:`reload` after a reset).

    Args:
        regions: region id → ``{"id", "name", "level", "parent_id"}``.
    """

    def __init__(self, regions: Mapping[str, Region] | None = None) -> None:
        self.regions: Mapping[str, Region] = {}
        self.children: dict[str | None, list[str]] = {}
        self._chains: dict[str, tuple[str, ...]] = {}
        self.reload(regions or {})

    def reload(self, regions: Mapping[str, Region]) -> None:
        """Index ``regions`` anew."""
        self.regions = regions
        self._chains = {}
        children: dict[str | None, list[str]] = {}
        for rid, region in regions.items():
            parent = region.get("parent_id") if isinstance(region, dict) else None
            if not isinstance(parent, str) or parent not in regions or parent == rid:
                parent = None
            children.setdefault(parent, []).append(rid)
        for ids in children.values():
            ids.sort(key=lambda r: (LEVEL_RANK.get(self.level(r), 9), str(r)))
        self.children = children

    def roots(self) -> list[str]:
        """Regions without a known parent (the post's own region, usually one)."""
        return list(self.children.get(None, []))

    def level(self, rid: str) -> str:
        region = self.regions.get(rid)
        level = region.get("level") if isinstance(region, dict) else None
        return level if isinstance(level, str) else ""

    def name(self, rid: str | None) -> str:
        region = self.regions.get(rid) if rid else None
        name = region.get("name") if isinstance(region, dict) else None
        return str(name) if name else str(rid or "")

    def chain(self, rid: str | None) -> tuple[str, ...]:
        """``rid`` and its ancestors, nearest first (empty for an unknown region)."""
        if not isinstance(rid, str) or rid not in self.regions:
            return ()
        hit = self._chains.get(rid)
        if hit is not None:
            return hit
        out: list[str] = []
        seen: set[str] = set()
        cur: str | None = rid
        while isinstance(cur, str) and cur in self.regions and cur not in seen:
            out.append(cur)
            seen.add(cur)
            parent = self.regions[cur].get("parent_id")
            cur = parent if isinstance(parent, str) else None
        chain = tuple(out)
        self._chains[rid] = chain
        return chain

    def within(self, rid: str | None, ancestor: str | None) -> bool:
        """Whether region ``rid`` is ``ancestor`` or lies under it (True for no ancestor)."""
        return ancestor is None or ancestor in self.chain(rid)

    def short_path(self, rid: str | None, sep: str = " · ") -> str:
        """``town · grid`` (or ``town · village`` …): the town and the finest region named;
        the region's own name when it is a town or above."""
        chain = self.chain(rid)
        if not chain:
            return str(rid or "")
        town = next((r for r in chain if self.level(r) == "town"), None)
        if town is None or town == chain[0]:
            return self.name(chain[0])
        return f"{self.name(town)}{sep}{self.name(chain[0])}"


@dataclass
class Counts:
    """Cases of one node's subtree: open, overdue (of the open), near due (of the open)."""

    open: int = 0
    overdue: int = 0
    near_due: int = 0

    def as_tuple(self) -> tuple[int, int, int]:
        return (self.open, self.overdue, self.near_due)


class RegionCounts:
    """Live open / overdue / near-due counts per region node.

    Attributes:
        index: the RegionIndex the counts are kept on.
        counts: region id → Counts (every node with at least one case ever counted).
    """

    def __init__(self, state: State) -> None:
        self.state = state
        self.index = RegionIndex()
        self.counts: dict[str, Counts] = {}
        self._contrib: dict[str, tuple[tuple[str, ...], int]] = {}
        self.reload()

    def reload(self) -> None:
        """Count every case of the State anew (after a snapshot)."""
        self.index.reload(self.state.regions)
        self.counts = {}
        self._contrib = {}
        self._update(self.state.cases.keys())

    def apply(self, changes: ChangeSet) -> set[str]:
        """Follow one change set; return the region ids whose counts changed."""
        if changes.reset:
            self.reload()
            return set(self.counts)
        ids = (changes.cases_added | changes.cases_changed | changes.cases_removed
               | changes.alerts_changed)
        if not ids:
            return set()
        return self._update(ids)

    def of(self, rid: str) -> Counts:
        """The counts of ``rid``'s subtree (zeros when it has no case)."""
        return self.counts.get(rid) or Counts()

    def total(self) -> Counts:
        """The counts over every root (the whole post)."""
        out = Counts()
        for rid in self.index.roots():
            c = self.of(rid)
            out.open += c.open
            out.overdue += c.overdue
            out.near_due += c.near_due
        return out

    def _update(self, ids: Iterable[str]) -> set[str]:
        touched: set[str] = set()
        cases = self.state.cases
        phase_of = self.state.alert_phase
        chain_of = self.index.chain
        contrib = self._contrib
        for cid in ids:
            case = cases.get(cid)
            if case is None or case.get("status") == "closed":
                new = None
            else:
                chain = chain_of(case.get("region_id"))
                new = ((chain, phase_of(cid) if case.get("status") not in INACTIVE else 0)
                       if chain else None)
            old = contrib.get(cid)
            if new == old:
                continue  # most updates move neither the region nor the phase
            if old is not None:
                self._add(old[0], old[1], -1)
                touched.update(old[0])
            if new is None:
                contrib.pop(cid, None)
            else:
                contrib[cid] = new
                self._add(new[0], new[1], 1)
                touched.update(new[0])
        return touched

    def _add(self, chain: tuple[str, ...], phase: int, sign: int) -> None:
        counts = self.counts
        for rid in chain:
            c = counts.get(rid)
            if c is None:
                c = counts[rid] = Counts()
            c.open += sign
            if phase == 2:
                c.overdue += sign
            elif phase == 1:
                c.near_due += sign


def count_directly(state: State, rid: str, index: RegionIndex) -> tuple[int, int, int]:
    """``(open, overdue, near_due)`` of ``rid``'s subtree counted over every case (the
    slow, obvious way; for checks)."""
    o = over = near = 0
    for cid, case in state.cases.items():
        if case.get("status") == "closed" or rid not in index.chain(case.get("region_id")):
            continue
        o += 1
        phase = state.alert_phase(cid) if case.get("status") not in INACTIVE else 0
        over += phase == 2
        near += phase == 1
    return (o, over, near)


@dataclass(frozen=True)
class Scope:
    """What the officer narrowed the console to: a region subtree and a category.

    Attributes:
        region_id: the chosen node (None: the whole post).
        category / subcategory: the chosen category name and subcategory (name or code;
            None: every one).
    """

    region_id: str | None = None
    category: str | None = None
    subcategory: str | None = None

    @property
    def everything(self) -> bool:
        """Whether nothing is narrowed."""
        return self.region_id is None and self.category is None

    def matches(self, case: Case, index: RegionIndex) -> bool:
        """Whether ``case`` lies in the scope."""
        if self.category is not None:
            if case.get("category") != self.category:
                return False
            if self.subcategory is not None and case.get("subcategory") != self.subcategory:
                return False
        return self.region_id is None or self.region_id in index.chain(case.get("region_id"))

    def holds_unit(self, unit: Mapping[str, object], index: RegionIndex) -> bool:
        """Whether a unit's region lies in the scope's region (categories ignored)."""
        region_id = unit.get("region_id")  # a str in every validated unit
        return self.region_id is None or self.region_id in index.chain(
            region_id if isinstance(region_id, str) else None)


EVERYTHING = Scope()
