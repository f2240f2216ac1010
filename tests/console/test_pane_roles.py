"""The console connects panes by the roles they declare (widgets.pane_roles), never by
attribute names: the scope reaches every ScopeListener and no other pane; a region chosen
in a RegionChooser narrows the session; the queue's filter reaches the map; a unit
activated reaches the queue; the link state and alarms reach the window."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from client.alarm import Alarm
from client.feed import LinkStatus
from client.regions import EVERYTHING, Scope
from client.state import State
from console.layouts import LayoutStore
from console.main_window import MainWindow
from console.panes import PaneSpec
from console.session import Session
from widgets.alarm_bell import AlarmBell
from widgets.pane import Pane, PaneContext
from widgets.pane_roles import (
    AlarmSource,
    CaseFilter,
    CaseFilterFollower,
    CaseFilterSource,
    CategoryListener,
    LinkListener,
    RegionChooser,
    ScopeChooser,
    ScopeListener,
    UnitActivator,
    UnitFilter,
)
from widgets.qt import QCoreApplication, QEvent


class Listener(Pane, ScopeListener):
    pane_id = "listener"

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__(ctx)
        self.scopes: list[Scope] = []

    def on_scope(self, scope: Scope) -> None:
        self.scopes.append(scope)


class Broken(Pane, ScopeListener):
    pane_id = "broken"

    def on_scope(self, scope: Scope) -> None:
        raise RuntimeError("a pane failing on a scope")


class Bystander(Pane):
    """Has an ``on_scope`` method but does not declare the role: it is not called."""

    pane_id = "bystander"

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__(ctx)
        self.scopes: list[Scope] = []

    def on_scope(self, scope: Scope) -> None:
        self.scopes.append(scope)


class FakeMap(Pane, RegionChooser, ScopeListener, CaseFilterFollower):
    pane_id = "fake_map"

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__(ctx)
        self.shown: list[str | None] = []
        self.scopes: list[Scope] = []
        self.filters: list[tuple[CaseFilter | None, list[str]]] = []

    def show_region(self, region_id: str | None) -> None:
        self.shown.append(region_id)

    def on_scope(self, scope: Scope) -> None:
        self.scopes.append(scope)

    def set_filter(self, predicate: CaseFilter | None,
                   passing: Iterable[str] | None = None) -> None:
        self.filters.append((predicate, list(passing or ())))


class FakeQueue(Pane, ScopeListener, UnitFilter, CaseFilterSource):
    pane_id = "fake_queue"

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__(ctx)
        self.units: list[str | None] = []
        self.scopes: list[Scope] = []
        self.ids = ["CX-1", "CX-2"]

    def on_scope(self, scope: Scope) -> None:
        self.scopes.append(scope)

    def filter_unit(self, unit_id: str | None) -> None:
        self.units.append(unit_id)

    def filter_predicate(self) -> CaseFilter:
        ids = set(self.ids)
        return lambda cid, _case: cid in ids

    def filtered_ids(self) -> list[str]:
        return list(self.ids)


class FakeTree(Pane, ScopeChooser, CategoryListener):
    pane_id = "fake_tree"

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__(ctx)
        self.categories: list[list[dict]] = []

    def set_categories(self, categories: list[dict]) -> None:
        self.categories.append(categories)


class FakeUnits(Pane, UnitActivator):
    pane_id = "fake_units"


class FakeKpi(Pane, LinkListener):
    pane_id = "fake_kpi"

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__(ctx)
        self.links: list[LinkStatus] = []

    def set_link(self, status: LinkStatus) -> None:
        self.links.append(status)


class FakeAlerts(Pane, AlarmSource):
    pane_id = "fake_alerts"

    def __init__(self, ctx: PaneContext) -> None:
        super().__init__(ctx)
        self.muted = True
        self.bell = AlarmBell(Alarm(ctx.state), player=lambda _level: None, muted=True,
                              parent=self)


@pytest.fixture
def session(qapp) -> Iterator[Session]:
    api = SimpleNamespace(user={"id": "u-sup", "role": "supervisor", "post_id": "532300"})
    s = Session(api, "sup", state=State())  # type: ignore[arg-type]
    yield s
    s.jobs.shutdown(wait=True)
    s.deleteLater()
    QCoreApplication.sendPostedEvents(s, QEvent.Type.DeferredDelete)


def window_of(qtbot, session: Session, tmp_path: Path,
              *panes: tuple[str, Callable[[PaneContext], Pane]]) -> MainWindow:
    built = [(PaneSpec(key, "tests", ""), make(session)) for key, make in panes]
    window = MainWindow(session, built, LayoutStore(tmp_path / "layouts.ini"),
                        lock_after_s=0)
    qtbot.addWidget(window)
    return window


def test_the_scope_reaches_every_scope_listener_and_no_other_pane(qtbot, session,
                                                                  tmp_path) -> None:
    window = window_of(qtbot, session, tmp_path, ("a", Listener), ("broken", Broken),
                       ("b", Listener), ("bystander", Bystander), ("map", FakeMap))
    a, b, by, mapp = (window.panes[k] for k in ("a", "b", "bystander", "map"))
    told: list[Scope] = []
    session.sig_scope.connect(told.append)
    county = Scope("532301", "环境卫生", None)
    session.set_scope(county)
    # a failing listener is skipped, the ones after it still follow
    assert a.scopes == b.scopes == mapp.scopes == [county]
    assert by.scopes == []  # an undeclared on_scope is not a side door
    assert told == [county] and session.scope == county
    session.set_scope(county)  # the same scope again: nobody is told twice
    assert a.scopes == [county] and told == [county]
    session.set_scope(EVERYTHING)
    assert a.scopes == [county, EVERYTHING] and b.scopes[-1] == EVERYTHING


def test_choosing_a_region_on_the_map_scopes_the_other_panes(qtbot, session,
                                                             tmp_path) -> None:
    window = window_of(qtbot, session, tmp_path, ("map", FakeMap), ("queue", FakeQueue))
    mapp, queue = window.panes["map"], window.panes["queue"]
    session.set_scope(Scope(None, "环境卫生", None))
    mapp.sig_region_chosen.emit("532301")
    # the region narrows every pane and keeps the category
    assert session.scope == Scope("532301", "环境卫生", None)
    assert queue.scopes[-1] == session.scope
    # and a scope set elsewhere (the region tree, the command bar) moves the map
    session.select_region("532302")
    assert mapp.shown[-1] == "532302"
    session.select_region(None)
    assert mapp.shown[-1] is None and queue.scopes[-1] == Scope(None, "环境卫生", None)


def test_the_map_follows_the_queues_filter(qtbot, session, tmp_path) -> None:
    window = window_of(qtbot, session, tmp_path, ("queue", FakeQueue), ("map", FakeMap))
    queue, mapp = window.panes["queue"], window.panes["map"]
    assert [ids for _pred, ids in mapp.filters] == [["CX-1", "CX-2"]]  # at once
    queue.ids = ["CX-2"]
    queue.sig_filter_changed.emit()
    predicate, ids = mapp.filters[-1]
    assert ids == ["CX-2"]
    assert predicate is not None and predicate("CX-2", {}) and not predicate("CX-1", {})


def test_a_unit_activated_filters_the_queue(qtbot, session, tmp_path) -> None:
    window = window_of(qtbot, session, tmp_path, ("units", FakeUnits), ("queue", FakeQueue))
    window.panes["units"].sig_unit_activated.emit("U532301-GA")
    assert window.panes["queue"].units == ["U532301-GA"]


def test_the_link_state_and_alarms_reach_the_window(qtbot, session, tmp_path) -> None:
    window = window_of(qtbot, session, tmp_path, ("kpi", FakeKpi), ("alerts", FakeAlerts))
    kpi, alerts = window.panes["kpi"], window.panes["alerts"]
    live = LinkStatus(state="live", retry_in=None, last_seq=7, hub_latest=7, frames=7,
                      applied=7, duplicates=0, gaps_filled=0, junk=0, reconnects=0,
                      snapshots=1, error=None, cache_file=None)
    window.set_link(live)
    assert kpi.links == [live]
    window.show()
    # the muted alerts show "sound off" in the status bar once the window runs
    qtbot.waitUntil(lambda: window.muted_label.isVisible(), timeout=15000)
    alerts.sig_muted.emit(False)
    assert not window.muted_label.isVisible()
    alerts.bell.sig_flash.emit(True)
    assert window.alerts_flash
    alerts.bell.sig_flash.emit(False)
    assert not window.alerts_flash


def test_a_scope_chosen_in_the_tree_narrows_the_console_and_categories_reach_it(
        qtbot, session, tmp_path) -> None:
    window = window_of(qtbot, session, tmp_path, ("regions", FakeTree), ("queue", FakeQueue),
                       ("map", FakeMap))
    tree, queue, mapp = (window.panes[k] for k in ("regions", "queue", "map"))
    chosen = Scope("532301", "环境卫生", "垃圾清运不及时")
    tree.sig_scope_chosen.emit(chosen)
    assert session.scope == chosen
    assert queue.scopes == mapp.scopes == [chosen] and mapp.shown == ["532301"]
    cats = [{"name": "环境卫生", "subcategories": [{"code": "0101", "name": "垃圾清运不及时"}]}]
    session.set_categories(cats)
    assert tree.categories == [cats]
    assert session.category_name("环境卫生", "0101") == "环境卫生 / 垃圾清运不及时"
