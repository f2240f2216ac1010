"""The console's map against a real hub: polygons, the queue's filter, one region selection
(the session's scope)."""

from __future__ import annotations

from widgets.pane_roles import ScopeListener


def test_map_gets_polygons_follows_the_queue_and_shares_the_region(qtbot, hub, launch,
                                                                   hub_user) -> None:
    """The map draws the hub's polygons; the queue's preset filters the map; the map's
    region choice scopes the console and follows the console's scope."""
    launcher = launch(hub.url, "--user", "officer-532300")
    window = launcher.console.window
    queue, mapp = window.panes["queue"], window.panes["map"]
    qtbot.waitUntil(lambda: mapp.geo is not None, timeout=10_000)
    counties = mapp.geo.shown_under(None)
    assert counties and all(mapp.geo.level_of[c] == "county" for c in counties)
    intake = hub_user("intake-532300")
    for priority in ("critical", "normal", "normal"):
        intake.report(priority=priority)
    qtbot.waitUntil(lambda: (mapp.flush() or True) and mapp.point_count() >= 3, timeout=15000)
    everything = mapp.point_count()
    queue.set_preset("critical")
    critical = [c for c in queue.filtered_ids()
                if launcher.console.session.state.cases[c].get("lat") is not None]
    assert 0 < mapp.point_count() == len(critical) < everything
    queue.set_preset("open")
    assert mapp.point_count() == everything

    # one region selection: the map's drill narrows the whole console (the session's
    # scope), every scope-listening pane follows, and a scope set elsewhere moves the map
    session = launcher.console.session
    listeners = [p for p in window.panes.values() if isinstance(p, ScopeListener)]
    assert {queue, mapp, window.panes["workload"], window.panes["kpi"]} <= set(listeners)
    before = set(queue.filtered_ids())
    assert mapp.drill_at(*mapp.geo.shapes[counties[1]].label) == counties[1]
    assert session.scope.region_id == counties[1]
    index = session.region_index()
    inside = {c for c in before if session.scope.matches(session.state.cases[c], index)}
    assert set(queue.filtered_ids()) == inside and len(inside) < len(before)
    session.select_region(counties[0])
    assert mapp.focus() == counties[0]
    mapp.go_up()
    assert session.scope.region_id == mapp.focus() == "532300"
