"""The synced picture of one post: a plain store that snapshots and events rewrite.

:class:`Store` holds post, regions, units, cases, calls and whistles exactly as the hub
sent them (orjson dicts kept as-is, never copied or mutated) and applies the protocol's
data rules:

* a case in an event is the whole case; it replaces the held copy only when its
  ``version`` is newer (a stale version is ignored);
* a case whose ``region_id`` is outside the post's subtree of the region tree is dropped
  (and remembered by version, so a stale in-scope copy cannot bring it back);
* ``call.ended`` removes the call (the snapshot lists active calls only); whistles are
  kept, updated by ``whistle.updated``;
* unknown event types and unknown fields are ignored.

The Store trusts its input: every snapshot and event is decoded and validated by
``client.protocol`` where it enters the client (the feed, the REST client, the cache), so
there are no shape checks here.

:meth:`Store.apply` returns a :class:`Change` describing what moved so that the derived
views in ``client.state`` can be kept incrementally.

Threading: not thread-safe; each thread that needs a picture owns its own Store (the
Feed thread keeps one to write shift-start snapshots; the consumer's State keeps
another). They share the immutable case dicts, so two stores cost little more than one.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, NamedTuple

from client.protocol import (
    AnySnapshot,
    Call,
    Case,
    Event,
    HeldSnapshot,
    Post,
    Region,
    Unit,
    Whistle,
)
from client.timeutil import parse_time_or_none

log = logging.getLogger(__name__)

CASE_FIELDS = (
    "id", "version", "title", "description", "category", "subcategory", "priority",
    "source", "status", "unit_id", "region_id", "address", "lat", "lon",
    "reported_at", "due_at", "updated_at", "closed_at",
)  # fmt: skip


class Change(NamedTuple):
    """What one event changed.

    ``kind`` is ``case``, ``urge``, ``unit``, ``call`` or ``whistle``; ``old``/``new`` are
    the held objects before/after (None when absent). For ``urge``, ``old`` is None and
    ``new`` is the event's data (a ``CaseUrgedData``).
    """

    kind: str
    key: str
    old: Mapping[str, Any] | None
    new: Mapping[str, Any] | None


class Store:
    """Post, regions, units, cases, calls and whistles, rewritten by snapshots and events.

    Attributes:
        seq: the last event (or snapshot) seq applied.
        server_time: the snapshot's ``server_time`` or the last event's ``ts``.
        post: the post object (``id``, ``name``, ``region_id``, ``level``) or None.
        regions, units, cases, calls, whistles: dicts by id of the hub's objects.
        subtree: region ids in the post's jurisdiction.
    """

    def __init__(self) -> None:
        self.seq = 0
        self.server_time: str | None = None
        self.post: Post | None = None
        self.regions: dict[str, Region] = {}
        self.units: dict[str, Unit] = {}
        self.cases: dict[str, Case] = {}
        self.calls: dict[str, Call] = {}
        self.whistles: dict[str, Whistle] = {}
        self.subtree: set[str] = set()
        self._dropped: dict[str, int] = {}  # case id -> version when it left the subtree

    # ---- Snapshot

    def load_snapshot(self, snap: AnySnapshot) -> None:
        """Replace everything with a ``GET /snapshot`` answer (or a cached one; validated)."""
        self.seq = snap["seq"]
        self.server_time = snap.get("server_time")
        self.post = snap.get("post")
        self.regions = {r["id"]: r for r in snap.get("regions", ())}
        self.subtree = compute_subtree(self.regions, self.post)
        self.units = {u["id"]: u for u in snap.get("units", ())}
        self.calls = {c["id"]: c for c in snap.get("calls", ())}
        self.whistles = {w["id"]: w for w in snap.get("whistles", ())}
        self._dropped = {}
        in_scope = self.in_scope
        self.cases = {c["id"]: c for c in snap.get("cases", ()) if in_scope(c["region_id"])}

    def to_snapshot(self, server_time: str | None = None) -> HeldSnapshot:
        """A snapshot dict of the held state (same shape as ``GET /snapshot``)."""
        return {
            "seq": self.seq,
            "server_time": server_time or self.server_time,
            "post": self.post,
            "regions": list(self.regions.values()),
            "units": list(self.units.values()),
            "cases": list(self.cases.values()),
            "calls": list(self.calls.values()),
            "whistles": list(self.whistles.values()),
        }

    def copy(self) -> Store:
        """An independent copy (the hub's dicts inside are shared: they are never mutated)."""
        n = Store.__new__(Store)
        n.seq = self.seq
        n.server_time = self.server_time
        n.post = self.post
        n.regions = self.regions.copy()
        n.units = self.units.copy()
        n.cases = self.cases.copy()
        n.calls = self.calls.copy()
        n.whistles = self.whistles.copy()
        n.subtree = self.subtree.copy()
        n._dropped = self._dropped.copy()
        return n

    def in_scope(self, region_id: str) -> bool:
        """True when ``region_id`` is in the post's subtree (everything, if regions unknown)."""
        return region_id in self.subtree or not self.subtree

    # ---- Events

    def apply(self, ev: Event) -> Change | None:
        """Apply one sequenced (validated) event; return what changed, or None if nothing did."""
        self.seq = ev["seq"]
        ts = ev.get("ts")  # always there in a validated event; hand-made ones may lack it
        if ts is not None:
            self.server_time = ts
        typ = ev["type"]
        data = ev["data"]
        if typ == "case.created" or typ == "case.updated":
            return self._case(data["case"])
        if typ == "case.urged":
            cid = data["case_id"]
            if cid not in self.cases:
                return None
            return Change("urge", cid, None, data)
        if typ == "unit.updated":
            unit = data["unit"]
            old = self.units.get(unit["id"])
            self.units[unit["id"]] = unit
            return Change("unit", unit["id"], old, unit)
        if typ == "call.started" or typ == "call.ended":
            call = data["call"]
            old_call = self.calls.get(call["id"])
            if typ == "call.ended" or call.get("ended_at"):
                if old_call is None:
                    return None
                del self.calls[call["id"]]
                return Change("call", call["id"], old_call, None)
            self.calls[call["id"]] = call
            return Change("call", call["id"], old_call, call)
        if typ == "whistle.started" or typ == "whistle.updated":
            w = data["whistle"]
            old_w = self.whistles.get(w["id"])
            self.whistles[w["id"]] = w
            return Change("whistle", w["id"], old_w, w)
        return None  # unknown type: ignored (forward compatibility)

    def _case(self, case: Case) -> Change | None:
        cid = case["id"]
        old = self.cases.get(cid)
        version = case["version"]
        if old is not None:
            if version <= old["version"]:
                return None
        elif version <= self._dropped.get(cid, 0):
            return None
        if not self.in_scope(case["region_id"]):
            self._dropped[cid] = version
            if old is None:
                return None
            del self.cases[cid]
            return Change("case", cid, old, None)
        self._dropped.pop(cid, None)
        self.cases[cid] = case
        return Change("case", cid, old, case)

    # ---- Housekeeping

    def prune(self, now: float, keep_closed_s: float = 24 * 3600.0) -> list[str]:
        """Forget cases closed more than ``keep_closed_s`` ago (as a fresh snapshot would).

        Return:
            The ids of the removed cases.
        """
        gone = []
        for cid, c in self.cases.items():
            if c.get("status") == "closed":
                closed = parse_time_or_none(c.get("closed_at"))
                if closed is not None and closed < now - keep_closed_s:
                    gone.append(cid)
        for cid in gone:
            del self.cases[cid]
        return gone


def compute_subtree(regions: Mapping[str, Region], post: Post | None) -> set[str]:
    """The ids of the post's region and every region below it.

    An empty set means "unknown" (no post region or no region list): nothing is filtered.
    """
    root = post.get("region_id") if isinstance(post, dict) else None
    if not isinstance(root, str) or not regions:
        return set()
    children: dict[str, list[str]] = {}
    for rid, r in regions.items():
        parent = r.get("parent_id")
        if isinstance(parent, str):
            children.setdefault(parent, []).append(rid)
    out = {root}
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in out:
                out.add(child)
                stack.append(child)
    return out
