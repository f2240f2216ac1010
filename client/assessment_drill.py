"""Drill from an assessment figure to the cases behind it (protocol 1.1 counting rules).

The hub's ``GET /assessment`` answers counts only. To show *which* cases made a figure,
the console reads the post's events of the period (``GET /events``, located by a binary
search on ``seq`` for the period's start: events are numbered in commit order, so their
``ts`` grow with ``seq``) and sorts each event into the protocol's counts:

* ``dispatched`` — ``dispatch``/``reassign`` to the unit; ``signed`` / ``signed_on_time``
  — its ``accept`` (on time: at or before ``sign_due``); ``resolved`` /
  ``resolved_on_time`` — its ``resolve`` (on time: at or before ``due_at``);
* ``callbacks`` and their results (``solved``, ``satisfied``, ``basically_satisfied``,
  ``dissatisfied``, ``unreachable``), ``reworks`` — ``callback``/``rework``, for the unit
  that resolved the case; ``returns_requested`` — its ``request_return``;
  ``returns_approved`` / ``extensions`` — an ``approve`` of its return / extension;
* ``urges`` — ``case.urged`` naming it; ``whistle_summons`` / ``whistle_checked_in`` —
  whistles started that summon it / its check-ins before the deadline.

:func:`drill` returns, per count, the case ids in event order (a case may appear more than
once when it was, e.g., dispatched twice). ``open_overdue`` is a state of open cases at
the period's end and comes from the console's picture, not from events.

Threading: pure functions plus :func:`events_between`, which calls the hub (run it off
the GUI thread).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from client.api import EventList
from client.errors import GoneError
from client.protocol import Event
from client.timeutil import parse_time_or_none

PAGE = 5000
DEFAULT_MAX_EVENTS = 200_000


class EventSource(Protocol):
    """What :func:`events_between` reads: ``GET /events`` (``client.api.HubClient``)."""

    def events(self, since: int, limit: int = ...) -> EventList: ...


@dataclass
class EventsRead:
    """The events of a period as far as they could be read.

    Attributes:
        events: events with ``from <= ts < to``, in seq order.
        complete: False when the hub no longer keeps the period's start (410) or the
            read stopped at ``max_events``.
    """

    events: list[Event] = field(default_factory=list)
    complete: bool = True


def _ts(ev: Event) -> float | None:
    return parse_time_or_none(ev.get("ts"))


def events_between(api: EventSource, start: float, end: float, *,
                   max_events: int = DEFAULT_MAX_EVENTS) -> EventsRead:
    """Read the post's events with ``start <= ts < end`` from the hub.

    A binary search over ``seq`` (``GET /events?since=N&limit=1``) finds the first event
    at or after ``start`` in about 20 reads, then pages of ``PAGE`` follow until ``end``.
    """
    out = EventsRead()
    try:
        latest = int(api.events(0, limit=1).get("seq") or 0)
    except GoneError:  # the hub pruned its oldest events: search what it keeps
        out.complete = False
        latest = int(api.events(2**62, limit=1).get("seq") or 0)
    lo, hi = 0, latest
    # smallest since s.t. the event after it has ts >= start
    while lo < hi:
        mid = (lo + hi) // 2
        try:
            page = api.events(mid, limit=1).get("events") or []
        except GoneError:
            lo = mid + 1
            out.complete = False
            continue
        t = _ts(page[0]) if page else None
        if t is not None and t >= start:
            hi = mid
        else:
            lo = mid + 1
    since = lo
    while True:
        try:
            answer = api.events(since, limit=PAGE)
        except GoneError:
            out.complete = False
            break
        page = answer.get("events") or []
        if not page:
            break
        for ev in page:
            t = _ts(ev)
            if t is None:
                continue
            if t >= end:
                return out
            if t >= start:
                out.events.append(ev)
                if len(out.events) >= max_events:
                    out.complete = False
                    return out
        seq = page[-1].get("seq")
        if not isinstance(seq, int) or seq <= since:
            break
        since = seq
    return out


def drill(events: Iterable[Event], in_scope: Callable[[str], bool]) -> dict[str, list[str]]:
    """count name → case ids (event order) for the units ``in_scope(unit_id)`` accepts."""
    out: dict[str, list[str]] = defaultdict(list)
    resolver: dict[str, str] = {}
    pending_kind: dict[str, tuple[str, str | None]] = {}

    def add(key: str, unit: object, cid: str) -> None:
        if isinstance(unit, str) and in_scope(unit):
            out[key].append(cid)

    for ev in events:
        payload = ev.get("data")
        data: Mapping[str, object] = payload if isinstance(payload, dict) else {}
        typ = ev.get("type")
        t = _ts(ev)
        if typ == "case.urged":
            cid = data.get("case_id")
            if isinstance(cid, str):
                add("urges", data.get("unit_id"), cid)
            continue
        if typ in ("whistle.started", "whistle.updated"):
            w = _whistle if isinstance(_whistle := data.get("whistle"), dict) else {}
            cid = str(w.get("case_id") or "")
            units = _unit_ids if isinstance(_unit_ids := w.get("unit_ids"), list) else []
            if typ == "whistle.started":
                for u in units:
                    add("whistle_summons", u, cid)
            deadline = parse_time_or_none(w.get("deadline"))
            checked = _checked_in if isinstance(_checked_in := w.get("checked_in"), dict) else {}
            for u, at in checked.items():
                at_t = parse_time_or_none(at)
                if at_t is not None and t is not None and abs(at_t - t) < 1.0 \
                        and (deadline is None or at_t <= deadline):
                    add("whistle_checked_in", u, cid)
            continue
        if typ != "case.updated":
            continue
        case = _case if isinstance(_case := data.get("case"), dict) else {}
        cid = case.get("id")
        if not isinstance(cid, str):
            continue
        action = data.get("action")
        unit = case.get("unit_id")
        if action in ("dispatch", "reassign"):
            add("dispatched", unit, cid)
        elif action == "accept":
            add("signed", unit, cid)
            due = parse_time_or_none(case.get("sign_due"))
            if due is not None and t is not None and t <= due:  # no deadline: not on time
                add("signed_on_time", unit, cid)
        elif action == "resolve":
            if isinstance(unit, str):
                resolver[cid] = unit
            add("resolved", unit, cid)
            due = parse_time_or_none(case.get("due_at"))
            if due is not None and t is not None and t <= due:
                add("resolved_on_time", unit, cid)
        elif action in ("callback", "rework"):
            who = resolver.get(cid, unit)
            add("callbacks", who, cid)
            sat = case.get("satisfaction")
            if sat in ("satisfied", "basically_satisfied", "dissatisfied", "unreachable"):
                add(sat, who, cid)
            if case.get("solved") is True:
                add("solved", who, cid)
            if action == "rework":
                add("reworks", who, cid)
        elif action in ("request_return", "request_extension"):
            p = _pending if isinstance(_pending := case.get("pending"), dict) else {}
            by = _by if isinstance(_by := p.get("by"), str) else unit
            kind = "return" if action == "request_return" else "extension"
            pending_kind[cid] = (kind, by if isinstance(by, str) else None)
            if kind == "return":
                add("returns_requested", by, cid)
        elif action == "approve":
            held_kind, by = pending_kind.pop(cid, (None, None))
            kind = held_kind if held_kind is not None else (
                "return" if case.get("status") == "returned" else "extension")
            add("returns_approved" if kind == "return" else "extensions", by or unit, cid)
        elif action == "deny":
            pending_kind.pop(cid, None)
    return dict(out)


def count(drilled: dict[str, list[str]]) -> dict[str, int]:
    """The counts :func:`drill` found (to set beside the hub's row)."""
    return {k: len(v) for k, v in drilled.items()}


#: which counts a board column drills into: (cases counted good, all cases of the figure)
COLUMN_COUNTS = {
    "sign": ("signed_on_time", "dispatched"),
    "on_time": ("resolved_on_time", "resolved"),
    "solve": ("solved", "callbacks"),
    "satisfy": ("satisfied", "callbacks"),
    "rework": ("reworks", "resolved"),
    "returns": ("returns_requested", "dispatched"),
    "checkin": ("whistle_checked_in", "whistle_summons"),
    "urges": ("urges", "urges"),
}
