"""The hub simulator: citizens, dispatchers and units acting on a hub over its public API.

It drives any protocol-conformant hub through ``/api/v1`` only (``requests``), never through
the hub's code: the intake account reports cases, the supervisor dispatches them, each unit
(``unit-<unit id>``, logged in lazily) accepts, resolves or returns them, callbacks close or
reopen them, overdue cases are urged, critical ones get a whistle (吹哨报到) and sometimes a
video call. ``--mode nyc311`` replays real New York 311 records instead (``hub.nyc311``).

One thread runs a scheduler, a heap of due jobs; there is no thread per case. Every
command carries ``expected_version``; a 409 re-reads the case and re-decides; 429, 5xx and
network errors back off and retry; nothing crashes the loop. Delays are simulated times
divided by ``--speed``. All HTTP goes through a small ``Transport`` so tests can stub it.

Limits: the simulator remembers only the cases it reported itself (and polls a few that it
left for a human dispatcher); it does not follow the feed.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import logging
import math
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import requests

from hub import nyc311, sim_loop
from hub.seed import (
    COUNTIES,
    DEMO_PASSWORD,
    DEPARTMENTS,
    GRID_TEAM_CATEGORIES,
    GRID_TEAM_SUFFIX,
    PREFECTURE_ID,
    STATION_CATEGORIES,
    STATION_SUFFIX,
    unit_username,
)
from hub.sim_loop import LoopSimulation, hub_speaks_loop

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
OPEN_STATUSES = ("reported", "dispatched", "accepted", "resolved", "returned")
RETRYABLE = frozenset({0, 429})  # plus every 5xx; 0 = network error


# ---- transport ----------------------------------------------------------------------------


class Transport(Protocol):
    """One HTTP exchange with the hub; status 0 means a network error (no answer)."""

    def send(self, method: str, path: str, *, token: str | None = None, json: Any = None,
             headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """Send ``method path`` (under ``/api/v1``) and return ``(status, decoded body)``."""
        ...


class HttpTransport:
    """``Transport`` over ``requests``; network errors and timeouts come back as status 0."""

    def __init__(self, base_url: str, timeout_s: float = 10.0) -> None:
        base = base_url.rstrip("/")
        self.base = base if base.endswith(API_PREFIX) else base + API_PREFIX
        self.timeout_s = timeout_s
        self.session = requests.Session()

    def send(self, method: str, path: str, *, token: str | None = None, json: Any = None,
             headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """Send one request; a body that is not JSON comes back as None."""
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        try:
            resp = self.session.request(method, self.base + path, json=json,
                                        headers=all_headers, timeout=self.timeout_s)
        except requests.RequestException as err:
            log.debug("%s %s: %s", method, path, err)
            return 0, None
        try:
            body = resp.json() if resp.content else None
        except ValueError:
            body = None
        return resp.status_code, body

    def close(self) -> None:
        """Close the connection pool."""
        self.session.close()


@dataclass(frozen=True, slots=True)
class Reply:
    """A hub answer: HTTP status (0 for a network error) and decoded body."""

    status: int
    body: Any

    @property
    def ok(self) -> bool:
        """True for a 2xx answer."""
        return 200 <= self.status < 300

    @property
    def retryable(self) -> bool:
        """True for a network error, 429 or 5xx: the same request may be tried again."""
        return self.status in RETRYABLE or self.status >= 500


class HubApi:
    """Accounts and tokens: logs each username in lazily, re-logs in once on 401.

    Attributes:
        statuses: every non-2xx status seen, counted.
        unexpected: ``"<status> <method> <path>"`` for each 4xx other than 409 and 429.
    """

    LOGIN_RETRY_S = 900.0  # a refused login is not retried sooner (the lockout rule)

    def __init__(self, transport: Transport, password: str,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.transport = transport
        self.password = password
        self.clock = clock
        self.tokens: dict[str, str] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.refused: dict[str, float] = {}
        self.statuses: Counter[int] = Counter()
        self.unexpected: list[str] = []

    def _note(self, status: int, method: str, path: str, optional: bool = False) -> None:
        if 200 <= status < 300 or (optional and status == 404):
            return
        self.statuses[status] += 1
        if 400 <= status < 500 and status not in (409, 429) and len(self.unexpected) < 1000:
            self.unexpected.append(f"{status} {method} {path}")

    def login(self, username: str) -> Reply:
        """Log ``username`` in; on success its token is cached."""
        refused_at = self.refused.get(username)
        if refused_at is not None and self.clock() - refused_at < self.LOGIN_RETRY_S:
            return Reply(401, None)
        status, body = self.transport.send(
            "POST", "/session", json={"username": username, "password": self.password})
        self._note(status, "POST", "/session")
        if 200 <= status < 300 and isinstance(body, dict) and body.get("token"):
            self.tokens[username] = str(body["token"])
            self.users[username] = dict(body.get("user") or {})
            self.refused.pop(username, None)
            log.info("logged in as %s", username)
        elif status in (401, 403):
            self.refused[username] = self.clock()
            log.warning("login refused for %s (%s)", username, status)
        return Reply(status, body)

    def call(self, username: str, method: str, path: str, json: Any = None,
             headers: Mapping[str, str] | None = None, optional: bool = False) -> Reply:
        """Send one request as ``username`` (logging in first if needed).

        ``optional``: a 404 is an expected answer (a route a 1.0 hub does not have).
        """
        for attempt in range(2):
            token = self.tokens.get(username)
            if token is None:
                login = self.login(username)
                if not login.ok:
                    return login
                token = self.tokens[username]
            status, body = self.transport.send(method, path, token=token, json=json,
                                               headers=headers)
            if status == 401 and attempt == 0:
                self.tokens.pop(username, None)  # expired or revoked: log in again
                continue
            self._note(status, method, path, optional)
            return Reply(status, body)
        return Reply(401, None)  # pragma: no cover - the loop always returns


# ---- configuration ------------------------------------------------------------------------


@dataclass(slots=True)
class SimConfig:
    """What the simulator is told (the command line's options)."""

    hub: str = "http://127.0.0.1:8765"
    mode: str = "synthetic"
    rate: float = 12.0           # new cases per (real) minute, synthetic mode
    speed: float = 60.0          # simulated seconds per real second
    duration_s: float | None = None
    password: str = DEMO_PASSWORD
    intake: str = f"intake-{PREFECTURE_ID}"
    supervisor: str = f"supervisor-{PREFECTURE_ID}"
    officer: str = f"officer-{PREFECTURE_ID}"
    seed: int | None = None
    nyc_file: Path | None = None
    max_gap_s: float | None = None  # nyc311: cap one (compressed) gap between records
    dispatch_share: float = 0.85
    min_delay_s: float = 0.02       # no job is scheduled sooner than this (real seconds)


# ---- what cases say -----------------------------------------------------------------------

SOURCES = (("app", 25), ("wechat", 20), ("hotline", 25), ("grid_worker", 18),
           ("video_ai", 7), ("self_found", 5))
CATEGORY_WEIGHTS = {"环境卫生": 18, "市容市貌": 16, "公共设施": 12, "道路交通": 14, "社会监督": 3,
                    "市场监管": 7, "公共安全": 8, "社会稳定": 8, "生态保护": 5, "民生救助": 6,
                    "其他": 3}
# Priority mixes for short-SLA (≤ 4 h) and other subcategories; overall ≈ 80/15/5 %.
PRIORITY_SHORT = (("normal", 50), ("urgent", 30), ("critical", 20))
PRIORITY_LONG = (("normal", 87.5), ("urgent", 11.25), ("critical", 1.25))

SOURCE_INTRO = {
    "app": "群众通过“一部手机治理通”APP反映",
    "wechat": "群众通过微信公众号反映",
    "hotline": "市民拨打12345热线反映",
    "grid_worker": "网格员巡查上报",
    "video_ai": "视频AI智能识别发现",
    "self_found": "指挥中心巡查自行发现",
}
ROADS = ("鹿城南路", "永安大道", "兴雁路", "龙江路", "阳光大道", "北浦路", "灵秀路", "中山路",
         "人民路", "团结路", "建设路", "文化路", "开发区大道", "彝乡路", "太阳历路", "福塔路",
         "桃源路", "环城路", "滨河路", "茶花路", "青龙路", "富民路")
LANDMARKS = ("农贸市场旁", "小学门口", "公交站台", "小区东门", "加油站旁", "卫生院对面", "广场",
             "桥头", "停车场", "商业街", "村口", "老街", "菜市场", "幼儿园附近", "客运站")
DETAILS = ("已持续{n}天", "影响周边居民正常生活", "群众多次反映未解决", "现场已拍照留存",
           "涉及约{n}户群众", "存在一定安全隐患", "早晚高峰尤为明显")

PHRASES: dict[str, tuple[str, ...]] = {
    "HJWS-01": ("垃圾堆积多日未清运", "垃圾收集点满溢无人清运"),
    "HJWS-02": ("路面泥土洒落无人清扫", "路面脏乱保洁不到位"),
    "HJWS-03": ("公厕脏臭无人打扫", "公厕长期锁门无法使用"),
    "HJWS-04": ("下水道污水外溢", "化粪池满溢污水流到路面"),
    "HJWS-05": ("垃圾桶破损垃圾散落", "垃圾桶满溢"),
    "HJWS-06": ("有人夜间偷倒建筑垃圾", "建筑渣土堆放占道"),
    "HJWS-07": ("老鼠泛滥", "蚊蝇孳生严重"),
    "HJWS-08": ("路边有死狗需清理", "水沟内有动物尸体发臭"),
    "HJWS-09": ("餐馆泔水倒入雨水井", "餐厨垃圾随意倾倒"),
    "SRSM-01": ("流动摊贩占道经营", "夜市摊点占用人行道"),
    "SRSM-02": ("墙面小广告乱张贴", "电线杆上乱涂乱画"),
    "SRSM-03": ("户外广告牌未经审批设置", "广告牌破损影响市容"),
    "SRSM-04": ("居民楼顶违章搭建", "私自搭建彩钢棚"),
    "SRSM-05": ("杂物乱堆乱放", "建材堆放占用通道"),
    "SRSM-06": ("商铺店外经营占道", "汽修店占道维修车辆"),
    "SRSM-07": ("临街阳台晾晒衣物影响市容", "在行道树上拉绳晾晒"),
    "SRSM-08": ("商户门前三包责任不落实", "门前卫生脏乱无人管"),
    "GGSS-01": ("路灯不亮", "多盏路灯损坏夜间漆黑"),
    "GGSS-02": ("井盖缺失存在安全隐患", "井盖破损下陷"),
    "GGSS-03": ("自来水管爆裂大量漏水", "供水管道破裂导致停水"),
    "GGSS-04": ("排水沟堵塞雨天积水", "雨水篦子堵塞"),
    "GGSS-05": ("人行道地砖松动破损", "盲道被破坏"),
    "GGSS-06": ("电线下垂距离地面过低", "电线杆倾斜存在隐患"),
    "GGSS-07": ("健身器材损坏", "公园座椅损坏"),
    "GGSS-08": ("行道树枝条遮挡信号灯", "绿化带苗木枯死无人补植"),
    "GGSS-09": ("小区电梯故障", "楼道灯损坏、屋面漏水"),
    "DLJT-01": ("车辆违停占用人行道", "机动车乱停乱放"),
    "DLJT-02": ("车辆堵住小区出入口", "车辆堵塞车库门口"),
    "DLJT-03": ("红绿灯故障", "信号灯不亮导致路口拥堵"),
    "DLJT-04": ("路面坑洼严重", "桥梁护栏损坏"),
    "DLJT-05": ("交通标志牌倒伏", "道路标线模糊不清"),
    "DLJT-06": ("僵尸车长期占用车位", "报废车辆长期停放"),
    "DLJT-07": ("早晚高峰严重拥堵", "路口车辆拥堵"),
    "DLJT-08": ("出租车拒载", "网约车绕路多收费"),
    "DLJT-09": ("电动车逆行闯红灯", "共享单车乱停放"),
    "SHJD-01": ("便民服务中心工作人员态度差", "窗口工作人员推诿"),
    "SHJD-02": ("反映问题长期无人处理", "部门之间相互推诿"),
    "SHJD-03": ("办理证件被违规收费", "学校乱收费"),
    "SHJD-04": ("新修道路质量差出现裂缝", "安置房工程质量问题"),
    "SHJD-05": ("惠农补贴发放不到位", "低保评定不公开"),
    "SCJG-01": ("餐馆卫生条件差", "超市售卖过期食品"),
    "SCJG-02": ("商家虚标价格", "商铺价格欺诈"),
    "SCJG-03": ("无证小作坊生产食品", "无证经营诊所"),
    "SCJG-04": ("售卖假冒伪劣农资", "商店销售假冒商品"),
    "SCJG-05": ("预付卡商家跑路", "购买商品退换货纠纷"),
    "SCJG-06": ("商贩缺斤短两", "电子秤作弊"),
    "SCJG-07": ("网吧内吸烟无人劝阻", "餐馆室内吸烟"),
    "GGAQ-01": ("车辆占用消防通道", "消防通道堆放杂物"),
    "GGAQ-02": ("闻到燃气味疑似泄漏", "餐馆液化气罐违规存放"),
    "GGAQ-03": ("老旧房屋墙体开裂有倒塌危险", "危房仍有人居住"),
    "GGAQ-04": ("电动车在楼道内充电", "飞线充电存在火灾隐患"),
    "GGAQ-05": ("楼顶广告牌松动有坠落风险", "阳台花盆摆放有坠落隐患"),
    "GGAQ-06": ("山体出现裂缝有滑坡风险", "边坡落石威胁道路安全"),
    "GGAQ-07": ("小作坊违规生产存在安全隐患", "工地未设安全防护"),
    "GGAQ-08": ("夜间有人聚众滋事", "路段监控损坏存在治安隐患"),
    "SHWD-01": ("邻里因排水问题发生纠纷", "邻居占用公共通道引发矛盾"),
    "SHWD-02": ("工地拖欠农民工工资", "企业拖欠员工工资"),
    "SHWD-03": ("村民土地界址纠纷", "宅基地权属争议"),
    "SHWD-04": ("家庭矛盾需调解", "赡养纠纷需介入"),
    "SHWD-05": ("群众聚集反映诉求", "业主聚集维权"),
    "SHWD-06": ("夜间噪声扰民", "广场舞音响声音过大"),
    "STBH-01": ("有人盗伐林木", "私自砍伐行道树"),
    "STBH-02": ("林区有人野外用火", "山上冒烟疑似起火"),
    "STBH-03": ("河道水体发黑发臭", "养殖废水直排河道"),
    "STBH-04": ("焚烧秸秆浓烟", "工地扬尘严重"),
    "STBH-05": ("工地夜间施工噪声扰民", "工厂机器噪声大"),
    "STBH-06": ("河道非法采砂", "私挖滥采石料"),
    "STBH-07": ("发现受伤野生动物", "有人非法捕猎野生动物"),
    "MSJZ-01": ("咨询低保申请条件", "特困老人生活困难"),
    "MSJZ-02": ("街头有流浪人员需救助", "桥洞下有流浪人员"),
    "MSJZ-03": ("家庭因病致困申请临时救助", "遭受意外急需救助"),
    "MSJZ-04": ("独居老人多日未见需上门查看", "留守儿童无人照看"),
    "MSJZ-05": ("残疾人证办理咨询", "无障碍设施缺失"),
    "MSJZ-06": ("公租房申请咨询", "公租房维修不及时"),
    "QT-01": ("咨询医保缴费政策", "咨询户籍办理流程"),
    "QT-02": ("其他问题反映", "建议增设便民设施"),
}


def _weighted(rng: Any, pairs: tuple[tuple[str, float], ...]) -> str:
    return str(rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0])


