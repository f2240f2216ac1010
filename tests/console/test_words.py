"""Nothing raw or English in the Chinese UI: every pane's visible strings under zh_CN are
walked, and any ASCII-only word that is not an ID, a number or a unit fails the test."""

from __future__ import annotations

import re

from client.api import HubClient
from hub.seed import DEMO_PASSWORD
from tests.console.conftest import HubUser
from widgets.qt import QAbstractItemView, QApplication, QLabel, QModelIndex, Qt, QtWidgets

#: ASCII words allowed in Chinese text: units and symbols of measure
UNITS = {"km", "m", "s", "ms", "h", "min", "px", "pt", "x", "GB", "MB", "KB"}
WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
DURATION = re.compile(r"-?\d+[dhm](?:\d+[hm])?")
#: key names in shortcut hints (Ctrl+Shift+W, Enter, F1) and menu mnemonics (&S)
KEYS = re.compile(r"(?:(?:Ctrl|Shift|Alt|Meta)\+)*(?:[A-Z0-9]|F\d{1,2}|Enter|Esc|Tab|Del|"
                  r"Delete|Return|Space|Home|End|PgUp|PgDown|Up|Down|Left|Right)|&[A-Za-z]")


def offending(text: str, allowed: set[str]) -> list[str]:
    """ASCII-only words of ``text`` that are not IDs (tokens with digits or dashes in an
    identifier), numbers, units or explicitly allowed names."""
    bad = []
    for token in re.split(r"[\s·,，。：:;；()（）\[\]【】“”\"'/|→←↩▶✓■●◆◇⚠◔…!?！？]+", text):
        if not token or not token.isascii():
            continue
        if DURATION.fullmatch(token):
            bad.append(token)  # an English countdown (3h05m, -0m)
            continue
        if any(ch.isdigit() for ch in token) or token.startswith(("http://", "https://")):
            continue  # IDs (CX-20261130-000001, U532301-GA), numbers, times, links
        if token in allowed or token.lower() in {u.lower() for u in UNITS}:
            continue
        if KEYS.fullmatch(token):
            continue
        if WORD.search(token):
            bad.append(token)
    return bad


def visible_strings(window) -> list[tuple[str, str]]:
    """``(where, text)`` of what the window shows, every pane brought to the front in
    turn: labels, buttons, tabs, dock titles, headers, combo boxes, line edits' hints,
    menus, and the first rows of every item view."""
    out: list[tuple[str, str]] = [("title", window.windowTitle())]
    for dock in window.docks.values():
        out.append(("dock", dock.windowTitle()))
        dock.show()
        dock.raise_()
        QApplication.processEvents()
        out += strings_of(dock, dock)
    out += strings_of(window.statusBar(), window)
    for act in window.menuBar().actions():
        out.append(("menu", act.text()))
        if act.menu() is not None:
            out += [("menu", a.text()) for a in act.menu().actions()]
    return out


def strings_of(root, top) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for w in root.findChildren(QtWidgets.QWidget):
        if not w.isVisibleTo(top):
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QtWidgets.QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QtWidgets.QTabBar):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QtWidgets.QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QtWidgets.QLineEdit):
            out.append((name, w.placeholderText()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            root_index = QModelIndex()
            try:
                cols = m.columnCount(root_index)
            except TypeError:  # a list model keeps columnCount private
                cols = 1
            for c in range(cols):
                out.append((name + ":header",
                            str(m.headerData(c, Qt.Orientation.Horizontal) or "")))
            for r in range(min(m.rowCount(root_index), 30)):
                for c in range(cols):
                    v = m.index(r, c).data()
                    if isinstance(v, str):
                        out.append((name, v))
    return out




def test_chinese_ui_has_no_raw_or_english_words(qtbot, hub, launch, chinese):
    intake = HubUser(hub.url, "intake-532300")
    boss = HubClient(hub.url)
    boss.login("supervisor-532300", DEMO_PASSWORD)
    case = intake.report("词语检查")
    launcher = launch(hub.url, "--user", "supervisor-532300", "--lang", "zh_CN",
                      "--geometry", "1920x1080", "--layout", "hd", "--lock-after", "0")
    window = launcher.console.window
    state = launcher.console.session.state
    qtbot.waitUntil(lambda: case["id"] in state.cases, timeout=15000)
    unit = sorted(state.units)[0]
    boss.assign(case["id"], unit)
    boss.urge(case["id"], "尽快")
    # the urge too: its words are among those checked (it comes after the assignment)
    qtbot.waitUntil(lambda: state.cases[case["id"]].get("unit_id") == unit
                    and state.urges_by_case.get(case["id"]) == 1, timeout=15000)
    launcher.console.session.select_case(case["id"])
    for _ in range(3):
        launcher.console.bridge.pump()
        qtbot.wait(400)
    for pane in window.panes.values():
        flush = getattr(pane, "flush", None)
        if callable(flush):
            flush()
    QApplication.processEvents()
    allowed = {"supervisor", window.session.username}  # the login name is an identifier
    found = {(where, text, tuple(offending(text, allowed)))
             for where, text in visible_strings(window) if offending(text, allowed)}
    assert not found, "\n".join(f"{w}: {t!r} → {b}" for w, t, b in sorted(found))
