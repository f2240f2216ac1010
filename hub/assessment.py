"""``GET /assessment`` (考核): per-unit and per-region counts of the closed loop, in SQL.

Counted from ``loop_marks`` (one row per counted fact, written with its event, never
pruned) for the facts in [from, to) on cases of the reader's jurisdiction:

- ``dispatched``: dispatches and reassignments to the unit;
- ``signed`` / ``signed_on_time``: its accepts / those at or before ``sign_due``;
- ``resolved`` / ``resolved_on_time``: its resolves / those at or before ``due_at``;
- ``callbacks``, ``solved``, ``satisfied``, ``basically_satisfied``, ``dissatisfied``,
  ``unreachable``, ``reworks``: callbacks (and their results, and those that sent the case
  back) counted for the unit that resolved the case;
- ``returns_requested`` / ``returns_approved`` / ``extensions``: its return requests, its
  returns approved, its extensions approved;
- ``urges``: urges naming it; ``whistle_summons`` / ``whistle_checked_in``: whistles that
  summoned it / its check-ins before their deadline;
- ``open_overdue``: cases open at ``to`` (reported before it, not closed by it) whose due
  time at ``to`` had passed, counted for the unit holding them at ``to`` (see
  ``_open_overdue``: exact for a past ``to`` too, from the marks' holders and due changes).

``by=unit`` gives one row per unit of the jurisdiction (zeros included) plus any unit from
outside that acted on its cases; ``by=region`` sums the units of each prefecture, county
and town of the jurisdiction (a unit counts for every such region its own region lies in).
Everything is one GROUP BY over an indexed time range, plus one over the open cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, TypedDict

from sqlalchemy import Select, and_, case, func, literal, null, or_, select, text, union_all
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Subquery

from hub.models import Case, LoopMark, LoopTally, Region, Unit
from hub.timeutil import parse_rfc3339, to_rfc3339

MAX_SPAN = timedelta(days=400)
COUNTS = ("dispatched", "signed", "signed_on_time", "resolved", "resolved_on_time",
          "callbacks", "solved", "satisfied", "basically_satisfied", "dissatisfied",
          "unreachable", "reworks", "returns_requested", "returns_approved", "extensions",
          "urges", "whistle_summons", "whistle_checked_in", "open_overdue")
REGION_LEVELS = ("prefecture", "county", "town")

#: one row: ``unit_id`` or ``region_id``, and every count of ``COUNTS``
AssessmentRowJSON = dict[str, str | int]
#: the ``GET /assessment`` answer
AssessmentJSON = TypedDict("AssessmentJSON", {"from": str, "to": str, "by": str,
                                              "rows": list[AssessmentRowJSON]})

_m = LoopMark.__table__.c
_c = Case.__table__.c


def parse_window(start: str | None, end: str | None) -> tuple[datetime, datetime]:
    """The [from, to) window; ValueError with a sentence when missing or wrong."""
    if not start or not end:
        raise ValueError("from and to are required (RFC 3339 times)")
    try:
        lo, hi = parse_rfc3339(start), parse_rfc3339(end)
    except (ValueError, OverflowError):
        raise ValueError("from and to must be RFC 3339 times with a zone") from None
    if hi <= lo:
        raise ValueError("to must be after from")
    if hi - lo > MAX_SPAN:
        raise ValueError(f"at most {MAX_SPAN.days} days at once")
    return lo, hi


def _day_floor(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _counted(path: str, lo: datetime, hi: datetime) -> Subquery:
    """(unit_id, kind, on_time, result, solved, rework, n) for the marks in [lo, hi):
    the whole UTC days from ``loop_tally``, the partial days at either end from
    ``loop_marks`` (flags as 0/1, no result as '')."""
    first = _day_floor(lo)
    if first < lo:
        first += timedelta(days=1)
    last = _day_floor(hi)
    m, d = _m, LoopTally.__table__.c
    flag = [case((col.is_(True), 1), else_=0) for col in (m.on_time, m.solved, m.rework)]
    raw_cols = (m.unit_id, m.kind, flag[0].label("on_time"),
                func.coalesce(m.result, "").label("result"), flag[1].label("solved"),
                flag[2].label("rework"))
    in_scope = m.case_path.startswith(path, autoescape=True)
    if first >= last:  # no whole day inside: everything from the marks
        edges = and_(m.ts >= lo, m.ts < hi)
    else:
        edges = or_(and_(m.ts >= lo, m.ts < first), and_(m.ts >= last, m.ts < hi))
    raw = (select(*raw_cols, func.count().label("n")).where(edges, in_scope)
           .group_by(*raw_cols))
    if first >= last:
        return raw.subquery("counted")
    keys = (d.unit_id, d.kind, d.on_time, d.result, d.solved, d.rework)
    days = (select(*keys, func.sum(d.n).label("n"))
            .where(d.day >= first, d.day < last,
                   d.post_path.startswith(path, autoescape=True))
            .group_by(*keys))
    return union_all(raw, days).subquery("counted")


def _per_unit(path: str, lo: datetime, hi: datetime, *, every_unit: bool = False
              ) -> Select[Any]:
    """One row per unit with every count.

    The window's marks come grouped by (unit, kind, on_time, result, solved, rework) —
    whole days from the daily tally, the partial days from the marks — and the counting
    rules are applied to those few thousand groups; ``open_overdue`` comes from the cases
    table; with ``every_unit`` each unit of the jurisdiction adds a row of zeros. The parts
    are joined by UNION ALL and summed per unit."""
    t = _counted(path, lo, hi).c

    def total(cond: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((cond, t.n), else_=0))

    is_cb = t.kind == "callback"
    marks = select(
        t.unit_id.label("unit_id"),
        total(t.kind.in_(("dispatch", "reassign"))).label("dispatched"),
        total(t.kind == "accept").label("signed"),
        total(and_(t.kind == "accept", t.on_time == 1)).label("signed_on_time"),
        total(t.kind == "resolve").label("resolved"),
        total(and_(t.kind == "resolve", t.on_time == 1)).label("resolved_on_time"),
        total(is_cb).label("callbacks"),
        total(and_(is_cb, t.solved == 1)).label("solved"),
        total(and_(is_cb, t.result == "satisfied")).label("satisfied"),
        total(and_(is_cb, t.result == "basically_satisfied")).label("basically_satisfied"),
        total(and_(is_cb, t.result == "dissatisfied")).label("dissatisfied"),
        total(and_(is_cb, t.result == "unreachable")).label("unreachable"),
        total(and_(is_cb, t.rework == 1)).label("reworks"),
        total(t.kind == "request_return").label("returns_requested"),
        total(t.kind == "approve_return").label("returns_approved"),
        total(t.kind == "approve_extension").label("extensions"),
        total(t.kind == "urge").label("urges"),
        total(t.kind == "summon").label("whistle_summons"),
        total(and_(t.kind == "checkin", t.on_time == 1)).label("whistle_checked_in"),
        literal(0).label("open_overdue"),
    ).group_by(t.unit_id)
    zeros = [literal(0).label(name) for name in COUNTS[:-1]]
    parts: list[Any] = [marks, *_open_overdue(path, hi, zeros)]
    if every_unit:
        parts.append(select(Unit.id.label("unit_id"), *zeros, literal(0).label("open_overdue"))
                     .join(Region, Region.id == Unit.region_id)
                     .where(Region.path.startswith(path, autoescape=True)))
    both = union_all(*parts).subquery("both")
    return (select(both.c.unit_id, *[func.sum(both.c[n]).label(n) for n in COUNTS])
            .group_by(both.c.unit_id))


def _open_overdue(path: str, hi: datetime, zeros: list[Any]) -> list[Select[Any]]:
    """``open_overdue`` at ``hi``: the cases open then, past the due time they had then,
    counted for the unit holding them then.

    A case unchanged since ``hi`` (``updated_at`` before it) is as it was: its own
    ``unit_id`` and ``due_at``. For one changed since, the holder at ``hi`` is the unit of
    its last dispatch or reassignment before ``hi`` (none after an approved return) and its
    due time the last ``due_after`` before ``hi``, else the first ``due_before`` after it,
    else its ``due_at`` — looked up per case through the (case_id, ts) index.

    Only what can differ is looked up: ``due_at`` moves only with an approved extension or
    a rework, each counted on the case, so a case with neither has its ``due_at`` as its
    due time at ``hi`` (most cases: no look-up); the holder is looked up only for the cases
    overdue at ``hi``. A window ending mid-month looked up three marks for each of the
    ~40,000 cases changed since (2.1–2.9 s at 450,000 cases; ``bench/assessment.py``)."""
    open_then = and_(_c.region_path.startswith(path, autoescape=True), _c.reported_at < hi,
                     or_(_c.closed_at.is_(None), _c.closed_at >= hi))
    unchanged = (
        select(_c.unit_id.label("unit_id"), *zeros, func.count().label("open_overdue"))
        .where(open_then, _c.updated_at < hi, _c.unit_id.is_not(None), _c.due_at < hi)
        .group_by(_c.unit_id)
    )
    h, a, b = (LoopMark.__table__.alias(n) for n in ("h", "a", "b"))
    holder = (select(case((h.c.kind == "approve_return", null()), else_=h.c.unit_id))
              .where(h.c.case_id == _c.id, h.c.ts < hi,
                     h.c.kind.in_(("dispatch", "reassign", "approve_return")))
              .order_by(h.c.ts.desc(), h.c.id.desc()).limit(1).scalar_subquery())
    due_after = (select(a.c.due_after)
                 .where(a.c.case_id == _c.id, a.c.ts < hi, a.c.due_after.is_not(None))
                 .order_by(a.c.ts.desc(), a.c.id.desc()).limit(1).scalar_subquery())
    due_before = (select(b.c.due_before)
                  .where(b.c.case_id == _c.id, b.c.ts >= hi, b.c.due_before.is_not(None))
                  .order_by(b.c.ts, b.c.id).limit(1).scalar_subquery())
    moved = or_(func.coalesce(_c.extensions, 0) > 0, func.coalesce(_c.reworks, 0) > 0)
    due_then = case((moved, func.coalesce(due_after, due_before, _c.due_at)), else_=_c.due_at)
    then = (select(holder.label("unit_id"))
            .where(open_then, _c.updated_at >= hi, due_then < hi).subquery("then"))
    changed = (
        select(then.c.unit_id, *zeros, func.count().label("open_overdue"))
        .group_by(then.c.unit_id)
        .having(then.c.unit_id.is_not(None))
    )
    return [unchanged, changed]


def _rows(result: Iterable[Row[Any]], key: str) -> list[AssessmentRowJSON]:
    return [{key: row[0], **{n: int(row[i + 1] or 0) for i, n in enumerate(COUNTS)}}
            for row in result]


def by_unit(s: Session, path: str, lo: datetime, hi: datetime) -> list[AssessmentRowJSON]:
    """Rows per unit: the jurisdiction's units (zeros too) and any unit active on its cases."""
    query = _per_unit(path, lo, hi, every_unit=True)
    return _rows(s.execute(query.order_by(query.selected_columns[0])), "unit_id")


