"""Typed protocol objects: every frame and REST answer is decoded *and validated* here.

The hub is untrusted input. This module declares the protocol's objects
(``../shared/protocol.md``, 1.0 and the 1.1 additions) as msgspec types and decodes raw
bytes into them in one pass (msgspec validates while it parses; there are no
hand-written shape checks anywhere else in the client):

* objects (Case, Unit, Region, Post, Call, Whistle, Category, …) are ``TypedDict``\\ s, so
  a decoded object is a **plain dict** (``case["status"]``, ``case.get("sign_due")``) that
  the rest of the client, the panes and the review read as before;
* a feed frame is decoded through a tagged union of small ``Struct`` envelopes (one per
  event type, ``type`` is the tag) whose ``data`` is the type's TypedDict: msgspec picks
  the payload type from ``type`` while parsing; :func:`decode_frame` then returns the
  event as a plain dict ``{"seq", "ts", "type", "data"}``.

Rules (protocol "Conventions"):

* unknown fields are ignored (msgspec skips them while decoding: they are **not** kept in
  the dicts — a field the console needs must be declared here); every 1.1 field is
  declared, optional, so 1.0 hubs pass; the reference hub's documented extension fields
  (regions' ``lat``/``lon``, units' ``categories``, whistles' ``open``) are declared too;
* unknown event types with a valid envelope are returned as they are (the sequencer uses
  up their ``seq``, the store ignores them);
* absurd values are invalid: ids must be non-empty strings, ``seq`` and ``version`` are
  integers in ``[1, 2**53)``, times are real RFC 3339 times with a zone (checked by
  msgspec's datetime parser in a second pass over the same bytes, see
  :mod:`client.times_pass`), statuses and priorities are the protocol's words, latitudes
  and longitudes are in range.

Anything invalid raises :class:`ProtocolError` with a short ``reason`` (for the per-reason
junk counters) and the decoder's message (for the log).

Threading: decoders are immutable and thread-safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal, NotRequired, TypedDict, cast

import msgspec
from msgspec import Meta, Raw, Struct

from client.json_spans import SpanError, array_elements, object_members
from client.times_pass import TIME, CheckedDecoder, check_times

#: Upper bound of seq/version/ids counts (JSON numbers above 2**53 lose precision).
MAX_INT = 2**53 - 1

#: An RFC 3339 time with a zone, kept as the protocol's string. Its validity (calendar
#: and clock included: no month 13, no 24:00) is checked by a second decoding pass with
#: msgspec's own RFC 3339 parser (:mod:`client.times_pass`), not by a regex per field.
Time = Annotated[str, TIME]
Id = Annotated[str, Meta(min_length=1, max_length=256)]
Seq = Annotated[int, Meta(ge=1, le=MAX_INT)]
SeqOrZero = Annotated[int, Meta(ge=0, le=MAX_INT)]
Count = Annotated[int, Meta(ge=0, le=MAX_INT)]
Lat = Annotated[float, Meta(ge=-90.0, le=90.0)]
Lon = Annotated[float, Meta(ge=-180.0, le=180.0)]
Hours = Annotated[float, Meta(ge=0.0, le=1e6)]

Status = Literal["reported", "dispatched", "accepted", "resolved", "returned", "closed"]
Priority = Literal["normal", "urgent", "critical"]
Satisfaction = Literal["satisfied", "basically_satisfied", "dissatisfied", "unreachable"]


class ProtocolError(ValueError):
    """Bytes from the hub that are not what the protocol says.

    Attributes:
        reason: a short, stable key for counters (``"not JSON"``, ``"invalid $.seq"``, …).
        detail: the decoder's full message.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail or reason


#: An empty, read-only object: ``(state.cases.get(cid) or NOTHING).get("status")`` reads a
#: field of an object that may be missing (a plain ``{}`` there has no value type).
NOTHING: Mapping[str, Any] = MappingProxyType({})


# ---- Objects


class Region(TypedDict):
    id: Id
    name: str
    level: str
    parent_id: Id | None
    lat: NotRequired[Lat | None]  # reference hub extension
    lon: NotRequired[Lon | None]


