"""Shared fixtures of the hub conformance suite.

Every test talks to a real hub on loopback (``hub.server.start_embedded``) over HTTP and
WebSocket, backed by a real SQLite file, or by PostgreSQL on the session's throwaway
cluster (``pg_cluster`` in ``tests/conftest.py``): every test that uses ``backend``
(directly or through ``hub_url`` / ``hub_factory``) runs once per backend. The PostgreSQL
run fails if the cluster cannot be started; ``pytest -m "not postgres"`` leaves it out.

Seeding hashes every demo password (scrypt, ~50 ms each), so one session hub
(``shared_hub``) serves most tests, each making its own cases; ``hub_factory`` starts a
dedicated hub where the configuration differs (token expiry, retention, heartbeat…).
"""

from __future__ import annotations

import base64
import json
import os
import socket
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests
import websocket

from hub.seed import DEMO_PASSWORD, SeedSizes, build_jurisdiction
from hub.server import EmbeddedHub, start_embedded

SIZES = SeedSizes(2, 2, 1, 1)
SMALL_SIZES = SeedSizes(1, 1, 1, 1)

# The demo jurisdiction of SIZES (same generator as the hub's seed).
JURISDICTION = build_jurisdiction(SIZES)
PREF = "532300"
COUNTY_A, COUNTY_B = "532301", "532322"
TOWN_A1, TOWN_A2 = "532301101", "532301102"
TOWN_B1 = "532322101"
VILLAGE_A1 = "532301101201"
GRID_A1, GRID_A2, GRID_B1 = "53230110120101", "53230110220101", "53232210120101"
UNIT_A_GA, UNIT_A_CG = "U532301-GA", "U532301-CG"
UNIT_B_GA = "U532322-GA"
STATION_A1, STATION_A2 = "U532301101-ZF", "U532301102-ZF"

CATEGORY, SUBCATEGORY, SUB_CODE, SUB_SLA = "环境卫生", "垃圾清运不及时", "HJWS-01", 24.0

ERROR_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden",
               404: "not_found", 409: "conflict", 410: "gone", 413: "too_large",
               422: "invalid", 429: "rate_limited"}


def _region_paths() -> dict[str, str]:
    parent = {r.id: r.parent_id for r in JURISDICTION.regions}
    paths = {}
    for rid in parent:
        chain, cur = [], rid
        while cur is not None:
            chain.append(cur)
            cur = parent[cur]
        paths[rid] = "/" + "/".join(reversed(chain)) + "/"
    return paths


REGION_PATHS = _region_paths()


def in_subtree(region_id: str, post_region: str) -> bool:
    """Whether ``region_id`` lies in the subtree of ``post_region``."""
    return REGION_PATHS[region_id].startswith(REGION_PATHS[post_region])


def units_in_subtree(post_region: str) -> set[str]:
    """The ids of the seeded units whose region lies in ``post_region``'s subtree."""
    return {u.id for u in JURISDICTION.units if in_subtree(u.region_id, post_region)}


