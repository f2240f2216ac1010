"""``python main.py review [CACHE_DIR]`` and ``python main.py report CACHE_DIR ...``.

``review`` lists the cached shifts (post, start, end, counts) and opens one in the review
window with no hub connection at all (``--shift LABEL``; without it: the only shift, or a
chooser). ``--list`` only prints the list; ``--screenshot PNG`` renders the window, saves
it and exits (works with ``QT_QPA_PLATFORM=offscreen``).

``report`` writes a shift's handover report without a window: ``--pdf OUT.pdf`` and/or
``--csv OUT.csv``, Chinese by default, ``--lang en``.

Both return 0 on success and print one ``<command>: error: ...`` line with a non-zero code
otherwise: 2 usage, 6 cache error (missing, damaged beyond reading), 7 cannot write.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from client.errors import CacheError
from client.review import ShiftInfo, ShiftReview, list_shifts, open_review
from client.timeutil import DEFAULT_ZONE, parse_time, zone

if TYPE_CHECKING:
    from console.review.window import ReviewWindow
    from widgets.qt import QApplication

log = logging.getLogger(__name__)

EXIT_USAGE, EXIT_CACHE, EXIT_WRITE = 2, 6, 7


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _fail(cmd: str, message: str, code: int) -> int:
    print(f"{cmd}: error: {message}", file=sys.stderr, flush=True)
    return code


def _local(ts: float | None, tz: str = DEFAULT_ZONE) -> str:
    return "—" if ts is None else datetime.fromtimestamp(ts, zone(tz)).strftime("%Y-%m-%d %H:%M")


def format_shift_list(shifts: Sequence[ShiftInfo]) -> str:
    """The shift list as a plain-text table (what ``review --list`` prints)."""
    from widgets.text import safe

    lines = [f"{'shift':<14} {'post':<28} {'start':<16} {'end':<16} {'snaps':>5} "
             f"{'events':>8} {'seq':<15}"]
    for s in shifts:
        if s.error:
            lines.append(f"{s.label:<14} unreadable: {safe(s.error, 120)}")
            continue
        seq = "" if s.first_seq is None else f"{s.first_seq}-{s.last_seq}"
        post = safe(s.post_name or s.post_id, 26)
        lines.append(f"{s.label:<14} {post:<28} {_local(s.start):<16} {_local(s.end):<16} "
                     f"{s.snapshots:>5} {s.events:>8} {seq:<15}")
    return "\n".join(lines)


def default_cache_roots() -> list[Path]:
    """The console's default cache folders (``<data>/cache/<hub>/<user>``)."""
    from console.app import APP_NAME
    from widgets.qt import QtCore

    base = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.GenericDataLocation)
    root = Path(base or Path.home() / ".local" / "share") / APP_NAME / "cache"
    if not root.is_dir():
        return []
    return sorted({p.parent for p in root.rglob("shift-*.sqlite")})


def _find(cache_dir: Path, label: str | None) -> ShiftInfo:
    shifts = [s for s in list_shifts(cache_dir)]
    if not shifts:
        raise CacheError(f"no shift cache files in {cache_dir}")
    if label is None:
        return shifts[-1]
    for s in shifts:
        if label in (s.label, s.path.name, s.path.stem):
            return s
    raise CacheError(f"no shift {label!r} in {cache_dir} (have: "
                     + ", ".join(s.label for s in shifts) + ")")


def _ensure_platform() -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# ---- report


def _report_parser() -> _Parser:
    p = _Parser(prog="report", description="Write a shift's handover report (PDF and/or CSV).")
    p.add_argument("cache", type=Path, help="directory of shift files")
    p.add_argument("--shift", default=None, help="shift label (default: the newest)")
    p.add_argument("--pdf", type=Path, default=None, help="write the report here (PDF)")
    p.add_argument("--csv", type=Path, default=None, help="write the shift's cases here (CSV)")
    p.add_argument("--png", type=Path, default=None, help="also render page 1 as PNG")
    p.add_argument("--lang", default="zh_CN", help="zh_CN (default) or en")
    p.add_argument("--at", default=None, help="RFC 3339 report time (default: shift end)")
    return p