class Post(TypedDict):
    id: Id
    name: str
    region_id: Id
    level: str


class Unit(TypedDict):
    id: Id
    name: str
    kind: str
    region_id: Id
    on_duty: Count
    phone: str | None
    categories: NotRequired[list[str]]  # reference hub extension


class Pending(TypedDict):
    kind: Literal["return", "extension"]
    by: Id
    at: Time
    reason: str
    until: NotRequired[Time | None]


class Counts(TypedDict):
    urges: Count
    returns: Count
    extensions: Count
    reworks: Count


class Reporter(TypedDict):
    name: str
    phone: str


class Case(TypedDict):
    """A case: every 1.0 field required, every 1.1 field optional (a 1.0 hub omits them)."""

    id: Id
    version: Seq
    title: str
    description: str
    category: str
    subcategory: str
    priority: Priority
    source: str
    status: Status
    unit_id: Id | None
    region_id: Id
    address: str
    lat: Lat | None
    lon: Lon | None
    reported_at: Time
    due_at: Time | None
    updated_at: Time
    closed_at: Time | None
    # 1.1
    sign_due: NotRequired[Time | None]
    callback_due: NotRequired[Time | None]
    pending: NotRequired[Pending | None]
    satisfaction: NotRequired[Satisfaction | None]
    solved: NotRequired[bool | None]
    merged_into: NotRequired[Id | None]
    counts: NotRequired[Counts]
    reporter: NotRequired[Reporter | None]


class Call(TypedDict):
    id: Id
    title: str
    url: str
    case_id: Id | None
    unit_ids: list[Id]
    started_at: Time
    ended_at: Time | None


class Whistle(TypedDict):
    id: Id
    case_id: Id
    unit_ids: list[Id]
    checked_in: dict[Id, Time]
    deadline: Time
    note: str
    actor: str
    created_at: Time
    open: NotRequired[bool]  # reference hub extension


class Limits(TypedDict):
    sign_hours: Hours
    resolve_hours: Hours
    callback_hours: Hours
    working_time: bool


class Subcategory(TypedDict):
    code: str
    name: str
    sla_hours: Hours
    limits: NotRequired[Limits]  # 1.1


class Category(TypedDict):
    name: str
    subcategories: list[Subcategory]


class User(TypedDict):
    id: Id
    name: str
    role: str
    post_id: Id | None
    unit_id: Id | None


class Session(TypedDict):
    token: Annotated[str, Meta(min_length=1)]
    expires_at: Time
    user: User
    # reference hub extension (issue 16): the session may do nothing else first
    must_change_password: NotRequired[bool]
    otp_enrolment_required: NotRequired[bool]


class Snapshot(TypedDict):
    seq: SeqOrZero
    server_time: Time
    post: Post
    regions: list[Region]
    units: list[Unit]
    cases: list[Case]
    calls: list[Call]
    whistles: list[Whistle]


class AuditEntry(TypedDict):
    id: Count
    at: Time
    actor: str | None
    role: str | None
    action: str
    target: str | None
    outcome: str
    addr: str | None
    detail: Any
    prev: NotRequired[str]  # 1.1
    hash: NotRequired[str]


class AuditPage(TypedDict):
    entries: list[AuditEntry]
    last: Count


class AssessmentRow(TypedDict):
    unit_id: NotRequired[Id]
    region_id: NotRequired[Id]
    dispatched: Count
    signed: Count
    signed_on_time: Count
    resolved: Count
    resolved_on_time: Count
    callbacks: Count
    solved: Count
    satisfied: Count
    basically_satisfied: Count
    dissatisfied: Count
    unreachable: Count
    reworks: Count
    returns_requested: Count
    returns_approved: Count
    extensions: Count
    urges: Count
    whistle_summons: Count
    whistle_checked_in: Count
    open_overdue: Count


Assessment = TypedDict("Assessment", {"from": Time, "to": Time, "rows": list[AssessmentRow]})


class ErrorDetail(TypedDict):
    code: str
    message: str


