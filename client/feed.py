"""Feed: the thread that keeps the shift cache and hands ordered batches to the console.

The Feed thread owns the WebSocket (websocket-client), the sans-I/O
:class:`client.sequencer.Sequencer` and the shift cache (``client.cache``), which its
writer thread (:class:`client.cache_writer.CacheWriter`) commits to. It keeps no
picture of the post itself: at a shift boundary it rebuilds the held state from the
current shift file (its latest snapshot plus the events after it) to start the next
file, without the network. For every batch of frames it:

0. reads them with websocket-client's socket through the sans-I/O
   :class:`client.wsframes.FrameReader` (one ``recv`` per up to 1 MB, not three per frame);
1. sequences them (duplicates skipped, junk counted and logged, gaps filled from
   ``GET /events``);
2. hands the released events to the writer thread and reads on; the writer commits them
   to the shift file in one transaction, then
3. appends a :class:`client.batch.Batch` to the hand-off queue and calls ``on_batch``.

So a batch is handed off only once it is committed, and in order. Before anything else
touches the shift file or the committed seq (a reconnect, a snapshot, a shift rollover,
stopping) the Feed thread waits for the writer (``flush``).

Hand-off API (thread-safe): the consumer calls :meth:`Feed.drain` — the Qt console from a
~100 ms timer on the GUI thread, the headless mirror in its loop — and applies each batch
to its :class:`client.state.State` in order. ``on_batch`` (optional) runs on the writer
(or Feed) thread right after a batch is queued; use it only to wake the consumer (e.g. emit a
queued Qt signal). There is no back-pressure: a consumer that stops draining lets the
queue grow. :meth:`Feed.status` returns a :class:`LinkStatus` snapshot at any time.

Link states: ``connecting`` (startup / handshake), ``catching_up`` (connected, receiving
a backlog or filling a gap), ``live``, ``reconnecting`` (``retry_in`` seconds until the
next attempt; capped jittered exponential backoff from 0.5 s to 30 s), ``offline``
(not started, stopped, or stopped by a fatal cache error in ``error``) and
``session_expired`` (a 401: log in again with the same HubClient, then call
:meth:`Feed.resume`).

Every other method is for the Feed thread itself.
"""

from __future__ import annotations

import logging
import random
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websocket
from msgspec import Raw

from client import transport
from client.api import HubClient
from client.batch import Batch
from client.cache import CacheDir, ShiftCache
from client.cache_writer import CacheWriter
from client.errors import (
    BadAnswerError,
    CacheError,
    GoneError,
    HubError,
    HubUnreachable,
    RateLimitedError,
    SessionExpired,
)
from client.sequencer import Ready, Sequencer
from client.shifts import Shift, ShiftSchedule
from client.store import Store
from client.timeutil import format_time
from client.wsframes import OP_BINARY, OP_CLOSE, OP_PING, OP_TEXT, FrameError, FrameReader

log = logging.getLogger(__name__)

CONNECTING = "connecting"
LIVE = "live"
CATCHING_UP = "catching_up"
RECONNECTING = "reconnecting"
OFFLINE = "offline"
SESSION_EXPIRED = "session_expired"


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """What the operator sees about the link (a plain snapshot; poll it).

    Attributes:
        state: one of connecting, catching_up, live, reconnecting, offline, session_expired.
        retry_in: seconds until the next connection attempt (reconnecting only).
        last_seq: the last seq committed and handed off.
        hub_latest: the newest seq the hub announced.
        frames, applied, duplicates, gaps_filled, junk, reconnects, snapshots: counters.
        error: the last error message, if any.
        cache_file: the shift file being written.
        junk_reasons: junk counted by reason (``client.sequencer.SequencerCounters``).
        held: frames waiting behind a gap now.
        error_kind: why the link is down, as :func:`error_kind` names it (None if it is not).
        skipped: invalid events of the hub's own log passed over at their seq
            (``client.sequencer``: answered invalid twice by ``GET /events``).
    """

    state: str
    retry_in: float | None
    last_seq: int
    hub_latest: int
    frames: int
    applied: int
    duplicates: int
    gaps_filled: int
    junk: int
    reconnects: int
    snapshots: int
    error: str | None
    cache_file: str | None
    junk_reasons: dict[str, int] = field(default_factory=dict)
    held: int = 0
    skipped: int = 0
    error_kind: str | None = None


