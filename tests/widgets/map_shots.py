"""Screenshots of the 民情地图 from a real hub (offscreen, Chinese, ~1–2 minutes).

Starts an embedded hub (the demo prefecture, SLAs shortened so some cases are overdue),
reports ``--cases`` cases through ``POST /cases`` with a position and *no* region (the
hub places each in the grid holding it), dispatches a share, then shows the map of the
prefecture's supervisor on the hub's snapshot and region polygons:

* ``map-county.png`` — the prefecture: ten counties shaded by open cases, clusters
  (from 1,000 cases in view for this picture);
* ``map-town.png`` — drilled into a town (鹿城镇): its villages, the cases as points;
* ``map-heat.png`` — 楚雄市 with the heat layer;
* ``map-wall.png`` — the wall's map page at 1920×1080 (county labels, shading).

Run: ``QT_QPA_PLATFORM=offscreen python tests/widgets/map_shots.py [OUT_DIR]`` (docs/).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shapely  # noqa: E402
from shapely.geometry import shape  # noqa: E402

from client.api import HubClient  # noqa: E402
from client.state import State  # noqa: E402
from console import i18n  # noqa: E402
from console.app import CJK_FAMILIES  # noqa: E402
from console.wall import WallConfig, open_wall  # noqa: E402
from console.wall.config import ScreenPlan, Slot  # noqa: E402
from hub.seed import DEMO_PASSWORD, SeedSizes  # noqa: E402
from hub.server import start_embedded  # noqa: E402
from testkit.clock import Clock  # noqa: E402
from testkit.wall_context import WallCtx, link  # noqa: E402
from widgets.map_view import MapPane  # noqa: E402
from widgets.qt import QApplication, QFont  # noqa: E402

TITLES = ("路灯不亮", "垃圾清运不及时", "占道经营", "井盖缺失", "噪音扰民", "道路破损",
          "违章搭建", "污水外溢", "共享单车乱停放", "小区消防通道堵塞")


class ShotCtx:
    """A PaneContext over a real HubClient whose reads run at once (a script, no GUI)."""

    def __init__(self, api: HubClient, state: State) -> None:
        self.api = api
        self.state = state
        self.zone = ZoneInfo(state.zone_name)
        self.role = "supervisor"
        self.user_id = "shots"
        self.read_only = True
        self.cache_dir = None

    def fetch(self, fn, on_ok, on_error=None) -> None:  # noqa: ANN001
        on_ok(fn(self.api))

    def run_command(self, *args, **kw) -> None:  # noqa: ANN002, ANN003
        pass

    def select_case(self, case_id: str | None) -> None:
        pass

    def category_name(self, category: str, subcategory: str) -> str:
        return category

    def region_name(self, region_id: str | None) -> str:
        r = self.state.regions.get(region_id or "")
        return str(r.get("name")) if r else (region_id or "")

    def unit_name(self, unit_id: str | None) -> str:
        return unit_id or ""


def fill_hub(url: str, n: int, seed: int = 7) -> None:
    """Report ``n`` cases at random points of the grids (more near county seats)."""
    rng = random.Random(seed)
    intake = HubClient(url)
    intake.login("intake-532300", DEMO_PASSWORD)
    sup = HubClient(url)
    sup.login("supervisor-532300", DEMO_PASSWORD)
    fc = intake.region_geometry()[1]
    grids = [(f["properties"]["id"], shape(f["geometry"])) for f in fc["features"]
             if f["properties"]["level"] == "grid"]
    busy = {"532301": 8, "532331": 4, "532326": 3, "532329": 2}  # cases per grid, relative
    weights = [busy.get(gid[:6], 1) * (3 if gid[6:9] == "101" else 1) for gid, _ in grids]
    cats = [(c["name"], s["code"]) for c in intake.categories() for s in c["subcategories"]]
    units = {u["id"]: u for u in sup.snapshot()["units"]}
    for i in range(n):
        gid, g = rng.choices(grids, weights)[0]
        minx, miny, maxx, maxy = g.bounds
        while True:
            lon, lat = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            if shapely.contains_xy(g, lon, lat):
                break
        cat, code = rng.choice(cats)
        case = intake.report({
            "title": rng.choice(TITLES), "category": cat, "subcategory": code,
            "priority": rng.choices(("normal", "urgent", "critical"), (80, 15, 5))[0],
            "source": "app", "address": "", "lat": round(lat, 6), "lon": round(lon, 6)})
        assert case["region_id"] == gid, (case["region_id"], gid)
        if i % 3:
            county_units = [u for u in units if u.startswith(f"U{gid[:6]}-")]
            sup.assign(case["id"], rng.choice(county_units),
                       expected_version=case["version"])


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv and not argv[0].startswith("--") else ROOT / "docs"
    n = 2500
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["map-shots"])
    translators = i18n.install(app, "zh_CN")
    font = QFont(app.font())
    font.setFamilies(CJK_FAMILIES + [app.font().family()])
    app.setFont(font)
    t = time.perf_counter()
    hub = start_embedded(sizes=SeedSizes(10, 3, 3, 2), sla_scale=0.003)
    print(f"hub up in {time.perf_counter() - t:.0f} s; reporting {n} cases")
    try:
        fill_hub(hub.url, n)
        time.sleep(1.0)  # a few SLAs run out
        api = HubClient(hub.url)
        api.login("supervisor-532300", DEMO_PASSWORD)
        clock = Clock(time.time())
        state = State(clock=clock)
        state.load_snapshot(api.snapshot())
        state.tick(clock.now)
        ctx = ShotCtx(api, state)
        written = []

        pane = MapPane(ctx)
        pane.resize(1600, 1000)
        pane.show()
        for _ in range(5):
            app.processEvents()
        pane.flush()

        def grab(name: str) -> None:
            pane.flush()
            for _ in range(3):
                app.processEvents()
            path = out / name
            pane.grab().save(str(path), "PNG")
            written.append(path)

        # the prefecture's picture shows the clusters: at 2,500 cases the product's
        # threshold (3,000 in view) would show them as points
        from widgets import map_view_layers

        threshold, map_view_layers.CLUSTER_MIN = map_view_layers.CLUSTER_MIN, 1000
        pane.set_heat(False)  # re-chooses points or clusters for the view
        grab("map-county.png")
        map_view_layers.CLUSTER_MIN = threshold
        pane.set_heat(False)
        pane.show_region("532301101")  # 鹿城镇 (the county seat of 楚雄市)
        grab("map-town.png")
        pane.show_region("532301")
        pane.set_heat(True)
        grab("map-heat.png")
        pane.close()

        plan = ScreenPlan((Slot("map", 30.0),))
        cfg = WallConfig(screens=(plan,), burn_in_px=0, takeover_critical=False,
                         takeover_overdue=False)
        wall_ctx = WallCtx(state, geometry=api.region_geometry()[1])
        wall = open_wall(wall_ctx, screens=1, config=cfg, sizes=[(1920, 1080)], clock=clock)
        wall.set_link(link("live"))
        w = wall.windows[0]
        w.show_page("map", 0, clock.now)
        page = w.pages["map"]
        page.maybe_refresh(clock.now, force=True)
        page.pulse(0.0)
        for _ in range(5):
            app.processEvents()
        path = out / "map-wall.png"
        w.grab().save(str(path), "PNG")
        written.append(path)
        wall.close()
    finally:
        hub.stop()
    i18n.remove(app, translators)
    print("\n".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
