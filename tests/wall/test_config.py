"""Wall settings: --screens, JSON and INI playlists, defaults (no Qt)."""

from __future__ import annotations

import json

import pytest

from console.wall.config import PAGES, WallConfig, load_config, parse_screens


def test_screens_spec() -> None:
    """``--screens`` takes a count ≥ 1 or ``all`` (None); anything else is refused."""
    assert parse_screens(None) == 1
    assert parse_screens("2") == 2
    assert parse_screens("ALL") is None
    for bad in ("0", "-1", "two", ""):
        with pytest.raises(ValueError):
            parse_screens(bad)


def test_defaults_rotate_everything_and_offset_screens() -> None:
    """Without a file every screen rotates all pages, each screen one page further."""
    cfg = WallConfig()
    first, second = cfg.plan(0), cfg.plan(1)
    assert [s.page for s in first.playlist] == list(PAGES)
    assert second.playlist[0].page == PAGES[1]
    assert all(s.seconds == 20.0 for s in first.playlist)


def test_json_config(tmp_path) -> None:
    """Per-screen playlists with per-page seconds, fixed screens, takeover settings."""
    f = tmp_path / "wall.json"
    f.write_text(json.dumps({
        "seconds": 15,
        "screens": [{"pages": ["kpi", {"page": "map", "seconds": 40}, "trend:25"]},
                    {"fixed": "overdue"}],
        "takeover": {"seconds": 12, "corner": "top-left", "overdue": False},
        "day_start": "8:00", "shifts": ["08:00", "20:00"], "scale": 1.2}), encoding="utf-8")
    cfg = load_config(f)
    plan = cfg.plan(0)
    assert [(s.page, s.seconds) for s in plan.playlist] == [("kpi", 15), ("map", 40),
                                                             ("trend", 25)]
    assert cfg.plan(1).fixed and cfg.plan(1).playlist[0].page == "overdue"
    assert cfg.takeover_seconds == 12 and cfg.takeover_corner == "top-left"
    assert cfg.takeover_critical and not cfg.takeover_overdue
    assert cfg.day_start == "08:00" and cfg.scale == 1.2
    assert cfg.plan(2).playlist[0].page == PAGES[2]  # beyond the file: defaults


def test_ini_config(tmp_path) -> None:
    """The INI form says the same thing."""
    f = tmp_path / "wall.ini"
    f.write_text("[wall]\nseconds = 30\ntakeover_seconds = 45\ntakeover_corner = bottom-left\n"
                 "[screen.2]\nfixed = map\n[screen.1]\npages = kpi, load:10\n", encoding="utf-8")
    cfg = load_config(f)
    assert [(s.page, s.seconds) for s in cfg.plan(0).playlist] == [("kpi", 30), ("load", 10)]
    assert cfg.plan(1).fixed
    assert cfg.takeover_seconds == 45 and cfg.takeover_corner == "bottom-left"


@pytest.mark.parametrize("content", [
    '{"screens": [{"pages": ["nope"]}]}',
    '{"seconds": 1}',
    '{"takeover": {"corner": "middle"}}',
    '{"day_start": "25:00"}',
    '{"scale": 9}',
    '[1, 2]',
    '{broken',
])
def test_bad_config_is_a_clear_error(tmp_path, content: str) -> None:
    """A bad file is a ValueError naming the file (the launcher turns it into exit 2)."""
    f = tmp_path / "wall.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="wall.json"):
        load_config(f)
    with pytest.raises(ValueError, match="cannot read"):
        load_config(tmp_path / "missing.json")