RECV_SIZE = 1024 * 1024
#: close code 4401 (protocol 1.1 hub): the session was revoked or expired
CLOSE_SESSION_ENDED = (4401).to_bytes(2, "big")
#: WebSocket's "internal error" close; the reference hub sends it with the reason
#: "hub database unavailable" when its database goes down mid-stream
CLOSE_INTERNAL_ERROR = (1011).to_bytes(2, "big")


class LinkDead(Exception):
    """No heartbeat and no event for three heartbeat intervals."""


class LinkBroken(Exception):
    """The hub closed the feed or answered something unusable.

    Attributes:
        kind: why, as :func:`error_kind` names it (``lost`` unless told).
    """

    def __init__(self, message: str, kind: str = "lost") -> None:
        super().__init__(message)
        self.kind = kind


#: The causes :func:`error_kind` names by the exception's type, first match wins.
_KINDS: tuple[tuple[type[BaseException], str], ...] = (
    (LinkDead, "silent"), (SessionExpired, "session_expired"), (CacheError, "cache"),
    (HubUnreachable, "unreachable"), (BadAnswerError, "bad_answer"),
    (RateLimitedError, "rate_limited"))


def error_kind(exc: BaseException) -> str:
    """Why the link is down, as a stable code the console puts in words
    (``client.glossary`` kind ``link_problem``)."""
    if isinstance(exc, LinkBroken):
        return exc.kind
    for typ, kind in _KINDS:
        if isinstance(exc, typ):
            return kind
    if isinstance(exc, HubError):
        return "database_unavailable" if exc.status == 503 else "hub_error"
    if isinstance(exc, OSError | FrameError | websocket.WebSocketException):
        return "lost"
    return "stopped"


