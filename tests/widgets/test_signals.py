"""Guard against the PySide6 6.12.0 bug: it aborts after a few thousand Signal.emit()."""

from __future__ import annotations

from widgets.qt import PySide6, QObject, Signal


class Emitter(QObject):
    sig_value = Signal(str)
    sig_flag = Signal(bool)


def test_ten_thousand_emits(qtbot) -> None:
    assert PySide6.__version__ != "6.12.0"
    e = Emitter()
    got: list[object] = []
    e.sig_value.connect(got.append)
    e.sig_flag.connect(got.append)
    for i in range(10_000):
        e.sig_value.emit(str(i))
        e.sig_flag.emit(i % 2 == 0)
    assert len(got) == 20_000 and got[-1] is False