def parse_time(text: Any) -> datetime | None:
    """Parse an RFC 3339 time from the hub; anything else → None."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


# ---- the hub as the simulator knows it ----------------------------------------------------


def _infer_categories(unit: Mapping[str, Any]) -> tuple[str, ...]:
    """Guess what a unit handles when the hub does not say (by id suffix, then by name)."""
    uid, name = str(unit.get("id", "")), str(unit.get("name", ""))
    suffix = uid.rsplit("-", 1)[-1] if "-" in uid else ""
    for dept in DEPARTMENTS:
        if suffix == dept.code or dept.name in name:
            return dept.categories
    if suffix == STATION_SUFFIX or unit.get("kind") == "station":
        return STATION_CATEGORIES
    if suffix == GRID_TEAM_SUFFIX or unit.get("kind") == "grid_team":
        return GRID_TEAM_CATEGORIES
    return ()


class World:
    """Regions, units and categories learned from ``/snapshot`` and ``/categories``."""

    def __init__(self, snapshot: Mapping[str, Any], categories: list[Mapping[str, Any]]) -> None:
        self.regions: dict[str, dict[str, Any]] = {
            str(r["id"]): dict(r) for r in snapshot.get("regions") or [] if "id" in r}
        self.units: dict[str, dict[str, Any]] = {
            str(u["id"]): dict(u) for u in snapshot.get("units") or [] if "id" in u}
        self.categories: dict[str, list[dict[str, Any]]] = {}
        for cat in categories:
            subs = [dict(s) for s in cat.get("subcategories") or [] if "name" in s]
            if subs:
                self.categories[str(cat["name"])] = subs
        self.handles: dict[str, tuple[str, ...]] = {}
        for uid, unit in self.units.items():
            cats = unit.get("categories")
            self.handles[uid] = (tuple(str(c) for c in cats) if isinstance(cats, list)
                                 else _infer_categories(unit))
        self.units_by_region: dict[str, list[str]] = {}
        for uid in sorted(self.units):
            self.units_by_region.setdefault(str(self.units[uid].get("region_id")), []).append(uid)
        levels = Counter(r.get("level") for r in self.regions.values())
        leaf_level = "grid" if levels.get("grid") else None
        if leaf_level is None:
            parents = {r.get("parent_id") for r in self.regions.values()}
            self.grids = sorted(rid for rid in self.regions if rid not in parents)
        else:
            self.grids = sorted(rid for rid, r in self.regions.items() if r.get("level") == "grid")
        self.counties = sorted(rid for rid, r in self.regions.items() if r.get("level") == "county")
        #: region id → shapely polygon, from GET /regions/geometry (empty on a 1.0 hub)
        self.shapes: dict[str, Any] = {}

    def set_shapes(self, fc: Any) -> int:
        """Keep the polygons of ``GET /regions/geometry`` (1.1); return how many were usable."""
        from shapely.geometry import shape

        self.shapes = {}
        for feat in (fc.get("features") or []) if isinstance(fc, dict) else []:
            try:
                rid = str(feat["properties"]["id"])
                geom = shape(feat["geometry"])
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            if rid in self.regions and not geom.is_empty:
                self.shapes[rid] = geom
        return len(self.shapes)

    def point_in(self, region_id: str, rng: random.Random) -> tuple[float, float] | None:
        """A uniformly random (lat, lon) inside the region's polygon (6 decimals), or None."""
        from shapely.geometry import Point

        geom = self.shapes.get(region_id)
        if geom is None:
            return None
        minx, miny, maxx, maxy = geom.bounds
        for _ in range(2000):
            lat, lon = round(rng.uniform(miny, maxy), 6), round(rng.uniform(minx, maxx), 6)
            if geom.contains(Point(lon, lat)):
                return lat, lon
        p = geom.representative_point()
        return p.y, p.x

    def grid_at(self, lat: float, lon: float, grids: list[str]) -> str | None:
        """The grid among ``grids`` whose polygon holds (lat, lon), or None."""
        from shapely.geometry import Point

        point = Point(lon, lat)
        return next((g for g in grids if g in self.shapes and self.shapes[g].contains(point)),
                    None)

    def chain(self, region_id: str) -> list[str]:
        """Return the region and its ancestors, nearest first."""
        out: list[str] = []
        rid: str | None = region_id
        while rid is not None and rid in self.regions and rid not in out:
            out.append(rid)
            parent = self.regions[rid].get("parent_id")
            rid = str(parent) if parent is not None else None
        return out

    def ancestor(self, region_id: str, level: str) -> str | None:
        """Return the region's ancestor (or itself) at ``level``."""
        for rid in self.chain(region_id):
            if self.regions[rid].get("level") == level:
                return rid
        return None

    def position(self, region_id: str) -> tuple[float, float] | None:
        """Return the region's centre: its own, an ancestor's, or the seed's county seat."""
        for rid in self.chain(region_id):
            lat, lon = self.regions[rid].get("lat"), self.regions[rid].get("lon")
            if isinstance(lat, int | float) and isinstance(lon, int | float):
                return float(lat), float(lon)
            for row in COUNTIES:
                if row.code == rid:
                    return row.lat, row.lon
        return None

    def unit_for(self, region_id: str, category: str, exclude: set[str] | frozenset[str] = frozenset(),
                 ) -> str | None:
        """Return the unit of the nearest enclosing region that handles ``category``.

        Falls back to a town station, then a county department, then any unit up the chain.
        """
        chain = self.chain(region_id)
        for rid in chain:
            for uid in self.units_by_region.get(rid, []):
                if uid not in exclude and category in self.handles.get(uid, ()):
                    return uid
        for kind in ("station", "department", None):
            for rid in chain:
                for uid in self.units_by_region.get(rid, []):
                    if uid not in exclude and (kind is None or self.units[uid].get("kind") == kind):
                        return uid
        return None

    def department(self, county_id: str, code: str) -> str | None:
        """Return the county department with id suffix ``code`` (``GA`` …), if the hub has it."""
        for uid in self.units_by_region.get(county_id, []):
            if uid.endswith(f"-{code}") and self.units[uid].get("kind") == "department":
                return uid
        return None

    def sla_hours(self, category: str, subcategory: str) -> float | None:
        """Return a subcategory's SLA (by name or code)."""
        for sub in self.categories.get(category, []):
            if subcategory in (sub.get("name"), sub.get("code")):
                value = sub.get("sla_hours")
                return float(value) if isinstance(value, int | float) else None
        return None


