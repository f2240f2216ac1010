"""Sans-I/O sequencing of the hub's feed: frames in, ordered, deduplicated events out.

The :class:`Sequencer` does no I/O and knows no clock; the Feed thread (``client.feed``)
is a thin shell that reads frames from the socket, calls :meth:`Sequencer.receive`,
fills gaps by calling ``GET /events`` when :meth:`Sequencer.gap` says so and hands the
answer to :meth:`Sequencer.fill`. Rules (protocol "Rules for the client"):

* events are released strictly in ``seq`` order, each exactly once;
* ``seq`` ≤ the last released one is a duplicate and is skipped (also a duplicate of a
  buffered one);
* an event after a gap is buffered until the gap is filled (from ``GET /events``);
* a frame that is not JSON, or JSON but not an event (no integer ``seq`` ≥ 1, no string
  ``type``, no object ``data``), is counted as junk and skipped; unknown types with a
  valid envelope are sequenced (they use up a ``seq``) and left for the store to ignore;
* a heartbeat (no ``seq`` of its own) carries the hub's latest ``seq``: if a heartbeat
  finds the client still behind the latest ``seq`` announced by the *previous*
  heartbeat and no event arrived in between, the tail was withheld and :meth:`gap`
  asks for a fill. (Waiting one quiet heartbeat interval avoids needless fills while a
  backlog is still streaming.)

Threading: not thread-safe; owned by the Feed thread (or a test).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import orjson

log = logging.getLogger(__name__)

HEARTBEAT = "heartbeat"

#: A released event: ``(seq, event, raw)``; ``raw`` is the frame's bytes when it came
#: from the socket, None when it came from ``GET /events``.
Ready = tuple[int, dict, bytes | None]


@dataclass
class SequencerCounters:
    """Counters of what the sequencer saw (plain data; copied into the link status)."""

    frames: int = 0
    applied: int = 0
    duplicates: int = 0
    gaps_filled: int = 0
    filled_events: int = 0
    junk: int = 0
    heartbeats: int = 0


def check_envelope(obj: Any) -> str | None:
    """Return why ``obj`` is not a valid feed event, or None when it is one.

    A heartbeat is valid with an object ``data``; any other type needs an integer
    ``seq`` ≥ 1 and an object ``data``.
    """
    if not isinstance(obj, dict):
        return "not a JSON object"
    typ = obj.get("type")
    if not isinstance(typ, str):
        return "no string 'type'"
    if not isinstance(obj.get("data"), dict):
        return "no object 'data'"
    if typ == HEARTBEAT:
        return None
    seq = obj.get("seq")
    if type(seq) is not int or seq < 1:
        return "no integer 'seq' >= 1"
    return None


class Sequencer:
    """Order and deduplicate feed events; detect gaps (pure, no I/O).

    Attributes:
        last_seq: the last released seq (0 before the first event).
        hub_latest: the newest seq the hub has announced (heartbeat or /events), or 0.
        interval_s: the last heartbeat's ``interval_s``, None before the first heartbeat.
        counters: :class:`SequencerCounters`.
    """

    def __init__(self, last_seq: int = 0) -> None:
        self.last_seq = last_seq
        self.hub_latest = 0
        self.interval_s: float | None = None
        self.counters = SequencerCounters()
        self._pending: dict[int, tuple[dict, bytes | None]] = {}
        self._hint: int | None = None  # latest seq announced by the previous heartbeat
        self._tail_gap = False
        self._applied_at_hint = 0

    # ---- Public API

    def reset(self, seq: int) -> None:
        """Restart from a snapshot taken at ``seq``: forget buffered events up to it."""
        self.last_seq = seq
        self._pending = {s: v for s, v in self._pending.items() if s > seq}
        self._hint = None
        self._tail_gap = False

    def receive(self, raw: bytes | str) -> list[Ready]:
        """Take one text frame from the socket; return the events now ready, in order."""
        self.counters.frames += 1
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            self._junk(raw, f"not JSON ({exc})")
            return []
        why = check_envelope(obj)
        if why is not None:
            self._junk(raw, why)
            return []
        if obj["type"] == HEARTBEAT:
            self._heartbeat(obj["data"])
            return []
        if isinstance(raw, str):
            raw = raw.encode()
        return self._offer(obj["seq"], obj, raw)

    def fill(self, events: list[Any], latest: int | None = None) -> list[Ready]:
        """Take the ``events`` list of a ``GET /events`` answer; return the events now ready.

        Args:
            events: the answer's events (invalid ones are counted as junk and skipped).
            latest: the answer's ``seq`` (the hub's latest), if any.
        """
        had_gap = bool(self._pending) or self._tail_gap
        out: list[Ready] = []
        before = self.counters.applied
        if type(latest) is int and latest > self.hub_latest:
            self.hub_latest = latest
        for ev in events:
            why = check_envelope(ev)
            if why is not None or ev["type"] == HEARTBEAT:
                self._junk(ev, why or "heartbeat in /events")
                continue
            out.extend(self._offer(ev["seq"], ev, None))
        self.counters.filled_events += self.counters.applied - before
        if self._tail_gap and (
            self.last_seq >= self.hub_latest or (not events and not self._pending)
        ):
            # Caught up with the newest seq announced (by heartbeats or by this answer),
            # or the hub has nothing more to give.
            self._tail_gap = False
            self._hint = None
        if had_gap and not self._pending and not self._tail_gap:
            self.counters.gaps_filled += 1
        return out

    def gap(self) -> int | None:
        """Return the ``since`` to fill from (``GET /events?since=...``), or None if no gap."""
        if self._pending or self._tail_gap:
            return self.last_seq
        return None

    @property
    def pending(self) -> int:
        """How many events wait behind a gap."""
        return len(self._pending)

    # ---- Internals

    def _offer(self, seq: int, ev: dict, raw: bytes | None) -> list[Ready]:
        last = self.last_seq
        if seq <= last or seq in self._pending:
            self.counters.duplicates += 1
            return []
        if seq > self.hub_latest:
            self.hub_latest = seq
        if seq != last + 1:
            self._pending[seq] = (ev, raw)
            return []
        out: list[Ready] = [(seq, ev, raw)]
        last = seq
        pending = self._pending
        while pending:
            nxt = pending.pop(last + 1, None)
            if nxt is None:
                break
            last += 1
            out.append((last, nxt[0], nxt[1]))
        self.last_seq = last
        self.counters.applied += len(out)
        return out

    def _heartbeat(self, data: dict) -> None:
        self.counters.heartbeats += 1
        interval = data.get("interval_s")
        if isinstance(interval, int | float) and not isinstance(interval, bool) and interval > 0:
            self.interval_s = float(min(interval, 15.0))
        latest = data.get("seq")
        if type(latest) is not int:
            return
        if latest > self.hub_latest:
            self.hub_latest = latest
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

    def _junk(self, what: Any, why: str) -> None:
        self.counters.junk += 1
        text = what if isinstance(what, str | bytes) else repr(what)
        log.warning("skipped a feed frame that is not a valid event (%s): %.120r", why, text)
