"""The demo jurisdiction: Chuxiong prefecture's regions, command posts, units and accounts.

Pure data generation, no I/O beyond reading the shipped data (``hub/data/``):
the same ``SeedSizes`` and ``rng_seed`` always give the same ``Jurisdiction``,
polygons included (``hub.demo_geometry``: every region's ``lat``/``lon`` lies inside
its polygon). The region tree is
prefecture (楚雄彝族自治州, 532300) → the real counties (codes 5323xx) → towns
(county code + ``101``, ``102`` …; the first is the county seat) → villages (town id +
``201`` …) → grids (village id + ``01`` …).

Demo accounts (all with ``DEMO_PASSWORD``):

* prefecture and county posts: ``officer-<region>``, ``supervisor-<region>``,
  ``wall-<region>``, ``intake-<region>`` (e.g. ``supervisor-532300``, ``officer-532301``);
* town posts: ``officer-<town id>``, ``supervisor-<town id>``;
* village posts: ``officer-<village id>``;
* one field account per unit: ``unit-<unit id>`` (e.g. ``unit-U532301-GA``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shapely import MultiPolygon, Polygon

DEMO_PASSWORD = "cx-demo-2026"
"""The one password of every demo account (documented in the README; demo only)."""

PREFECTURE_ID = "532300"
PREFECTURE_NAME = "楚雄彝族自治州"
PREFECTURE_SHORT = "楚雄州"
PREFECTURE_LAT = 25.04
PREFECTURE_LON = 101.55

LEVELS = ("prefecture", "county", "town", "village", "grid")
"""Region levels from the root down."""

ROLES = ("officer", "supervisor", "wall", "intake", "unit", "auditor")


@dataclass(frozen=True, slots=True)
class CountyRow:
    """One row of ``chuxiong-counties.csv`` plus its real administrative code."""

    code: str
    county: str
    seat_town: str
    lat: float
    lon: float


COUNTIES: tuple[CountyRow, ...] = (
    CountyRow("532301", "楚雄市", "鹿城镇", 25.04, 101.55),
    CountyRow("532322", "双柏县", "妥甸镇", 24.69, 101.64),
    CountyRow("532323", "牟定县", "共和镇", 25.31, 101.55),
    CountyRow("532324", "南华县", "龙川镇", 25.19, 101.27),
    CountyRow("532325", "姚安县", "栋川镇", 25.50, 101.24),
    CountyRow("532326", "大姚县", "金碧镇", 25.73, 101.32),
    CountyRow("532327", "永仁县", "永定镇", 26.05, 101.67),
    CountyRow("532328", "元谋县", "元马镇", 25.70, 101.87),
    CountyRow("532329", "武定县", "狮山镇", 25.53, 102.40),
    CountyRow("532331", "禄丰市", "金山镇", 25.15, 102.08),
)
"""The ten county-level divisions, as in ``hub/data/chuxiong-counties.csv`` (same order)."""

# Other real towns and townships of each county (the seat comes from COUNTIES).
_TOWNS: dict[str, tuple[str, ...]] = {
    "532301": ("东瓜镇", "吕合镇", "紫溪镇", "东华镇", "子午镇", "苍岭镇", "三街镇", "八角镇",
               "中山镇", "新村镇", "西舍路镇", "树苴乡", "大过口乡", "大地基乡"),
    "532322": ("大庄镇", "法脿镇", "鄂嘉镇", "大麦地镇", "安龙堡乡", "爱尼山乡", "独田乡"),
    "532323": ("新桥镇", "江坡镇", "凤屯镇", "蟠猫乡", "戌街乡", "安乐乡"),
    "532324": ("沙桥镇", "五街镇", "红土坡镇", "马街镇", "兔街镇", "雨露白族乡", "一街乡",
               "罗武庄乡", "五顶山乡"),
    "532325": ("光禄镇", "前场镇", "弥兴镇", "太平镇", "左门乡", "大河口乡", "适中乡"),
    "532326": ("石羊镇", "六苴镇", "龙街镇", "赵家店镇", "新街镇", "桂花镇", "三岔河镇",
               "昙华乡", "铁锁乡", "三台乡", "湾碧傣族傈僳族乡"),
    "532327": ("宜就镇", "中和镇", "莲池乡", "维的乡", "猛虎乡", "永兴乡"),
    "532328": ("黄瓜园镇", "羊街镇", "老城乡", "物茂乡", "江边乡", "新华乡", "平田乡",
               "凉山乡", "姜驿乡"),
    "532329": ("高桥镇", "猫街镇", "插甸镇", "白路镇", "万德镇", "己衣镇", "田心乡",
               "发窝乡", "环州乡", "东坡傣族乡"),
    "532331": ("广通镇", "一平浪镇", "勤丰镇", "土官镇", "彩云镇", "和平镇", "黑井镇",
               "仁兴镇", "碧城镇", "罗川镇", "妥安乡", "中村乡", "高峰乡"),
}

_VILLAGE_ROOTS = (
    "东兴", "西城", "龙江", "彝海", "太平", "新村", "石桥", "大坝", "中屯", "小河", "和平",
    "白土", "马龙", "青山", "水井", "团山", "红岩", "松林", "沙坝", "龙泉", "光明", "永安",
    "凤鸣", "庄甸", "德胜", "阳光", "灵秀", "旧城", "北浦", "南屯", "三家", "紫金", "营盘",
    "海子", "哨房", "麻栗", "者乐", "大村", "七街", "柏木", "平地", "羊厩", "吉利", "板桥",
)

_SURNAMES = "李王张刘陈杨赵黄周吴徐孙马朱胡郭何罗高林普鲁段沈起苏施"
_GIVEN = ("明", "华", "静", "伟", "芳", "勇", "敏", "军", "丽", "强", "磊", "艳", "洋", "娟",
          "涛", "婷", "斌", "燕", "超", "琳", "志强", "海燕", "建华", "文斌", "晓东", "春梅",
          "永红", "丽萍", "国庆", "云飞", "金凤", "绍文", "正荣", "玉兰")


@dataclass(frozen=True, slots=True)
class Department:
    """A county department: id suffix, name (after the county name) and its categories."""

    code: str
    name: str
    categories: tuple[str, ...]


DEPARTMENTS: tuple[Department, ...] = (
    Department("CG", "城市管理局", ("环境卫生", "市容市貌")),
    Department("ZJ", "住房和城乡建设局", ("公共设施",)),
    Department("JT", "交通运输局", ("道路交通",)),
    Department("SJ", "市场监督管理局", ("市场监管",)),
    Department("GA", "公安局", ("公共安全", "社会稳定")),
    Department("ST", "生态环境分局", ("生态保护",)),
    Department("MZ", "民政局", ("民生救助",)),
    Department("XF", "信访局", ("社会监督",)),
)
"""The eight departments of every county; unit id ``U<county code>-<code>``."""

STATION_SUFFIX = "ZF"
STATION_NAME = "综合行政执法队"
STATION_CATEGORIES: tuple[str, ...] = ("其他", "环境卫生", "市容市貌")
GRID_TEAM_SUFFIX = "WG"
GRID_TEAM_NAME = "网格服务队"
GRID_TEAM_CATEGORIES: tuple[str, ...] = ()

# How far (degrees) a child's centre may lie from its parent's, by the child's level.
_SPREAD = {"town": 0.15, "village": 0.04, "grid": 0.01}


@dataclass(frozen=True)
class SeedSizes:
    """How big a demo jurisdiction to build (the default has 10·2·2·2 = 80 grids)."""

    counties: int = 10
    towns_per_county: int = 2
    villages_per_town: int = 2
    grids_per_village: int = 2


@dataclass(frozen=True)
class RegionSeed:
    """A region of the tree, with its centre."""

    id: str
    name: str
    level: str
    parent_id: str | None
    lat: float
    lon: float


@dataclass(frozen=True)
class PostSeed:
    """A command post over one region (every level except grid)."""

    id: str
    name: str
    region_id: str
    level: str


@dataclass(frozen=True)
class UnitSeed:
    """A unit that handles cases; ``categories`` are the category names it handles."""

    id: str
    name: str
    kind: str
    region_id: str
    on_duty: int
    phone: str | None
    categories: tuple[str, ...]


@dataclass(frozen=True)
class UserSeed:
    """A demo account; ``password`` is the plain demo password (the hub hashes it)."""

    username: str
    name: str
    role: str
    post_id: str
    unit_id: str | None
    password: str


@dataclass(frozen=True)
class Jurisdiction:
    """Everything the hub seeds into an empty database."""

    regions: tuple[RegionSeed, ...]
    posts: tuple[PostSeed, ...]
    units: tuple[UnitSeed, ...]
    users: tuple[UserSeed, ...]
    #: region id → its polygon (a shapely Polygon or MultiPolygon, WGS 84 lon/lat)
    shapes: dict[str, Polygon | MultiPolygon] = field(default_factory=dict, compare=False)


def post_id_for(region_id: str) -> str:
    """Return the id of the command post over ``region_id``."""
    return f"P{region_id}"


def department_unit_id(county_code: str, dept_code: str) -> str:
    """Return the id of a county department's unit (``U532301-GA``)."""
    return f"U{county_code}-{dept_code}"