class ErrorBody(TypedDict):
    error: ErrorDetail
    case: NotRequired[Case]  # 409 answers carry the current case


class EventsPage(Struct):
    """``GET /events``: ``events`` are left undecoded (each goes through :func:`decode_frame`,
    so one bad event is junk on its own, not a bad page)."""

    events: list[Raw]
    seq: SeqOrZero


# ---- Event payloads


class CaseCreatedData(TypedDict):
    case: Case


class CaseUpdatedData(TypedDict):
    case: Case
    action: str
    actor: str
    note: str


class CaseUrgedData(TypedDict):
    case_id: Id
    unit_id: Id | None
    actor: str
    note: str


class UnitData(TypedDict):
    unit: Unit


class CallData(TypedDict):
    call: Call


class WhistleData(TypedDict):
    whistle: Whistle


class HeartbeatData(TypedDict):
    server_time: Time
    seq: SeqOrZero
    interval_s: Annotated[float, Meta(gt=0.0, le=86400.0)]


# ---- Frame envelopes (a tagged union on "type")


class _Event(Struct, tag_field="type"):
    seq: Seq
    ts: Time


class CaseCreated(_Event, tag="case.created"):
    data: CaseCreatedData


class CaseUpdated(_Event, tag="case.updated"):
    data: CaseUpdatedData


class CaseUrged(_Event, tag="case.urged"):
    data: CaseUrgedData


class UnitUpdated(_Event, tag="unit.updated"):
    data: UnitData


class CallStarted(_Event, tag="call.started"):
    data: CallData


class CallEnded(_Event, tag="call.ended"):
    data: CallData


class WhistleStarted(_Event, tag="whistle.started"):
    data: WhistleData


class WhistleUpdated(_Event, tag="whistle.updated"):
    data: WhistleData


class Heartbeat(Struct, tag_field="type", tag="heartbeat"):
    data: HeartbeatData
    ts: Time | None = None


class UnknownEvent(TypedDict):
    """Any event of a type this client does not know (forward compatibility)."""

    seq: Seq
    ts: Time
    type: str
    data: dict[str, Any]


class Event(TypedDict):
    """A decoded feed frame as :func:`decode_frame` returns it: an event of any type, or a
    heartbeat (which has no ``seq``). ``data`` is the type's validated payload TypedDict
    (``CaseCreatedData``, ``UnitData``, …; see :data:`PAYLOADS`) chosen by ``type``."""

    seq: NotRequired[int]
    ts: str | None
    type: str
    data: Mapping[str, Any]


class HeldSnapshot(TypedDict):
    """The client's picture in ``GET /snapshot`` shape (the cache and the review write it
    back): ``post`` is None before the first snapshot."""

    seq: int
    server_time: str | None
    post: Post | None
    regions: list[Region]
    units: list[Unit]
    cases: list[Case]
    calls: list[Call]
    whistles: list[Whistle]


#: what :class:`client.store.Store` loads: a hub's snapshot or one the client wrote
AnySnapshot = Snapshot | HeldSnapshot

HEARTBEAT = "heartbeat"
_ENVELOPES = (CaseCreated, CaseUpdated, CaseUrged, UnitUpdated, CallStarted, CallEnded,
              WhistleStarted, WhistleUpdated, Heartbeat)
TAGS: dict[type, str] = {cls: str(cls.__struct_config__.tag) for cls in _ENVELOPES}
KNOWN_TYPES = frozenset(TAGS.values())


#: a feed frame of a known type: the tagged union of the envelopes
FrameUnion = (CaseCreated | CaseUpdated | CaseUrged | UnitUpdated | CallStarted | CallEnded
              | WhistleStarted | WhistleUpdated | Heartbeat)
_frame = CheckedDecoder(FrameUnion)
_unknown = CheckedDecoder(UnknownEvent)


def _reason(exc: msgspec.DecodeError) -> ProtocolError:
    msg = str(exc)
    if isinstance(exc, msgspec.ValidationError):
        path = msg.rsplit(" - at `", 1)[1].rstrip("`") if " - at `" in msg else "$"
        return ProtocolError(f"invalid {path}", msg)
    return ProtocolError("not JSON", msg)


