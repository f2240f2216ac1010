"""Themes: the QSS template in resources/themes/ filled from a theme dict.

Colours come from the Okabe–Ito palette (safe for the common colour-vision
deficiencies); status is never shown by colour alone (every status also has a word or a
symbol). A theme is a plain dict, so a wall theme (issue 7) is just another entry of
:data:`THEMES`.

The chosen theme dict is also published as the application property ``theme`` (a
QVariantMap) so panes can read status colours without importing the console:
``QApplication.instance().property("theme")["danger"]``.
"""

from __future__ import annotations

import re
from pathlib import Path

from widgets.qt import QApplication, QColor, QPalette

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TEMPLATE = RESOURCES / "themes" / "base.qss"

# Okabe–Ito: the eight colours, for reference and for panes' charts.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

DAY = {
    "name": "day",
    "dark": False,
    "background": "#F3F4F6",
    "surface": "#FFFFFF",
    "surface_alt": "#F0F3F7",
    "chrome": "#E2E6EB",
    "input": "#FFFFFF",
    "button": "#F7F8FA",
    "border": "#BFC6CF",
    "foreground": "#15191E",
    "muted": "#5E6670",
    "accent": OKABE_ITO["blue"],
    "accent_text": "#FFFFFF",
    "focus": OKABE_ITO["blue"],
    "selection": "#CFE6F7",
    "selection_text": "#0B1A26",
    # status (text on light backgrounds: darkened Okabe–Ito hues for contrast)
    "ok": "#00785A",
    "info": "#005A8C",
    "warn": "#9A6400",
    "danger": "#B34700",
    "critical": "#A3477E",
    # raw Okabe–Ito fills (markers, bars, badges)
    "fill_ok": OKABE_ITO["bluish_green"],
    "fill_info": OKABE_ITO["sky_blue"],
    "fill_warn": OKABE_ITO["orange"],
    "fill_danger": OKABE_ITO["vermillion"],
    "fill_critical": OKABE_ITO["reddish_purple"],
    "lock_background": "#E8EBEF",
}

NIGHT = {
    "name": "night",
    "dark": True,
    "background": "#11151B",
    "surface": "#181E26",
    "surface_alt": "#1D242E",
    "chrome": "#1F2630",
    "input": "#0E1217",
    "button": "#242C37",
    "border": "#3A4552",
    "foreground": "#E4E7EB",
    "muted": "#8D96A1",
    "accent": OKABE_ITO["sky_blue"],
    "accent_text": "#000000",
    "focus": OKABE_ITO["sky_blue"],
    "selection": "#0F4A73",
    "selection_text": "#FFFFFF",
    "ok": "#2BB58C",
    "info": OKABE_ITO["sky_blue"],
    "warn": OKABE_ITO["orange"],
    "danger": "#F0722A",
    "critical": OKABE_ITO["reddish_purple"],
    "fill_ok": OKABE_ITO["bluish_green"],
    "fill_info": OKABE_ITO["sky_blue"],
    "fill_warn": OKABE_ITO["orange"],
    "fill_danger": OKABE_ITO["vermillion"],
    "fill_critical": OKABE_ITO["reddish_purple"],
    "lock_background": "#0B0E12",
}

THEMES: dict[str, dict] = {"day": DAY, "night": NIGHT}

_VAR = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


def render(theme: dict, font_pt: float, template: str | None = None) -> str:
    """The stylesheet for ``theme`` with base font size ``font_pt``.

    Raises:
        KeyError: the template names a variable the theme lacks.
    """
    text = TEMPLATE.read_text(encoding="utf-8") if template is None else template
    values = dict(theme, font_pt=f"{font_pt:g}", font_pt_large=f"{round(font_pt * 1.6):g}")

    def fill(m: re.Match) -> str:
        return str(values[m.group(1)])

    return _VAR.sub(fill, text)


def palette_for(theme: dict) -> QPalette:
    """A QPalette matching the theme (for widgets the stylesheet does not reach)."""
    p = QPalette()
    role = QPalette.ColorRole
    p.setColor(role.Window, QColor(theme["background"]))
    p.setColor(role.WindowText, QColor(theme["foreground"]))
    p.setColor(role.Base, QColor(theme["surface"]))
    p.setColor(role.AlternateBase, QColor(theme["surface_alt"]))
    p.setColor(role.Text, QColor(theme["foreground"]))
    p.setColor(role.Button, QColor(theme["button"]))
    p.setColor(role.ButtonText, QColor(theme["foreground"]))
    p.setColor(role.Highlight, QColor(theme["selection"]))
    p.setColor(role.HighlightedText, QColor(theme["selection_text"]))
    p.setColor(role.ToolTipBase, QColor(theme["surface"]))
    p.setColor(role.ToolTipText, QColor(theme["foreground"]))
    p.setColor(role.PlaceholderText, QColor(theme["muted"]))
    p.setColor(role.Link, QColor(theme["info"]))
    return p


def apply(app: QApplication, name: str, font_pt: float) -> dict:
    """Apply theme ``name`` to ``app`` (stylesheet, palette, ``theme`` property); return it."""
    theme = THEMES[name]
    app.setPalette(palette_for(theme))
    app.setStyleSheet(render(theme, font_pt))
    app.setProperty("theme", {k: v for k, v in theme.items() if isinstance(v, str)})
    app.setProperty("theme_name", name)
    return theme
