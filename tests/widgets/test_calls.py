"""Video calls: only https links open, and only after confirmation."""

from __future__ import annotations

import pytest

from widgets.calls import CallsPane, safe_call_url
from widgets.qt import QMessageBox


@pytest.fixture
def opened() -> list:
    return []


def make(qtbot, ctx, opened) -> CallsPane:
    p = CallsPane(ctx, opener=lambda url: opened.append(url.toString()))
    qtbot.addWidget(p)
    return p


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "file:///etc/passwd", "http://meet.example.cn/r/1",
    "https://", "https://user:pw@evil.example/x", "https://meet.example.cn/r/1\u202e",
    "https://meet.example.cn/ r", "data:text/html,<script>alert(1)</script>", "", None, 42,
])
def test_refused_urls(url) -> None:
    assert safe_call_url(url) is None


def test_javascript_link_refused_and_never_opened(qtbot, ctx, world, apply, opened,
                                                  monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(1) or
                        QMessageBox.StandardButton.Yes)
    p = make(qtbot, ctx, opened)
    p.on_changes(apply(world.call(url="javascript:alert(1)", cid="C-js")))
    row = next(r for r in range(p.model.rowCount()) if p.rows[r]["id"] == "C-js")
    assert p.model.index(row, 4).data().startswith("✕ link refused")
    assert p.join("C-js") is False
    assert opened == [] and asked == []
    assert "Link refused" in p.note.text()


def test_https_opens_only_after_confirmation(qtbot, ctx, world, apply, opened,
                                             monkeypatch) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: answers.pop(0))
    p = make(qtbot, ctx, opened)
    p.on_changes(apply(world.call(url="https://meet.example.cn/room/42", cid="C-ok")))
    assert p.join("C-ok") is False  # declined
    assert opened == []
    assert p.join("C-ok") is True
    assert opened == ["https://meet.example.cn/room/42"]


def test_call_end_removes_row_and_read_only_has_no_join(qtbot, state, world, apply,
                                                        opened) -> None:
    from testkit.pane_context import FakeContext

    ctx = FakeContext(state, world, role="wall", read_only=True)
    p = make(qtbot, ctx, opened)
    p.on_changes(apply(world.call(cid="C-1")))
    assert p.model.rowCount() == 1
    assert p.join_button.isHidden()
    assert p.join("C-1") is False and opened == []
    p.on_changes(apply(world.call(cid="C-1", ended=True)))
    assert p.model.rowCount() == 0