def by_region(s: Session, path: str, lo: datetime, hi: datetime
              ) -> list[AssessmentRowJSON]:
    """Rows per prefecture/county/town of the jurisdiction: the sums of their units."""
    per_unit = _per_unit(path, lo, hi).subquery("per_unit")
    area = Region.__table__.alias("area")
    homes = (select(Unit.id.label("unit_id"), Region.path.label("path"))
             .join(Region, Region.id == Unit.region_id).subquery("homes"))
    query = (select(area.c.id,
                    *[func.coalesce(func.sum(per_unit.c[n]), 0) for n in COUNTS])
             .select_from(area)
             .outerjoin(homes, homes.c.path.startswith(area.c.path))
             .outerjoin(per_unit, per_unit.c.unit_id == homes.c.unit_id)
             .where(area.c.path.startswith(path, autoescape=True),
                    area.c.level.in_(REGION_LEVELS))
             .group_by(area.c.id, area.c.path).order_by(area.c.path))
    return _rows(s.execute(query), "region_id")


def assessment(s: Session, path: str, start: str | None, end: str | None, by: str
               ) -> AssessmentJSON:
    """The ``GET /assessment`` answer for a jurisdiction path (ValueError on bad input)."""
    lo, hi = parse_window(start, end)
    if by not in ("unit", "region"):
        raise ValueError("by must be unit or region")
    if s.get_bind().dialect.name == "postgresql":
        # The correlated look-ups of open_overdue inflate the plan's cost estimate past
        # jit_above_cost; compiling its ~100 expressions with LLVM then takes ~2.5 s of a
        # query that runs in ~0.5 s. Off for this transaction only.
        s.execute(text("SET LOCAL jit = off"))
    rows = by_unit(s, path, lo, hi) if by == "unit" else by_region(s, path, lo, hi)
    return {"from": to_rfc3339(lo), "to": to_rfc3339(hi), "by": by, "rows": rows}
