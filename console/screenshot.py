"""``--screenshot PATH``: grab every visible top-level window into PNG files.

The first window (the console's main window when it is up) goes to PATH; further windows
(floating docks on other screens, dialogs) to ``<stem>-2.png``, ``<stem>-3.png``…
"""

from __future__ import annotations

import logging
from pathlib import Path

from widgets.qt import QApplication, QWidget

log = logging.getLogger(__name__)


def numbered(path: Path, n: int) -> Path:
    """PATH for the first window, ``<stem>-n.png`` beside it for the n-th."""
    if n <= 1:
        return path
    return path.with_name(f"{path.stem}-{n}.png")


def windows(first: QWidget | None = None) -> list[QWidget]:
    """Visible top-level windows, ``first`` (if visible) leading."""
    found = [w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible()]
    found.sort(key=lambda w: (w is not first, w.objectName()))
    return found


def grab_all(path: str | Path, first: QWidget | None = None) -> list[Path]:
    """Save a PNG per visible top-level window; return the files written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for i, w in enumerate(windows(first), start=1):
        target = numbered(path, i)
        if w.grab().save(str(target), "PNG"):
            written.append(target)
        else:
            log.error("could not write screenshot %s", target)
    return written
