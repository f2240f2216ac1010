"""The shift handover report (交接班报告): its figures, computed from one cached shift.

No Qt here: :func:`build_report` returns a :class:`HandoverReport` of plain numbers and
lists; ``console.review.report`` draws it as a PDF and :func:`write_csv` writes its cases.

Definitions (what the printed report means):

* **cases of the shift**: every case open (status not ``closed``) in the snapshot the shift
  started from, plus every case that any event of the shift is about, plus every case
  that a snapshot of the shift shows closed with ``closed_at`` inside the shift (the cache
  may start mid-shift, or reload a snapshot after a 410, and then never sees those close
  events); each as it was at the end of the shift (the last event read) — cases that left
  the post's jurisdiction are not counted;
* **by status / category / unit**: those cases by their status, category and holding unit
  at the end (``None``: no unit holds it);
* **reported**: ``case.created`` events of the shift; **closed**: distinct cases with a
  ``close`` action in the shift (on a 1.1 hub also a ``callback`` that closed the case or
  a ``merge``), or shown closed by a snapshot with ``closed_at`` in the shift (those are
  listed in ``closed_from_snapshot``: the cache holds no close event for them);
  **closure rate** = closed / cases of the shift;
  **on time**: of the closed ones, those whose ``closed_at`` is not after ``due_at``
  (a case without ``due_at`` counts as on time); **on-time rate** = on time / closed;
* **overdue at handover**: cases still being handled (status not ``resolved``/``closed``)
  whose ``due_at`` is at or before the report time (``as_of``: the shift's end, or the
  last event when the shift is still running), with the unit holding them;
* **open critical**: cases of priority ``critical`` not ``closed``;
* **urges / whistles / calls**: the ``case.urged``, ``whistle.started`` and
  ``call.started`` events of the shift (whistles and calls as last updated in it);
* **closed loop** (protocol 1.1, empty with a 1.0 hub): the shift's ``callback`` and
  ``rework`` updates (callbacks: each with the citizen's satisfaction and solved flag;
  reworks: the callbacks that sent the case back), its ``merge`` updates (duplicate →
  original), its decisions (``approve``/``deny`` of a return or extension request), and
  the requests still pending at the end (cases of the shift with ``pending`` set), oldest
  first; **late signs**: ``accept`` updates after the case's ``sign_due``.

Threading: plain functions over a read-only :class:`client.review.ShiftReview`.
"""

from __future__ import annotations

import csv
import os
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from client.protocol import Case
from client.review import ShiftReview
from client.stages import pending_at
from client.store import CASE_FIELDS
from client.timeutil import parse_time_or_none

STATUS_ORDER = ("reported", "dispatched", "accepted", "resolved", "returned", "closed")
ACTIVE_STOP = ("resolved", "closed")


