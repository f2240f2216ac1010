"""A small, deliberately misbehaving hub written from the protocol alone (tests only).

One port serves the REST API (``http.server``) and the feed: a ``GET /api/v1/feed``
upgrade is answered by hand (RFC 6455 handshake, unmasked server frames written straight
to the socket), so a test can send anything: duplicates, withheld seqs, reordered frames,
junk, 1 MB frames, heartbeats that stop, abrupt disconnects without a close frame,
410/401 at the handshake or on ``GET /events``.

The hub keeps the truth: ``cases`` (what a fresh snapshot would hold) and the event log
of the one post it serves; a test compares the client's cases with :meth:`FakeHub.truth`.
"""

from __future__ import annotations

import base64
import calendar
import copy
import hashlib
import itertools
import random
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import orjson

from hub.wsframe import server_frame

WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
BASE_TS = float(calendar.timegm((2026, 11, 22, 0, 0, 0)))  # 2026-11-22T00:00:00Z
JUNK_FRAMES = [
    b"this is not json",
    b'{"seq": 3, "type": "case.updated", "data": {',  # truncated JSON
    b"[1, 2, 3]",
    b'"just a string"',
    b'{"seq": "7", "type": "case.updated", "data": {}}',
    b'{"type": "case.updated", "data": {}}',
    b'{"seq": 0, "type": "case.updated", "data": {}}',
    b'{"seq": true, "type": "case.updated", "data": {}}',
    b'{"seq": 5, "type": 42, "data": {}}',
    b'{"seq": 5, "type": "case.updated", "data": []}',
    b"\xff\xfe\xfd not utf-8",
    b"",
    # nested past msgspec's limit (~1,000 levels): its RecursionError killed the feed thread
    b'{"seq": 5, "type": "case.updated", "data": {"case": ' + b"[" * 3000 + b"]" * 3000 + b"}}",
]


def poison_frame(rng: random.Random, seq: int, latest: int, frame: bytes) -> bytes:
    """A frame that is valid JSON with the right keys but absurd content, built around the
    real event ``frame`` (seq ``seq``) while the hub's latest is ``latest``.

    Kinds: far-ahead or overflowing seqs, a seq above the hub's latest with a perfectly
    valid payload (only ``GET /events`` can tell it is not real), ``ts`` that is not a
    time, ids and versions of the wrong type, words outside the protocol, a payload of
    another type, broken heartbeats.
    """
    ev = orjson.loads(frame)
    case = (ev.get("data") or {}).get("case")
    kind = rng.randrange(12)
    if kind == 0:
        ev["seq"] = 10**12
    elif kind == 1:
        # valid in every way, but does not exist (and no test makes that many events)
        ev["seq"] = latest + 10_000 + rng.randrange(1000)
    elif kind == 2:
        ev["ts"] = "yesterday"
    elif kind == 3:
        ev["seq"] = rng.choice([2**63, -seq, 0, float(seq) + 0.5])
    elif kind == 4 and case:
        ev["data"]["case"] = dict(case, id=12345)
    elif kind == 5 and case:
        ev["data"]["case"] = dict(case, version=str(case["version"]))
    elif kind == 6 and case:
        ev["data"]["case"] = dict(case, status="banana", region_id=None)
    elif kind == 7:
        ev["type"] = "unit.updated"  # the payload of another type
    elif kind == 8:
        return orjson.dumps({"type": "heartbeat", "data": {"server_time": "now", "seq": -1,
                                                           "interval_s": 0}})
    elif kind == 9 and case:
        ev["data"]["case"] = dict(case, lat=1000.0, reported_at="2026-13-45")
    elif kind == 10:
        ev["data"] = [case] if case else []  # not an object
    else:
        ev["seq"] = seq + 10**6  # beyond any hold window, below the overflow
    return orjson.dumps(ev)


