"""The simulator's side of the wire: one HTTP exchange (``Transport``), the hub's answer
(``Reply``) and the accounts that send (``HubApi``: lazy logins, one re-login on 401).

All HTTP goes through ``Transport`` so tests can stand a fake hub in for the real one.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import requests

from client.json_value import JSON

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
RETRYABLE = frozenset({0, 429})  # plus every 5xx; 0 = network error


class Transport(Protocol):
    """One HTTP exchange with the hub; status 0 means a network error (no answer)."""

    def send(self, method: str, path: str, *, token: str | None = None, json: JSON = None,
             headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """Send ``method path`` (under ``/api/v1``) and return ``(status, decoded body)``."""
        ...


class HttpTransport:
    """``Transport`` over ``requests``; network errors and timeouts come back as status 0."""

    def __init__(self, base_url: str, timeout_s: float = 10.0) -> None:
        base = base_url.rstrip("/")
        self.base = base if base.endswith(API_PREFIX) else base + API_PREFIX
        self.timeout_s = timeout_s
        self.session = requests.Session()

    def send(self, method: str, path: str, *, token: str | None = None, json: JSON = None,
             headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """Send one request; a body that is not JSON comes back as None."""
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        try:
            resp = self.session.request(method, self.base + path, json=json,
                                        headers=all_headers, timeout=self.timeout_s)
        except requests.RequestException as err:
            log.debug("%s %s: %s", method, path, err)
            return 0, None
        try:
            body = resp.json() if resp.content else None
        except ValueError:
            body = None
        return resp.status_code, body

    def close(self) -> None:
        """Close the connection pool."""
        self.session.close()


@dataclass(frozen=True, slots=True)
class Reply:
    """A hub answer: HTTP status (0 for a network error) and decoded body."""

    status: int
    body: Any

    @property
    def ok(self) -> bool:
        """True for a 2xx answer."""
        return 200 <= self.status < 300

    @property
    def retryable(self) -> bool:
        """True for a network error, 429 or 5xx: the same request may be tried again."""
        return self.status in RETRYABLE or self.status >= 500


class HubApi:
    """Accounts and tokens: logs each username in lazily, re-logs in once on 401.

    Attributes:
        statuses: every non-2xx status seen, counted.
        unexpected: ``"<status> <method> <path>"`` for each 4xx other than 409 and 429.
    """

    LOGIN_RETRY_S = 900.0  # a refused login is not retried sooner (the lockout rule)

    def __init__(self, transport: Transport, password: str,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.transport = transport
        self.password = password
        self.clock = clock
        self.tokens: dict[str, str] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.refused: dict[str, float] = {}
        self.statuses: Counter[int] = Counter()
        self.unexpected: list[str] = []

    def _note(self, status: int, method: str, path: str, optional: bool = False) -> None:
        if 200 <= status < 300 or (optional and status == 404):
            return
        self.statuses[status] += 1
        if 400 <= status < 500 and status not in (409, 429) and len(self.unexpected) < 1000:
            self.unexpected.append(f"{status} {method} {path}")

    def login(self, username: str) -> Reply:
        """Log ``username`` in; on success its token is cached."""
        refused_at = self.refused.get(username)
        if refused_at is not None and self.clock() - refused_at < self.LOGIN_RETRY_S:
            return Reply(401, None)
        status, body = self.transport.send(
            "POST", "/session", json={"username": username, "password": self.password})
        self._note(status, "POST", "/session")
        if 200 <= status < 300 and isinstance(body, dict) and body.get("token"):
            self.tokens[username] = str(body["token"])
            self.users[username] = dict(body.get("user") or {})
            self.refused.pop(username, None)
            log.info("logged in as %s", username)
        elif status in (401, 403):
            self.refused[username] = self.clock()
            log.warning("login refused for %s (%s)", username, status)
        return Reply(status, body)

    def call(self, username: str, method: str, path: str, json: JSON = None,
             headers: Mapping[str, str] | None = None, optional: bool = False) -> Reply:
        """Send one request as ``username`` (logging in first if needed).

        ``optional``: a 404 is an expected answer (a route a 1.0 hub does not have).
        """
        for attempt in range(2):
            token = self.tokens.get(username)
            if token is None:
                login = self.login(username)
                if not login.ok:
                    return login
                token = self.tokens[username]
            status, body = self.transport.send(method, path, token=token, json=json,
                                               headers=headers)
            if status == 401 and attempt == 0:
                self.tokens.pop(username, None)  # expired or revoked: log in again
                continue
            self._note(status, method, path, optional)
            return Reply(status, body)
        return Reply(401, None)  # pragma: no cover - the loop always returns


def parse_time(text: object) -> datetime | None:
    """Parse an RFC 3339 time from the hub; anything else → None."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


def error_message(body: object) -> str:
    """The ``error.message`` of a protocol error body ("" for anything else)."""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return str(body["error"].get("message", ""))
    return ""
