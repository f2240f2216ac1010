"""API keys of the Open311 intake channels: one key per channel, bound to one post.

A key is ``cp311_`` + 32 random URL-safe characters (192 bits); the database keeps only
its SHA-256 (a high-entropy secret needs no slow hash, as with the session tokens), so a
lost key cannot be shown again, only revoked and replaced.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from hub.db import Database
from hub.models import ApiKey, Post
from hub.timeutil import utcnow

KEY_PREFIX = "cp311_"
MAX_NAME = 60


def key_hash(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What may be shown of a key: never the key itself."""

    id: str
    name: str
    post_id: str
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        """Whether requests posted with the key are accepted."""
        return self.revoked_at is None


def _info(row: ApiKey) -> KeyInfo:
    return KeyInfo(row.id, row.name, row.post_id, row.created_at, row.revoked_at)


class ApiKeys:
    """Add, list, revoke and check the API keys stored in one hub database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, post_id: str, name: str) -> tuple[KeyInfo, str]:
        """Create a key for ``post_id``; returns its info and the key (shown once).

        Raises:
            ValueError: unknown post, or an empty or over-long name.
        """
        name = name.strip()
        if not name or len(name) > MAX_NAME:
            raise ValueError(f"the name must have 1 to {MAX_NAME} characters")
        key = KEY_PREFIX + secrets.token_urlsafe(24)
        with self.db.write() as tx:
            if tx.session.get(Post, post_id) is None:
                raise ValueError(f"no post {post_id!r} in this database")
            row = ApiKey(id="K" + uuid.uuid4().hex[:10], name=name, post_id=post_id,
                         key_hash=key_hash(key), created_at=utcnow(), revoked_at=None)
            tx.session.add(row)
            info = _info(row)
        return info, key

    def list(self) -> list[KeyInfo]:
        """Every key, oldest first (revoked ones too)."""
        with self.db.read() as s:
            return [_info(r) for r in s.scalars(select(ApiKey).order_by(ApiKey.created_at,
                                                                         ApiKey.id))]

    def revoke(self, key_id: str) -> KeyInfo:
        """Revoke a key by its id (idempotent). Raises ValueError for an unknown id."""
        with self.db.write() as tx:
            row = tx.session.get(ApiKey, key_id)
            if row is None:
                raise ValueError(f"no API key {key_id!r}")
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            return _info(row)

    def check(self, key: str) -> KeyInfo | None:
        """The active key matching ``key``, or None."""
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        with self.db.read() as s:
            row = s.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash(key)))
            if row is None or row.revoked_at is not None:
                return None
            return _info(row)
