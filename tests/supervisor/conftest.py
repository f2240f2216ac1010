"""Fixtures of the supervisor-workflow tests: a real embedded hub, consoles logged in to it,
helpers to drive the hub as other accounts, and a drop simulator.

The hub is the reference hub (``hub.server.start_embedded``) with the small jurisdiction
``SeedSizes(2, 1, 1, 1)`` and a 0.5 s heartbeat, shared by a module's tests; each test
makes its own cases. Consoles are built by :class:`console.app.Launcher` exactly as
``python main.py --hub URL --user NAME --password-file F`` would.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from client.api import HubClient
from console.app import Launcher
from hub.seed import DEMO_PASSWORD, SeedSizes
from hub.server import EmbeddedHub, start_embedded
from tests.console.conftest import start_console
from widgets.case_drag import encode_items
from widgets.qt import QApplication, QEvent, QPoint, Qt, QtCore, QtGui

SIZES = SeedSizes(2, 1, 1, 1)
GRID = "53230110120101"
CATEGORY, SUBCATEGORY = "环境卫生", "垃圾清运不及时"
SUPERVISOR, OFFICER, INTAKE, WALL = ("supervisor-532300", "officer-532300", "intake-532300",
                                     "wall-532300")



@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedHub]:
    """A started hub with the small demo jurisdiction (shared by a module's tests)."""
    folder = tmp_path_factory.mktemp("hub")
    h = start_embedded(f"sqlite:///{folder / 'hub.db'}", sizes=SIZES, heartbeat_s=0.5)
    yield h
    h.stop()


def login(hub: EmbeddedHub, username: str) -> HubClient:
    """A HubClient logged in as ``username`` (drives the hub from the test)."""
    api = HubClient(hub.url)
    api.login(username, DEMO_PASSWORD)
    return api


def report(api: HubClient, title: str | None = None) -> dict:
    """Report a new case (status reported) in the prefecture's first grid."""
    return api.report({"title": title or f"测试案件 {uuid.uuid4().hex[:6]}",
                       "description": "主管流程测试", "category": CATEGORY,
                       "subcategory": SUBCATEGORY, "priority": "urgent", "source": "hotline",
                       "region_id": GRID, "address": "鹿城南路 1 号", "lat": 25.03,
                       "lon": 101.54})


@pytest.fixture
def launch(qtbot, tmp_path: Path, password_file: Path) -> Iterator[Callable[..., Launcher]]:
    """``launch(hub_url, "--user", NAME)``: a console as main.py starts it, live when returned."""
    made: list[Launcher] = []

    def make(hub_url: str, *args: str, data_dir: Path | None = None) -> Launcher:
        launcher = start_console(
            qtbot, hub_url,
            ["--geometry", "1600x1000", "--lang", "en", "--lock-after", "0", *args],
            data_dir or tmp_path / f"data-{len(made)}", password_file)
        made.append(launcher)
        return launcher

    yield make
    for launcher in made:
        launcher.finish(0)


class CountingApi:
    """Wraps a console's HubClient: counts the commands it sends (by method name)."""

    COMMANDS = ("assign", "urge", "whistle", "start_call", "end_call")

    def __init__(self, api: HubClient) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []
        for name in self.COMMANDS:
            real = getattr(api, name)

            def wrapped(*a: Any, _real: Callable = real, _name: str = name, **kw: Any) -> Any:
                self.calls.append((_name, a, kw))
                return _real(*a, **kw)

            setattr(api, name, wrapped)

    def of(self, name: str) -> list[tuple[tuple, dict]]:
        return [(a, kw) for n, a, kw in self.calls if n == name]


def workload_row_pos(console: Any, unit_id: str, qtbot) -> QPoint:
    """The viewport position of ``unit_id``'s row in the workload table."""
    pane = console.window.panes["workload"]
    qtbot.waitUntil(lambda: any(r.unit_id == unit_id for r in pane.rows()), timeout=15000)
    row = next(i for i, r in enumerate(pane.rows()) if r.unit_id == unit_id)
    pane.view.scrollTo(pane.model.index(row, 0))
    return pane.view.visualRect(pane.model.index(row, 0)).center()


def drop_cases(view: Any, pos: QPoint, items: list[dict]) -> bool:
    """Drag ``items`` over ``view``'s viewport and drop them at ``pos``; True if accepted."""
    vp = view.viewport()
    mime = encode_items(items)
    posf = QtCore.QPointF(pos)
    actions = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QtGui.QDragEnterEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(vp, enter)
    move = QtGui.QDragMoveEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(vp, move)
    drop = QtGui.QDropEvent(posf, actions, mime, buttons, mods, QEvent.Type.Drop)
    QApplication.sendEvent(vp, drop)
    return drop.isAccepted()