# ---------------------------------------------------------------- HTTP helper
class Api:
    """A tiny protocol client: every call returns ``(status, json body)``."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.user: dict[str, Any] | None = None
        self.http = requests.Session()

    def url(self, path: str) -> str:
        return f"{self.base_url}/api/v1{path}"

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        h = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        h.update(extra or {})
        return h

    @staticmethod
    def _result(resp: requests.Response) -> tuple[int, Any]:
        try:
            body = resp.json()
        except ValueError:
            body = resp.text
        return resp.status_code, body

    def login(self, username: str, password: str = DEMO_PASSWORD) -> tuple[int, Any]:
        """``POST /session``; on success keep the token and the user."""
        status, body = self._result(self.http.post(
            self.url("/session"), json={"username": username, "password": password},
            timeout=30))
        if status == 200:
            self.token, self.user = body["token"], body["user"]
        return status, body

    def logout(self) -> tuple[int, Any]:
        return self._result(self.http.delete(self.url("/session"), headers=self.headers(),
                                             timeout=30))

    def get(self, path: str, **params: Any) -> tuple[int, Any]:
        return self._result(self.http.get(self.url(path), params=params or None,
                                          headers=self.headers(), timeout=30))

    def post(self, path: str, body: Any = None, *, data: bytes | str | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, Any]:
        """POST ``body`` as JSON (or raw ``data`` as given)."""
        h = self.headers(headers)
        if data is not None:
            h.setdefault("Content-Type", "application/json")
            resp = self.http.post(self.url(path), data=data, headers=h, timeout=30)
        else:
            resp = self.http.post(self.url(path), json=body if body is not None else {},
                                  headers=h, timeout=30)
        return self._result(resp)

    # ---- conveniences (assert success)
    def seq(self) -> int:
        """The post's latest seq (``GET /events``)."""
        status, body = self.get("/events", since=0, limit=1)
        assert status == 200, body
        return body["seq"]

    def events(self, since: int = 0) -> list[dict[str, Any]]:
        """Every event after ``since`` (pages through)."""
        out: list[dict[str, Any]] = []
        while True:
            status, body = self.get("/events", since=since, limit=1000)
            assert status == 200, body
            out += body["events"]
            if not body["events"] or out[-1]["seq"] >= body["seq"]:
                return out
            since = out[-1]["seq"]

    def case(self, case_id: str) -> dict[str, Any]:
        status, body = self.get(f"/cases/{case_id}")
        assert status == 200, body
        return body

    def report(self, region_id: str = GRID_A1, **fields: Any) -> dict[str, Any]:
        body = report_body(region_id, **fields)
        status, case = self.post("/cases", body)
        assert status == 201, case
        return case

    def ok(self, path: str, body: Any = None, expect: int = 200) -> Any:
        status, resp = self.post(path, body)
        assert status == expect, (path, status, resp)
        return resp


def report_body(region_id: str = GRID_A1, **fields: Any) -> dict[str, Any]:
    """A valid ``POST /cases`` body; ``fields`` override."""
    body = {"title": f"测试案件 {uuid.uuid4().hex[:8]}", "description": "路边垃圾堆积",
            "category": CATEGORY, "subcategory": SUBCATEGORY, "priority": "normal",
            "source": "app", "region_id": region_id, "address": "鹿城镇东兴社区",
            "lat": 25.04, "lon": 101.55}
    body.update(fields)
    return body


def expected_due(start: str, hours: float, *, working_time: bool = True) -> datetime:
    """``start`` + ``hours`` as the hub counts them: working hours on the post's calendar
    (a normal-priority case of a non-emergency subcategory), else wall-clock hours."""
    from client.working_time import add_hours_dt
    from hub.timeutil import parse_rfc3339

    return add_hours_dt(parse_rfc3339(start), hours, working_time=working_time)


def assert_error(status: int, body: Any, expected_status: int) -> None:
    """The response is the protocol's error body with the code of ``expected_status``."""
    assert status == expected_status, (status, body)
    assert isinstance(body, dict) and isinstance(body.get("error"), dict), body
    assert body["error"].get("code") == ERROR_CODES[expected_status], body
    assert isinstance(body["error"].get("message"), str), body


def assert_contiguous(events: list[dict[str, Any]], start: int = 1) -> None:
    """Seqs are ``start, start+1, …`` with no hole or duplicate."""
    seqs = [e["seq"] for e in events]
    assert seqs == list(range(start, start + len(seqs))), seqs


# ---------------------------------------------------------------- feed helpers
def ws_url(base_url: str, since: int | None) -> str:
    url = base_url.replace("http://", "ws://", 1) + "/api/v1/feed"
    return url if since is None else f"{url}?since={since}"


