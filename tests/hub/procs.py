"""Hub processes on one PostgreSQL for the scale-out and fault tests: start, SIGKILL and
restart ``main.py hub serve`` processes; feed watchers that reconnect with ``since`` and
keep every frame; drivers that report and assign through all processes and remember what
was acknowledged and every 5xx they met.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import websocket

from testkit.pgcluster import free_port
from tests.hub.conftest import Api, ClosingWebSocket, report_body, ws_url

ROOT = Path(__file__).resolve().parents[2]
SIZES = "2,1,1,1"
GRIDS = ("53230110120101", "53232210120101")
UNITS = {"53230110120101": ("U532301-GA", "U532301-CG"),
         "53232210120101": ("U532322-GA", "U532322-CG")}
POSTS = ("532300", "532301", "532301101", "532301101201", "532322", "532322101",
         "532322101201")


def hub_command(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``main.py hub …`` to completion."""
    return subprocess.run([sys.executable, "main.py", "hub", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


class HubProcess:
    """One ``hub serve`` process on a fixed port (a restart keeps the URL).

    Attributes:
        url: its base URL.
        log: its stderr file.
    """

    def __init__(self, db_url: str, folder: Path, name: str, *extra: str) -> None:
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"{name}.log"
        self.extra = extra
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, wait: bool = True) -> HubProcess:
        with self.log.open("ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "main.py", "hub", "serve", "--db", self.db_url, "--port",
                 str(self.port), "--sizes", SIZES, "--log-level", "warning",
                 "--heartbeat", "1", *self.extra],
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 60) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"hub exited with {self.proc.returncode}: "
                                     f"{self.log.read_text(errors='replace')[-3000:]}")
            try:
                if requests.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise AssertionError(f"hub {self.url} not ready: "
                             f"{self.log.read_text(errors='replace')[-3000:]}")

    def kill(self) -> None:
        """SIGKILL, no goodbye."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


@contextmanager
def hub_processes(db_url: str, folder: Path, count: int) -> Iterator[list[HubProcess]]:
    """``count`` hub processes on one migrated database (the first seeds it)."""
    result = hub_command("migrate", "--db", db_url)
    assert result.returncode == 0, result.stderr
    hubs = [HubProcess(db_url, folder, f"hub{n}") for n in range(count)]
    try:
        for hub in hubs:  # started together: the advisory lock orders the seeding
            hub.start(wait=False)
        for hub in hubs:
            hub.wait_ready()
        yield hubs
    finally:
        for hub in hubs:
            hub.stop()


class FeedWatcher(threading.Thread):
    """Follows one post's feed on one hub process, reconnecting with ``since`` (also
    through a refused handshake while the hub or its database is down).

    Attributes:
        events: every event frame received, in order (duplicates would show here).
    """

    def __init__(self, url: str, username: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.username = username
        self.events: list[dict[str, Any]] = []
        self.stopped = threading.Event()
        self.connects = 0
        self.refusals: list[int] = []

    @property
    def last(self) -> int:
        return self.events[-1]["seq"] if self.events else 0

    def _token(self) -> str | None:
        api = Api(self.url)
        try:
            status, _ = api.login(self.username)
        except requests.RequestException:
            return None
        finally:
            api.http.close()
        return api.token if status == 200 else None

    def run(self) -> None:
        token = None
        while not self.stopped.is_set():
            token = token or self._token()
            if token is None:
                time.sleep(0.2)
                continue
            try:
                ws = websocket.create_connection(
                    ws_url(self.url, self.last), header=[f"Authorization: Bearer {token}"],
                    timeout=2, class_=ClosingWebSocket)
            except websocket.WebSocketBadStatusException as exc:
                self.refusals.append(exc.status_code)
                if exc.status_code == 401:
                    token = None
                time.sleep(0.2)
                continue
            except (OSError, websocket.WebSocketException):
                time.sleep(0.2)
                continue
            self.connects += 1
            try:
                while not self.stopped.is_set():
                    try:
                        raw = ws.recv()
                    except websocket.WebSocketTimeoutException:
                        continue
                    if not raw:
                        break
                    frame = json.loads(raw)
                    if frame.get("type") != "heartbeat":
                        self.events.append(frame)
            except (OSError, websocket.WebSocketException):
                pass
            finally:
                ws.close(timeout=0.5)

    def finish(self) -> None:
        """Stop following and wait for the thread to end."""
        self.stopped.set()
        self.join(10)
        assert not self.is_alive(), f"feed watcher {self.username} did not stop"

    def wait_for(self, seq: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.last >= seq:
                return True
            time.sleep(0.05)
        return self.last >= seq


@dataclass
class Tally:
    """What the drivers saw: acknowledged case versions and every 5xx with its time."""

    acked: dict[str, int] = field(default_factory=dict)
    server_errors: list[tuple[float, int, str]] = field(default_factory=list)
    commands: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ack(self, case: dict[str, Any]) -> None:
        with self.lock:
            self.acked[case["id"]] = max(self.acked.get(case["id"], 0), case["version"])
            self.commands += 1


class Driver(threading.Thread):
    """Reports (with an ``Idempotency-Key``, retried until acknowledged) and assigns cases
    through every hub process in turn until stopped."""

    def __init__(self, urls: list[str], grid: str, tally: Tally, offset: int = 0) -> None:
        super().__init__(daemon=True)
        self.urls = urls
        self.grid = grid
        self.tally = tally
        self.n = offset
        self.stopped = threading.Event()
        self.apis: dict[tuple[str, str], Api] = {}

    def _api(self, url: str, username: str) -> Api | None:
        key = (url, username)
        if key not in self.apis:
            api = Api(url)
            try:
                if api.login(username)[0] != 200:
                    api.http.close()
                    return None
            except requests.RequestException:
                api.http.close()
                return None
            self.apis[key] = api
        return self.apis[key]

    def _call(self, username: str, path: str, body: dict[str, Any],
              headers: dict[str, str] | None = None) -> dict[str, Any] | None:
        """POST through the next process; None if refused; retried on 5xx / no answer."""
        for _ in range(200):
            if self.stopped.is_set():
                return None
            url = self.urls[self.n % len(self.urls)]
            self.n += 1
            api = self._api(url, username)
            if api is None:
                time.sleep(0.05)
                continue
            try:
                status, resp = api.post(path, body, headers=headers)
            except requests.RequestException:
                self.apis.pop((url, username), None)
                api.http.close()
                time.sleep(0.05)
                continue
            if status >= 500:
                message = resp.get("error", {}).get("message", "") if isinstance(
                    resp, dict) else str(resp)[:100]
                with self.tally.lock:
                    self.tally.server_errors.append((time.monotonic(), status, message))
                time.sleep(0.1)
                continue
            if status == 401:
                self.apis.pop((url, username), None)
                api.http.close()
                continue
            return resp if status // 100 == 2 else None
        return None

    def run(self) -> None:
        try:
            self._drive()
        finally:
            for api in self.apis.values():
                api.http.close()

    def _drive(self) -> None:
        county = self.grid[:6]
        units = UNITS[self.grid]
        while not self.stopped.is_set():
            case = self._call(f"intake-{county}", "/cases", report_body(self.grid),
                              headers={"Idempotency-Key": uuid.uuid4().hex})
            if case is None:
                continue
            self.tally.ack(case)
            for unit in units:
                moved = self._call(f"supervisor-{county}", f"/cases/{case['id']}/assign",
                                   {"unit_id": unit, "expected_version": case["version"]})
                if moved is None:
                    break
                self.tally.ack(moved)
                case = moved


def truth(url: str, post: str) -> list[dict[str, Any]]:
    """Every event of ``post`` as ``GET /events`` gives it (officer of the post)."""
    api = Api(url)
    try:
        assert api.login(f"officer-{post}")[0] == 200
        return api.events(0)
    finally:
        api.http.close()
