"""Accounts an ops team can run: a ``--no-demo`` hub has only the accounts the admin adds
(``main.py hub user …``), the password rule and history (``POST /session/password``), a
reset forces a change at the next login, disable/enable, and the auditor role (the whole
hub's audit log, nothing else)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hub import accounts
from hub.db import Database
from hub.seed import DEMO_PASSWORD
from hub.server import start_embedded
from tests.hub.conftest import (
    COUNTY_B,
    Api,
    Crew,
    HubFactory,
    assert_error,
    feed_refusal,
)
from tests.hub.security_helpers import login


def hub_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "hub", *args], capture_output=True,
                          text=True, timeout=180)


def test_no_demo_hub_has_only_the_accounts_the_admin_adds(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    assert hub_cli("jurisdiction", "--db", url, "--sizes", "1,1,1,1").returncode == 0
    added = hub_cli("user", "add", "zhang.wei", "--name", "张伟", "--role", "supervisor",
                    "--post", "P532301", "--db", url)
    assert added.returncode == 0, added.stderr
    temporary = added.stdout.strip().rsplit(": ", 1)[1]
    listed = hub_cli("user", "list", "--db", url)
    assert listed.stdout.split() [:1] == ["zhang.wei"] and "must-change" in listed.stdout
    assert len(listed.stdout.strip().splitlines()) == 1
    hub = start_embedded(url, seed_demo=False)
    try:
        assert login(hub.url, "supervisor-532301", DEMO_PASSWORD)[0] == 401
        api = Api(hub.url)
        status, body = api.login("zhang.wei", temporary)
        assert status == 200 and body["must_change_password"] is True
        assert_error(*api.get("/snapshot"), 403)
        assert feed_refusal(hub.url, api.token) == 403
        assert_error(*api.post("/session/password", {"old": temporary, "new": temporary}),
                     422)
        status, _ = api.post("/session/password", {"old": temporary, "new": "Chuxiong-2026"})
        assert status == 204
        assert api.get("/snapshot")[0] == 200
        again = Api(hub.url)
        status, body = again.login("zhang.wei", "Chuxiong-2026")
        assert status == 200 and body["must_change_password"] is False
        api.http.close()
        again.http.close()
    finally:
        hub.stop()


@pytest.mark.parametrize("weak", ["short1A", "alllowercase", "lower-and-symbols",
                                  "ALLUPPER123", "12345678901"])
def test_password_rule(weak: str) -> None:
    assert accounts.password_problem(weak) is not None
    assert accounts.password_problem(weak + "Aa1!") is None


def test_password_history_of_five(hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    api = Api(hub.url)
    assert api.login("officer-532301")[0] == 200
    passwords = [DEMO_PASSWORD] + [f"Lucheng-{n}x" for n in range(6)]
    for old, new in zip(passwords, passwords[1:], strict=False):
        status, body = api.post("/session/password", {"old": old, "new": new})
        assert status == 204, body
    current = passwords[-1]
    for reused in passwords[-5:]:  # the current one and the four before it
        status, body = api.post("/session/password", {"old": current, "new": reused})
        assert_error(status, body, 422)
        assert "last 5" in body["error"]["message"]
    assert api.post("/session/password", {"old": current, "new": passwords[1]})[0] == 204
    assert_error(*api.post("/session/password", {"old": "wrong", "new": "Another-99x"}), 422)


def test_reset_forces_a_change_and_ends_sessions(hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    api = Api(hub.url)
    assert api.login("officer-532301")[0] == 200
    db = Database(hub.hub.config.db_url)
    temporary = accounts.reset_password(db, "officer-532301")
    db.dispose()
    hub.hub.sessions._cache.clear()  # the 5 s token cache: another process's change
    assert_error(*api.get("/categories"), 401)
    status, body = api.login("officer-532301", temporary)
    assert status == 200 and body["must_change_password"] is True
    assert_error(*api.get("/categories"), 403)


def test_disable_and_enable(hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    assert hub_cli("user", "disable", "officer-532301", "--db",
                   hub.hub.config.db_url).returncode == 0
    assert login(hub.url, "officer-532301", DEMO_PASSWORD)[0] == 401
    assert hub_cli("user", "enable", "officer-532301", "--db",
                   hub.hub.config.db_url).returncode == 0
    assert login(hub.url, "officer-532301", DEMO_PASSWORD)[0] == 200
    bad = hub_cli("user", "add", "x", "--name", "X", "--role", "king", "--post", "P532301",
                  "--db", hub.hub.config.db_url)
    assert bad.returncode == 2


def test_auditor_reads_the_whole_log_and_nothing_else(crew: Crew, hub_url: str) -> None:
    crew.intake.report()
    auditor = Api(hub_url)
    status, body = auditor.login("auditor-532301")
    assert status == 200 and body["user"]["role"] == "auditor"
    status, log = auditor.get("/audit", since=0, limit=1000)
    assert status == 200
    assert {e["actor"] for e in log["entries"]} >= {"intake-532301"}
    other = Api(hub_url)
    assert other.login(f"supervisor-{COUNTY_B}")[0] == 200  # another county's login
    status, log = auditor.get("/audit", since=log["last"], limit=1000)
    assert any(e["actor"] == f"supervisor-{COUNTY_B}" for e in log["entries"])
    for path in ("/snapshot", "/categories", "/events", "/cases/CX-1"):
        assert_error(*auditor.get(path), 403)
    assert_error(*auditor.post("/cases/CX-1/urge", {}), 403)
    assert feed_refusal(hub_url, auditor.token) == 403
    # a county supervisor sees its own county's entries only, chain fields included
    status, log = crew.sup.get("/audit", since=0, limit=1000)
    assert all(e["actor"] != f"supervisor-{COUNTY_B}" for e in log["entries"])
    assert all(len(e["hash"]) == 64 and len(e["prev"]) == 64 for e in log["entries"])