class ClosingWebSocket(websocket.WebSocket):
    """A feed whose ``close()`` always releases the socket: websocket-client's returns at
    once when the hub's close frame already arrived (``connected`` is False then), leaving
    the socket to the garbage collector, whose ResourceWarning fails an unrelated test."""

    def close(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().close(*args, **kwargs)
        finally:
            self.shutdown()


def open_feed(base_url: str, token: str | None, since: int | None = 0,
              timeout: float = 5.0) -> websocket.WebSocket:
    """Open the feed (raises ``websocket.WebSocketBadStatusException`` when refused)."""
    header = [f"Authorization: Bearer {token}"] if token else []
    return websocket.create_connection(ws_url(base_url, since), header=header,
                                       timeout=timeout, enable_multithread=True,
                                       class_=ClosingWebSocket)


def feed_refusal(base_url: str, token: str | None, since: int | None = 0) -> int:
    """The HTTP status with which the feed handshake is refused (fails if accepted)."""
    try:
        ws = open_feed(base_url, token, since)
    except websocket.WebSocketBadStatusException as exc:
        return exc.status_code
    ws.close()
    raise AssertionError("the feed handshake was accepted")


def recv_frame(ws: websocket.WebSocket, timeout: float) -> dict[str, Any] | None:
    """The next frame as JSON, or None after ``timeout`` seconds."""
    ws.settimeout(timeout)
    try:
        raw = ws.recv()
    except websocket.WebSocketTimeoutException:
        return None
    return json.loads(raw)


def recv_events(ws: websocket.WebSocket, count: int, timeout: float = 30.0
                ) -> list[dict[str, Any]]:
    """Receive ``count`` non-heartbeat frames (fails after ``timeout``)."""
    deadline = time.monotonic() + timeout
    out: list[dict[str, Any]] = []
    while len(out) < count:
        left = deadline - time.monotonic()
        assert left > 0, f"got {len(out)} of {count} events: {out[-3:]}"
        frame = recv_frame(ws, left)
        if frame is not None and frame.get("type") != "heartbeat":
            out.append(frame)
    return out


def recv_until(ws: websocket.WebSocket, stop: Callable[[dict[str, Any]], bool],
               timeout: float = 10.0) -> list[dict[str, Any]]:
    """Receive non-heartbeat frames up to and including the first for which ``stop`` holds."""
    deadline = time.monotonic() + timeout
    out: list[dict[str, Any]] = []
    while True:
        left = deadline - time.monotonic()
        assert left > 0, f"stop frame not seen; got {out[-3:]}"
        frame = recv_frame(ws, left)
        if frame is None or frame.get("type") == "heartbeat":
            continue
        out.append(frame)
        if stop(frame):
            return out


def raw_handshake(base_url: str, token: str, since: int, rcvbuf: int = 4096
                  ) -> socket.socket:
    """Complete a feed handshake on a plain socket with a tiny receive buffer; return it."""
    host, port = base_url.removeprefix("http://").split(":")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(5)
    sock.connect((host, int(port)))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /api/v1/feed?since={since} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                  "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"Authorization: Bearer {token}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1)
        assert chunk, "connection closed during the handshake"
        head += chunk
    assert head.startswith(b"HTTP/1.1 101"), head
    return sock


# ---------------------------------------------------------------- hubs
def pg_schema_url(base: str, schema: str) -> str:
    """Drop and recreate ``schema`` in the database at ``base``; return a URL whose
    connections use it (``public`` keeps the URL as given)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    finally:
        engine.dispose()
    if schema == "public":
        return base
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


class HubFactory:
    """Starts hubs on the current backend and stops them at teardown."""

    def __init__(self, backend: str, tmp: Path, pg_url: str | None = None) -> None:
        self.backend = backend
        self.tmp = tmp
        self.pg_url = pg_url
        self.hubs: list[EmbeddedHub] = []

    def db_url(self, name: str) -> str:
        if self.backend == "postgres":
            assert self.pg_url
            return pg_schema_url(self.pg_url, name)
        folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.tmp))
        return f"sqlite:///{folder / 'hub.db'}"

    def start(self, name: str | None = None, sizes: SeedSizes = SMALL_SIZES,
              **settings: Any) -> EmbeddedHub:
        name = name or f"t_{uuid.uuid4().hex[:10]}"
        hub = start_embedded(self.db_url(name), sizes=sizes, **settings)
        self.hubs.append(hub)
        return hub

    def stop_all(self) -> None:
        while self.hubs:
            self.hubs.pop().stop()


@pytest.fixture(scope="session",
                params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend under test."""
    return request.param


