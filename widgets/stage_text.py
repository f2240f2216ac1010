"""Display words of protocol 1.1's stage clocks, satisfaction and pending requests.

Translated through ``QCoreApplication.translate`` (context ``Stage``); used by the queue,
the case detail, the loop panes and the wall. Qt-free logic lives in :mod:`client.stages`.
"""

from __future__ import annotations

from client.overdue import NEAR, OVERDUE
from client.stages import StageClock, StagePolicy
from widgets.common import NEAR_SYMBOL, OVERDUE_SYMBOL, format_duration
from widgets.qt import QCoreApplication


def stage_word(stage: str) -> str:
    """签收 / 办结 / 回访."""
    return {"sign": QCoreApplication.translate("Stage", "sign"), "resolve": QCoreApplication.translate("Stage", "resolve"),
            "callback": QCoreApplication.translate("Stage", "callback")}.get(stage, stage)


def stage_alert_word(stage: str, phase: int) -> str:
    """签收超时 / 办结临期 / 回访超时 … for an alert of ``stage`` in ``phase``."""
    if phase == OVERDUE:
        return {"sign": QCoreApplication.translate("Stage", "Sign overdue"),
                "resolve": QCoreApplication.translate("Stage", "Resolve overdue"),
                "callback": QCoreApplication.translate("Stage", "Callback overdue")}.get(
            stage, stage)
    return {"sign": QCoreApplication.translate("Stage", "Sign near due"),
            "resolve": QCoreApplication.translate("Stage", "Resolve near due"),
            "callback": QCoreApplication.translate("Stage", "Callback near due")}.get(stage, stage)


def stage_title(stage: str) -> str:
    """The long name of a stage clock (e.g. 签收时限)."""
    return {"sign": QCoreApplication.translate("Stage", "Sign by"), "resolve": QCoreApplication.translate("Stage", "Resolve by"),
            "callback": QCoreApplication.translate("Stage", "Call back by")}.get(stage, stage)


def satisfaction_text(value: object) -> str:
    """满意 / 基本满意 / 不满意 / 未接通 (unknown values as they came, None as —)."""
    words = {"satisfied": QCoreApplication.translate("Stage", "satisfied"),
             "basically_satisfied": QCoreApplication.translate("Stage", "basically satisfied"),
             "dissatisfied": QCoreApplication.translate("Stage", "dissatisfied"),
             "unreachable": QCoreApplication.translate("Stage", "unreachable")}
    if value is None:
        return "—"
    return words.get(value, str(value)) if isinstance(value, str) else str(value)


def pending_kind_text(kind: object) -> str:
    """退单申请 / 延期申请 (unknown kinds as they came, none as — rather than "None")."""
    if kind is None:
        return "—"
    return {"return": QCoreApplication.translate("Stage", "return request"),
            "extension": QCoreApplication.translate("Stage", "extension request")}.get(str(kind), str(kind))


def basis_text(clock: StageClock) -> str:
    """工作时间 / 自然时间."""
    return QCoreApplication.translate("Stage", "working time") if clock.working else QCoreApplication.translate("Stage", "wall-clock time")


def clock_text(policy: StagePolicy, clock: StageClock, now: float, *,
               with_stage: bool = True) -> str:
    """``签收 ◔ 25m``: the stage, the phase symbol and the time left in the stage's time."""
    left = policy.remaining(clock, now)
    phase = policy.phase(clock, now)
    if phase == OVERDUE:
        body = f"{OVERDUE_SYMBOL} {format_duration(min(left, 0.0))}"
    elif phase == NEAR:
        body = f"{NEAR_SYMBOL} {format_duration(left)}"
    else:
        body = format_duration(left)
    return f"{stage_word(clock.stage)} {body}" if with_stage else body
