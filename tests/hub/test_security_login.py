"""Login hardening: the lockout counted before the hash (a parallel burst gets at most 5
checks), lockout by name and by source address (one address cannot lock every account),
live sessions of a locked name keep working, an admin unlocks, and a bounded hash pool
(a flood gets 429, never more hashes at once than the pool has)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hub.seed import DEMO_PASSWORD
from tests.hub.conftest import SMALL_SIZES, Api, HubFactory, assert_error
from tests.hub.security_helpers import login, parallel_logins, session_from

NAME = "supervisor-532301"


def test_parallel_burst_gets_at_most_five_checks(hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    answers = parallel_logins(hub.url, [(NAME, f"wrong-{n}") for n in range(40)])
    statuses = [status for status, _ in answers]
    assert statuses.count(401) == 5 and statuses.count(429) == 35, statuses
    assert hub.hub.sessions.guard.pool.peak <= hub.hub.config.hash_workers
    # the burst used up the name's five tries: even the right password waits now
    assert_error(*login(hub.url, NAME, DEMO_PASSWORD), 429)


def test_right_password_in_a_burst_is_checked_at_most_with_four_wrong(
        hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    attempts = [(NAME, f"wrong-{n}") for n in range(39)] + [(NAME, DEMO_PASSWORD)]
    statuses = [status for status, _ in parallel_logins(hub.url, attempts)]
    assert statuses.count(401) + statuses.count(200) <= 5, statuses


def test_one_address_cannot_lock_every_account(hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    names = sorted(u.username for u in hub_users())
    attacker = session_from("127.0.0.1")
    for name in names:
        for n in range(5):
            status, _ = login(hub.url, name, f"guess-{n}", attacker)
            assert status in (401, 429)
    assert_error(*login(hub.url, names[-1], DEMO_PASSWORD, attacker), 429)  # throttled
    others = session_from("127.0.0.2")
    locked = [n for n in names if login(hub.url, n, DEMO_PASSWORD, others)[0] == 429]
    limit = hub.hub.config.lockout_addr_failures // hub.hub.config.lockout_failures
    assert len(names) > 10 and len(locked) <= limit, locked


def hub_users() -> list:
    from hub.seed import build_jurisdiction

    return list(build_jurisdiction(SMALL_SIZES).users)


def test_locked_name_keeps_live_sessions_and_admin_unlocks(hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    api = Api(hub.url)
    assert api.login(NAME)[0] == 200
    for n in range(5):
        assert login(hub.url, NAME, f"wrong-{n}")[0] == 401
    assert_error(*login(hub.url, NAME, DEMO_PASSWORD), 429)
    assert api.get("/snapshot")[0] == 200  # the live session works on
    db_url = hub.hub.config.db_url
    done = subprocess.run([sys.executable, "main.py", "hub", "user", "unlock", NAME,
                           "--db", db_url], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "unlocked (5 failed logins forgotten)" in done.stdout
    assert login(hub.url, NAME, DEMO_PASSWORD)[0] == 200
    status, body = Api(hub.url).get("/snapshot")
    assert status == 401


def test_hash_pool_bounds_a_flood(hub_factory: HubFactory) -> None:
    hub = hub_factory.start(hash_workers=2, hash_queue=2, lockout_addr_failures=10_000)
    answers = parallel_logins(hub.url, [(f"nobody-{n}", "x") for n in range(30)])
    statuses = [status for status, _ in answers]
    busy = [b for s, b in answers if s == 429]
    assert busy and all("busy" in b["error"]["message"] for b in busy), statuses
    assert statuses.count(401) + len(busy) == 30
    pool = hub.hub.sessions.guard.pool
    assert pool.peak <= 2 and pool.refused == len(busy)


def test_refusals_are_audited(hub_factory: HubFactory) -> None:
    hub = hub_factory.start()
    for n in range(6):
        login(hub.url, NAME, f"wrong-{n}")
    auditor = Api(hub.url)
    assert auditor.login("auditor-532300")[0] == 200
    status, body = auditor.get("/audit", since=0, limit=1000)
    assert status == 200
    mine = [e for e in body["entries"] if e["target"] == NAME and e["action"] == "login"]
    assert [e["outcome"] for e in mine] == ["denied"] * 6
    assert "15 minutes" in mine[-1]["detail"]


def test_behind_a_trusted_proxy_the_lockout_and_the_audit_see_the_client(
        hub_factory: HubFactory) -> None:
    """Behind nginx (docs/deploy.md) every login came from the proxy's address: 20 bad
    guesses by anyone locked out every user. With ``--trusted-proxy`` the client that the
    proxy appended to X-Forwarded-For is throttled and audited; what a client writes to
    the left of it, or sends directly to the hub, is not believed."""
    from sqlalchemy import select

    from hub.models import AuditEntry

    hub = hub_factory.start(trusted_proxies=("127.0.0.1",), lockout_addr_failures=6)
    proxy = session_from("127.0.0.1")

    def via_proxy(name: str, password: str, client: str) -> int:
        resp = proxy.post(f"{hub.url}/api/v1/session", timeout=60,
                          json={"username": name, "password": password},
                          headers={"X-Forwarded-For": f"198.51.100.7, {client}"})
        return resp.status_code

    names = sorted(u.username for u in hub_users())
    for name in names[:2]:  # 10 failures from 10.0.0.1: past its limit of 6
        for n in range(5):
            assert via_proxy(name, f"guess-{n}", "10.0.0.1") in (401, 429)
    assert via_proxy(names[-1], DEMO_PASSWORD, "10.0.0.1") == 429  # that client is throttled
    assert via_proxy(names[-1], DEMO_PASSWORD, "10.0.0.2") == 200  # another is not
    # directly from 127.0.0.2 (not a trusted proxy): the header is ignored
    direct = session_from("127.0.0.2").post(
        f"{hub.url}/api/v1/session", json={"username": names[-2], "password": "wrong"},
        headers={"X-Forwarded-For": "10.0.0.9"}, timeout=60)
    assert direct.status_code == 401
    with hub.hub.db.read() as s:
        addrs = {(e.actor, e.addr) for e in s.scalars(select(AuditEntry))
                 if e.action == "login"}
    assert (names[0], "10.0.0.1") in addrs and (names[-1], "10.0.0.2") in addrs
    assert (names[-2], "127.0.0.2") in addrs
    assert not {a for _, a in addrs} & {"127.0.0.1", "198.51.100.7", "10.0.0.9"}


def test_the_trusted_proxy_rule() -> None:
    from hub.proxies import client_address, parse_trusted

    trusted = parse_trusted(["127.0.0.1", "10.1.0.0/16"])
    assert client_address("127.0.0.1", ["1.2.3.4, 5.6.7.8"], trusted) == "5.6.7.8"
    assert client_address("127.0.0.1", ["1.2.3.4", "5.6.7.8, 10.1.2.3"], trusted) == "5.6.7.8"
    assert client_address("127.0.0.1", ["10.1.9.9, 10.1.2.3"], trusted) == "10.1.9.9"
    assert client_address("127.0.0.1", ["junk"], trusted) == "127.0.0.1"
    assert client_address("127.0.0.1", [], trusted) == "127.0.0.1"
    assert client_address("9.9.9.9", ["1.2.3.4"], trusted) == "9.9.9.9"  # not a proxy
    assert client_address("127.0.0.1", ["1.2.3.4"], ()) == "127.0.0.1"  # none trusted
    assert client_address("127.0.0.1", [" 2001:db8::1 "], trusted) == "2001:db8::1"
    with pytest.raises(ValueError, match="'nginx' is not an IP address"):
        parse_trusted(["nginx"])
