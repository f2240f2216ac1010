"""The console's map against a real hub: polygons, the queue's filter, one region selection."""

from __future__ import annotations

from widgets.qt import QObject, Signal


class FakeScopeSource(QObject):
    """Stands in for a session that keeps one shared region (issue 13's scope)."""

    sig_scope = Signal(object)


class FakeRegionTree(QObject):
    """Stands in for the region tree pane (issue 13): the same two names as the map."""

    sig_region_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str | None] = []

    def show_region(self, region_id: str | None) -> None:
        self.shown.append(region_id)


def test_map_gets_polygons_follows_the_queue_and_shares_the_region(qtbot, hub, launch,
                                                                   hub_user) -> None:
    """The map draws the hub's polygons; the queue's preset filters the map; the map and
    a region-tree-like pane follow each other's region choice."""
    launcher = launch(hub.url, "--user", "officer-532300")
    window = launcher.console.window
    queue, mapp = window.panes["queue"], window.panes["map"]
    qtbot.waitUntil(lambda: mapp.geo is not None, timeout=10_000)
    counties = mapp.geo.shown_under(None)
    assert counties and all(mapp.geo.level_of[c] == "county" for c in counties)
    intake = hub_user("intake-532300")
    for priority in ("critical", "normal", "normal"):
        intake.report(priority=priority)
    qtbot.waitUntil(lambda: (mapp.flush() or True) and mapp.point_count() >= 3, timeout=5000)
    everything = mapp.point_count()
    queue.set_preset("critical")
    critical = [c for c in queue.filtered_ids()
                if launcher.console.session.state.cases[c].get("lat") is not None]
    assert 0 < mapp.point_count() == len(critical) < everything
    queue.set_preset("open")
    assert mapp.point_count() == everything

    tree = FakeRegionTree()
    window.panes["regions"] = tree  # type: ignore[assignment]
    window._wire_map(None, mapp)
    tree.sig_region_chosen.emit(counties[0])
    assert mapp.focus() == counties[0]
    assert tree.shown == []  # show_region is silent: no echo back
    mapp.go_up()
    assert tree.shown == ["532300"]

    # a session with a shared scope: the map's drill sets it, and follows it
    chosen: list[str | None] = []
    scope = FakeScopeSource()
    session = window.session
    session.select_region = chosen.append  # type: ignore[attr-defined]
    session.sig_scope = scope.sig_scope  # type: ignore[attr-defined]
    window._wire_map(None, mapp)
    assert mapp.drill_at(*mapp.geo.shapes[counties[1]].label) == counties[1]
    assert chosen[-1] == counties[1]
    scope.sig_scope.emit(type("Scope", (), {"region_id": counties[0]})())
    assert mapp.focus() == counties[0]
