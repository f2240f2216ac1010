"""The command line explains itself: ``--help`` lists every command, and every command's
``--help`` lists its options (run as a user would, in a fresh process)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from commandpost.main import COMMANDS, main, usage
from hub.cli import HUB_COMMANDS

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

# Every leaf command and options its --help must name.
LEAVES: dict[str, tuple[str, ...]] = {
    "console": ("--hub", "--user", "--password-file", "--lang", "--theme", "--wall",
                "--calendar"),
    "hub serve": ("--db", "--host", "--port", "--no-demo", "--sizes", "--heartbeat",
                  "--calendar"),
    "hub simulate": ("--hub", "--mode", "--rate", "--speed", "--nyc-file"),
    "hub apikey add": ("--db", "--post", "--name"),
    "hub apikey list": ("--db",),
    "hub apikey revoke": ("--db", "KEY_ID"),
    "sync": ("--hub", "--user", "--password-file", "--cache"),
    "export": ("--cache", "--format"),
    "review": ("--shift", "--list", "--at"),
    "report": ("--shift", "--pdf", "--csv"),
    "assess": ("--hub", "--user", "--month", "--pdf", "--csv"),
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True,
                          text=True, timeout=120, cwd=REPO, env=ENV)


def test_top_level_help_lists_every_command_on_one_line() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    names = [c.name for c in COMMANDS if c.name != "hub"] + [f"hub {n}" for n, _ in HUB_COMMANDS]
    for name in names:
        matching = [line for line in lines if re.match(rf"^  {re.escape(name)}\s{{2,}}\S", line)]
        assert len(matching) == 1, (name, result.stdout)
    assert result.stdout == usage("main.py") + "\n"


def test_hub_help_lists_its_commands() -> None:
    result = run("hub", "--help")
    assert result.returncode == 0
    for name, summary in HUB_COMMANDS:
        assert re.search(rf"^  {name}\s+{re.escape(summary)}$", result.stdout, re.M), name
    bare = run("hub")
    assert bare.returncode == 2 and "serve" in bare.stderr
    unknown = run("hub", "nonsense")
    assert unknown.returncode == 2 and "unknown hub command" in unknown.stderr


@pytest.mark.parametrize("command", sorted(LEAVES))
def test_every_command_help_lists_its_options(command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage:")
    for option in LEAVES[command]:
        assert option in result.stdout, (command, option)
    assert "Traceback" not in result.stderr


def test_main_is_importable_and_dispatches(capsys: pytest.CaptureFixture[str]) -> None:
    """The entry points' function is a module of the installed package set."""
    assert main(["help"]) == 0
    assert "hub serve" in capsys.readouterr().out


def test_simulate_nyc311_runs_from_shipped_data() -> None:
    """The replay's data ships with the hub: no ``../shared`` needed (it ran in CI as a
    FileNotFoundError before)."""
    from hub import nyc311

    path = nyc311.default_path()
    assert path.is_file() and "shared" not in path.parts
    assert len(nyc311.read_records(path)) == 199


@pytest.mark.parametrize("words", [[c.name] for c in COMMANDS if c.name != "hub"]
                         + [["hub", name] for name, _ in HUB_COMMANDS])
def test_each_listed_command_answers_help(words: list[str]) -> None:
    """Whatever the table lists (other branches add commands to it) answers --help."""
    result = run(*words, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout and "--help" in result.stdout
