"""``pip install .`` ships what an installed copy needs: entry points, the console's
resources, the hub's data with its sources, and no ``tests``, ``testkit`` or ``bench``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(".venv", ".git", "__pycache__", "build", "dist", "*.egg-info",
                              ".pytest_cache", ".ruff_cache", ".mypy_cache", ".hypothesis",
                              "var", "docs", "bench")


def test_wheel_holds_entry_points_resources_and_data(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=SKIP)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path / "dist"), str(source)], check=True, timeout=600,
                   capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("command_post-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(zf.read(n).decode() for n in names
                            if n.endswith(".dist-info/entry_points.txt"))
    assert "command-post = commandpost.main:run" in entry_points
    assert "command-post-hub = commandpost.main:run_hub" in entry_points
    for expected in ("commandpost/main.py", "hub/open311/routes.py",
                     "hub/data/nyc311-2013-sample.csv", "hub/data/nyc311-2011-sample.csv",
                     "hub/data/chuxiong-counties.csv", "hub/data/SOURCES.md",
                     "resources/themes/base.qss", "resources/translations/commandpost_zh_CN.qm",
                     "resources/icons/command-post.svg", "resources/icons/command-post.png",
                     "resources/command-post.desktop", "hub/migrations/script.py.mako",
                     "resources/unicode/EquivalentUnifiedIdeograph.txt",
                     "hub/migrations/versions/0004_open311_api_keys.py"):
        assert expected in names, expected
    assert not any(n.startswith(("tests/", "testkit/", "bench/")) for n in names)
