"""Shift cache files and the shift schedule (no network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from client.cache import CacheDir, ShiftCache
from client.errors import CacheError
from client.shifts import ShiftSchedule
from client.timeutil import parse_time
from testkit.fakehub import ts

META = {"hub_url": "http://h/api/v1", "post": {"id": "P1"}, "user": {"id": "u"},
        "categories": [{"name": "c", "subcategories": []}]}


def ev(seq: int) -> dict:
    return {"seq": seq, "ts": ts(seq), "type": "case.urged",
            "data": {"case_id": "a", "unit_id": None, "actor": "sup", "note": ""}}


def test_snapshot_and_events_round_trip(tmp_path: Path) -> None:
    c = ShiftCache.create(tmp_path / "shift-20261122-0800.sqlite", META)
    c.add_snapshot({"seq": 3, "server_time": ts(3), "cases": []}, 1.0, "hub")
    c.add_events([(4, ev(4), None, 2.0), (5, ev(5), b'{"seq":5,"ts":"2026-11-22T00:00:05.000Z","type":"x","data":{}}', 2.5)])
    c.close()
    r = CacheDir(tmp_path).restore("http://h/api/v1", "P1")
    assert r is not None and r.snapshot["seq"] == 3
    assert [e["seq"] for e in r.events] == [4, 5] and r.events[1]["type"] == "x"
    meta = r.cache.meta()
    assert meta["categories"] == META["categories"] and meta["schema"] == 1
    assert [at for _, at in r.cache.iter_events(r.cache.snapshot_id)] == [2.0, 2.5]
    r.cache.close()


def test_wal_and_synchronous_normal(tmp_path: Path) -> None:
    c = ShiftCache.create(tmp_path / "f.sqlite", META)
    conn = c._c()
    assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    c.close()


def test_a_new_snapshot_starts_a_new_epoch(tmp_path: Path) -> None:
    c = ShiftCache.create(tmp_path / "shift-20261122-0800.sqlite", META)
    c.add_snapshot({"seq": 10}, 1.0, "hub")
    c.add_events([(11, ev(11), None, 1.0)])
    c.add_snapshot({"seq": 2}, 2.0, "hub")  # e.g. the hub was reset: seqs restart
    c.add_events([(3, ev(3), None, 2.0)])
    c.close()
    r = CacheDir(tmp_path).restore()
    assert r is not None and r.snapshot["seq"] == 2 and [e["seq"] for e in r.events] == [3]
    r.cache.close()


def test_duplicate_seq_in_an_epoch_is_refused(tmp_path: Path) -> None:
    c = ShiftCache.create(tmp_path / "f.sqlite", META)
    c.add_snapshot({"seq": 0}, 1.0, "hub")
    c.add_events([(1, ev(1), None, 1.0)])
    with pytest.raises(CacheError):
        c.add_events([(1, ev(1), None, 1.0)])
    c.close()


@pytest.mark.parametrize("content", [b"", b"garbage" * 100, b"SQLite format 3\x00" + b"\x00" * 50])
def test_damaged_file_gives_a_clear_error(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "shift-20261122-0800.sqlite").write_bytes(content)
    with pytest.raises(CacheError, match="shift-20261122-0800.sqlite"):
        CacheDir(tmp_path).restore()


def test_truncated_file_gives_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "shift-20261122-0800.sqlite"
    c = ShiftCache.create(p, META)
    c.add_snapshot({"seq": 0, "cases": [{"id": str(i), "x": "y" * 500} for i in range(200)]},
                   1.0, "hub")
    c.close()
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 3])
    with pytest.raises(CacheError):
        r = CacheDir(tmp_path).restore()
        assert r is not None
        r.cache.check()


def test_cache_of_another_post_or_hub_is_refused(tmp_path: Path) -> None:
    c = ShiftCache.create(tmp_path / "shift-20261122-0800.sqlite", META)
    c.add_snapshot({"seq": 0}, 1.0, "hub")
    c.close()
    with pytest.raises(CacheError, match="post"):
        CacheDir(tmp_path).restore("http://h/api/v1", "P2")
    with pytest.raises(CacheError, match="hub"):
        CacheDir(tmp_path).restore("http://other/api/v1", "P1")


def test_default_schedule_in_shanghai() -> None:
    s = ShiftSchedule()
    day = s.shift_at(parse_time("2026-11-22T00:00:00Z"))  # 08:00 local
    assert day.label == "20261122-0800"
    assert day.end - day.start == 12 * 3600
    night = s.shift_at(parse_time("2026-11-22T11:59:59Z"))  # 19:59:59 local
    assert night.label == "20261122-0800"
    assert s.shift_at(parse_time("2026-11-22T12:00:00Z")).label == "20261122-2000"
    # 03:00 local on the 23rd still belongs to the night shift of the 22nd
    assert s.shift_at(parse_time("2026-11-22T19:00:00Z")).label == "20261122-2000"
    assert s.shift_at(parse_time("2026-11-22T19:00:00Z")).file_name == "shift-20261122-2000.sqlite"


def test_custom_schedule() -> None:
    s = ShiftSchedule(("00:00", "08:00", "16:00"), "UTC")
    assert s.shift_at(parse_time("2026-11-22T17:00:00Z")).label == "20261122-1600"
    with pytest.raises(ValueError):
        ShiftSchedule(("25:00",))


def test_the_writer_never_checkpoints_its_checkpointer_thread_does(tmp_path: Path) -> None:
    """A catch-up's commits never stop for a checkpoint (SQLite's automatic one copies and
    fsyncs the whole WAL inside one commit); the checkpointer thread copies the WAL into
    the file on its own connection, and closing leaves no WAL behind."""
    path = tmp_path / "shift-20261122-0800.sqlite"
    c = ShiftCache.create(path, META)
    assert c._c().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    c._c().rollback()
    c.checkpointer.every_bytes = 256 * 1024
    c.add_snapshot({"seq": 0, "server_time": ts(0), "cases": []}, 1.0, "hub")
    pad = "路面有积水" * 40
    seq = 0
    for _ in range(60):  # 60 batches of ~50 KB: ~3 MB through the WAL
        rows = []
        for _ in range(50):
            seq += 1
            e = dict(ev(seq), data=dict(ev(seq)["data"], note=pad))
            rows.append((seq, e, None, 2.0))
        c.add_events(rows)
    thread = c.checkpointer._thread
    assert thread is not None and thread.is_alive()
    c.checkpointer.close()  # waits for the checkpoint in progress
    assert c.checkpointer.checkpoints >= 1
    assert path.stat().st_size > 1_000_000  # the events were copied into the file
    c.close()
    assert not thread.is_alive()
    assert not (tmp_path / (path.name + "-wal")).exists()
    r = CacheDir(tmp_path).restore("http://h/api/v1", "P1")
    assert r is not None and [e["seq"] for e in r.events] == list(range(1, seq + 1))
    r.cache.close()


def test_a_creation_cut_short_leaves_no_shift_file_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process killed while creating the shift file (here: the meta write fails) leaves
    only a ``.partial`` file, which is not a shift file: the restart creates it over."""
    from client.shifts import Shift

    shift = Shift(0.0, 12 * 3600.0, "20261122-0800")
    d = CacheDir(tmp_path / "c")
    real = ShiftCache.set_meta

    def killed(self: ShiftCache, values: dict) -> None:
        raise CacheError("killed")

    monkeypatch.setattr(ShiftCache, "set_meta", killed)
    with pytest.raises(CacheError, match="killed"):
        d.open_for_shift(shift, META)
    assert [p.name for p in (tmp_path / "c").iterdir()] == [
        "shift-20261122-0800.sqlite.partial"]
    assert d.shift_files() == [] and d.restore("http://h/api/v1", "P1") is None
    monkeypatch.setattr(ShiftCache, "set_meta", real)
    c = d.open_for_shift(shift, META)
    c.add_snapshot({"seq": 0, "server_time": ts(0), "cases": []}, 1.0, "hub")
    c.close()
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["shift-20261122-0800.sqlite"]
    assert (tmp_path / "c" / "shift-20261122-0800.sqlite").stat().st_mode & 0o777 == 0o600
    r = d.restore("http://h/api/v1", "P1")
    assert r is not None and r.cache.meta()["shift"] == "20261122-0800"
    r.cache.close()
