"""The JSON bodies the hub answers and records, as TypedDicts (/work/shared/protocol.md).

``hub.serialize`` builds the protocol's objects from rows; the commands and reads answer
them; ``client.protocol`` validates the same shapes on the console's side. These types say
what the hub *sends* (plain ``str`` where the protocol narrows to an enum: the rows hold
strings), so a key misspelt or a field forgotten is a type error here, not a 422 there.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict


class RegionJSON(TypedDict):
    id: str
    name: str
    level: str
    parent_id: str | None
    lat: float | None  # reference hub extension: the region's centre
    lon: float | None


class PostJSON(TypedDict):
    id: str
    name: str
    region_id: str
    level: str


class UnitJSON(TypedDict):
    id: str
    name: str
    kind: str
    region_id: str
    on_duty: int
    phone: str | None
    categories: list[str]  # reference hub extension


class PendingJSON(TypedDict):
    """A case's pending return or extension request (stored in ``cases.pending``)."""

    kind: Literal["return", "extension"]
    by: str
    at: str | None
    reason: str
    until: str | None


class CountsJSON(TypedDict):
    urges: int
    returns: int
    extensions: int
    reworks: int


class ReporterJSON(TypedDict):
    """The reporter, masked (``hub.masking``)."""

    name: str
    phone: str


class CaseJSON(TypedDict):
    id: str
    version: int
    title: str
    description: str
    category: str
    subcategory: str
    priority: str
    source: str
    status: str
    unit_id: str | None
    region_id: str
    address: str
    lat: float | None
    lon: float | None
    reported_at: str
    due_at: str | None
    updated_at: str
    closed_at: str | None
    # protocol 1.1
    sign_due: str | None
    callback_due: str | None
    pending: PendingJSON | None
    satisfaction: str | None
    solved: bool | None
    merged_into: str | None
    counts: CountsJSON
    reporter: ReporterJSON | None


class UrgedJSON(TypedDict):
    """The answer of ``POST /cases/{id}/urge``."""

    case_id: str
    unit_id: str
    note: str


class CallJSON(TypedDict):
    id: str
    title: str
    url: str
    case_id: str | None
    unit_ids: list[str]
    started_at: str
    ended_at: str | None


class WhistleJSON(TypedDict):
    id: str
    case_id: str
    unit_ids: list[str]
    checked_in: dict[str, str]
    deadline: str
    note: str
    actor: str
    created_at: str
    open: bool  # reference hub extension


class LimitsJSON(TypedDict):
    """A subcategory's time limits (protocol 1.1, ``hub.limits.Limits``)."""

    sign_hours: float
    resolve_hours: float
    callback_hours: float
    working_time: bool


class SubcategoryJSON(TypedDict):
    code: str
    name: str
    sla_hours: float
    limits: LimitsJSON


class CategoryJSON(TypedDict):
    """One entry of ``GET /categories``."""

    name: str
    subcategories: list[SubcategoryJSON]


class UserJSON(TypedDict):
    """The protocol's ``user`` object (inside a session)."""

    id: str
    name: str
    role: str
    post_id: str
    unit_id: str | None


class SessionJSON(TypedDict):
    """The answer of ``POST /session`` (the login)."""

    token: str
    expires_at: str
    user: UserJSON
    must_change_password: bool  # extension (issue 16): what the session must do first
    otp_enrolment_required: bool


class OtpStartJSON(TypedDict):
    """The answer of ``POST /session/otp``: the new secret and its ``otpauth://`` URI."""

    secret: str
    uri: str


class AccountJSON(TypedDict):
    """One account as ``hub users list`` shows it (no secrets)."""

    username: str
    name: str
    role: str
    post_id: str
    unit_id: str | None
    active: bool
    must_change_password: bool
    otp: bool
    recent_failures: bool
    password_changed_at: str | None


class SnapshotJSON(TypedDict):
    seq: int
    server_time: str
    post: PostJSON
    regions: list[RegionJSON]
    units: list[UnitJSON]
    cases: list[CaseJSON]
    calls: list[CallJSON]
    whistles: list[WhistleJSON]


class EventJSON(TypedDict):
    """An event of ``GET /events`` and a case's history; ``data`` is the recorded JSON."""

    seq: int
    ts: str | None
    type: str
    data: object


class EventsJSON(TypedDict):
    events: list[EventJSON]
    seq: int


class AuditEntryJSON(TypedDict):
    id: int
    at: str
    actor: str
    role: str
    action: str
    target: str
    outcome: str
    addr: str
    detail: str
    prev: str | None
    hash: str | None


class AuditPageJSON(TypedDict):
    entries: list[AuditEntryJSON]
    last: int


class ErrorDetailJSON(TypedDict):
    code: str
    message: str
    reason: NotRequired[str]  # extension: "database_unavailable" on a 503


class ErrorJSON(TypedDict):
    """Every error answer: ``{"error": {"code", "message"}}`` and, on a 409, the case."""

    error: ErrorDetailJSON
    case: NotRequired[CaseJSON]