def shifts_away_from_now(zone: str = "Asia/Shanghai") -> list[str]:
    """``sync`` options placing the shift starts 6 h and 18 h from now, so no boundary
    falls inside a test: the fake hub's times are days old and never pruned, while a
    boundary prunes what closed more than 24 h before the real clock (as the protocol's
    snapshot does), so a test crossing 08:00 or 20:00 would compare two different rules."""
    now = datetime.now(ZoneInfo(zone))
    starts = sorted((now + timedelta(hours=h)).strftime("%H:%M") for h in (6, 18))
    return ["--shifts", ",".join(starts), "--zone", zone]


def ts(offset_s: float) -> str:
    """Protocol time ``offset_s`` after the base time."""
    t = BASE_TS + offset_s
    s = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t))
    return f"{s}.{int(round((t % 1) * 1000)) % 1000:03d}Z"


def ws_frame(payload: bytes, opcode: int = 1) -> bytes:
    """One unmasked server frame (the hub's own framing, ``hub.wsframe``)."""
    return server_frame(payload, opcode)


@dataclass
class Behavior:
    """How one feed connection misbehaves.

    Attributes:
        dup: probability of sending a frame again a few frames later.
        drop: probability of withholding a frame (it stays in GET /events).
        reorder: probability of swapping a frame with the next one.
        junk: probability of inserting a junk frame before a frame.
        disconnect_after: close the TCP connection (no close frame) after this many frames.
        silence_after: after this many frames send nothing at all (no heartbeats either).
        heartbeats: send heartbeats.
        close_frame_after: send a proper close frame after this many frames.
        withhold: seqs never sent on this connection.
        prefix: raw frames sent first, right after the handshake.
        inject: raw frames sent right before the frame of a given seq.
        poison: probability of inserting a poison frame (:func:`poison_frame`) before a frame.
        replay: probability of re-sending a run of old frames (a stale replay) before a frame.
    """

    dup: float = 0.0
    drop: float = 0.0
    reorder: float = 0.0
    junk: float = 0.0
    disconnect_after: int | None = None
    silence_after: int | None = None
    heartbeats: bool = True
    close_frame_after: int | None = None
    seed: int = 0
    withhold: frozenset[int] = frozenset()
    prefix: list[bytes] = field(default_factory=list)
    inject: dict[int, bytes] = field(default_factory=dict)
    poison: float = 0.0
    replay: float = 0.0

    @classmethod
    def hostile(cls, rng: random.Random, cut: bool = True) -> Behavior:
        """A random mix of every fault; with ``cut`` the connection ends one of three ways
        (abrupt close, close frame, or a link that goes silent without closing)."""
        end = rng.choice(["disconnect", "close", "silence", "silence"]) if cut else None
        n = rng.randint(5, 60)
        return cls(dup=rng.uniform(0, 0.3), drop=rng.uniform(0, 0.2),
                   reorder=rng.uniform(0, 0.3), junk=rng.uniform(0, 0.1),
                   poison=rng.uniform(0, 0.1), replay=rng.uniform(0, 0.05),
                   disconnect_after=n if end == "disconnect" else None,
                   close_frame_after=n if end == "close" else None,
                   silence_after=n if end == "silence" else None,
                   seed=rng.randrange(10**9))


@dataclass
class Stats:
    """What the hub served."""

    connections: int = 0
    handshakes_refused: int = 0
    snapshots: int = 0
    events_calls: int = 0
    frames_sent: int = 0
    requests: list = field(default_factory=list)
    feed_since: list = field(default_factory=list)  # ``since`` of each accepted feed
    events_limits: list = field(default_factory=list)  # ``limit`` of each GET /events


