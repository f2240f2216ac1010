"""The headless mirror (sync) and the offline review (export), as processes."""

from __future__ import annotations

import csv
import io
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest

from client import glossary
from client.cache import CacheDir
from client.cli import cases_as_of, export_main, sync_main
from client.errors import CacheError
from client.store import CASE_FIELDS
from client.timeutil import parse_time
from testkit.fakehub import FakeHub, shifts_away_from_now

ROOT = Path(__file__).resolve().parents[2]


def sync_cmd(hub_url: str, pwfile: Path, cache: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "client.cli", "sync", "--hub", hub_url, "--user", "sup",
            "--password-file", str(pwfile), "--cache", str(cache), *shifts_away_from_now(),
            *extra]


def run(cmd: list[str], timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    p = tmp_path / "pw"
    p.write_text("pw\n")
    return p


def cached_seq(cache: Path) -> int:
    try:
        r = CacheDir(cache).restore()
    except CacheError:  # the mirror is creating the file right now; ask again
        return -1
    if r is None:
        return -1
    try:
        seqs = r.cache.event_seqs(r.cache.snapshot_id)
        return seqs[-1] if seqs else r.snapshot["seq"]
    finally:
        r.cache.close()


def test_sync_survives_repeated_sigkill(hub: FakeHub, pwfile: Path, tmp_path: Path) -> None:
    """Kill -9 the mirror mid-stream several times: the cache ends equal to the truth,
    every seq stored exactly once, and no restart needed a new snapshot."""
    cache = tmp_path / "cache"
    stop = threading.Event()

    def activity() -> None:
        rng = random.Random(5)
        while not stop.is_set():
            hub.random_activity(20, rng)
            time.sleep(0.01)

    t = threading.Thread(target=activity, daemon=True)
    t.start()
    rng = random.Random(11)
    try:
        for _ in range(4):
            before = cached_seq(cache)
            p = subprocess.Popen(sync_cmd(hub.url, pwfile, cache), cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # mid-stream: once this run has written (a busy machine may take seconds to
            # start a Python process), then at a random moment
            deadline = time.monotonic() + 30
            while cached_seq(cache) <= before and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.1, 0.7))
            p.send_signal(signal.SIGKILL)
            p.wait(10)
            assert p.returncode == -signal.SIGKILL
    finally:
        stop.set()
        t.join()
    killed_at = cached_seq(cache)
    assert 0 < killed_at  # it had written something before being killed
    p = subprocess.Popen(sync_cmd(hub.url, pwfile, cache), cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60  # the backlog of four runs, on a busy machine
    while cached_seq(cache) < hub.latest and time.monotonic() < deadline:
        time.sleep(0.05)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=15)
    assert p.returncode == 0, err
    assert "sync: stopped at seq" in err
    assert hub.stats.snapshots == 1
    r = CacheDir(cache).restore()
    assert r is not None
    seqs = r.cache.event_seqs(r.cache.snapshot_id)
    r.cache.close()
    assert seqs == list(range(r.snapshot["seq"] + 1, hub.latest + 1))
    store, _ = cases_as_of(cache)
    assert store.cases == hub.truth()
    # and export prints exactly the truth
    out = run([sys.executable, "-m", "client.cli", "export", "--cache", str(cache)])
    assert out.returncode == 0, out.stderr
    array = orjson.loads(out.stdout)  # --format json: one JSON array
    assert isinstance(array, list) and {c["id"]: c for c in array} == hub.truth()
    out = run([sys.executable, "-m", "client.cli", "export", "--cache", str(cache),
               "--format", "jsonl"])
    lines = [orjson.loads(x) for x in out.stdout.splitlines()]
    assert {c["id"]: c for c in lines} == hub.truth()


def test_sync_for_seconds_and_sigint(hub: FakeHub, pwfile: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    t0 = time.monotonic()
    res = run(sync_cmd(hub.url, pwfile, cache, "--for", "1.0"))
    assert res.returncode == 0, res.stderr
    assert 1.0 <= time.monotonic() - t0 < 15
    before = cached_seq(cache)
    hub.random_activity(5)
    p = subprocess.Popen(sync_cmd(hub.url, pwfile, cache), cwd=ROOT, stderr=subprocess.PIPE,
                         text=True)
    deadline = time.monotonic() + 30  # once it streams (a busy machine starts Python slowly)
    while cached_seq(cache) <= before and time.monotonic() < deadline:
        time.sleep(0.02)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=15)
    assert p.returncode == 0 and "stopped at seq" in err


def test_sync_errors_are_one_clear_line(hub: FakeHub, pwfile: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture) -> None:
    cache = str(tmp_path / "c")
    base = ["--user", "sup", "--password-file", str(pwfile), "--cache", cache]
    cases = [
        (["--hub", "not a url", *base], 2, "bad hub URL"),
        (["--hub", "http://127.0.0.1:9", *base], 3, "hub unreachable"),
        (["--hub", hub.url, "--user", "sup", "--password-file", str(tmp_path / "none"),
          "--cache", cache], 2, "cannot read password file"),
        (["--hub", hub.url, "--user", "nobody", "--password-file", str(pwfile),
          "--cache", cache], 4, "bad credentials"),
        (["--hub", hub.url], 2, "required"),
    ]
    for argv, code, text in cases:
        assert sync_main(argv) == code
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("sync: error:") and text in err[0], err


