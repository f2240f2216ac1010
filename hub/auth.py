"""Sessions: login with lockout (``hub.login_guard``) and a second factor (``hub.otp``),
bearer-token authentication, logout, and a per-user cap on live sessions."""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import datetime, timedelta
from typing import TypedDict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from hub.audit import add_entry
from hub.bodies import SessionJSON
from hub.context import Actor, HubContext
from hub.errors import OtpRequired, RateLimited, Unauthenticated
from hub.login_guard import LoginGuard
from hub.models import Session, User
from hub.otp import check_login as otp_check
from hub.security import hash_password, new_token, token_digest, verify_password
from hub.timeutil import to_rfc3339, utcnow

_DUMMY_HASH = hash_password("not a password of anyone")


class LoginAudit(TypedDict):
    """Who tries to log in, from where: the audit row's fields but outcome and detail."""

    actor: str
    role: str
    action: str
    target: str
    addr: str
    region_path: str


class Sessions:
    """Logs users in and out and turns bearer tokens into actors."""

    #: how long a verified token is trusted without a database look-up (a logout in this
    #: process evicts at once; one in another hub process is seen within this time)
    CACHE_S = 5.0

    def __init__(self, ctx: HubContext) -> None:
        self.ctx = ctx
        cfg = ctx.config
        self.guard = LoginGuard(cfg.lockout_failures, cfg.lockout_window_s,
                                cfg.lockout_addr_failures, cfg.hash_workers, cfg.hash_queue)
        self._cache: dict[str, tuple[Actor, datetime, float]] = {}
        self._cache_lock = threading.Lock()

    def cached(self, token: str | None, addr: str = "") -> Actor | None:
        """The actor of a recently verified token, without touching the database."""
        if not token:
            return None
        with self._cache_lock:
            hit = self._cache.get(token_digest(token))
        if hit is None:
            return None
        actor, expires, checked = hit
        if time.monotonic() - checked > self.CACHE_S or expires <= utcnow():
            return None
        return dataclasses.replace(actor, addr=addr)

    def login(self, username: str, password: str, addr: str, otp: str | None = None
              ) -> SessionJSON:
        """Check the password (slowly, in the bounded pool), the second factor, the
        lockout rules, and open a session.

        Raises:
            RateLimited: the name is locked, the address throttled, or the hub busy.
            OtpRequired: the account has a second factor and ``otp`` is missing or wrong.
            Unauthenticated: wrong username or password.
        """
        ctx, cfg, guard = self.ctx, self.ctx.config, self.guard
        with ctx.db.read() as s:
            user = s.scalars(select(User).where(User.username == username)).first()
            path = ctx.tree.posts[user.post_id].path if user else "/"
        audit: LoginAudit = {"actor": username, "role": user.role if user else "",
                             "action": "login", "target": username, "addr": addr,
                             "region_path": path}
        try:
            guard.admit(ctx.db, username, addr)
        except RateLimited as err:
            self._audit_refusal(audit, err.message)
            raise
        failed = False
        try:
            try:
                stored = user.password_hash if user else _DUMMY_HASH
                ok = guard.pool.run(lambda: verify_password(password, stored))
            except RateLimited as err:
                self._audit_refusal(audit, err.message)
                raise
            ok = ok and user is not None and user.active
            second = ok and user is not None and bool(user.otp_enabled)
            if second and not otp:
                self._audit_refusal(audit, "second factor required")
                raise OtpRequired("enter the 6-digit code of your authenticator")
            if second and user is not None and not otp_check(ctx.db, user, otp or ""):
                ok = False
            if not ok or user is None:
                failed = True
                with ctx.db.write() as tx:
                    guard.record(tx.session, username, ok=False)
                    add_entry(tx.session, outcome="denied",
                              detail="wrong second factor" if second
                              else "wrong username or password", **audit)
                if second:
                    raise OtpRequired("the code is wrong; enter the current one")
                raise Unauthenticated("wrong username or password")
            token = new_token()
            now = utcnow()
            expires = now + timedelta(seconds=cfg.token_ttl_s)
            with ctx.db.write() as tx:
                guard.record(tx.session, username, ok=True)
                tx.session.execute(delete(Session).where(Session.expires_at < now))
                self._cap_sessions(tx.session, user.id, now)
                tx.session.add(Session(token_hash=token_digest(token), user_id=user.id,
                                       created_at=now, expires_at=expires))
                add_entry(tx.session, outcome="ok", detail="", **audit)
        finally:
            guard.release(username, addr, failed)
        actor = self._actor(user, addr)
        return {"token": token, "expires_at": to_rfc3339(expires), "user": actor.user_json(),
                "must_change_password": actor.restriction == "password",
                "otp_enrolment_required": actor.restriction == "otp"}

    def _audit_refusal(self, audit: LoginAudit, detail: str) -> None:
        with self.ctx.db.write() as tx:
            add_entry(tx.session, outcome="denied", detail=detail, **audit)

    def _cap_sessions(self, s: OrmSession, user_id: str, now: datetime) -> None:
        """Keep a user under ``sessions_per_user`` live sessions: end the oldest."""
        cap = self.ctx.config.sessions_per_user
        live = list(s.scalars(select(Session).where(
            Session.user_id == user_id, Session.revoked.is_(False), Session.expires_at > now)
            .order_by(Session.created_at)))
        for old in live[:max(0, len(live) - cap + 1)]:
            old.revoked = True
            with self._cache_lock:
                self._cache.pop(old.token_hash, None)

    def forget_user(self, user_id: str) -> None:
        """Drop a user's cached tokens (their restriction or state changed)."""
        with self._cache_lock:
            for key in [k for k, v in self._cache.items() if v[0].user_id == user_id]:
                del self._cache[key]

    def still_valid(self, token: str) -> bool:
        """Whether a token's session is live (not revoked, not expired, user active);
        the feed asks at every heartbeat."""
        with self.ctx.db.read() as s:
            row = s.execute(
                select(Session.revoked, Session.expires_at, User.active)
                .join(User, User.id == Session.user_id)
                .where(Session.token_hash == token_digest(token))).first()
        if row is None:
            return False
        revoked, expires, active = row
        return not revoked and expires > utcnow() and bool(active)

    def authenticate(self, token: str | None, addr: str = "") -> Actor:
        """Return the actor behind a bearer token, or raise ``Unauthenticated``."""
        if not token:
            raise Unauthenticated("missing bearer token")
        with self.ctx.db.read() as s:
            row = s.execute(
                select(Session, User).join(User, User.id == Session.user_id)
                .where(Session.token_hash == token_digest(token))).first()
        if row is None:
            raise Unauthenticated("unknown token")
        session, user = row
        if session.revoked or session.expires_at <= utcnow() or not user.active:
            raise Unauthenticated("session expired; log in again")
        actor = self._actor(user, addr)
        with self._cache_lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[token_digest(token)] = (actor, session.expires_at, time.monotonic())
        return actor

    def logout(self, token: str, actor: Actor) -> None:
        """Revoke one token."""
        with self._cache_lock:
            self._cache.pop(token_digest(token), None)
        with self.ctx.db.write() as tx:
            found = tx.session.get(Session, token_digest(token))
            if found is not None:
                found.revoked = True
            add_entry(tx.session, actor=actor.username, role=actor.role, action="logout",
                      target=actor.username, outcome="ok", addr=actor.addr, detail="",
                      region_path=self.ctx.tree.posts[actor.post_id].path)

    def _actor(self, user: User, addr: str) -> Actor:
        restriction = ""
        if user.must_change_password:
            restriction = "password"
        elif user.role in self.ctx.config.require_otp and not user.otp_enabled:
            restriction = "otp"
        return Actor(user_id=user.id, username=user.username, name=user.name, role=user.role,
                     post_id=user.post_id, unit_id=user.unit_id, addr=addr,
                     restriction=restriction)