def decode_frame(raw: bytes | str | memoryview | Raw) -> Event:
    """Decode one feed frame (or one event of ``GET /events``) into a plain dict.

    Return:
        ``{"seq", "ts", "type", "data"}`` (a heartbeat: ``{"type": "heartbeat", "data", "ts"}``,
        no ``seq``). ``data`` holds the type's validated payload, unknown fields dropped; an
        unknown ``type`` keeps its ``data`` as sent.
    Raises:
        ProtocolError: not JSON, or not a valid event of its type.
    """
    try:
        ev = _frame.decode(raw)
    except RecursionError:
        raise _too_deep() from None
    except msgspec.ValidationError as exc:
        # an unknown type is not an error, if its envelope is valid
        try:
            other = _unknown.decode(raw)
        except RecursionError:
            raise _too_deep() from None
        except msgspec.DecodeError as exc2:
            raise _reason(exc2 if str(exc).endswith("`$.type`") else exc) from None
        if other["type"] in KNOWN_TYPES:  # a known type whose payload is invalid
            raise _reason(exc) from None
        return {"seq": other["seq"], "ts": other["ts"], "type": other["type"],
                "data": other["data"]}
    except msgspec.DecodeError as exc:
        raise _reason(exc) from None
    if type(ev) is Heartbeat:
        return {"type": HEARTBEAT, "ts": ev.ts, "data": ev.data}
    return {"seq": ev.seq, "ts": ev.ts, "type": TAGS[type(ev)], "data": ev.data}


_DECODERS: dict[Any, CheckedDecoder] = {}


def decode(raw: bytes | str, typ: Any) -> Any:
    """Decode and validate a REST answer into ``typ`` (a type of this module, or a list of one).

    Raises:
        ProtocolError: not JSON, or not a valid ``typ``.
    """
    dec = _DECODERS.get(typ)
    if dec is None:
        dec = _DECODERS[typ] = CheckedDecoder(typ)
    try:
        return dec.decode(raw)
    except RecursionError:
        raise _too_deep() from None
    except msgspec.DecodeError as exc:
        raise _reason(exc) from None


#: :attr:`ProtocolError.reason` of a document nested deeper than the decoder goes (~1,000)
TOO_DEEP = "nested too deeply"


def _too_deep() -> ProtocolError:
    return ProtocolError(TOO_DEEP, "JSON nested deeper than the decoder's limit (~1,000 levels)")


def _members(raw: bytes | str) -> dict[str, bytes]:
    """The top-level members of a JSON object, however deep its values (json_spans)."""
    try:
        return object_members(raw.encode() if isinstance(raw, str) else raw)
    except SpanError as exc:
        raise ProtocolError("not JSON", str(exc)) from None


def _member(members: Mapping[str, bytes], key: str, typ: Any) -> Any:
    if key not in members:
        raise ProtocolError(f"invalid $.{key}", f"Object missing required field `{key}`")
    return decode(members[key], typ)


def _elements(members: Mapping[str, bytes], key: str) -> list[bytes]:
    if key not in members:
        raise ProtocolError(f"invalid $.{key}", f"Object missing required field `{key}`")
    try:
        return array_elements(members[key])
    except SpanError as exc:
        raise ProtocolError(f"invalid $.{key}", str(exc)) from None


def decode_events_page(raw: bytes | str) -> EventsPage:
    """``GET /events`` answer; its events still to be decoded with :func:`decode_frame`.

    A page holding an event nested too deeply for the decoder is split one level down
    (:mod:`client.json_spans`): the deep event is junk on its own, the others go through.
    """
    try:
        page: EventsPage = decode(raw, EventsPage)
    except ProtocolError as exc:
        if exc.reason != TOO_DEEP:
            raise
        members = _members(raw)
        page = EventsPage(events=[Raw(e) for e in _elements(members, "events")],
                          seq=_member(members, "seq", SeqOrZero))
    return page


class _Envelope(Struct):
    seq: Seq
    ts: Time


