"""The handover report keeps every case closed during the shift, even when the cache saw
the close only in a snapshot (it started mid-shift, or reloaded a snapshot after a 410)."""

from __future__ import annotations

import csv
from pathlib import Path

from client.cache import ShiftCache
from client.review import open_review
from client.review_report import build_report
from client.shifts import ShiftSchedule
from client.timeutil import format_time
from console.review.cli import report_main
from testkit.fakehub import FakeHub

H = 3600.0


def write_shift(d: Path) -> tuple[Path, dict[str, str]]:
    """A shift whose cache starts at 10:00 (shift 08:00–20:00), reloads a snapshot at 13:00.

    Cases: ``before`` closed at 07:00 (not of the shift), ``snap`` closed at 09:00 (only in
    the first snapshot), ``event`` closed by an event at 11:00, ``reload`` closed at 12:30
    while the link was down (only in the second snapshot), ``open`` still open.
    """
    shift = ShiftSchedule().shift_at(1_795_000_000.0)
    start = shift.start
    hub = FakeHub(n_cases=0)
    names = ["before", "snap", "event", "reload", "open"]
    ids = {n: hub.create_case(title=n)["id"] for n in names}

    def closed(name: str, at: float) -> dict:
        return hub.update_case(ids[name], "close", status="closed", closed_at=format_time(at),
                               updated_at=format_time(at))

    closed("before", start - 1 * H)
    closed("snap", start + 1 * H)
    snap1 = dict(hub.snapshot(), server_time=format_time(start + 2 * H))
    seq = snap1["seq"]
    path = d / shift.file_name
    meta = {"hub_url": "http://h/api/v1", "post": hub.post, "user": {"id": "sup"},
            "categories": hub.categories, "zone": "Asia/Shanghai", "shift": shift.label,
            "shift_start": start, "shift_end": shift.end}
    cache = ShiftCache.create(path, meta)
    cache.add_snapshot(snap1, start + 2 * H, "hub")
    c = closed("event", start + 3 * H)
    seq += 1
    ev = {"seq": seq, "ts": format_time(start + 3 * H), "type": "case.updated",
          "data": {"case": c, "action": "close", "actor": "sup", "note": ""}}
    cache.add_events([(seq, ev, None, start + 3 * H)])
    closed("reload", start + 4.5 * H)
    snap2 = dict(hub.snapshot(), server_time=format_time(start + 5 * H))
    cache.add_snapshot(snap2, start + 5 * H, "hub")
    cache.close()
    return path, ids


def test_cases_closed_in_the_shift_are_in_the_report_whatever_told_the_cache(
        tmp_path: Path) -> None:
    path, ids = write_shift(tmp_path)
    review = open_review(path)
    r = build_report(review, clock=lambda: review.end + 60)
    assert set(r.cases) == {ids["snap"], ids["event"], ids["reload"], ids["open"]}
    assert r.closed == 3 and r.closure_rate == 3 / 4
    assert r.closed_from_snapshot == sorted([ids["snap"], ids["reload"]])
    assert sum(h[2] for h in r.hourly) == 3  # each counted in the hour it closed

    out = tmp_path / "r.csv"
    pdf = tmp_path / "r.pdf"
    assert report_main([str(tmp_path), "--csv", str(out), "--pdf", str(pdf)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = {row["title"]: row for row in csv.DictReader(fh)}
    assert set(rows) == {"snap", "event", "reload", "open"}
    assert {t: row["closed_from_snapshot"] for t, row in rows.items()} == {
        "snap": "1", "event": "0", "reload": "1", "open": "0"}
    assert pdf.read_bytes()[:5] == b"%PDF-"
