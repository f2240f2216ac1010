"""Sessions: login with lockout, bearer-token authentication, logout."""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from hub.audit import add_entry
from hub.context import Actor, HubContext
from hub.errors import RateLimited, Unauthenticated
from hub.models import LoginFailure, Session, User
from hub.security import hash_password, new_token, token_digest, verify_password
from hub.timeutil import to_rfc3339, utcnow

_DUMMY_HASH = hash_password("not a password of anyone")


class Sessions:
    """Logs users in and out and turns bearer tokens into actors."""

    #: how long a verified token is trusted without a database look-up (a logout in this
    #: process evicts at once; one in another hub process is seen within this time)
    CACHE_S = 5.0

    def __init__(self, ctx: HubContext) -> None:
        self.ctx = ctx
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

    def login(self, username: str, password: str, addr: str) -> dict[str, Any]:
        """Check the password (slowly), apply the lockout rule, and open a session.

        Raises:
            RateLimited: 5 failures within the window locked the name for the window.
            Unauthenticated: wrong username or password.
        """
        ctx, cfg = self.ctx, self.ctx.config
        with ctx.db.read() as s:
            user = s.scalars(select(User).where(User.username == username)).first()
            recent = list(s.scalars(
                select(LoginFailure.at).where(LoginFailure.username == username)
                .order_by(LoginFailure.at.desc()).limit(cfg.lockout_failures)))
        now = utcnow()
        window = timedelta(seconds=cfg.lockout_window_s)
        path = ctx.tree.posts[user.post_id].path if user else "/"
        role = user.role if user else ""
        audit = {"actor": username, "role": role, "action": "login", "target": username,
                 "addr": addr, "region_path": path}
        locked = (len(recent) >= cfg.lockout_failures and recent[0] - recent[-1] <= window
                  and now - recent[0] < window)
        if locked:
            with ctx.db.write() as tx:
                add_entry(tx.session, outcome="denied", detail="locked out", **audit)
            raise RateLimited("too many failed logins; try again in 15 minutes")
        ok = verify_password(password, user.password_hash if user else _DUMMY_HASH)
        if not (ok and user is not None and user.active):
            with ctx.db.write() as tx:
                tx.session.add(LoginFailure(username=username, at=now))
                add_entry(tx.session, outcome="denied", detail="wrong username or password",
                          **audit)
            raise Unauthenticated("wrong username or password")
        token = new_token()
        expires = now + timedelta(seconds=cfg.token_ttl_s)
        with ctx.db.write() as tx:
            tx.session.execute(delete(LoginFailure).where(LoginFailure.username == username))
            tx.session.execute(delete(Session).where(Session.expires_at < now))
            tx.session.add(Session(token_hash=token_digest(token), user_id=user.id,
                                   created_at=now, expires_at=expires))
            add_entry(tx.session, outcome="ok", detail="", **audit)
        actor = self._actor(user, addr)
        return {"token": token, "expires_at": to_rfc3339(expires), "user": actor.user_json()}

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

    @staticmethod
    def _actor(user: User, addr: str) -> Actor:
        return Actor(user_id=user.id, username=user.username, name=user.name, role=user.role,
                     post_id=user.post_id, unit_id=user.unit_id, addr=addr)
