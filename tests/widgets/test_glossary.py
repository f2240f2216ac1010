"""One glossary: the console, the wall, the review and the CSV say the same words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from client import glossary
from console.review.window import FILTER_TYPES
from console.wall.pages.base import PAGE_TITLES
from console.wall.pages.kpi import KPI_CAPTIONS
from tests.console.test_words import offending
from widgets import common
from widgets.qt import QCoreApplication

PLACEHOLDER = re.compile(r"\{\w*\}")
TS_ZH = Path(__file__).resolve().parents[2] / "resources" / "translations" / "commandpost_zh_CN.ts"




def test_chinese_words_are_chinese_and_say_overdue_as_chaoqi() -> None:
    for kind in glossary.kinds():
        for code, word in glossary.table(kind, "zh_CN").items():
            assert not re.fullmatch(r"[\x00-\x7f]+", word), (kind, code, word)
            assert "超时" not in word
    assert glossary.word("time", "overdue") == "超期"
    assert glossary.TODAY_RULE == "00:00"


def test_every_place_uses_the_same_words(chinese) -> None:
    assert common.current_lang() == "zh_CN"
    for code in glossary.table("status", "zh_CN"):
        word = glossary.word("status", code, "zh_CN")
        assert common.status_text(code) == word  # the panes, the wall and the review
    for code in glossary.table("priority", "zh_CN"):
        assert common.priority_text(code) == glossary.word("priority", code)
    for code in glossary.table("source", "zh_CN"):
        assert common.source_text(code) == glossary.word("source", code)
    assert common.format_duration(-3900) == "-1时05分"
    assert common.format_duration(-20) == "0分"


def test_wall_and_review_speak_chinese_from_the_one_translation_file(chinese) -> None:
    """The wall's and the review's words come from commandpost_zh_CN.qm like the panes'."""
    from console.loop.wall_rank import RANK_COLUMNS  # after console.wall (import order)

    translate = QCoreApplication.translate
    assert translate("Wall", PAGE_TITLES["overdue"]) == "超期案件"
    assert translate("Wall", KPI_CAPTIONS["overdue"]) == "当前超期"
    assert translate("Wall", RANK_COLUMNS["score"]) == "得分"
    assert translate("Wall", "{n} overdue").format(n=3) == "共 3 件超期"
    assert translate("Review", "Shift handover report") == "交接班报告"
    assert translate("Review", next(iter(FILTER_TYPES))) == "全部事件"
    assert translate("Review", "Page {n}").format(n=2) == "第 2 页"


@pytest.mark.parametrize("context", ["Wall", "Review"])
def test_wall_and_review_translations_are_complete_and_chinese(context: str) -> None:
    """Every wall and review string has a Chinese translation without raw English words,
    with the same ``{placeholders}`` as its source."""
    tree = ET.parse(TS_ZH)
    messages = [msg for ctx in tree.iter("context") if ctx.findtext("name") == context
                for msg in ctx.iter("message")]
    assert len(messages) > 40
    bad = []
    for msg in messages:
        tr = msg.find("translation")
        text = tr.text if tr is not None else None
        if not text or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            bad.append((msg.findtext("source"), "untranslated"))
        elif offending(PLACEHOLDER.sub("", text), {"CSV", "PDF"}):  # file formats
            bad.append((msg.findtext("source"), text))
        elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(msg.findtext("source"))):
            bad.append((msg.findtext("source"), text))
    assert not bad, bad


def translatable_literals() -> list[tuple[str, int, str]]:
    """``(file, line, source)`` of every literal string the console and the widgets pass to
    ``tr()``, ``translate(context, …)`` or ``QT_TRANSLATE_NOOP(context, …)`` — also those
    inside f-strings, which pyside6-lupdate does not see (so they never reach the .ts)."""
    import ast

    root = TS_ZH.parents[2]
    found = []
    for folder in ("console", "widgets"):
        for path in sorted((root / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                at = 0 if name == "tr" else 1 if name in ("translate", "QT_TRANSLATE_NOOP") \
                    else None
                if at is None or len(node.args) <= at:
                    continue
                arg = node.args[at]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((str(path.relative_to(root)), node.lineno, arg.value))
    return found


def test_every_translatable_string_of_the_console_has_its_chinese() -> None:
    """Each literal handed to tr()/translate() in console/ and widgets/ is a finished
    message of commandpost_zh_CN.ts, so nothing English reaches the Chinese UI through a
    string lupdate could not see (e.g. ``f"{self.tr('load {load:.1f}')}"`` showed
    "load 0.9" in the unit picker)."""
    tree = ET.parse(TS_ZH)
    done = {msg.findtext("source") for msg in tree.iter("message")
            if (msg.find("translation") is not None
                and msg.find("translation").get("type") not in ("unfinished", "vanished",
                                                                "obsolete"))}
    literals = translatable_literals()
    assert len(literals) > 800
    missing = [f"{f}:{line}: {src!r}" for f, line, src in literals if src not in done]
    assert not missing, "\n".join(missing)


def test_the_unit_picker_speaks_chinese(qtbot, chinese, ctx, world) -> None:
    """The "reassign to…" picker under zh_CN: title, question, hint and every unit's line
    (its load included) carry no English word."""
    from console.supervisor.reassign_dialogs import UnitPicker

    cid = next(c for c, v in ctx.state.cases.items() if v.get("unit_id"))
    unit = ctx.state.cases[cid]["unit_id"]
    picker = UnitPicker(ctx, [cid], suggested=unit)
    qtbot.addWidget(picker)
    model = picker.list.model()
    texts = [picker.windowTitle(), picker.label.text(), picker.filter.placeholderText()] + [
        model.index(r, 0).data() for r in range(model.rowCount())]
    assert any("负荷" in t for t in texts[3:])
    allowed = {u["name"] for u in world.units} | {cid}
    bad = [(t, offending(t, allowed)) for t in texts if offending(t, allowed)]
    assert not bad, bad


def test_qts_own_file_dialog_speaks_chinese(qtbot, chinese, tmp_path) -> None:
    """The save dialog of the handover report is Qt's own: the words its qtbase_zh_CN.qm
    lacks ("&Look in:", "Files of &type:", the type column's "Folder") come from ours."""
    from widgets.qt import QtWidgets

    (tmp_path / "folder").mkdir()
    dialog = QtWidgets.QFileDialog(None, "报告", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QtWidgets.QLabel)]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert not [t for t in labels if offending(t.replace("&", ""), set())]
    translate = QCoreApplication.translate
    assert translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"
    assert translate("QAbstractFileIconProvider", "%1 File") == "%1 文件"