@dataclass
class HandoverReport:
    """Figures of one shift's handover report (see the module docstring for definitions).

    Attributes:
        label, post_id, post_name, zone_name: which shift of which post.
        start, end, as_of: the shift's bounds and the report time (epoch seconds).
        events, first_seq, last_seq: the events the report is made from.
        problem: why the file could not be read whole (English), or "".
        cases: the cases of the shift as at the end, by id.
        by_status, by_category, by_unit: counts (lists of ``(key, count)``, largest first;
            ``by_status`` in lifecycle order).
        reported, closed, closed_on_time: counts; closure_rate, on_time_rate: shares or None.
        overdue: overdue cases at handover, most overdue first.
        open_critical: critical cases not closed.
        urges: ``{"at", "case_id", "unit_id", "actor", "note"}`` for each urge.
        whistles, calls: as last updated in the shift.
        hourly: ``(hour_start, reported, closed, events)`` for each hour of the shift.
        urges_by_case: urge counts per case.
        unit_names, region_names, sub_names: display names from the shift's data.
        closed_from_snapshot: ids of the cases closed during the shift that are known closed
            from a snapshot only (no close event in the cache), sorted.
    """

    label: str
    post_id: str
    post_name: str
    zone_name: str
    start: float
    end: float
    as_of: float
    events: int
    first_seq: int | None
    last_seq: int | None
    problem: str
    cases: dict[str, Case]
    by_status: list[tuple[str, int]]
    by_category: list[tuple[str, int]]
    by_unit: list[tuple[str | None, int]]
    reported: int
    closed: int
    closed_on_time: int
    overdue: list[Case]
    open_critical: list[Case]
    urges: list[dict[str, Any]]
    whistles: list[dict[str, Any]]
    calls: list[dict[str, Any]]
    hourly: list[tuple[float, int, int, int]]
    urges_by_case: dict[str, int] = field(default_factory=dict)
    unit_names: dict[str, str] = field(default_factory=dict)
    region_names: dict[str, str] = field(default_factory=dict)
    sub_names: dict[tuple[str, str], str] = field(default_factory=dict)
    closed_from_snapshot: list[str] = field(default_factory=list)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    merges: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    pending: list[Case] = field(default_factory=list)
    late_signs: int = 0

    @property
    def reworks(self) -> list[dict[str, Any]]:
        """The callbacks that sent their case back to the unit (重办)."""
        return [c for c in self.callbacks if c.get("action") == "rework"]

    @property
    def closure_rate(self) -> float | None:
        """closed / cases of the shift (None when there are none)."""
        return self.closed / len(self.cases) if self.cases else None

    @property
    def on_time_rate(self) -> float | None:
        """closed on time / closed (None when none closed)."""
        return self.closed_on_time / self.closed if self.closed else None

    def unit_name(self, unit_id: str | None) -> str:
        """A unit's name from the shift's data (the id when unknown)."""
        if not unit_id:
            return ""
        return self.unit_names.get(unit_id, unit_id)


