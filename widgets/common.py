"""Shared look and words of the panes: priority/status labels, colours, durations, times.

Status is never shown by colour alone: every label pairs a symbol and a word with the
colour. Colours come from the Okabe–Ito palette (safe for the common colour-vision
deficiencies). Labels are translated at call time (the tables are built by functions, so
the translator installed *then* is used) and cached per language; :func:`clear_label_cache`
drops the cache on a language change. Every call spells out
``QCoreApplication.translate("Context", "Text")`` with literals: ``pyside6-lupdate`` does
not see through an alias (``tr = QCoreApplication.translate``) and would miss the strings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from client import glossary
from client.state import State
from widgets.qt import (
    QColor,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFont,
    QGuiApplication,
    QLabel,
    Qt,
    QWidget,
)
from widgets.text import safe

# ---- Okabe–Ito palette

ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#8A8A8A"

PRIORITIES = ("critical", "urgent", "normal")
PRIORITY_RANK = {"critical": 0, "urgent": 1, "normal": 2}
PRIORITY_COLOR = {"critical": VERMILLION, "urgent": ORANGE, "normal": BLUE}
PRIORITY_SYMBOL = {"critical": "‼", "urgent": "!", "normal": ""}

STATUSES = ("reported", "returned", "dispatched", "accepted", "resolved", "closed")
STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}
STATUS_SYMBOL = {
    "reported": "●",
    "returned": "↩",
    "dispatched": "→",
    "accepted": "▶",
    "resolved": "✓",
    "closed": "■",
}
STATUS_COLOR = {
    "reported": VERMILLION,
    "returned": PURPLE,
    "dispatched": ORANGE,
    "accepted": BLUE,
    "resolved": GREEN,
    "closed": GREY,
}

OVERDUE_SYMBOL = "⚠"
NEAR_SYMBOL = "◔"
OVERDUE_COLOR = VERMILLION
NEAR_COLOR = ORANGE

_cache: dict[str, dict[str, str]] = {}


def clear_label_cache() -> None:
    """Forget translated labels (call on QEvent.LanguageChange)."""
    _cache.clear()


def current_lang() -> str:
    """The UI language (``zh_CN`` or ``en``): the language of the installed translation
    (its file translates this marker into its own language code)."""
    return glossary.normalize(QCoreApplication.translate("Glossary", "en"))


def link_problem(kind: str) -> str:
    """Why the feed's link is down (``LinkStatus.error_kind``), one sentence in the UI
    language (from the glossary): the status bar's and the KPI link tile's tooltips."""
    return safe(glossary.word("link_problem", kind, current_lang()), 200)


def _statuses() -> dict[str, str]:
    return dict(glossary.table("status", current_lang()))


def _priorities() -> dict[str, str]:
    return dict(glossary.table("priority", current_lang()))


def _sources() -> dict[str, str]:
    return dict(glossary.table("source", current_lang()))


def _actions() -> dict[str, str]:
    return dict(glossary.table("action", current_lang()))


def _lookup(table: str, build: Callable[[], dict[str, str]], key: object) -> str:
    labels = _cache.get(table)
    if labels is None:
        labels = _cache[table] = build()
    if isinstance(key, str):
        return labels.get(key, key)
    return "" if key is None else str(key)


def status_text(status: object) -> str:
    """Translated status word (unknown values shown as they came)."""
    return _lookup("status", _statuses, status)


def status_label(status: object) -> str:
    """Symbol + translated status word, e.g. ``● 待派遣``."""
    sym = STATUS_SYMBOL.get(status, "?") if isinstance(status, str) else "?"
    return f"{sym} {status_text(status)}"


def priority_text(priority: object) -> str:
    """Translated priority word."""
    return _lookup("priority", _priorities, priority)


def priority_label(priority: object) -> str:
    """Symbol + translated priority word, e.g. ``‼ 特急``."""
    sym = PRIORITY_SYMBOL.get(priority, "?") if isinstance(priority, str) else "?"
    return f"{sym} {priority_text(priority)}" if sym else priority_text(priority)


def source_text(source: object) -> str:
    """Translated reporting channel."""
    return _lookup("source", _sources, source)


def action_text(action: object) -> str:
    """Translated lifecycle action (past tense)."""
    return _lookup("action", _actions, action)


def fg(color: str) -> QColor:
    """``color`` as a text colour readable on the current palette's base.

    The Okabe–Ito hues are kept; on a light base they are darkened so that small text
    keeps a usable contrast (orange on white is otherwise ~2:1), on a dark base lightened.
    """
    base = QGuiApplication.palette().base().color().lightness()
    c = QColor(color)
    return c.darker(150) if base > 128 else c.lighter(115)


def priority_color(priority: object) -> QColor:
    """Text colour of a priority (blue for unknown)."""
    return fg(PRIORITY_COLOR.get(priority, BLUE) if isinstance(priority, str) else BLUE)


def format_duration(seconds: float) -> str:
    """Compact signed duration in the UI language: ``45m``, ``3h05m``, ``2d04h``, ``-1h05m``
    (Chinese: ``45分``, ``3时05分``, ``2天04时``); under a minute is ``0m`` with no sign."""
    total = int(abs(seconds)) // 60
    sign = "-" if seconds < 0 and total else ""
    days, rem = divmod(total, 24 * 60)
    hours, minutes = divmod(rem, 60)
    units = _cache.get("duration")
    if units is None:
        units = _cache["duration"] = dict(zip("dhm", _UNITS.get(current_lang(), _UNITS["en"]),
                                              strict=True))
    d, h, m = units["d"], units["h"], units["m"]
    if days:
        return f"{sign}{days}{d}{hours:02d}{h}"
    if hours:
        return f"{sign}{hours}{h}{minutes:02d}{m}"
    return f"{sign}{minutes}{m}"


_UNITS = {"en": ("d", "h", "m"), "zh_CN": ("天", "时", "分")}


def time_left_label(due: float | None, now: float, phase: int = 0) -> str:
    """Countdown text with a symbol: ``⚠ -1h05m`` overdue, ``◔ 12m`` near due, ``3h20m``."""
    if due is None:
        return "—"
    left = due - now
    if left < 0 or phase == 2:
        return f"{OVERDUE_SYMBOL} {format_duration(min(left, 0.0))}"
    if phase == 1:
        return f"{NEAR_SYMBOL} {format_duration(left)}"
    return format_duration(left)


def format_local(ts: float | None, zone: ZoneInfo, with_date: bool = True) -> str:
    """Epoch seconds as local time in ``zone`` (``2026-11-22 16:15`` or ``16:15:02``)."""
    if ts is None:
        return "—"
    dt = datetime.fromtimestamp(ts, zone)
    return dt.strftime("%Y-%m-%d %H:%M") if with_date else dt.strftime("%H:%M:%S")


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A QLabel that can never interpret rich text (for anything that may show hub text)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """OK and Cancel wired to ``dialog``'s accept and reject; OK says ``ok_text`` if given."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def case_line(state: State, case_id: str | None) -> str:
    """``ID  title`` of a case, as every command dialog names the case it acts on."""
    if case_id is None:
        return ""
    case = state.cases.get(case_id)
    title = safe(case.get("title"), 60) if isinstance(case, dict) else ""
    return f"{safe(case_id, 40)}  {title}".strip()


def scale_font(widget: QWidget, factor: float, bold: bool = True) -> None:
    """Make ``widget``'s font ``factor`` times the application's, and remember it so that
    :func:`rescale_fonts` can put it back after a stylesheet change reset it."""
    widget.setProperty("fontScale", float(factor))
    widget.setProperty("fontBold", bool(bold))
    f = QFont(widget.font())
    base = QGuiApplication.font().pointSizeF()
    f.setPointSizeF((base if base > 0 else 10.0) * factor)
    f.setBold(bold)
    widget.setFont(f)


def rescale_fonts(root: QWidget) -> None:
    """Reapply :func:`scale_font` to ``root`` and every widget inside it that used it."""
    for w in (root, *root.findChildren(QWidget)):
        factor = w.property("fontScale")
        if isinstance(factor, float):
            scale_font(w, factor, bool(w.property("fontBold")))
