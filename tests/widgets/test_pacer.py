"""The pacer runs queued refreshes one per turn of the event loop, each once."""

from __future__ import annotations

import time

from widgets.pacer import Pacer, out_of_sight
from widgets.qt import QApplication, QCoreApplication, QEvent, QLabel, QMainWindow, QTimer


def test_jobs_run_once_each_in_order_with_the_event_loop_between(qtbot) -> None:
    pacer = Pacer(gap_ms=5)
    ran: list[tuple[str, int]] = []
    ticks = [0]
    other = QTimer()
    other.setInterval(1)
    other.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    other.start()

    def job(name: str):  # noqa: ANN202
        def run() -> None:
            ran.append((name, ticks[0]))
            time.sleep(0.01)  # a refresh that takes a while
        return run

    a, b, c = job("a"), job("b"), job("c")
    for j in (a, b, a, c, b):  # asked twice: still once, at its first place
        pacer.request(j)
    assert pacer.pending() == 3
    qtbot.waitUntil(lambda: pacer.pending() == 0 and len(ran) == 3, timeout=15000)
    other.stop()
    assert [name for name, _ in ran] == ["a", "b", "c"]
    # another timer ran between any two jobs: they never share a turn of the event loop
    assert ran[0][1] < ran[1][1] < ran[2][1]
    assert pacer.runs == 3


def test_a_job_of_a_deleted_widget_is_dropped_and_a_failing_one_logged(qtbot, caplog) -> None:
    pacer = Pacer(gap_ms=1)
    label = QLabel()
    pacer.request(label.clear)
    label.deleteLater()
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleted now

    def boom() -> None:
        raise ValueError("boom")

    done: list[int] = []
    pacer.request(boom)
    pacer.request(lambda: done.append(1))
    qtbot.waitUntil(lambda: done == [1], timeout=15000)
    assert "a paced refresh failed" in caplog.text
    assert pacer.runs == 2  # boom and the lambda; the deleted label's job was dropped


def test_out_of_sight_only_when_the_window_shows_and_the_widget_does_not(qtbot) -> None:
    win = QMainWindow()
    qtbot.addWidget(win)
    label = QLabel("x")
    win.setCentralWidget(label)
    assert not out_of_sight(label)  # window not shown: being built or grabbed
    win.show()
    assert not out_of_sight(label)
    label.hide()
    assert out_of_sight(label)
