"""The Pane base routes Qt's change events to the pane's hooks, only once it is built."""

from __future__ import annotations

from widgets.pane import Pane
from widgets.qt import QApplication, QEvent, QLabel, QPalette, Qt


class Recording(Pane):
    """A pane whose __init__ itself causes a language and a palette change."""

    pane_id = "recording"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.calls: list[str] = []
        # While building: these events must not reach the hooks (the label is not there).
        QApplication.sendEvent(self, QEvent(QEvent.Type.LanguageChange))
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.darkBlue)
        self.setPalette(pal)
        self.label = QLabel("built", self)

    def retranslate(self) -> None:
        self.calls.append(f"retranslate:{self.label.text()}")

    def repalette(self) -> None:
        self.calls.append(f"repalette:{self.label.text()}")


class Deeper(Recording):
    """A subclass of a subclass: built only when the outermost __init__ returns."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        QApplication.sendEvent(self, QEvent(QEvent.Type.LanguageChange))
        self.label.setText("deeper")


def test_hooks_run_after_the_pane_is_built(qtbot, ctx) -> None:
    pane = Recording(ctx)
    qtbot.addWidget(pane)
    assert pane.calls == []
    QApplication.sendEvent(pane, QEvent(QEvent.Type.LanguageChange))
    pal = pane.palette()
    pal.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.darkRed)
    pane.setPalette(pal)
    assert pane.calls == ["retranslate:built", "repalette:built"]


def test_a_subclass_is_built_when_its_own_init_returns(qtbot, ctx) -> None:
    pane = Deeper(ctx)
    qtbot.addWidget(pane)
    assert pane.calls == []
    QApplication.sendEvent(pane, QEvent(QEvent.Type.LanguageChange))
    assert pane.calls == ["retranslate:deeper"]


def test_context_commands_need_a_command_view(qtbot, ctx) -> None:
    """A pane without a command view takes no context commands; one with a view shows
    them in its right-click menu."""
    plain = Recording(ctx)
    qtbot.addWidget(plain)
    assert plain.add_context_command("x", lambda: None) is None

    class WithView(Recording):
        def command_view(self):
            return self.label

    pane = WithView(ctx)
    qtbot.addWidget(pane)
    hits: list[int] = []
    act = pane.add_context_command("Urge", lambda: hits.append(1), name="actX")
    assert act is not None and act in pane.label.actions()
    assert pane.label.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    act.trigger()
    assert hits == [1]