class Feed:
    """Runs the feed in a daemon thread; see the module docstring for the hand-off.

    Args:
        api: a logged-in HubClient (shared with the console; thread-safe).
        cache_dir: the directory of shift files.
        schedule: the post's shift schedule.
        on_batch: optional wake-up callback, run on the Feed's writer (or Feed) thread
            after each batch.
        clock: epoch-seconds clock (tests move shifts with it).
        backoff_initial, backoff_cap: reconnect delays (seconds, before jitter).
        default_interval_s: heartbeat interval assumed before the first heartbeat.
        batch_window_s, max_batch: how long / how many frames one batch collects.
        fill_limit: ``limit`` of each ``GET /events`` when filling a gap.
        gap_max_age_s: a gap older than this is filled even while the stream flows (a
            frame held above the hub's latest must be dropped before the hub's events
            reach its seq).
    """

    def __init__(
        self,
        api: HubClient,
        cache_dir: str | Path,
        *,
        schedule: ShiftSchedule | None = None,
        on_batch: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.time,
        backoff_initial: float = 0.5,
        backoff_cap: float = 30.0,
        default_interval_s: float = 15.0,
        batch_window_s: float = 0.05,
        max_batch: int = 5000,
        fill_limit: int = 1000,
        connect_timeout: float = 10.0,
        gap_max_age_s: float = 1.0,
    ) -> None:
        self.api = api
        self.cache_dir = CacheDir(cache_dir)
        self.schedule = schedule or ShiftSchedule()
        self.on_batch = on_batch
        self.clock = clock
        self.backoff_initial = backoff_initial
        self.backoff_cap = backoff_cap
        self.default_interval_s = default_interval_s
        self.batch_window_s = batch_window_s
        self.max_batch = max_batch
        self.fill_limit = fill_limit
        self.connect_timeout = connect_timeout
        self.gap_max_age_s = gap_max_age_s

        self.seq = Sequencer()  # Feed thread only
        self.last_seq = 0  # the last seq committed and handed off (read by status())
        self._writer = CacheWriter()  # commits and hands off the released batches
        self.fatal: Exception | None = None

        self._queue: deque[Batch] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._resume = threading.Event()
        self._thread: threading.Thread | None = None
        self._ws: websocket.WebSocket | None = None
        self._cache: ShiftCache | None = None
        self._shift: Shift | None = None
        self._meta: dict[str, Any] = {}
        self._state = OFFLINE
        self._retry_at: float | None = None
        self._error: str | None = None
        self._error_kind: str | None = None
        self._reconnects = 0
        self._snapshots = 0
        self._attempt = 0
        self._rng = random.Random()

    # ---- Public API (any thread)

    def start(self) -> None:
        """Start the Feed thread (restores from the cache or loads a snapshot first)."""
        if self._thread is not None:
            raise RuntimeError("Feed already started")
        self._set_state(CONNECTING)
        self._thread = threading.Thread(target=self._run, name="hub-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread, close the socket and the cache file; wait up to ``timeout``."""
        self._stop.set()
        self._resume.set()
        t = self._thread
        if t is not None and t is not threading.current_thread():
            t.join(timeout)
            if t.is_alive():
                log.warning("feed thread did not stop within %.1f s", timeout)

    def drain(self) -> list[Batch]:
        """Take every queued batch, oldest first (thread-safe)."""
        with self._lock:
            out = list(self._queue)
            self._queue.clear()
        return out

    def resume(self) -> None:
        """Continue after ``session_expired`` once the HubClient has logged in again."""
        self._resume.set()

    @property
    def running(self) -> bool:
        """True while the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def status(self) -> LinkStatus:
        """The link state and counters now (thread-safe snapshot)."""
        c = self.seq.counters
        with self._lock:
            retry = None
            if self._state == RECONNECTING and self._retry_at is not None:
                retry = max(0.0, self._retry_at - time.monotonic())
            return LinkStatus(
                state=self._state,
                retry_in=retry,
                last_seq=self.last_seq,
                hub_latest=max(self.seq.hub_latest, self.last_seq),
                frames=c.frames,
                applied=c.applied,
                duplicates=c.duplicates,
                gaps_filled=c.gaps_filled,
                junk=c.junk,
                reconnects=self._reconnects,
                snapshots=self._snapshots,
                error=self._error,
                cache_file=str(self._cache.path) if self._cache else None,
                junk_reasons=dict(c.junk_reasons),
                held=self.seq.pending,
                skipped=c.skipped,
                error_kind=self._error_kind,
            )

    # ---- Thread body

    def _set_state(self, state: str, retry_at: float | None = None) -> None:
        with self._lock:
            if state != self._state:
                log.info("feed link: %s -> %s", self._state, state)
            self._state = state
            self._retry_at = retry_at

    def _run(self) -> None:
        try:
            self._loop()
        except CacheError as exc:
            self.fatal = exc
            self._error, self._error_kind = str(exc), "cache"
            log.error("feed stopped: %s", exc)
        except Exception as exc:  # never die silently
            self.fatal = exc
            self._error, self._error_kind = f"{type(exc).__name__}: {exc}", "stopped"
            log.exception("feed stopped by an unexpected error")
        finally:
            self._close_ws()
            self.api.close()  # this thread's HTTP connections
            try:
                self._writer.close()  # what was read is committed and handed off
            except CacheError as exc:
                self.fatal = self.fatal or exc
                self._error = self._error or str(exc)
                self._error_kind = self._error_kind or "cache"
                log.error("feed stopped: %s", exc)
            if self._cache is not None:
                self._cache.close()
            self._set_state(OFFLINE)

    def _loop(self) -> None:
        started = False
        while not self._stop.is_set():
            try:
                if not started:
                    self._set_state(CONNECTING)
                    self._startup()
                    started = True
                self._stream()
            except GoneError:
                with self._lock:
                    self._reconnects += 1
                log.info("hub: since=%d is gone; reloading the snapshot", self.last_seq)
                self._close_ws()
                try:
                    self._reload_snapshot()
                except SessionExpired as exc:
                    self._session_expired(exc)
                except (HubError, OSError) as exc:
                    self._backoff(exc)
            except SessionExpired as exc:
                self._session_expired(exc)
            except (
                HubError, OSError, LinkDead, LinkBroken, FrameError, websocket.WebSocketException
            ) as exc:
                self._backoff(exc)

    def _session_expired(self, exc: Exception) -> None:
        self._close_ws()
        self._error = str(exc)
        self._resume.clear()
        self._set_state(SESSION_EXPIRED)
        log.warning("feed: %s", exc)
        while not self._stop.is_set() and not self._resume.wait(0.5):
            pass

    def _backoff(self, exc: BaseException) -> None:
        self._close_ws()
        self._error = f"{type(exc).__name__}: {exc}" if not isinstance(exc, HubError) else str(exc)
        self._error_kind = error_kind(exc)
        with self._lock:
            self._reconnects += 1
        delay = min(self.backoff_cap, self.backoff_initial * (2**self._attempt))
        delay *= self._rng.uniform(0.5, 1.0)
        self._attempt = min(self._attempt + 1, 16)
        log.warning("feed link lost (%s); retrying in %.1f s", self._error, delay)
        self._set_state(RECONNECTING, time.monotonic() + delay)
        self._stop.wait(delay)

    # ---- Startup, snapshots and shifts

    def _startup(self) -> None:
        user = self.api.user
        post_id = user.get("post_id") if user else None
        restored = self.cache_dir.restore(self.api.base_url, post_id)
        if restored is None:
            categories = self.api.categories()
            self._meta = {"hub_url": self.api.base_url, "user": user, "categories": categories,
                          "zone": self.schedule.zone_name}
            self._reload_snapshot()
            return
        cache = restored.cache
        meta = cache.meta()
        self._meta = {k: meta.get(k) for k in ("hub_url", "user", "categories", "zone", "post")}
        last = restored.events[-1]["seq"] if restored.events else restored.snapshot["seq"]
        self.last_seq = last
        self.seq.reset(last)
        self._cache = cache
        self._shift = self._shift_of(cache, restored.label)
        log.info("restored seq %d from %s", last, cache.path)
        self._emit(Batch(restored.snapshot, restored.events, last, self.clock()))
        self._maybe_rollover()

    def _shift_of(self, cache: ShiftCache, label: str) -> Shift:
        meta = cache.meta()
        start, end = meta.get("shift_start"), meta.get("shift_end")
        if isinstance(start, int | float) and isinstance(end, int | float):
            return Shift(float(start), float(end), label)
        return self.schedule.shift_at(self.clock())

    def _reload_snapshot(self) -> None:
        """Load ``GET /snapshot``, commit it to the current shift file, hand it off."""
        self._writer.flush()
        self._set_state(CATCHING_UP)
        snap, skipped = self.api.snapshot_checked()
        for err in skipped:
            self.seq.count_junk(err.detail, err.reason, "in GET /snapshot")
        now = self.clock()
        self._meta["post"] = snap.get("post")
        shift = self.schedule.shift_at(now)
        if self._cache is None or self._shift is None or self._shift.label != shift.label:
            self._switch_file(shift)
        assert self._cache is not None
        self._cache.add_snapshot(snap, now, "hub")
        self.last_seq = snap["seq"]
        self.seq.reset(snap["seq"])
        with self._lock:
            self._snapshots += 1
        self._emit(Batch(snap, [], snap["seq"], now))

    def _switch_file(self, shift: Shift) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None
        self._cache = self.cache_dir.open_for_shift(shift, self._meta)
        self._shift = shift

    def _maybe_rollover(self) -> None:
        """At a shift boundary, start the new shift's file with the held state."""
        now = self.clock()
        if self._shift is not None and now < self._shift.end:
            return
        self._writer.flush()  # the file holds every event handed off
        shift = self.schedule.shift_at(now)
        held = self._held_state()
        held.prune(now)
        snap = held.to_snapshot(format_time(now))
        self._switch_file(shift)
        assert self._cache is not None
        self._cache.add_snapshot(snap, now, "shift_start")
        log.info("shift %s started: %s (seq %d)", shift.label, self._cache.path, held.seq)

    def _held_state(self) -> Store:
        """The state the current shift file holds: its latest snapshot and the events after."""
        assert self._cache is not None
        store = Store()
        row = self._cache.latest_snapshot()
        if row is None:
            raise CacheError(f"cache file {self._cache.path} holds no snapshot")
        store.load_snapshot(self._cache.load_snapshot(row.id))
        apply = store.apply
        for ev, _ in self._cache.iter_events(row.id, chunk=200):
            apply(ev)
        if store.seq != self.last_seq:
            raise CacheError(
                f"cache file {self._cache.path} ends at seq {store.seq}, "
                f"but seq {self.last_seq} was handed off"
            )
        return store

    # ---- Streaming

    def _close_ws(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None:
            try:
                ws.send_close()
            except Exception:  # noqa: BLE001 - the socket may already be broken
                pass
            try:
                ws.shutdown()
            except Exception:  # noqa: BLE001
                pass

    def _connect(self) -> websocket.WebSocket:
        url = self.api.feed_url(self.last_seq)
        hdr = [f"{k}: {v}" for k, v in self.api.auth_header().items()]
        try:
            ws = websocket.create_connection(
                url,
                header=hdr,
                timeout=self.connect_timeout,
                skip_utf8_validation=True,
                enable_multithread=False,
                sslopt=transport.sslopt(),
            )
        except websocket.WebSocketBadStatusException as exc:
            if exc.status_code == 410:
                raise GoneError("feed handshake refused: since is gone") from exc
            if exc.status_code == 401:
                raise SessionExpired() from exc
            kind = {429: "rate_limited", 503: "database_unavailable"}.get(exc.status_code,
                                                                           "refused")
            raise LinkBroken(f"feed handshake refused with HTTP {exc.status_code}",
                             kind) from exc
        return ws

    def _stream(self) -> None:
        """Connect, then read, sequence, commit and hand off batches until the link fails."""
        # Whatever was released but not committed before a failure is sequenced again.
        self._writer.flush()
        self.seq.reset(self.last_seq)
        self._close_ws()
        self._ws = ws = self._connect()
        sock = ws.sock
        assert sock is not None  # (connected)
        try:  # a deep receive buffer: fewer, larger reads during a catch-up
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
        except OSError:
            pass
        reader = FrameReader()
        self._set_state(CATCHING_UP)
        seq = self.seq
        counters = seq.counters
        clock = self.clock
        mono = time.monotonic
        last_activity = mono()
        #: the backoff starts again only once this link proved useful: it released an event
        #: or a heartbeat found the client caught up (a link that resends what cannot be
        #: applied and breaks again keeps backing off)
        healthy = False
        connected_at = seq.last_seq
        gap_since: float | None = None  # when the current gap was first seen
        window = self.batch_window_s
        max_batch = self.max_batch
        while not self._stop.is_set():
            self._writer.check()  # a failed commit stops the feed now, not at the next batch
            interval = seq.interval_s or self.default_interval_s
            dead_at = last_activity + 3 * interval
            ready: list[Ready] = []
            times: list[float] = []
            t_end: float | None = None  # set by the first frame of the batch
            n = 0
            idle = False
            while True:
                fr = reader.next()
                if fr is None:
                    if t_end is None:
                        timeout = max(0.01, min(0.25, dead_at - mono()))
                    else:
                        timeout = t_end - mono()
                        if timeout <= 0:
                            break
                    sock.settimeout(timeout)
                    try:
                        data = sock.recv(RECV_SIZE)
                    except TimeoutError:
                        idle = True
                        break
                    except OSError as exc:
                        self._finish_batch(ready, times)
                        raise LinkBroken(f"connection lost: {exc}") from None
                    if not data:
                        self._finish_batch(ready, times)
                        raise LinkBroken("the hub closed the connection")
                    reader.feed(data)
                    continue
                opcode, payload = fr
                if t_end is None:
                    t_end = mono() + window
                if opcode == OP_TEXT or opcode == OP_BINARY:
                    junk = counters.junk
                    hb = counters.heartbeats
                    out = seq.receive(payload)
                    if counters.junk == junk:
                        last_activity = mono()
                        if not healthy and (seq.last_seq > connected_at or (
                                counters.heartbeats != hb and seq.hub_latest <= seq.last_seq)):
                            healthy = True
                            self._attempt = 0
                        if counters.heartbeats != hb and seq.hub_latest <= seq.last_seq:
                            if self._state == CATCHING_UP and seq.gap() is None:
                                self._set_state(LIVE)
                    if out:
                        now = clock()
                        ready.extend(out)
                        times.extend([now] * len(out))
                elif opcode == OP_PING:
                    ws.pong(payload)
                elif opcode == OP_CLOSE:
                    self._finish_batch(ready, times)
                    if payload[:2] == CLOSE_SESSION_ENDED:  # revoked or expired: log in
                        raise SessionExpired("the session ended; log in again")
                    if payload[:2] == CLOSE_INTERNAL_ERROR:  # this hub: "hub database unavailable"
                        down = b"database" in payload[2:].lower()
                        raise LinkBroken(f"the hub closed the feed: {payload[2:200]!r}",
                                         "database_unavailable" if down else "hub_error")
                    raise LinkBroken("the hub closed the feed")
                n += 1
                if n >= max_batch or mono() >= t_end:
                    break
            if t_end is None:  # nothing at all arrived
                if mono() >= dead_at:
                    raise LinkDead(f"no heartbeat or event for {3 * interval:.1f} s")
                if seq.gap() is not None:
                    self._fill_and_finish(ready, times)
                if seq.gap() is None and self._state == CATCHING_UP:
                    self._set_state(LIVE)
                self._maybe_rollover()
                continue
            # Fill when the gap holds the stream back (nothing released in this batch), the
            # link went quiet or the held buffer is half full. While the stream flows past
            # a gap (a frame held far ahead), ask the hub's latest once a gap_max_age_s
            # (GET /events, limit 1): what is held above it is dropped long before the
            # hub's events reach its seq, for one small call a second.
            if seq.gap() is None:
                gap_since = None
            elif gap_since is None:
                gap_since = mono()
            if gap_since is not None and (not ready or idle or seq.pending * 2 >= seq.hold_cap):
                gap_since = None
                self._fill_and_finish(ready, times)
            elif gap_since is not None and mono() - gap_since >= self.gap_max_age_s:
                gap_since = mono()
                self._fill_and_finish(ready, times, probe=True)
            else:
                self._finish_batch(ready, times)
            if idle and seq.gap() is None and self._state == CATCHING_UP:
                self._set_state(LIVE)

    def _fill_and_finish(self, ready: list[Ready], times: list[float], *,
                         probe: bool = False) -> None:
        """Fill the gaps (or only ``probe`` the hub's latest), then commit and hand off;
        what is already in order is committed even when the call fails (the protocol's
        rule: a client always makes progress)."""
        try:
            if probe:
                self._take(ready, times, self.seq.fill(*self._page(self.seq.last_seq, 1)))
            else:
                self._fill(ready, times)
        finally:
            self._finish_batch(ready, times)

    def _page(self, since: int, limit: int) -> tuple[list[Raw], int]:
        page = self.api.events_page(since, limit)
        return page.events, page.seq

    def _take(self, ready: list[Ready], times: list[float], out: list[Ready]) -> None:
        if out:
            now = self.clock()
            ready.extend(out)
            times.extend([now] * len(out))

    def _fill(self, ready: list[Ready], times: list[float]) -> None:
        """Fill gaps from ``GET /events`` until the sequencer has none.

        Raises (the caller commits ``ready`` first): HubError from the call, or
        :class:`LinkBroken` when an answer neither releases an event nor clears the gap
        (the hub contradicts itself: its latest is ahead but it gives nothing).
        """
        self._set_state(CATCHING_UP)
        seq = self.seq
        while (since := seq.gap()) is not None and not self._stop.is_set():
            events, latest = self._page(since, self.fill_limit)
            before = seq.last_seq
            self._take(ready, times, seq.fill(events, latest))
            if seq.gap() is not None and seq.last_seq == before:
                raise LinkBroken(
                    f"GET /events?since={since} did not fill the gap (hub's latest {latest})"
                )

    def _finish_batch(self, ready: list[Ready], times: list[float]) -> None:
        """Have the writer commit released events to the cache and hand them off."""
        if not ready:
            return
        self._maybe_rollover()
        cache = self._cache
        assert cache is not None

        def commit() -> None:  # on the writer thread
            cache.add_released(ready, times)
            self.last_seq = last = ready[-1][0]
            self._emit(Batch(None, [ev for _, ev, _ in ready], last, times[-1]))

        self._writer.submit(commit)

    def _emit(self, batch: Batch) -> None:
        with self._lock:
            self._queue.append(batch)
        if self.on_batch is not None:
            try:
                self.on_batch()
            except Exception:  # a consumer bug must not stop the feed
                log.exception("on_batch callback failed")
