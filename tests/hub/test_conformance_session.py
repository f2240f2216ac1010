"""Conformance: sessions (login, lockout, tokens, logout) — protocol "Authentication and roles"."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from hub.seed import DEMO_PASSWORD
from hub.timeutil import parse_rfc3339
from tests.hub.conftest import (
    COUNTY_A,
    PREF,
    UNIT_A_GA,
    Api,
    assert_error,
    feed_refusal,
    open_feed,
)

RFC3339_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


@pytest.mark.parametrize("username, role, post_id, unit_id", [
    (f"officer-{COUNTY_A}", "officer", f"P{COUNTY_A}", None),
    (f"supervisor-{PREF}", "supervisor", f"P{PREF}", None),
    (f"wall-{COUNTY_A}", "wall", f"P{COUNTY_A}", None),
    (f"intake-{COUNTY_A}", "intake", f"P{COUNTY_A}", None),
    (f"unit-{UNIT_A_GA}", "unit", f"P{COUNTY_A}", UNIT_A_GA),
])
def test_login_shape(hub_url: str, username: str, role: str, post_id: str,
                     unit_id: str | None) -> None:
    """POST /session → 200 {token, expires_at (RFC 3339 UTC with Z, in the future, about
    the default 12 h away), user {id, name, role, post_id, unit_id}}."""
    api = Api(hub_url)
    status, body = api.login(username)
    assert status == 200, body
    assert isinstance(body["token"], str) and len(body["token"]) >= 20
    assert RFC3339_Z.match(body["expires_at"]), body["expires_at"]
    ttl = parse_rfc3339(body["expires_at"]) - datetime.now(UTC)
    assert timedelta(hours=11) < ttl <= timedelta(hours=12, minutes=1)
    user = body["user"]
    assert set(user) >= {"id", "name", "role", "post_id", "unit_id"}
    assert isinstance(user["id"], str) and user["id"]
    assert isinstance(user["name"], str) and user["name"]
    assert (user["role"], user["post_id"], user["unit_id"]) == (role, post_id, unit_id)
    status, _ = api.get("/categories")
    assert status == 200


def test_login_wrong_password(anon: Api) -> None:
    """A wrong password or an unknown username → 401 `unauthenticated` with the error body."""
    status, body = anon.login(f"wall-{COUNTY_A}", "not-the-password")
    assert_error(status, body, 401)
    status, body = anon.login("nobody-at-all", DEMO_PASSWORD)
    assert_error(status, body, 401)
    assert anon.token is None


def test_lockout_after_five_failures(hub_factory) -> None:
    """5 wrong passwords in a row lock the username: the next attempt → 429 `rate_limited`,
    even with the right password; another username still logs in."""
    hub = hub_factory.start()
    api = Api(hub.url)
    victim = f"officer-{PREF}"
    for _ in range(5):
        status, body = api.login(victim, "wrong")
        assert_error(status, body, 401)
    status, body = api.login(victim, DEMO_PASSWORD)
    assert_error(status, body, 429)
    status, body = api.login(victim, "wrong")
    assert_error(status, body, 429)
    other = Api(hub.url)
    status, body = other.login(f"supervisor-{PREF}")
    assert status == 200, body


def test_success_resets_failure_count(hub_factory) -> None:
    """Failures are counted in a row: 4 failures, a success, 4 failures leave the username
    usable."""
    hub = hub_factory.start()
    api = Api(hub.url)
    user = f"wall-{PREF}"
    for _ in range(4):
        assert api.login(user, "wrong")[0] == 401
    assert api.login(user)[0] == 200
    for _ in range(4):
        assert api.login(user, "wrong")[0] == 401
    assert api.login(user)[0] == 200


@pytest.mark.parametrize("path", ["/snapshot", "/events", "/categories", "/audit",
                                  "/cases/CX-20260101-000001"])
def test_missing_or_forged_token_rest(hub_url: str, path: str) -> None:
    """Every REST read without a token, with a forged token, or with a non-Bearer scheme
    → 401 `unauthenticated`."""
    api = Api(hub_url)
    assert_error(*api.get(path), 401)
    api.token = "forged-" + "x" * 40
    assert_error(*api.get(path), 401)
    status, body = api._result(api.http.get(api.url(path), timeout=10,
                                            headers={"Authorization": "Basic Zm9vOmJhcg=="}))
    assert_error(status, body, 401)


def test_missing_or_forged_token_commands(hub_url: str) -> None:
    """Commands without a valid token → 401 (before any role or body check)."""
    api = Api(hub_url)
    assert_error(*api.post("/cases", {}), 401)
    api.token = "forged"
    assert_error(*api.post("/cases/CX-1/assign", {"unit_id": UNIT_A_GA}), 401)
    assert_error(*api.post("/calls", {"title": "x"}), 401)
    assert_error(*api.logout(), 401)


def test_missing_or_forged_token_feed(hub_url: str) -> None:
    """The feed handshake without a token or with a forged one is refused with 401."""
    assert feed_refusal(hub_url, None) == 401
    assert feed_refusal(hub_url, "forged-token") == 401


def test_expired_token(hub_factory) -> None:
    """With a 2 s token lifetime, the token works at first and is refused with 401 after
    expiry, on REST and on the feed handshake; a new login works again."""
    hub = hub_factory.start(token_ttl_s=2)
    api = Api(hub.url)
    status, body = api.login(f"officer-{PREF}")
    assert status == 200, body
    ttl = parse_rfc3339(body["expires_at"]) - datetime.now(UTC)
    assert ttl <= timedelta(seconds=3)
    assert api.get("/snapshot")[0] == 200
    open_feed(hub.url, api.token).close()
    time.sleep(2.5)
    assert_error(*api.get("/snapshot"), 401)
    assert_error(*api.post("/calls", {"title": "x"}), 401)
    assert feed_refusal(hub.url, api.token) == 401
    assert api.login(f"officer-{PREF}")[0] == 200
    assert api.get("/snapshot")[0] == 200


def test_logout_ends_token(hub_url: str) -> None:
    """DELETE /session → 200; afterwards that token gets 401 (REST and feed), while another
    session of the same user keeps working."""
    api, other = Api(hub_url), Api(hub_url)
    assert api.login(f"officer-{COUNTY_A}")[0] == 200
    assert other.login(f"officer-{COUNTY_A}")[0] == 200
    assert api.get("/snapshot")[0] == 200
    status, body = api.logout()
    assert status == 200, body
    assert_error(*api.get("/snapshot"), 401)
    assert feed_refusal(hub_url, api.token) == 401
    assert_error(*api.logout(), 401)
    assert other.get("/snapshot")[0] == 200

