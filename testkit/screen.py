"""What a person sees of a widget: its visible texts and how much of its picture is ink.

Render tests assert these instead of a PNG's byte size: a blank or unchanged pane fails.
"""

from __future__ import annotations

import numpy as np

from widgets.qt import QAbstractItemView, QLabel, QtGui, QWidget

#: rows of an item view read by :func:`visible_text` (a pane shows fewer)
MAX_ROWS = 400


def visible_text(widget: QWidget) -> str:
    """The texts of the widget's visible labels and of its item views' cells (display role),
    one per line, as the officer reads them (plain: markup would show as written)."""
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisibleTo(widget):
            continue
        try:
            columns = model.columnCount()
        except TypeError:  # a list model hides columnCount
            columns = 1
        for row in range(min(model.rowCount(), MAX_ROWS)):
            for col in range(columns):
                parts.append(str(model.index(row, col).data() or ""))
    return "\n".join(parts)


def pixels(image: QtGui.QImage) -> np.ndarray:
    """The image as a (height, width) array of 0xAARRGGBB values (a copy)."""
    img = image.convertToFormat(QtGui.QImage.Format.Format_ARGB32)
    w, h = img.width(), img.height()
    rows = np.frombuffer(img.constBits(), np.uint32, count=h * img.bytesPerLine() // 4)
    return rows.reshape(h, img.bytesPerLine() // 4)[:, :w].copy()


def ink(image: QtGui.QImage) -> float:
    """Share of the pixels that differ from the most common colour (the background)."""
    px = pixels(image)
    values, counts = np.unique(px, return_counts=True)
    return 1.0 - counts.max() / px.size if px.size else 0.0


def changed(before: QtGui.QImage, after: QtGui.QImage) -> float:
    """Share of the pixels that differ between two pictures of the same size."""
    a, b = pixels(before), pixels(after)
    assert a.shape == b.shape, (a.shape, b.shape)
    return float(np.count_nonzero(a != b)) / a.size
