"""Font size and layout choice from the screen's size."""

from __future__ import annotations

REFERENCE_HEIGHT = 1080  # logical pixels of the screen the base size is made for
REFERENCE_PT = 10.5  # 14 px at 96 dpi on a 1080-line screen
MIN_PT, MAX_PT = 9.0, 28.0


def base_point_size(height_px: int, logical_dpi: float = 96.0) -> float:
    """The base font size (points) for a screen ``height_px`` logical pixels tall.

    Text keeps the same share of the screen height whatever the size and DPI setting:
    a 2160-line wall display without scaling gets twice the size of a 1080-line one.
    """
    dpi = logical_dpi if logical_dpi and logical_dpi > 0 else 96.0
    pt = REFERENCE_PT * (max(1, height_px) / REFERENCE_HEIGHT) * (96.0 / dpi)
    return round(min(MAX_PT, max(MIN_PT, pt)) * 2) / 2


def layout_kind(width_px: int, height_px: int, screens: int = 1) -> str:
    """The built-in layout for a screen: ``"dual"`` with two or more screens, ``"uhd"`` for
    the 3840×2160 class (≥ 1800 lines), ``"small"`` below 1000 lines or 1600 columns
    (1366×768 class), else ``"hd"`` (1920×1080)."""
    if screens >= 2:
        return "dual"
    if height_px >= 1800 and width_px >= 3000:
        return "uhd"
    if height_px < 1000 or width_px < 1600:
        return "small"
    return "hd"


def restored_size(width_px: int, height_px: int) -> tuple[int, int]:
    """The size a window opened maximised on a ``width_px`` × ``height_px`` available area
    returns to when the user restores it: the area less room for the window manager's
    title bar and borders (openbox takes 2 × 25 px, most others up to 40 px of height), so
    the restored frame stays on the screen and maximising it again barely moves the docks
    (the whole area put the frame's bottom edge 25 px past a 1080-line screen)."""
    return max(640, width_px - FRAME_ALLOWANCE[0]), max(480, height_px - FRAME_ALLOWANCE[1])


#: room (px) left for a window manager's frame around a restored window: width, height
FRAME_ALLOWANCE = (16, 40)
