"""Drop → feed confirmation latency of a reassignment, on loopback.

Starts the reference hub embedded (``SeedSizes(2, 1, 1, 1)``, 0.5 s heartbeat) and a real
supervisor console (``console.app.Launcher``, offscreen), gives it held cases, then drops
each case on another unit of the workload board (a synthetic Qt drag-enter/move/drop on
the table's viewport, as a mouse drop delivers it) and measures the time from the drop to
the moment the console's State shows the case with the new unit — i.e. the assign request,
the hub's commit and fan-out, the Feed thread and the bridge's ~100 ms GUI pump. Prints
the median and p90 (target: median under 150 ms).

    QT_QPA_PLATFORM=offscreen python bench/drop_latency.py [--drops 40]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from typing import cast

from client.api import HubClient  # noqa: E402
from client.json_value import JSON  # noqa: E402
from console.app import Launcher, parse_options  # noqa: E402
from hub.seed import DEMO_PASSWORD, SeedSizes  # noqa: E402
from hub.server import start_embedded  # noqa: E402
from widgets.case_drag import DragItem, encode_items  # noqa: E402
from widgets.qt import QAbstractItemView, QApplication, QEvent, QPoint, Qt, QtCore, QtGui  # noqa: E402
from widgets.workload import WorkloadPane

CASE: dict[str, JSON] = {"title": "测速案件", "description": "bench", "category": "环境卫生",
        "subcategory": "垃圾清运不及时", "priority": "normal", "source": "hotline",
        "region_id": "53230110120101", "address": "鹿城南路 1 号", "lat": 25.03, "lon": 101.54}


def wait(app: QApplication, pred: Callable[[], object], timeout: float = 10.0) -> float:
    """Spin the event loop until ``pred()``; return the elapsed seconds."""
    t0 = time.perf_counter()
    while not pred():
        if time.perf_counter() - t0 > timeout:
            raise TimeoutError("condition not met")
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    return time.perf_counter() - t0


def drop(view: QAbstractItemView, pos: QPoint, items: list[DragItem]) -> None:
    vp = view.viewport()
    mime = encode_items(items)
    act, btn, mod = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(vp, QtGui.QDragEnterEvent(pos, act, mime, btn, mod))
    QApplication.sendEvent(vp, QtGui.QDragMoveEvent(pos, act, mime, btn, mod))
    QApplication.sendEvent(vp, QtGui.QDropEvent(QtCore.QPointF(pos), act, mime, btn, mod,
                                                QEvent.Type.Drop))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drops", type=int, default=40)
    args = ap.parse_args()
    app = cast(QApplication, QApplication.instance() or QApplication([]))
    folder = Path(tempfile.mkdtemp(prefix="drop-latency-"))
    hub = start_embedded(f"sqlite:///{folder / 'hub.db'}", sizes=SeedSizes(2, 1, 1, 1),
                         heartbeat_s=0.5)
    pw = folder / "pw"
    pw.write_text(DEMO_PASSWORD)
    opts = parse_options(["--hub", hub.url, "--data-dir", str(folder / "data"), "--geometry",
                          "1600x1000", "--lang", "en", "--lock-after", "0",
                          "--user", "supervisor-532300", "--password-file", str(pw)])
    launcher = Launcher(app, opts, quit_app=False)
    launcher.start()
    try:
        wait(app, lambda: launcher.console is not None
             and launcher.console.bridge.link is not None
             and launcher.console.bridge.link.state == "live", 20)
        console = launcher.console
        assert console is not None
        state = console.session.state
        actions = console.session.actions
        assert actions is not None
        inflight = actions.inflight
        intake, boss = HubClient(hub.url), HubClient(hub.url)
        intake.login("intake-532300", DEMO_PASSWORD)
        boss.login("supervisor-532300", DEMO_PASSWORD)
        units = sorted(state.units)[:2]
        cases = [boss.assign(intake.report(dict(CASE))["id"], units[0])
                 for _ in range(args.drops)]
        wait(app, lambda: all((state.cases.get(c["id"]) or {}).get("version") == c["version"]
                              for c in cases), 20)
        pane = cast(WorkloadPane, console.window.panes["workload"])
        wait(app, lambda: any(r.unit_id == units[1] for r in pane.rows()), 10)
        app.processEvents()
        samples = []
        for case in cases:
            row = next(i for i, r in enumerate(pane.rows()) if r.unit_id == units[1])
            pane.view.scrollTo(pane.model.index(row, 0))
            pos = pane.view.visualRect(pane.model.index(row, 0)).center()
            t0 = time.perf_counter()
            drop(pane.view, pos, [{"id": case["id"], "version": case["version"]}])

            def moved(cid: str = case["id"]) -> bool:
                return bool(state.cases[cid].get("unit_id") == units[1])

            wait(app, moved)
            samples.append((time.perf_counter() - t0) * 1000)
            wait(app, lambda: not len(inflight), 5)
        samples.sort()
        med = statistics.median(samples)
        p90 = samples[int(0.9 * (len(samples) - 1))]
        print(f"drop → feed confirmation over {len(samples)} drops (loopback): "
              f"median {med:.0f} ms, p90 {p90:.0f} ms, min {samples[0]:.0f} ms, "
              f"max {samples[-1]:.0f} ms (target: median < 150 ms) "
              f"{'OK' if med < 150 else 'OVER'}")
        return 0 if med < 150 else 1
    finally:
        launcher.finish(0)
        hub.stop()


if __name__ == "__main__":
    raise SystemExit(main())
