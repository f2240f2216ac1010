"""Offline review of one cached shift: the state as it was at any moment, and case stories.

A shift file (``client.cache``) holds the snapshots a shift started from and every event
applied after each of them. :func:`read_shift` reads one **read-only** (SQLite URI
``mode=ro``; ``immutable=1`` when the file is damaged or its directory is read-only) and
never writes into it. A damaged or truncated file is read as far as it can be: the
result says how many events were read and up to which seq and time
(:class:`ReadProblem`).

:class:`ShiftReview` turns what was read into a timeline of *steps*: for each epoch (one
snapshot and the events applied after it) a snapshot step, then one step per event. Each
step has a time — the event's ``ts`` (its receive time when ``ts`` is missing), made
non-decreasing — so "the state at time T" is the state after the last step whose time is
not after T, the same rule as ``client.cli.cases_as_of`` (``export --at``).

Seeking: while the shift is opened, the events are applied once to a
:class:`client.state.State` and a copy of that state (a *checkpoint*) is kept at every
snapshot and every ``checkpoint_every`` events. ``state_at`` copies the nearest checkpoint
at or before the wanted step and applies at most ``checkpoint_every`` events to it, then
ticks the clock to the wanted time. The checkpoints share the (immutable) case dicts, so
each costs only its dicts' tables. Events are kept as compact JSON bytes and decoded
again when replayed.

:class:`ReviewCursor` is what a window moves: forward moves apply only the new events to
the same State (an incremental :class:`client.state.ChangeSet`), backward moves or a move
to another epoch start from a checkpoint (a ``reset`` change set).

Threading: plain Python, no Qt; a ShiftReview is read-only after construction and may be
read from one thread at a time.
"""

from __future__ import annotations

import bisect
import gc
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, cast

import numpy as np
import orjson
from msgspec import Raw

from client.cache import FILE_RE, SCHEMA_VERSION, check_sqlite_file
from client.errors import CacheError
from client.protocol import Case, HeldSnapshot, ProtocolError, decode, decode_frame
from client.state import ChangeSet, State
from client.timeutil import DEFAULT_ZONE, format_time, parse_time_or_none

log = logging.getLogger(__name__)

DEFAULT_CHECKPOINT_EVERY = 2000

#: event types the timeline knows (index = type code); anything else is ``other``
EVENT_TYPES = ("case.created", "case.updated", "case.urged", "unit.updated", "call.started",
               "call.ended", "whistle.started", "whistle.updated", "other")
_TYPE_CODE = {t: i for i, t in enumerate(EVENT_TYPES)}
OTHER = _TYPE_CODE["other"]


class ReviewReadOnlyError(CacheError):
    """A command was attempted in offline review (nothing is ever sent or written)."""


# ---- Reading a shift file (read-only)


@dataclass
class ReadProblem:
    """What could not be read from a damaged or truncated shift file.

    Attributes:
        detail: what went wrong (SQLite's or the decoder's words).
        events_read: how many events could be read (filled in by :class:`ShiftReview`).
        last_seq: the seq of the last readable event (or the snapshot's), or None.
        last_time: the time of the last readable event (epoch seconds), or None.
        immutable: the file was opened with ``immutable=1`` (a WAL file beside it, if
            any, was not read).
    """

    detail: str
    events_read: int = 0
    last_seq: int | None = None
    last_time: float | None = None
    immutable: bool = False

    def describe(self) -> str:
        """One English sentence for logs and the command line."""
        upto = ""
        if self.last_seq is not None:
            upto = f" up to seq {self.last_seq}"
            if self.last_time is not None:
                upto += f" ({format_time(self.last_time)})"
        return (f"the file is damaged or truncated: {self.events_read} events could be read"
                f"{upto}; the rest is lost ({self.detail}). Opened read-only.")


@dataclass
class EpochData:
    """One snapshot of a shift file and the raw event rows written after it."""

    snapshot_id: int
    seq: int
    time: float
    reason: str
    body: bytes
    rows: list[tuple[int, int, bytes, bytes]] = field(default_factory=list)
    # (first_seq, last_seq, received JSON, body JSON)


@dataclass
class ShiftData:
    """What :func:`read_shift` could read from one file."""

    path: Path
    meta: dict[str, object]
    epochs: list[EpochData]
    problem: ReadProblem | None = None


def _fixed_clock(t: float) -> Callable[[], float]:
    """A clock that always reads ``t`` (a checkpoint's State never ticks on its own)."""
    return lambda: t


