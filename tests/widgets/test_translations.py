"""The panes' shared words (status, priority, source, action) follow the installed language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console import i18n
from widgets.case_queue import COL_PRIORITY, COL_SOURCE, COL_STATUS, COL_UNIT, CaseQueuePane
from widgets.common import action_text, clear_label_cache, status_text


@pytest.fixture
def language(qapp) -> Iterator:
    """Install a language's translators; remove them (and cached labels) afterwards."""
    installed: list = []

    def use(lang: str) -> None:
        installed.extend(i18n.install(qapp, lang))
        clear_label_cache()

    yield use
    i18n.remove(qapp, installed)
    clear_label_cache()


def _reported_row(pane: CaseQueuePane, world, apply) -> int:
    ev = world.created(priority="critical", source="grid_worker")
    cid = ev["data"]["case"]["id"]
    pane.on_changes(apply(ev))
    row = pane.model.rows.row_of(cid)
    assert row is not None
    return row


@pytest.mark.parametrize(("lang", "status", "priority", "source", "unassigned"), [
    ("zh_CN", "● 已上报", "‼ 特急", "网格员", "— 未派遣"),
    ("en", "● Reported", "‼ Critical", "Grid worker", "— unassigned"),
])
def test_queue_shows_words_in_the_language(qtbot, ctx, world, apply, language, lang, status,
                                           priority, source, unassigned) -> None:
    """A reported case reads 已上报 in the Chinese UI and "Reported" in the English one."""
    language(lang)
    pane = CaseQueuePane(ctx)
    qtbot.addWidget(pane)
    row = _reported_row(pane, world, apply)
    m = pane.model
    assert m.index(row, COL_STATUS).data() == status
    assert m.index(row, COL_PRIORITY).data() == priority
    assert m.index(row, COL_SOURCE).data() == source
    assert m.index(row, COL_UNIT).data() == unassigned


def test_action_words_translated(language) -> None:
    """Lifecycle actions use the command-center words (派遣, 改派, 受理, 办结, 退回, 重办, 结案)."""
    language("zh_CN")
    assert [action_text(a) for a in ("dispatch", "reassign", "accept", "resolve", "return",
                                     "reopen", "close")] == \
        ["派遣", "改派", "受理", "办结", "退回", "重办", "结案"]
    assert status_text("closed") == "已结案"
