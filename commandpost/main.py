"""Command Post (指挥中心): console, reference hub, simulator and tools — one entry point.

    command-post                        the console (an embedded demo hub without --hub)
    command-post hub serve ...          the reference hub alone (also: command-post-hub serve)
    command-post hub simulate ...       the simulator against any hub
    command-post hub apikey ...         Open311 API keys of the intake channels
    command-post sync ...               headless mirror of a post into a shift cache
    command-post export ...             print the cases a shift cache knows
    command-post review [CACHE_DIR]     offline review of cached shifts
    command-post report CACHE_DIR ...   the shift handover report, without a window
    command-post assess --hub URL ...   the monthly assessment report (通报)

From a source checkout, ``.venv/bin/python main.py …`` is the same program.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    """One subcommand: its words, a one-line summary and the function that runs it."""

    name: str
    summary: str
    run: Callable[[list[str]], int]


def _console(argv: list[str]) -> int:
    from client.gc_policy import tune_for_streaming
    from commandpost.demo import demo_mode
    from console.app import console_main

    tune_for_streaming()
    return console_main(argv, demo=demo_mode())


def _hub(argv: list[str]) -> int:
    from hub.cli import hub_main

    return hub_main(argv)


def _sync(argv: list[str]) -> int:
    from client.cli import sync_main
    from client.gc_policy import tune_for_streaming

    tune_for_streaming()
    return sync_main(argv)


def _export(argv: list[str]) -> int:
    from client.cli import export_main

    return export_main(argv)


def _review(argv: list[str]) -> int:
    from console.review.cli import review_main

    return review_main(argv)


def _assess(argv: list[str]) -> int:
    from console.loop.assess_cli import assess_main

    return assess_main(argv)


def _report(argv: list[str]) -> int:
    from console.review.cli import report_main

    return report_main(argv)


COMMANDS: tuple[Command, ...] = (
    Command("console", "the console (the default; without --hub it starts a demo hub and "
                       "simulator)", _console),
    Command("hub", "the reference hub: serve, simulate, apikey (Open311 keys)", _hub),
    Command("sync", "mirror a post into a shift cache, headless", _sync),
    Command("export", "print every case a shift cache knows (JSON or CSV)", _export),
    Command("review", "review cached shifts offline, no hub needed", _review),
    Command("report", "write a shift's handover report (PDF, CSV) without a window", _report),
    Command("assess", "write the monthly assessment report (考核通报, PDF and CSV) from a hub",
            _assess),
)
"""Every first word the program understands, in the order ``--help`` lists them."""


def usage(prog: str = "main.py") -> str:
    """The top-level help: every subcommand with one line."""
    from hub.cli import HUB_COMMANDS

    width = max(len(c.name) for c in COMMANDS) + 2 + max(len(n) for n, _ in HUB_COMMANDS) + 1
    lines = [f"usage: {prog} [COMMAND] [options]", "",
             "Command Post (指挥中心): the duty console of a grassroots-governance command "
             "center,", "its reference hub, a simulator and shift tools.", "", "commands:"]
    for command in COMMANDS:
        if command.name == "hub":
            for name, summary in HUB_COMMANDS:
                lines.append(f"  {('hub ' + name).ljust(width)}  {summary}")
        else:
            lines.append(f"  {command.name.ljust(width)}  {command.summary}")
    lines += ["", f"With no command, {prog} starts the console.",
              f"Add --help after any command for its options, e.g. '{prog} hub serve --help'."]
    return "\n".join(lines)


def main(argv: Sequence[str], prog: str = "main.py") -> int:
    """Dispatch on the first word; no known word → the console with these options."""
    args = list(argv)
    first = args[0] if args else ""
    if first in ("-h", "--help", "help"):
        print(usage(prog))
        return 0
    for command in COMMANDS:
        if command.name == first:
            return command.run(args[1:])
    return _console(args)


def _exit(argv: list[str]) -> None:
    try:
        code = main(argv, prog="command-post")
        sys.stdout.flush()
    except BrokenPipeError:  # `command-post --help | head`: the reader left; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


def run() -> None:
    """Entry point ``command-post``."""
    _exit(sys.argv[1:])


def run_hub() -> None:
    """Entry point ``command-post-hub``: the ``hub`` commands (``command-post-hub serve …``)."""
    _exit(["hub", *sys.argv[1:]])