@pytest.fixture(scope="session")
def backend_pg_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    """The throwaway cluster's URL on the PostgreSQL run (started on first use), else None."""
    if backend != "postgres":
        return None
    return request.getfixturevalue("pg_cluster").url


@pytest.fixture(scope="session")
def shared_hub(backend: str, backend_pg_url: str | None,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedHub]:
    """One hub for the session (demo jurisdiction SIZES, heartbeat 1 s)."""
    if backend_pg_url:
        url = pg_schema_url(backend_pg_url, "public")
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('shared-hub') / 'hub.db'}"
    hub = start_embedded(url, sizes=SIZES, heartbeat_s=1.0)
    yield hub
    hub.stop()


@pytest.fixture(scope="session")
def hub_url(shared_hub: EmbeddedHub) -> str:
    """Base URL of the session hub."""
    return shared_hub.url


@pytest.fixture
def hub_factory(backend: str, backend_pg_url: str | None, tmp_path: Path
                ) -> Iterator[HubFactory]:
    """Start dedicated hubs (on the current backend) for one test."""
    factory = HubFactory(backend, tmp_path, backend_pg_url)
    yield factory
    factory.stop_all()


@pytest.fixture(scope="session")
def login_as(hub_url: str) -> Callable[[str], Api]:
    """``login_as(username)`` → a logged-in ``Api`` on the session hub (cached per user)."""
    cache: dict[str, Api] = {}

    def make(username: str) -> Api:
        if username not in cache:
            api = Api(hub_url)
            status, body = api.login(username)
            assert status == 200, body
            cache[username] = api
        return cache[username]

    return make


@pytest.fixture
def anon(hub_url: str) -> Api:
    """An ``Api`` without a token on the session hub."""
    return Api(hub_url)


# ---------------------------------------------------------------- county A's accounts
STATUSES = ("reported", "dispatched", "accepted", "resolved", "returned", "closed")


class Crew:
    """The accounts of county A (532301) and helpers to bring a case to any status."""

    def __init__(self, login_as: Callable[[str], Api]) -> None:
        self.intake = login_as(f"intake-{COUNTY_A}")
        self.sup = login_as(f"supervisor-{COUNTY_A}")
        self.officer = login_as(f"officer-{COUNTY_A}")
        self.wall = login_as(f"wall-{COUNTY_A}")
        self.unit = login_as(f"unit-{UNIT_A_GA}")
        self.other_unit = login_as(f"unit-{UNIT_A_CG}")

    def by_role(self, role: str) -> Api:
        return {"intake": self.intake, "supervisor": self.sup, "officer": self.officer,
                "wall": self.wall, "unit": self.unit}[role]

    def case_in(self, status: str, region_id: str = GRID_A1) -> dict[str, Any]:
        """A fresh case of county A in ``status`` (held by UNIT_A_GA once dispatched)."""
        case = self.intake.report(region_id)
        if status == "reported":
            return case
        cid = case["id"]
        case = self.sup.ok(f"/cases/{cid}/assign", {"unit_id": UNIT_A_GA})
        if status == "dispatched":
            return case
        if status == "returned":  # 1.1: the unit asks, the supervisor approves
            self.unit.ok(f"/cases/{cid}/return", {"note": "不属本单位"})
            return self.sup.ok(f"/cases/{cid}/decide", {"approve": True})
        case = self.unit.ok(f"/cases/{cid}/accept", {})
        if status == "accepted":
            return case
        case = self.unit.ok(f"/cases/{cid}/resolve", {"note": "已清运"})
        if status == "resolved":
            return case
        assert status == "closed", status
        return self.intake.ok(f"/cases/{cid}/close", {"note": "回访满意"})


@pytest.fixture(scope="session")
def crew(login_as: Callable[[str], Api]) -> Crew:
    """County A's accounts on the session hub."""
    return Crew(login_as)
