"""``main.py assess``: the monthly assessment report (通报) without a window.

    python main.py assess --hub URL --user U --password-file F --month 2026-11 \\
        --pdf OUT.pdf --csv OUT.csv [--by unit|region] [--weights 30/35/35] [--red-line 85]

Logs in, reads ``GET /assessment`` for the month (local days in the post's zone) and the
names of units and regions (``GET /snapshot``), scores the rows (:mod:`client.assessment`)
and writes the A4 PDF (:mod:`console.loop.report`) and/or the CSV. Exit codes as the
other commands: 2 usage, 3 hub unreachable, 4 bad credentials, 5 other hub error (also a
1.0 hub, which has no assessment), 6 the files cannot be written.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from client.api import HubClient, normalize_base_url
from client.assessment import Weights, month_bounds, score_rows
from client.assessment_report import MonthlyReport, write_csv
from client.cli import EXIT_HUB, EXIT_USAGE, _fail, _login, _Parser, _UsageError
from client.errors import HubError, HubUnreachable, NotFoundError
from client.timeutil import DEFAULT_ZONE, format_time

EXIT_WRITE = 6


def _parser() -> _Parser:
    p = _Parser(prog="assess", description="Write the monthly assessment report (PDF/CSV).")
    p.add_argument("--hub", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", required=True, type=Path)
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--pdf", type=Path, default=None)
    p.add_argument("--csv", type=Path, default=None)
    p.add_argument("--by", choices=("unit", "region"), default="unit")
    p.add_argument("--weights", default="30/35/35", help="response/solving/satisfaction")
    p.add_argument("--red-line", type=float, default=85.0)
    p.add_argument("--zone", default=DEFAULT_ZONE)
    return p


def build_report(api: HubClient, month: str, by: str, weights: Weights,
                 zone_name: str = DEFAULT_ZONE) -> MonthlyReport:
    """Read the month's assessment and names from the hub and score them.

    Raises:
        ValueError: a bad month.
        HubError / HubUnreachable: the hub refused or could not be reached.
    """
    start, end = month_bounds(month, zone_name)
    end = min(end, time.time())  # the month so far: open overdue counts as of now
    answer = api.assessment(format_time(start), format_time(end), by)
    rows = answer.get("rows") if isinstance(answer, dict) else None
    snap = api.snapshot()
    names: dict[str, str] = {}
    objects: list[Mapping[str, Any]] = [*snap.get("units", ()), *snap.get("regions", ())]
    for obj in objects:
            if isinstance(obj, dict) and isinstance(obj.get("id"), str):
                names[obj["id"]] = str(obj.get("name") or obj["id"])
    post = _post if isinstance(_post := snap.get("post"), dict) else {}
    return MonthlyReport(str(post.get("name") or post.get("id") or ""), month, start, end, by,
                         score_rows(rows if isinstance(rows, list) else [], weights), names,
                         time.time(), zone_name)


def assess_main(argv: Sequence[str]) -> int:
    """Run ``assess``; return the exit code."""
    try:
        args = _parser().parse_args(list(argv))
        weights = Weights.parse(args.weights, args.red_line)
        month_bounds(args.month, args.zone)
    except (_UsageError, ValueError) as exc:
        return _fail("assess", str(exc), EXIT_USAGE)
    if args.pdf is None and args.csv is None:
        return _fail("assess", "give --pdf and/or --csv", EXIT_USAGE)
    try:
        url = normalize_base_url(args.hub)
        password = args.password_file.read_text(encoding="utf-8").rstrip("\r\n")
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        return _fail("assess", str(exc), EXIT_USAGE)
    api = HubClient(url)
    code = _login(api, args.user, password)
    if code:
        return code
    try:
        report = build_report(api, args.month, args.by, weights, args.zone)
    except NotFoundError:
        return _fail("assess", "this hub (protocol 1.0) does not provide assessment "
                               "(GET /assessment)", EXIT_HUB)
    except HubUnreachable as exc:
        return _fail("assess", f"hub unreachable: {exc}", 3)
    except HubError as exc:
        return _fail("assess", f"the hub refused: {exc}", EXIT_HUB)
    try:
        if args.csv is not None:
            from widgets.text import neutralize

            write_csv(report, args.csv, neutralize)
        if args.pdf is not None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from console.loop.report import write_monthly_pdf
            from widgets.qt import QGuiApplication

            app = QGuiApplication.instance() or QGuiApplication(["assess"])
            from console import i18n

            i18n.install(app, "zh_CN")  # the report is in Chinese
            pages = write_monthly_pdf(report, args.pdf)
            print(f"assess: {args.pdf}: {pages} pages", file=sys.stderr)
    except OSError as exc:
        return _fail("assess", f"cannot write: {exc}", EXIT_WRITE)
    ranked = sum(1 for s in report.board.scores if s.rank)
    print(f"assess: {args.month}: {len(report.board.scores)} rows, {ranked} ranked, "
          f"{len(report.board.flagged)} under the red line {weights.red_line:g}",
          file=sys.stderr)
    return 0