def unit_username(unit_id: str) -> str:
    """Return the field account of a unit (``unit-U532301-GA``)."""
    return f"unit-{unit_id}"


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


person_name = _person  # public: the simulator's citizens get names like the seed's people


def _phone(rng: random.Random) -> str:
    return f"0878-{rng.randint(3000000, 8999999)}"


def _near(rng: random.Random, lat: float, lon: float, spread: float) -> tuple[float, float]:
    return (round(lat + rng.uniform(-spread, spread), 5),
            round(lon + rng.uniform(-spread, spread), 5))


def _town_names(county: CountyRow, count: int) -> list[str]:
    names = [county.seat_town, *_TOWNS.get(county.code, ())]
    while len(names) < count:
        names.append(f"{county.county[:2]}第{len(names) + 1}镇")
    return names[:count]


def _village_names(rng: random.Random, count: int, seat: bool) -> list[str]:
    roots = rng.sample(_VILLAGE_ROOTS, min(count, len(_VILLAGE_ROOTS)))
    while len(roots) < count:
        roots.append(f"第{len(roots) + 1}")
    # The seat town's first villages are urban communities (社区), the rest 村委会.
    return [f"{root}社区" if seat and i == 0 else f"{root}村委会" for i, root in enumerate(roots)]


def _place_short(name: str) -> str:
    """东兴村委会 → 东兴村, 东兴社区 → 东兴社区 (how a village is named in a post name)."""
    return name.removesuffix("委会")


