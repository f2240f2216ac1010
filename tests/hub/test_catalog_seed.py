"""The case catalog and the demo jurisdiction: shape, consistency, determinism."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from hub.catalog import CATEGORIES, OTHER_CATEGORY, OTHER_SUBCATEGORY, subcategory_index
from hub.data import data_path
from hub.seed import (
    COUNTIES,
    DEMO_PASSWORD,
    DEPARTMENTS,
    LEVELS,
    PREFECTURE_ID,
    ROLES,
    Jurisdiction,
    SeedSizes,
    build_jurisdiction,
    post_id_for,
)

EXPECTED_CATEGORIES = ("环境卫生", "市容市貌", "公共设施", "道路交通", "社会监督", "市场监管",
                       "公共安全", "社会稳定", "生态保护", "民生救助", "其他")


@pytest.fixture(scope="module")
def demo() -> Jurisdiction:
    return build_jurisdiction()


# ---- catalog

def test_eleven_categories_in_order() -> None:
    """The 11 categories come in the agreed display order."""
    assert tuple(c.name for c in CATEGORIES) == EXPECTED_CATEGORIES


def test_seventy_six_subcategories_with_unique_codes_and_names() -> None:
    """76 subcategories, unique codes, unique names, codes ``PREFIX-NN`` per category."""
    subs = [s for c in CATEGORIES for s in c.subcategories]
    assert len(subs) == 76
    assert len({s.code for s in subs}) == 76
    assert len({s.name for s in subs}) == 76
    for cat in CATEGORIES:
        prefixes = {s.code.split("-")[0] for s in cat.subcategories}
        assert len(prefixes) == 1, cat.name
        for n, sub in enumerate(cat.subcategories, start=1):
            assert re.fullmatch(r"[A-Z]{2,4}-\d{2}", sub.code)
            assert sub.code.endswith(f"-{n:02d}")


def test_sla_hours_positive_and_realistic() -> None:
    """Every SLA is between 2 h and a week; safety matters are short."""
    index = subcategory_index()
    for _cat, sub in index.values():
        assert 2 <= sub.sla_hours <= 168, sub
    assert index["GGAQ-01"][1].sla_hours <= 4  # 消防通道堵塞
    assert index["GGAQ-02"][1].sla_hours <= 4  # 燃气泄漏隐患


def test_index_maps_code_to_category() -> None:
    """``subcategory_index`` finds each subcategory with its category; the catch-all exists."""
    index = subcategory_index()
    assert len(index) == 76
    assert index["HJWS-01"][0].name == "环境卫生"
    assert index["HJWS-01"][1].name == "垃圾清运不及时"
    assert index[OTHER_SUBCATEGORY][0].name == OTHER_CATEGORY
    index.clear()  # a caller's copy: the next call is unaffected
    assert len(subcategory_index()) == 76


# ---- counties

def test_counties_constant_equals_csv() -> None:
    """The embedded county table matches the shipped ``chuxiong-counties.csv`` row by row."""
    path = data_path("chuxiong-counties.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["county"], r["seat_town"], float(r["lat"]), float(r["lon"])) for r in rows] == [
        (c.county, c.seat_town, c.lat, c.lon) for c in COUNTIES]
    assert [c.code for c in COUNTIES] == ["532301", "532322", "532323", "532324", "532325",
                                          "532326", "532327", "532328", "532329", "532331"]


# ---- jurisdiction

def test_region_tree_is_consistent(demo: Jurisdiction) -> None:
    """Unique ids, every parent exists and is exactly one level up; one prefecture root."""
    by_id = {r.id: r for r in demo.regions}
    assert len(by_id) == len(demo.regions)
    roots = [r for r in demo.regions if r.parent_id is None]
    assert [r.id for r in roots] == [PREFECTURE_ID]
    assert roots[0].level == "prefecture"
    for region in demo.regions:
        if region.parent_id is None:
            continue
        parent = by_id[region.parent_id]
        assert LEVELS.index(region.level) == LEVELS.index(parent.level) + 1, region
        assert region.id.startswith(parent.id) or parent.id == PREFECTURE_ID


def test_default_sizes_and_real_names(demo: Jurisdiction) -> None:
    """10 counties with real codes, seat towns first, 2·2·2 below each."""
    levels = Counter(r.level for r in demo.regions)
    assert levels == {"prefecture": 1, "county": 10, "town": 20, "village": 40, "grid": 80}
    by_id = {r.id: r for r in demo.regions}
    assert by_id["532301"].name == "楚雄市"
    assert by_id["532301101"].name == "鹿城镇"
    assert by_id["532331101"].name == "金山镇"
    assert by_id["532301"].lat == 25.04 and by_id["532301"].lon == 101.55
    assert re.fullmatch(r".+(村委会|社区)", by_id["532301101201"].name)
    assert by_id["53230110120101"].name.endswith("第1网格")


def test_children_lie_inside_their_parents(demo: Jurisdiction) -> None:
    """Every region's centre lies in its parent's polygon (hub.demo_geometry cuts them)."""
    from shapely.geometry import Point

    for region in demo.regions:
        if region.parent_id is not None:
            assert demo.shapes[region.parent_id].contains(Point(region.lon, region.lat)), region


def test_one_post_per_non_grid_region(demo: Jurisdiction) -> None:
    """Each prefecture/county/town/village region has exactly one post, with the same level."""
    non_grid = {r.id: r for r in demo.regions if r.level != "grid"}
    assert sorted(p.region_id for p in demo.posts) == sorted(non_grid)
    for post in demo.posts:
        assert post.id == post_id_for(post.region_id)
        assert post.level == non_grid[post.region_id].level
    names = {p.region_id: p.name for p in demo.posts}
    assert names[PREFECTURE_ID] == "楚雄州社会治理指挥中心"
    assert names["532301"] == "楚雄市社会治理指挥中心"
    assert names["532301101"] == "鹿城镇综治中心"


def test_units(demo: Jurisdiction) -> None:
    """8 departments per county, a station per town, a grid team per village; all regions exist."""
    regions = {r.id: r for r in demo.regions}
    assert len({u.id for u in demo.units}) == len(demo.units)
    kinds = Counter(u.kind for u in demo.units)
    assert kinds == {"department": 80, "station": 20, "grid_team": 40}
    category_names = {c.name for c in CATEGORIES}
    limits = {"department": (4, 12), "station": (3, 6), "grid_team": (2, 4)}
    for unit in demo.units:
        region = regions[unit.region_id]
        expected_level = {"department": "county", "station": "town", "grid_team": "village"}
        assert region.level == expected_level[unit.kind]
        assert set(unit.categories) <= category_names
        low, high = limits[unit.kind]
        assert low <= unit.on_duty <= high
        assert unit.phone is not None and re.fullmatch(r"0878-\d{7}", unit.phone)
    ids = {u.id for u in demo.units}
    assert {"U532301-CG", "U532301-GA", "U532301-XF", "U532301101-ZF",
            "U532301101201-WG"} <= ids


def test_every_category_is_handled_in_every_county(demo: Jurisdiction) -> None:
    """Each county's departments and stations together cover all 11 categories."""
    for county in (r for r in demo.regions if r.level == "county"):
        handled: set[str] = set()
        for unit in demo.units:
            if unit.region_id == county.id or unit.region_id.startswith(county.id):
                handled |= set(unit.categories)
        assert handled == set(EXPECTED_CATEGORIES), county.name
    assert {c for d in DEPARTMENTS for c in d.categories} == set(EXPECTED_CATEGORIES) - {"其他"}


