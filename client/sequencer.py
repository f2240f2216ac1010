"""Sans-I/O sequencing of the hub's feed: frames in, ordered, deduplicated events out.

The :class:`Sequencer` does no I/O and knows no clock; the Feed thread (``client.feed``)
is a thin shell that reads frames from the socket, calls :meth:`Sequencer.receive`,
fills gaps by calling ``GET /events`` when :meth:`Sequencer.gap` says so and hands the
answer to :meth:`Sequencer.fill`. Rules (protocol "Rules for the client"):

* every frame is decoded and validated by ``client.protocol`` (typed, one pass); a frame
  that is not JSON or not a valid event of its type is junk: counted (per reason),
  logged and skipped — it never uses up a ``seq``; unknown types with a valid envelope
  are sequenced (they use up a ``seq``) and left for the store to ignore;
* events are released strictly in ``seq`` order, each exactly once; ``seq`` ≤ the last
  released one (or already held) is a duplicate and is skipped;
* an event after a gap is held until the gap is filled; at most ``hold_cap`` frames are
  held: a frame more than ``hold_cap`` ahead of the last released seq is junk (``seq
  beyond the hold window``) and makes the sequencer ask for a fill, so a hub that floods
  far-ahead frames cannot grow the client, and a real one is fetched from ``GET /events``;
* **the hub's word wins**: the ``seq`` of a ``GET /events`` answer is the authority on what
  exists. :meth:`fill` drops every held frame above it as junk (``held above the hub's
  latest``), so a poison frame never holds the feed back;
* an invalid event that ``GET /events`` itself answers, at a ``seq`` the hub vouches for
  (above the last released one, at most its latest), is junk like any other the first
  time; answered again at the same ``seq`` by the next fill, the hub's own log holds it:
  a :data:`SKIPPED` placeholder uses up that ``seq`` (counted in ``skipped``), so one
  bad event in the hub's log never stops the feed. Asking twice
  keeps an invalid answer that was a passing fault from costing a real event;
* a heartbeat (no ``seq`` of its own) carries the hub's latest ``seq``: if a heartbeat
  finds the client still behind the latest ``seq`` announced by the *previous*
  heartbeat and no event arrived in between, the tail was withheld and :meth:`gap`
  asks for a fill (waiting one quiet interval avoids needless fills during a backlog);
* :meth:`reset` (a snapshot, or a new connection from the last committed seq) forgets
  every held frame: frames held across it cannot be trusted to be real (a snapshot's
  ``seq`` is the hub's latest, and a new connection resends everything after ``since``).

When to fill is the Feed's policy (it fills when a batch released nothing or the link
went quiet, and commits what is in order before a fill that fails); the sequencer only
says whether there is a gap and guarantees progress: every fill either releases events,
or clears the gap, or the hub contradicted itself (the Feed then reconnects).

Threading: not thread-safe; owned by the Feed thread (or a test).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from client.protocol import HEARTBEAT, Event, ProtocolError, decode_frame, envelope

log = logging.getLogger(__name__)

#: How many frames may wait behind a gap (and how far ahead of the last seq one may be).
HOLD_CAP = 50_000
#: Heartbeat intervals are clamped to this range (the protocol's maximum is 15 s).
MIN_INTERVAL_S, MAX_INTERVAL_S = 0.1, 15.0

#: A released event: ``(seq, event, raw)``; ``raw`` is the event's JSON bytes as the hub
#: sent them (a feed frame, or one event of a ``GET /events`` answer).
Ready = tuple[int, Event, bytes | None]

ABOVE_LATEST = "held above the hub's latest"
BEYOND_WINDOW = "seq beyond the hold window"
#: The type of the placeholder that stands for an invalid event of the hub's log (an
#: unknown type: the store ignores it; the cache keeps it, so a restart resumes after it).
SKIPPED = "commandpost.skipped"
#: How many fills must answer an invalid event at one seq before it is skipped.
STRIKES_TO_SKIP = 2


@dataclass
class SequencerCounters:
    """Counters of what the sequencer saw (plain data; copied into the link status).

    ``junk_reasons`` counts junk by reason (``"not JSON"``, ``"invalid $.data.case.id"``,
    ``"seq beyond the hold window"``, ``"held above the hub's latest"``, …).
    """

    frames: int = 0
    applied: int = 0
    duplicates: int = 0
    gaps_filled: int = 0
    filled_events: int = 0
    junk: int = 0
    skipped: int = 0
    heartbeats: int = 0
    junk_reasons: dict[str, int] = field(default_factory=dict)


class Sequencer:
    """Order and deduplicate feed events; detect gaps (pure, no I/O).

    Args:
        last_seq: the last seq already applied (committed).
        hold_cap: the most frames held behind a gap.

    Attributes:
        last_seq: the last released seq (0 before the first event).
        hub_latest: the newest seq the hub announced (heartbeat or ``GET /events``).
        interval_s: the last heartbeat's ``interval_s`` (clamped), None before the first.
        counters: :class:`SequencerCounters`.
    """

    def __init__(self, last_seq: int = 0, hold_cap: int = HOLD_CAP) -> None:
        self.last_seq = last_seq
        self.hold_cap = hold_cap
        self.hub_latest = last_seq
        self.interval_s: float | None = None
        self.counters = SequencerCounters()
        self._pending: dict[int, tuple[Event, bytes | None]] = {}
        self._hint: int | None = None  # latest seq announced by the previous heartbeat
        self._tail_gap = False
        self._overflow: int | None = None  # the lowest seq dropped beyond the hold window
        self._applied_at_hint = 0
        #: seq → how many fills answered an invalid event there (kept across reset():
        #: the next fill comes after a reconnect)
        self._strikes: dict[int, int] = {}

    # ---- Public API

    def reset(self, seq: int) -> None:
        """Restart from ``seq`` (a snapshot's, or the last committed one on a new connection).

        Every held frame is forgotten: none can be trusted to be real any more.
        """
        self.last_seq = seq
        self.hub_latest = seq
        self._pending.clear()
        self._hint = None
        self._tail_gap = False
        self._overflow = None

    def receive(self, raw: bytes | str) -> list[Ready]:
        """Take one text frame from the socket; return the events now ready, in order."""
        self.counters.frames += 1
        try:
            ev = decode_frame(raw)
        except ProtocolError as exc:
            self._junk(raw, exc.reason, exc.detail)
            return []
        if ev["type"] == HEARTBEAT:
            self._heartbeat(ev["data"])
            return []
        if not isinstance(raw, bytes):
            raw = raw.encode() if isinstance(raw, str) else bytes(raw)
        return self._offer(ev["seq"], ev, raw)

    def fill(self, events: Iterable[Any], latest: int) -> list[Ready]:
        """Take a ``GET /events`` answer; return the events now ready, in order.

        Args:
            events: the answer's events, each as raw JSON (bytes, ``msgspec.Raw``) or a
                dict; each is decoded and validated like a frame (invalid ones are junk).
            latest: the answer's ``seq``, the hub's latest: the authority on what exists.
        """
        had_gap = self.gap() is not None
        out: list[Ready] = []
        before = self.counters.applied
        struck: set[int] = set()  # one strike per seq per answer
        for item in events:
            raw = orjson.dumps(item) if isinstance(item, dict) else bytes(item)
            try:
                ev = decode_frame(raw)
            except ProtocolError as exc:
                out.extend(self._invalid_in_fill(raw, exc, latest, struck))
                continue
            if ev["type"] == HEARTBEAT:
                self._junk(raw, "heartbeat in /events", "")
                continue
            if ev["seq"] > latest:
                self._junk(raw, "above the hub's latest in /events", f"seq {ev['seq']} > {latest}")
                continue
            out.extend(self._offer(ev["seq"], ev, raw))
        # The hub's word wins: a held frame above its latest does not exist.
        pending = self._pending
        for s in [s for s in pending if s > latest]:
            _, held = pending.pop(s)
            self._junk(held, ABOVE_LATEST, f"seq {s} > {latest}")
        self.counters.filled_events += self.counters.applied - before
        self.hub_latest = max(latest, self.last_seq)
        if self._overflow is not None and (self._overflow > latest
                                           or self.last_seq >= self._overflow):
            # every frame dropped beyond the window was junk, or the first one is in now
            # (later ones show as gaps or a withheld tail again)
            self._overflow = None
        if self.last_seq >= latest:
            # Caught up with what the hub says exists: no withheld tail, nothing beyond.
            self._tail_gap = False
            self._hint = None
        if had_gap and self.gap() is None:
            self.counters.gaps_filled += 1
        return out

    def gap(self) -> int | None:
        """Return the ``since`` to fill from (``GET /events?since=...``), or None if no gap."""
        if self._pending or self._tail_gap or self._overflow is not None:
            return self.last_seq
        return None

    @property
    def pending(self) -> int:
        """How many events wait behind a gap."""
        return len(self._pending)

    # ---- Internals

    def _invalid_in_fill(self, raw: bytes, exc: ProtocolError, latest: int,
                         struck: set[int]) -> list[Ready]:
        """An invalid event in a ``GET /events`` answer: junk; the second answer with an
        invalid event at the same vouched-for seq, a :data:`SKIPPED` placeholder uses
        that seq up."""
        self._junk(raw, exc.reason, exc.detail)
        env = envelope(raw)
        if env is None:
            return []
        at, ts = env
        if not self.last_seq < at <= latest or at in self._pending or at in struck:
            return []
        struck.add(at)
        for old in [s for s in self._strikes if s <= self.last_seq]:
            del self._strikes[old]
        strikes = self._strikes[at] = self._strikes.get(at, 0) + 1
        if strikes < STRIKES_TO_SKIP:
            return []
        del self._strikes[at]
        self.counters.skipped += 1
        log.warning("GET /events answered an invalid event at seq %d again (%s): skipped",
                    at, exc.detail)
        placeholder: Event = {"seq": at, "ts": ts, "type": SKIPPED,
                              "data": {"reason": exc.reason}}
        return self._offer(at, placeholder, orjson.dumps(placeholder))

    def _offer(self, seq: int, ev: Event, raw: bytes | None) -> list[Ready]:
        last = self.last_seq
        pending = self._pending
        if seq <= last or seq in pending:
            self.counters.duplicates += 1
            return []
        if seq != last + 1:
            if seq - last > self.hold_cap:
                self._junk(raw, BEYOND_WINDOW, f"seq {seq} is over {self.hold_cap} ahead of {last}")
                if self._overflow is None or seq < self._overflow:
                    self._overflow = seq
                return []
            pending[seq] = (ev, raw)
            return []
        out: list[Ready] = [(seq, ev, raw)]
        last = seq
        while pending:
            nxt = pending.pop(last + 1, None)
            if nxt is None:
                break
            last += 1
            out.append((last, nxt[0], nxt[1]))
        self.last_seq = last
        if last > self.hub_latest:
            self.hub_latest = last
        self.counters.applied += len(out)
        return out

    def _heartbeat(self, data: Mapping[str, Any]) -> None:
        self.counters.heartbeats += 1
        self.interval_s = min(max(float(data["interval_s"]), MIN_INTERVAL_S), MAX_INTERVAL_S)
        latest = data["seq"]
        self.hub_latest = max(latest, self.last_seq)
        if latest <= self.last_seq:
            self._hint = None
            return
        if (
            self._hint is not None
            and self.last_seq < self._hint
            and self.counters.applied == self._applied_at_hint
        ):
            # Two heartbeats, no event in between, still behind: the tail was withheld.
            self._tail_gap = True
        if not self._tail_gap:
            self._hint = latest
            self._applied_at_hint = self.counters.applied

    def count_junk(self, what: Any, reason: str, detail: str = "") -> None:
        """Count (and log) one piece of junk, e.g. an invalid element of a snapshot.

        The log is rate-limited per reason (the first 20, then every 1,000th), so a hub
        flooding junk cannot flood the log.
        """
        c = self.counters
        c.junk += 1
        n = c.junk_reasons[reason] = c.junk_reasons.get(reason, 0) + 1
        if n <= 20 or n % 1000 == 0:
            log.warning("skipped junk from the hub (%s, %d so far; %s): %.120r",
                        reason, n, detail, what)

    _junk = count_junk
