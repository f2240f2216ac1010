"""Accounts an ops team can run: add, list, disable, enable, reset, unlock; the password
rule and history; a user's own password change.

Protocol 1.1: a new password has at least 8 characters from 3 of lower, upper, digit and
symbol, and differs from the last 5 (the current one included) → else 422 ``invalid``. A
reset by an admin sets a temporary password and forces a change at the next login: until
then the session may only change the password or log out (see ``hub.session_policy``).
Every change here is written to the audit log (actor ``admin`` for the command line).
"""

from __future__ import annotations

import secrets
import string
import uuid
from dataclasses import dataclass
from typing import cast

from sqlalchemy import CursorResult, delete, select, update

from hub.audit import add_entry
from hub.bodies import AccountJSON
from hub.db import Database, WriteTx
from hub.errors import Invalid, NotFound
from hub.models import LoginFailure, PasswordHistory, Post, Region, Session, User
from hub.security import hash_password, verify_password
from hub.seed import ROLES as SEED_ROLES
from hub.timeutil import to_rfc3339, utcnow

ROLES = SEED_ROLES  # every role of the protocol, auditor included
HISTORY = 5


def password_problem(password: str) -> str | None:
    """Why ``password`` breaks the rule, or None when it is acceptable."""
    if len(password) < 8:
        return "a password needs at least 8 characters"
    if len(password) > 200:
        return "a password has at most 200 characters"
    classes = sum((any(c.islower() for c in password), any(c.isupper() for c in password),
                   any(c.isdigit() for c in password),
                   any(not c.isalnum() and not c.isspace() for c in password)))
    if classes < 3:
        return "a password needs 3 of: lower case, upper case, digits, symbols"
    return None


def temporary_password() -> str:
    """A random password meeting the rule (for resets and new accounts)."""
    alphabet = string.ascii_letters + string.digits
    while True:
        word = "".join(secrets.choice(alphabet) for _ in range(12)) + "-" + \
            str(secrets.randbelow(90) + 10)
        if password_problem(word) is None:
            return word


def _audit(tx: WriteTx, actor: str, role: str, action: str, target: str, detail: str,
           addr: str = "", region_path: str = "/") -> None:
    add_entry(tx.session, actor=actor, role=role, action=action, target=target, outcome="ok",
              addr=addr, detail=detail, region_path=region_path)


def _user(tx: WriteTx, username: str) -> User:
    user = tx.session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound(f"no user {username}")
    return user


def _region_path(tx: WriteTx, post_id: str) -> str:
    row = tx.session.execute(select(Region.path).join(Post, Post.region_id == Region.id)
                             .where(Post.id == post_id)).first()
    return row[0] if row else "/"


def _reused(tx: WriteTx, user: User, password: str) -> bool:
    hashes = [user.password_hash] + list(tx.session.scalars(
        select(PasswordHistory.password_hash).where(PasswordHistory.user_id == user.id)
        .order_by(PasswordHistory.id.desc()).limit(HISTORY - 1)))
    return any(verify_password(password, h) for h in hashes)


def _set_password(tx: WriteTx, user: User, password: str, must_change: bool) -> None:
    tx.session.add(PasswordHistory(user_id=user.id, password_hash=user.password_hash,
                                   at=utcnow()))
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.must_change_password = must_change


def change_own_password(db: Database, user_id: str, old: str, new: str, *,
                        actor: str, role: str, addr: str) -> None:
    """``POST /session/password``: check the old one, the rule and the history.

    Raises:
        Invalid: wrong old password, a rule broken, or one of the last 5 reused.
    """
    problem = password_problem(new)
    with db.write() as tx:
        user = tx.session.get(User, user_id)
        if user is None:
            raise NotFound("no such user")
        if not verify_password(old, user.password_hash):
            raise Invalid("the old password is wrong")
        if problem:
            raise Invalid(problem)
        if _reused(tx, user, new):
            raise Invalid(f"the new password must differ from the last {HISTORY}")
        _set_password(tx, user, new, must_change=False)
        _audit(tx, actor, role, "password.change", actor, "", addr,
               _region_path(tx, user.post_id))


