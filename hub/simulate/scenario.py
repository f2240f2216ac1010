"""What the simulated city looks like: the mix of reports (categories, priorities,
sources, words, places) and each case's fate (dispatched or left for a human, late, returned,
reopened, extended, duplicated), and what citizens answer at the callback.

The shares are module constants read at each draw, so a test may raise one with
``monkeypatch.setattr(scenario, "RETURN", 0.3)``. The draws use the simulator's seeded
``random.Random`` in a fixed order: the same seed gives the same city.

The shares give about 92 % of signs and 88 % of resolves on time when the hub's deadlines
run at the simulator's speed (``--sla-scale 1/speed``, as the console's demo runs).
"""

from __future__ import annotations

import random
from typing import NotRequired, TypedDict

from hub.seed import person_name
from hub.simulate.world import World

# ---- each case's fate (synthetic mode)
LATE = 0.12                # resolved past the SLA on purpose
REOPEN = 0.10              # 1.0 hub: the callback reopens it once
WHISTLE = 0.6              # a critical case gets a whistle (吹哨报到)
CALL = 0.35                # a critical case gets a video call
URGE = 0.7                 # an overdue case is urged (督办) at each check
# ---- protocol 1.1 (the closed loop, hub.simulate.loop11)
RETURN = 0.05  # a unit asks to return the case (a request in 1.1, at once in 1.0)
LATE_SIGN = 0.08
APPROVE_RETURN = 0.7
EXTEND = 0.06
APPROVE_EXTENSION = 0.8
DUPLICATE = 0.03
ANSWERS = (  # (solved, satisfaction), weight
    ((True, "satisfied"), 70.0),
    ((True, "basically_satisfied"), 14.0),
    ((True, "dissatisfied"), 5.0),
    ((False, "satisfied"), 3.0),
    ((False, "unreachable"), 8.0),
)

# ---- what reports say
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


def weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    """One name of ``pairs`` drawn by its weight."""
    return str(rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0])


def arrival_gap_s(rng: random.Random, rate_per_minute: float) -> float:
    """Real seconds until the next report (a Poisson process of ``rate_per_minute``)."""
    return rng.expovariate(rate_per_minute / 60.0)


class ReportDraft(TypedDict):
    """A report the simulator sends (``POST /cases``). The ``_`` keys are its own and are
    popped before sending: the subcategory's code and name (one of them goes out as
    ``subcategory``) and the case it repeats (a duplicate)."""

    title: str
    description: str
    category: str
    subcategory: str
    priority: str
    source: str
    region_id: str
    address: str
    lat: float | None
    lon: float | None
    _code: str
    _name: str
    _duplicate_of: NotRequired[str]
    reporter: NotRequired[dict[str, str]]  # protocol 1.1: citizens' channels say who


def case_fate(rng: random.Random, dispatch_share: float, loop11: bool) -> dict[str, bool]:
    """What will happen to a new synthetic case (drawn once, kept on its track)."""
    return {"dispatch": rng.random() < dispatch_share,
            "late": rng.random() < LATE,
            "will_return": rng.random() < RETURN,
            "will_reopen": rng.random() < REOPEN,
            "late_sign": loop11 and rng.random() < LATE_SIGN,
            "will_extend": loop11 and rng.random() < EXTEND}


def invent_case(world: World, rng: random.Random, use_code: bool) -> ReportDraft:
    """Invent one report: category, place, words, priority and source.

    The body carries ``_code`` and ``_name`` (the subcategory's code and name) for the
    simulator, which sends one of them as ``subcategory`` (codes to a hub that wants them).
    """
    names = list(world.categories)
    weights = [CATEGORY_WEIGHTS.get(n, 3) for n in names]
    category = rng.choices(names, weights=weights)[0]
    sub = rng.choice(world.categories[category])
    code, sub_name = str(sub.get("code", "")), str(sub["name"])
    sla = sub.get("sla_hours")
    short = isinstance(sla, int | float) and sla <= 4
    priority = weighted(rng, PRIORITY_SHORT if short else PRIORITY_LONG)
    source = weighted(rng, SOURCES)
    grid = rng.choice(world.grids)
    road, landmark = rng.choice(ROADS), rng.choice(LANDMARKS)
    phrase = rng.choice(PHRASES.get(code, (f"{sub_name}问题",)))
    title = f"{road}{landmark}{phrase}"
    if source == "video_ai":
        title = f"【AI识别】{title}"
    detail = rng.choice(DETAILS).format(n=rng.randint(2, 30))
    address = f"{place_name(world, grid)}{road}{rng.randint(1, 388)}号"
    description = (f"{SOURCE_INTRO[source]}：{address}（{landmark.rstrip('旁')}）{phrase}，"
                   f"{detail}，请相关部门尽快处理。")
    pos = world.position(grid)
    lat = lon = None
    inside = world.point_in(grid, rng)
    if inside is not None:
        lat, lon = inside
    elif pos is not None:
        lat = round(pos[0] + rng.uniform(-0.004, 0.004), 6)
        lon = round(pos[1] + rng.uniform(-0.004, 0.004), 6)
    return {"title": title[:200], "description": description[:5000], "category": category,
            "subcategory": code if use_code and code else sub_name,
            "priority": priority, "source": source, "region_id": grid,
            "address": address[:200], "lat": lat, "lon": lon,
            "_code": code, "_name": sub_name}


def place_name(world: World, grid: str) -> str:
    """County + town names of a grid (``楚雄市鹿城镇``)."""
    names = []
    for level in ("county", "town"):
        rid = world.ancestor(grid, level)
        if rid is not None:
            names.append(str(world.regions[rid].get("name", "")))
    return "".join(names)


def citizen(rng: random.Random) -> dict[str, str]:
    """Who reported: a name and a mobile number."""
    phone = f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}"
    return {"name": person_name(rng), "phone": phone}


def callback_answer(rng: random.Random, reworks: int) -> tuple[bool, str]:
    """The citizen's answer at the callback; never a second rework of the same case."""
    pairs = [p for p, _ in ANSWERS]
    weights = [w for _, w in ANSWERS]
    solved, satisfaction = rng.choices(pairs, weights=weights)[0]
    if reworks and (satisfaction == "dissatisfied" or not solved):
        return True, "basically_satisfied"
    return solved, satisfaction
