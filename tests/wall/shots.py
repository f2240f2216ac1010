"""Screenshots of every wall page at 1920×1080 and 3840×2160 (offscreen, synthetic post).

Run: ``QT_QPA_PLATFORM=offscreen python tests/wall/shots.py [OUT_DIR]`` (default docs/).
Writes ``wall-<page>-1080p.png`` and ``wall-<page>-4k.png`` for each page, plus
``wall-takeover-1080p.png`` / ``-4k.png`` (a critical case holding the corner).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from client.state import State  # noqa: E402
from console import i18n  # noqa: E402
from console.app import CJK_FAMILIES  # noqa: E402
from console.wall import PAGES, WallConfig, open_wall  # noqa: E402
from console.wall.config import ScreenPlan, Slot  # noqa: E402
from testkit.clock import Clock  # noqa: E402
from testkit.wall_context import WallCtx, link  # noqa: E402
from testkit.wall_sim import T_START, Sim  # noqa: E402
from widgets.qt import QApplication, QFont  # noqa: E402

SIZES = {"1080p": (1920, 1080), "4k": (3840, 2160)}


def build_post(clock: Clock, wall_factory) -> tuple[State, Sim, object]:
    """A steady-state post whose last 32.5 hours went through the wall live.

    Starts at 06:00 the day before (a 10-hour warm snapshot), then feeds one-minute
    batches until 14:30, so "today" and "yesterday" (from 08:00) are both complete.
    """
    sim = Sim(seed=5, per_hour=220, now=T_START - 10 * 3600)
    snap = sim.warm_snapshot(hours=10)
    clock.now = sim.now
    state = State(clock=clock)
    wall = wall_factory(state)
    wall.on_changes(state.load_snapshot(snap))
    end = sim.now + 32.5 * 3600
    while sim.now < end:
        evs = sim.events_until(sim.now + 60)
        clock.now = sim.now
        cs = state.apply_events(evs)
        cs.merge(state.tick(clock.now))
        wall.on_changes(cs)
        wall.on_events(evs)
        if int(clock.now) % 600 == 0:
            wall.advance(clock.now)
    return state, sim, wall


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["wall-shots"])
    translators = i18n.install(app, "zh_CN")
    font = QFont(app.font())
    font.setFamilies(CJK_FAMILIES + [app.font().family()])
    app.setFont(font)
    written = []
    for tag, size in SIZES.items():
        clock = Clock(0.0)
        plan = ScreenPlan(tuple(Slot(p, 30.0) for p in PAGES))
        cfg = WallConfig(screens=(plan,), burn_in_px=0, takeover_critical=False,
                         takeover_overdue=False)

        def factory(state: State, size=size, cfg=cfg, clock=clock):
            return open_wall(WallCtx(state), screens=1, config=cfg, sizes=[size], clock=clock)

        state, sim, wall = build_post(clock, factory)
        wall.set_link(link("live"))
        w = wall.windows[0]
        for i, page in enumerate(PAGES):
            w.show_page(page, i, clock.now)
            w.set_link(None, "")
            if page == "kpi":
                wall.set_link(link("reconnecting", 4.2))
            for page_obj in w.pages.values():
                if hasattr(page_obj, "pulse"):
                    page_obj.pulse(0.0)  # overdue rings at full strength
            app.processEvents()
            target = out / f"wall-{page}-{tag}.png"
            w.grab().save(str(target), "PNG")
            written.append(target)
        wall.config = replace(cfg, takeover_critical=True)
        sim.world.now = clock.now
        ev = sim.world.created(priority="critical", title="化工厂附近道路发生危化品泄漏，需立即封控",
                               address="鹿城镇工业园区纬三路与经二路交叉口")
        ev["seq"] = state.seq + 1
        wall.on_changes(state.apply_events([ev]))
        wall.on_events([ev])
        w.show_page("map", 1, clock.now)
        wall.advance(clock.now + 1)
        app.processEvents()
        target = out / f"wall-takeover-{tag}.png"
        w.grab().save(str(target), "PNG")
        written.append(target)
        wall.close()
        w.deleteLater()
        app.processEvents()
    i18n.remove(app, translators)
    print("\n".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
