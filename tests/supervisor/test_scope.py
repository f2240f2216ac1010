"""Drill-down by level on a live console: a region node (or a category) narrows the queue,
the units and the KPI strip; the tree's counts equal the State's."""

from __future__ import annotations

from client.regions import count_directly
from client.scope_figures import count_figures
from tests.supervisor.conftest import GRID, SUPERVISOR, login, report


def test_region_node_narrows_queue_units_and_kpis(qtbot, hub, launch):
    console = launch(hub.url, "--user", SUPERVISOR).console
    session, window = console.session, console.window
    state = session.state
    intake = login(hub, "intake-532300")
    made = [report(intake, f"区域 {i}")["id"] for i in range(3)]
    qtbot.waitUntil(lambda: all(c in state.cases for c in made), timeout=15000)
    console.bridge.pump()
    tree, queue = window.panes["regions"], window.panes["queue"]
    workload, kpi = window.panes["workload"], window.panes["kpi"]
    index = session.region_index()
    for rid in state.regions:
        assert tree.shown_counts(rid) == count_directly(state, rid, index)
    chain = index.chain(GRID)
    county = next(r for r in chain if index.level(r) == "county")
    other = next(r for r in index.children[index.roots()[0]] if r != county)

    tree.tree.setCurrentItem(tree._items[county])
    assert session.scope.region_id == county
    queue.flush()
    shown = [queue.model.rows.id_at(i) for i in range(len(queue.model.rows))]
    assert set(made) <= set(shown)
    assert all(index.within(state.cases[c].get("region_id"), county) for c in shown)
    assert workload.rows() and all(
        index.within(state.units[r.unit_id].get("region_id"), county)
        for r in workload.rows() if r.unit_id in state.units)
    assert index.name(county) in kpi.tiles["overdue"].caption.text()
    kpi_follows(kpi, state, session.scope, index)  # today's figures: the county's

    mapp = window.panes["map"]
    assert all(mapp.position_of(c) is not None for c in made)  # the map narrows too
    assert all(index.within(state.cases[c].get("region_id"), county) for c in mapp._slot_of)

    tree.tree.setCurrentItem(tree._items[other])
    queue.flush()
    shown = {queue.model.rows.id_at(i) for i in range(len(queue.model.rows))}
    assert not set(made) & shown
    assert all(mapp.position_of(c) is None for c in made)
    kpi_follows(kpi, state, session.scope, index)  # the other county's: not today's reports
    assert kpi.tiles["reported"].value.text() == "0"
    assert state.counters.reported >= len(made)  # the whole post's: today's reports
    # a category narrows on top of the region; back to the whole post shows them again
    tree.tree.setCurrentItem(tree._items[index.roots()[0]])
    assert session.scope.region_id is None
    tree.choose_category("环境卫生")
    queue.flush()
    shown = {queue.model.rows.id_at(i) for i in range(len(queue.model.rows))}
    assert set(made) <= shown
    assert all(state.cases[c]["category"] == "环境卫生" for c in shown)
    kpi_follows(kpi, state, session.scope, index)  # the category's
    tree.choose_category("市容市貌")
    queue.flush()
    assert not set(made) & {queue.model.rows.id_at(i) for i in range(len(queue.model.rows))}


def kpi_follows(kpi, state, scope, index) -> None:  # noqa: ANN001
    """The KPI strip's figures equal a count over the State's cases in ``scope``."""
    f = count_figures(state, scope, index)
    t = kpi.tiles
    assert t["reported"].value.text() == f"{f.today.reported:,}"
    assert t["dispatched"].value.text() == f"{f.today.dispatched:,}"
    assert t["closed"].value.text() == f"{f.today.closed:,}"
    assert t["overdue"].value.text() == (f"⚠ {f.overdue:,}" if f.overdue else "0")
