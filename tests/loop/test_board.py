"""The assessment board against the hub's rows, the drill, the 1.0 message, the monthly
report (CLI: PDF + CSV) and the three clocks in the case detail."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import datetime

from client.assessment import Weights, month_bounds, score_rows
from client.errors import NotFoundError
from client.timeutil import format_time
from console.loop.board import AssessmentPane, pct
from tests.loop.conftest import SUPERVISOR, UNIT_USER


def _board_case(sup, unit, *, resolve=True):  # noqa: ANN001
    c = sup.held_case(sup, "考核测试")
    unit.post(f"/cases/{c['id']}/accept")
    if resolve:
        unit.post(f"/cases/{c['id']}/resolve")
    return c


def test_board_shows_the_hubs_rows_scored(qtbot, launch, hub, player):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    a = _board_case(sup, unit)
    b = _board_case(sup, unit)
    sup.post(f"/cases/{a['id']}/callback", {"solved": True, "satisfaction": "satisfied"})
    sup.post(f"/cases/{b['id']}/callback", {"solved": False, "satisfaction": "dissatisfied"})
    launcher = launch(hub.url, "--user", SUPERVISOR)
    console = launcher.console
    board: AssessmentPane = console.window.panes["assessment"]
    board.refresh()
    qtbot.waitUntil(lambda: board.board is not None and bool(board.board.scores), timeout=10000)
    start, end = board.window_bounds
    rows = sup.get("/assessment", **{"from": format_time(start), "to": format_time(end),
                                     "by": "unit"})["rows"]
    expected = score_rows(rows, Weights())
    assert [s.key for s in board.board.scores] == [s.key for s in expected.scores]
    ga = next(i for i, s in enumerate(board.board.scores) if s.key == "U532301-GA")
    want = expected.scores[ga]
    assert want.counts["callbacks"] >= 2 and want.counts["reworks"] >= 1
    for key in ("sign", "on_time", "solve", "satisfy", "rework", "returns"):
        assert board.cell_text(ga, key) == pct(want.rates[key])
    assert board.cell_text(ga, "composite") == f"{want.composite:.1f}"
    assert board.cell_text(ga, "urges") == str(want.counts["urges"])
    for view, scores in ((board.red_list, expected.red_list),
                         (board.black_list, expected.black_list)):
        lines = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
        assert len(lines) == len(scores)
        for line, s in zip(lines, scores, strict=True):
            assert line.startswith(f"{s.rank}. ") and line.endswith(f"  {s.composite:.1f}")
    # weights and red line change the score, not the hub's counts
    board.weights_edit.setText("100/0/0")
    board._on_weights()
    assert board.cell_text(ga, "composite") == f"{100 * want.rates['sign']:.1f}"
    # drill into "resolved on time": the cases behind it are the ones resolved in the period
    board.drill_cases("U532301-GA", "on_time")
    qtbot.waitUntil(lambda: getattr(board, "last_drill", None) is not None, timeout=10000)
    assert {a["id"], b["id"]} <= set(board.last_drill.ids)


def test_board_says_a_10_hub_provides_no_assessment(qtbot, launch, hub, monkeypatch):
    launcher = launch(hub.url, "--user", SUPERVISOR)
    board = launcher.console.window.panes["assessment"]
    monkeypatch.setattr(launcher.console.session.api, "assessment",
                        lambda *a, **k: (_ for _ in ()).throw(NotFoundError("no route")))
    board.refresh()
    qtbot.waitUntil(lambda: board.supported is False, timeout=10000)
    assert "1.0" in board.status_text() and board.table.model().rowCount() == 0


def test_monthly_report_command_writes_pdf_and_csv(hub, player, password_file, tmp_path):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    _board_case(sup, unit)
    month = datetime.now().strftime("%Y-%m")
    pdf, out_csv = tmp_path / "m.pdf", tmp_path / "m.csv"
    r = subprocess.run([sys.executable, "main.py", "assess", "--hub", hub.url, "--user",
                        SUPERVISOR, "--password-file", str(password_file), "--month", month,
                        "--pdf", str(pdf), "--csv", str(out_csv)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    start, end = month_bounds(month)
    rows = sup.get("/assessment", **{"from": format_time(start), "to": format_time(end),
                                     "by": "unit"})["rows"]
    with open(out_csv, encoding="utf-8-sig") as f:
        got = list(csv.DictReader(f))
    by_id = {row["id"]: row for row in got}
    assert len(got) == len(rows)
    for row in rows:
        assert int(by_id[row["unit_id"]]["dispatched"]) == row["dispatched"]
        assert int(by_id[row["unit_id"]]["resolved_on_time"]) == row["resolved_on_time"]
    bad = subprocess.run([sys.executable, "main.py", "assess", "--hub", hub.url, "--user",
                          SUPERVISOR, "--password-file", str(password_file), "--month",
                          "2026-13", "--csv", str(out_csv)], capture_output=True, text=True,
                         timeout=60)
    assert bad.returncode == 2 and "month" in bad.stderr


def test_detail_shows_three_clocks_counting_down(qtbot, launch, hub, player):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    c = sup.held_case(sup, "三个时限")
    launcher = launch(hub.url, "--user", SUPERVISOR)
    console = launcher.console
    qtbot.waitUntil(lambda: console.session.state.stages is not None, timeout=10000)
    console.session.select_case(c["id"])
    detail = console.window.panes["detail"]
    clocks = detail.stage_clocks
    qtbot.waitUntil(lambda: clocks.case is not None, timeout=15000)
    left = clocks.left_texts()
    assert left["sign"].startswith(("签收", "")) and left["sign"] not in ("", "—")
    assert left["callback"] in ("未开始", "not started")
    before = left["sign"]
    unit.post(f"/cases/{c['id']}/accept")
    qtbot.waitUntil(lambda: clocks.left_texts()["sign"] in ("已完成", "done"), timeout=10000)
    assert clocks.left_texts()["resolve"] not in ("", "—") and before


def test_board_by_county_and_town_shows_the_hubs_region_rows(qtbot, launch, hub, player):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    _board_case(sup, unit)
    launcher = launch(hub.url, "--user", SUPERVISOR)
    console = launcher.console
    board: AssessmentPane = console.window.panes["assessment"]
    regions = console.session.state.regions
    for level in ("county", "town"):
        board.by.setCurrentIndex(board.by.findData(level))
        qtbot.waitUntil(lambda: board.board is not None and board.rows_raw
                        and "region_id" in board.rows_raw[0], timeout=10000)
        start, end = board.window_bounds
        rows = sup.get("/assessment", **{"from": format_time(start), "to": format_time(end),
                                         "by": "region"})["rows"]
        want = score_rows([r for r in rows
                           if regions.get(r["region_id"], {}).get("level") == level])
        assert [s.key for s in board.board.scores] == [s.key for s in want.scores]
        assert all(regions[s.key]["level"] == level for s in board.board.scores)
        for i, s in enumerate(want.scores):
            assert board.cell_text(i, "sign") == pct(s.rates["sign"])
            assert board.cell_text(i, "open_overdue") == str(s.counts["open_overdue"])


def test_monthly_report_from_the_board(qtbot, launch, hub, player, tmp_path):
    from console.loop.report_dialog import MonthlyReportDialog

    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    _board_case(sup, unit)
    launcher = launch(hub.url, "--user", SUPERVISOR)
    board = launcher.console.window.panes["assessment"]
    board.ask_report()
    dlg: MonthlyReportDialog = board.report_dialog
    dlg.pdf.setText(str(tmp_path / "m.pdf"))
    dlg.csv.setText(str(tmp_path / "m.csv"))
    dlg.write()
    qtbot.waitUntil(lambda: (tmp_path / "m.pdf").exists() and "m.pdf" in dlg.status.text(),
                    timeout=20000)
    assert (tmp_path / "m.pdf").read_bytes()[:5] == b"%PDF-"
    assert (tmp_path / "m.csv").read_text(encoding="utf-8-sig").startswith("rank,id,name")
    dlg.pdf.setText(str(tmp_path / "no-such-dir" / "m.pdf"))
    dlg.csv.setText("")
    dlg.write()
    qtbot.waitUntil(lambda: dlg.status.text().startswith("Cannot write"), timeout=20000)
    assert not (tmp_path / "no-such-dir").exists()


def test_a_reversed_custom_range_is_refused_in_words(qtbot, launch, hub) -> None:
    """A custom period whose last day is before its first: the banner says so in the UI's
    language (it showed the client's English "the range ends before it starts")."""
    from widgets.qt import QCoreApplication, QtCore

    launcher = launch(hub.url, "--user", SUPERVISOR)
    board: AssessmentPane = launcher.console.window.panes["assessment"]
    board.period.setCurrentIndex(board.period.findData("custom"))
    board.first_day.setDate(QtCore.QDate(2026, 11, 20))
    board.last_day.setDate(QtCore.QDate(2026, 11, 10))
    board.refresh()
    assert board.status_text() == QCoreApplication.translate(
        "AssessmentPane", "The last day is before the first day: choose the range again.")
    assert "range ends" not in board.status_text()