@dataclass(frozen=True, slots=True)
class NewUser:
    """What ``hub user add`` creates."""

    username: str
    name: str
    role: str
    post_id: str
    unit_id: str | None = None


def add_user(db: Database, new: NewUser, password: str | None) -> str:
    """Create an account; returns its password (a temporary one, to change at first
    login, when none is given).

    Raises:
        Invalid: unknown role, post or unit, a taken name, or a password breaking the rule.
    """
    if new.role not in ROLES:
        raise Invalid(f"role must be one of {', '.join(ROLES)}")
    if (new.role == "unit") != (new.unit_id is not None):
        raise Invalid("a unit account needs --unit, and only a unit account takes one")
    if password is not None and (problem := password_problem(password)):
        raise Invalid(problem)
    chosen = password or temporary_password()
    with db.write() as tx:
        s = tx.session
        if s.scalars(select(User).where(User.username == new.username)).first():
            raise Invalid(f"user {new.username} exists")
        if s.get(Post, new.post_id) is None:
            raise Invalid(f"no post {new.post_id}")
        if new.unit_id is not None:
            from hub.models import Unit

            if s.get(Unit, new.unit_id) is None:
                raise Invalid(f"no unit {new.unit_id}")
        s.add(User(id=f"u-{uuid.uuid4().hex[:12]}", username=new.username, name=new.name,
                   role=new.role, post_id=new.post_id, unit_id=new.unit_id,
                   password_hash=hash_password(chosen), active=True,
                   must_change_password=password is None, password_changed_at=utcnow()))
        _audit(tx, "admin", "admin", "user.add", new.username,
               f"role {new.role}, post {new.post_id}", region_path=_region_path(tx, new.post_id))
    return chosen


def list_users(db: Database) -> list[AccountJSON]:
    """Every account with its state (no secrets)."""
    with db.read() as s:
        users = list(s.scalars(select(User).order_by(User.username)))
        locked_names = set(s.scalars(select(LoginFailure.username).distinct()))
    return [{"username": u.username, "name": u.name, "role": u.role, "post_id": u.post_id,
             "unit_id": u.unit_id, "active": u.active,
             "must_change_password": bool(u.must_change_password),
             "otp": bool(u.otp_enabled), "recent_failures": u.username in locked_names,
             "password_changed_at": to_rfc3339(u.password_changed_at)} for u in users]


def set_active(db: Database, username: str, active: bool) -> None:
    """Disable (sessions end at once) or enable an account."""
    with db.write() as tx:
        user = _user(tx, username)
        user.active = active
        if not active:
            tx.session.execute(update(Session).where(Session.user_id == user.id)
                               .values(revoked=True))
        _audit(tx, "admin", "admin", "user.enable" if active else "user.disable", username,
               "", region_path=_region_path(tx, user.post_id))


def reset_password(db: Database, username: str, password: str | None = None) -> str:
    """Set a temporary password and force a change at the next login; end its sessions."""
    if password is not None and (problem := password_problem(password)):
        raise Invalid(problem)
    chosen = password or temporary_password()
    with db.write() as tx:
        user = _user(tx, username)
        _set_password(tx, user, chosen, must_change=True)
        tx.session.execute(update(Session).where(Session.user_id == user.id)
                           .values(revoked=True))
        tx.session.execute(delete(LoginFailure).where(LoginFailure.username == username))
        _audit(tx, "admin", "admin", "user.reset_password", username, "",
               region_path=_region_path(tx, user.post_id))
    return chosen


def unlock(db: Database, username: str) -> int:
    """Forget a name's login failures (lifts its lockout); returns how many were kept."""
    with db.write() as tx:
        user = tx.session.scalars(select(User).where(User.username == username)).first()
        result = cast("CursorResult[tuple[()]]", tx.session.execute(  # a DELETE: a CursorResult
            delete(LoginFailure).where(LoginFailure.username == username)))
        _audit(tx, "admin", "admin", "user.unlock", username, "",
               region_path=_region_path(tx, user.post_id) if user else "/")
    return result.rowcount or 0