def build_report(review: ShiftReview, *, as_of: float | None = None,
                 clock: Callable[[], float] = time.time) -> HandoverReport:
    """Compute the handover report of one shift.

    Args:
        review: the opened shift.
        as_of: the report time; default: the shift's end, or (shift still running) the
            later of the last event and now, never after the end.
    """
    last = review.last_time
    if as_of is None:
        as_of = min(review.end, max(last, clock()))
    as_of = max(as_of, last)
    end_state = review.state_at(review.n_steps - 1, as_of)
    snap0 = review.snapshot(0)
    open_at_start = {c["id"] for c in snap0.get("cases") or ()
                     if isinstance(c, dict) and isinstance(c.get("id"), str)
                     and c.get("status") != "closed"}
    touched: set[str] = set()
    reported = 0
    closed_ids: set[str] = set()
    urges: list[dict[str, Any]] = []
    whistles: dict[str, dict[str, Any]] = {}
    calls: dict[str, dict[str, Any]] = {}
    hours = max(1, int((review.end - review.start + 3599) // 3600))
    hourly = [[review.start + h * 3600, 0, 0, 0] for h in range(hours)]
    callbacks: list[dict[str, Any]] = []
    merges: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    late_signs = 0
    held: dict[str, dict[str, Any]] = {c["id"]: c for c in snap0.get("cases") or ()
                             if isinstance(c, dict) and isinstance(c.get("id"), str)}

    def hour(t: float) -> list[float] | None:
        h = int((t - review.start) // 3600)
        return hourly[h] if 0 <= h < hours else None

    for t, ev in review.iter_events():
        typ = ev.get("type")
        payload = ev.get("data")
        data: Mapping[str, Any] = payload if isinstance(payload, dict) else {}
        row = hour(t)
        if row is not None:
            row[3] += 1
        if typ in ("case.created", "case.updated"):
            case = data.get("case")
            if not isinstance(case, dict) or not isinstance(case.get("id"), str):
                continue
            touched.add(case["id"])
            if typ == "case.created":
                reported += 1
                if row is not None:
                    row[1] += 1
            elif data.get("action") == "close":
                closed_ids.add(case["id"])
                if row is not None:
                    row[2] += 1
            action = data.get("action")
            before = held.get(case["id"]) or {}
            held[case["id"]] = case
            if action in ("callback", "rework"):
                if action == "callback" and case.get("status") == "closed":
                    closed_ids.add(case["id"])
                    if row is not None:
                        row[2] += 1
                callbacks.append({"at": t, "case_id": case["id"], "action": action,
                                  "unit_id": before.get("unit_id") or case.get("unit_id"),
                                  "satisfaction": case.get("satisfaction"),
                                  "solved": case.get("solved"), "actor": data.get("actor"),
                                  "note": data.get("note")})
            elif action == "merge":
                closed_ids.add(case["id"])
                if row is not None:
                    row[2] += 1
                merges.append({"at": t, "case_id": case["id"], "into": case.get("merged_into"),
                               "actor": data.get("actor"), "note": data.get("note")})
            elif action in ("approve", "deny"):
                p = _pending if isinstance(_pending := before.get("pending"), dict) else {}
                decisions.append({"at": t, "case_id": case["id"], "approve": action == "approve",
                                  "kind": p.get("kind"), "unit_id": p.get("by"),
                                  "reason": p.get("reason"), "actor": data.get("actor"),
                                  "note": data.get("note")})
            elif action == "accept":
                sign_due = parse_time_or_none(before.get("sign_due"))
                if sign_due is not None and t > sign_due:
                    late_signs += 1
        elif typ == "case.urged":
            cid = data.get("case_id")
            if isinstance(cid, str):
                touched.add(cid)
                urges.append({"at": t, "case_id": cid, "unit_id": data.get("unit_id"),
                              "actor": data.get("actor"), "note": data.get("note")})
        elif typ in ("whistle.started", "whistle.updated"):
            w = data.get("whistle")
            if isinstance(w, dict) and isinstance(w.get("id"), str):
                if typ == "whistle.started" or w["id"] in whistles:
                    whistles[w["id"]] = w
        elif typ in ("call.started", "call.ended"):
            c = data.get("call")
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                if typ == "call.started" or c["id"] in calls:
                    calls[c["id"]] = c
    # Cases a snapshot of the shift shows closed during it (the cache began mid-shift or
    # reloaded a snapshot): they belong to the shift although no close event was seen.
    snapshot_closed: dict[str, float] = {}
    for epoch in range(review.n_snapshots):
        for c in review.snapshot(epoch).get("cases") or ():
            if c.get("status") == "closed":
                closed_t = parse_time_or_none(c.get("closed_at"))
                if closed_t is not None and review.start <= closed_t <= as_of:
                    snapshot_closed[c["id"]] = closed_t
    from_snapshot = set(snapshot_closed) - closed_ids
    for cid in from_snapshot:
        row = hour(snapshot_closed[cid])
        if row is not None:
            row[2] += 1
    closed_ids |= from_snapshot
    cases = {cid: c for cid, c in end_state.cases.items()
             if cid in touched or cid in open_at_start or cid in snapshot_closed}
    status: Counter[str] = Counter(c.get("status") for c in cases.values())
    by_status = [(s, status.pop(s, 0)) for s in STATUS_ORDER]
    by_status += sorted(((str(k), v) for k, v in status.items()), key=lambda kv: -kv[1])
    by_category = sorted(Counter(str(c.get("category") or "") for c in cases.values()).items(),
                         key=lambda kv: (-kv[1], kv[0]))
    units = Counter(_unit_id if isinstance(_unit_id := c.get("unit_id"), str) else None
                    for c in cases.values())
    by_unit = sorted(units.items(), key=lambda kv: (-kv[1], kv[0] or ""))
    closed = [cases[cid] for cid in closed_ids if cid in cases]
    on_time = 0
    for c in closed:
        closed_at, due = parse_time_or_none(c.get("closed_at")), parse_time_or_none(c.get("due_at"))
        if due is None or closed_at is None or closed_at <= due:
            on_time += 1
    overdue = []
    for c in cases.values():
        due = parse_time_or_none(c.get("due_at"))
        if c.get("status") not in ACTIVE_STOP and due is not None and due <= as_of:
            overdue.append(c)
    overdue.sort(key=lambda c: (parse_time_or_none(c.get("due_at")) or 0.0, c["id"]))
    critical = sorted((c for c in cases.values()
                       if c.get("priority") == "critical" and c.get("status") != "closed"),
                      key=lambda c: (str(c.get("reported_at")), c["id"]))
    post: Mapping[str, Any] = end_state.post or {}
    sub_names: dict[tuple[str, str], str] = {}
    cats = review.meta.get("categories")
    for cat in cats if isinstance(cats, list) else ():
        if isinstance(cat, dict):
            for sub in cat.get("subcategories") or ():
                if isinstance(sub, dict) and sub.get("code"):
                    sub_names[(str(cat.get("name")), str(sub["code"]))] = str(sub.get("name"))
    problem = review.problem.describe() if review.problem is not None else ""
    pending = sorted((c for c in cases.values() if isinstance(c.get("pending"), dict)
                      and c.get("status") != "closed"),
                     key=lambda c: (pending_at(c), c["id"]))
    return HandoverReport(
        label=review.label, post_id=str(post.get("id") or ""),
        post_name=str(post.get("name") or ""), zone_name=review.zone_name,
        start=review.start, end=review.end, as_of=as_of, events=review.n_events,
        first_seq=review.step_seq(1) if review.n_steps > 1 else None,
        last_seq=review.step_seq(review.n_steps - 1), problem=problem,
        cases=dict(sorted(cases.items())), by_status=by_status, by_category=by_category,
        by_unit=by_unit, reported=reported, closed=len(closed), closed_on_time=on_time,
        overdue=overdue, open_critical=critical, urges=urges,
        whistles=list(whistles.values()), calls=list(calls.values()),
        hourly=[(h[0], int(h[1]), int(h[2]), int(h[3])) for h in hourly],
        urges_by_case=dict(Counter(u["case_id"] for u in urges)),
        unit_names={uid: str(u.get("name") or uid) for uid, u in end_state.units.items()},
        region_names={rid: str(r.get("name") or rid) for rid, r in end_state.regions.items()},
        sub_names=sub_names,
        closed_from_snapshot=sorted(cid for cid in from_snapshot if cid in cases),
        callbacks=callbacks, merges=merges, decisions=decisions,
        pending=pending, late_signs=late_signs,
    )


# ---- CSV

CSV_EXTRA = ("unit_name", "overdue_at_handover", "urges_in_shift", "closed_from_snapshot")
TEXT_FIELDS = frozenset(("title", "description", "address", "unit_name"))
_TEXT_FIELDS = TEXT_FIELDS


def csv_cell(value: object, text: bool) -> str:
    """A CSV cell: control characters out; hub text that looks like a formula defused."""
    if value is None:
        return ""
    s = str(value)
    # control characters out (one case per line); formula-looking hub text defused
    s = "".join(" " if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 else ch for ch in s)
    if text and s[:1] in ("=", "+", "-", "@"):
        s = "'" + s
    return s


def write_csv(report: HandoverReport, path: str | os.PathLike[str]) -> int:
    """Write the shift's cases as CSV (UTF-8 with BOM, for spreadsheets); return the row count.

    Columns: the protocol's case fields, then ``unit_name``, ``overdue_at_handover``
    (1/0), ``urges_in_shift`` and ``closed_from_snapshot`` (1: closed during the shift,
    known from a snapshot only — the cache holds no close event for it).
    """
    overdue = {c["id"] for c in report.overdue}
    from_snapshot = set(report.closed_from_snapshot)
    n = 0
    with open(Path(path), "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow((*CASE_FIELDS, *CSV_EXTRA))
        for cid, c in report.cases.items():
            row = [csv_cell(c.get(f), f in _TEXT_FIELDS) for f in CASE_FIELDS]
            row += [csv_cell(report.unit_name(c.get("unit_id")), True),
                    "1" if cid in overdue else "0", str(report.urges_by_case.get(cid, 0)),
                    "1" if cid in from_snapshot else "0"]
            w.writerow(row)
            n += 1
    return n


_cell = csv_cell  # the name its tests know
