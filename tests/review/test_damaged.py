"""Damaged or truncated shift files: read what can be read, say so, never write to the file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from client.errors import CacheError
from client.review import list_shifts, open_review, read_shift
from console.review.cli import report_main, review_main


def fingerprint(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_size


def test_review_never_modifies_the_file(shift_copy: Path, tmp_path: Path, capsys) -> None:
    """Opening, seeking, listing and reporting leave the file's bytes and mtime unchanged."""
    before = fingerprint(shift_copy)
    review = open_review(shift_copy)
    review.state_at_time((review.start + review.end) / 2)
    list_shifts(shift_copy.parent)
    assert review_main([str(shift_copy.parent), "--list"]) == 0
    assert report_main([str(shift_copy.parent), "--csv", str(tmp_path / "o.csv")]) == 0
    assert fingerprint(shift_copy) == before


def test_read_only_file_in_a_read_only_directory(shift_copy: Path) -> None:
    before = fingerprint(shift_copy)
    os.chmod(shift_copy, 0o444)
    os.chmod(shift_copy.parent, 0o555)
    try:
        review = open_review(shift_copy)
        assert review.n_events == 3000
    finally:
        os.chmod(shift_copy.parent, 0o755)
        os.chmod(shift_copy, 0o644)
    assert fingerprint(shift_copy) == before


@pytest.mark.parametrize("keep", [0.5, 0.8])
def test_truncated_file_opens_with_a_clear_message(shift_copy: Path, keep: float,
                                                   capsys) -> None:
    size = shift_copy.stat().st_size
    with open(shift_copy, "r+b") as fh:
        fh.truncate(int(size * keep) // 4096 * 4096)
    before = fingerprint(shift_copy)
    review = open_review(shift_copy)
    p = review.problem
    assert p is not None
    assert 0 < p.events_read < 3000 and p.events_read == review.n_events
    assert p.last_seq == review.step_seq(review.n_steps - 1)
    text = p.describe()
    assert f"{p.events_read} events could be read up to seq {p.last_seq}" in text
    assert "read-only" in text
    # everything up to there is usable
    st = review.state_at(review.n_steps - 1)
    assert st.seq == p.last_seq
    assert report_main([str(shift_copy.parent), "--csv", str(shift_copy.parent.parent / "x.csv")]
                       ) == 0
    assert "damaged or truncated" in capsys.readouterr().err
    assert fingerprint(shift_copy) == before


def test_file_cut_inside_the_header_is_refused_clearly(shift_copy: Path) -> None:
    with open(shift_copy, "r+b") as fh:
        fh.truncate(1000)
    with pytest.raises(CacheError, match="damaged|unreadable|no readable"):
        read_shift(shift_copy)
    (info,) = list_shifts(shift_copy.parent)
    assert info.error


def test_not_an_sqlite_file(tmp_path: Path) -> None:
    p = tmp_path / "shift-20261122-0800.sqlite"
    p.write_bytes(b"hello" * 100)
    with pytest.raises(CacheError, match="not an SQLite database"):
        read_shift(p)
    assert report_main([str(tmp_path), "--csv", str(tmp_path / "o.csv")]) == 6


def test_uncheckpointed_wal_is_read(shift_copy: Path) -> None:
    """A live console's file (events still in the -wal) is read whole, read-only."""
    con = sqlite3.connect(shift_copy)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    rows = con.execute("SELECT snapshot_id, first_seq, last_seq, count, received, body "
                       "FROM events ORDER BY first_seq DESC LIMIT 1").fetchone()
    con.execute("DELETE FROM events WHERE first_seq = ?", (rows[1],))
    con.commit()
    con.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.commit()  # the row is now only in the WAL; the writer stays open like a live console
    main_before = fingerprint(shift_copy)
    try:
        review = open_review(shift_copy)
        assert review.n_events == 3000 and review.problem is None
        assert fingerprint(shift_copy) == main_before
    finally:
        con.close()


@pytest.mark.parametrize(("find", "put", "reason"), [
    (b'"status":"', b'"status":"banana","x":"', "invalid $.data.case.status"),
    (b'"reported_at":"2026-', b'"reported_at":"2026-13-45T00:00:00Z","x":"2026-',
     "invalid $.data.case.reported_at"),
])
def test_a_tampered_event_stops_the_review_there_with_its_reason(
        shift_copy: Path, find: bytes, put: bytes, reason: str) -> None:
    """The shift file is read through the protocol's typed decoder, like the feed: an event
    that is valid JSON but not the protocol ends what can be read, and says why."""
    con = sqlite3.connect(shift_copy)
    first, body = con.execute("SELECT first_seq, body FROM events ORDER BY first_seq "
                              "LIMIT 1 OFFSET 1").fetchone()
    at = body.index(find)
    con.execute("UPDATE events SET body = ? WHERE first_seq = ?",
                (body[:at] + put + body[at + len(find):], first))
    con.commit()
    con.close()
    review = open_review(shift_copy)
    p = review.problem
    assert p is not None and reason in p.detail
    bad = first + body[:at].count(b'"seq":') - 1  # the tampered event's seq
    assert p.events_read == review.n_events and review.step_seq(review.n_steps - 1) == bad - 1
    assert review.state_at(review.n_steps - 1).seq == bad - 1
