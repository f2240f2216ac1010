"""SQLAlchemy 2 models of the hub's database (SQLite by default, PostgreSQL by URL).

Times are stored as timezone-aware UTC (``UTCDateTime``): ``timestamptz`` on PostgreSQL,
an ISO string on SQLite. Every change a command makes, its events and its audit row are
written in one transaction (see ``hub.journal``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    Sequence,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hub.bodies import PendingJSON
from hub.data_at_rest import EncryptedText


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base of every hub table."""

    # every model maps one Table (SQLAlchemy types it as any FromClause)
    __table__: ClassVar[Table]


class Region(Base):
    """A node of the jurisdiction tree (prefecture → county → town → village → grid)."""

    __tablename__ = "regions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id"), index=True)
    path: Mapped[str] = mapped_column(String(400), index=True)  # "/532300/532301/…/"
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class Post(Base):
    """A command post; ``seq`` is the last number handed out in its feed."""

    __tablename__ = "posts"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id"), unique=True)
    level: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    pruned_through: Mapped[int] = mapped_column(BigInteger, default=0)


class Unit(Base):
    """Whoever handles cases: a department, a town or village station, a grid team."""

    __tablename__ = "units"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id"), index=True)
    on_duty: Mapped[int] = mapped_column(Integer, default=0)
    phone: Mapped[str | None] = mapped_column(String(40))
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)


class User(Base):
    """An account; ``password_hash`` is a salted scrypt hash (see ``hub.security``)."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    post_id: Mapped[str] = mapped_column(ForeignKey("posts.id"), index=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # security additions (protocol 1.1; see hub.accounts and hub.otp)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    otp_secret: Mapped[str | None] = mapped_column(String(64))
    otp_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    otp_last_step: Mapped[int | None] = mapped_column(BigInteger)  # no code used twice


class Session(Base):
    """A login; only the SHA-256 of the bearer token is stored."""

    __tablename__ = "sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class LoginFailure(Base):
    """One wrong password, kept for the lockout rule."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Category(Base):
    """A case category (环境卫生 …), in display order."""

    __tablename__ = "categories"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class Subcategory(Base):
    """A subcategory with its SLA in hours."""

    __tablename__ = "subcategories"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(ForeignKey("categories.name"))
    sla_hours: Mapped[float] = mapped_column(Float)
    position: Mapped[int] = mapped_column(Integer)


class Case(Base):
    """One reported matter (fields as in the protocol, Open311-like)."""

    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40))
    subcategory: Mapped[str] = mapped_column(String(60))
    priority: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12), index=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id"))
    region_path: Mapped[str] = mapped_column(String(400), index=True)
    address: Mapped[str] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # ---- protocol 1.1: the closed loop (see hub.loop and docs/closed-loop.md)
    sign_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    callback_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pending: Mapped[PendingJSON | None] = mapped_column(JSON)
    satisfaction: Mapped[str | None] = mapped_column(String(24))
    solved: Mapped[bool | None] = mapped_column(Boolean)
    merged_into: Mapped[str | None] = mapped_column(String(40))
    resolved_by: Mapped[str | None] = mapped_column(String(40))  # the last resolving unit
    urges: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    returns: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    extensions: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reworks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # personal data: SM4-sealed at rest when the hub has a data key (hub.data_at_rest)
    reporter_name: Mapped[str | None] = mapped_column(EncryptedText("cases.reporter_name"))
    reporter_phone: Mapped[str | None] = mapped_column(EncryptedText("cases.reporter_phone"))


class Counter(Base):
    """A named counter incremented under a row lock (case numbers on SQLite)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


#: case numbers on PostgreSQL: no row lock held to the commit (migration 0006)
CASE_NUMBERS = Sequence("case_numbers", metadata=Base.metadata)


class Event(Base):
    """One change, stored once with its JSON-encoded ``data``; posts see it via FeedEntry."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(32))
    ts: Mapped[datetime] = mapped_column(UTCDateTime)
    case_id: Mapped[str | None] = mapped_column(String(40), index=True)
    data: Mapped[str] = mapped_column(Text)


class FeedEntry(Base):
    """The event's number in one post's feed: (post, seq) is gapless per post."""

    __tablename__ = "feed"
    post_id: Mapped[str] = mapped_column(ForeignKey("posts.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          index=True)
    ts: Mapped[datetime] = mapped_column(UTCDateTime)


class Call(Base):
    """A video call room, for a case or for the post that opened it."""

    __tablename__ = "calls"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(400))
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    unit_ids: Mapped[list[str]] = mapped_column(JSON)
    post_id: Mapped[str] = mapped_column(ForeignKey("posts.id"))
    region_path: Mapped[str] = mapped_column(String(400))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)


