"""The dialogs a user opens most — reassign, conflict, whistle, video call, urge, decide,
callback, merge, close, the monthly report, a drill — under zh_CN, on the real hub's cases:
no English word or raw code in them, and each fits a 1366×768 screen."""

from __future__ import annotations

from client.assessment import Weights
from client.timeutil import format_time, parse_time
from console.loop.board import DrillDialog
from console.loop.dialogs import CallbackDialog, CaseNoteDialog, DecideDialog, MergeDialog
from console.loop.report_dialog import MonthlyReportDialog
from console.supervisor.reassign_dialogs import ConflictDialog, UnitPicker
from console.supervisor.whistles import CallDialog, NoteDialog, WhistleDialog
from tests.console.test_words import offending, strings_of
from tests.loop.conftest import INTAKE, SUPERVISOR, UNIT_USER
from widgets.qt import QApplication

#: file formats are named as they are
ALLOWED = {"PDF", "CSV"}




def test_the_dialogs_speak_chinese_and_fit_a_small_screen(qtbot, launch, hub, player,
                                                          chinese) -> None:
    sup, unit, intake = player(SUPERVISOR), player(UNIT_USER), player(INTAKE)
    held = sup.held_case(sup, "路灯延期测试")
    until = format_time(parse_time(held["due_at"]) + 3 * 86400)
    unit.post(f"/cases/{held['id']}/extend", {"until": until, "reason": "需要采购配件"})
    plain = sup.held_case(sup, "没有申请的案件")
    dup = intake.report("路灯不亮")
    launcher = launch(hub.url, "--user", SUPERVISOR, "--lang", "zh_CN", "--lock-after", "0")
    s = launcher.console.session
    ids = (held["id"], plain["id"], dup["id"])
    qtbot.waitUntil(lambda: all(c in s.state.cases for c in ids)
                    and bool(s.state.cases[held["id"]].get("pending")), timeout=10000)
    case = s.state.cases[held["id"]]
    other = next(u for u in sorted(s.state.units) if u != case.get("unit_id"))
    now = dict(case, unit_id=other, version=case["version"] + 1, status="resolved")
    dialogs = {
        "reassign": UnitPicker(s, [held["id"]], other),
        "conflict": ConflictDialog(s, case, now, other),
        "whistle": WhistleDialog(s, held["id"]),
        "call": CallDialog(s, held["id"]),
        "urge": NoteDialog("督办", "提醒承办单位"),
        "decide": DecideDialog(s, case),
        "decide-nothing-pending": DecideDialog(s, s.state.cases[plain["id"]]),
        "callback": CallbackDialog(s, case, may_unmask=True),
        "merge": MergeDialog(s, s.state.cases[dup["id"]]),
        "close": CaseNoteDialog("关闭", "关闭此案件", case, "关闭"),
        "report": MonthlyReportDialog(s, Weights()),
        "drill": DrillDialog(s, "下钻", [(held["id"], "✓")], True),
    }
    found = []
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        texts = [("title", dialog.windowTitle())] + strings_of(dialog, dialog)
        assert len(texts) > 3, name
        found += [(name, where, text) for where, text in texts if offending(text, ALLOWED)
                  or text == "None"]
        need = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        assert need.width() <= 1366 and need.height() <= 728, (name, need)
        dialog.hide()
    assert not found, "\n".join(map(str, found))
    # the unit picker's load is in words, the decide dialog names the request
    picker = dialogs["reassign"].list.model()
    assert "负荷" in picker.index(0, 0).data()
    assert "延期申请" in [t for _w, t in strings_of(dialogs["decide"], dialogs["decide"])]
