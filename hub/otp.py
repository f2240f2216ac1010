"""The second factor: RFC 6238 TOTP (pyotp: 6 digits, 30 s) and one-time recovery codes.

``POST /session/otp`` makes a new secret (not yet in force) and answers it with an
``otpauth://`` URI for a QR code; ``POST /session/otp/confirm {"otp"}`` checks a code from
the authenticator, turns the factor on and answers 10 recovery codes, shown once (only
their SHA-256 is kept: each is 50 random bits, so a slow hash adds nothing). At login a
recovery code may stand in for the ``otp``; it is then used up. A TOTP is accepted once:
the step of the last one used is kept (``users.otp_last_step``), so a code seen on the
wire cannot be replayed within its 30 s.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

import pyotp
from sqlalchemy import delete, select

from hub.audit import add_entry
from hub.bodies import OtpStartJSON
from hub.db import Database
from hub.errors import Conflict, Invalid, NotFound
from hub.models import RecoveryCode, User
from hub.timeutil import utcnow

ISSUER = "Command Post 指挥中心"
RECOVERY_CODES = 10
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def _digest(code: str) -> str:
    return hashlib.sha256(code.strip().lower().replace("-", "").encode()).hexdigest()


def new_recovery_code() -> str:
    """``xxxxx-xxxxx`` from an alphabet without look-alikes (~49 bits)."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def code_step(secret: str, otp: str) -> int | None:
    """The 30 s step whose TOTP ``otp`` is (one step of clock drift allowed), or None."""
    if not (otp.isascii() and otp.isdigit() and len(otp) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = time.time()
    for drift in (0, -1, 1):
        at = now + drift * totp.interval
        if hmac.compare_digest(totp.at(at), otp):
            return int(at // totp.interval)
    return None


def code_ok(secret: str, otp: str) -> bool:
    """Whether ``otp`` is the current TOTP (one 30 s step of clock drift allowed)."""
    return code_step(secret, otp) is not None


def start(db: Database, user_id: str, path: str, addr: str) -> OtpStartJSON:
    """A new secret for the user, not in force until confirmed."""
    secret = pyotp.random_base32()
    with db.write() as tx:
        user = tx.session.get(User, user_id)
        if user is None:
            raise NotFound("no such user")
        if user.otp_enabled:
            raise Conflict("a second factor is already on; an admin resets it")
        user.otp_secret = secret
        add_entry(tx.session, actor=user.username, role=user.role, action="otp.start",
                  target=user.username, outcome="ok", addr=addr, detail="",
                  region_path=path)
        uri = pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER)
    return {"secret": secret, "uri": uri}


def confirm(db: Database, user_id: str, otp: str, path: str, addr: str) -> list[str]:
    """Turn the factor on with a code from the authenticator; return the recovery codes.

    Raises:
        Conflict: no enrolment was started, or the factor is already on.
        Invalid: the code is wrong.
    """
    codes = [new_recovery_code() for _ in range(RECOVERY_CODES)]
    with db.write() as tx:
        user = tx.session.get(User, user_id)
        if user is None:
            raise NotFound("no such user")
        if user.otp_enabled or not user.otp_secret:
            raise Conflict("start the enrolment first (POST /session/otp)")
        step = code_step(user.otp_secret, otp)
        if step is None:
            raise Invalid("the code does not match; check the device's clock")
        user.otp_enabled, user.otp_last_step = True, step
        tx.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        for code in codes:
            tx.session.add(RecoveryCode(user_id=user.id, code_hash=_digest(code)))
        add_entry(tx.session, actor=user.username, role=user.role, action="otp.confirm",
                  target=user.username, outcome="ok", addr=addr, detail="", region_path=path)
    return codes


def check_login(db: Database, user: User, otp: str) -> bool:
    """The login's second factor: a TOTP not used before (a code seen once is refused
    for the rest of its 30 s), or an unused recovery code (then used up)."""
    step = code_step(user.otp_secret, otp) if user.otp_secret else None
    if step is not None:
        with db.write() as tx:
            row = tx.session.get(User, user.id)
            if row is None or (row.otp_last_step is not None and step <= row.otp_last_step):
                return False  # replayed (or older than the last one used)
            row.otp_last_step = step
        return True
    digest = _digest(otp)
    with db.write() as tx:
        for code in tx.session.scalars(select(RecoveryCode).where(
                RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))):
            if hmac.compare_digest(code.code_hash, digest):
                code.used_at = utcnow()
                return True
    return False


def reset(db: Database, username: str) -> None:
    """An admin turns a user's second factor off (a lost device); they enrol again."""
    with db.write() as tx:
        user = tx.session.scalars(select(User).where(User.username == username)).first()
        if user is None:
            raise NotFound(f"no user {username}")
        user.otp_enabled, user.otp_secret = False, None
        tx.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        add_entry(tx.session, actor="admin", role="admin", action="user.reset_otp",
                  target=username, outcome="ok", addr="", detail="", region_path="/")
