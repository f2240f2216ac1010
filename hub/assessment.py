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
- ``open_overdue``: cases open at ``to`` (reported before it, not closed by it) whose
  ``due_at`` is before ``to``, counted for the unit holding them now (exact for a window
  that ends now or later; for a past ``to`` a case reassigned since counts for its new unit).

``by=unit`` gives one row per unit of the jurisdiction (zeros included) plus any unit from
outside that acted on its cases; ``by=region`` sums the units of each prefecture, county
and town of the jurisdiction (a unit counts for every such region its own region lies in).
Everything is one GROUP BY over an indexed time range, plus one over the open cases.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from hub.models import Case, LoopMark, Region, Unit
from hub.timeutil import parse_rfc3339, to_rfc3339

MAX_SPAN = timedelta(days=400)
COUNTS = ("dispatched", "signed", "signed_on_time", "resolved", "resolved_on_time",
          "callbacks", "solved", "satisfied", "basically_satisfied", "dissatisfied",
          "unreachable", "reworks", "returns_requested", "returns_approved", "extensions",
          "urges", "whistle_summons", "whistle_checked_in", "open_overdue")
REGION_LEVELS = ("prefecture", "county", "town")

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


def _count(cond: Any) -> Any:
    return func.sum(case((cond, 1), else_=0))


def _per_unit(path: str, lo: datetime, hi: datetime) -> Select[Any]:
    """One row per unit: every count (open_overdue from the cases table), summed over
    two grouped sub-queries joined by UNION ALL."""
    is_cb = _m.kind == "callback"
    marks = (
        select(
            _m.unit_id.label("unit_id"),
            _count(_m.kind.in_(("dispatch", "reassign"))).label("dispatched"),
            _count(_m.kind == "accept").label("signed"),
            _count(and_(_m.kind == "accept", _m.on_time.is_(True))).label("signed_on_time"),
            _count(_m.kind == "resolve").label("resolved"),
            _count(and_(_m.kind == "resolve", _m.on_time.is_(True))).label("resolved_on_time"),
            _count(is_cb).label("callbacks"),
            _count(and_(is_cb, _m.solved.is_(True))).label("solved"),
            _count(and_(is_cb, _m.result == "satisfied")).label("satisfied"),
            _count(and_(is_cb, _m.result == "basically_satisfied")).label(
                "basically_satisfied"),
            _count(and_(is_cb, _m.result == "dissatisfied")).label("dissatisfied"),
            _count(and_(is_cb, _m.result == "unreachable")).label("unreachable"),
            _count(and_(is_cb, _m.rework.is_(True))).label("reworks"),
            _count(_m.kind == "request_return").label("returns_requested"),
            _count(_m.kind == "approve_return").label("returns_approved"),
            _count(_m.kind == "approve_extension").label("extensions"),
            _count(_m.kind == "urge").label("urges"),
            _count(_m.kind == "summon").label("whistle_summons"),
            _count(and_(_m.kind == "checkin", _m.on_time.is_(True))).label(
                "whistle_checked_in"),
            literal(0).label("open_overdue"),
        )
        .where(_m.ts >= lo, _m.ts < hi, _m.case_path.startswith(path, autoescape=True))
        .group_by(_m.unit_id)
    )
    zeros = [literal(0).label(name) for name in COUNTS[:-1]]
    overdue = (
        select(_c.unit_id.label("unit_id"), *zeros, func.count().label("open_overdue"))
        .where(_c.region_path.startswith(path, autoescape=True), _c.unit_id.is_not(None),
               _c.reported_at < hi, or_(_c.closed_at.is_(None), _c.closed_at >= hi),
               _c.due_at < hi)
        .group_by(_c.unit_id)
    )
    both = union_all(marks, overdue).subquery("both")
    return (select(both.c.unit_id, *[func.sum(both.c[n]).label(n) for n in COUNTS])
            .group_by(both.c.unit_id))


def _rows(result: Any, key: str) -> list[dict[str, Any]]:
    return [{key: row[0], **{n: int(row[i + 1] or 0) for i, n in enumerate(COUNTS)}}
            for row in result]


def by_unit(s: Session, path: str, lo: datetime, hi: datetime) -> list[dict[str, Any]]:
    """Rows per unit: the jurisdiction's units (zeros too) and any unit active on its cases."""
    per_unit = _per_unit(path, lo, hi).subquery("per_unit")
    units = (select(Unit.id.label("unit_id"))
             .join(Region, Region.id == Unit.region_id)
             .where(Region.path.startswith(path, autoescape=True)))
    everyone = union_all(units, select(per_unit.c.unit_id)).subquery("everyone")
    query = (select(everyone.c.unit_id,
                    *[func.coalesce(func.max(per_unit.c[n]), 0) for n in COUNTS])
             .select_from(everyone)
             .outerjoin(per_unit, per_unit.c.unit_id == everyone.c.unit_id)
             .group_by(everyone.c.unit_id).order_by(everyone.c.unit_id))
    return _rows(s.execute(query), "unit_id")


def by_region(s: Session, path: str, lo: datetime, hi: datetime) -> list[dict[str, Any]]:
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
               ) -> dict[str, Any]:
    """The ``GET /assessment`` answer for a jurisdiction path (ValueError on bad input)."""
    lo, hi = parse_window(start, end)
    if by not in ("unit", "region"):
        raise ValueError("by must be unit or region")
    rows = by_unit(s, path, lo, hi) if by == "unit" else by_region(s, path, lo, hi)
    return {"from": to_rfc3339(lo), "to": to_rfc3339(hi), "by": by, "rows": rows}
