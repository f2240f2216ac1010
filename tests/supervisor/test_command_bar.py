"""The command bar (Ctrl+K, /) on a live console, and F1's list of every shortcut."""

from __future__ import annotations

from console.supervisor.whistles import NoteDialog
from tests.supervisor.conftest import SUPERVISOR, CountingApi, login, report
from widgets.qt import QKeySequence, QMessageBox, QShortcut, Qt


def test_command_bar_goes_to_cases_units_regions_and_runs_commands(qtbot, hub, launch,
                                                                    monkeypatch):
    console = launch(hub.url, "--user", SUPERVISOR).console
    window, session = console.window, console.session
    state = session.state
    intake, boss = login(hub, "intake-532300"), login(hub, SUPERVISOR)
    units = sorted(state.units)[:2]
    case = boss.assign(report(intake, "命令栏测试 路灯")["id"], units[0])
    # the dispatch too, not only the report (only a case held by a unit can be urged)
    qtbot.waitUntil(lambda: (state.cases.get(case["id"]) or {}).get("unit_id") == units[0],
                    timeout=15000)
    bar = window.command_bar
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    bar.hide()
    window.panes["queue"].view.setFocus()
    qtbot.keyClick(window.panes["queue"].view, Qt.Key.Key_Slash)
    assert bar.isVisible()
    # a case ID: Enter goes to it (an explicit gesture: the selection follows)
    qtbot.keyClicks(bar.edit, case["id"][-6:])
    assert bar.suggestions.count() >= 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert session.selected == case["id"] and not bar.isVisible()
    # a region name narrows the console
    index = session.region_index()
    town = next(r for r in index.chain(state.cases[case["id"]]["region_id"])
                if index.level(r) == "town")
    bar.open_bar(index.name(town))
    assert bar.run()
    assert session.scope.region_id == town
    session.select_region(None)
    # 督办: the confirmation names the case; the urge goes to that case
    counter = CountingApi(session.api)
    shown: list[str] = []

    def accept(self: NoteDialog) -> int:
        from widgets.qt import QLabel
        shown.append("\n".join(w.text() for w in self.findChildren(QLabel)))
        return NoteDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", accept)
    bar.open_bar("督办 " + case["id"])
    assert bar.run()
    assert case["id"] in shown[-1] and "命令栏测试 路灯" in shown[-1]
    # 改派 … → unit, confirmed with both named
    asked: list[str] = []

    def yes(self: QMessageBox) -> int:
        asked.append(self.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", yes)
    unit_name = session.unit_name(units[1])
    bar.open_bar(f"改派 {case['id']} → {unit_name}")
    assert bar.run()
    assert case["id"] in asked[-1] and unit_name in asked[-1]
    qtbot.waitUntil(lambda: bool(counter.of("urge") and counter.of("assign")), timeout=15000)
    assert counter.of("urge")[0][0][0] == case["id"]
    assert counter.of("assign")[0][0][:2] == (case["id"], units[1])


def test_f1_lists_every_shortcut_from_the_actions_themselves(qtbot, hub, launch):
    console = launch(hub.url, "--user", SUPERVISOR).console
    window = console.window
    listed = {key for _, key in window.shortcut_list()}
    native = QKeySequence.SequenceFormat.NativeText
    keys = {seq.toString(native) for act in window.actions() for seq in act.shortcuts()}
    keys |= {sc.key().toString(native) for sc in window.findChildren(QShortcut)
             if sc.isEnabled()}
    keys.discard("")
    assert keys <= listed
    assert {"Ctrl+K", "/", "F1", "Ctrl+Shift+U", "Ctrl+R", "Ctrl+M"} <= listed
    window.show_shortcuts()
    table = window._shortcuts_dialog.table
    assert table.rowCount() == len(window.shortcut_list())
    texts = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert all(t.strip() for t in texts)
