"""``python main.py`` as a process: scripted login, --quit-after, --screenshot, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.app import UsageError, parse_options
from console.screenshot import numbered
from testkit.screen import ink
from widgets.qt import QtGui

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_scripted_run_quits_cleanly_and_writes_a_screenshot(hub, tmp_path, password_file):
    """--user/--password-file/--quit-after/--screenshot: exit 0 and a non-empty PNG."""
    shot = tmp_path / "x.png"
    proc = run_main("--hub", hub.url, "--user", "officer-532300", "--password-file",
                    str(password_file), "--quit-after", "8", "--screenshot", str(shot),
                    "--data-dir", str(tmp_path / "data"), "--geometry", "1280x800")
    assert proc.returncode == 0, proc.stderr
    assert_console_picture(shot, (1280, 800))


def assert_console_picture(path: Path, size: tuple[int, int] | None = None) -> None:
    """The PNG is a picture of the console: its size, and panes drawn (not a blank window)."""
    image = QtGui.QImage(str(path))
    assert not image.isNull(), path
    if size is not None:
        assert (image.width(), image.height()) == size
    assert min(image.width(), image.height()) >= 600  # the whole window (offscreen: 800×800)
    assert ink(image) > 0.05


def test_bad_credentials_exit_non_zero_with_a_message(hub, tmp_path):
    """A wrong password in scripted mode: exit code 4 and one clear line."""
    pw = tmp_path / "pw"
    pw.write_text("wrong-password")
    proc = run_main("--hub", hub.url, "--user", "officer-532301", "--password-file", str(pw),
                    "--data-dir", str(tmp_path / "data"))
    assert proc.returncode == 4
    assert "bad credentials for user 'officer-532301'" in proc.stderr


def test_unreachable_hub_exits_non_zero_with_a_message(tmp_path, password_file):
    """No hub at the address in scripted mode: exit code 3."""
    proc = run_main("--hub", "http://127.0.0.1:9", "--user", "officer-532300",
                    "--password-file", str(password_file), "--data-dir", str(tmp_path / "d"))
    assert proc.returncode == 3
    assert "hub unreachable" in proc.stderr


def test_demo_mode_starts_embedded_hub_and_simulator(tmp_path, password_file):
    """Without --hub: the demo database is seeded in the data folder and the post fills up."""
    shot = tmp_path / "demo.png"
    data = tmp_path / "data"
    proc = run_main("--user", "supervisor-532300", "--password-file", str(password_file),
                    "--quit-after", "4", "--screenshot", str(shot), "--data-dir", str(data),
                    "--lang", "en", timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert (data / "demo-hub.db").stat().st_size > 0
    assert_console_picture(shot)
    assert list((data / "cache").rglob("shift-*.sqlite"))


def test_usage_errors():
    """Bad options are refused with a message (exit code 2 from console_main)."""
    with pytest.raises(UsageError):
        parse_options(["--user", "x"])  # without --password-file
    with pytest.raises(UsageError):
        parse_options(["--geometry", "big"])
    with pytest.raises(UsageError):
        parse_options(["--lang", "fr"])
    with pytest.raises(UsageError):
        parse_options(["--hub", "ftp://x"])
    opts = parse_options(["--geometry", "3840x2160", "--lang", "en"])
    assert opts.size == (3840, 2160) and opts.lang == "en" and opts.demo


def test_the_calendar_file_reaches_the_closed_loop_clocks(qapp, tmp_path: Path) -> None:
    """``--calendar FILE`` (the hub's file) is read at start, a doubtful one refused with
    its place, and the stage clocks count working hours on it."""
    from types import SimpleNamespace

    from client.stages import PostCalendar
    from console.loop.commands import loop_for
    from console.session import Session

    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text('[2027]\nholidays = ["2027-01-01"]\n', encoding="utf-8")
    bad.write_text('[2027]\nholidays = ["2027-13-01"]\n', encoding="utf-8")
    with pytest.raises(UsageError, match=f"calendar file {bad}.*'2027-13-01' is not a date"):
        parse_options(["--calendar", str(bad)])
    opts = parse_options(["--calendar", str(good)])
    assert opts.working_calendar.covers(2027) and not parse_options([]).working_calendar.covers(2027)
    api = SimpleNamespace(user={"id": "u", "role": "officer"})
    session = Session(api, "u", calendar=opts.working_calendar)  # type: ignore[arg-type]
    loop = loop_for(session)
    loop.learn([{"name": "环境卫生", "subcategories": [{"name": "垃圾", "code": "HJ-01", "limits": {
        "sign_hours": 2, "resolve_hours": 24, "callback_hours": 15, "working_time": True}}]}])
    assert loop.policy is not None and isinstance(loop.policy.calendar, PostCalendar)
    assert loop.policy.calendar.calendar is opts.working_calendar


def test_usage_error_exit_code():
    proc = run_main("--theme", "pink")
    assert proc.returncode == 2 and "console: error" in proc.stderr


def test_screenshot_names():
    assert numbered(Path("/tmp/x.png"), 1) == Path("/tmp/x.png")
    assert numbered(Path("/tmp/x.png"), 2) == Path("/tmp/x-2.png")