def _uri(path: Path, immutable: bool) -> str:
    uri = path.resolve().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def _connect(path: Path, immutable: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(path, immutable), uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only=1")
    return conn


def _snap_time(server_time: object, received_at: object) -> float:
    t = parse_time_or_none(server_time)
    if t is not None:
        return t
    return float(received_at) if isinstance(received_at, int | float) else 0.0


def read_shift(path: str | os.PathLike[str]) -> ShiftData:
    """Read one shift file without ever writing to it.

    Tries, in order, until one reads the file whole:

    1. SQLite ``mode=ro`` (a live console's uncheckpointed WAL is read too);
    2. ``immutable=1`` (no locks, no WAL: for a read-only directory or a damaged WAL);
    3. salvage: the file's bytes copied into memory with the page count in the header set
       to what the file really holds (a truncated file), opened there.

    Rows are read in the order they were written, up to the first unreadable one; when no
    way reads the file whole, the one that read the most is returned with its
    :class:`ReadProblem`.

    Raises:
        CacheError: not a shift file, or not even its meta and first snapshot readable.
    """
    path = Path(path)
    check_sqlite_file(path)
    errors: list[str] = []
    best: ShiftData | None = None
    for how in ("ro", "immutable", "salvage"):
        try:
            conn = _salvage(path) if how == "salvage" else _connect(path, how == "immutable")
        except (sqlite3.Error, OSError) as exc:
            errors.append(f"{how}: {exc}")
            continue
        try:
            data = _read(conn, path)
        except sqlite3.Error as exc:
            errors.append(f"{how}: {exc}")
            continue
        except CacheError as exc:
            errors.append(str(exc))
            continue
        finally:
            conn.close()
        if data.problem is None:
            return data
        data.problem.immutable = how != "ro"
        if best is None or _rows(data) > _rows(best):
            best = data
    if best is not None:
        return best
    raise CacheError(f"cache file {path} is damaged or unreadable: " + "; ".join(errors[:1]))


def _rows(data: ShiftData) -> int:
    return sum(r[1] - r[0] + 1 for e in data.epochs for r in e.rows) + len(data.epochs)


def _salvage(path: Path) -> sqlite3.Connection:
    """An in-memory copy of a (truncated) file with its header's page count fixed."""
    with open(path, "rb") as fh:
        data = bytearray(fh.read())
    if len(data) < 100:
        raise CacheError(f"cache file {path} is damaged: shorter than an SQLite header")
    size = int.from_bytes(data[16:18], "big")
    page = 65536 if size == 1 else size
    pages = len(data) // page
    if pages < 1:
        raise CacheError(f"cache file {path} is damaged: shorter than one page")
    del data[pages * page:]
    data[28:32] = pages.to_bytes(4, "big")
    data[18] = data[19] = 1  # rollback-journal format: no WAL for an in-memory copy
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.deserialize(bytes(data))
    conn.execute("PRAGMA query_only=1")
    return conn


def _read(conn: sqlite3.Connection, path: Path) -> ShiftData:
    try:
        rows = conn.execute("SELECT key, value FROM meta").fetchall()
        meta = {k: orjson.loads(v) for k, v in rows}
    except orjson.JSONDecodeError as exc:
        raise CacheError(f"cache file {path} is damaged: bad meta ({exc})") from exc
    if meta.get("schema") != SCHEMA_VERSION:
        raise CacheError(
            f"cache file {path} has schema {meta.get('schema')!r}, expected {SCHEMA_VERSION}")
    problem: ReadProblem | None = None
    epochs: list[EpochData] = []
    cur = conn.execute(
        "SELECT id, seq, server_time, received_at, reason, body FROM snapshots ORDER BY id")
    try:
        for sid, seq, st, rat, reason, body in cur:
            epochs.append(EpochData(int(sid), int(seq), _snap_time(st, rat), str(reason),
                                    bytes(body)))
    except sqlite3.DatabaseError as exc:
        problem = ReadProblem(f"snapshots: {exc}")
    if not epochs:
        raise CacheError(f"cache file {path} holds no readable snapshot"
                         + (f" ({problem.detail})" if problem else ""))
    by_id = {e.snapshot_id: e for e in epochs}
    raw: list[tuple[int, int, int, bytes, bytes]] = []
    try:
        cur = conn.execute("SELECT snapshot_id, first_seq, last_seq, received, body "
                           "FROM events ORDER BY rowid")
        for sid, first, last, received, body in cur:
            raw.append((int(sid), int(first), int(last), bytes(received), bytes(body)))
    except sqlite3.DatabaseError as exc:
        problem = problem or ReadProblem(f"events: {exc}")
    raw.sort(key=lambda r: (r[0], r[1]))
    for sid, first, last, received, body in raw:
        ep = by_id.get(sid)
        if ep is None:
            continue
        expected = ep.rows[-1][1] + 1 if ep.rows else ep.seq + 1
        if first != expected:
            if problem is None:
                problem = ReadProblem(f"events of snapshot {sid} jump from seq {expected - 1} "
                                      f"to {first}")
            continue
        ep.rows.append((first, last, received, body))
    return ShiftData(path, meta, epochs, problem)


# ---- Listing a cache directory


@dataclass(frozen=True)
class ShiftInfo:
    """One shift file of a cache directory, as listed before opening it.

    Attributes:
        label: the shift's label (``20261122-0800``).
        path: the file.
        post_id / post_name: the post it belongs to ("" when unknown).
        start / end: the shift's bounds (epoch seconds) or None.
        snapshots / events: how many are stored.
        first_seq / last_seq: the seq range of the stored events (None when none).
        error: why the file cannot be listed properly ("" when fine).
    """

    label: str
    path: Path
    post_id: str = ""
    post_name: str = ""
    start: float | None = None
    end: float | None = None
    snapshots: int = 0
    events: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    error: str = ""


def list_shifts(cache_dir: str | os.PathLike[str]) -> list[ShiftInfo]:
    """Every shift file in ``cache_dir``, oldest first (read-only; never raises for a file).

    Raises:
        CacheError: the directory does not exist.
    """
    d = Path(cache_dir)
    if not d.is_dir():
        raise CacheError(f"cache directory {d} does not exist")
    out = []
    for p in sorted(d.iterdir()):
        m = FILE_RE.match(p.name)
        if m:
            out.append(_info(m.group(1), p))
    return out


def _info(label: str, path: Path) -> ShiftInfo:
    try:
        check_sqlite_file(path)
        conn = _connect(path, False)
        try:
            meta = {k: orjson.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
            nsnap = conn.execute("SELECT count(*) FROM snapshots").fetchone()[0]
            n, lo, hi = conn.execute(
                "SELECT coalesce(sum(count), 0), min(first_seq), max(last_seq) FROM events"
            ).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, CacheError, orjson.JSONDecodeError) as exc:
        return ShiftInfo(label, path, error=str(exc))
    post = _post if isinstance(_post := meta.get("post"), dict) else {}
    start, end = meta.get("shift_start"), meta.get("shift_end")
    return ShiftInfo(
        label, path, str(post.get("id") or ""), str(post.get("name") or ""),
        float(start) if isinstance(start, int | float) else None,
        float(end) if isinstance(end, int | float) else None,
        int(nsnap), int(n), lo, hi)


# ---- The timeline


def _case_of(typ: str, data: Mapping[str, Any]) -> str | None:
    """The case a (validated) event is about: case events, urges, whistles, calls."""
    if typ == "case.created" or typ == "case.updated":
        return str(data["case"]["id"])
    if typ == "case.urged":
        return str(data["case_id"])
    if typ == "whistle.started" or typ == "whistle.updated":
        return str(data["whistle"]["case_id"])
    if typ == "call.started" or typ == "call.ended":
        cid = data["call"]["case_id"]
        return None if cid is None else str(cid)
    return None  # a type this console does not know


def _unit_of(typ: str, data: Mapping[str, Any]) -> str:
    """The unit a (validated) event is about, or ""."""
    if typ == "case.urged":
        unit = data["unit_id"]
    elif typ == "case.created" or typ == "case.updated":
        unit = data["case"]["unit_id"]
    elif typ == "unit.updated":
        unit = data["unit"]["id"]
    else:
        unit = None
    return "" if unit is None else str(unit)


def _actor_of(typ: str, data: Mapping[str, Any]) -> str:
    """Who did it: case updates and urges name an actor, whistles their caller."""
    if typ == "case.updated" or typ == "case.urged":
        return str(data["actor"])
    if typ == "whistle.started" or typ == "whistle.updated":
        return str(data["whistle"]["actor"])
    return ""


@dataclass(frozen=True)
class EventInfo:
    """The few fields of one event that the timeline, filters and lists need."""

    step: int
    seq: int
    time: float
    type: str
    case_id: str | None
    unit_id: str
    actor: str
    action: str


class ShiftReview:
    """One shift opened for review: steps, checkpoints, seeking, case stories.

    Args:
        data: what :func:`read_shift` read.
        checkpoint_every: events between checkpoints (more: less memory, slower seeks).
        zone_name: the post's zone ("today" counters); default from the file's meta.

    Attributes:
        path, meta: the file and its meta.
        label: the shift label.
        zone_name: the post's zone.
        start / end: the shift's bounds (from meta, else the first/last step's time).
        problem: what could not be read (None when the file is whole).
        n_steps: number of steps (snapshots + events).
        n_events: number of events.
        step_times: numpy float64 array: time of each step (non-decreasing).
        event_steps: numpy int array: the step index of each event, in order.
        build_seconds: how long opening (decoding, applying, checkpointing) took.
    """

    def __init__(self, data: ShiftData, *, checkpoint_every: int = DEFAULT_CHECKPOINT_EVERY,
                 zone_name: str | None = None, freeze_gc: bool = True) -> None:
        t0 = time.perf_counter()
        # Building allocates millions of long-lived objects: the cyclic GC would scan them
        # again and again (seconds) and later pause seeks. It is off while building, and the
        # result is moved out of its reach (gc.freeze: refcounting still frees it).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(data, zone_name, checkpoint_every)
        finally:
            if was_enabled:
                gc.enable()
        if freeze_gc:
            gc.freeze()
        self.build_seconds = time.perf_counter() - t0

    def _build(self, data: ShiftData, zone_name: str | None, checkpoint_every: int) -> None:
        self.path = data.path
        self.meta = data.meta
        m = FILE_RE.match(data.path.name)
        self.label = str(data.meta.get("shift") or (m.group(1) if m else data.path.stem))
        z = zone_name or data.meta.get("zone")
        self.zone_name = z if isinstance(z, str) and z else DEFAULT_ZONE
        self.problem = data.problem
        self.checkpoint_every = max(1, int(checkpoint_every))
        # per step
        self._raw: list[bytes | None] = []  # event JSON, None for a snapshot step
        self._epoch: list[int] = []
        times: list[float] = []
        self._seqs: list[int] = []
        # per event (parallel lists, index = event number)
        ev_steps: list[int] = []
        self._ev_type: list[int] = []
        self._ev_case: list[str | None] = []
        self._ev_unit: list[str] = []
        self._ev_actor: list[str] = []
        self._ev_action: list[str] = []
        self._case_events: dict[str, list[int]] = {}  # case id -> event numbers
        self._snapshots: list[dict[str, Any]] = []
        self._epoch_first_step: list[int] = []
        self._cp_steps: list[int] = []
        self._cp_states: list[State] = []
        last_t = float("-inf")
        for ei, ep in enumerate(data.epochs):
            try:
                snap: HeldSnapshot = decode(ep.body, HeldSnapshot)
            except ProtocolError as exc:
                self._note(data, f"snapshot {ep.snapshot_id} is not readable: {exc}")
                break
            st0 = max(ep.time, last_t)
            state = State(zone_name=self.zone_name, clock=_fixed_clock(st0))
            state.load_snapshot(snap)
            last_t = st0
            step = len(self._raw)
            self._epoch_first_step.append(step)
            self._snapshots.append(cast("dict[str, Any]", snap))
            self._raw.append(None)
            self._epoch.append(ei)
            times.append(last_t)
            self._seqs.append(ep.seq)
            state.tick(last_t)
            self._checkpoint(step, state)
            since_cp = 0
            ok = True
            for first, last, received, body in ep.rows:
                try:
                    raws = decode(body, list[Raw])
                    recv = decode(received, list[float])
                    if len(raws) != last - first + 1 or len(recv) != len(raws):
                        raise ProtocolError("row does not match its seq range")
                except ProtocolError as exc:
                    self._note(data, f"events {first}..{last}: {exc}")
                    ok = False
                    break
                for i, raw_ev in enumerate(raws):
                    try:
                        ev = decode_frame(raw_ev)
                    except ProtocolError as exc:
                        self._note(data, f"event {first + i} is not a valid event ({exc.reason})")
                        ok = False
                        break
                    if ev.get("seq") != first + i:
                        self._note(data, f"event {first + i} is not a valid event (seq)")
                        ok = False
                        break
                    typ = ev["type"]
                    dat = ev["data"]
                    t = parse_time_or_none(ev["ts"])
                    if t is None:  # (only a heartbeat has no ts, and none is cached)
                        t = recv[i]
                    if t < last_t:
                        t = last_t
                    last_t = t
                    step = len(self._raw)
                    n = len(ev_steps)
                    ev_steps.append(step)
                    # a copy: orjson.dumps returns bytes that keep a much larger buffer
                    self._raw.append(memoryview(orjson.dumps(ev)).tobytes())
                    self._epoch.append(ei)
                    times.append(t)
                    self._seqs.append(first + i)
                    self._ev_type.append(_TYPE_CODE.get(typ, OTHER))
                    cid = _case_of(typ, dat)
                    self._ev_case.append(cid)
                    if cid is not None:
                        self._case_events.setdefault(cid, []).append(n)
                    self._ev_unit.append(_unit_of(typ, dat))
                    self._ev_actor.append(_actor_of(typ, dat))
                    self._ev_action.append(str(dat["action"]) if typ == "case.updated" else "")
                    state.apply_events((ev,))
                    since_cp += 1
                    if since_cp >= self.checkpoint_every:
                        state.tick(t)
                        self._checkpoint(step, state)
                        since_cp = 0
                if not ok:
                    break
            if not ok:
                break
        if not self._raw:
            raise CacheError(f"cache file {data.path} holds no readable snapshot")
        self.step_times = np.asarray(times, dtype=np.float64)
        self.event_steps = np.asarray(ev_steps, dtype=np.int64)
        self.event_times = self.step_times[self.event_steps] if ev_steps else np.zeros(0)
        self.n_steps = len(self._raw)
        self.n_events = len(ev_steps)
        self._step_event = {s: n for n, s in enumerate(ev_steps)}
        meta_start, meta_end = data.meta.get("shift_start"), data.meta.get("shift_end")
        self.start = (float(meta_start) if isinstance(meta_start, int | float)
                      else float(self.step_times[0]))
        self.end = (float(meta_end) if isinstance(meta_end, int | float)
                    else float(self.step_times[-1]))
        self.start = min(self.start, float(self.step_times[0]))
        self.end = max(self.end, float(self.step_times[-1]))
        if self.problem is not None:
            self.problem.events_read = self.n_events
            self.problem.last_seq = self._seqs[-1]
            self.problem.last_time = float(self.step_times[-1])

    def _note(self, data: ShiftData, detail: str) -> None:
        if self.problem is None:
            self.problem = ReadProblem(detail)
        data.problem = self.problem

    def _checkpoint(self, step: int, state: State) -> None:
        self._cp_steps.append(step)
        self._cp_states.append(state.copy())

    # ---- Timeline

    @property
    def first_time(self) -> float:
        """Time of the first step."""
        return float(self.step_times[0])

    @property
    def last_time(self) -> float:
        """Time of the last step."""
        return float(self.step_times[-1])

    @property
    def checkpoints(self) -> int:
        """How many checkpoints are held."""
        return len(self._cp_steps)

    def step_at(self, t: float) -> int:
        """The last step whose time is not after ``t`` (0 before the first)."""
        i = int(np.searchsorted(self.step_times, t, side="right")) - 1
        return max(0, i)

    def step_time(self, step: int) -> float:
        """The time of one step."""
        return float(self.step_times[step])

    def step_seq(self, step: int) -> int:
        """The seq a state reaches at ``step`` (a snapshot step: the snapshot's seq)."""
        return self._seqs[step]

    def is_snapshot_step(self, step: int) -> bool:
        """True when ``step`` is the load of a snapshot."""
        return self._raw[step] is None

    def event_number(self, step: int) -> int | None:
        """The number of the event at ``step`` (None for a snapshot step)."""
        return self._step_event.get(step)

    def event(self, n: int) -> dict[str, Any]:
        """Event number ``n``, decoded."""
        raw = self._raw[int(self.event_steps[n])]
        assert raw is not None
        ev: dict[str, Any] = orjson.loads(raw)
        return ev

    def event_at_step(self, step: int) -> dict[str, Any] | None:
        """The event applied at ``step`` (None for a snapshot step)."""
        raw = self._raw[step]
        if raw is None:
            return None
        ev: dict[str, Any] = orjson.loads(raw)
        return ev

    def info(self, n: int) -> EventInfo:
        """The indexed fields of event number ``n``."""
        step = int(self.event_steps[n])
        return EventInfo(step, self._seqs[step], float(self.step_times[step]),
                         EVENT_TYPES[self._ev_type[n]], self._ev_case[n], self._ev_unit[n],
                         self._ev_actor[n], self._ev_action[n])

    def iter_events(self) -> Iterator[tuple[float, dict[str, Any]]]:
        """Every event in order, as ``(time, event)``."""
        times = self.step_times
        for step in self.event_steps.tolist():
            raw = self._raw[step]
            assert raw is not None
            yield float(times[step]), orjson.loads(raw)

    @property
    def n_snapshots(self) -> int:
        """How many snapshots (epochs) the shift holds: its start, and any reload (410)."""
        return len(self._snapshots)

    def snapshot(self, epoch: int = 0) -> dict[str, Any]:
        """The decoded (validated) snapshot of one epoch."""
        return self._snapshots[epoch]

    def density(self, bins: int, lo: float | None = None,
                hi: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Events per bin over ``[lo, hi]`` (default: the shift): ``(edges, counts)``."""
        lo = self.start if lo is None else lo
        hi = self.end if hi is None else hi
        if hi <= lo:
            hi = lo + 1.0
        counts, edges = np.histogram(self.event_times, bins=max(1, bins), range=(lo, hi))
        return edges, counts

    def match_events(self, pred: Callable[[EventInfo], bool]) -> np.ndarray:
        """Event numbers whose :class:`EventInfo` satisfies ``pred`` (in order)."""
        return np.asarray([n for n in range(self.n_events) if pred(self.info(n))],
                          dtype=np.int64)

    def filter_events(self, text: str = "", types: Sequence[str] | None = None,
                      unit_names: dict[str, str] | None = None) -> np.ndarray:
        """Event numbers matching a text (case id, unit id or name, actor, action) and types.

        The text match is case-insensitive and by substring; an empty text matches all.
        """
        codes = None if not types else {_TYPE_CODE.get(t, OTHER) for t in types}
        needle = text.strip().lower()
        names = unit_names or {}
        out = []
        for n in range(self.n_events):
            if codes is not None and self._ev_type[n] not in codes:
                continue
            if needle:
                unit = self._ev_unit[n]
                hay = " ".join((self._ev_case[n] or "", unit, names.get(unit, ""),
                                self._ev_actor[n], self._ev_action[n],
                                EVENT_TYPES[self._ev_type[n]])).lower()
                if needle not in hay:
                    continue
            out.append(n)
        return np.asarray(out, dtype=np.int64)

    # ---- States

    def state_at(self, step: int, now: float | None = None) -> State:
        """A fresh State as it was after ``step``, its clock at ``now`` (default: the step's time).

        Copies the nearest checkpoint at or before ``step`` and replays at most
        ``checkpoint_every`` events.
        """
        step = min(max(0, int(step)), self.n_steps - 1)
        i = bisect.bisect_right(self._cp_steps, step) - 1
        state = self._cp_states[i].copy()
        self._replay(state, self._cp_steps[i] + 1, step + 1)
        t = self.step_time(step) if now is None else max(now, self.step_time(step))
        state.tick(t)
        return state

    def state_at_time(self, t: float) -> State:
        """The State as it was at time ``t`` (epoch seconds)."""
        return self.state_at(self.step_at(t), t)

    def full_replay(self, step: int | None = None) -> State:
        """The State at ``step`` (default: the end) rebuilt from the epoch's snapshot, without
        checkpoints (the reference for tests and the bench)."""
        step = self.n_steps - 1 if step is None else step
        ei = self._epoch[step]
        first = self._epoch_first_step[ei]
        state = State(zone_name=self.zone_name, clock=lambda: self.step_time(first))
        state.load_snapshot(orjson.loads(orjson.dumps(self._snapshots[ei])))
        state.tick(self.step_time(first))
        self._replay(state, first + 1, step + 1)
        state.tick(self.step_time(step))
        return state

    def _replay(self, state: State, lo: int, hi: int, chunk: int = 2000) -> None:
        raw = self._raw
        loads = orjson.loads
        for a in range(lo, hi, chunk):
            state.apply_events([loads(raw[s]) for s in range(a, min(hi, a + chunk))])  # type: ignore[arg-type]

    def same_epoch(self, a: int, b: int) -> bool:
        """True when steps ``a`` and ``b`` follow the same snapshot."""
        return self._epoch[a] == self._epoch[b]

    # ---- Cases

    def case_event_numbers(self, case_id: str) -> list[int]:
        """Numbers of the events about ``case_id`` (case, urge, whistle, call), in order."""
        return list(self._case_events.get(case_id, ()))

    def next_case_step(self, case_id: str, after_step: int) -> int | None:
        """The step of the next event about ``case_id`` after ``after_step``, or None."""
        nums = self._case_events.get(case_id, [])
        steps = [int(self.event_steps[n]) for n in nums]
        i = bisect.bisect_right(steps, after_step)
        return steps[i] if i < len(steps) else None

    def prev_case_step(self, case_id: str, before_step: int) -> int | None:
        """The step of the previous event about ``case_id`` before ``before_step``, or None."""
        nums = self._case_events.get(case_id, [])
        steps = [int(self.event_steps[n]) for n in nums]
        i = bisect.bisect_left(steps, before_step)
        return steps[i - 1] if i > 0 else None

    def history(self, case_id: str, upto_step: int | None = None) -> list[dict[str, Any]]:
        """The case's events in this shift up to ``upto_step`` (like ``GET /cases/{id}/history``)."""
        out = []
        for n in self._case_events.get(case_id, ()):
            step = int(self.event_steps[n])
            if upto_step is not None and step > upto_step:
                break
            out.append(self.event(n))
        return out

    def story(self, case_id: str, upto_step: int | None = None) -> CaseStory:
        """The case's full timeline in this shift (see :class:`CaseStory`)."""
        return build_story(self, case_id, upto_step)


# ---- Case story


@dataclass(frozen=True)
class StoryStep:
    """One step of a case's story.

    Attributes:
        at: when (epoch seconds).
        seq: the event's seq (None for the state the shift started with).
        kind: ``snapshot`` (as the shift found it), ``created``, an update action
            (``dispatch``, ``accept``, …), ``urged``, ``whistle``, ``whistle_update``,
            ``call``, ``call_end``.
        actor / note: who did it and what they wrote (hub text: show as plain text).
        status / unit_id: the case's status and holder after the step.
        took: seconds since the previous step (None for the first).
        elapsed: seconds since the case was reported (None when unknown).
        sla: the case's SLA in seconds (``due_at - reported_at``), or None.
        late: the step happened after ``due_at`` while the case was still being handled.
        stage / stage_due: protocol 1.1 — the stage clock nearest its deadline after the
            step (``sign``, ``resolve``, ``callback``) and that deadline; None on a 1.0 hub
            or when no clock runs.
        stage_late: protocol 1.1 — the step ended a stage after its deadline (a sign after
            ``sign_due``, a resolve after ``due_at``, a callback after ``callback_due``).
        loop: protocol 1.1 facts of the step: ``satisfaction``/``solved`` of a callback or
            rework, ``merged_into`` of a merge, ``kind``/``reason``/``until`` of a request.
    """

    at: float
    seq: int | None
    kind: str
    actor: str
    note: str
    status: str | None
    unit_id: str | None
    took: float | None
    elapsed: float | None
    sla: float | None
    late: bool
    stage: str | None = None
    stage_due: float | None = None
    stage_late: bool = False
    loop: dict[str, Any] | None = None


#: which deadline an action meets (protocol 1.1)
_STAGE_DEADLINE = {"accept": "sign_due", "resolve": "due_at", "callback": "callback_due",
                   "rework": "callback_due"}


def _loop_facts(kind: str, case: dict[str, Any] | None) -> dict[str, Any] | None:
    if case is None:
        return None
    if kind in ("callback", "rework"):
        return {"satisfaction": case.get("satisfaction"), "solved": case.get("solved")}
    if kind == "merge":
        return {"merged_into": case.get("merged_into")}
    if kind in ("request_return", "request_extension"):
        p = _pending if isinstance(_pending := case.get("pending"), dict) else {}
        return {"kind": p.get("kind"), "reason": p.get("reason"), "until": p.get("until")}
    return None


@dataclass
class CaseStory:
    """A case's timeline inside one shift.

    Attributes:
        case_id: the case.
        case: its last known version (None when the shift never saw it).
        steps: the steps, oldest first.
        reported_at / due_at: epoch seconds (None when unknown).
    """

    case_id: str
    case: dict[str, Any] | None
    steps: list[StoryStep]
    reported_at: float | None
    due_at: float | None

    @property
    def sla(self) -> float | None:
        """The SLA in seconds (None when unknown)."""
        if self.reported_at is None or self.due_at is None:
            return None
        return self.due_at - self.reported_at


_STOPPED = ("resolved", "closed")


def build_story(review: ShiftReview, case_id: str, upto_step: int | None = None) -> CaseStory:
    """Build a :class:`CaseStory` from the shift's snapshots and events."""
    case: dict[str, Any] | None = None
    for snap in review._snapshots[:1]:
        for c in snap.get("cases") or ():
            if isinstance(c, dict) and c.get("id") == case_id:
                case = c
                break
    raw: list[tuple[float, int | None, str, str, str, dict[str, Any] | None]] = []
    if case is not None:
        raw.append((review.first_time, None, "snapshot", "", "", case))
    for n in review._case_events.get(case_id, ()):
        step = int(review.event_steps[n])
        if upto_step is not None and step > upto_step:
            break
        ev = review.event(n)
        payload = ev.get("data")
        data: Mapping[str, Any] = payload if isinstance(payload, dict) else {}
        typ = ev.get("type")
        t = review.step_time(step)
        c = _case if isinstance(_case := data.get("case"), dict) else None
        actor = _actor if isinstance(_actor := data.get("actor"), str) else ""
        note = _note if isinstance(_note := data.get("note"), str) else ""
        if typ == "case.created":
            kind = "created"
        elif typ == "case.updated":
            kind = str(data.get("action") or "edit")
        elif typ == "case.urged":
            kind = "urged"
        elif typ in ("whistle.started", "whistle.updated"):
            w = _whistle if isinstance(_whistle := data.get("whistle"), dict) else {}
            kind = "whistle" if typ == "whistle.started" else "whistle_update"
            actor = actor or str(w.get("actor") or "")
            note = note or str(w.get("note") or "")
        elif typ in ("call.started", "call.ended"):
            call = _call if isinstance(_call := data.get("call"), dict) else {}
            kind = "call" if typ == "call.started" else "call_end"
            note = str(call.get("title") or "")
        else:
            kind = str(typ)
        if c is not None:
            if case is not None and c.get("version", 0) <= case.get("version", 0):
                c = None  # stale copy: ignored like the live client does
            else:
                case = c
        raw.append((t, ev.get("seq"), kind, actor, note, c))
    reported = parse_time_or_none(case.get("reported_at")) if case else None
    due = parse_time_or_none(case.get("due_at")) if case else None
    sla = due - reported if reported is not None and due is not None else None
    from client.stages import StagePolicy

    stages = StagePolicy()  # which clock runs and its deadline (wall time is enough here)
    steps: list[StoryStep] = []
    prev_t: float | None = None
    status: str | None = None
    unit: str | None = None
    held: dict[str, Any] | None = None  # the case before the step
    for t, seq, kind, actor, note, c in raw:
        was_active = status not in _STOPPED
        if c is not None:
            status = _status if isinstance(_status := c.get("status"), str) else status
            u = c.get("unit_id")
            unit = u if isinstance(u, str) else None
        at = t
        if kind == "created" and reported is not None:
            at = t
        late = due is not None and at > due and was_active and kind != "snapshot"
        after = c if c is not None else held
        clock = (stages.nearest(cast(Case, after))  # (a case of the cache: validated)
                 if after is not None and "sign_due" in after else None)
        deadline = parse_time_or_none((held or {}).get(_STAGE_DEADLINE.get(kind, "")))
        steps.append(StoryStep(
            at, seq if isinstance(seq, int) else None, kind, actor, note, status, unit,
            None if prev_t is None else at - prev_t,
            None if reported is None else at - reported, sla, late,
            clock.stage if clock else None, clock.due if clock else None,
            deadline is not None and at > deadline, _loop_facts(kind, c)))
        if c is not None:
            held = c
        prev_t = at
    return CaseStory(case_id, case, steps, reported, due)


# ---- A movable position (what the review window drives)


class ReviewCursor:
    """A position on a shift's timeline and the State there.

    Attributes:
        review: the shift.
        step: the current step.
        now: the current time (epoch seconds; at or after the step's time).
        state: the State at the current position (replaced by :meth:`seek` on a reset).
    """

    def __init__(self, review: ShiftReview, step: int = 0) -> None:
        self.review = review
        self.step = min(max(0, step), review.n_steps - 1)
        self.now = review.step_time(self.step)
        self.state = review.state_at(self.step, self.now)

    def seek_time(self, t: float) -> ChangeSet:
        """Move to time ``t``; return what changed (``reset`` when rebuilt from a checkpoint)."""
        t = min(max(t, self.review.start), self.review.end)
        return self.seek(self.review.step_at(t), t)

    def seek(self, step: int, now: float | None = None) -> ChangeSet:
        """Move to ``step`` (clock at ``now``, default the step's time).

        Forward within one epoch, and at most a few checkpoints' worth of events ahead:
        applies the new events to the held State (incremental change set). Otherwise
        rebuilds from the nearest checkpoint (a ``reset`` change set).
        """
        r = self.review
        step = min(max(0, int(step)), r.n_steps - 1)
        t = r.step_time(step) if now is None else max(now, r.step_time(step))
        near = step - self.step <= 2 * r.checkpoint_every
        if step >= self.step and r.same_epoch(step, self.step) and near and t >= self.now:
            cs = ChangeSet()
            if step > self.step:
                raw = r._raw
                evs = [orjson.loads(raw[s]) for s in range(self.step + 1, step + 1)]  # type: ignore[arg-type]
                cs = self.state.apply_events(evs)
            cs.merge(self.state.tick(t))
            cs.seq = self.state.seq
        else:
            self.state = r.state_at(step, t)
            cs = ChangeSet(reset=True, counters_changed=True, seq=self.state.seq)
        self.step, self.now = step, t
        return cs


# ---- Read-only "api" for panes' fetch()


class ReviewApi:
    """Stands in for :class:`client.api.HubClient` in review: reads answer from the cache.

    ``case_history`` returns the case's events up to the cursor's position; commands raise
    :class:`ReviewReadOnlyError` (nothing is ever sent).
    """

    def __init__(self, cursor: ReviewCursor) -> None:
        self.cursor = cursor

    def case_history(self, case_id: str) -> list[dict[str, Any]]:
        """The case's events in the shift up to the current position."""
        return self.cursor.review.history(case_id, self.cursor.step)

    def case(self, case_id: str) -> Case:
        """The case as held at the current position."""
        c = self.cursor.state.cases.get(case_id)
        if c is None:
            raise CacheError(f"case {case_id} is not in the reviewed state")
        return c

    def region_geometry(self, etag: str | None = None) -> None:
        """Offline: nothing newer than the region polygons kept beside the shift file
        (``client.geometry.fetch_geometry`` then answers from that copy)."""
        return None

    def categories(self) -> list[dict[str, Any]]:
        """The categories saved in the shift file."""
        cats = self.cursor.review.meta.get("categories")
        return cats if isinstance(cats, list) else []

    def __getattr__(self, name: str) -> Callable[..., NoReturn]:
        if name.startswith("_"):
            raise AttributeError(name)

        def refuse(*_a: object, **_k: object) -> NoReturn:
            raise ReviewReadOnlyError(f"offline review is read-only: {name} is not available")

        return refuse


def open_review(path: str | os.PathLike[str], *,
                checkpoint_every: int = DEFAULT_CHECKPOINT_EVERY, zone_name: str | None = None,
                freeze_gc: bool = True) -> ShiftReview:
    """Read a shift file read-only and open it for review (see :class:`ShiftReview`)."""
    return ShiftReview(read_shift(path), checkpoint_every=checkpoint_every,
                       zone_name=zone_name, freeze_gc=freeze_gc)
