"""The audit log's SM3 chain exactly as protocol 1.1 defines it, checked by an independent
implementation here; ``hub audit verify`` finds an edited, deleted or inserted entry and
names it; ``hub audit export`` (CSV + signature line); retention moves old entries to an
archive file with the chain's anchor; a command refused for its token (401) is audited."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from hub import audit_chain, audit_export
from hub.audit import add_entry
from hub.db import Database
from hub.timeutil import utcnow
from tests.hub.conftest import Api, HubFactory, report_body


def independent_hash(entry: dict) -> str:
    """hex SM3 of prev + canonical JSON without hash (keys sorted, no spaces, UTF-8)."""
    body = {k: v for k, v in entry.items() if k != "hash"}
    data = entry["prev"].encode() + json.dumps(body, sort_keys=True, separators=(",", ":"),
                                               ensure_ascii=False).encode("utf-8")
    return hashlib.new("sm3", data).hexdigest()


def hub_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "hub", *args], capture_output=True,
                          text=True, timeout=180)


def busy_hub(hub_factory: HubFactory) -> tuple[str, Api]:
    hub = hub_factory.start()
    intake = Api(hub.url)
    assert intake.login("intake-532301")[0] == 200
    for _ in range(3):
        intake.report()
    intake.post("/cases", report_body(title=""))  # an audited refusal
    auditor = Api(hub.url)
    assert auditor.login("auditor-532300")[0] == 200
    return hub.hub.config.db_url, auditor


def test_chain_matches_the_protocol(hub_factory: HubFactory) -> None:
    _url, auditor = busy_hub(hub_factory)
    entries = auditor.get("/audit", since=0, limit=1000)[1]["entries"]
    assert len(entries) == 6  # 2 logins, 3 reports, 1 refused report
    prev = "0" * 64
    for entry in entries:
        assert entry["prev"] == prev
        assert entry["hash"] == independent_hash(entry)
        prev = entry["hash"]
    assert {e["outcome"] for e in entries} >= {"ok", "invalid"}


def test_verify_finds_an_edited_entry(hub_factory: HubFactory) -> None:
    url, _ = busy_hub(hub_factory)
    ok = hub_cli("audit", "verify", "--db", url)
    assert ok.returncode == 0 and "chain intact" in ok.stdout
    db = Database(url)
    with db.write_engine.begin() as conn:
        conn.execute(text("UPDATE audit SET detail = 'nothing to see' WHERE id = 3"))
    db.dispose()
    broken = hub_cli("audit", "verify", "--db", url)
    assert broken.returncode == 1
    assert "entry 3: hash does not match" in broken.stdout


@pytest.mark.parametrize("victim", ["middle", "last"])
def test_verify_finds_a_deleted_entry(hub_factory: HubFactory, victim: str) -> None:
    url, _ = busy_hub(hub_factory)
    db = Database(url)
    with db.write_engine.begin() as conn:
        last = conn.execute(text("SELECT max(id) FROM audit")).scalar_one()
        gone = 4 if victim == "middle" else last
        conn.execute(text(f"DELETE FROM audit WHERE id = {gone}"))
    verdict = audit_chain.verify(db)
    db.dispose()
    assert not verdict.ok
    if victim == "middle":
        assert verdict.broken_id == 5 and "deleted or inserted" in verdict.reason
    else:
        assert verdict.broken_id == last and "deleted" in verdict.reason


def test_verify_finds_an_inserted_entry(hub_factory: HubFactory) -> None:
    url, _ = busy_hub(hub_factory)
    db = Database(url)
    with db.write_engine.begin() as conn:
        row = dict(conn.execute(text("SELECT * FROM audit WHERE id = 2")).mappings().one())
        row.update(id=2_000_000, detail="forged")
        cols = ", ".join(row)
        conn.execute(text(f"INSERT INTO audit ({cols}) VALUES "
                          f"({', '.join(':' + c for c in row)})"), row)
    verdict = audit_chain.verify(db)
    db.dispose()
    assert not verdict.ok and verdict.broken_id == 2_000_000


def test_export_with_signature(hub_factory: HubFactory, tmp_path: Path) -> None:
    url, _ = busy_hub(hub_factory)
    key = tmp_path / "key"
    key.write_bytes(b"county audit key")
    out = tmp_path / "audit.csv"
    day = utcnow().date()
    done = hub_cli("audit", "export", "--db", url, "--from", str(day),
                   "--to", str(day + timedelta(days=1)), "--out", str(out),
                   "--key-file", str(key))
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,at,actor,role,action")
    assert lines[-2].startswith("# chain: entries=") and lines[-1].startswith(
        "# signature: hmac-sm3=")
    assert audit_export.check(out, b"county audit key")
    assert not audit_export.check(out, b"another key")
    out.write_text(out.read_text(encoding="utf-8").replace("intake-532301", "intake-532302"),
                   encoding="utf-8")
    assert not audit_export.check(out, b"county audit key")


def test_retention_moves_the_oldest_entries(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    db = Database(url)
    from hub.bootstrap import prepare

    prepare(db, seed_demo=False, sizes=None)
    now = utcnow()
    with db.write() as tx:
        for n in range(10):
            add_entry(tx.session, actor=f"user{n}", role="officer", action="urge",
                      target="C1", outcome="ok", addr="", detail="",
                      region_path="/532300/", at=now - timedelta(days=190 - n * 3))
    with pytest.raises(ValueError, match="at least 180 days"):
        audit_chain.archive(db, 90, tmp_path / "archive")
    path = audit_chain.archive(db, 180, tmp_path / "archive")
    assert path is not None and path.name == "audit-000000000001-000000000004.jsonl"
    archived = audit_chain.verify_archive(path)
    assert archived.ok and archived.checked == 4  # 190, 187, 184, 181 days old
    kept = audit_chain.verify(db)
    assert kept.ok and kept.checked == 6  # verified from the anchor
    done = hub_cli("audit", "verify", "--archive", str(path))
    assert done.returncode == 0 and "4 entries" in done.stdout
    with db.write() as tx:  # the chain goes on after archiving
        add_entry(tx.session, actor="new", role="officer", action="urge", target="C2",
                  outcome="ok", addr="", detail="", region_path="/532300/")
    assert audit_chain.verify(db).checked == 7
    db.dispose()


def test_unauthenticated_commands_are_audited(hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    resp = requests.post(f"{hub.url}/api/v1/cases/CX-1/assign", json={"unit_id": "x"},
                         headers={"Authorization": "Bearer forged"}, timeout=10)
    assert resp.status_code == 401
    auditor = Api(hub.url)
    assert auditor.login("auditor-532300")[0] == 200
    entries = auditor.get("/audit", since=0, limit=1000)[1]["entries"]
    refused = [e for e in entries
               if e["action"] == "POST" and e["target"] == "/api/v1/cases/CX-1/assign"]
    assert len(refused) == 1 and refused[0]["outcome"] == "denied"
    assert refused[0]["addr"] == "127.0.0.1" and refused[0]["detail"] == "unknown token"