class Whistle(Base):
    """吹哨报到: a post summons several units to one case; each checks in."""

    __tablename__ = "whistles"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    unit_ids: Mapped[list[str]] = mapped_column(JSON)
    checked_in: Mapped[dict[str, str]] = mapped_column(JSON)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    region_path: Mapped[str] = mapped_column(String(400))
    open: Mapped[bool] = mapped_column(Boolean, default=True, index=True)


class AuditEntry(Base):
    """Every login and every command, accepted or refused."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(80))
    outcome: Mapped[str] = mapped_column(String(12))
    addr: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)
    region_path: Mapped[str] = mapped_column(String(400), index=True)
    # the SM3 hash chain (protocol 1.1; see hub.audit_chain)
    prev: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class IdempotencyKey(Base):
    """A report's ``Idempotency-Key`` (per user), kept at least 24 h."""

    __tablename__ = "idempotency_keys"
    user_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    #: SHA-256 of the report body the key was first used with (None: stored before
    #: migration 0007); a different body under the same key is refused
    body_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


class PasswordHistory(Base):
    """A user's earlier password hashes (the last 5 may not be used again)."""

    __tablename__ = "password_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class RecoveryCode(Base):
    """A one-time recovery code of a user's second factor (stored as its SHA-256)."""

    __tablename__ = "recovery_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(200))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditHead(Base):
    """The audit chain's head (one row, locked while an entry is chained) and the anchor
    left by retention: the hash of the last entry moved to an archive file."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    anchor_id: Mapped[int] = mapped_column(BigInteger, default=0)
    anchor_hash: Mapped[str] = mapped_column(String(64))
class ApiKey(Base):
    """An Open311 intake channel's API key (``hub apikey add``); only its SHA-256 is stored.

    Requests posted with the key become cases reported by the channel ``name`` into the
    jurisdiction of ``post_id``.
    """

    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    post_id: Mapped[str] = mapped_column(ForeignKey("posts.id"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoopMark(Base):
    """One fact the assessment (考核) counts, written with its event and never pruned.

    ``kind``: dispatch, reassign, accept, resolve, callback, request_return,
    approve_return, approve_extension, urge, summon, checkin. ``unit_id`` is the unit the
    fact counts for (for a callback: the unit that resolved the case); ``case_path`` the
    case's region path (the reader's jurisdiction); ``on_time`` for accept (≤ sign_due),
    resolve (≤ due_at) and checkin (before the whistle's deadline); ``result`` a
    callback's satisfaction, ``solved`` its answer, ``rework`` whether it sent the case back;
    ``due_before`` / ``due_after`` when the fact moved ``due_at``.
    """

    __tablename__ = "loop_marks"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    ts: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(24))
    unit_id: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[str] = mapped_column(String(40), index=True)
    case_path: Mapped[str] = mapped_column(String(400))
    on_time: Mapped[bool | None] = mapped_column(Boolean)
    result: Mapped[str | None] = mapped_column(String(24))
    solved: Mapped[bool | None] = mapped_column(Boolean)
    rework: Mapped[bool | None] = mapped_column(Boolean)
    # a change of due_at (approved extension, rework): before and after, so the assessment
    # knows a case's due time at any past moment
    due_before: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_after: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoopTally(Base):
    """The marks counted per UTC day: what ``GET /assessment`` reads for whole days.

    Kept up to date with every mark (an upsert in the same transaction); the window's
    partial days at either end are counted from ``loop_marks``. ``post_path`` is the path
    of the deepest post whose jurisdiction holds the case (every post that sees the case
    has a path that is a prefix of it); flags are 0/1 and ``result`` '' when none, so the
    whole key is the primary key.
    """

    __tablename__ = "loop_tally"
    day: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    post_path: Mapped[str] = mapped_column(String(400), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    on_time: Mapped[int] = mapped_column(Integer, primary_key=True)
    result: Mapped[str] = mapped_column(String(24), primary_key=True)
    solved: Mapped[int] = mapped_column(Integer, primary_key=True)
    rework: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


Index("ix_cases_open_scope", Case.status, Case.region_path)
Index("ix_loop_marks_case_ts", LoopMark.case_id, LoopMark.ts)


class RegionGeometry(Base):
    """A region's polygon: GeoJSON (Polygon or MultiPolygon, WGS 84 lon/lat) as text.

    In a table of its own (one row per region that has a polygon): the region tree is
    read on every scope question, the polygons only at start and by ``hub.geo``.
    """

    __tablename__ = "region_geometry"
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id"), primary_key=True)
    geojson: Mapped[str] = mapped_column(Text)
