"""Fixtures of the loop tests: the console tests' real embedded hub and consoles, plus a
hub session that plays the units and intake over plain HTTP."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.console.conftest import UNIT_GA, HubUser, hub, launch, live  # noqa: F401

SUPERVISOR = "supervisor-532300"
OFFICER = "officer-532300"
INTAKE = "intake-532300"
UNIT_USER = f"unit-{UNIT_GA}"


class Player(HubUser):
    """A demo account driving the hub over HTTP (raises on a non-2xx answer)."""

    def post(self, path: str, body: dict | None = None, ok: bool = True) -> dict:
        r = self.http.post(self.base + path, json=body or {}, timeout=10)
        if ok:
            assert r.status_code < 300, (path, r.status_code, r.text)
        return r.json()

    def get(self, path: str, **params) -> dict:
        r = self.http.get(self.base + path, params=params, timeout=10)
        assert r.status_code == 200, r.text
        return r.json()

    def held_case(self, sup: Player, title: str | None = None) -> dict:
        """A new case (reported by ``self``) dispatched by ``sup`` to the GA unit."""
        case = self.report(title)
        return sup.post(f"/cases/{case['id']}/assign", {"unit_id": UNIT_GA, "note": "测试"})


@pytest.fixture
def player(hub) -> Callable[[str], Player]:  # noqa: F811
    return lambda username: Player(hub.url, username)
