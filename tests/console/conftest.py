"""Fixtures of the console tests: a real embedded hub on loopback and consoles logged in to it.

The hub is the reference hub (``hub.server.start_embedded``) over a real SQLite file with
a small jurisdiction (``SeedSizes(2, 1, 1, 1)``), shared by the module's tests; each test
makes its own cases. Consoles are built by :class:`console.app.Launcher` exactly as
``python main.py --hub URL ...`` would, minus ``app.exec()`` (pytest-qt runs the loop), with
their data folder (layouts, shift caches) in the test's tmp_path.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from console.app import Launcher, Options, parse_options
from hub.seed import DEMO_PASSWORD, SeedSizes
from hub.server import EmbeddedHub, start_embedded
from widgets.qt import QApplication

SIZES = SeedSizes(2, 1, 1, 1)
PREF = "532300"
POST_NAME = "楚雄州社会治理指挥中心"
GRID = "53230110120101"
UNIT_GA = "U532301-GA"
CATEGORY, SUBCATEGORY = "环境卫生", "垃圾清运不及时"



@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedHub]:
    """A started hub with the small demo jurisdiction (shared by a module's tests)."""
    folder = tmp_path_factory.mktemp("hub")
    h = start_embedded(f"sqlite:///{folder / 'hub.db'}", sizes=SIZES)
    yield h
    h.stop()


class HubUser:
    """A plain HTTP session of one demo account (drives the hub from the test)."""

    def __init__(self, url: str, username: str) -> None:
        self.base = url.rstrip("/") + "/api/v1"
        self.http = requests.Session()
        r = self.http.post(self.base + "/session",
                           json={"username": username, "password": DEMO_PASSWORD}, timeout=10)
        r.raise_for_status()
        self.token = r.json()["token"]
        self.http.headers["Authorization"] = f"Bearer {self.token}"

    def report(self, title: str | None = None, **fields: object) -> dict:
        """Report a new case in the prefecture's first grid (``fields`` override)."""
        body = {"title": title or f"测试案件 {uuid.uuid4().hex[:6]}", "description": "控制台测试",
                "category": CATEGORY, "subcategory": SUBCATEGORY, "priority": "urgent",
                "source": "hotline", "region_id": GRID, "address": "鹿城南路 1 号",
                "lat": 25.03, "lon": 101.54}
        body.update(fields)
        r = self.http.post(self.base + "/cases", json=body, timeout=10)
        r.raise_for_status()
        return r.json()

    def case(self, case_id: str) -> dict:
        r = self.http.get(self.base + f"/cases/{case_id}", timeout=10)
        r.raise_for_status()
        return r.json()


@pytest.fixture
def hub_user(hub: EmbeddedHub) -> Callable[[str], HubUser]:
    """Log a demo account in over plain HTTP."""
    return lambda username: HubUser(hub.url, username)


@pytest.fixture
def launch(qtbot, tmp_path: Path, password_file: Path) -> Iterator[Callable[..., Launcher]]:
    """Start a console like ``main.py`` would; shut every one down after the test.

    ``launch(hub_url, "--user", "officer-532300", ...)``: extra arguments are console
    options; with ``--user`` the password file is added, and the call waits until the
    console is up.
    """
    made: list[Launcher] = []

    def make(hub_url: str, *args: str, wait: bool = True, data_dir: Path | None = None) -> Launcher:
        launcher = start_console(qtbot, hub_url, ["--geometry", "1280x800", *args],
                                 data_dir or tmp_path / "data", password_file, wait=wait)
        made.append(launcher)
        return launcher

    yield make
    for launcher in made:
        launcher.finish(0)


def start_console(qtbot, hub_url: str, args: list[str], data_dir: Path, password_file: Path,
                  *, wait: bool = True) -> Launcher:
    """A console as ``main.py --hub URL --data-dir DIR ARGS`` starts it (the password file
    added after ``--user``); with a user and ``wait``, returned once its feed is live."""
    argv = ["--hub", hub_url, "--data-dir", str(data_dir), *args]
    if "--user" in args and "--password-file" not in args:
        argv += ["--password-file", str(password_file)]
    opts: Options = parse_options(argv)
    launcher = Launcher(QApplication.instance(), opts, quit_app=False)
    launcher.start()
    if wait and opts.user is not None:
        qtbot.waitUntil(lambda: launcher.console is not None or launcher.finished,
                        timeout=15000)
        assert launcher.console is not None, "console did not open"
        live(qtbot, launcher)
    return launcher


def live(qtbot, launcher: Launcher, timeout: int = 15000) -> None:
    """Wait until the console's feed is live and the snapshot reached the State."""
    console = launcher.console
    assert console is not None
    qtbot.waitUntil(lambda: console.bridge.link is not None
                    and console.bridge.link.state == "live"
                    and console.session.state.post is not None, timeout=timeout)
