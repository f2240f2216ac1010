"""The client against the project's own hub (``hub.server.start_embedded``).

Skipped until the hub provides ``start_embedded``. The truth is the hub's own
``GET /snapshot``; the mirror's cases must equal it after every scenario.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from client.api import HubClient
from client.cli import cases_as_of
from client.errors import (
    ConflictError,
    ForbiddenError,
    InvalidError,
    NotFoundError,
    SessionExpired,
    UnauthenticatedError,
)
from client.feed import LIVE, SESSION_EXPIRED, Feed
from client.state import State
from hub import seed, server
from tests.client.conftest import pump_until

PW = seed.DEMO_PASSWORD
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real_hub() -> Iterator[object]:
    sizes = None
    if hasattr(seed, "SeedSizes"):
        sizes = seed.SeedSizes(counties=2, towns_per_county=1, villages_per_town=1,
                               grids_per_village=2)
    h = server.start_embedded(sizes=sizes, heartbeat_s=0.5)
    yield h
    h.stop()


def login(hub: object, user: str) -> HubClient:
    c = HubClient(hub.url)  # type: ignore[attr-defined]
    c.login(user, PW)
    return c


def truth(api: HubClient) -> dict[str, dict]:
    return {c["id"]: c for c in api.snapshot()["cases"]}


def new_case(intake: HubClient, sup: HubClient, key: str | None = None) -> dict:
    snap = sup.snapshot()
    cat = sup.categories()[0]
    grid = next(r for r in snap["regions"] if r["level"] == "grid")
    return intake.report(
        {"title": "路灯不亮", "description": "测试", "category": cat["name"],
         "subcategory": cat["subcategories"][0]["code"], "priority": "urgent", "source": "app",
         "region_id": grid["id"], "address": "鹿城南路", "lat": 25.0, "lon": 101.5},
        idempotency_key=key,
    )


def unit_for(sup: HubClient, case: dict) -> str:
    units = sup.snapshot()["units"]
    return units[0]["id"]


def test_mirror_follows_a_whole_lifecycle(real_hub, tmp_path: Path) -> None:
    """Report, dispatch, accept, resolve, reopen, resolve, close, urge: state == snapshot."""
    sup = login(real_hub, "supervisor-532300")
    intake = login(real_hub, "intake-532300")
    feed = Feed(sup, tmp_path / "cache", backoff_initial=0.05, backoff_cap=0.5)
    state = State()
    feed.start()
    try:
        pump_until(feed, state, lambda: feed.status().state == LIVE)
        c = new_case(intake, sup)
        uid = unit_for(sup, c)
        c = sup.assign(c["id"], uid, expected_version=c["version"], note="请处理")
        sup.urge(c["id"], "加快")
        c = sup.case(c["id"])  # protocol 1.1: an urge counts on the case (a new version)
        unit = login(real_hub, f"unit-{uid}")
        c = unit.accept(c["id"], expected_version=c["version"])
        c = unit.resolve(c["id"], note="已修复")
        c = sup.reopen(c["id"], note="未修好")
        c = unit.accept(c["id"]) if c["status"] == "dispatched" else c
        c = unit.resolve(c["id"])
        c = intake.close_case(c["id"], note="回访满意")
        assert c["status"] == "closed" and c["closed_at"]
        t = truth(sup)
        pump_until(feed, state, lambda: state.cases == t)
        assert state.urges_by_case.get(c["id"]) == 1
        assert state.counters.closed >= 1
    finally:
        feed.stop()


def test_typed_errors_from_the_real_hub(real_hub) -> None:
    sup = login(real_hub, "supervisor-532300")
    intake = login(real_hub, "intake-532300")
    officer = login(real_hub, "officer-532301")
    with pytest.raises(UnauthenticatedError):
        HubClient(real_hub.url).login("supervisor-532300", "wrong")
    c = new_case(intake, sup, key="idem-1")
    again = new_case(intake, sup, key="idem-1")
    assert again["id"] == c["id"]  # Idempotency-Key: no second case
    with pytest.raises(ForbiddenError):
        officer.assign(c["id"], unit_for(sup, c))
    with pytest.raises(NotFoundError):
        sup.case("CX-19000101-999999")
    with pytest.raises(InvalidError):
        sup.assign(c["id"], "no-such-unit")
    c2 = sup.assign(c["id"], unit_for(sup, c), expected_version=c["version"])
    with pytest.raises(ConflictError) as ei:
        sup.assign(c["id"], unit_for(sup, c), expected_version=c["version"])
    assert ei.value.current_case is not None and ei.value.current_case["version"] == c2["version"]
    forged = HubClient(real_hub.url, token="forged")
    with pytest.raises(SessionExpired):
        forged.snapshot()


def test_feed_handshake_with_a_dead_token_is_session_expired(real_hub, tmp_path: Path) -> None:
    sup = login(real_hub, "supervisor-532300")
    feed = Feed(sup, tmp_path / "c", backoff_initial=0.05)
    state = State()
    feed.start()
    try:
        pump_until(feed, state, lambda: feed.status().state == LIVE)
        sup.logout()  # DELETE /session: the token is dead from now on
        sup.token = "dead"
        feed._close_ws()  # drop the link: the reconnect handshake must be refused with 401
        pump_until(feed, state, lambda: feed.status().state == SESSION_EXPIRED)
        sup.login("supervisor-532300", PW)
        feed.resume()
        pump_until(feed, state, lambda: feed.status().state == LIVE)
    finally:
        feed.stop()


def test_county_post_sees_only_its_subtree(real_hub, tmp_path: Path) -> None:
    sup = login(real_hub, "supervisor-532300")
    officer = login(real_hub, "officer-532301")
    feed = Feed(officer, tmp_path / "c")
    state = State()
    feed.start()
    try:
        new_case(login(real_hub, "intake-532300"), sup)
        t = truth(officer)
        pump_until(feed, state, lambda: state.cases == t and state.seq == feed.status().hub_latest)
        regions = {r["id"] for r in officer.snapshot()["regions"]}
        assert all(c["region_id"] in regions for c in state.cases.values())
    finally:
        feed.stop()


def test_sync_process_sigkill_against_the_real_hub(real_hub, tmp_path: Path) -> None:
    pw = tmp_path / "pw"
    pw.write_text(PW)
    cache = tmp_path / "cache"
    cmd = [sys.executable, "-m", "client.cli", "sync", "--hub", real_hub.url, "--user",
           "supervisor-532300", "--password-file", str(pw), "--cache", str(cache)]
    sup = login(real_hub, "supervisor-532300")
    intake = login(real_hub, "intake-532300")
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(5):
        new_case(intake, sup)

    def cached() -> bool:
        try:
            return bool(cases_as_of(cache)[0].cases)
        except Exception:  # noqa: BLE001 - not written yet, or the file is mid-creation
            return False

    # killed once it has written (a busy machine may take seconds to start Python),
    # not after a fixed 1.5 s that could end it before it ever ran
    deadline = time.monotonic() + 30
    while not cached() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert cached(), "the first sync wrote nothing in 30 s"
    p.send_signal(signal.SIGKILL)
    p.wait(10)
    for _ in range(5):
        new_case(intake, sup)
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True)
    t = truth(sup)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if cases_as_of(cache)[0].cases == t:
                break
        except Exception:  # noqa: BLE001 - the file may be mid-creation
            pass
        time.sleep(0.1)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=15)
    assert p.returncode == 0, err
    assert cases_as_of(cache)[0].cases == t
