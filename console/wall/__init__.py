"""Video-wall display mode (issue 7): full-screen, read-only pages read from afar.

Public API:

* :func:`open_wall` ``(ctx, feed=None, *, screens=1, config=None, sizes=None,
  clock=time.time, show=True) -> WallController`` — the wall for any pane context;
* :class:`WallConsole` — a logged-in wall (session, feed, bridge, re-login), for the
  launcher (``main.py --wall`` or a login with the ``wall`` role);
* :class:`WallController` — the windows, the pump's sink, playlists and takeovers;
* :func:`load_config` / :class:`WallConfig` / :func:`parse_screens` — ``--wall-config``
  and ``--screens``;
* :data:`WALL` — the wall theme dict (same template scheme as :mod:`console.themes`).

See docs/wall.md.
"""

from console.wall.config import PAGES, WallConfig, load_config, parse_screens
from console.wall.controller import WallConsole, WallController, choose_screens, open_wall
from console.wall.theme import WALL

__all__ = ["PAGES", "WALL", "WallConfig", "WallConsole", "WallController", "choose_screens",
           "load_config", "open_wall", "parse_screens"]
