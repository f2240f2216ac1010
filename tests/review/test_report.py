"""The handover report: its numbers equal simple counts made straight from the cache's rows."""

from __future__ import annotations

import csv
import sqlite3
from collections import Counter
from pathlib import Path

import orjson

from client.review import open_review
from client.review_report import build_report
from client.timeutil import parse_time_or_none
from console.review.cli import report_main
from testkit.pdf_text import page_texts, squeeze


def independent(path: Path) -> dict:
    """Count straight from the file: latest version of each case, event tallies."""
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    snap = orjson.loads(con.execute("SELECT body FROM snapshots").fetchone()[0])
    events = []
    for (body,) in con.execute("SELECT body FROM events ORDER BY first_seq"):
        events += orjson.loads(body)
    con.close()
    latest = {c["id"]: c for c in snap["cases"]}
    in_shift = {c["id"] for c in snap["cases"] if c["status"] != "closed"}
    created = closes = 0
    closed_ids = set()
    urges = whistles = calls = 0
    for ev in events:
        d = ev["data"]
        if ev["type"] in ("case.created", "case.updated"):
            c = d["case"]
            in_shift.add(c["id"])
            if c["id"] not in latest or c["version"] > latest[c["id"]]["version"]:
                latest[c["id"]] = c
            if ev["type"] == "case.created":
                created += 1
            elif d["action"] == "close":
                closes += 1
                closed_ids.add(c["id"])
        elif ev["type"] == "case.urged":
            urges += 1
            in_shift.add(d["case_id"])
        elif ev["type"] == "whistle.started":
            whistles += 1
        elif ev["type"] == "call.started":
            calls += 1
    cases = {cid: latest[cid] for cid in in_shift}
    on_time = sum(1 for cid in closed_ids
                  if cases[cid]["closed_at"] <= cases[cid]["due_at"])
    return {"cases": cases, "created": created, "closed": len(closed_ids), "on_time": on_time,
            "urges": urges, "whistles": whistles, "calls": calls,
            "status": Counter(c["status"] for c in cases.values()),
            "category": Counter(c["category"] for c in cases.values()),
            "unit": Counter(c["unit_id"] for c in cases.values()),
            "critical": {cid for cid, c in cases.items()
                         if c["priority"] == "critical" and c["status"] != "closed"}}


def test_report_numbers_equal_independent_counts(shift_file: Path) -> None:
    review = open_review(shift_file)
    r = build_report(review, clock=lambda: review.end + 60)  # the shift is over
    want = independent(shift_file)
    assert set(r.cases) == set(want["cases"])
    assert r.reported == want["created"]
    assert r.closed == want["closed"]
    assert r.closed_on_time == want["on_time"]
    assert r.closure_rate == want["closed"] / len(want["cases"])
    assert len(r.urges) == want["urges"]
    assert len(r.whistles) == want["whistles"]
    assert len(r.calls) == want["calls"]
    assert {k: v for k, v in r.by_status if v} == dict(want["status"])
    assert dict(r.by_category) == dict(want["category"])
    assert dict(r.by_unit) == dict(want["unit"])
    assert {c["id"] for c in r.open_critical} == want["critical"]
    assert r.as_of == review.end
    overdue = {cid for cid, c in want["cases"].items()
               if c["status"] not in ("resolved", "closed")
               and parse_time_or_none(c["due_at"]) <= review.end}
    assert {c["id"] for c in r.overdue} == overdue
    assert sum(h[1] for h in r.hourly) == want["created"]
    assert sum(h[3] for h in r.hourly) == review.n_events


def test_report_cli_writes_pdf_and_csv(shift_file: Path, tmp_path: Path) -> None:
    pdf, out_csv = tmp_path / "r.pdf", tmp_path / "r.csv"
    before = shift_file.stat().st_mtime_ns
    assert report_main([str(shift_file.parent), "--shift", "20261122-2000", "--pdf", str(pdf),
                        "--csv", str(out_csv)]) == 0
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    want = independent(shift_file)
    assert len(rows) == len(want["cases"])
    assert Counter(r["status"] for r in rows) == want["status"]
    assert shift_file.stat().st_mtime_ns == before
    en = tmp_path / "en.pdf"
    assert report_main([str(shift_file.parent), "--pdf", str(en), "--lang", "en"]) == 0
    assert_pdf_pages(shift_file, pdf, en, want)


