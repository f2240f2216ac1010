"""One glossary: the console, the wall, the review and the CSV say the same words."""

from __future__ import annotations

import re

import pytest

from client import glossary
from console import i18n
from console.review import i18n as review_i18n
from console.wall import strings as wall_strings
from widgets import common


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
        assert common.status_text(code) == word
        assert wall_strings.status_word(code) == word
        en = glossary.word("status", code, "en")
        assert review_i18n.FALLBACK[("CaseStatus", en)] == word
    for code in glossary.table("priority", "zh_CN"):
        assert common.priority_text(code) == glossary.word("priority", code)
        assert wall_strings.priority_word(code) == glossary.word("priority", code)
    for code in glossary.table("source", "zh_CN"):
        assert common.source_text(code) == glossary.word("source", code)
    assert common.format_duration(-3900) == "-1时05分"
    assert common.format_duration(-20) == "0分"


def test_audit_detail_in_words() -> None:
    names = {"U1": "楚雄市公安局"}
    text = glossary.audit_detail("dispatch unit=U1", "zh_CN", lambda u: names.get(u, u))
    assert text == "派遣 单位=楚雄市公安局"
    assert glossary.audit_detail("unit=U1 (no change)", "zh_CN") == "单位=U1 （无变化）"
