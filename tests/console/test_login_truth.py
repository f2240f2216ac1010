"""A login that tells the truth: a failed embedded-hub start is shown at once (the
progress line never overwrites it) with a retry; a port taken meanwhile is retried."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

from commandpost.demo import DemoServices, demo_mode, port_taken
from console.app import Launcher, parse_options
from widgets.qt import QApplication


def test_failed_demo_start_is_shown_at_once_with_a_retry(qtbot, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    opts = parse_options(["--data-dir", str(blocker / "inner"), "--lang", "en"])
    launcher = Launcher(QApplication.instance(), opts, quit_app=False, demo_mode=demo_mode())
    launcher.start()
    try:
        dialog = launcher.dialog
        qtbot.waitUntil(lambda: "did not start" in dialog.status.text(), timeout=10000)
        assert dialog.retry_button.isVisible()
        qtbot.wait(1200)  # the start-up progress line (every 500 ms) must not come back
        assert "did not start" in dialog.status.text()
        first = launcher.demo
        dialog.retry_button.click()
        assert launcher.demo is not first
        assert not dialog.retry_button.isVisible()
        qtbot.waitUntil(lambda: dialog.retry_button.isVisible(), timeout=10000)
        assert "did not start" in dialog.status.text()
    finally:
        launcher.finish(0)


def test_port_taken_is_recognised_through_causes():
    inner = OSError(errno.EADDRINUSE, "Address already in use")
    outer = RuntimeError("hub failed to start")
    outer.__cause__ = inner
    assert port_taken(outer)
    assert port_taken(RuntimeError("[Errno 98] error while attempting to bind: "
                                   "address already in use"))
    assert not port_taken(RuntimeError("disk full"))


def test_demo_hub_moves_off_a_taken_port(qtbot, tmp_path: Path):
    """Another process holds the preferred port: the demo hub starts on another one."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        taken = s.getsockname()[1]
        from hub.seed import SeedSizes

        demo = DemoServices(tmp_path, port=taken, simulate=False, sizes=SeedSizes(1, 1, 1, 1))
        urls: list[str] = []
        demo.sig_ready.connect(urls.append)
        demo.start()
        try:
            qtbot.waitUntil(lambda: bool(urls), timeout=60000)
            assert not urls[0].endswith(f":{taken}")
        finally:
            demo.stop()
