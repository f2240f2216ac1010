"""Translations, themes, shortcuts, and the PySide6 6.12.0 guard."""

from __future__ import annotations

import pytest

from console import i18n, themes
from widgets.qt import QCoreApplication, QKeySequence, QObject, Signal


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN", "视图(&V)"), ("en", "&View")])
def test_translation_loads(qapp, lang, expected):
    """Chinese by default, English with --lang en (a known menu title)."""
    installed = i18n.install(qapp, lang)
    try:
        assert any(not t.isEmpty() for t in installed)
        assert QCoreApplication.translate("MainWindow", "&View") == expected
    finally:
        i18n.remove(qapp, installed)


def test_default_language_is_chinese():
    assert i18n.normalize(None) == "zh_CN"
    assert i18n.normalize("en_US") == "en"


@pytest.mark.parametrize("name", sorted(themes.THEMES))
def test_theme_fills_every_variable(name):
    """Every {{ variable }} of the template exists in every theme."""
    css = themes.render(themes.THEMES[name], 11)
    assert "{{" not in css and "}}" not in css
    assert themes.THEMES[name]["background"] in css


def test_every_action_has_a_shortcut(hub, launch):
    """Every window action has a key, and the Help dialog lists them all."""
    launcher = launch(hub.url, "--user", "supervisor-532300")
    window = launcher.console.window
    for act in window.actions():
        assert not act.shortcut().isEmpty(), act.objectName()
    rows = window.shortcut_list()
    listed = {(text, key) for text, key in rows}
    for act in window.actions():  # every action, plus the panes' own shortcuts
        key = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert (act.text().replace("&", ""), key) in listed, act.objectName()
    assert len(rows) > len(window.actions())
    window.show_shortcuts()
    assert window._shortcuts_dialog.table.rowCount() == len(rows)
    window._shortcuts_dialog.close()


def test_theme_toggle_switches_the_stylesheet(qapp, hub, launch):
    launcher = launch(hub.url, "--user", "officer-532300", "--theme", "day")
    window = launcher.console.window
    window.act_night.trigger()
    assert qapp.property("theme_name") == "night"
    assert themes.NIGHT["background"] in qapp.styleSheet()
    window.act_night.trigger()
    assert qapp.property("theme_name") == "day"


class _Emitter(QObject):
    sig = Signal(int)


def test_ten_thousand_signal_emits(qapp):
    """PySide6 6.12.0 aborts after a few thousand emits (bool refcount); this must pass."""
    e = _Emitter()
    got = []
    e.sig.connect(got.append)
    for i in range(10_000):
        e.sig.emit(i)
    assert len(got) == 10_000


def _enlarged_fonts(window) -> dict[str, tuple[float, int, bool]]:  # noqa: ANN001
    """(point size, pixel size, bold) of every enlarged font in the window: the KPI
    figures and every widget enlarged with widgets.common.scale_font."""
    from widgets.qt import QWidget

    out = {}
    kpi = window.panes["kpi"]
    for name, tile in kpi.tiles.items():
        f = tile.value.font()
        out[f"kpi {name}"] = (f.pointSizeF(), f.pixelSize(), f.bold())
    for i, w in enumerate(window.findChildren(QWidget)):
        if isinstance(w.property("fontScale"), float):
            f = w.font()
            out[f"{w.objectName() or type(w).__name__} {i}"] = (f.pointSizeF(), f.pixelSize(),
                                                                 f.bold())
    return out


def test_f9_keeps_every_enlarged_font(qapp, qtbot, hub, launch):
    """F9 (a new stylesheet) used to shrink the KPI figures and every enlarged label to
    body size until a restart; after switching to night and back, each keeps its size."""
    launcher = launch(hub.url, "--user", "supervisor-532300", "--theme", "day")
    window = launcher.console.window
    window.show()
    kpi = window.panes["kpi"]
    qtbot.waitUntil(lambda: kpi.tiles["reported"].value.font().pixelSize() > 0, timeout=15000)
    before = _enlarged_fonts(window)
    body = qapp.font().pointSizeF()
    assert before["kpi reported"][1] > 1.5 * body  # figures well above body size
    assert len(before) > len(kpi.tiles)  # scale_font'ed labels too (alerts banner …)
    for _ in range(2):
        window.act_night.trigger()
        qtbot.waitUntil(lambda: _enlarged_fonts(window) == before, timeout=15000)
    assert qapp.property("theme_name") == "day"
    # a theme whose stylesheet sets every widget's font (as the themes once did) resets
    # explicitly set fonts: the panes' restyle puts them back
    day = qapp.styleSheet()
    try:
        qapp.setStyleSheet(day + f"\nQWidget {{ font-size: {body:g}pt; }}\n")
        qtbot.waitUntil(lambda: _enlarged_fonts(window) == before, timeout=15000)
    finally:
        qapp.setStyleSheet(day)