# ---- cases the simulator follows ----------------------------------------------------------


@dataclass(slots=True)
class Track:
    """A case the simulator reported and follows, with its plan."""

    id: str
    version: int
    status: str
    unit_id: str | None
    category: str
    subcategory: str
    priority: str
    region_id: str
    title: str
    created: float                   # simulator clock when reported
    window_s: float                  # the SLA, in real seconds
    dispatch: bool = True            # False: left for a human dispatcher
    target_unit: str | None = None   # nyc311: the agency's unit
    resolve_after_s: float | None = None  # nyc311: fixed time to resolution (None: stays open)
    fixed_resolve: bool = False      # nyc311 timing instead of the SLA draw
    late: bool = False               # deliberately resolved past the SLA
    will_return: bool = False
    will_reopen: bool = False
    returns: int = 0
    reopens: int = 0
    urges: int = 0
    watches: int = 0
    failures: int = 0
    exclude: set[str] = field(default_factory=set)
    whistled: bool = False
    called: bool = False
    pending: bool = False            # a lifecycle job is scheduled
    # protocol 1.1 (hub.sim_loop)
    late_sign: bool = False          # signs past sign_due
    signed_late: bool = False
    will_extend: bool = False        # asks for an extension once
    extensions: int = 0
    reworks: int = 0
    duplicate_of: str | None = None  # a repeat report, to merge into that case
    sign_window_s: float | None = None
    awaiting: bool = False           # a request waits for the supervisor's decision
    nyc_stage: str | None = None     # nyc311: where the record's status leaves the case