class FakeHub:
    """The truth of one post plus a feed that misbehaves on demand.

    Args:
        n_cases: cases created before the first client connects.
        interval_s: heartbeat interval announced and kept.
    """

    def __init__(self, n_cases: int = 20, interval_s: float = 0.2, seed: int = 1) -> None:
        self.interval_s = interval_s
        self.rng = random.Random(seed)
        self.post = {"id": "P1", "name": "楚雄州指挥中心", "region_id": "R0", "level": "prefecture"}
        self.regions = [
            {"id": "R0", "name": "楚雄州", "level": "prefecture", "parent_id": None},
            {"id": "C1", "name": "楚雄市", "level": "county", "parent_id": "R0"},
            {"id": "C2", "name": "禄丰市", "level": "county", "parent_id": "R0"},
            {"id": "G1", "name": "鹿城镇一网格", "level": "grid", "parent_id": "C1"},
            {"id": "G2", "name": "鹿城镇二网格", "level": "grid", "parent_id": "C1"},
            {"id": "G3", "name": "金山镇一网格", "level": "grid", "parent_id": "C2"},
        ]
        self.inside = ["G1", "G2", "G3", "C1"]
        self.outside = "Z9"  # another prefecture's grid
        self.units = {
            f"U{i}": {"id": f"U{i}", "name": f"单位{i}", "kind": "department", "region_id": "C1",
                      "on_duty": 3, "phone": None}
            for i in range(1, 6)
        }
        self.categories = [{"name": "市容环境", "subcategories": [
            {"code": "SR01", "name": "暴露垃圾", "sla_hours": 4}]}]
        self.users = {"sup": ("pw", {"id": "sup", "name": "张主任", "role": "supervisor",
                                     "post_id": "P1", "unit_id": None})}
        self.tokens: set[str] = set()
        self.cases: dict[str, dict] = {}  # truth: in-scope cases
        self.all_cases: dict[str, dict] = {}  # including those moved out
        self.history: dict[str, list[dict]] = {}  # every version of every case
        self.events: list[dict] = []
        self.frames: list[bytes] = []
        self.calls: dict[str, dict] = {}
        self.whistles: dict[str, dict] = {}
        self.oldest_kept = 1  # events before this seq are gone (410)
        self.behaviors: list[Behavior] = []  # one per connection, then clean ones
        self.handshake_status: list[int] = []  # forced statuses for the next handshakes
        self.events_status: list[int] = []  # forced statuses for the next GET /events
        self.stats = Stats()
        self.fixed_snapshot: dict | None = None  # served instead of the truth (benchmarks)
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._socks: set[socket.socket] = set()
        self._stopped = False
        self._server: ThreadingHTTPServer | None = None
        for _ in range(n_cases):
            self.create_case()

    # ---- Lifecycle

    def start(self) -> FakeHub:
        """Serve on 127.0.0.1 with a free port."""
        hub = self

        class Handler(_Handler):
            fake = hub

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True,
                         name="fakehub").start()
        return self

    @property
    def url(self) -> str:
        """Base URL (API under /api/v1)."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        """Stop serving and drop every connection."""
        self._stopped = True
        self.kick(wait_s=0.0)  # drop what is open; a feed that opens now ends at once
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def kick(self, wait_s: float = 30.0) -> None:
        """Drop every feed connection abruptly (no close frame).

        Waits up to ``wait_s`` for a feed connection to exist first: a client that has just
        synced from the snapshot may still be in its feed handshake, and kicking nobody
        would make the test race its own client.
        """
        deadline = time.monotonic() + wait_s
        with self._cond:
            while not self._socks and time.monotonic() < deadline:
                self._cond.wait(0.01)
            socks = list(self._socks)
            self._socks.clear()
            self._cond.notify_all()
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    # ---- Truth

    @property
    def latest(self) -> int:
        """The latest seq."""
        return len(self.events)

    def truth(self) -> dict[str, dict]:
        """The cases a fresh snapshot holds, by id."""
        with self._cond:
            return dict(self.cases)

    def _append(self, typ: str, data: dict, *, extra: dict | None = None) -> dict:
        with self._cond:
            ev = {"seq": len(self.events) + 1, "ts": ts(len(self.events) + 1), "type": typ,
                  "data": data}
            if extra:
                ev.update(extra)
            self.events.append(ev)
            self.frames.append(orjson.dumps(ev))
            self._cond.notify_all()
            return ev

    def _put_case(self, case: dict, typ: str, action: str | None = None, **data: object
                  ) -> dict:
        with self._cond:
            self.all_cases[case["id"]] = case
            self.history.setdefault(case["id"], []).append(case)
            if case["region_id"] == self.outside:
                self.cases.pop(case["id"], None)
            else:
                self.cases[case["id"]] = case
            payload = {"case": case, **data}
            if action:
                payload.setdefault("action", action)
                payload.setdefault("actor", "sup")
                payload.setdefault("note", "")
            return self._append(typ, payload)

    def create_case(self, **fields: object) -> dict:
        """Report a new case (event ``case.created``)."""
        n = next(self._ids)
        rep = 60.0 * n
        case = {
            "id": f"CX-20261122-{n:06d}", "version": 1,
            "title": f"暴露垃圾 {n}", "description": "路边有垃圾堆放。" * 3,
            "category": "市容环境", "subcategory": "SR01",
            "priority": self.rng.choice(["normal", "normal", "urgent", "critical"]),
            "source": self.rng.choice(["app", "wechat", "hotline"]),
            "status": "reported", "unit_id": None,
            "region_id": self.rng.choice(self.inside), "address": "鹿城南路 12 号",
            "lat": 25.03 + n * 1e-5, "lon": 101.54, "reported_at": ts(rep),
            "due_at": ts(rep + 4 * 3600), "updated_at": ts(rep), "closed_at": None,
        }
        case.update(fields)
        self._put_case(case, "case.created")
        return case

    def update_case(self, cid: str, action: str = "edit", **changes: object) -> dict:
        """Change a case (new version, event ``case.updated``)."""
        with self._cond:
            old = self.all_cases[cid]
            case = dict(old, **changes)
            case["version"] = old["version"] + 1
            case["updated_at"] = ts(len(self.events) + 1)
            self._put_case(case, "case.updated", action)
            return case

    def stale_event(self, cid: str) -> dict:
        """Emit an event carrying an older version of a case (the client must ignore it)."""
        with self._cond:
            versions = self.history[cid]
            old = versions[max(0, len(versions) - 2)]
            return self._append("case.updated", {"case": old, "action": "edit", "actor": "x",
                                                 "note": "stale"})

    def move_out(self, cid: str) -> dict:
        """Move a case to a region outside the post's subtree."""
        return self.update_case(cid, region_id=self.outside)

    def move_in(self, cid: str) -> dict:
        """Move a case back into the subtree."""
        return self.update_case(cid, region_id="G1")

    def unknown_event(self, size: int = 0) -> dict:
        """An event of a type this client does not know (uses up a seq)."""
        return self._append("future.thing", {"x": 1, "blob": "y" * size})

    def broken_event(self, kind: str) -> int:
        """An event in the hub's own log that no client can read, served on the feed and
        by ``GET /events`` alike at its seq: ``"invalid"`` (a case update whose case has a
        numeric id and no fields) or ``"deep"`` (an unknown type whose payload is nested
        5,000 levels, past any C decoder's limit). Return its seq."""
        with self._cond:
            seq = len(self.events) + 1
            head = b'{"seq":%d,"ts":"%s",' % (seq, ts(seq).encode())
            body = {"invalid": b'"type":"case.updated","data":{"action":"edit","case":{"id":5}}}',
                    "deep": b'"type":"future.deep","data":{"x":' + b"[" * 5000 + b"]" * 5000
                            + b"}}"}[kind]
            self.events.append({"seq": seq, "ts": ts(seq), "type": f"broken.{kind}",
                                "data": {}})
            self.frames.append(head + body)
            self._cond.notify_all()
            return seq

    def big_event(self, cid: str, size: int = 1_000_000) -> dict:
        """A real case update carrying a ~``size``-byte unknown field (a 1 MB frame)."""
        with self._cond:
            old = self.all_cases[cid]
            case = dict(old, version=old["version"] + 1, future_field="z" * size)
            return self._put_case(case, "case.updated", "edit")

    def urge(self, cid: str) -> dict:
        """Event ``case.urged``."""
        c = self.all_cases[cid]
        return self._append("case.urged", {"case_id": cid, "unit_id": c["unit_id"],
                                           "actor": "sup", "note": "快办"})

    def random_activity(self, n: int, rng: random.Random | None = None) -> None:
        """``n`` random lifecycle steps, moves out/in, stale and unknown events."""
        rng = rng or self.rng
        for _ in range(n):
            r = rng.random()
            ids = list(self.all_cases)
            if r < 0.2 or not ids:
                self.create_case()
                continue
            cid = rng.choice(ids)
            c = self.all_cases[cid]
            if r < 0.55:
                unit = rng.choice(list(self.units))
                nxt = {"reported": ("dispatched", unit), "returned": ("dispatched", unit),
                       "dispatched": ("accepted", c["unit_id"]),
                       "accepted": ("resolved", c["unit_id"]),
                       "resolved": ("closed", c["unit_id"]),
                       "closed": ("closed", c["unit_id"])}[c["status"]]
                extra = {"closed_at": ts(len(self.events))} if nxt[0] == "closed" else {}
                if c["status"] != "closed":
                    self.update_case(cid, "dispatch", status=nxt[0], unit_id=nxt[1], **extra)
            elif r < 0.62:
                if c["region_id"] == self.outside:
                    self.move_in(cid)
                else:
                    self.move_out(cid)
            elif r < 0.7 and cid in self.cases:
                # an older copy of a case now in scope; one of a case moved out before the
                # client's snapshot is indistinguishable from a move-in (that snapshot never
                # held the case), so no client could ignore it
                self.stale_event(cid)
            elif r < 0.75:
                self.unknown_event()
            elif r < 0.85 and c["unit_id"]:
                self.urge(cid)
            else:
                self.update_case(cid, "edit", title=f"更新 {rng.randrange(10**6)}")

    def snapshot(self) -> dict:
        """What GET /snapshot answers."""
        with self._cond:
            return {"seq": len(self.events), "server_time": ts(len(self.events)),
                    "post": self.post, "regions": self.regions, "units": list(self.units.values()),
                    "cases": list(self.cases.values()), "calls": list(self.calls.values()),
                    "whistles": list(self.whistles.values())}

    def token_for(self, user: str = "sup") -> str:
        tok = f"tok-{user}-{next(self._ids)}"
        self.tokens.add(tok)
        return tok

    def revoke_all(self) -> None:
        """Expire every token (a 401 mid-shift)."""
        self.tokens.clear()

    # ---- Feed, per connection

    def serve_feed(self, sock: socket.socket, since: int, beh: Behavior) -> None:
        rng = random.Random(beh.seed)
        sent = 0
        pos = since
        delayed: list[tuple[int, bytes]] = []  # (send at frame count, frame)
        prefix = list(beh.prefix)
        held: bytes | None = None
        last_hb = 0.0
        with self._cond:
            self._socks.add(sock)
        try:
            while not self._stopped:
                with self._cond:
                    if len(self.frames) <= pos:
                        self._cond.wait(0.02)
                    frames = self.frames[pos:]
                    pos += len(frames)
                    latest = len(self.frames)
                out: list[bytes] = prefix
                prefix = []
                for i, f in enumerate(frames, pos - len(frames) + 1):
                    if i in beh.withhold:
                        continue
                    if i in beh.inject:
                        out.append(beh.inject[i])
                    if beh.junk and rng.random() < beh.junk:
                        out.append(rng.choice(JUNK_FRAMES))
                    if beh.poison and rng.random() < beh.poison:
                        out.append(poison_frame(rng, i, latest, f))
                    if beh.replay and i > 1 and rng.random() < beh.replay:
                        k = rng.randrange(1, i)
                        with self._cond:
                            out.extend(self.frames[k - 1:k - 1 + rng.randint(1, 20)])
                    if beh.drop and rng.random() < beh.drop:
                        continue
                    if beh.dup and rng.random() < beh.dup:
                        delayed.append((sent + len(out) + rng.randrange(1, 5), f))
                    if beh.reorder and held is None and rng.random() < beh.reorder:
                        held = f
                        continue
                    out.append(f)
                    if held is not None:
                        out.append(held)
                        held = None
                if held is not None and not frames:
                    out.append(held)
                    held = None
                still = []
                for at, f in delayed:
                    (out.append(f) if at <= sent + len(out) or not frames else still.append((at, f)))
                delayed = still
                if beh.heartbeats and time.monotonic() - last_hb >= self.interval_s:
                    hb = orjson.dumps({"type": "heartbeat", "data": {
                        "server_time": ts(latest), "seq": latest, "interval_s": self.interval_s}})
                    # the connection's first heartbeat goes first: a link that goes silent
                    # early is then declared dead after 3 of its intervals, not 3 × 15 s
                    (out.append(hb) if last_hb else out.insert(0, hb))
                    last_hb = time.monotonic()
                whole = (beh.silence_after is None and beh.disconnect_after is None
                         and beh.close_frame_after is None)
                if whole and len(out) > 1:  # no cut-off to honour: send in large chunks
                    for k in range(0, len(out), 512):
                        chunk = out[k:k + 512]
                        sock.sendall(b"".join(ws_frame(f) for f in chunk))
                        sent += len(chunk)
                        self.stats.frames_sent += len(chunk)
                    continue
                for f in out:
                    if beh.silence_after is not None and sent >= beh.silence_after:
                        while not self._stopped and self._alive(sock):
                            time.sleep(0.05)
                        return
                    if beh.disconnect_after is not None and sent >= beh.disconnect_after:
                        sock.shutdown(socket.SHUT_RDWR)
                        return
                    if beh.close_frame_after is not None and sent >= beh.close_frame_after:
                        sock.sendall(ws_frame(b"\x03\xe8bye", opcode=8))
                        time.sleep(0.1)
                        return
                    sock.sendall(ws_frame(f))
                    sent += 1
                    self.stats.frames_sent += 1
        except OSError:
            return
        finally:
            with self._cond:
                self._socks.discard(sock)

    def _alive(self, sock: socket.socket) -> bool:
        with self._cond:
            return sock in self._socks and not self._stopped