def test_sync_with_an_unreadable_cache(hub: FakeHub, pwfile: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture) -> None:
    cache = tmp_path / "c"
    cache.mkdir()
    (cache / "shift-20261122-0800.sqlite").write_bytes(b"garbage" * 10)
    code = sync_main(["--hub", hub.url, "--user", "sup", "--password-file", str(pwfile),
                      "--cache", str(cache), "--for", "5"])
    assert code == 6
    err = capsys.readouterr().err
    assert "sync: error: cache file" in err and "damaged" in err


def test_export_formats_and_as_of(hub: FakeHub, pwfile: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture) -> None:
    cache = tmp_path / "c"
    res = run(sync_cmd(hub.url, pwfile, cache, "--for", "0.8"))
    assert res.returncode == 0, res.stderr
    first = hub.truth()
    cut = hub.events[-1]["ts"]
    cid = next(iter(first))
    hub.update_case(cid, title="later")
    res = run(sync_cmd(hub.url, pwfile, cache, "--for", "0.8"))
    assert res.returncode == 0, res.stderr

    assert export_main(["--cache", str(cache), "--format", "csv", "--raw"]) == 0
    raw = capsys.readouterr().out
    assert not raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert list(rows[0]) == list(CASE_FIELDS)
    assert {r["id"]: r["title"] for r in rows} == {k: v["title"] for k, v in hub.truth().items()}
    assert rows[0]["unit_id"] == "" and rows[0]["version"] == str(hub.truth()[rows[0]["id"]]["version"])
    assert rows[0]["status"] == hub.truth()[rows[0]["id"]]["status"]  # the protocol's code
    assert rows[0]["reported_at"] == hub.truth()[rows[0]["id"]]["reported_at"]  # UTC

    # the default CSV: a BOM, Chinese headers and words, local (Asia/Shanghai) times
    assert export_main(["--cache", str(cache), "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("\ufeff")
    local = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(local[0]) == [glossary.word("field", f) for f in CASE_FIELDS]
    truth = hub.truth()[local[0]["编号"]]
    assert local[0]["状态"] == glossary.word("status", truth["status"])
    assert local[0]["状态"] != truth["status"]
    assert local[0]["紧急程度"] == glossary.word("priority", truth["priority"])
    assert local[0]["上报时间"] == glossary.local_time(parse_time(truth["reported_at"]))
    assert local[0]["上报时间"] != truth["reported_at"]
    for row in local:
        assert all(not v.isascii() or not v.isalpha() or v.isdigit()
                   for k, v in row.items() if k in ("状态", "紧急程度", "来源"))

    assert export_main(["--cache", str(cache), "--at", cut, "--format", "jsonl"]) == 0
    got = {c["id"]: c for c in map(orjson.loads, capsys.readouterr().out.splitlines())}
    assert got == first and got[cid]["title"] != "later"

    assert export_main(["--cache", str(cache), "--at", "2000-01-01T00:00:00Z"]) == 6
    assert "nothing as old" in capsys.readouterr().err


def test_export_errors(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert export_main(["--cache", str(tmp_path / "missing")]) == 6
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "shift-20261122-0800.sqlite").write_bytes(b"\x00" * 100)
    assert export_main(["--cache", str(tmp_path)]) == 6
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "damaged" in err[0]
    assert export_main(["--cache", str(tmp_path), "--at", "yesterday"]) == 2
    assert export_main(["--cache", str(tmp_path), "--format", "xml"]) == 2
    capsys.readouterr()


def test_module_entry_point_usage() -> None:
    res = run([sys.executable, "-m", "client.cli"])
    assert res.returncode == 2 and "usage" in res.stderr
    assert os.path.exists(ROOT / "client" / "cli.py")


def test_export_csv_defuses_hub_text_that_looks_like_a_formula() -> None:
    from zoneinfo import ZoneInfo

    from client.cli import csv_row

    case = {"id": "CX-1", "version": 1, "title": "=HYPERLINK(\"http://x\")",
            "status": "reported", "priority": "normal", "address": "+1\nb"}
    row = dict(zip(CASE_FIELDS, csv_row(case, raw=False, lang="zh_CN",
                                        zone=ZoneInfo("Asia/Shanghai")), strict=True))
    assert row["title"].startswith("'=") and row["address"] == "'+1 b"
    assert row["status"] == "已上报"
    raw = dict(zip(CASE_FIELDS, csv_row(case, raw=True, lang="zh_CN",
                                        zone=ZoneInfo("Asia/Shanghai")), strict=True))
    assert raw["title"].startswith("'=") and raw["status"] == "reported"
