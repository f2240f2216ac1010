"""Picture of the console across every screen, as a person standing back would see them.

    QT_QPA_PLATFORM="offscreen:configfile=screens.json" \\
        python scripts/console_screens.py OUT.png -- [console options…]

Starts the console (``main.py`` options after ``--``), waits ``--wait`` seconds, then paints
every visible top-level window (the main window and floating panes) at its place on a
canvas the size of the whole virtual desktop and saves it. Used for the two-screen
screenshot in docs/ (Xvfb offers one monitor; Qt's offscreen platform takes a screens file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from commandpost.demo import demo_mode  # noqa: E402
from console.app import Launcher, parse_options, setup_app  # noqa: E402
from widgets.qt import QApplication, QColor, QGuiApplication, QPainter, QRect, QtGui, QTimer  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out", type=Path)
    p.add_argument("--wait", type=float, default=30.0)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    args = p.parse_args()
    rest = [a for a in args.rest if a != "--"]
    app = QApplication(sys.argv[:1])
    opts = parse_options(rest)
    keep = setup_app(app, opts)  # noqa: F841 - translators stay installed
    launcher = Launcher(app, opts, quit_app=False, demo_mode=demo_mode())
    launcher.start()

    def select_first() -> None:
        console = launcher.console
        queue = console.window.panes.get("queue") if console is not None else None
        rows = getattr(getattr(queue, "model", None), "rows", None)
        if rows is not None and len(rows):
            console.window.go_to_case(rows.id_at(0))  # as a click on the first row

    def shoot() -> None:
        desk = QRect()
        for s in QGuiApplication.screens():
            desk = desk.united(s.geometry())
        canvas = QtGui.QImage(desk.size(), QtGui.QImage.Format.Format_RGB32)
        canvas.fill(QColor("#202020"))
        painter = QPainter(canvas)
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w.width() > 50:
                pos = w.frameGeometry().topLeft() - desk.topLeft()
                painter.drawPixmap(pos, w.grab())
        painter.end()
        canvas.save(str(args.out))
        print(args.out)
        launcher.finish(0)
        app.quit()

    QTimer.singleShot(int(args.wait * 1000) - 3000, select_first)
    QTimer.singleShot(int(args.wait * 1000), shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
