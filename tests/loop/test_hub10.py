"""Against a protocol 1.0 hub (the fake hub of the client tests: no ``limits``, no
``GET /assessment``) the console hides what needs 1.1 and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.fakehub import FakeHub
from tests.console.conftest import start_console


@pytest.fixture
def hub10():
    hub = FakeHub(n_cases=12).start()
    yield hub
    hub.stop()


def test_a_10_hub_gets_no_loop_and_is_told_why(qtbot, hub10, tmp_path: Path):
    pw = tmp_path / "pw"
    pw.write_text("pw\n", encoding="utf-8")
    launcher = start_console(qtbot, hub10.url, ["--geometry", "1280x800", "--user", "sup",
                                                "--password-file", str(pw)],
                             tmp_path / "data", pw)
    try:
        console = launcher.console
        loop = console.session.loop
        qtbot.waitUntil(lambda: loop.supported is False, timeout=10000)
        state = console.session.state
        assert state.stages is None  # the 1.0 rule: due_at while being handled
        inbox = console.window.panes["inbox"]
        assert "1.0" in inbox.banner.text() and not inbox.tabs.isEnabled()
        board = console.window.panes["assessment"]
        board.refresh()
        qtbot.waitUntil(lambda: "1.0" in board.status_text(), timeout=10000)
        assert board.supported is False and board.table.model().rowCount() == 0
        cid = next(iter(state.cases))
        console.session.select_case(cid)
        detail = console.window.panes["detail"]
        qtbot.waitUntil(lambda: detail.stage_clocks.case is not None, timeout=15000)
        assert "1.0" in detail.stage_clocks.note.text()
        # nothing of 1.1 can be sent: no decide, callback or merge for any case
        assert not any(loop.allowed(w, c) for w in ("decide", "callback", "merge")
                       for c in state.cases.values())
        assert not any(p[1].endswith(("/decide", "/callback", "/merge", "/extend"))
                       for p in hub10.stats.requests)
    finally:
        launcher.finish(0)