class _Handler(BaseHTTPRequestHandler):
    fake: FakeHub
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    # ---- helpers

    def _send(self, status: int, body: object, headers: dict | None = None) -> None:
        data = orjson.dumps(body) if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, code: str, message: str, **extra: object) -> None:
        self._send(status, {"error": {"code": code, "message": message}, **extra})

    def _authed(self) -> bool:
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer ") and auth[7:] in self.fake.tokens:
            return True
        self._error(401, "unauthenticated", "token missing, expired or forged")
        return False

    def _body(self) -> Any:
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        return orjson.loads(raw) if raw else None

    # ---- routes

    def do_GET(self) -> None:  # noqa: N802
        hub = self.fake
        parts = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path.removeprefix("/api/v1")
        hub.stats.requests.append(("GET", path, dict(self.headers), None))
        if path == "/feed":
            return self._feed(int(q.get("since", 0)))
        if not self._authed():
            return None
        if path == "/categories":
            return self._send(200, hub.categories)
        if path == "/snapshot":
            hub.stats.snapshots += 1
            return self._send(200, hub.fixed_snapshot or hub.snapshot())
        if path == "/events":
            hub.stats.events_calls += 1
            if hub.events_status:
                st = hub.events_status.pop(0)
                code = {410: "gone", 401: "unauthenticated", 500: "server_error"}[st]
                return self._error(st, code, "forced")
            since, limit = int(q.get("since", 0)), int(q.get("limit", 1000))
            hub.stats.events_limits.append(limit)
            if since < hub.oldest_kept - 1:
                return self._error(410, "gone", f"events before {hub.oldest_kept} are gone")
            with hub._cond:  # the frames' own bytes (a broken event is served as it is)
                evs = [orjson.Fragment(f) for f in hub.frames[since:since + limit]]
                latest = len(hub.events)
            return self._send(200, {"events": evs, "seq": latest})
        if path.startswith("/cases/"):
            rest = path[len("/cases/"):]
            cid, _, tail = rest.partition("/")
            if cid not in hub.cases:
                return self._error(404, "not_found", f"no case {cid}")
            if tail == "history":
                evs = [e for e in hub.events
                       if e["data"].get("case", {}).get("id") == cid
                       or e["data"].get("case_id") == cid]
                return self._send(200, evs)
            return self._send(200, hub.cases[cid])
        if path == "/audit":
            return self._send(200, {"entries": [], "last": 0})
        return self._error(404, "not_found", "no such path")

    def do_DELETE(self) -> None:  # noqa: N802
        if self.path.removeprefix("/api/v1") == "/session" and self._authed():
            tok = self.headers["Authorization"][7:]
            self.fake.tokens.discard(tok)
            return self._send(200, {})
        return None

    def do_POST(self) -> None:  # noqa: N802
        hub = self.fake
        path = urlsplit(self.path).path.removeprefix("/api/v1")
        try:
            body = self._body()
        except orjson.JSONDecodeError:
            return self._error(400, "bad_request", "broken JSON")
        hub.stats.requests.append(("POST", path, dict(self.headers), body))
        if path == "/session":
            u = hub.users.get((body or {}).get("username"))
            if u is None or u[0] != body.get("password"):
                return self._error(401, "unauthenticated", "wrong username or password")
            return self._send(200, {"token": hub.token_for(u[1]["id"]),
                                    "expires_at": ts(43200), "user": u[1]})
        if not self._authed():
            return None
        scripted = getattr(hub, "scripted", {}).get(("POST", path))
        if scripted is not None:
            status, answer = scripted
            return self._send(status, answer)
        if path.startswith("/cases/") and path.endswith("/assign"):
            cid = path[len("/cases/"):-len("/assign")]
            case = hub.cases.get(cid)
            if case is None:
                return self._error(404, "not_found", f"no case {cid}")
            ev = body.get("expected_version")
            if ev is not None and ev != case["version"]:
                return self._error(409, "conflict", "the case changed meanwhile", case=case)
            if body.get("unit_id") not in hub.units:
                return self._error(422, "invalid", "unknown unit")
            new = hub.update_case(cid, "dispatch", status="dispatched", unit_id=body["unit_id"])
            return self._send(200, new)
        if path == "/cases":
            return self._send(201, hub.create_case(**{k: v for k, v in body.items()
                                                      if k in ("title", "region_id")}))
        # the other commands answer protocol-shaped objects (nothing changes in the truth)
        if path == "/calls" or (path.startswith("/calls/") and path.endswith("/end")):
            cid = path.split("/")[2] if path != "/calls" else "k1"
            return self._send(200, {"id": cid, "title": "会商", "url": "https://meet.example/k1",
                                    "case_id": None, "unit_ids": [], "started_at": ts(0),
                                    "ended_at": None if path == "/calls" else ts(1)})
        if path.endswith("/whistle") or path.endswith("/checkin"):
            return self._send(200, {"id": "w1", "case_id": next(iter(hub.cases), "X"),
                                    "unit_ids": ["U1"], "checked_in": {}, "deadline": ts(1800),
                                    "note": "", "actor": "sup", "created_at": ts(0)})
        case_id = path.split("/")[2] if path.startswith("/cases/") else None
        if case_id in hub.cases and not path.endswith("/urge"):
            return self._send(200, hub.cases[case_id])
        return self._send(200, {"ok": True, "path": path, "body": body})

    def _feed(self, since: int) -> None:
        hub = self.fake
        auth = self.headers.get("Authorization", "")
        if hub.handshake_status:
            st = hub.handshake_status.pop(0)
            hub.stats.handshakes_refused += 1
            code = {410: "gone", 401: "unauthenticated", 500: "server_error", 503: "server_error"}
            return self._error(st, code[st], "forced")
        if not (auth.startswith("Bearer ") and auth[7:] in hub.tokens):
            hub.stats.handshakes_refused += 1
            return self._error(401, "unauthenticated", "token missing, expired or forged")
        if since < hub.oldest_kept - 1:
            hub.stats.handshakes_refused += 1
            return self._error(410, "gone", "since is gone")
        key = self.headers.get("Sec-WebSocket-Key", "")
        accept = base64.b64encode(hashlib.sha1((key + WS_GUID).encode()).digest()).decode()
        self.wfile.write(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
        )
        self.wfile.flush()
        n = hub.stats.connections
        hub.stats.connections += 1
        hub.stats.feed_since.append(since)
        beh = hub.behaviors[n] if n < len(hub.behaviors) else Behavior()
        beh = copy.copy(beh)
        self.close_connection = True
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        hub.serve_feed(self.connection, since, beh)
