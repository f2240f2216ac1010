"""Two screens give two full-screen windows with their own pages (a separate process:
Qt's offscreen platform takes its screens from a JSON file at QApplication creation)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCREENS = {"screens": [
    {"name": "A", "x": 0, "y": 0, "width": 1920, "height": 1080,
     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    {"name": "B", "x": 1920, "y": 0, "width": 3840, "height": 2160,
     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
]}

PROBE = r"""
import json, sys
from widgets.qt import QApplication, Qt
app = QApplication([])
from console.wall import WallConfig, open_wall
from console.wall.config import ScreenPlan, Slot
from tests.wall.conftest import Post
post = Post(per_hour=60)
cfg = WallConfig(screens=(ScreenPlan((Slot("kpi", 10), Slot("trend", 10))),
                          ScreenPlan((Slot("map", 10),))))
out = {}
for spec in (sys.argv[1], "1"):
    wall = open_wall(post.ctx, screens=spec, config=cfg, clock=post.clock, pulse=False)
    for _ in range(5):
        app.processEvents()
    post.walls = [wall]
    post.step(11)
    app.processEvents()
    out[spec] = [{"screen": w.screen().name(), "x": w.geometry().x(), "w": w.width(),
                  "h": w.height(), "base": w.base, "full": w.isFullScreen(),
                  "frameless": bool(w.windowFlags() & Qt.WindowType.FramelessWindowHint),
                  "page": w.current_page.page_id, "pages": sorted(w.pages)}
                 for w in wall.windows]
    wall.close()
print(json.dumps(out))
"""


def test_two_screens_two_windows(tmp_path: Path) -> None:
    """``--screens all`` on two screens: a window per screen, full screen, each with its own
    playlist and type size (1080p → base 27 px, 4K → 54 px); ``--screens 1`` uses one."""
    conf = tmp_path / "screens.json"
    conf.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={conf}",
               PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", PROBE, "all"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    both, one = result["all"], result["1"]
    assert [w["screen"] for w in both] == ["A", "B"]
    a, b = both
    assert (a["x"], a["w"], a["h"], a["base"]) == (0, 1920, 1080, 27)
    assert (b["x"], b["w"], b["h"], b["base"]) == (1920, 3840, 2160, 54)
    assert a["full"] and b["full"] and a["frameless"] and b["frameless"]
    assert a["pages"] == ["kpi", "trend"] and a["page"] == "trend"  # rotated after 10 s
    assert b["pages"] == ["map"] and b["page"] == "map"  # fixed
    assert len(one) == 1 and one[0]["screen"] == "A"