_ENVELOPE = CheckedDecoder(_Envelope)


def envelope(raw: bytes | str | memoryview | Raw) -> tuple[int, str] | None:
    """The ``seq`` and ``ts`` of an event whose payload may be invalid or nested too
    deeply; None when even those are not readable."""
    data = bytes(raw) if not isinstance(raw, (bytes, str)) else raw
    try:
        env = _ENVELOPE.decode(data)
        return env.seq, env.ts
    except (msgspec.DecodeError, RecursionError):
        pass
    try:
        members = _members(data)
        return _member(members, "seq", Seq), _member(members, "ts", Time)
    except ProtocolError:
        return None


def decode_snapshot(raw: bytes | str) -> tuple[Snapshot, list[ProtocolError]]:
    """``GET /snapshot`` answer → ``(snapshot, skipped)``.

    One invalid element of a list (a case, a unit, …) does not reject the snapshot: it is
    left out and reported in ``skipped`` (counted as junk by the caller). The envelope
    (``seq``, ``server_time``, ``post``, the lists themselves) must be valid.

    Raises:
        ProtocolError: not JSON, or the envelope is invalid.
    """
    try:
        return decode(raw, Snapshot), []
    except ProtocolError as first:
        try:
            loose = decode(raw, _LooseSnapshot)
        except ProtocolError as second:
            if second.reason != TOO_DEEP:
                raise first from None
            return _decode_snapshot_by_parts(raw)
    skipped: list[ProtocolError] = []
    snap: dict[str, Any] = {
        "seq": loose["seq"], "server_time": loose["server_time"], "post": loose["post"]}
    for key, typ in _SNAPSHOT_LISTS:
        items = []
        for i, item in enumerate(loose[key]):
            try:
                converted = msgspec.convert(item, typ)
                check_times(item, typ)
                items.append(converted)
            except msgspec.ValidationError as exc:
                err = _reason(exc)
                skipped.append(ProtocolError(f"snapshot {key}: {err.reason}",
                                             f"{key}[{i}]: {err.detail}"))
        snap[key] = items
    return cast(Snapshot, snap), skipped  # every part validated above


def _decode_snapshot_by_parts(raw: bytes | str) -> tuple[Snapshot, list[ProtocolError]]:
    """:func:`decode_snapshot` for a snapshot holding something nested too deeply for the
    decoder: split one level down (:mod:`client.json_spans`), every element decoded on its
    own; the deep ones are left out like any invalid element."""
    members = _members(raw)
    snap: dict[str, Any] = {key: _member(members, key, typ) for key, typ in (
        ("seq", SeqOrZero), ("server_time", Time), ("post", Post))}
    skipped: list[ProtocolError] = []
    for key, typ in _SNAPSHOT_LISTS:
        items = []
        for i, element in enumerate(_elements(members, key)):
            try:
                items.append(decode(element, typ))
            except ProtocolError as err:
                skipped.append(ProtocolError(f"snapshot {key}: {err.reason}",
                                             f"{key}[{i}]: {err.detail}"))
        snap[key] = items
    return cast(Snapshot, snap), skipped  # every part validated above


class _LooseSnapshot(TypedDict):
    seq: SeqOrZero
    server_time: Time
    post: Post
    regions: list[dict[str, Any]]
    units: list[dict[str, Any]]
    cases: list[dict[str, Any]]
    calls: list[dict[str, Any]]
    whistles: list[dict[str, Any]]


_SNAPSHOT_LISTS = (("regions", Region), ("units", Unit), ("cases", Case), ("calls", Call),
                   ("whistles", Whistle))


class _ErrorOnly(TypedDict):
    error: ErrorDetail


def error_body(raw: bytes | str) -> ErrorBody | None:
    """A non-2xx answer's body as an :class:`ErrorBody` dict (an invalid ``case`` left out),
    or None when it is not one."""
    for typ in (ErrorBody, _ErrorOnly):
        try:
            body: ErrorBody = decode(raw, typ)
        except ProtocolError:
            continue
        return body
    return None
