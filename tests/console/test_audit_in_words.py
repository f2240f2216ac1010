"""The audit log speaks Chinese in the Chinese console: the supervisors' audit tail and the
auditor's window show the reference hub's details (dispatches, refusals, logins) as
sentences with unit names, never the hub's English phrases."""

from __future__ import annotations

import re

import pytest
import requests

from tests.console.conftest import UNIT_GA
from widgets.audit_tail import A_ACTION, A_DETAIL, A_TARGET
from widgets.qt import Qt

#: two or more Latin letters in a row, once case numbers and account names are taken out
ENGLISH = re.compile(r"[A-Za-z]{2,}")
IDS = re.compile(r"CX-[\d-]+|[a-z]+-\d+|U\d+-[A-Z]+")


pytestmark = pytest.mark.usefixtures("chinese")  # tests/conftest.py


def make_entries(hub, hub_user) -> str:
    """A dispatch, a stale-version conflict, a role refusal and a failed login; the case id."""
    boss, officer = hub_user("supervisor-532300"), hub_user("officer-532300")
    case = boss.report()
    base = boss.base + f"/cases/{case['id']}/assign"
    assert boss.http.post(base, json={"unit_id": UNIT_GA, "expected_version": case["version"]},
                          timeout=10).status_code == 200
    assert boss.http.post(base, json={"unit_id": UNIT_GA, "expected_version": case["version"]},
                          timeout=10).status_code == 409
    assert officer.http.post(boss.base + f"/cases/{case['id']}/close", json={"note": "x"},
                             timeout=10).status_code == 403
    assert boss.http.post(boss.base + "/cases", json={"title": ""}, timeout=10).status_code == 422
    assert requests.post(boss.base + "/session", json={"username": "officer-532300",
                                                       "password": "wrong"},
                         timeout=10).status_code == 401
    return case["id"]


def chinese_only(texts: list[str]) -> None:
    for text in texts:
        assert not ENGLISH.search(IDS.sub("", text)), text


def test_the_audit_tail_shows_details_in_chinese(qtbot, hub, hub_user, launch) -> None:
    case_id = make_entries(hub, hub_user)
    console = launch(hub.url, "--user", "supervisor-532300").console
    pane = console.window.panes["audit"]
    pane.poll()
    qtbot.waitUntil(lambda: any(e.get("outcome") == "conflict" for e in pane.entries()),
                    timeout=10000)
    model = pane.model
    cells = [str(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole))
             for r in range(model.rowCount()) for c in (A_ACTION, A_TARGET, A_DETAIL)]
    chinese_only(cells)
    assert "派遣至楚雄市公安局" in cells
    assert f"案件 {case_id} 已被他人修改（现为第 2 版，而非第 1 版）" in cells
    assert "值班员账号无权结案" in cells
    assert "用户名或密码错误" in cells


def test_the_auditors_window_shows_details_in_chinese(qtbot, hub, hub_user, launch) -> None:
    make_entries(hub, hub_user)
    launcher = launch(hub.url, "--user", "auditor-532300", wait=False)
    qtbot.waitUntil(lambda: launcher.audit_viewer is not None, timeout=10000)
    viewer = launcher.audit_viewer
    qtbot.waitUntil(lambda: any(e.get("outcome") == "conflict" for e in viewer.entries),
                    timeout=10000)
    model = viewer.table.model()
    cells = [model.index(r, c).data() for r in range(model.rowCount()) for c in (4, 5, 8)]
    chinese_only(cells)
    assert "派遣至U532301-GA" in cells  # an auditor reads no units: the id stands
    assert "值班员账号无权结案" in cells
