"""Placeholder: the raster base map arrives in the next commit."""

from __future__ import annotations

from typing import Any


def attach_base_map(pane: Any) -> None:
    """No base map configured."""
    return None
