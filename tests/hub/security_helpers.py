"""Helpers of the security tests: requests from another loopback address, a feed's close
code, parallel logins."""

from __future__ import annotations

import struct
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests
import websocket
from requests.adapters import HTTPAdapter


class _SourceAdapter(HTTPAdapter):
    def __init__(self, source: str) -> None:
        self.source = source
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


def session_from(source: str) -> requests.Session:
    """A requests session whose connections come from ``source`` (e.g. 127.0.0.2)."""
    s = requests.Session()
    s.mount("http://", _SourceAdapter(source))
    return s


def login(base_url: str, username: str, password: str, http: requests.Session | None = None,
          otp: str | None = None) -> tuple[int, Any]:
    body: dict[str, Any] = {"username": username, "password": password}
    if otp is not None:
        body["otp"] = otp
    resp = (http or requests).post(f"{base_url}/api/v1/session", json=body, timeout=60)
    return resp.status_code, resp.json()


def parallel_logins(base_url: str, attempts: list[tuple[str, str]]) -> list[tuple[int, Any]]:
    """Fire every ``(username, password)`` at once; return the answers in order."""
    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        return list(pool.map(lambda a: login(base_url, *a), attempts))


def close_code(ws: websocket.WebSocket, timeout: float) -> int | None:
    """Read frames until the hub closes the feed; return its close code (None: no close
    within ``timeout``; the socket is then left open). A closed feed's socket is shut."""
    ws.settimeout(timeout)
    try:
        while True:
            opcode, data = ws.recv_data(control_frame=True)
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                ws.shutdown()
                return struct.unpack("!H", data[:2])[0] if len(data) >= 2 else 1005
    except websocket.WebSocketTimeoutException:
        return None
    except websocket.WebSocketConnectionClosedException:
        ws.shutdown()
        return 1006
