"""Commands: each change, its events and its audit row commit in one transaction.

A refused command changes nothing; its audit row is written in a transaction of its own
before the refusal is answered.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import orjson
from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hub import lifecycle
from hub.audit import add_entry, record_refusal
from hub.bodies import CallJSON, CaseJSON, UrgedJSON, WhistleJSON
from hub.context import Actor, HubContext
from hub.db import WriteTx
from hub.errors import Conflict, Forbidden, HubError, Invalid, NotFound
from hub.geo import locate
from hub.loop import LoopCommands, add_mark, by_deadline, set_sign_due
from hub.models import CASE_NUMBERS, Call, Case, Counter, IdempotencyKey, Unit, Whistle
from hub.reads import Reads
from hub.schemas import AssignBody, CallBody, NoteBody, ReportBody, WhistleBody
from hub.serialize import call_json, case_json, unit_json, whistle_json
from hub.timeutil import to_rfc3339, utcnow

log = logging.getLogger(__name__)
_CASE_DAY_ZONE = ZoneInfo("Asia/Shanghai")

# role → commands it may issue
ROLES: dict[str, frozenset[str]] = {
    "officer": frozenset({"urge", "call.start", "call.end", "merge"}),
    "supervisor": frozenset({"assign", "urge", "call.start", "call.end", "whistle", "report",
                             "close", "reopen", "decide", "callback", "merge", "reporter"}),
    "wall": frozenset(),
    "unit": frozenset({"accept", "resolve", "return", "checkin", "extend"}),
    "intake": frozenset({"report", "close", "reopen", "callback", "reporter"}),
    "auditor": frozenset(),  # reads GET /audit only (hub.session_policy)
}


def require_role(actor: Actor, command: str) -> None:
    """Raise ``Forbidden`` unless the actor's role may issue ``command``."""
    if command not in ROLES.get(actor.role, frozenset()):
        raise Forbidden(f"a {actor.role} account cannot {command}")


def body_digest(body: ReportBody) -> str:
    """SHA-256 of a report body as validated (field order and spacing do not matter)."""
    return hashlib.sha256(orjson.dumps(body.model_dump(mode="json"),
                                       option=orjson.OPT_SORT_KEYS)).hexdigest()