def report_main(argv: Sequence[str]) -> int:
    """Write the handover report of one cached shift; return the exit code."""
    try:
        args = _report_parser().parse_args(list(argv))
        if args.pdf is None and args.csv is None and args.png is None:
            raise _UsageError("nothing to write: give --pdf and/or --csv")
        from console import i18n

        lang = i18n.normalize(args.lang)
        at = None
        if args.at is not None:
            try:
                at = parse_time(args.at)
            except ValueError:
                raise _UsageError(f"bad --at time {args.at!r}: expected RFC 3339") from None
    except (_UsageError, ValueError) as exc:
        return _fail("report", str(exc), EXIT_USAGE)
    try:
        info = _find(args.cache, args.shift)
        if info.error:
            log.warning("shift %s: %s", info.label, info.error)
        review = open_review(info.path)
    except CacheError as exc:
        return _fail("report", str(exc), EXIT_CACHE)
    if review.problem is not None:
        print(f"report: warning: {review.problem.describe()}", file=sys.stderr, flush=True)
    from client.review_report import build_report, write_csv

    report = build_report(review, as_of=at)
    try:
        if args.csv is not None:
            n = write_csv(report, args.csv)
            print(f"report: {n} cases written to {args.csv}", file=sys.stderr, flush=True)
    except OSError as exc:
        return _fail("report", f"cannot write {args.csv}: {exc}", EXIT_WRITE)
    if args.pdf is None and args.png is None:
        return 0
    _ensure_platform()
    from console.i18n import install
    from widgets.qt import QApplication, QGuiApplication

    # a QApplication (not only a QGuiApplication) so a later window in the same process works
    app = QGuiApplication.instance() or QApplication(["commandpost-report"])
    translators = install(app, lang)
    try:
        from console.review.report import render_first_page, write_pdf

        if args.pdf is not None:
            try:
                pages = write_pdf(report, args.pdf)
            except OSError as exc:
                return _fail("report", f"cannot write {args.pdf}: {exc}", EXIT_WRITE)
            print(f"report: {pages} pages written to {args.pdf}", file=sys.stderr, flush=True)
        # (PySide6's stub declares the format as bytes; the binding accepts only str here)
        if args.png is not None and not render_first_page(report).save(  # type: ignore[call-overload]
                str(args.png), "PNG"):
            return _fail("report", f"cannot write {args.png}", EXIT_WRITE)
    finally:
        for t in translators:
            app.removeTranslator(t)
    return 0


# ---- review


def _review_parser() -> _Parser:
    p = _Parser(prog="review", description="Review a cached shift offline (no hub).")
    p.add_argument("cache", type=Path, nargs="?", default=None,
                   help="directory of shift files (default: the console's caches)")
    p.add_argument("--shift", default=None, help="open this shift (label) directly")
    p.add_argument("--list", action="store_true", help="only print the shifts")
    p.add_argument("--at", default=None, help="RFC 3339 time to open at (default: shift start)")
    p.add_argument("--lang", default="zh_CN", help="zh_CN (default) or en")
    p.add_argument("--theme", default="day", help="day or night")
    p.add_argument("--screenshot", type=Path, default=None,
                   help="render the window to this PNG and exit")
    p.add_argument("--size", default="1920x1080", help="window size for --screenshot")
    return p


def review_main(argv: Sequence[str]) -> int:
    """List the cached shifts and open one for review; return the exit code."""
    try:
        args = _review_parser().parse_args(list(argv))
        from console import i18n

        lang = i18n.normalize(args.lang)
        at = parse_time(args.at) if args.at else None
        w, _, h = args.size.partition("x")
        size = (int(w), int(h))
    except (_UsageError, ValueError) as exc:
        return _fail("review", str(exc), EXIT_USAGE)
    roots = [args.cache] if args.cache is not None else default_cache_roots()
    if not roots:
        return _fail("review", "no cache directory given and none found; pass CACHE_DIR",
                     EXIT_USAGE)
    shifts: list[ShiftInfo] = []
    try:
        for root in roots:
            shifts += list_shifts(root)
    except CacheError as exc:
        return _fail("review", str(exc), EXIT_CACHE)
    if not shifts:
        return _fail("review", "no shift cache files in " + ", ".join(map(str, roots)),
                     EXIT_CACHE)
    print(format_shift_list(shifts), flush=True)
    if args.list:
        return 0
    chosen: ShiftInfo | None = None
    if args.shift is not None:
        chosen = next((s for s in shifts if args.shift in (s.label, s.path.name)), None)
        if chosen is None:
            return _fail("review", f"no shift {args.shift!r}", EXIT_USAGE)
    elif len(shifts) == 1 or args.screenshot is not None:
        chosen = shifts[-1]
    if args.screenshot is not None:
        _ensure_platform()
    from console.i18n import install
    from widgets.qt import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["commandpost-review"])
    translators = install(app, lang)
    try:
        try:
            from console.app import apply_look

            apply_look(app, args.theme, 10.0)
        except Exception:  # a theme problem must not stop a review
            log.exception("theme %s not applied", args.theme)
        if chosen is None:
            chosen = choose_shift(shifts)
            if chosen is None:
                return 0
        try:
            print(f"review: opening {chosen.path} …", file=sys.stderr, flush=True)
            review = open_review(chosen.path)
        except CacheError as exc:
            return _fail("review", str(exc), EXIT_CACHE)
        if review.problem is not None:
            print(f"review: warning: {review.problem.describe()}", file=sys.stderr, flush=True)
        print(f"review: {review.n_events} events, {review.checkpoints} checkpoints, "
              f"opened in {review.build_seconds:.1f} s", file=sys.stderr, flush=True)
        window = open_window(review, at)
        if args.screenshot is not None:
            window.resize(*size)
            window.show()
            settle(app)
            from console.review.window import grab_png

            if not grab_png(window, args.screenshot):
                return _fail("review", f"cannot write {args.screenshot}", EXIT_WRITE)
            window.close()
            return 0
        screen = app.primaryScreen()
        if screen is not None:  # what "restore" gives: inside the screen, frame included
            from console.scaling import restored_size

            area = screen.availableGeometry()
            window.resize(*restored_size(area.width(), area.height()))
        window.showMaximized()
        return app.exec()
    finally:
        for t in translators:
            app.removeTranslator(t)


