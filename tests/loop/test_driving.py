"""Driving the closed loop from the console against the real hub (protocol 1.1): decide
a unit's extension and return, record callbacks (close and rework), merge a duplicate,
close and reopen, a 409 that shows what changed; every dialog names its case."""

from __future__ import annotations

import pytest

from client.timeutil import format_time, parse_time
from console.loop.dialogs import CallbackDialog, DecideDialog, MergeDialog
from tests.loop.conftest import INTAKE, OFFICER, SUPERVISOR, UNIT_USER
from widgets.qt import Qt


def _console(qtbot, launch, hub, user):  # noqa: ANN001
    launcher = launch(hub.url, "--user", user)
    console = launcher.console
    loop = console.session.loop
    qtbot.waitUntil(lambda: loop.supported is not None, timeout=10000)
    assert loop.supported is True
    return console, loop


def _case(console, cid):  # noqa: ANN001
    return console.session.state.cases.get(cid) or {}


def test_supervisor_decides_extension_and_return_from_the_inbox(qtbot, launch, hub, player):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    console, loop = _console(qtbot, launch, hub, SUPERVISOR)
    a = sup.held_case(sup, "路灯延期测试")
    b = sup.held_case(sup, "退单测试")
    until = format_time(parse_time(a["due_at"]) + 3 * 86400)
    unit.post(f"/cases/{a['id']}/extend", {"until": until, "reason": "需要采购配件"})
    unit.post(f"/cases/{b['id']}/return", {"note": "不属于本单位职责"})
    inbox = console.window.panes["inbox"]
    qtbot.waitUntil(lambda: inbox.request_ids() == [a["id"], b["id"]], timeout=10000)
    # the reason the unit gave is in the row, as plain text
    model = inbox.requests.model()
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert "需要采购配件" in texts and a["id"] in texts

    dlg = DecideDialog(console.session, _case(console, a["id"]))
    assert a["id"] in dlg.heading.text() and "路灯延期测试" in dlg.heading.text()
    assert dlg.findChild(type(dlg.heading), "decideReason").text() == "需要采购配件"
    dlg.deleteLater()

    # a pick in the inbox becomes the shared selection; a rebuild never changes it
    # the officer clicks the second request (a programmatic select is not a gesture)
    rect = inbox.requests.visualRect(inbox.requests.model().index(1, 0))
    qtbot.mouseClick(inbox.requests.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert console.session.selected == b["id"]
    console.session.select_case(None)
    inbox._rebuild()
    assert console.session.selected is None and inbox.selected_request() == b["id"]

    assert loop.decide(a["id"], True, "同意延期")
    qtbot.waitUntil(lambda: _case(console, a["id"]).get("pending") is None, timeout=10000)
    c = _case(console, a["id"])
    assert parse_time(c["due_at"]) == pytest.approx(parse_time(until), abs=1)
    assert c["counts"]["extensions"] == 1

    assert loop.decide(b["id"], False, "请继续办理")
    qtbot.waitUntil(lambda: _case(console, b["id"]).get("pending") is None, timeout=10000)
    c = _case(console, b["id"])
    assert c["status"] == "dispatched" and c["unit_id"] is not None
    assert c["counts"]["returns"] == 0
    qtbot.waitUntil(lambda: inbox.request_ids() == [], timeout=15000)


def test_callback_closes_or_sends_back_for_rework(qtbot, launch, hub, player):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    console, loop = _console(qtbot, launch, hub, INTAKE)
    ids = []
    for title in ("回访满意", "回访不满意"):
        c = sup.held_case(sup, title)
        unit.post(f"/cases/{c['id']}/accept")
        unit.post(f"/cases/{c['id']}/resolve", {"note": "已处理"})
        ids.append(c["id"])
    inbox = console.window.panes["inbox"]
    qtbot.waitUntil(lambda: set(ids) <= set(inbox.callback_ids()), timeout=10000)
    dlg = CallbackDialog(console.session, _case(console, ids[0]), may_unmask=True)
    assert ids[0] in dlg.heading.text() and "回访满意" in dlg.heading.text()
    dlg.deleteLater()

    assert loop.callback(ids[0], True, "satisfied", "市民表示满意")
    assert loop.callback(ids[1], False, "dissatisfied", "问题依旧")
    qtbot.waitUntil(lambda: _case(console, ids[0]).get("status") == "closed"
                    and _case(console, ids[1]).get("status") == "dispatched", timeout=10000)
    assert _case(console, ids[0])["satisfaction"] == "satisfied"
    rework = _case(console, ids[1])
    assert rework["counts"]["reworks"] == 1 and rework["sign_due"] is not None
    assert ids[1] not in inbox.callback_ids()


def test_officer_merges_a_duplicate_into_a_suggested_original(qtbot, launch, hub, player):
    sup = player(SUPERVISOR)
    console, loop = _console(qtbot, launch, hub, OFFICER)
    original = sup.report("鹿城南路井盖缺失")
    dup = sup.report("鹿城南路井盖缺失了")
    qtbot.waitUntil(lambda: dup["id"] in console.session.state.cases, timeout=10000)
    dlg = MergeDialog(console.session, _case(console, dup["id"]))
    assert dup["id"] in dlg.heading.text()
    ids = [c.case["id"] for c in dlg.candidates]
    assert original["id"] in ids and dup["id"] not in ids
    assert dlg.pick(original["id"]) and dlg.into == original["id"]
    dlg.deleteLater()
    assert loop.merge(dup["id"], original["id"], "重复上报")
    qtbot.waitUntil(lambda: _case(console, dup["id"]).get("status") == "closed", timeout=10000)
    assert _case(console, dup["id"])["merged_into"] == original["id"]
    assert _case(console, original["id"])["status"] != "closed"


def test_close_and_reopen_a_resolved_case(qtbot, launch, hub, player):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    console, loop = _console(qtbot, launch, hub, SUPERVISOR)
    ids = []
    for _ in range(2):
        c = sup.held_case(sup)
        unit.post(f"/cases/{c['id']}/accept")
        unit.post(f"/cases/{c['id']}/resolve")
        ids.append(c["id"])
    qtbot.waitUntil(lambda: all(_case(console, i).get("status") == "resolved" for i in ids),
                    timeout=10000)
    assert loop.allowed("close", _case(console, ids[0]))
    assert loop.close(ids[0], "回访已确认")
    assert loop.reopen(ids[1], "复核未通过")
    qtbot.waitUntil(lambda: _case(console, ids[0]).get("status") == "closed"
                    and _case(console, ids[1]).get("status") == "dispatched", timeout=10000)


def test_a_stale_decision_shows_what_changed_and_changes_nothing(qtbot, launch, hub, player):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    console, loop = _console(qtbot, launch, hub, SUPERVISOR)
    a = sup.held_case(sup, "冲突测试")
    unit.post(f"/cases/{a['id']}/extend", {"until": format_time(parse_time(a["due_at"]) + 86400),
                                           "reason": "等待"})
    qtbot.waitUntil(lambda: isinstance(_case(console, a["id"]).get("pending"), dict),
                    timeout=10000)
    seen = dict(_case(console, a["id"]))
    # another supervisor decides first: the console's version is now stale
    sup.post(f"/cases/{a['id']}/decide", {"approve": False, "note": "另一位主管"})
    asked = []
    loop.ask_conflict = lambda what, s, cur: asked.append((what, s, cur)) or True
    assert loop._command("decide", a["id"], lambda api, v: api.decide(
        a["id"], True, expected_version=v), "decide {case}", seen=seen)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    what, s, cur = asked[0]
    assert what == "decide" and s["version"] == seen["version"]
    assert cur["version"] > seen["version"] and cur["pending"] is None
    # the retry is not sent: there is nothing left to decide
    n = loop.requests
    qtbot.wait(200)
    assert loop.requests == n
    assert sup.case(a["id"])["counts"]["extensions"] == 0


def test_roles_see_only_their_loop_commands(qtbot, launch, hub):
    console, loop = _console(qtbot, launch, hub, OFFICER)
    ui = console.loop_ui
    assert set(ui.menu_actions) == {"merge"}
    assert loop.can("merge") and not loop.can("decide") and not loop.can("callback")
    inbox = console.window.panes["inbox"]
    assert not inbox.approve_button.isVisibleTo(inbox)


def test_callback_dialog_shows_the_reporter_masked_and_unmasks_on_request(qtbot, launch, hub,
                                                                           player):
    sup, unit = player(SUPERVISOR), player(UNIT_USER)
    console, loop = _console(qtbot, launch, hub, SUPERVISOR)
    body = {"title": "回访号码", "description": "d", "category": "环境卫生",
            "subcategory": "垃圾清运不及时", "priority": "normal", "source": "hotline",
            "region_id": "53230110120101", "address": "鹿城南路 1 号", "lat": 25.03,
            "lon": 101.54, "reporter": {"name": "张三丰", "phone": "13812345678"}}
    c = sup.post("/cases", body)
    sup.post(f"/cases/{c['id']}/assign", {"unit_id": "U532301-GA"})
    unit.post(f"/cases/{c['id']}/accept")
    unit.post(f"/cases/{c['id']}/resolve")
    qtbot.waitUntil(lambda: _case(console, c["id"]).get("status") == "resolved", timeout=10000)
    dlg = CallbackDialog(console.session, _case(console, c["id"]), may_unmask=True)
    shown = dlg.reporter.text()
    assert "张三丰" not in shown and "13812345678" not in shown and "5678" in shown
    assert dlg.unmask_button.isVisibleTo(dlg)
    dlg.unmask_button.click()
    qtbot.waitUntil(lambda: "13812345678" in dlg.reporter.text(), timeout=10000)
    dlg.deleteLater()
    officer_dlg = CallbackDialog(console.session, _case(console, c["id"]), may_unmask=False)
    assert not officer_dlg.unmask_button.isVisibleTo(officer_dlg)
    officer_dlg.deleteLater()
