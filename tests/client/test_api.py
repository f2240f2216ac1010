"""HubClient: every call's request shape, typed errors, timeouts and unreachable hubs."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from client.api import HubClient, normalize_base_url
from client.errors import (
    BadAnswerError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    GoneError,
    HubError,
    HubUnreachable,
    InvalidError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    SessionExpired,
    TooLargeError,
    UnauthenticatedError,
)
from testkit.fakehub import FakeHub


@pytest.fixture
def api(hub: FakeHub) -> Iterator[HubClient]:
    c = HubClient(hub.url, timeout=(2, 5))
    c.login("sup", "pw")
    yield c
    c.close()


def test_normalize_base_url() -> None:
    assert normalize_base_url("http://h:8000") == "http://h:8000/api/v1"
    assert normalize_base_url("https://h/api/v1/") == "https://h/api/v1"
    assert HubClient("https://h").feed_url(7) == "wss://h/api/v1/feed?since=7"
    for bad in ("ftp://h", "h:8000", "http://", "http://h:notaport", ""):
        with pytest.raises(ValueError, match="bad hub URL"):
            normalize_base_url(bad)


def test_login_keeps_token_and_user(hub: FakeHub, api: HubClient) -> None:
    assert api.token in hub.tokens and api.user["post_id"] == "P1"
    assert api.auth_header() == {"Authorization": f"Bearer {api.token}"}


def test_bad_credentials_are_not_a_session_expiry(hub: FakeHub) -> None:
    c = HubClient(hub.url)
    with pytest.raises(UnauthenticatedError) as ei:
        c.login("sup", "wrong")
    assert not isinstance(ei.value, SessionExpired)
    assert ei.value.status == 401 and "wrong username" in ei.value.message
    c.close()


def test_401_with_a_token_is_session_expired(hub: FakeHub, api: HubClient) -> None:
    hub.revoke_all()
    with pytest.raises(SessionExpired, match="session expired, log in again"):
        api.snapshot()


def test_reads(hub: FakeHub, api: HubClient) -> None:
    snap = api.snapshot()
    assert snap["seq"] == hub.latest and len(snap["cases"]) == len(hub.cases)
    assert api.events(5, 3)["events"][0]["seq"] == 6
    assert api.categories() == hub.categories
    cid = next(iter(hub.cases))
    assert api.case(cid) == hub.cases[cid]
    assert api.case_history(cid)[0]["type"] == "case.created"
    assert api.audit(0, 10) == {"entries": [], "last": 0}
    with pytest.raises(NotFoundError):
        api.case("nope/../x")


def test_commands_send_the_protocol_shapes(hub: FakeHub, api: HubClient) -> None:
    cid = next(iter(hub.cases))
    new = api.assign(cid, "U1", expected_version=1, note="派")
    assert new["unit_id"] == "U1" and new["version"] == 2
    calls = [
        (lambda: api.urge(cid, "快"), f"/cases/{cid}/urge", {"note": "快"}),
        (lambda: api.start_call("会商", cid, ["U1"]), "/calls",
         {"title": "会商", "case_id": cid, "unit_ids": ["U1"]}),
        (lambda: api.end_call("k1"), "/calls/k1/end", {}),
        (lambda: api.whistle(cid, ["U1", "U2"], 30, "到"), f"/cases/{cid}/whistle",
         {"unit_ids": ["U1", "U2"], "minutes": 30, "note": "到"}),
        (lambda: api.checkin("w1"), "/whistles/w1/checkin", {}),
        (lambda: api.accept(cid, expected_version=2), f"/cases/{cid}/accept",
         {"note": "", "expected_version": 2}),
        (lambda: api.resolve(cid, note="好"), f"/cases/{cid}/resolve", {"note": "好"}),
        (lambda: api.return_case(cid), f"/cases/{cid}/return", {"note": ""}),
        (lambda: api.close_case(cid), f"/cases/{cid}/close", {"note": ""}),
        (lambda: api.reopen(cid), f"/cases/{cid}/reopen", {"note": ""}),
    ]
    for call, path, body in calls:
        call()
        method, got_path, headers, got_body = hub.stats.requests[-1]
        assert (method, got_path, got_body) == ("POST", path, body)
        assert headers["Authorization"] == f"Bearer {api.token}"
    api.report({"title": "新", "region_id": "G1"}, idempotency_key="k-123")
    assert hub.stats.requests[-1][2]["Idempotency-Key"] == "k-123"
    api.logout()
    assert api.token is None and not hub.tokens


def test_a_2xx_answer_that_breaks_the_protocol_is_a_typed_error(hub: FakeHub,
                                                                api: HubClient) -> None:
    """A command answered 200 with JSON that is not a case: BadAnswerError, saying why."""
    cid = next(iter(hub.cases))
    bad = dict(hub.cases[cid], id=12345)
    hub.scripted = {("POST", f"/cases/{cid}/accept"): (200, bad)}
    with pytest.raises(BadAnswerError) as ei:
        api.accept(cid)
    assert "$.id" in str(ei.value) and ei.value.code == "bad_response"


def test_409_carries_the_current_case(hub: FakeHub, api: HubClient) -> None:
    cid = next(iter(hub.cases))
    hub.update_case(cid, title="changed")
    with pytest.raises(ConflictError) as ei:
        api.assign(cid, "U1", expected_version=1)
    assert ei.value.current_case == hub.cases[cid] and ei.value.status == 409


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [(400, "bad_request", BadRequestError), (403, "forbidden", ForbiddenError),
     (404, "not_found", NotFoundError), (409, "conflict", ConflictError),
     (410, "gone", GoneError), (413, "too_large", TooLargeError), (422, "invalid", InvalidError),
     (429, "rate_limited", RateLimitedError), (500, "server_error", ServerError),
     (503, "server_error", ServerError), (418, "teapot", HubError)],
)
def test_each_error_code_has_its_class(hub: FakeHub, api: HubClient, status, code, cls) -> None:
    hub.scripted = {("POST", "/cases/X/urge"): (status, {"error": {"code": code,
                                                                   "message": f"msg {code}"}})}
    with pytest.raises(cls) as ei:
        api.urge("X")
    assert type(ei.value) is cls
    assert (ei.value.code, ei.value.status, ei.value.message) == (code, status, f"msg {code}")


def test_error_without_a_body_uses_the_status(hub: FakeHub, api: HubClient) -> None:
    hub.scripted = {("POST", "/cases/X/urge"): (502, None)}
    with pytest.raises(ServerError, match="HTTP 502"):
        api.urge("X")


def test_unreachable_hub() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    with pytest.raises(HubUnreachable, match="unreachable"):
        HubClient(f"http://127.0.0.1:{port}").login("a", "b")


def test_timeout_is_unreachable() -> None:
    """A hub that accepts and never answers: the read timeout fires."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    held = []
    t = threading.Thread(target=lambda: held.append(srv.accept()), daemon=True)
    t.start()
    try:
        with pytest.raises(HubUnreachable, match="timed out"):
            HubClient(f"http://127.0.0.1:{srv.getsockname()[1]}", timeout=(1, 0.3)).categories()
    finally:
        t.join(2)
        for conn, _ in held:
            conn.close()
        srv.close()


def test_not_a_hub() -> None:
    """A web server answering HTML is reported as not a hub."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class H(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", "6")
            self.end_headers()
            self.wfile.write(b"<html>")

        def log_message(self, *a: object) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        c = HubClient(f"http://127.0.0.1:{srv.server_address[1]}")
        with pytest.raises(HubUnreachable, match="not JSON"):
            c.login("a", "b")
        c.close()
    finally:
        srv.shutdown()
        srv.server_close()
