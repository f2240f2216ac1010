"""Protocol 1.1's closed loop: requests, decisions, callbacks, merges, and the marks the
assessment (考核) counts.

``LoopCommands`` is a mixin of ``hub.commands.Commands`` (it uses that class's plumbing:
``_command``, ``_check_role``, ``_case_for_update``, ``_bump``, ``_case_updated``,
``_audit_ok``): extend, decide, callback, merge and the unmasked reporter read. The 1.0
commands that 1.1 changes (return as a request; deadlines on dispatch, resolve, rework;
marks on accept, resolve, urge, whistle, check-in) stay in ``hub.commands`` and call the
helpers here.

Every fact the assessment counts is a ``LoopMark`` row written in the same transaction as
its event (events are pruned after days; marks stay, like the audit log).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from sqlalchemy import insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hub.audit import add_entry
from hub.bodies import CaseJSON, ReporterJSON
from hub.context import Actor
from hub.errors import Conflict, Forbidden, Invalid, NotFound
from hub.models import Case, LoopMark, LoopTally
from hub.schemas import CallbackBody, DecideBody, ExtendBody, MergeBody
from hub.serialize import case_json
from hub.timeutil import parse_rfc3339, to_rfc3339

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from hub.context import HubContext
    from hub.db import WriteTx
    from hub.reads import Reads

WORKING_STATUSES = ("dispatched", "accepted")
_TALLY = LoopTally.__table__
_MARKS = LoopMark.__table__


def add_mark(ctx: HubContext, tx: WriteTx, kind: str, case: Case, unit_id: str | None,
             ts: datetime, *, on_time: bool | None = None, result: str | None = None,
             solved: bool | None = None, rework: bool | None = None,
             due_before: datetime | None = None, due_after: datetime | None = None) -> None:
    """Write one fact the assessment counts, and count it in its day's tally (nothing when
    no unit is concerned)."""
    if unit_id is None:
        return
    mark = {"ts": ts, "kind": kind, "unit_id": unit_id, "case_id": case.id,
            "case_path": case.region_path, "on_time": on_time, "result": result,
            "solved": solved, "rework": rework, "due_before": due_before,
            "due_after": due_after}
    paths = [ctx.tree.posts[p].path for p in ctx.tree.posts_seeing(case.region_id)]
    key = {"day": ts.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0),
           "unit_id": unit_id, "post_path": max(paths, key=len, default=case.region_path),
           "kind": kind, "on_time": int(on_time is True), "result": result or "",
           "solved": int(solved is True), "rework": int(rework is True)}
    if tx.session.get_bind().dialect.name == "postgresql":  # one statement: mark and tally
        tx.session.execute(pg_insert(_TALLY).values(**key, n=1).on_conflict_do_update(
            index_elements=list(key), set_={"n": _TALLY.c.n + 1}
        ).add_cte(insert(_MARKS).values(**mark).cte("mark")))
        return
    tx.session.add(LoopMark(**mark))
    tx.session.execute(sqlite_insert(_TALLY).values(**key, n=1).on_conflict_do_update(
        index_elements=list(key), set_={"n": _TALLY.c.n + 1}))


def by_deadline(ts: datetime, due: datetime | None) -> bool:
    """At or before the deadline (no deadline: not on time, there was nothing to meet)."""
    return due is not None and ts <= due


def set_sign_due(ctx: HubContext, case: Case) -> None:
    """A unit now holds the case (dispatch, reassign, rework, reopen): it must sign by then."""
    limits = ctx.limits_of(case.category, case.subcategory)
    case.sign_due = ctx.clock.due(case.updated_at, limits.sign_hours, limits, case.priority)
    case.callback_due = None


def unit_of(actor: Actor) -> str:
    """The acting unit of a unit's command (403 for an account of no unit)."""
    if actor.unit_id is None:
        raise Forbidden("this account belongs to no unit")
    return actor.unit_id


def request(case: Case, kind: Literal["return", "extension"], unit_id: str, at: datetime,
            reason: str,
            until: datetime | None) -> None:
    """Set the case's pending request, or 409 when one is already waiting."""
    if case.pending:
        raise Conflict(f"case {case.id} already has a pending "
                       f"{case.pending.get('kind', 'request')} request")
    case.pending = {"kind": kind, "by": unit_id, "at": to_rfc3339(at), "reason": reason,
                    "until": to_rfc3339(until)}


