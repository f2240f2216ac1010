"""``scripts/lib/apt.sh``: setup.sh's apt-get waits for a held apt lock, says so once, and
gives up with apt's own message after ``APT_LOCK_WAIT`` seconds; other failures stop at once.

A stand-in ``apt-get`` on the PATH plays apt (it fails with apt's lock message a given
number of times), so no real package manager is touched."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LOCK_MESSAGE = ("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812 "
                "(unattended-upgr)\nE: Unable to acquire the dpkg frontend lock")


def _fake_apt(tmp: Path, locked_times: int, other_error: str = "") -> Path:
    """An ``apt-get`` that fails ``locked_times`` times with the lock message, then succeeds
    (or fails with ``other_error``); it logs its arguments."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    script = bin_dir / "apt-get"
    script.write_text(f"""#!/usr/bin/env bash
echo "$*" >> {tmp}/calls
n=$(wc -l < {tmp}/calls)
if [ "$n" -le {locked_times} ]; then echo "{LOCK_MESSAGE}" >&2; exit 100; fi
if [ -n "{other_error}" ]; then echo "{other_error}" >&2; exit 100; fi
echo "apt ran: $*"
""")
    script.chmod(0o755)
    return bin_dir


def _run(tmp: Path, bin_dir: Path, wait: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "APT_LOCK_WAIT": wait,
           "APT_LOCK_POLL": "0.2"}
    code = (f". {REPO}/scripts/lib/apt.sh\n"
            'as_root() { "$@"; }\n'          # no sudo in the test
            "apt_get install -y -qq fonts-noto-cjk")
    return subprocess.run(["bash", "-c", code], capture_output=True, text=True, env=env,
                          timeout=60, cwd=tmp)


def test_waits_for_the_lock_and_says_so_once(tmp_path: Path) -> None:
    result = _run(tmp_path, _fake_apt(tmp_path, locked_times=3), wait="30")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("apt is locked by another process") == 1
    assert "waiting up to 30 s" in result.stderr
    calls = (tmp_path / "calls").read_text().splitlines()
    assert len(calls) == 4
    assert all("-o DPkg::Lock::Timeout=10 install -y -qq fonts-noto-cjk" in c for c in calls)


def test_gives_up_after_the_wait_with_apts_message(tmp_path: Path) -> None:
    result = _run(tmp_path, _fake_apt(tmp_path, locked_times=10_000), wait="1")
    assert result.returncode == 100
    assert "Could not get lock" in result.stderr


def test_other_failures_stop_at_once(tmp_path: Path) -> None:
    bin_dir = _fake_apt(tmp_path, locked_times=0,
                        other_error="E: Unable to locate package fonts-noto-cjk")
    result = _run(tmp_path, bin_dir, wait="30")
    assert result.returncode == 100
    assert "Unable to locate package" in result.stderr
    assert "apt is locked" not in result.stderr
    assert len((tmp_path / "calls").read_text().splitlines()) == 1
