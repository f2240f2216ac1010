"""One glossary: the console, the wall, the review and the CSV say the same words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from client import glossary
from console import i18n
from console.review.window import FILTER_TYPES
from console.wall.pages import KPI_CAPTIONS, PAGE_TITLES
from tests.console.test_words import offending
from widgets import common
from widgets.qt import QCoreApplication

PLACEHOLDER = re.compile(r"\{\w*\}")
TS_ZH = Path(__file__).resolve().parents[2] / "resources" / "translations" / "commandpost_zh_CN.ts"


@pytest.fixture
def chinese(qapp):
    installed = i18n.install(qapp, "zh_CN")
    common.clear_label_cache()
    yield
    i18n.remove(qapp, installed)
    common.clear_label_cache()


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
