"""Saved and built-in dock layouts."""

from __future__ import annotations

from console.layouts import LayoutStore
from console.scaling import base_point_size, layout_kind


def test_layout_saved_per_user_and_restored(qtbot, hub, launch, tmp_path):
    """A user's arrangement comes back at the next login; reset forgets it."""
    data = tmp_path / "shared-data"
    first = launch(hub.url, "--user", "officer-532300", data_dir=data)
    window = first.console.window
    window.docks["map"].hide()
    window.docks["ticker"].setFloating(True)
    window.save_layout()
    first.finish(0)

    second = launch(hub.url, "--user", "officer-532300", data_dir=data)
    window2 = second.console.window
    qtbot.waitUntil(lambda: window2.isVisible(), timeout=15000)
    assert not window2.docks["map"].isVisible()
    assert window2.docks["ticker"].isFloating()

    window2.reset_layout()
    assert window2.docks["map"].isVisible()
    assert not window2.docks["ticker"].isFloating()
    assert not LayoutStore(data / "layouts.ini").has("officer-532300")
    second.finish(0)


def test_builtin_layouts_switch(qtbot, hub, launch):
    """The 1920×1080 layout tabs calls behind alerts; the 3840×2160 one shows every pane."""
    launcher = launch(hub.url, "--user", "supervisor-532300", "--layout", "hd")
    window = launcher.console.window
    assert window.kind == "hd"
    assert window.docks["calls"] in window.tabifiedDockWidgets(window.docks["alerts"])
    window.act_layout_uhd.trigger()
    assert window.kind == "uhd"
    assert not window.tabifiedDockWidgets(window.docks["alerts"])
    assert all(d.isVisible() for d in window.docks.values())


def test_scaling():
    assert layout_kind(1920, 1080) == "hd"
    assert layout_kind(3840, 2160) == "uhd"
    assert base_point_size(2160) == 2 * base_point_size(1080)
    assert base_point_size(1080, 192) < base_point_size(1080, 96)
    assert 9 <= base_point_size(600) <= base_point_size(1080)
