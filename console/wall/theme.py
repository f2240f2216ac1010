"""The wall theme: a dark high-contrast theme dict and its QSS template.

Same scheme as :mod:`console.themes` (a dict filled into a ``{{ name }}`` template by
:func:`console.themes.render`); the wall's template is kept here because the wall's
widgets are its own. Type sizes are pixels derived from the window height:
``base = height / 40 × scale`` (27 px on 1080 lines, 54 px on 2160), see :func:`sizes`.

Colours: near-black background (LED walls and burn-in), white text, Okabe–Ito status
hues (safe for the common colour-vision deficiencies). Status is never shown by colour
alone: every status has a symbol and a word beside its colour.
"""

from __future__ import annotations

from console.themes import OKABE_ITO, palette_for, render
from widgets.qt import QWidget

WALL = {
    "name": "wall",
    "dark": True,
    "background": "#04060A",
    "surface": "#0D131B",
    "surface_alt": "#131B26",
    "chrome": "#0A0F16",
    "input": "#000000",
    "button": "#1A222D",
    "border": "#2E3A48",
    "foreground": "#FFFFFF",
    "muted": "#B9C3CF",  # ≥ 10:1 on the background: still readable from afar
    "accent": OKABE_ITO["sky_blue"],
    "accent_text": "#000000",
    "focus": OKABE_ITO["sky_blue"],
    "selection": "#0F4A73",
    "selection_text": "#FFFFFF",
    "ok": "#35C79A",
    "info": OKABE_ITO["sky_blue"],
    "warn": OKABE_ITO["orange"],
    "danger": "#FF7A2E",
    "critical": "#E58BC0",
    "fill_ok": OKABE_ITO["bluish_green"],
    "fill_info": OKABE_ITO["sky_blue"],
    "fill_warn": OKABE_ITO["orange"],
    "fill_danger": OKABE_ITO["vermillion"],
    "fill_critical": OKABE_ITO["reddish_purple"],
    "lock_background": "#000000",
    # wall-only
    "grid": "#1C2633",
    "yesterday": "#B9C3CF",
    "today": OKABE_ITO["sky_blue"],
}

#: size roles relative to the base size (documented in docs/wall.md)
ROLES = {"kpi": 4.0, "huge": 3.0, "big": 1.6, "title": 1.25, "body": 1.0, "small": 0.72}
#: the smallest text the wall ever draws, relative to the base size
MIN_ROLE = min(ROLES.values())

TEMPLATE = """
/* Wall stylesheet (console/wall/theme.py): every rule starts at #wallWindow so that it
   outranks the console's application stylesheet; sizes are filled in px from the base. */
#wallWindow { background: {{ background }}; color: {{ foreground }}; }
#wallWindow QStackedWidget, #wallWindow QFrame { background: {{ background }}; }
#wallWindow QLabel { background: transparent; color: {{ foreground }}; }
#wallWindow #wallHeader { background: {{ chrome }};
                          border-bottom: {{ rule_px }}px solid {{ border }}; }
#wallWindow #wallPostName { font-size: {{ title_px }}px; font-weight: bold; }
#wallWindow #wallPageTitle { font-size: {{ title_px }}px; font-weight: bold; color: {{ accent }}; }
#wallWindow #wallClock { font-size: {{ title_px }}px; font-weight: bold; }
#wallWindow #wallDate, #wallWindow #wallPageDots { font-size: {{ small_px }}px; color: {{ muted }}; }
#wallWindow #wallLink { font-size: {{ small_px }}px; font-weight: bold; color: {{ warn }};
                        border: {{ rule_px }}px solid {{ warn }}; padding: 0 {{ pad_px }}px; }
#wallWindow #wallLink[link="offline"], #wallWindow #wallLink[link="session_expired"] {
                        color: {{ danger }}; border-color: {{ danger }}; }
#wallWindow #wallNotice { font-size: {{ small_px }}px; background: {{ surface_alt }};
                          border-left: {{ frame_px }}px solid {{ danger }}; padding: 0 {{ pad_px }}px; }
#wallWindow #wallTile { background: {{ surface }}; border: {{ rule_px }}px solid {{ border }};
                        border-radius: {{ pad_px }}px; }
#wallWindow QLabel[wallText="kpi"] { font-size: {{ kpi_px }}px; font-weight: bold; }
#wallWindow QLabel[wallText="huge"] { font-size: {{ huge_px }}px; font-weight: bold; }
#wallWindow QLabel[wallText="big"] { font-size: {{ big_px }}px; font-weight: bold; }
#wallWindow QLabel[wallText="title"] { font-size: {{ title_px }}px; font-weight: bold; }
#wallWindow QLabel[wallText="body"] { font-size: {{ body_px }}px; }
#wallWindow QLabel[wallText="small"] { font-size: {{ small_px }}px; color: {{ muted }}; }
#wallWindow QLabel[tone="danger"] { color: {{ danger }}; }
#wallWindow QLabel[tone="ok"] { color: {{ ok }}; }
#wallWindow QLabel[tone="warn"] { color: {{ warn }}; }
#wallWindow #wallTakeover { background: {{ surface_alt }};
                            border: {{ frame_px }}px solid {{ fill_danger }};
                            border-radius: {{ pad_px }}px; }
#wallWindow #wallTakeover[kind="overdue"] { border-color: {{ fill_warn }}; }
"""


def base_px(height: int, scale: float = 1.0) -> int:
    """The base type size (px) for a window ``height`` px tall: ``height / 40 × scale``."""
    return max(12, round(height / 40 * scale))


def sizes(base: int) -> dict[str, int]:
    """Pixel sizes of every role, plus rules and paddings, for a base size."""
    out = {f"{k}_px": max(9, round(base * v)) for k, v in ROLES.items()}
    out.update(rule_px=max(1, round(base / 14)), frame_px=max(3, round(base / 6)),
               pad_px=max(3, round(base / 4)))
    return out


def stylesheet(base: int, theme: dict | None = None) -> str:
    """The wall's stylesheet for a base size."""
    theme = WALL if theme is None else theme
    return render(dict(theme, **{k: str(v) for k, v in sizes(base).items()}),
                  base * 0.75, TEMPLATE)


def apply(window: QWidget, base: int, theme: dict | None = None) -> None:
    """Style ``window`` (palette and stylesheet) for base size ``base``."""
    theme = WALL if theme is None else theme
    window.setPalette(palette_for(theme))
    window.setStyleSheet(stylesheet(base, theme))
