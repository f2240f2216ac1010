"""The wall's page kinds by page id (playlists name pages by it)."""

from __future__ import annotations

from console.wall.pages.base import WallPage
from console.wall.pages.breakdown import BreakdownPage
from console.wall.pages.calls import CallsPage
from console.wall.pages.kpi import KpiPage
from console.wall.pages.load import LoadPage
from console.wall.pages.map import MapPage
from console.wall.pages.overdue import OverduePage
from console.wall.pages.trend import TrendPage

PAGE_TYPES: dict[str, type[WallPage]] = {
    cls.page_id: cls for cls in (KpiPage, MapPage, TrendPage, BreakdownPage, LoadPage,
                                 OverduePage, CallsPage)
}


def _add_loop_pages() -> None:
    """Protocol 1.1's ranking page (console.loop.wall_rank) joins the wall's pages."""
    from console.loop.wall_rank import RankPage

    PAGE_TYPES[RankPage.page_id] = RankPage


_add_loop_pages()