class Commands(LoopCommands):
    """Every state-changing command of the protocol (1.1's closed loop: ``hub.loop``)."""

    def __init__(self, ctx: HubContext, reads: Reads) -> None:
        self.ctx = ctx
        self.reads = reads

    # ---- plumbing
    @contextmanager
    def _command(self, actor: Actor, action: str, target: str) -> Iterator[WriteTx]:
        """A write transaction whose refusal is audited after the rollback."""
        try:
            with self.ctx.db.write() as tx:
                yield tx
        except HubError as err:
            record_refusal(self.ctx, actor, action, target, err.outcome, err.message)
            raise

    def refuse(self, actor: Actor, action: str, target: str, err: HubError) -> HubError:
        """Audit a refusal found before any transaction (role, body) and return it."""
        record_refusal(self.ctx, actor, action, target, err.outcome, err.message)
        return err

    def _audit_ok(self, tx: WriteTx, actor: Actor, action: str, target: str, detail: str,
                  region_path: str) -> None:
        add_entry(tx.session, actor=actor.username, role=actor.role, action=action,
                  target=target, outcome="ok", addr=actor.addr, detail=detail,
                  region_path=region_path)

    def _check_role(self, actor: Actor, command: str, target: str) -> None:
        try:
            require_role(actor, command)
        except HubError as err:
            raise self.refuse(actor, command, target, err) from None

    def _case_for_update(self, tx: WriteTx, actor: Actor, case_id: str,
                         expected_version: int | None) -> Case:
        case = self.reads.visible_case(tx.session, actor, case_id, for_update=True)
        _check_version(case, expected_version)
        return case

    def _visible_unit(self, tx: WriteTx, actor: Actor, unit_id: str) -> Unit:
        unit = tx.session.get(Unit, unit_id)
        if unit is None or not self.ctx.tree.in_scope(unit.region_id, actor.post_id):
            raise Invalid(f"unknown unit {unit_id}")
        return unit

    def _record_case_event(self, tx: WriteTx, case: Case, type_: str,
                           data: Mapping[str, object]) -> None:
        self.ctx.journal.record(tx, type_, data, case_id=case.id, now=case.updated_at,
                                post_ids=self.ctx.tree.posts_seeing(case.region_id))

    def _announce_unit(self, tx: WriteTx, case: Case, unit: Unit) -> None:
        """Tell posts that see the case but not the unit's region who the unit is."""
        posts = [p for p in self.ctx.tree.posts_seeing(case.region_id)
                 if not self.ctx.tree.in_scope(unit.region_id, p)]
        self.ctx.journal.record(tx, "unit.updated", {"unit": unit_json(unit)},
                                post_ids=posts, now=utcnow())

    def _next_case_id(self, tx: WriteTx, now: datetime) -> str:
        conn = tx.session.connection()
        # one statement, no race between hub processes (see _NEXT_CASE_NUMBER)
        value = conn.execute(_NEXT_CASE_NUMBER[conn.dialect.name]).scalar_one()
        day = now.astimezone(_CASE_DAY_ZONE).strftime("%Y%m%d")
        return f"CX-{day}-{value:06d}"

    # ---- field commands
    def report(self, actor: Actor, body: ReportBody, idempotency_key: str | None
               ) -> tuple[CaseJSON, bool]:
        """``POST /cases``; returns ``(case, created)`` (False for an idempotent retry)."""
        self._check_role(actor, "report", "case")
        with self._command(actor, "report", "case") as tx:
            s = tx.session
            digest = body_digest(body) if idempotency_key else None
            if idempotency_key:
                known = s.get(IdempotencyKey, (actor.user_id, idempotency_key))
                if known is not None:
                    if known.body_sha256 not in (None, digest):
                        raise Invalid("this Idempotency-Key was used for a different report; "
                                      "send a new report with a new key")
                    existing = s.get(Case, known.case_id)
                    assert existing is not None
                    return case_json(existing), False
            sub = self.ctx.subcategories.get((body.category, body.subcategory))
            if sub is None:
                raise Invalid(f"unknown category/subcategory {body.category}/{body.subcategory}")
            region_id = body.region_id
            if region_id is None:
                if body.lat is None or body.lon is None:
                    raise Invalid("region_id, or lat and lon, are required")
                region_id = locate(self.ctx, body.lat, body.lon, actor.post_id)
            if not self.ctx.tree.in_scope(region_id, actor.post_id):
                raise Invalid(f"unknown region {region_id}")
            sub_name, _sla_hours = sub
            limits = self.ctx.limits_of(body.category, sub_name)
            now = utcnow()
            reporter = body.reporter if body.reporter and (
                body.reporter.name.strip() or body.reporter.phone.strip()) else None
            case = Case(
                id=self._next_case_id(tx, now), version=1, title=body.title,
                description=body.description, category=body.category, subcategory=sub_name,
                priority=body.priority, source=body.source, status="reported", unit_id=None,
                region_id=region_id, region_path=self.ctx.tree.path_of[region_id],
                address=body.address, lat=body.lat, lon=body.lon, reported_at=now,
                due_at=self.ctx.clock.due(now, limits.resolve_hours, limits, body.priority),
                updated_at=now, closed_at=None,
                reporter_name=reporter.name if reporter else None,
                reporter_phone=reporter.phone if reporter else None)
            s.add(case)
            if idempotency_key:
                s.add(IdempotencyKey(user_id=actor.user_id, key=idempotency_key,
                                     case_id=case.id, created_at=now, body_sha256=digest))
            self._record_case_event(tx, case, "case.created", {"case": case_json(case)})
            self._audit_ok(tx, actor, "report", case.id, f"{body.category}/{sub_name}",
                           case.region_path)
            return case_json(case), True

    def assign(self, actor: Actor, case_id: str, body: AssignBody) -> CaseJSON:
        """``POST /cases/{id}/assign`` (supervisor): dispatch or reassign to a unit."""
        self._check_role(actor, "assign", case_id)
        with self._command(actor, "assign", case_id) as tx:
            case = self._case_for_update(tx, actor, case_id, body.expected_version)
            unit = self._visible_unit(tx, actor, body.unit_id)
            status, action = lifecycle.move("assign", case.status)
            if case.unit_id == unit.id and action == "reassign":
                self._audit_ok(tx, actor, "assign", case.id, f"unit={unit.id} (no change)",
                               case.region_path)
                return case_json(case)
            case.status, case.unit_id, case.pending = status, unit.id, None
            self._bump(case)
            set_sign_due(self.ctx, case)
            add_mark(self.ctx, tx, action, case, unit.id, case.updated_at)
            self._announce_unit(tx, case, unit)
            self._case_updated(tx, case, action, actor, body.note)
            self._audit_ok(tx, actor, "assign", case.id, f"{action} unit={unit.id}",
                           case.region_path)
            return case_json(case)

    def unit_move(self, actor: Actor, command: str, case_id: str, body: NoteBody
                  ) -> CaseJSON:
        """``accept`` / ``resolve`` / ``return``: a unit acting on a case it holds."""
        self._check_role(actor, command, case_id)
        with self._command(actor, command, case_id) as tx:
            case = self.reads.visible_case(tx.session, actor, case_id, for_update=True)
            if case.unit_id is None or case.unit_id != actor.unit_id:
                raise Forbidden(f"case {case_id} is not held by your unit")
            _check_version(case, body.expected_version)
            status, action = lifecycle.move(command, case.status)
            if command == "return":  # 1.1: a request the post decides
                return self.request_return(tx, actor, case, body.note)
            case.status = status
            self._bump(case)
            if command == "accept":
                add_mark(self.ctx, tx, "accept", case, case.unit_id, case.updated_at,
                         on_time=by_deadline(case.updated_at, case.sign_due))
            elif command == "resolve":
                limits = self.ctx.limits_of(case.category, case.subcategory)
                case.callback_due = self.ctx.clock.due(case.updated_at, limits.callback_hours,
                                                       limits, case.priority)
                case.resolved_by, case.pending = case.unit_id, None
                add_mark(self.ctx, tx, "resolve", case, case.unit_id, case.updated_at,
                         on_time=by_deadline(case.updated_at, case.due_at))
            self._case_updated(tx, case, action, actor, body.note)
            self._audit_ok(tx, actor, command, case.id, body.note[:200], case.region_path)
            return case_json(case)

    def verify(self, actor: Actor, command: str, case_id: str, body: NoteBody
               ) -> CaseJSON:
        """``close`` / ``reopen`` after the callback (intake, supervisor)."""
        self._check_role(actor, command, case_id)
        with self._command(actor, command, case_id) as tx:
            case = self._case_for_update(tx, actor, case_id, body.expected_version)
            status, action = lifecycle.move(command, case.status)
            case.status = status
            self._bump(case)
            if command == "close":
                case.closed_at = case.updated_at
                self._close_whistles(tx, case)
            else:  # reopen: the same unit must sign again
                set_sign_due(self.ctx, case)
            self._case_updated(tx, case, action, actor, body.note)
            self._audit_ok(tx, actor, command, case.id, body.note[:200], case.region_path)
            return case_json(case)

    def urge(self, actor: Actor, case_id: str, body: NoteBody) -> UrgedJSON:
        """``POST /cases/{id}/urge`` (督办): a reminder to the holding unit."""
        self._check_role(actor, "urge", case_id)
        with self._command(actor, "urge", case_id) as tx:
            case = self._case_for_update(tx, actor, case_id, body.expected_version)
            if case.status == "closed" or case.unit_id is None:
                raise Conflict(f"case {case_id} has no unit to urge ({case.status})")
            # 1.1: counted on the case (counts.urges) without a new version, so a 1.0
            # client's expected_version stays valid; readers add 1 on each case.urged
            case.urges = (case.urges or 0) + 1
            now = utcnow()
            add_mark(self.ctx, tx, "urge", case, case.unit_id, now)
            data = {"case_id": case.id, "unit_id": case.unit_id, "actor": actor.name,
                    "note": body.note}
            self.ctx.journal.record(tx, "case.urged", data, case_id=case.id, now=now,
                                    post_ids=self.ctx.tree.posts_seeing(case.region_id))
            self._audit_ok(tx, actor, "urge", case.id, f"unit={case.unit_id}",
                           case.region_path)
            return {"case_id": case.id, "unit_id": case.unit_id, "note": body.note}

    # ---- calls
    def start_call(self, actor: Actor, body: CallBody) -> CallJSON:
        """``POST /calls``: open a video room for a case (or for the post)."""
        target = body.case_id or "call"
        self._check_role(actor, "call.start", target)
        with self._command(actor, "call.start", target) as tx:
            case = (self.reads.visible_case(tx.session, actor, body.case_id)
                    if body.case_id else None)
            for unit_id in body.unit_ids:
                self._visible_unit(tx, actor, unit_id)
            call_id = "CALL-" + uuid.uuid4().hex[:12]
            path = case.region_path if case else self.ctx.tree.posts[actor.post_id].path
            call = Call(id=call_id, title=body.title,
                        url=self.ctx.config.call_url_template.format(room=call_id),
                        case_id=case.id if case else None, unit_ids=list(body.unit_ids),
                        post_id=actor.post_id, region_path=path, started_at=utcnow(),
                        ended_at=None)
            tx.session.add(call)
            self._record_call(tx, call, "call.started")
            self._audit_ok(tx, actor, "call.start", call.id, call.case_id or "", path)
            return call_json(call)

    def end_call(self, actor: Actor, call_id: str) -> CallJSON:
        """``POST /calls/{id}/end``."""
        self._check_role(actor, "call.end", call_id)
        with self._command(actor, "call.end", call_id) as tx:
            call = tx.session.get(Call, call_id, with_for_update=True)
            if call is None or not self.reads.call_visible(call, actor):
                raise NotFound(f"no call {call_id}")
            if call.ended_at is not None:
                raise Conflict(f"call {call_id} has already ended")
            call.ended_at = utcnow()
            self._record_call(tx, call, "call.ended")
            self._audit_ok(tx, actor, "call.end", call.id, "", call.region_path)
            return call_json(call)

    def _record_call(self, tx: WriteTx, call: Call, type_: str) -> None:
        if call.case_id is not None:
            case = tx.session.get(Case, call.case_id)
            assert case is not None
            posts = self.ctx.tree.posts_seeing(case.region_id)
        else:
            posts = [call.post_id]
        self.ctx.journal.record(tx, type_, {"call": call_json(call)}, case_id=call.case_id,
                                post_ids=posts, now=utcnow())

    # ---- whistles
    def whistle(self, actor: Actor, case_id: str, body: WhistleBody) -> WhistleJSON:
        """``POST /cases/{id}/whistle`` (吹哨报到): summon units with a check-in deadline."""
        self._check_role(actor, "whistle", case_id)
        with self._command(actor, "whistle", case_id) as tx:
            case = self._case_for_update(tx, actor, case_id, body.expected_version)
            if case.status == "closed":
                raise Conflict(f"case {case_id} is closed")
            unit_ids = list(dict.fromkeys(body.unit_ids))
            for unit_id in unit_ids:
                self._visible_unit(tx, actor, unit_id)
            now = utcnow()
            whistle = Whistle(id="WH-" + uuid.uuid4().hex[:12], case_id=case.id,
                              unit_ids=unit_ids, checked_in={},
                              deadline=now + timedelta(minutes=body.minutes), note=body.note,
                              actor=actor.name, created_at=now, region_path=case.region_path,
                              open=True)
            tx.session.add(whistle)
            for unit_id in unit_ids:
                add_mark(self.ctx, tx, "summon", case, unit_id, now)
            self._record_whistle(tx, whistle, case, "whistle.started")
            self._audit_ok(tx, actor, "whistle", case.id, ",".join(unit_ids),
                           case.region_path)
            return whistle_json(whistle)

    def checkin(self, actor: Actor, whistle_id: str) -> WhistleJSON:
        """``POST /whistles/{id}/checkin`` (unit, for its own unit); repeat check-ins are no-ops."""
        self._check_role(actor, "checkin", whistle_id)
        with self._command(actor, "checkin", whistle_id) as tx:
            whistle = tx.session.get(Whistle, whistle_id, with_for_update=True)
            if whistle is None or not whistle.region_path.startswith(
                    self.ctx.tree.posts[actor.post_id].path):
                raise NotFound(f"no whistle {whistle_id}")
            unit_id = actor.unit_id
            if unit_id is None or unit_id not in whistle.unit_ids:
                raise Forbidden("your unit was not summoned by this whistle")
            if unit_id in whistle.checked_in:
                return whistle_json(whistle)
            if not whistle.open:
                raise Conflict(f"whistle {whistle_id} is over")
            now = utcnow()
            whistle.checked_in = {**whistle.checked_in, unit_id: to_rfc3339(now)}
            if set(whistle.checked_in) >= set(whistle.unit_ids):
                whistle.open = False
            case = tx.session.get(Case, whistle.case_id)
            assert case is not None
            add_mark(self.ctx, tx, "checkin", case, actor.unit_id, now,
                     on_time=now < whistle.deadline)
            self._record_whistle(tx, whistle, case, "whistle.updated")
            self._audit_ok(tx, actor, "checkin", whistle.id, actor.unit_id or "",
                           whistle.region_path)
            return whistle_json(whistle)

    def _close_whistles(self, tx: WriteTx, case: Case) -> None:
        for whistle in tx.session.scalars(
                select(Whistle).where(Whistle.case_id == case.id, Whistle.open.is_(True))
                .with_for_update()):
            whistle.open = False
            self._record_whistle(tx, whistle, case, "whistle.updated")

    def _record_whistle(self, tx: WriteTx, whistle: Whistle, case: Case, type_: str) -> None:
        self.ctx.journal.record(tx, type_, {"whistle": whistle_json(whistle)},
                                case_id=case.id, now=utcnow(),
                                post_ids=self.ctx.tree.posts_seeing(case.region_id))

    # ---- shared
    @staticmethod
    def _bump(case: Case) -> None:
        case.version += 1
        case.updated_at = utcnow()

    def _case_updated(self, tx: WriteTx, case: Case, action: str, actor: Actor,
                      note: str) -> None:
        self._record_case_event(tx, case, "case.updated", {
            "case": case_json(case), "action": action, "actor": actor.name, "note": note})


def _check_version(case: Case, expected_version: int | None) -> None:
    """409 when the command names a version the case is no longer at."""
    if expected_version is not None and expected_version != case.version:
        raise Conflict(f"case {case.id} is at version {case.version}, "
                       f"not {expected_version}", case=case_json(case))


# Plain Core statements, built once (the ORM's bulk update costs milliseconds per call).
_COUNTERS = Counter.__table__
#: PostgreSQL: a sequence, which locks nothing until the commit (a counter row did, and
#: every report of every process queued behind the one before it); SQLite (one writer):
#: one statement creates the counter row or increments it
_NEXT_CASE_NUMBER = {
    "postgresql": select(CASE_NUMBERS.next_value()),
    "sqlite": (sqlite_insert(_COUNTERS).values(name="case", value=1)
               .on_conflict_do_update(index_elements=[_COUNTERS.c.name],
                                      set_={"value": _COUNTERS.c.value + 1})
               .returning(_COUNTERS.c.value)),
}