class _Builder:
    """Accumulates regions, posts, units and users while walking the tree."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.regions: list[RegionSeed] = []
        self.posts: list[PostSeed] = []
        self.units: list[UnitSeed] = []
        self.users: list[UserSeed] = []

    def region(self, rid: str, name: str, level: str, parent: RegionSeed | None,
               lat: float | None = None, lon: float | None = None,
               spread: float | None = None) -> RegionSeed:
        if lat is None or lon is None:
            assert parent is not None
            lat, lon = _near(self.rng, parent.lat, parent.lon, spread or _SPREAD[level])
        region = RegionSeed(rid, name, level, parent.id if parent else None, lat, lon)
        self.regions.append(region)
        return region

    def post(self, region: RegionSeed, name: str) -> PostSeed:
        post = PostSeed(post_id_for(region.id), name, region.id, region.level)
        self.posts.append(post)
        return post

    def user(self, username: str, title: str, role: str, post: PostSeed,
             unit_id: str | None = None) -> None:
        display = f"{_person(self.rng)}（{title}）" if role != "unit" else title
        self.users.append(UserSeed(username, display, role, post.id, unit_id, DEMO_PASSWORD))

    def staff(self, post: PostSeed, short: str, roles: tuple[str, ...]) -> None:
        titles = {"officer": "值班员", "supervisor": "值班长", "wall": "指挥大屏",
                  "intake": "受理员", "auditor": "审计管理员"}
        for role in roles:
            if role in ("wall", "auditor"):  # no person's name (and no draw from rng)
                self.users.append(UserSeed(f"{role}-{post.region_id}", f"{short}{titles[role]}",
                                           role, post.id, None, DEMO_PASSWORD))
            else:
                self.user(f"{role}-{post.region_id}", f"{short}{titles[role]}", role, post)

    def unit(self, uid: str, name: str, kind: str, region: RegionSeed, post: PostSeed,
             on_duty: int, categories: tuple[str, ...]) -> None:
        self.units.append(UnitSeed(uid, name, kind, region.id, on_duty, _phone(self.rng),
                                   categories))
        self.user(unit_username(uid), f"{name}（处置账号）", "unit", post, unit_id=uid)


def build_jurisdiction(sizes: SeedSizes = SeedSizes(), rng_seed: int = 2026) -> Jurisdiction:
    """Build the demo jurisdiction, the same for the same ``sizes`` and ``rng_seed``."""
    if not 0 <= sizes.counties <= len(COUNTIES):
        raise ValueError(f"counties must be 0..{len(COUNTIES)}")
    rng = random.Random(rng_seed)
    b = _Builder(rng)
    all_roles = ("officer", "supervisor", "wall", "intake", "auditor")

    pref = b.region(PREFECTURE_ID, PREFECTURE_NAME, "prefecture", None,
                    PREFECTURE_LAT, PREFECTURE_LON)
    pref_post = b.post(pref, f"{PREFECTURE_SHORT}社会治理指挥中心")
    b.staff(pref_post, PREFECTURE_SHORT, all_roles)

    for row in COUNTIES[:sizes.counties]:
        county = b.region(row.code, row.county, "county", pref, row.lat, row.lon)
        c_post = b.post(county, f"{row.county}社会治理指挥中心")
        b.staff(c_post, row.county, all_roles)
        for dept in DEPARTMENTS:
            b.unit(department_unit_id(row.code, dept.code), f"{row.county}{dept.name}",
                   "department", county, c_post, rng.randint(4, 12), dept.categories)

        for t, town_name in enumerate(_town_names(row, sizes.towns_per_county), start=1):
            # The seat town lies at the county seat; the others are scattered around it.
            town = b.region(f"{row.code}{100 + t}", town_name, "town", county,
                            spread=0.02 if t == 1 else None)
            t_post = b.post(town, f"{town_name}综治中心")
            b.staff(t_post, town_name, ("officer", "supervisor"))
            b.unit(f"U{town.id}-{STATION_SUFFIX}", f"{town_name}{STATION_NAME}", "station",
                   town, t_post, rng.randint(3, 6), STATION_CATEGORIES)

            villages = _village_names(rng, sizes.villages_per_town, seat=(t == 1))
            for v, village_name in enumerate(villages, start=1):
                village = b.region(f"{town.id}{200 + v}", village_name, "village", town)
                short = _place_short(village_name)
                v_post = b.post(village, f"{village_name}服务站")
                b.staff(v_post, short, ("officer",))
                b.unit(f"U{village.id}-{GRID_TEAM_SUFFIX}", f"{short}{GRID_TEAM_NAME}",
                       "grid_team", village, v_post, rng.randint(2, 4), GRID_TEAM_CATEGORIES)
                for g in range(1, sizes.grids_per_village + 1):
                    b.region(f"{village.id}{g:02d}", f"{short}第{g}网格", "grid", village)

    from hub.demo_geometry import subdivide

    seats = {f"{row.code}101": (row.lat, row.lon) for row in COUNTIES[:sizes.counties]}
    regions, shapes = subdivide(b.regions, rng_seed, seats)
    return Jurisdiction(tuple(regions), tuple(b.posts), tuple(b.units), tuple(b.users),
                        shapes)
