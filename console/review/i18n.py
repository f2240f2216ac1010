"""Translations of the review window and the handover report (context ``Review``).

Source strings are English; Chinese (zh_CN) is the default. The console's own .ts/.qm
files cover ``console/`` and ``widgets/`` strings (the panes, status words); this module's
strings live in the table below, served by a small :class:`QTranslator` subclass, so the
review package can ship without touching the console's translation files. (When the lead
moves them into ``commandpost_zh_CN.ts``, :data:`ZH` can go.)
"""

from __future__ import annotations

from client import glossary
from widgets.qt import QCoreApplication, QObject, QTranslator

CONTEXT = "Review"


def tr(text: str) -> str:
    """Translate one source string of the review package."""
    return QCoreApplication.translate(CONTEXT, text)


class DictTranslator(QTranslator):
    """Answers ``Review`` strings from a dict; everything else falls through (None)."""

    def __init__(self, table: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        if context != CONTEXT:
            return FALLBACK.get((context, source))
        return self.table.get(source)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the console's translators and this package's for ``lang``; return them."""
    from console import i18n

    translators: list[QTranslator] = []
    if i18n.normalize(lang) == "zh_CN":
        # installed first: the console's own files (installed after) take precedence
        t = DictTranslator(ZH, app)
        app.installTranslator(t)
        translators.append(t)
    translators += i18n.install(app, lang)
    try:
        from widgets.common import clear_label_cache

        clear_label_cache()
    except ImportError:  # pragma: no cover - panes not there
        pass
    return translators


ZH: dict[str, str] = {
    # protocol 1.1: the closed loop in the report and the story
    "Closed loop: callbacks, reworks, merges, requests": "闭环：回访、重办、并单、申请",
    "{c} callbacks ({w} sent back for rework), {m} merged duplicates, {d} requests decided, "
    "{p} pending at handover, {s} late signs.":
        "回访 {c} 件（其中退回重办 {w} 件），并单 {m} 件，审核申请 {d} 件，交班时待审 {p} 件，"
        "超时签收 {s} 件。",
    "solved": "已解决",
    "not solved": "未解决",
    "rework": "重办",
    "case closed": "结案",
    "Resolved by": "办结单位",
    "Satisfaction": "满意度",
    "Solved": "是否解决",
    "Result": "结果",
    "Duplicate": "重复件",
    "Merged into": "并入",
    "Request": "申请",
    "Decision": "审核结果",
    "Reason": "理由",
    "approved": "批准",
    "refused": "驳回",
    "Asked at": "申请时间",
    "Clock": "时限",
    "{stage} by {t}": "{stage}时限 {t}",
    "late": "超时",
    # report
    "Page {n}": "第 {n} 页",
    "None.": "无。",
    "… and {n} more (see the CSV)": "……另有 {n} 条（见 CSV）",
    "Cases reported and closed per hour": "每小时上报与办结案件数",
    "reported": "上报",
    "closed": "办结",
    "{m} min": "{m} 分钟",
    "{h} h {m} min": "{h} 小时 {m} 分",
    "{d} d {h} h": "{d} 天 {h} 小时",
    "Command Post · shift handover report · {post} · shift {label}":
        "指挥中心 · 交接班报告 · {post} · 班次 {label}",
    "Shift handover report": "交接班报告",
    "Shift {label}: {span} ({zone})": "班次 {label}：{span}（{zone}）",
    "Figures as at {at}; made from {n} cached events (seq {seqs}), offline.":
        "数据截至 {at}；依据本机缓存的 {n} 条事件（序号 {seqs}）离线生成。",
    "Warning: the cache file is damaged; the report covers only what could be read.":
        "警告：缓存文件已损坏，本报告只包含可读取的部分。",
    "Cases of the shift": "本班案件",
    "Reported": "上报",
    "Closed": "办结",
    "Closure rate": "办结率",
    "On-time rate": "按时办结率",
    "Overdue at handover": "交班时超期",
    "Open critical": "未结特急",
    "Urges": "督办",
    "Whistles": "吹哨",
    "Calls": "视频会商",
    "Activity": "工作量",
    "(none)": "（无）",
    "Cases by status": "案件状态分布",
    "Cases by category (top 8)": "案件类别（前 8）",
    "Counts by status, category and unit": "按状态、类别、单位统计",
    "Status": "状态",
    "Cases": "案件数",
    "Category": "类别",
    "Unit": "单位",
    "— unassigned": "— 未派遣",
    "Overdue at handover ({n})": "交班时超期案件（{n}）",
    "Case": "案件",
    "Title": "标题",
    "Held by": "承办单位",
    "Due": "时限",
    "Overdue by": "已超期",
    "Open critical cases ({n})": "未办结的特急案件（{n}）",
    "Closed during the shift, known from a snapshot ({n})": "本班次内办结、由快照得知的案件（{n}）",
    "The cache holds no close event for these cases (it started mid-shift or reloaded a "
    "snapshot); they are counted as closed in the shift.":
        "缓存中没有这些案件的办结事件（缓存在班次中途开始，或重新加载了快照），它们计入本班次办结数。",
    "Urges ({n})": "督办（{n}）",
    "Time": "时间",
    "By": "操作人",
    "Note": "说明",
    "Whistles ({n})": "吹哨报到（{n}）",
    "Checked in": "已报到",
    "Calls ({n})": "视频会商（{n}）",
    "Started": "开始",
    "Ended": "结束",
    "Units": "单位数",
    "open": "进行中",
    "Definitions: cases of the shift = open at its start or changed during it, as at its end; "
    "closure rate = closed in the shift / cases of the shift; on time = closed no later than "
    "due; overdue at handover = still being handled past due. Priorities: {c} = critical.":
        "口径：本班案件 = 接班时未办结或本班内有变动的案件（按交班时状态统计）；办结率 = 本班办结数"
        " / 本班案件数；按时办结 = 在办理时限内办结；交班时超期 = 超过时限仍在办理。{c} 即最高优先级。",
    # review window
    "Offline review": "离线回放",
    "Offline review — {post} — shift {label}": "离线回放 — {post} — 班次 {label}",
    "Play": "播放",
    "Pause": "暂停",
    "Step back one event": "后退一条事件",
    "Step forward one event": "前进一条事件",
    "Previous event of the selected case": "所选案件的上一条事件",
    "Next event of the selected case": "所选案件的下一条事件",
    "Next event matching the filter": "下一条符合筛选的事件",
    "Next match": "下一条匹配",
    "Timeline": "时间轴",
    "Speed": "倍速",
    "Filter events: case id, unit, actor, action": "筛选事件：案件号、单位、操作人、动作",
    "All events": "全部事件",
    "Case changes": "案件变动",
    "Urges only": "仅督办",
    "Whistles and calls": "吹哨与会商",
    "{n} events match": "{n} 条事件符合",
    "Events": "事件",
    "Case story": "案件经过",
    "Select a case to see its story.": "选择一个案件查看其经过。",
    "Handover report…": "交接班报告…",
    "Report written: {pdf}": "报告已生成：{pdf}",
    "Could not write the report: {err}": "报告生成失败：{err}",
    "Read-only review of a cached shift — no hub connection.": "只读回放本机缓存的班次 — 不连接平台。",
    "{time} · event {i} of {n} · seq {seq}": "{time} · 第 {i} / {n} 条事件 · 序号 {seq}",
    "{time} · shift start (snapshot, seq {seq})": "{time} · 班次起点（快照，序号 {seq}）",
    "The cache file is damaged or truncated: {n} events could be read, up to seq {seq} ({time}). "
    "The rest is lost. Opened read-only.":
        "缓存文件已损坏或被截断：可读取 {n} 条事件，截至序号 {seq}（{time}），其余部分已丢失。已以只读方式打开。",
    "Choose a shift to review": "选择要回放的班次",
    "Post": "指挥中心",
    "Shift": "班次",
    "Start": "开始",
    "End": "结束",
    "Snapshots": "快照",
    "Problem": "问题",
    "as found at shift start": "接班时状态",
    "created": "上报",
    "urged": "督办",
    "whistle": "吹哨",
    "whistle check-in": "吹哨报到",
    "call": "视频会商",
    "call ended": "会商结束",
    "took {d}": "用时 {d}",
    "{p}% of SLA": "占时限 {p}%",
    "LATE": "超期",
    "SLA {d}": "时限 {d}",
    "Step": "环节",
    "When": "时间",
    "Took": "用时",
    "Elapsed / SLA": "累计 / 时限",
}


#: Words the report and story share with the panes (``widgets.common``), used only when the
#: console's own translation files do not translate them (yet).
FALLBACK: dict[tuple[str, str], str] = {
    **{("CaseStatus", en): glossary.word("status", code, "zh_CN")
       for code, en in glossary.table("status", "en").items()},
    **{("CasePriority", en): glossary.word("priority", code, "zh_CN")
       for code, en in glossary.table("priority", "en").items()},
    **{("CaseAction", en): glossary.word("action", code, "zh_CN")
       for code, en in glossary.table("action", "en").items()},
}
