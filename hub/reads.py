"""Read-side queries, always limited to the reading user's jurisdiction."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from hub.assessment import AssessmentJSON, assessment
from hub.audit_chain import entry_json as audit_entry_json
from hub.bodies import (
    AuditPageJSON,
    CaseJSON,
    CategoryJSON,
    EventJSON,
    EventsJSON,
    SnapshotJSON,
)
from hub.context import Actor, HubContext
from hub.errors import Forbidden, Gone, Invalid, NotFound
from hub.geo import GeometryAnswer
from hub.journal import encode_frame, event_json
from hub.models import AuditEntry, Call, Case, Event, FeedEntry, Post, Region, Unit, Whistle
from hub.serialize import (
    call_json,
    case_json,
    post_json,
    region_json,
    unit_json,
    whistle_json,
)
from hub.timeutil import to_rfc3339, utcnow

MAX_EVENTS_PAGE = 10_000


def _refuse_ahead(since: int, latest: int) -> None:
    """A feed's ``since`` past the post's last seq cannot come from this hub's feed (its
    database was restored to an older state, or the client mixed up hubs): 410, so the
    client reloads the snapshot instead of waiting, silently, for numbers already used.
    (``GET /events`` answers such a ``since`` with an empty page and the hub's latest, as
    the protocol's "the events after N" reads; the feed is where a client waits.)"""
    if since > latest:
        raise Gone(f"since={since} is ahead of this hub's feed (last seq {latest}); "
                   "reload the snapshot")


class Reads:
    """Snapshot, events, cases, history, audit and the feed's backlog."""

    def __init__(self, ctx: HubContext) -> None:
        self.ctx = ctx

    # ---- helpers
    def _path(self, actor: Actor) -> str:
        return self.ctx.tree.posts[actor.post_id].path

    def call_visible(self, call: Call, actor: Actor) -> bool:
        """A call of a case is seen where the case is; a call without one by its post only."""
        if call.case_id is None:
            return call.post_id == actor.post_id
        return call.region_path.startswith(self._path(actor))

    def visible_case(self, s: Session, actor: Actor, case_id: str,
                     for_update: bool = False) -> Case:
        """Return the case if the actor's post sees it; otherwise 404 (no existence leak).
        ``for_update`` locks its row until the transaction ends (another hub process's
        command on the same case waits, then sees this one's change)."""
        # populate_existing: a copy read earlier in this transaction, before the lock,
        # is refreshed from the locked row (else its version could be stale)
        case = s.get(Case, case_id, with_for_update=for_update, populate_existing=for_update)
        if case is None or not case.region_path.startswith(self._path(actor)):
            raise NotFound(f"no case {case_id}")
        return case

    # ---- public API
    def categories(self) -> list[CategoryJSON]:
        """``GET /categories``."""
        return self.ctx.categories_json

    def snapshot(self, actor: Actor) -> SnapshotJSON:
        """``GET /snapshot``: open cases, cases closed in 24 h, active calls, open whistles."""
        path = self._path(actor)
        now = utcnow()
        with self.ctx.db.read() as s:
            seq = s.scalar(select(Post.seq).where(Post.id == actor.post_id)) or 0
            cases = list(s.scalars(
                select(Case).where(Case.region_path.startswith(path, autoescape=True))
                .where(or_(Case.closed_at.is_(None), Case.closed_at > now - timedelta(days=1)))
                .order_by(Case.reported_at)))
            regions = list(s.scalars(
                select(Region).where(Region.path.startswith(path, autoescape=True))
                .order_by(Region.path)))
            unit_ids_held = {c.unit_id for c in cases if c.unit_id}
            units = list(s.scalars(
                select(Unit).join(Region, Region.id == Unit.region_id)
                .where(Region.path.startswith(path, autoescape=True))))
            missing = unit_ids_held - {u.id for u in units}
            if missing:
                units += list(s.scalars(select(Unit).where(Unit.id.in_(missing))))
            calls = list(s.scalars(
                select(Call).where(Call.ended_at.is_(None))
                .where(or_(and_(Call.case_id.is_not(None),
                                Call.region_path.startswith(path, autoescape=True)),
                           and_(Call.case_id.is_(None), Call.post_id == actor.post_id)))))
            whistles = list(s.scalars(
                select(Whistle).where(Whistle.open.is_(True))
                .where(Whistle.region_path.startswith(path, autoescape=True))))
        return {
            "seq": seq,
            "server_time": to_rfc3339(now),
            "post": post_json(self.ctx.tree.posts[actor.post_id]),
            "regions": [region_json(r) for r in regions],
            "units": [unit_json(u) for u in units],
            "cases": [case_json(c) for c in cases],
            "calls": [call_json(c) for c in calls],
            "whistles": [whistle_json(w) for w in whistles],
        }

    def region_geometry(self, actor: Actor) -> GeometryAnswer:
        """``GET /regions/geometry`` (1.1): the polygons of the post's subtree."""
        return self.ctx.geo.answer(self._path(actor))

    def events(self, actor: Actor, since: int, limit: int) -> EventsJSON:
        """``GET /events``: the events after ``since`` in the actor's post's numbering."""
        if since < 0 or limit < 1:
            raise Invalid("since must be >= 0 and limit >= 1")
        limit = min(limit, MAX_EVENTS_PAGE)
        with self.ctx.db.read() as s:
            post = s.get(Post, actor.post_id)
            assert post is not None
            if since < post.pruned_through:
                raise Gone(f"events up to {post.pruned_through} are no longer kept; "
                           "reload the snapshot")
            rows = s.execute(
                select(FeedEntry.seq, Event.ts, Event.type, Event.data)
                .join(Event, Event.id == FeedEntry.event_id)
                .where(FeedEntry.post_id == actor.post_id, FeedEntry.seq > since)
                .order_by(FeedEntry.seq).limit(limit)).all()
            latest = post.seq
        return {"events": [event_json(*row) for row in rows], "seq": latest}

    def case(self, actor: Actor, case_id: str) -> CaseJSON:
        """``GET /cases/{id}``."""
        with self.ctx.db.read() as s:
            return case_json(self.visible_case(s, actor, case_id))

    def history(self, actor: Actor, case_id: str) -> list[EventJSON]:
        """``GET /cases/{id}/history``: the case's events still kept, oldest first."""
        with self.ctx.db.read() as s:
            self.visible_case(s, actor, case_id)
            rows = s.execute(
                select(FeedEntry.seq, Event.ts, Event.type, Event.data)
                .join(Event, Event.id == FeedEntry.event_id)
                .where(FeedEntry.post_id == actor.post_id, Event.case_id == case_id)
                .order_by(FeedEntry.seq)).all()
        return [event_json(*row) for row in rows]

    def audit(self, actor: Actor, since: int, limit: int) -> AuditPageJSON:
        """``GET /audit`` (supervisor): entries of the post's jurisdiction, oldest first."""
        if actor.role not in ("supervisor", "auditor"):
            raise Forbidden("only a supervisor or an auditor reads the audit log")
        if since < 0 or limit < 1:
            raise Invalid("since must be >= 0 and limit >= 1")
        query = select(AuditEntry).where(AuditEntry.id > since)
        if actor.role != "auditor":  # the auditor reads the whole hub's log
            query = query.where(
                AuditEntry.region_path.startswith(self._path(actor), autoescape=True))
        with self.ctx.db.read() as s:
            rows = list(s.scalars(query.order_by(AuditEntry.id).limit(min(limit, 1000))))
        entries = [audit_entry_json(e) for e in rows]
        return {"entries": entries, "last": rows[-1].id if rows else since}

    def assessment(self, actor: Actor, start: str | None, end: str | None, by: str
                   ) -> AssessmentJSON:
        """``GET /assessment`` (officer, supervisor, wall): 考核 counts of the jurisdiction."""
        if actor.role not in ("officer", "supervisor", "wall"):
            raise Forbidden(f"a {actor.role} account cannot read the assessment")
        with self.ctx.db.read() as s:
            try:
                return assessment(s, self._path(actor), start, end, by)
            except ValueError as err:
                raise Invalid(str(err)) from None

    # ---- the feed
    def check_since(self, post_id: str, since: int) -> int:
        """Raise ``Gone`` if events after ``since`` were pruned; return the post's last seq."""
        with self.ctx.db.read() as s:
            post = s.get(Post, post_id)
            assert post is not None
            if since < post.pruned_through:
                raise Gone("events since then are no longer kept; reload the snapshot")
            _refuse_ahead(since, post.seq)
            return post.seq

    def feed_frames(self, post_id: str, after: int, limit: int) -> list[tuple[int, str]]:
        """Return up to ``limit`` encoded frames after ``after`` for the feed's replay."""
        with self.ctx.db.read() as s:
            rows = s.execute(
                select(FeedEntry.seq, Event.ts, Event.type, Event.data)
                .join(Event, Event.id == FeedEntry.event_id)
                .where(FeedEntry.post_id == post_id, FeedEntry.seq > after)
                .order_by(FeedEntry.seq).limit(limit)).all()
        return [(seq, encode_frame(seq, to_rfc3339(ts) or "", type_, data))
                for seq, ts, type_, data in rows]
