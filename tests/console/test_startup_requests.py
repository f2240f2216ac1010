"""A console starting against a real hub asks for ``GET /categories`` once: the session's
one fetch serves the case names and protocol 1.1's stage clocks (it was asked twice)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from client.api import HubClient
from hub.seed import DEMO_PASSWORD
from hub.server import EmbeddedHub, start_embedded
from tests.console.conftest import SIZES


@pytest.fixture
def own_hub(tmp_path: Path) -> Iterator[EmbeddedHub]:
    """A hub of this test alone: its request counters start at zero."""
    hub = start_embedded(f"sqlite:///{tmp_path / 'hub.db'}", sizes=SIZES)
    yield hub
    hub.stop()


def requests_for(hub: EmbeddedHub, route: str) -> int:
    """How many ``GET route`` the hub has answered (its own Prometheus counter)."""
    text = requests.get(hub.url + "/metrics", timeout=5).text
    m = re.search(r'commandpost_http_request_duration_seconds_count\{method="GET",'
                  rf'route="{re.escape(route)}"\}} (\d+)', text)
    return int(float(m.group(1))) if m else 0


@pytest.mark.parametrize("args", [("--user", "supervisor-532300"),
                                  ("--user", "wall-532300", "--wall")],
                         ids=["console", "wall"])
def test_categories_are_fetched_once_at_startup(qtbot, own_hub, launch, args) -> None:
    launcher = launch(own_hub.url, *args)
    session = launcher.console.session  # the console, or the wall when --wall
    loop = session.loop
    qtbot.waitUntil(lambda: loop.supported is not None and bool(session.categories), timeout=15000)
    assert loop.supported is True  # the stage clocks learnt from the same answer
    qtbot.wait(1500)  # anything late would have been sent by now
    assert requests_for(own_hub, "/api/v1/categories") == 1


def test_one_client_asks_once_however_many_threads_ask(own_hub) -> None:
    """The feed thread and the session's job pool share one HubClient: callers arriving
    together get one answer; ``fresh`` asks again."""
    api = HubClient(own_hub.url)
    api.login("officer-532300", DEMO_PASSWORD)
    start = threading.Barrier(6)

    def ask() -> list:
        start.wait()
        return api.categories()

    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda _i: ask(), range(6)))
    assert all(a is answers[0] for a in answers) and answers[0]
    assert requests_for(own_hub, "/api/v1/categories") == 1
    assert api.categories(fresh=True) == answers[0]
    assert requests_for(own_hub, "/api/v1/categories") == 2