def settle(app: QApplication, ms: int = 400) -> None:
    """Run the event loop ``ms`` milliseconds so the docks' layout (their tab bars) is done
    before a grab: after a few processEvents() the offscreen grab still painted the tab
    bars of tabified docks where the first layout had put them, over the queue."""
    from widgets.qt import QtCore, QTimer

    loop = QtCore.QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def open_window(review: ShiftReview, at: float | None = None) -> ReviewWindow:
    """Build the review window (with its report action wired) at ``at`` (default: start)."""
    from console.review.window import ReviewWindow

    window = ReviewWindow(review, start_time=at)
    window.sig_report.connect(lambda: save_report_dialog(window))
    if at is not None:
        window.seek_time(at)
    return window


def save_report_dialog(window: ReviewWindow) -> None:
    """Ask where to save the report (PDF + CSV beside it) and write it."""
    from client.review_report import build_report, write_csv
    from console.review.report import write_pdf
    from widgets.qt import QCoreApplication, QtWidgets

    translate = QCoreApplication.translate

    name = f"handover-{window.review.label}.pdf"
    path, _ = QtWidgets.QFileDialog.getSaveFileName(window, translate("Review", "Handover report…"), name,
                                                    "PDF (*.pdf)")
    if not path:
        return
    try:
        report = build_report(window.review)
        write_pdf(report, path)
        write_csv(report, Path(path).with_suffix(".csv"))
    except OSError as exc:
        window.statusBar().showMessage(translate("Review", "Could not write the report: {err}").format(err=exc))
        return
    window.statusBar().showMessage(translate("Review", "Report written: {pdf}").format(pdf=path), 10000)


def choose_shift(shifts: Sequence[ShiftInfo]) -> ShiftInfo | None:
    """A dialog listing the shifts; the chosen one, or None when cancelled."""
    from rows import Rows
    from widgets.qt import QCoreApplication, QDialog, QDialogButtonBox, QtWidgets, QVBoxLayout
    from widgets.rows_model import Column, RowsTableModel
    from widgets.text import safe

    translate = QCoreApplication.translate

    dlg = QDialog()
    dlg.setWindowTitle(translate("Review", "Choose a shift to review"))
    lay = QVBoxLayout(dlg)
    rows: Rows[ShiftInfo] = Rows(shifts, key=id)
    columns: list[Column[ShiftInfo]] = [
        Column(lambda: translate("Review", "Shift"), lambda s: s.label),
        Column(lambda: translate("Review", "Post"), lambda s: safe(s.post_name or s.post_id, 40)),
        Column(lambda: translate("Review", "Start"), lambda s: _local(s.start)),
        Column(lambda: translate("Review", "End"), lambda s: _local(s.end)),
        Column(lambda: translate("Review", "Events"), lambda s: str(s.events)),
        Column(lambda: translate("Review", "Problem"), lambda s: safe(s.error, 80)),
    ]
    model = RowsTableModel(rows, columns, dlg)
    table = QtWidgets.QTableView(dlg)
    table.setObjectName("shiftChooser")
    table.setModel(model)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.selectRow(len(shifts) - 1)
    table.resizeColumnsToContents()
    lay.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                               | QDialogButtonBox.StandardButton.Cancel, dlg)
    buttons.accepted.connect(dlg.accept)
    buttons.rejected.connect(dlg.reject)
    table.doubleClicked.connect(lambda _i: dlg.accept())
    lay.addWidget(buttons)
    dlg.resize(900, 400)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    row = table.currentIndex().row()
    return shifts[row] if 0 <= row < len(shifts) else None
