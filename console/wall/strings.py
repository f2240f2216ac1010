"""The wall's words in Chinese (default) and English.

The wall is read from across the room in the post's language, so its few words are kept
here as a table rather than in the console's .ts files (which this package does not own);
the language follows ``QLocale()`` as set by :func:`console.i18n.install`. Status and
priority words come from :mod:`widgets.common` (the console's translations).
"""

from __future__ import annotations

from client import glossary
from widgets.qt import QLocale

_ZH = {
    "post": "指挥中心",
    "page.kpi": "今日态势",
    "page.map": "在办案件分布",
    "page.trend": "每小时上报量",
    "page.breakdown": "今日上报构成",
    "page.load": "单位负荷",
    "page.overdue": "超期案件",
    "page.calls": "视频会商",
    "kpi.reported": "今日上报",
    "kpi.closed": "今日办结",
    "kpi.rate": "办结率",
    "kpi.overdue": "当前超期",
    "kpi.ontime": "按时办结率",
    "kpi.calls": "进行中会商",
    "kpi.vs_yesterday": "昨日同时 {n}",
    "kpi.closed_of": "今日上报已办结 {c} / {r}",
    "kpi.near": "◔ 临期 {n}",
    "kpi.ontime_of": "按时 {c} / 办结 {n}",
    "kpi.closed_sub": "自 {t} 起",
    "kpi.calls_sub": "涉及单位 {n} 个",
    "map.legend_overdue": "◯ 闪烁 = 超期",
    "map.count": "在办 {n} 件",
    "map.region": "{name}\n在办 {n} · 超期 {d}",
    "map.shading": "底色 = 在办件数",
    "trend.today": "▇ 今日",
    "trend.yesterday": "◇┄ 昨日",
    "trend.summary": "截至 {h} 时：今日 {a} 件 · 昨日同期 {b} 件",
    "breakdown.category": "按类别",
    "breakdown.area": "按区域",
    "breakdown.none": "今日暂无上报",
    "load.sub": "在办 {open} · 在岗 {duty}",
    "load.overdue": "⚠ 超期 {n}",
    "load.level.high": "▲▲▲ 高",
    "load.level.mid": "▲▲ 中",
    "load.level.low": "▲ 低",
    "load.none": "暂无在办案件",
    "load.more": "另有 {n} 个单位",
    "overdue.total": "共 {n} 件超期",
    "overdue.none": "✓ 当前无超期案件",
    "overdue.more": "另有 {n} 件未显示",
    "overdue.by": "超期 {d}",
    "calls.none": "当前无视频会商",
    "calls.case": "案件 {id}",
    "calls.units": "{n} 个单位",
    "calls.running": "已进行 {d}",
    "takeover.critical": "‼ 特急新案件",
    "takeover.overdue": "⚠ 新增超期",
    "takeover.more": "另有 {n} 条待显示",
    "link.connecting": "○ 正在连接",
    "link.catching_up": "◐ 正在同步",
    "link.reconnecting": "○ 连接中断，重连中",
    "link.retry": "{s} 秒后重试",
    "link.offline": "✕ 离线",
    "link.session_expired": "✕ 登录已过期",
    "link.stale": "数据截至 {t}",
    "notice.relogin": "登录已过期，正在重新登录",
    "notice.relogin_failed": "重新登录失败：{e}",
    "notice.fatal": "数据源停止：{e}",
    "page.of": "{i}/{n}",
    "other": "其他",
    "trend.asof": "截至 {t}：今日 {a} 件 · 昨日同期 {b} 件",
    # protocol 1.1: the closed loop and assessment
    "page.rank": "本月考核排名",
    "kpi.pending": "待审申请",
    "kpi.pending_sub": "退单 {r} · 延期 {e}",
    "rank.head": "综合得分（签收 {a} / 解决 {b} / 满意 {c}）· 红线 {line} 分 · {n} 个单位",
    "rank.below": "▼ 低于红线",
    "rank.none": "本月尚无考核数据",
    "rank.unsupported": "该枢纽（协议 1.0）不提供考核数据",
    "rank.loading": "正在读取考核数据…",
    "rank.col_rank": "排名",
    "rank.col_unit": "单位",
    "rank.col_score": "得分",
    "rank.col_sign": "签收及时",
    "rank.col_solve": "解决率",
    "rank.col_satisfy": "满意率",
}

