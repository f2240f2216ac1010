"""One glossary: the words for every status, priority, source, action, role, link state,
region level, alarm and time word, in Chinese (``zh_CN``, the default) and English.

Every place that shows a protocol code to a person takes its word from here: the console's
status words (``widgets/common.py``), the wall, the review, the handover report and the
CSV export. The console's .ts translations of the same words are checked against this
table by ``tests/widgets/test_glossary.py``, so the two cannot drift apart.

Rules kept here:

* 超期 (overdue) everywhere — never 超时;
* "today" (今日) runs from 00:00 to 24:00 in the post's time zone (Asia/Shanghai), in the
  console's counters and on the wall alike (:data:`TODAY_RULE`).

Qt-free: usable from ``client/`` commands without a QApplication.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

LANGS = ("zh_CN", "en")
DEFAULT_LANG = "zh_CN"
#: how "today" is counted everywhere (console KPI strip, wall, report)
TODAY_RULE = "00:00"

_ZH: dict[str, dict[str, str]] = {
    "status": {"reported": "已上报", "returned": "已退回", "dispatched": "已派遣",
               "accepted": "已受理", "resolved": "已办结", "closed": "已结案"},
    "priority": {"critical": "特急", "urgent": "紧急", "normal": "一般"},
    "source": {"app": "手机应用", "wechat": "微信", "hotline": "热线", "grid_worker": "网格员",
               "video_ai": "视频智能识别", "self_found": "自行发现"},
    "action": {"create": "新上报", "dispatch": "派遣", "reassign": "改派", "accept": "受理",
               "resolve": "办结", "return": "退回", "reopen": "重办", "close": "结案",
               "edit": "修改", "urge": "督办", "whistle": "吹哨", "checkin": "报到",
               "call_start": "发起视频会商", "call_end": "结束视频会商", "login": "登录",
               "logout": "退出登录", "assign": "派遣", "report": "上报",
               "call.start": "发起视频会商", "call.end": "结束视频会商",
               "no change": "无变化",
               # protocol 1.1
               "request_return": "申请退单", "request_extension": "申请延期",
               "approve": "申请已批准", "deny": "申请已驳回", "callback": "已回访",
               "rework": "退回重办", "merge": "已并单"},
    "role": {"officer": "值班员", "supervisor": "值班长", "wall": "指挥大屏",
             "unit": "处置单位", "intake": "受理渠道", "auditor": "审计管理员"},
    "link": {"live": "实时", "catching_up": "同步中", "connecting": "连接中",
             "reconnecting": "重连中", "offline": "离线", "session_expired": "会话已过期"},
    # why the link is down (client.feed.error_kind), for the link's tooltips
    "link_problem": {
        "unreachable": "无法连接中枢：请检查网络和中枢地址。",
        "database_unavailable": "中枢数据库暂时不可用。",
        "silent": "连接无响应：三个心跳周期内没有收到任何数据。",
        "lost": "连接中断。",
        "refused": "中枢拒绝了数据流连接。",
        "bad_answer": "中枢的应答不符合协议。",
        "rate_limited": "连接过多，中枢暂时拒绝。",
        "hub_error": "中枢返回了错误。",
        "session_expired": "会话已结束，请重新输入密码。",
        "cache": "本机班次缓存无法写入，数据流已停止：请检查磁盘后重启控制台。",
        "stopped": "数据流因本机错误停止：请重启控制台。"},
    "level": {"prefecture": "州（市）", "county": "县（市）", "town": "乡镇（街道）",
              "village": "村（社区）", "grid": "网格"},
    "alarm": {"critical": "新特急案件", "overdue": "新超期", "urge": "收到督办"},
    "detail": {"unit": "单位", "units": "单位", "note": "备注", "minutes": "时限（分钟）",
               "version": "版本"},
    "time": {"overdue": "超期", "near_due": "即将超期", "time_left": "剩余时间",
             "today": "今日", "unassigned": "未派遣", "minutes": "分钟"},
    "field": {"id": "编号", "version": "版本", "title": "标题", "description": "描述",
              "category": "类别", "subcategory": "子类", "priority": "紧急程度",
              "source": "来源", "status": "状态", "unit_id": "处置单位",
              "region_id": "所属区域", "address": "地址", "lat": "纬度", "lon": "经度",
              "reported_at": "上报时间", "due_at": "办理时限", "updated_at": "更新时间",
              "closed_at": "结案时间"},
}

_EN: dict[str, dict[str, str]] = {
    "status": {"reported": "Reported", "returned": "Returned", "dispatched": "Dispatched",
               "accepted": "Accepted", "resolved": "Resolved", "closed": "Closed"},
    "priority": {"critical": "Critical", "urgent": "Urgent", "normal": "Normal"},
    "source": {"app": "App", "wechat": "WeChat", "hotline": "Hotline",
               "grid_worker": "Grid worker", "video_ai": "Video AI",
               "self_found": "Self-found"},
    "action": {"create": "new", "dispatch": "dispatched", "reassign": "reassigned",
               "accept": "accepted", "resolve": "resolved", "return": "returned",
               "reopen": "reopened", "close": "closed", "edit": "edited", "urge": "urged",
               "whistle": "whistle", "checkin": "checked in", "call_start": "video call",
               "call_end": "video call ended", "login": "logged in", "logout": "logged out",
               "assign": "dispatched", "report": "reported", "call.start": "video call",
               "call.end": "video call ended", "no change": "no change",
               # protocol 1.1
               "request_return": "return requested",
               "request_extension": "extension requested", "approve": "request approved",
               "deny": "request refused", "callback": "called back",
               "rework": "sent back for rework", "merge": "merged as a duplicate"},
    "role": {"officer": "duty officer", "supervisor": "supervisor", "wall": "video wall",
             "unit": "unit", "intake": "intake", "auditor": "auditor"},
    "link": {"live": "live", "catching_up": "catching up", "connecting": "connecting",
             "reconnecting": "reconnecting", "offline": "offline",
             "session_expired": "session expired"},
    "link_problem": {
        "unreachable": "The hub cannot be reached: check the network and the hub's address.",
        "database_unavailable": "The hub's database is unavailable for now.",
        "silent": "The link is silent: no data for three heartbeat intervals.",
        "lost": "The link was cut.",
        "refused": "The hub refused the feed connection.",
        "bad_answer": "The hub answered something the protocol does not allow.",
        "rate_limited": "Too many connections: the hub refuses for now.",
        "hub_error": "The hub answered an error.",
        "session_expired": "The session ended: enter the password again.",
        "cache": "The shift cache on this machine cannot be written; the feed stopped: "
                 "check the disk and restart the console.",
        "stopped": "The feed stopped on an error of this machine: restart the console."},
    "level": {"prefecture": "prefecture", "county": "county", "town": "town",
              "village": "village", "grid": "grid"},
    "alarm": {"critical": "New critical", "overdue": "Newly overdue", "urge": "Urge received"},
    "detail": {"unit": "unit", "units": "units", "note": "note", "minutes": "minutes",
               "version": "version"},
    "time": {"overdue": "Overdue", "near_due": "Near due", "time_left": "Time left",
             "today": "Today", "unassigned": "unassigned", "minutes": "min"},
    "field": {"id": "id", "version": "version", "title": "title",
              "description": "description", "category": "category",
              "subcategory": "subcategory", "priority": "priority", "source": "source",
              "status": "status", "unit_id": "unit", "region_id": "region",
              "address": "address", "lat": "lat", "lon": "lon",
              "reported_at": "reported", "due_at": "due", "updated_at": "updated",
              "closed_at": "closed"},
}

_TABLES = {"zh_CN": _ZH, "en": _EN}


def normalize(lang: str | None) -> str:
    """``zh``/``zh-CN``/``zh_CN`` → ``zh_CN``; ``en*`` → ``en``; anything else the default."""
    text = (lang or DEFAULT_LANG).replace("-", "_").lower()
    return "en" if text.startswith("en") else "zh_CN"


def table(kind: str, lang: str | None = None) -> Mapping[str, str]:
    """Every word of one kind (``status``, ``priority``, ``source``, ``action``, ``role``,
    ``link``, ``level``, ``alarm``, ``time``, ``field``) in ``lang``."""
    return _TABLES[normalize(lang)][kind]


def word(kind: str, code: object, lang: str | None = None) -> str:
    """The word for ``code`` (an unknown code is shown as it came; None as empty)."""
    if code is None:
        return ""
    return table(kind, lang).get(str(code), str(code))


def kinds() -> tuple[str, ...]:
    """The kinds of words the glossary holds."""
    return tuple(_ZH)


def local_time(ts: float | None, zone: str | ZoneInfo = "Asia/Shanghai") -> str:
    """Epoch seconds as ``YYYY-MM-DD HH:MM:SS`` in the post's zone (empty for None)."""
    if ts is None:
        return ""
    z = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)
    return datetime.fromtimestamp(ts, z).strftime("%Y-%m-%d %H:%M:%S")