def assert_pdf_pages(shift_file: Path, pdf: Path, en: Path, want: dict) -> None:
    """The pages say what the officer taking over reads: the title and the shift, the
    figures, each section's heading with its count, the cases overdue, a numbered footer."""
    review = open_review(shift_file)
    r = build_report(review, clock=lambda: review.end + 60)
    pages = page_texts(pdf)
    assert len(pages) >= 2
    first, everything = pages[0], "".join(pages)
    assert first.startswith(squeeze("交接班报告" + r.post_name))
    assert squeeze(f"班次 {r.label}") in first
    assert squeeze(f"本班案件 {len(want['cases'])} 上报 {want['created']} "
                   f"办结 {want['closed']}") in first
    assert squeeze("按状态、类别、单位统计") in first
    for heading in (f"交班时超期案件（{len(r.overdue)}）",
                    f"未办结的特急案件（{len(want['critical'])}）", f"督办（{want['urges']}）",
                    f"吹哨报到（{want['whistles']}）", f"视频会商（{want['calls']}）"):
        assert squeeze(heading) in everything, heading
    assert r.overdue and all(c["id"] in everything for c in r.overdue)
    for n, page in enumerate(pages, 1):  # the footer
        assert page.endswith(squeeze(f"班次 {r.label} 第 {n} 页")), n
    # what a reader copies is what was drawn: no look-alike radical (⼀ for 一, ⻚ for 页)
    assert not [ch for ch in everything if 0x2E80 <= ord(ch) <= 0x2FDF or 0x31C0 <= ord(ch) <= 0x31EF]
    en_pages = page_texts(en)
    assert en_pages[0].startswith(squeeze("Shift handover report" + r.post_name))
    en_all = "".join(en_pages)
    for heading in ("Counts by status, category and unit", "Overdue at handover",
                    "Open critical cases", "Urges", "Whistles", "Calls"):
        assert squeeze(heading) in en_all, heading
    # the English pages' digits copy as digits too (the figures, the counts in headings,
    # the case numbers, the footers): Noto Sans CJK's ``locl`` drew a Latin run's digits
    # as glyphs the PDF's ToUnicode map could not name, and they copied as nothing
    assert squeeze(f"Shift {r.label}:") in en_pages[0]
    assert squeeze(f"Cases of the shift {len(want['cases'])} Reported {want['created']} "
                   f"Closed {want['closed']}") in en_pages[0]
    for heading in (f"Overdue at handover ({len(r.overdue)})",
                    f"Open critical cases ({len(want['critical'])})",
                    f"Urges ({want['urges']})", f"Whistles ({want['whistles']})",
                    f"Calls ({want['calls']})"):
        assert squeeze(heading) in en_all, heading
    assert all(c["id"] in en_all for c in r.overdue)
    for n, page in enumerate(en_pages, 1):
        assert page.endswith(squeeze(f"shift {r.label} Page {n}")), n


def test_report_cli_usage_errors(tmp_path: Path, capsys) -> None:
    assert report_main([str(tmp_path)]) == 2
    assert report_main([str(tmp_path / "none"), "--csv", str(tmp_path / "x.csv")]) == 6
    assert "does not exist" in capsys.readouterr().err


def test_csv_defuses_hub_text(tmp_path: Path) -> None:
    """Formula-looking and control characters from the hub never reach a spreadsheet as-is."""
    from client.review_report import _cell

    assert _cell("=HYPERLINK(\"x\")", True).startswith("'=")
    assert _cell("a\nb\x1bc", True) == "a b c"
    assert _cell("-3", False) == "-3"
