"""The case catalog: 11 categories and their 76 subcategories, each with an SLA.

Pure data, no I/O. Names follow 12345 hotline / 城市管理 / 网格化 practice; codes are the
pinyin initials of the category plus a two-digit number (``HJWS-01``). SLA hours: urgent
safety matters 2–4 h, most matters 24–72 h, slow administrative ones 120–168 h.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Subcategory:
    """One kind of matter (Open311 ``service_code`` → ``code``) and its time limit."""

    code: str
    name: str
    sla_hours: float


@dataclass(frozen=True, slots=True)
class Category:
    """A category (``环境卫生`` …) with its subcategories in display order."""

    name: str
    subcategories: tuple[Subcategory, ...]


def _category(name: str, prefix: str, items: tuple[tuple[str, float], ...]) -> Category:
    """Build a category whose subcategory codes are ``prefix-01``, ``prefix-02`` …."""
    subs = tuple(
        Subcategory(code=f"{prefix}-{n:02d}", name=sub_name, sla_hours=float(hours))
        for n, (sub_name, hours) in enumerate(items, start=1)
    )
    return Category(name=name, subcategories=subs)


CATEGORIES: tuple[Category, ...] = (
    _category("环境卫生", "HJWS", (
        ("垃圾清运不及时", 24),
        ("道路保洁", 24),
        ("公厕管理", 48),
        ("污水外溢", 12),
        ("垃圾桶破损满溢", 48),
        ("建筑垃圾乱倒", 72),
        ("病媒生物防治", 72),
        ("动物尸体清理", 12),
        ("餐厨垃圾违规处置", 48),
    )),
    _category("市容市貌", "SRSM", (
        ("占道经营", 24),
        ("乱张贴乱涂画", 72),
        ("违规户外广告", 120),
        ("违章搭建", 120),
        ("乱堆乱放", 48),
        ("店外经营", 24),
        ("沿街晾晒", 72),
        ("门前三包不落实", 72),
    )),
    _category("公共设施", "GGSS", (
        ("路灯不亮", 48),
        ("井盖缺失破损", 4),
        ("供水管道破裂", 8),
        ("排水管道堵塞", 24),
        ("人行道破损", 72),
        ("电力线路隐患", 8),
        ("公园及健身设施损坏", 120),
        ("园林绿化养护", 72),
        ("住宅小区设施维修", 72),
    )),
    _category("道路交通", "DLJT", (
        ("违章停车", 4),
        ("车辆堵塞出入口", 2),
        ("交通信号灯故障", 4),
        ("道路桥梁破损", 72),
        ("交通标志及设施缺损", 120),
        ("僵尸车清理", 168),
        ("交通拥堵", 2),
        ("出租车网约车违规", 72),
        ("非机动车违规", 48),
    )),
    _category("社会监督", "SHJD", (
        ("政务服务态度", 120),
        ("不作为慢作为", 120),
        ("违规收费", 120),
        ("工程质量监督", 168),
        ("惠民资金监督", 168),
    )),
    _category("市场监管", "SCJG", (
        ("食品安全", 24),
        ("价格欺诈", 48),
        ("无证经营", 72),
        ("假冒伪劣商品", 72),
        ("消费纠纷", 72),
        ("计量器具作弊", 48),
        ("公共场所控烟", 72),
    )),
    _category("公共安全", "GGAQ", (
        ("消防通道堵塞", 2),
        ("燃气泄漏隐患", 2),
        ("危房险情", 4),
        ("电动车违规充电", 4),
        ("高空坠物隐患", 4),
        ("地质灾害隐患", 3),
        ("安全生产隐患", 24),
        ("治安隐患", 8),
    )),
    _category("社会稳定", "SHWD", (
        ("邻里纠纷", 48),
        ("劳资纠纷", 72),
        ("土地权属纠纷", 168),
        ("婚姻家庭纠纷", 48),
        ("群体性聚集苗头", 2),
        ("噪声扰民", 12),
    )),
    _category("生态保护", "STBH", (
        ("乱砍滥伐林木", 24),
        ("森林防火隐患", 2),
        ("河道水体污染", 24),
        ("大气污染", 24),
        ("施工噪声污染", 24),
        ("非法采砂采石", 24),
        ("野生动物保护", 24),
    )),
    _category("民生救助", "MSJZ", (
        ("低保特困救助", 120),
        ("流浪乞讨人员救助", 24),
        ("临时救助", 48),
        ("留守老人儿童关爱", 72),
        ("残疾人帮扶", 120),
        ("住房保障", 168),
    )),
    _category("其他", "QT", (
        ("政策咨询", 168),
        ("其他事项", 72),
    )),
)

OTHER_CATEGORY = "其他"
"""The catch-all category's name; ``OTHER_SUBCATEGORY`` is its generic subcategory."""
OTHER_SUBCATEGORY = "QT-02"


@cache
def _index() -> dict[str, tuple[Category, Subcategory]]:
    return {sub.code: (cat, sub) for cat in CATEGORIES for sub in cat.subcategories}


def subcategory_index() -> dict[str, tuple[Category, Subcategory]]:
    """Return every subcategory by code, with its category (a fresh dict each call)."""
    return dict(_index())


def category_names() -> tuple[str, ...]:
    """Return the category names in display order."""
    return tuple(cat.name for cat in CATEGORIES)
