"""The console's :class:`widgets.pane.PaneContext`: state, user, background commands, selection.

One :class:`Session` per logged-in user. Panes read ``state`` on the GUI thread and ask
the session to talk to the hub (``run_command``, ``fetch``); the session runs those calls
on a :class:`console.jobs.Jobs` pool and calls back on the GUI thread. A failed command
becomes one sentence for the officer (``sig_message``); a 401 becomes
``sig_session_expired`` (the window asks for the password again and keeps its state).

Threading: GUI thread only (the pool threads see only the HubClient).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from client.api import HubClient
from client.errors import SessionExpired
from client.regions import EVERYTHING, Scope
from client.state import State
from client.timeutil import DEFAULT_ZONE
from client.working_time import DEFAULT_CALENDAR, WorkingCalendar
from console.jobs import Jobs
from console.messages import describe_error
from widgets.actions_port import ActionsPort
from widgets.context import SharedContext
from widgets.pane import Pane
from widgets.pane_roles import CategoryListener, ScopeListener
from widgets.qt import QObject, Signal
from widgets.text import safe

if TYPE_CHECKING:
    from console.loop.commands import LoopActions

log = logging.getLogger(__name__)

ROLES_WITH_ACTIONS = frozenset({"officer", "supervisor", "unit", "intake"})


class Session(SharedContext, QObject):
    """What every pane gets: implements :class:`widgets.pane.PaneContext`.

    Attributes:
        api: the logged-in HubClient (shared with the Feed thread).
        state: the synced picture (GUI thread only).
        zone: the post's time zone.
        role: the user's role.
        read_only: True for the wall role (and, later, wall mode and offline review).
        username: the login name.
        user: the user object from the login answer.
        user_id: the user's id (panes key per-user settings with it).
        selected: the shared selected case id, or None.
        panes: the panes that receive selection changes.
        actions: the commands panes may ask for (None until the console installs them).

    Signals:
        sig_message(str, str): a message for the officer: ``(level, text)``, level
            ``info`` or ``error``.
        sig_session_expired(): a call was refused with 401; ask for the password again.
        sig_selection(object): the shared selection changed (a case id or None).
        sig_scope(object): the shared scope changed (a :class:`client.regions.Scope`: the
            region node and category the officer narrowed the console to).
        sig_categories(object): ``GET /categories`` arrived (the list kept in
            ``categories``); the one fetch serves every listener.
    """

    sig_message = Signal(str, str)
    sig_session_expired = Signal()
    sig_selection = Signal(object)
    sig_scope = Signal(object)
    sig_categories = Signal(object)

    def __init__(self, api: HubClient, username: str, *, state: State | None = None,
                 zone_name: str = DEFAULT_ZONE, read_only: bool = False,
                 jobs: Jobs | None = None, parent: QObject | None = None,
                 cache_dir: Path | None = None,
                 calendar: WorkingCalendar = DEFAULT_CALENDAR) -> None:
        super().__init__(parent)
        self.api = api
        #: the shift cache folder (the map keeps the region polygons there), or None
        self.cache_dir = cache_dir
        self.username = username
        self.user: dict = dict(api.user or {})
        self.user_id: str = str(self.user.get("id") or username)
        self.role: str = str(self.user.get("role") or "officer")
        self.read_only = read_only or self.role not in ROLES_WITH_ACTIONS
        self.zone = ZoneInfo(zone_name)
        #: the post's working calendar: the closed-loop clocks count working hours on it
        self.calendar = calendar
        self.state = state if state is not None else State(zone_name=zone_name)
        self.jobs = jobs if jobs is not None else Jobs(parent=self)
        self.panes: list[Pane] = []
        self.selected: str | None = None
        #: the commands panes may ask for; the console installs its Actions here
        #: (:func:`console.supervisor.actions.actions_for`) before it builds the panes
        self.actions: ActionsPort | None = None
        #: the closed-loop commands (protocol 1.1), made on first use by
        #: :func:`console.loop.commands.loop_for`
        self.loop: LoopActions | None = None
        #: the region node and category the panes are narrowed to (shared, like selected)
        self.scope: Scope = EVERYTHING
        self._background = 0
        self.categories: list[dict] = []
        self._sub_names: dict[tuple[str, str], str] = {}

    # ---- PaneContext

    def run_command(self, label: str, fn: Callable[[HubClient], Any],
                    on_ok: Callable[[Any], None] | None = None,
                    on_error: Callable[[Exception], None] | None = None) -> None:
        """Run ``fn(api)`` off the GUI thread; report a failure to the officer in words."""
        if self.read_only:
            self.sig_message.emit(
                "error", self.tr("{label}: this console is read-only.").format(label=label))
            return
        api = self.api

        def failed(exc: Exception) -> None:
            self._report(label, exc)
            if on_error is not None:
                on_error(exc)

        def done(result: Any) -> None:
            self.sig_message.emit("info", self.tr("{label}: done.").format(label=label))
            if on_ok is not None:
                on_ok(result)

        self.jobs.submit(lambda: fn(api), done, failed)

    def fetch(self, fn: Callable[[HubClient], Any], on_ok: Callable[[Any], None],
              on_error: Callable[[Exception], None] | None = None) -> None:
        """Run a read ``fn(api)`` off the GUI thread and call back on it."""
        api = self.api

        def failed(exc: Exception) -> None:
            if isinstance(exc, SessionExpired):
                self.sig_session_expired.emit()
            if on_error is not None:
                on_error(exc)
            else:
                log.info("read failed: %s", exc)

        self.jobs.submit(lambda: fn(api), on_ok, failed)


    # ---- Public API (console)

    def set_scope(self, scope: Scope) -> None:
        """Narrow every pane to ``scope``: each :class:`widgets.pane_roles.ScopeListener`
        (the queue, units, KPIs, map, region tree) follows, then ``sig_scope`` tells the
        rest (the map's region choice, the region tree's label)."""
        if scope == self.scope:
            return
        self.scope = scope
        for pane in list(self.panes):
            if not isinstance(pane, ScopeListener):
                continue
            try:
                pane.on_scope(scope)
            except Exception:
                log.exception("pane %s failed on a scope", pane.pane_id)
        self.sig_scope.emit(scope)

    def select_region(self, region_id: str | None) -> None:
        """Narrow to the region ``region_id`` (None: the whole post), keeping the category."""
        s = self.scope
        self.set_scope(Scope(region_id, s.category, s.subcategory))

    @contextmanager
    def background(self) -> Iterator[None]:
        """Mark feed deliveries and ticks: what panes do inside is not the user's doing."""
        self._background += 1
        try:
            yield
        finally:
            self._background -= 1

    @property
    def in_background(self) -> bool:
        """Whether panes are being updated by the feed, the clock or a selection fan-out
        (a selection signal now is a rebuild's echo, never a user's gesture)."""
        return self._background > 0 or self.fanning_out

    @property
    def post_name(self) -> str:
        """The post's name (from the snapshot; the post id until then)."""
        post = self.state.post
        if isinstance(post, dict) and post.get("name"):
            return safe(post["name"], 60)
        return safe(self.user.get("post_id") or "", 60)

    @property
    def display_name(self) -> str:
        """The user's display name (the login name when the hub gave none)."""
        return safe(self.user.get("name") or self.username, 40)

    def set_categories(self, categories: list[dict]) -> None:
        """Keep ``GET /categories`` to resolve subcategory codes to names, and give them
        to every :class:`widgets.pane_roles.CategoryListener` (the region tree)."""
        self.categories = categories if isinstance(categories, list) else []
        names: dict[tuple[str, str], str] = {}
        for cat in self.categories:
            if not isinstance(cat, dict):
                continue
            for sub in cat.get("subcategories") or ():
                if isinstance(sub, dict) and sub.get("code"):
                    names[(str(cat.get("name")), str(sub["code"]))] = str(sub.get("name"))
        self._sub_names = names
        for pane in list(self.panes):
            if isinstance(pane, CategoryListener):
                try:
                    pane.set_categories(self.categories)
                except Exception:
                    log.exception("pane %s failed on the categories", pane.pane_id)
        self.sig_categories.emit(self.categories)

    def load_categories(self) -> None:
        """Fetch the categories in the background, once for everything that needs them
        (names here, protocol 1.1's stage clocks: connect ``sig_categories``)."""
        self.fetch(lambda api: api.categories(), self.set_categories)

    def shutdown(self) -> None:
        """Stop the pool (late results are dropped)."""
        self.jobs.shutdown()

    # ---- Internals

    def _report(self, label: str, exc: Exception) -> None:
        log.info("command %r failed: %r", label, exc)
        self.sig_message.emit("error", describe_error(label, exc))
        if isinstance(exc, SessionExpired):
            self.sig_session_expired.emit()

