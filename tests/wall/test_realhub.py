"""A ``wall`` account against the reference hub: read-only, live, and a critical report
takes over the corner (session, Feed, Bridge and WallConsole as the launcher runs them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from client.api import HubClient
from console.wall import WallConfig, WallConsole
from hub.seed import DEMO_PASSWORD, SeedSizes
from hub.server import EmbeddedHub, start_embedded
from tests.wall.test_wall import actionable
from widgets.qt import QApplication, Qt, QtWidgets

GRID = "53230110120101"


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedHub]:
    folder = tmp_path_factory.mktemp("hub")
    h = start_embedded(f"sqlite:///{folder / 'hub.db'}", sizes=SeedSizes(2, 1, 1, 1))
    yield h
    h.stop()


def test_wall_account_is_read_only_and_live(hub: EmbeddedHub, tmp_path: Path, qtbot) -> None:
    """Logged in as wall-532300: no actionable widget, blank cursor, the link goes live,
    and a critical case reported by intake takes over the corner within seconds."""
    api = HubClient(hub.url)
    api.login("wall-532300", DEMO_PASSWORD)
    assert api.user["role"] == "wall"
    wall = WallConsole(api, "wall-532300", cache_dir=tmp_path / "cache", screens=1,
                       config=WallConfig(takeover_seconds=30), password=DEMO_PASSWORD,
                       size=(1280, 720))
    qtbot.addWidget(wall.window)
    try:
        assert wall.session.read_only and wall.session.role == "wall"
        wall.start()
        qtbot.waitUntil(lambda: wall.controller.link_state == "live", timeout=15000)
        assert wall.window.link.isHidden()
        intake = HubClient(hub.url)
        intake.login("intake-532300", DEMO_PASSWORD)
        case = intake.report({"title": "危化品运输车侧翻", "description": "墙面测试",
                              "category": "环境卫生", "subcategory": "垃圾清运不及时",
                              "priority": "critical", "source": "hotline", "region_id": GRID,
                              "address": "鹿城南路 1 号", "lat": 25.03, "lon": 101.54})
        qtbot.waitUntil(lambda: wall.controller.takeovers.current is not None
                        and wall.controller.takeovers.current.case_id == case["id"],
                        timeout=10000)
        box = wall.window.takeover
        assert box.isVisible() and "危化品运输车侧翻" in box.case_title.full_text
        # protocol 1.1: the wall follows the same stage clocks as the consoles
        qtbot.waitUntil(lambda: wall.session.state.stages is not None, timeout=10000)
        assert wall.controller.stats.reported >= 1
        assert actionable(wall.window) == []
        assert wall.window.cursor().shape() == Qt.CursorShape.BlankCursor
        assert not any(isinstance(w, QtWidgets.QDialog) and w.isVisible()
                       for w in QApplication.topLevelWidgets())
        intake.close()
    finally:
        wall.stop()
    assert not wall.feed.running
