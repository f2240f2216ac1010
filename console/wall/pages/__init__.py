"""The wall's pages: made to be read from five metres, all day, without anyone touching them.

Every page is a :class:`WallPage`: it keeps nothing that grows with the feed (it reads the
State and :class:`console.wall.model.WallStats` when it refreshes), marks itself dirty from
change sets, and is refreshed by the controller only while it is shown (at most every
``min_refresh_s``). Charts keep their pyqtgraph items and update them in place
(``setData``/``setOpts``); lists and boards are painted in one ``paintEvent``.

Type sizes are roles of the base size (:mod:`console.wall.theme`); status always pairs a
symbol and a word with its colour.


One module per page kind: :mod:`.kpi`, :mod:`.map`, :mod:`.trend`, :mod:`.breakdown`,
:mod:`.load`, :mod:`.overdue`, :mod:`.calls` (and :mod:`console.loop.wall_rank`); their
base and context in :mod:`.base`, the shared painted list in :mod:`.row_list`, the
click-free chart in :mod:`.quiet_plot`, and the page id → class table in :mod:`.registry`.
"""