def test_users(demo: Jurisdiction) -> None:
    """Unique usernames, every role, the naming scheme, posts and units that exist."""
    posts = {p.id: p for p in demo.posts}
    units = {u.id: u for u in demo.units}
    usernames = [u.username for u in demo.users]
    assert len(set(usernames)) == len(usernames)
    assert {u.role for u in demo.users} == set(ROLES)
    for user in demo.users:
        assert user.post_id in posts
        assert user.password == DEMO_PASSWORD
        assert user.name
        prefix, _, rest = user.username.partition("-")
        assert prefix == user.role
        if user.role == "unit":
            assert user.unit_id == rest and user.unit_id in units
            assert posts[user.post_id].region_id == units[rest].region_id
        else:
            assert user.unit_id is None
            assert posts[user.post_id].region_id == rest
    names = set(usernames)
    for region in ("532300", "532301"):
        assert {f"officer-{region}", f"supervisor-{region}", f"wall-{region}",
                f"intake-{region}", f"auditor-{region}"} <= names
    assert {"officer-532301101", "supervisor-532301101", "officer-532301101201",
            "unit-U532301-GA"} <= names
    assert "wall-532301101" not in names and "supervisor-532301101201" not in names


def test_deterministic() -> None:
    """Same sizes and seed → the same jurisdiction; another seed → other names/positions."""
    sizes = SeedSizes(3, 2, 2, 1)
    assert build_jurisdiction(sizes, 7) == build_jurisdiction(sizes, 7)
    assert build_jurisdiction(sizes, 7) != build_jurisdiction(sizes, 8)


def test_small_and_large_sizes() -> None:
    """Tiny and bigger trees stay consistent; more towns than real names still get names."""
    tiny = build_jurisdiction(SeedSizes(1, 1, 1, 1))
    assert Counter(r.level for r in tiny.regions) == {
        "prefecture": 1, "county": 1, "town": 1, "village": 1, "grid": 1}
    big = build_jurisdiction(SeedSizes(1, 20, 3, 3))
    towns = [r for r in big.regions if r.level == "town"]
    assert len(towns) == 20 and len({t.id for t in towns}) == 20
    assert all(t.name for t in towns)
    with pytest.raises(ValueError):
        build_jurisdiction(SeedSizes(counties=11))