@dataclass(order=True, slots=True)
class Job:
    """A due action in the scheduler's heap."""

    due: float
    seq: int
    action: str = field(compare=False)
    case_id: str | None = field(compare=False, default=None)
    attempt: int = field(compare=False, default=0)
    data: dict[str, Any] = field(compare=False, default_factory=dict)


class Simulator(LoopSimulation):
    """Drives a hub through its API: reports, dispatches, handles and closes cases.

    Attributes:
        config: the options.
        api: accounts and tokens over the transport.
        stats: actions done, by name (``reported``, ``dispatched``, ``closed``, ``conflicts`` …).
        world: what the hub told about regions, units and categories (after setup).
    """

    MAX_ATTEMPTS = 8
    MAX_FAILURES = 3
    MAX_WATCHES = 12

    def __init__(self, config: SimConfig, transport: Transport | None = None, *,
                 clock: Callable[[], float] | None = None, virtual: bool = False) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        self._vt = 0.0
        self.clock: Callable[[], float] = (
            self.virtual_clock if virtual else (clock or time.monotonic))
        self.transport = transport if transport is not None else HttpTransport(config.hub)
        self.api = HubApi(self.transport, config.password, clock=lambda: self.clock())
        self.stats: Counter[str] = Counter()
        self.world: World | None = None
        self.tracks: dict[str, Track] = {}
        self._heap: list[Job] = []
        self._seq = itertools.count()
        self._caller = config.officer
        self._use_code = False  # send subcategory codes instead of names (a hub that wants them)
        self._handlers: dict[str, Callable[[Job], None]] = {
            "report": self._do_report,
            "nyc_report": self._do_nyc_report,
            "dispatch": self._do_dispatch,
            "accept": self._do_accept,
            "resolve": self._do_resolve,
            "return": self._do_return,
            "callback": self._do_callback,
            "overdue": self._do_overdue,
            "watch": self._do_watch,
            "whistle": self._do_whistle,
            "checkin": self._do_checkin,
            "call_open": self._do_call_open,
            "call_end": self._do_call_end,
            "extend": self._do_extend,
            "decide": self._do_decide,
            "merge": self._do_merge,
        }

    # ---- scheduler
    def schedule(self, delay_s: float, action: str, case_id: str | None = None, *,
                 attempt: int = 0, **data: Any) -> Job:
        """Put a job on the heap, due ``delay_s`` real seconds from now."""
        job = Job(self.clock() + max(self.config.min_delay_s, delay_s), next(self._seq), action,
                  case_id, attempt, data)
        heapq.heappush(self._heap, job)
        return job

    def sim_delay(self, low_s: float, high_s: float) -> float:
        """Return a delay drawn between two simulated durations, in real seconds."""
        return self.rng.uniform(low_s, high_s) / self.config.speed

    def pending_jobs(self) -> int:
        """Return how many jobs are waiting."""
        return len(self._heap)

    def run_due(self) -> int:
        """Run every job that is due now; return how many ran."""
        ran = 0
        while self._heap and self._heap[0].due <= self.clock():
            job = heapq.heappop(self._heap)
            self._run_job(job)
            ran += 1
        return ran

    def _run_job(self, job: Job) -> None:
        handler = self._handlers.get(job.action)
        if handler is None:  # pragma: no cover - programming error
            log.error("no handler for %s", job.action)
            return
        track = self.tracks.get(job.case_id or "")
        if track is not None and job.action in _LIFECYCLE_JOBS:
            track.pending = False
        try:
            handler(job)
        except Exception:  # never let one job stop the simulation
            log.exception("job %s for %s failed", job.action, job.case_id)
            self.stats["job_errors"] += 1

    def _retry(self, job: Job, reply: Reply) -> bool:
        """Reschedule a job after a retryable answer; return True when it was handled so."""
        if not reply.retryable:
            return False
        if job.attempt + 1 >= self.MAX_ATTEMPTS:
            log.warning("giving up %s %s after %d attempts (last status %s)", job.action,
                        job.case_id or "", job.attempt + 1, reply.status)
            self.stats["gave_up"] += 1
            self.tracks.pop(job.case_id or "", None)
            return True
        backoff = min(30.0, 0.25 * 2 ** job.attempt) * self.rng.uniform(0.75, 1.25)
        log.info("retry %s %s in %.2fs (status %s)", job.action, job.case_id or "", backoff,
                 reply.status)
        self.stats["retries"] += 1
        track = self.tracks.get(job.case_id or "")
        if track is not None and job.action in _LIFECYCLE_JOBS:
            track.pending = True
        heapq.heappush(self._heap, Job(self.clock() + backoff, next(self._seq), job.action,
                                       job.case_id, job.attempt + 1, job.data))
        return True

    # ---- setup
    def setup(self) -> bool:
        """Log in, learn the hub's world, plan the first jobs; False if not possible yet."""
        for username in (self.config.intake, self.config.supervisor):
            reply = self.api.login(username)
            if not reply.ok:
                log.warning("cannot log in as %s (status %s)", username, reply.status)
                return False
        cats = self.api.call(self.config.supervisor, "GET", "/categories")
        snap = self.api.call(self.config.supervisor, "GET", "/snapshot")
        if not (cats.ok and snap.ok and isinstance(cats.body, list) and isinstance(snap.body, dict)):
            log.warning("cannot read the hub's categories and snapshot (%s, %s)", cats.status,
                        snap.status)
            return False
        self.world = World(snap.body, cats.body)
        geo = self.api.call(self.config.supervisor, "GET", "/regions/geometry", optional=True)
        if geo.ok and isinstance(geo.body, dict):  # a 1.1 hub: points go inside their grid
            log.info("hub: %d region polygons", self.world.set_shapes(geo.body))
        self.loop11 = hub_speaks_loop(cats.body)
        if not self.world.grids or not self.world.categories:
            log.warning("the hub has no regions or no categories")
            return False
        if not self.api.login(self.config.officer).ok:
            self._caller = self.config.supervisor
        log.info("hub: %d regions, %d grids, %d units, %d categories; mode %s, speed %g",
                 len(self.world.regions), len(self.world.grids), len(self.world.units),
                 len(self.world.categories), self.config.mode, self.config.speed)
        if self.config.mode == "nyc311":
            self._plan_replay()
        elif self.config.rate > 0:
            self.schedule(self._next_arrival(), "report")
        return True

    def close(self) -> None:
        """Release the transport's connections (if it has any to release)."""
        close = getattr(self.transport, "close", None)
        if callable(close):
            close()

    def fatal_login(self) -> bool:
        """True when the intake or supervisor credentials were refused (no point retrying)."""
        return any(u in self.api.refused for u in (self.config.intake, self.config.supervisor))

    def _next_arrival(self) -> float:
        return self.rng.expovariate(self.config.rate / 60.0)

    # ---- running
    def run(self, stop_event: threading.Event, duration_s: float | None = None) -> None:
        """Run until ``stop_event`` is set (or ``duration_s`` real seconds have passed)."""
        duration_s = duration_s if duration_s is not None else self.config.duration_s
        end = None if duration_s is None else self.clock() + duration_s
        backoff = 0.5
        while not stop_event.is_set() and self.world is None:
            if self.setup():
                break
            if self.fatal_login():
                log.error("credentials refused; the simulator stops")
                return
            stop_event.wait(backoff)
            backoff = min(backoff * 2, 15.0)
            if end is not None and self.clock() >= end:
                return
        while not stop_event.is_set():
            now = self.clock()
            if end is not None and now >= end:
                break
            self.run_due()
            wait = 0.5 if not self._heap else max(0.0, self._heap[0].due - self.clock())
            if end is not None:
                wait = min(wait, max(0.0, end - self.clock()))
            if wait > 0:
                stop_event.wait(min(wait, 0.5))
        log.info("simulator stopped: %s", dict(self.stats))

    def run_virtual(self, duration_s: float) -> None:
        """Run the jobs of the next ``duration_s`` seconds at once on a virtual clock (tests).

        Only for a simulator built with ``virtual=True``.
        """
        if self.world is None and not self.setup():
            return
        end = self._vt + duration_s
        while self._heap and self._heap[0].due <= end:
            job = heapq.heappop(self._heap)
            self._vt = max(self._vt, job.due)
            self._run_job(job)
        self._vt = end

    def virtual_clock(self) -> float:
        """A clock that only ``run_virtual`` moves."""
        return self._vt

    # ---- reading and re-deciding
    def _apply(self, track: Track, case: Any) -> None:
        """Take the hub's copy of a case into the track."""
        if not isinstance(case, dict):
            return
        version = case.get("version")
        if isinstance(version, int) and version >= track.version:
            track.version = version
            track.status = str(case.get("status", track.status))
            unit = case.get("unit_id")
            track.unit_id = str(unit) if unit is not None else None

    def _refresh(self, track: Track, reply: Reply | None = None) -> bool:
        """Bring the track up to date (from a 409 body or GET); False when it is gone."""
        case = reply.body.get("case") if reply is not None and isinstance(reply.body, dict) else None
        if not isinstance(case, dict):
            got = self.api.call(self.config.supervisor, "GET", f"/cases/{track.id}")
            if got.status == 404:
                self.tracks.pop(track.id, None)
                return False
            if not got.ok:
                return True  # keep what we know; the next decision retries
            case = got.body
        self._apply(track, case)
        return True

    def _conflict(self, track: Track, reply: Reply, action: str) -> None:
        self.stats["conflicts"] += 1
        log.info("%s %s: conflict (had v%d)", action, track.id, track.version)
        if self._refresh(track, reply):
            self.decide(track)

    def _failed(self, track: Track, reply: Reply, action: str) -> None:
        """A refusal that retrying will not fix: re-read and re-decide, a few times at most."""
        track.failures += 1
        log.warning("%s %s refused: %s %s", action, track.id, reply.status,
                    _error_message(reply.body))
        if track.failures >= self.MAX_FAILURES:
            log.warning("dropping case %s after %d refusals", track.id, track.failures)
            self.tracks.pop(track.id, None)
            self.stats["dropped"] += 1
            return
        if self._refresh(track):
            self.decide(track)

    def _outcome(self, job: Job, track: Track, reply: Reply, action: str) -> bool:
        """Handle a command's answer; True when it succeeded (the track is then updated)."""
        if reply.ok:
            self._apply(track, reply.body)
            return True
        if self._retry(job, reply):
            return False
        if reply.status == 409:
            self._conflict(track, reply, action)
        elif reply.status == 404:
            self.tracks.pop(track.id, None)
        else:
            self._failed(track, reply, action)
        return False

    def decide(self, track: Track) -> None:
        """Schedule the next step of a case from its current status."""
        if track.id not in self.tracks or track.pending or track.awaiting:
            return
        status = track.status
        if status == "reported" and track.duplicate_of is not None:
            self._lifecycle(track, self.sim_delay(300, 3600), "merge")
        elif track.nyc_stage is not None and self._nyc_stop(track):
            return
        elif status in ("reported", "returned"):
            if track.dispatch or status == "returned":
                self._lifecycle(track, self.sim_delay(60, 600), "dispatch")
            elif track.watches < self.MAX_WATCHES:
                self._lifecycle(track, self.sim_delay(1200, 2400), "watch")
            else:
                self.tracks.pop(track.id, None)
        elif status == "dispatched":
            if track.unit_id is None:
                self._lifecycle(track, self.sim_delay(60, 300), "watch")
            elif track.will_return and track.returns == 0:
                self._lifecycle(track, self.sim_delay(300, 1800), "return")
            else:
                self._lifecycle(track, self.accept_delay(track), "accept")
        elif status == "accepted":
            if track.fixed_resolve and track.resolve_after_s is None:
                return  # nyc311: never closed in the data, so it stays open (and is urged)
            if self.loop11 and track.will_extend and track.extensions == 0:
                self._lifecycle(track, self._resolve_delay(track) * 0.5, "extend")
                return
            self._lifecycle(track, self._resolve_delay(track), "resolve")
        elif status == "resolved":
            delay = (self.sim_delay(60, 300) if track.fixed_resolve
                     else self.sim_delay(300, 3600))
            self._lifecycle(track, delay, "callback")
        else:  # closed or unknown: nothing more to do
            self.tracks.pop(track.id, None)

    def _lifecycle(self, track: Track, delay_s: float, action: str) -> None:
        track.pending = True
        self.schedule(delay_s, action, track.id)

    def _resolve_delay(self, track: Track) -> float:
        """Real seconds until the unit resolves: a draw around the SLA, or the 311 record's."""
        now = self.clock()
        if track.fixed_resolve and track.resolve_after_s is not None:
            target = track.created + track.resolve_after_s
        else:
            share = self.rng.uniform(1.1, 1.6) if track.late else self.rng.uniform(0.25, 0.9)
            target = track.created + share * track.window_s
        return max(self.sim_delay(60, 300), target - now)

    def _window(self, case: Mapping[str, Any], category: str, subcategory: str) -> float:
        """The SLA in real seconds: the compressed SLA, or the hub's due window if shorter."""
        assert self.world is not None
        hours = self.world.sla_hours(category, subcategory)
        windows = []
        if hours is not None:
            windows.append(hours * 3600 / self.config.speed)
        reported, due = parse_time(case.get("reported_at")), parse_time(case.get("due_at"))
        if reported is not None and due is not None:
            windows.append(max(0.0, (due - reported).total_seconds()))
        return min(windows) if windows else 24 * 3600 / self.config.speed

    # ---- reporting
    def new_case(self) -> dict[str, Any]:
        """Invent one report: category, place, words, priority and source."""
        assert self.world is not None
        names = list(self.world.categories)
        weights = [CATEGORY_WEIGHTS.get(n, 3) for n in names]
        category = self.rng.choices(names, weights=weights)[0]
        sub = self.rng.choice(self.world.categories[category])
        code, sub_name = str(sub.get("code", "")), str(sub["name"])
        sla = sub.get("sla_hours")
        short = isinstance(sla, int | float) and sla <= 4
        priority = _weighted(self.rng, PRIORITY_SHORT if short else PRIORITY_LONG)
        source = _weighted(self.rng, SOURCES)
        grid = self.rng.choice(self.world.grids)
        road, landmark = self.rng.choice(ROADS), self.rng.choice(LANDMARKS)
        phrase = self.rng.choice(PHRASES.get(code, (f"{sub_name}问题",)))
        title = f"{road}{landmark}{phrase}"
        if source == "video_ai":
            title = f"【AI识别】{title}"
        detail = self.rng.choice(DETAILS).format(n=self.rng.randint(2, 30))
        place = self._place(grid)
        address = f"{place}{road}{self.rng.randint(1, 388)}号"
        description = (f"{SOURCE_INTRO[source]}：{address}（{landmark.rstrip('旁')}）{phrase}，"
                       f"{detail}，请相关部门尽快处理。")
        pos = self.world.position(grid)
        lat = lon = None
        inside = self.world.point_in(grid, self.rng)
        if inside is not None:
            lat, lon = inside
        elif pos is not None:
            lat = round(pos[0] + self.rng.uniform(-0.004, 0.004), 6)
            lon = round(pos[1] + self.rng.uniform(-0.004, 0.004), 6)
        return {"title": title[:200], "description": description[:5000], "category": category,
                "subcategory": code if self._use_code and code else sub_name,
                "priority": priority, "source": source, "region_id": grid,
                "address": address[:200], "lat": lat, "lon": lon,
                "_code": code, "_name": sub_name}

    def _place(self, grid: str) -> str:
        """County + town names of a grid (``楚雄市鹿城镇``)."""
        assert self.world is not None
        names = []
        for level in ("county", "town"):
            rid = self.world.ancestor(grid, level)
            if rid is not None:
                names.append(str(self.world.regions[rid].get("name", "")))
        return "".join(names)

    def _do_report(self, job: Job) -> None:
        if job.attempt == 0 and self.config.rate > 0:
            self.schedule(self._next_arrival(), "report")  # the next arrival
        if "body" not in job.data:
            body = self.new_case()
            job.data.update(body=body, key=str(uuid.uuid4()),
                            dispatch=self.rng.random() < self.config.dispatch_share,
                            late=self.rng.random() < 0.12,
                            will_return=self.rng.random() < sim_loop.RETURN,
                            will_reopen=self.rng.random() < 0.10,
                            late_sign=self.loop11 and self.rng.random() < sim_loop.LATE_SIGN,
                            will_extend=self.loop11 and self.rng.random() < sim_loop.EXTEND)
            body = self.maybe_duplicate(self.with_reporter(body))
            if "_duplicate_of" in body:
                job.data.update(body=body, dispatch=False)
        self._create(job)

    def _create(self, job: Job) -> None:
        """POST /cases with the job's body and key (the same key on every retry)."""
        assert self.world is not None
        body = dict(job.data["body"])
        code, name = body.pop("_code", ""), body.pop("_name", "")
        duplicate_of = body.pop("_duplicate_of", None)
        body["subcategory"] = code if self._use_code and code else name
        reply = self.api.call(self.config.intake, "POST", "/cases", json=body,
                              headers={"Idempotency-Key": job.data["key"]})
        if self._retry(job, reply):
            return
        if reply.status == 422 and code and not self._use_code and not job.data.get("flipped"):
            log.info("the hub refused a subcategory name; sending codes from now on")
            self._use_code = True
            job.data["flipped"] = True
            job.data["key"] = str(uuid.uuid4())
            self._create(job)
            return
        if not reply.ok or not isinstance(reply.body, dict) or "id" not in reply.body:
            log.warning("report refused: %s %s", reply.status, _error_message(reply.body))
            self.stats["report_refused"] += 1
            return
        case = reply.body
        track = Track(
            id=str(case["id"]), version=int(case.get("version", 1)),
            status=str(case.get("status", "reported")), unit_id=case.get("unit_id"),
            category=body["category"], subcategory=name or body["subcategory"],
            priority=body["priority"], region_id=body["region_id"], title=body["title"],
            created=self.clock(), window_s=self._window(case, body["category"], name or body["subcategory"]),
            dispatch=bool(job.data.get("dispatch", True)), late=bool(job.data.get("late")),
            will_return=bool(job.data.get("will_return")),
            will_reopen=bool(job.data.get("will_reopen")),
            late_sign=bool(job.data.get("late_sign")),
            will_extend=bool(job.data.get("will_extend")), duplicate_of=duplicate_of)
        nyc = job.data.get("nyc")
        if isinstance(nyc, dict):
            track.target_unit = nyc.get("unit")
            track.resolve_after_s = nyc.get("resolve_after_s")
            track.fixed_resolve = True
            if self.loop11:
                track.nyc_stage = nyc.get("stage")
        self.tracks[track.id] = track
        self.stats["reported"] += 1
        log.info("reported %s [%s/%s, %s, %s] %s", track.id, track.category, track.subcategory,
                 track.priority, body["source"], track.title)
        self.schedule(track.window_s + self.sim_delay(60, 600), "overdue", track.id)
        self.decide(track)

    # ---- nyc311 replay
    def _plan_replay(self) -> None:
        path = self.config.nyc_file or nyc311.default_path()
        records = nyc311.read_records(path)
        items = nyc311.replay_schedule(records, self.config.speed, self.config.max_gap_s)
        log.info("replaying %d NYC 311 records from %s over %.0f s", len(items), path,
                 items[-1].offset_s if items else 0.0)
        for index, item in enumerate(items):
            self.schedule(item.offset_s, "nyc_report", index=index, item=item)

    def nyc_case(self, item: nyc311.ReplayItem) -> tuple[dict[str, Any], str | None]:
        """Turn a replay item into a report body and the unit it goes to."""
        assert self.world is not None
        record = item.record
        category, code = nyc311.map_complaint(record.complaint_type)
        counties = self.world.counties or [self.world.grids[0]]
        county = counties[nyc311.county_index(record) % len(counties)]
        center = self.world.position(county) or (25.04, 101.55)
        pos = nyc311.map_position(record.lat, record.lon, *center)
        grids = [g for g in self.world.grids if county in self.world.chain(g)] or self.world.grids
        grid = (self.world.grid_at(pos[0], pos[1], grids) if pos is not None else None) \
            or self._nearest_grid(grids, pos, record.key)
        if pos is None or (self.world.grid_at(pos[0], pos[1], [grid]) is None
                           and self.world.shapes):
            pos = self.world.point_in(grid, self.rng) or pos
        if pos is None:
            gpos = self.world.position(grid)
            pos = (round(gpos[0] + self.rng.uniform(-0.004, 0.004), 6),
                   round(gpos[1] + self.rng.uniform(-0.004, 0.004), 6)) if gpos else None
        dept = nyc311.department_code(record.agency)
        unit = self.world.department(county, dept) if dept else None
        if unit is None:
            town = self.world.ancestor(grid, "town")
            unit = self.world.unit_for(town or grid, category)
        sub_name = next((str(s["name"]) for s in self.world.categories.get(category, [])
                         if s.get("code") == code), code)
        body = {"title": nyc311.title_for(record), "description": nyc311.description_for(record),
                "category": category, "subcategory": sub_name,
                "priority": nyc311.priority_for(record), "source": nyc311.source_for(record),
                "region_id": grid, "address": nyc311.address_for(record),
                "lat": pos[0] if pos else None, "lon": pos[1] if pos else None,
                "_code": code, "_name": sub_name}
        return body, unit

    def _nearest_grid(self, grids: list[str], pos: tuple[float, float] | None, key: str) -> str:
        assert self.world is not None
        if pos is not None:
            best, best_d = None, math.inf
            for g in grids:
                gp = self.world.position(g)
                if gp is not None:
                    d = (gp[0] - pos[0]) ** 2 + (gp[1] - pos[1]) ** 2
                    if d < best_d:
                        best, best_d = g, d
            if best is not None:
                return best
        return grids[int(key) % len(grids) if key.isdigit() else 0]

    def _do_nyc_report(self, job: Job) -> None:
        if "body" not in job.data:
            item: nyc311.ReplayItem = job.data["item"]
            body, unit = self.nyc_case(item)
            job.data.update(body=body, key=f"nyc311-{item.record.key}-{uuid.uuid4()}",
                            dispatch=True,
                            nyc={"unit": unit, "resolve_after_s": item.resolve_after_s,
                                 "stage": nyc311.loop_stage(item.record)})
        self._create(job)

    # ---- the supervisor
    def _do_dispatch(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None or self.world is None:
            return
        if track.status not in ("reported", "returned"):
            self.decide(track)
            return
        unit = track.target_unit if track.target_unit not in track.exclude else None
        if unit is None:
            unit = self.world.unit_for(track.region_id, track.category, track.exclude)
        if unit is None:
            track.exclude.clear()
            unit = self.world.unit_for(track.region_id, track.category)
        if unit is None:
            log.warning("no unit for %s (%s)", track.id, track.category)
            self.tracks.pop(track.id, None)
            return
        name = self.world.units.get(unit, {}).get("name", unit)
        reply = self.api.call(self.config.supervisor, "POST", f"/cases/{track.id}/assign", json={
            "unit_id": unit, "expected_version": track.version,
            "note": f"请{name}按时限办理" if track.returns == 0 else f"原单位退回，改派{name}办理"})
        if not self._outcome(job, track, reply, "dispatch"):
            return
        self.stats["dispatched"] += 1
        self.note_dispatch(track, reply.body)
        log.info("dispatched %s → %s", track.id, unit)
        if track.priority == "critical" and not track.whistled and self.rng.random() < 0.6:
            track.whistled = True
            self.schedule(self.sim_delay(60, 300), "whistle", track.id)
        if track.priority == "critical" and not track.called and self.rng.random() < 0.35:
            track.called = True
            self.schedule(self.sim_delay(120, 600), "call_open", track.id)
        self.decide(track)

    def _do_watch(self, job: Job) -> None:
        """Look at a case left for a human: once someone dispatches it, the units take over."""
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return
        track.watches += 1
        reply = self.api.call(self.config.supervisor, "GET", f"/cases/{track.id}")
        if self._retry(job, reply):
            return
        if reply.status == 404:
            self.tracks.pop(track.id, None)
            return
        self._apply(track, reply.body)
        self.decide(track)

    def _do_overdue(self, job: Job) -> None:
        """Urge a case still open past its SLA (督办), at most twice."""
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return
        got = self.api.call(self.config.supervisor, "GET", f"/cases/{track.id}")
        if self._retry(job, got):
            return
        if not got.ok:
            return
        self._apply(track, got.body)
        if track.status not in ("dispatched", "accepted") or track.unit_id is None:
            return
        if self.rng.random() < 0.7:
            reply = self.api.call(self.config.supervisor, "POST", f"/cases/{track.id}/urge",
                                  json={"note": "该案件已超期，请加快办理并及时反馈",
                                        "expected_version": track.version})
            if reply.ok:
                track.urges += 1
                self.stats["urged"] += 1
                log.info("urged %s (%s)", track.id, track.unit_id)
            elif reply.status == 409:
                self.stats["conflicts"] += 1
                self._refresh(track, reply)  # changed meanwhile: look again at the next check
        if track.urges < 2:
            self.schedule(max(track.window_s / 2, self.sim_delay(600, 1800)), "overdue", track.id)

    def _do_whistle(self, job: Job) -> None:
        """Blow a whistle (吹哨报到): the holding unit plus the county police and the grid team."""
        track = self.tracks.get(job.case_id or "")
        if track is None or self.world is None or track.unit_id is None:
            return
        units = [track.unit_id]
        county = self.world.ancestor(track.region_id, "county")
        police = self.world.department(county, "GA") if county else None
        village = self.world.ancestor(track.region_id, "village")
        team = next((u for u in self.world.units_by_region.get(village or "", [])
                     if self.world.units[u].get("kind") == "grid_team"), None)
        for uid in (police, team):
            if uid and uid not in units:
                units.append(uid)
        reply = self.api.call(self.config.supervisor, "POST", f"/cases/{track.id}/whistle", json={
            "unit_ids": units, "minutes": 30, "note": f"吹哨报到：{track.title}"[:1000],
            "expected_version": track.version},
            headers={"Idempotency-Key": job.data.setdefault("key", str(uuid.uuid4()))})
        if self._retry(job, reply):
            return
        if reply.status == 409 and job.attempt < 3 and self._refresh(track, reply):
            self.stats["conflicts"] += 1  # the case moved on: whistle on its new version
            if track.status in ("dispatched", "accepted"):
                self.schedule(0, "whistle", track.id, attempt=job.attempt + 1, **job.data)
            return
        if not reply.ok or not isinstance(reply.body, dict) or "id" not in reply.body:
            log.warning("whistle on %s refused: %s %s", track.id, reply.status,
                        _error_message(reply.body))
            return
        whistle_id = str(reply.body["id"])
        self.stats["whistles"] += 1
        log.info("whistle %s on %s → %s", whistle_id, track.id, ", ".join(units))
        for uid in units:
            self.schedule(self.sim_delay(120, 1500), "checkin", track.id, whistle=whistle_id,
                          unit=uid)

    def _do_checkin(self, job: Job) -> None:
        unit = str(job.data["unit"])
        reply = self.api.call(unit_username(unit), "POST", f"/whistles/{job.data['whistle']}/checkin",
                              json={})
        if self._retry(job, reply):
            return
        if reply.ok:
            self.stats["checkins"] += 1
            log.info("checked in %s to whistle %s", unit, job.data["whistle"])
        else:
            log.info("check-in of %s refused: %s %s", unit, reply.status,
                     _error_message(reply.body))

    def _do_call_open(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None or track.unit_id is None:
            return
        reply = self.api.call(self._caller, "POST", "/calls", json={
            "title": f"视频会商：{track.title}"[:200], "case_id": track.id,
            "unit_ids": [track.unit_id]},
            headers={"Idempotency-Key": job.data.setdefault("key", str(uuid.uuid4()))})
        if self._retry(job, reply):
            return
        if not reply.ok or not isinstance(reply.body, dict) or "id" not in reply.body:
            log.warning("call on %s refused: %s %s", track.id, reply.status,
                        _error_message(reply.body))
            return
        self.stats["calls_opened"] += 1
        log.info("video call %s opened for %s", reply.body["id"], track.id)
        self.schedule(self.sim_delay(600, 2400), "call_end", track.id, call=str(reply.body["id"]))

    def _do_call_end(self, job: Job) -> None:
        reply = self.api.call(self._caller, "POST", f"/calls/{job.data['call']}/end", json={})
        if self._retry(job, reply):
            return
        if reply.ok:
            self.stats["calls_ended"] += 1
            log.info("video call %s ended", job.data["call"])

    # ---- the units
    def _unit_command(self, job: Job, command: str, note: str) -> Track | None:
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return None
        if track.status != _FROM_STATUS[command] or track.unit_id is None:
            self.decide(track)
            return None
        reply = self.api.call(unit_username(track.unit_id), "POST",
                              f"/cases/{track.id}/{command}",
                              json={"note": note, "expected_version": track.version})
        return track if self._outcome(job, track, reply, command) else None

    def _do_accept(self, job: Job) -> None:
        track = self._unit_command(job, "accept", "已签收，正在安排人员处置")
        if track is not None:
            self.stats["accepted"] += 1
            log.info("accepted %s by %s", track.id, track.unit_id)
            self.decide(track)

    def _do_return(self, job: Job) -> None:
        holder = self.tracks[job.case_id].unit_id if job.case_id in self.tracks else None
        track = self._unit_command(job, "return", "不属于本单位职责范围，申请退回重新派遣")
        if track is not None:
            track.returns += 1
            if holder:
                track.exclude.add(holder)
            self.stats["returned"] += 1
            log.info("returned %s by %s", track.id, holder)
            if self.loop11 and track.status != "returned":
                self.stats["return_requested"] += 1
                self.after_return_request(track)  # 1.1: the supervisor decides
                return
            self.decide(track)

    def _do_resolve(self, job: Job) -> None:
        track = self._unit_command(job, "resolve", "已处置完毕，现场已整改，请回访核实")
        if track is not None:
            self.stats["resolved"] += 1
            log.info("resolved %s by %s", track.id, track.unit_id)
            self.decide(track)

    # ---- callbacks (intake)
    def _do_callback(self, job: Job) -> None:
        track = self.tracks.get(job.case_id or "")
        if track is None:
            return
        if track.status != "resolved":
            self.decide(track)
            return
        if self.loop11:
            self.loop_callback(job, track)
            return
        reopen = track.will_reopen and track.reopens == 0 and not track.fixed_resolve
        command = "reopen" if reopen else "close"
        note = ("回访群众不满意，问题仍未解决，重新派单" if reopen
                else "回访群众满意，同意结案")
        reply = self.api.call(self.config.intake, "POST", f"/cases/{track.id}/{command}",
                              json={"note": note, "expected_version": track.version})
        if not self._outcome(job, track, reply, command):
            return
        if reopen:
            track.reopens += 1
            self.stats["reopened"] += 1
            log.info("reopened %s after callback", track.id)
        else:
            self.stats["closed"] += 1
            log.info("closed %s after callback", track.id)
        self.decide(track)


_LIFECYCLE_JOBS = frozenset({"dispatch", "accept", "resolve", "return", "callback", "watch",
                             "extend", "merge"})
_FROM_STATUS = {"accept": "dispatched", "return": "dispatched", "resolve": "accepted"}


def _error_message(body: Any) -> str:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return str(body["error"].get("message", ""))
    return ""


# ---- command line -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Return the ``hub simulate`` argument parser."""
    d = SimConfig()
    p = argparse.ArgumentParser(prog="main.py hub simulate",
                                description="Drive a hub through its API with simulated cases.")
    p.add_argument("--hub", default=d.hub, help="hub base URL (API under /api/v1)")
    p.add_argument("--mode", choices=("synthetic", "nyc311"), default="synthetic")
    p.add_argument("--rate", type=float, default=d.rate,
                   help="new cases per minute (synthetic mode)")
    p.add_argument("--speed", type=float, default=d.speed,
                   help="time compression of the simulator's delays (60: a minute per second)")
    p.add_argument("--for", dest="duration", type=float, default=None, metavar="SECONDS",
                   help="stop after this many seconds")
    p.add_argument("--password", default=DEMO_PASSWORD, help="password of every account used")
    p.add_argument("--intake", default=d.intake, help="reporting account")
    p.add_argument("--supervisor", default=d.supervisor, help="dispatching account")
    p.add_argument("--officer", default=d.officer, help="account that opens video calls")
    p.add_argument("--seed", type=int, default=None, help="random seed (repeatable runs)")
    p.add_argument("--nyc-file", type=Path, default=None,
                   help="311 CSV to replay (default: the 2013 sample)")
    p.add_argument("--max-gap", type=float, default=None, metavar="SECONDS",
                   help="nyc311: cap each compressed gap between records (for the 2011 file)")
    return p


def parse_config(argv: list[str]) -> SimConfig:
    """Parse command-line arguments into a ``SimConfig``."""
    ns = build_parser().parse_args(argv)
    if ns.speed <= 0 or ns.rate < 0:
        build_parser().error("--speed must be positive and --rate not negative")
    return SimConfig(hub=ns.hub, mode=ns.mode, rate=ns.rate, speed=ns.speed,
                     duration_s=ns.duration, password=ns.password, intake=ns.intake,
                     supervisor=ns.supervisor, officer=ns.officer, seed=ns.seed,
                     nyc_file=ns.nyc_file, max_gap_s=ns.max_gap)


def simulate_main(argv: list[str]) -> int:
    """Entry point of ``python main.py hub simulate …``; returns the exit status."""
    config = parse_config(argv)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    sim = Simulator(config)
    stop = threading.Event()
    try:
        sim.run(stop)
    except KeyboardInterrupt:
        stop.set()
    finally:
        sim.close()
    print(", ".join(f"{k} {v}" for k, v in sorted(sim.stats.items())) or "nothing done")
    return 1 if sim.fatal_login() or sim.world is None else 0