_EN = {
    "post": "Command Center",
    "page.kpi": "Today at a glance",
    "page.map": "Open cases",
    "page.trend": "Reports per hour",
    "page.breakdown": "Today's reports",
    "page.load": "Unit load",
    "page.overdue": "Overdue cases",
    "page.calls": "Video calls",
    "kpi.reported": "Reported today",
    "kpi.closed": "Closed today",
    "kpi.rate": "Closure rate",
    "kpi.overdue": "Overdue now",
    "kpi.ontime": "On-time rate",
    "kpi.calls": "Live calls",
    "kpi.vs_yesterday": "yesterday by now {n}",
    "kpi.closed_of": "{c} of {r} of today's reports closed",
    "kpi.near": "◔ {n} near due",
    "kpi.ontime_of": "{c} on time of {n} closed",
    "kpi.closed_sub": "since {t}",
    "kpi.calls_sub": "{n} units taking part",
    "map.legend_overdue": "◯ pulsing = overdue",
    "map.count": "{n} open",
    "map.region": "{name}\n{n} open · {d} overdue",
    "map.shading": "shading = open cases",
    "trend.today": "▇ today",
    "trend.yesterday": "◇┄ yesterday",
    "trend.summary": "Up to {h}:00 — today {a} · yesterday by then {b}",
    "breakdown.category": "By category",
    "breakdown.area": "By area",
    "breakdown.none": "No reports yet today",
    "load.sub": "{open} open · {duty} on duty",
    "load.overdue": "⚠ {n} overdue",
    "load.level.high": "▲▲▲ high",
    "load.level.mid": "▲▲ medium",
    "load.level.low": "▲ low",
    "load.none": "No open cases",
    "load.more": "{n} more units",
    "overdue.total": "{n} overdue",
    "overdue.none": "✓ Nothing overdue",
    "overdue.more": "{n} more not shown",
    "overdue.by": "overdue {d}",
    "calls.none": "No video call in progress",
    "calls.case": "case {id}",
    "calls.units": "{n} units",
    "calls.running": "running {d}",
    "takeover.critical": "‼ New critical case",
    "takeover.overdue": "⚠ Newly overdue",
    "takeover.more": "{n} more waiting",
    "link.connecting": "○ Connecting",
    "link.catching_up": "◐ Catching up",
    "link.reconnecting": "○ Link lost, reconnecting",
    "link.retry": "retry in {s} s",
    "link.offline": "✕ Offline",
    "link.session_expired": "✕ Login expired",
    "link.stale": "data as of {t}",
    "notice.relogin": "Login expired, logging in again",
    "notice.relogin_failed": "Logging in again failed: {e}",
    "notice.fatal": "The feed stopped: {e}",
    "page.of": "{i}/{n}",
    "other": "Other",
    "trend.asof": "Up to {t}: today {a} · yesterday by then {b}",
    "page.rank": "This month's ranking",
    "kpi.pending": "Requests to decide",
    "kpi.pending_sub": "returns {r} · extensions {e}",
    "rank.head": "Score (signed {a} / solved {b} / satisfied {c}) · red line {line} · {n} units",
    "rank.below": "▼ below the red line",
    "rank.none": "No assessment figures this month yet",
    "rank.unsupported": "This hub (protocol 1.0) provides no assessment",
    "rank.loading": "Reading the assessment…",
    "rank.col_rank": "Rank",
    "rank.col_unit": "Unit",
    "rank.col_score": "Score",
    "rank.col_sign": "Signed",
    "rank.col_solve": "Solved",
    "rank.col_satisfy": "Satisfied",
}


def is_chinese() -> bool:
    """True when the default locale is Chinese."""
    return QLocale().language() == QLocale.Language.Chinese


def status_word(status: object) -> str:
    """The word for a case status, from the one glossary (unknown values as they came)."""
    return glossary.word("status", status, "zh_CN" if is_chinese() else "en")


def priority_word(priority: object) -> str:
    """The word for a priority, from the one glossary."""
    return glossary.word("priority", priority, "zh_CN" if is_chinese() else "en")


def t(key: str, **kw: object) -> str:
    """The wall's text for ``key`` in the current language, formatted with ``kw``."""
    table = _ZH if is_chinese() else _EN
    text = table.get(key) or _EN.get(key) or key
    return text.format(**kw) if kw else text