class LoopCommands:
    """The 1.1 commands (mixed into ``hub.commands.Commands``)."""

    ctx: HubContext
    reads: Reads

    if TYPE_CHECKING:  # provided by hub.commands.Commands
        def _command(self, actor: Actor, action: str, target: str
                     ) -> AbstractContextManager[WriteTx]: ...
        def _audit_ok(self, tx: WriteTx, actor: Actor, action: str, target: str, detail: str,
                      region_path: str) -> None: ...
        def _check_role(self, actor: Actor, command: str, target: str) -> None: ...
        def _case_for_update(self, tx: WriteTx, actor: Actor, case_id: str,
                             expected_version: int | None) -> Case: ...
        def _case_updated(self, tx: WriteTx, case: Case, action: str, actor: Actor,
                          note: str) -> None: ...
        def _close_whistles(self, tx: WriteTx, case: Case) -> None: ...
        @staticmethod
        def _bump(case: Case) -> None: ...

    def extend(self, actor: Actor, case_id: str, body: ExtendBody) -> CaseJSON:
        """``POST /cases/{id}/extend`` (unit holding it): ask for ``due_at`` = ``until``."""
        self._check_role(actor, "extend", case_id)
        with self._command(actor, "extend", case_id) as tx:
            case = self._held_case(tx, actor, case_id, body.expected_version)
            try:
                until = parse_rfc3339(body.until)
            except (ValueError, OverflowError):
                raise Invalid(f"until is not an RFC 3339 time: {body.until!r}") from None
            if case.status not in WORKING_STATUSES:
                raise Conflict(f"cannot extend a case that is {case.status}")
            if case.due_at is not None and until <= case.due_at:
                raise Invalid("until must be later than the case's due_at")
            self._bump(case)
            if until <= case.updated_at:
                raise Invalid("until must be in the future")
            request(case, "extension", unit_of(actor), case.updated_at, body.reason, until)
            self._case_updated(tx, case, "request_extension", actor, body.reason)
            self._audit_ok(tx, actor, "extend", case.id, f"until={body.until}",
                           case.region_path)
            return case_json(case)

    def request_return(self, tx: WriteTx, actor: Actor, case: Case, note: str
                       ) -> CaseJSON:
        """``POST /cases/{id}/return`` on a 1.1 hub: a request the post decides (退单)."""
        if case.status not in WORKING_STATUSES:
            raise Conflict(f"cannot return a case that is {case.status}")
        self._bump(case)
        request(case, "return", unit_of(actor), case.updated_at, note, None)
        add_mark(self.ctx, tx, "request_return", case, actor.unit_id, case.updated_at)
        self._case_updated(tx, case, "request_return", actor, note)
        self._audit_ok(tx, actor, "return", case.id, note[:200], case.region_path)
        return case_json(case)

    def decide(self, actor: Actor, case_id: str, body: DecideBody) -> CaseJSON:
        """``POST /cases/{id}/decide`` (supervisor): approve or refuse the pending request."""
        self._check_role(actor, "decide", case_id)
        with self._command(actor, "decide", case_id) as tx:
            case = self._case_for_update(tx, actor, case_id, body.expected_version)
            pending = case.pending
            if not pending:
                raise Conflict(f"case {case_id} has no pending request to decide")
            self._bump(case)
            case.pending = None
            kind, unit_id = pending.get("kind"), pending.get("by")
            if body.approve and kind == "return":
                case.status, case.unit_id, case.sign_due = "returned", None, None
                case.returns = (case.returns or 0) + 1
                add_mark(self.ctx, tx, "approve_return", case, unit_id, case.updated_at)
            elif body.approve and kind == "extension":
                before, case.due_at = case.due_at, parse_rfc3339(str(pending["until"]))
                case.extensions = (case.extensions or 0) + 1
                add_mark(self.ctx, tx, "approve_extension", case, unit_id, case.updated_at,
                         due_before=before, due_after=case.due_at)
            action = "approve" if body.approve else "deny"
            self._case_updated(tx, case, action, actor, body.note)
            self._audit_ok(tx, actor, "decide", case.id, f"{action} {kind} of {unit_id}",
                           case.region_path)
            return case_json(case)

    def callback(self, actor: Actor, case_id: str, body: CallbackBody) -> CaseJSON:
        """``POST /cases/{id}/callback`` (intake, supervisor): close, or rework (重办)."""
        self._check_role(actor, "callback", case_id)
        with self._command(actor, "callback", case_id) as tx:
            case = self._case_for_update(tx, actor, case_id, body.expected_version)
            if case.status != "resolved":
                raise Conflict(f"cannot call back on a case that is {case.status}")
            self._bump(case)
            reached = body.satisfaction != "unreachable"
            case.satisfaction = body.satisfaction
            case.solved = body.solved if reached else None
            rework = reached and (body.satisfaction == "dissatisfied" or not body.solved)
            resolver = case.resolved_by or case.unit_id
            before = case.due_at
            if rework:
                case.status, case.unit_id = "dispatched", resolver
                case.reworks = (case.reworks or 0) + 1
                limits = self.ctx.limits_of(case.category, case.subcategory)
                case.due_at = self.ctx.clock.due(case.updated_at, limits.resolve_hours, limits,
                                                 case.priority)
                set_sign_due(self.ctx, case)
                action = "rework"
            else:
                case.status, case.closed_at = "closed", case.updated_at
                self._close_whistles(tx, case)
                action = "callback"
            add_mark(self.ctx, tx, "callback", case, resolver, case.updated_at,
                     result=body.satisfaction, solved=case.solved, rework=rework,
                     due_before=before if rework else None,
                     due_after=case.due_at if rework else None)
            self._case_updated(tx, case, action, actor, body.note)
            self._audit_ok(tx, actor, "callback", case.id,
                           f"{action} solved={case.solved} {body.satisfaction}",
                           case.region_path)
            return case_json(case)

    def merge(self, actor: Actor, case_id: str, body: MergeBody) -> CaseJSON:
        """``POST /cases/{id}/merge`` (officer, supervisor): close a duplicate (并单)."""
        self._check_role(actor, "merge", case_id)
        with self._command(actor, "merge", case_id) as tx:
            case = self._case_for_update(tx, actor, case_id, body.expected_version)
            if body.into == case.id:
                raise Invalid("a case cannot be merged into itself")
            try:
                into = self.reads.visible_case(tx.session, actor, body.into)
            except NotFound:
                raise Invalid(f"unknown case {body.into}") from None
            if case.status == "closed":
                raise Conflict(f"case {case_id} is closed")
            if into.status == "closed":
                raise Conflict(f"case {body.into} is closed; merge into an open case")
            self._bump(case)
            case.status, case.closed_at, case.merged_into = "closed", case.updated_at, into.id
            case.pending = None
            self._close_whistles(tx, case)
            self._case_updated(tx, case, "merge", actor, body.note)
            self._audit_ok(tx, actor, "merge", case.id, f"into={into.id}", case.region_path)
            return case_json(case)

    def reporter(self, actor: Actor, case_id: str) -> ReporterJSON | None:
        """``GET /cases/{id}/reporter`` (supervisor, intake): unmasked, and audited."""
        self._check_role(actor, "reporter", case_id)
        with self._command(actor, "reporter", case_id) as tx:
            case = self.reads.visible_case(tx.session, actor, case_id)
            add_entry(tx.session, actor=actor.username, role=actor.role, action="reporter",
                      target=case.id, outcome="ok", addr=actor.addr,
                      detail="unmasked reporter read", region_path=case.region_path)
            if case.reporter_name is None and case.reporter_phone is None:
                return None
            return {"name": case.reporter_name or "", "phone": case.reporter_phone or ""}

    # ---- helpers
    def _held_case(self, tx: WriteTx, actor: Actor, case_id: str,
                   expected_version: int | None) -> Case:
        """The case, if the actor's unit holds it (403 otherwise), at the expected version."""
        case = self.reads.visible_case(tx.session, actor, case_id)
        if case.unit_id is None or case.unit_id != actor.unit_id:
            raise Forbidden(f"case {case_id} is not held by your unit")
        return self._case_for_update(tx, actor, case_id, expected_version)
