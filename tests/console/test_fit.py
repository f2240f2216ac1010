"""Layouts that fit: at every built-in layout, with any case selected, the main window's
minimum size fits its screen; a saved layout that no longer fits is dropped."""

from __future__ import annotations

import pytest

from console.layouts import LayoutStore, fits
from tests.console.conftest import HubUser
from widgets.case_queue import COL_REGION, COL_TITLE, DEFAULT_ORDER
from widgets.qt import QApplication, QRect

LONG = "很长的标题" * 30
SIZES = {"hd": (1920, 1080), "uhd": (3840, 2160), "small": (1366, 768)}


@pytest.fixture(scope="module")
def cases(hub) -> list[dict]:
    intake = HubUser(hub.url, "intake-532300")
    return [intake.report(LONG), intake.report("短")]


def select_all(window) -> None:
    for cid in list(window.session.state.cases):
        window.session.select_case(cid)
        QApplication.processEvents()


@pytest.mark.parametrize("kind", sorted(SIZES))
def test_builtin_layout_fits_its_screen_with_every_case_selected(qtbot, hub, launch, cases,
                                                                 kind):
    """The window's minimum size never exceeds the layout's screen, whatever case the
    detail shows (long titles and descriptions scroll inside their pane)."""
    w, h = SIZES[kind]
    launcher = launch(hub.url, "--user", "supervisor-532300", "--geometry", f"{w}x{h}",
                      "--layout", kind, "--lock-after", "0")
    window = launcher.console.window
    state = window.session.state
    qtbot.waitUntil(lambda: all(c["id"] in state.cases for c in cases), timeout=15000)
    assert window.kind == kind
    select_all(window)
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert need.width() <= w and need.height() <= h, (kind, need)
    assert window.width() <= w and window.height() <= h
    assert fits(window, window.docks, [QRect(0, 0, w, h)])
    if kind == "hd":
        # ID, priority, status, title, region, unit and time left, without scrolling
        queue = window.panes["queue"]
        assert queue.columns.shown() == list(DEFAULT_ORDER[:7])
        QApplication.processEvents()
        assert queue.view.horizontalScrollBar().maximum() == 0
        hh = queue.view.horizontalHeader()
        assert hh.sectionSize(COL_TITLE) >= 8 * queue.fontMetrics().horizontalAdvance("国")
        region = queue.model.data(queue.model.index(0, COL_REGION))
        assert " · " in region  # town · grid
    # the alerts are in front of the calls
    if kind != "uhd":
        assert not window.docks["alerts"].visibleRegion().isEmpty()


def test_two_screen_layout_puts_detail_alerts_and_workload_on_the_other(qtbot, hub, launch,
                                                                        cases, monkeypatch):
    """The two-screen layout keeps queue and map in the window; detail, alerts and the
    workloads float on the second screen, inside it."""
    launcher = launch(hub.url, "--user", "supervisor-532300", "--geometry", "1920x1080",
                      "--layout", "hd", "--lock-after", "0")
    window = launcher.console.window
    second = QRect(1920, 0, 1920, 1080)
    monkeypatch.setattr(type(window), "other_screen", lambda self: second)
    window.apply_layout("dual")
    assert window.kind == "dual"
    for key in ("detail", "alerts", "workload"):
        dock = window.docks[key]
        assert dock.isFloating() and second.contains(dock.frameGeometry().center()), key
    for key in ("queue", "map"):
        assert not window.docks[key].isFloating()
    select_all(window)
    assert fits(window, window.docks, [QRect(0, 0, 1920, 1080), second])
    assert not fits(window, window.docks, [QRect(0, 0, 1920, 1080)])


def test_saved_layout_that_no_longer_fits_is_dropped(qtbot, hub, launch, tmp_path):
    """A layout saved with a pane floating on a screen that is gone is forgotten at the
    next login, and the built-in layout is used instead."""
    data = tmp_path / "data"
    first = launch(hub.url, "--user", "officer-532300", "--layout", "hd", data_dir=data)
    window = first.console.window
    window.docks["detail"].setFloating(True)
    window.docks["detail"].move(5000, 3000)  # a second screen that is not there any more
    window.save_layout()
    first.finish(0)
    assert LayoutStore(data / "layouts.ini").has("officer-532300")
    second = launch(hub.url, "--user", "officer-532300", "--layout", "hd", data_dir=data)
    window2 = second.console.window
    assert not second.console._restored
    assert not window2.docks["detail"].isFloating()
    assert not LayoutStore(data / "layouts.ini").has("officer-532300")


def test_layout_saved_for_another_screen_size_is_dropped(qtbot, hub, launch, tmp_path):
    """A layout saved on a 1920×1080 screen is not forced onto a 1366×768 one."""
    data = tmp_path / "data"
    first = launch(hub.url, "--user", "officer-532300", data_dir=data)
    first.console.window.save_layout()
    first.finish(0)
    store = LayoutStore(data / "layouts.ini")
    screens = [s.availableGeometry() for s in QApplication.screens()]
    assert store.saved_fits("officer-532300", screens)
    assert not store.saved_fits("officer-532300", [QRect(0, 0, 1366, 728)])
