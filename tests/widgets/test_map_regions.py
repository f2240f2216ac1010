"""The 民情地图: choropleth counts against the State, drill-down, filter, clusters, heat,
selection following, refitting — on the fake hub's real demo polygons."""

from __future__ import annotations

import numpy as np
import pytest

from client.state import State
from client.workload import is_active
from testkit.pane_context import FakeContext
from widgets import map_view, map_view_layers
from widgets.case_queue import CaseQueuePane
from widgets.map_view import MapPane


def _pane(qtbot, ctx, size=(900, 700)) -> MapPane:  # noqa: ANN001
    p = MapPane(ctx)
    qtbot.addWidget(p)
    p.resize(*size)
    p.show()
    qtbot.waitExposed(p)
    p.flush()
    return p


def _expected_counts(state: State, world, regions: list[str]) -> dict[str, tuple[int, int]]:  # noqa: ANN001
    overdue = set(state.overdue_ids())
    out = {}
    for rid in regions:
        open_ids = [cid for cid, c in state.cases.items()
                    if is_active(c) and isinstance(c.get("lat"), float)
                    and world.ancestor(c["region_id"], rid)]
        out[rid] = (len(open_ids), sum(1 for cid in open_ids if cid in overdue))
    return out


def test_choropleth_counts_equal_the_state(qtbot, ctx, world, state, clock) -> None:
    """Each town's open and overdue counts are the State's, before and after time passes."""
    p = _pane(qtbot, ctx)
    county = world.post["region_id"]
    assert p.focus() == county
    towns = sorted(r["id"] for r in world.regions if r["parent_id"] == county)
    assert sorted(p.region_counts()) == towns
    assert p.region_counts() == _expected_counts(state, world, towns)
    assert sum(o for o, _ in p.region_counts().values()) == p.point_count() > 0
    clock.now += 3 * 24 * 3600  # many cases fall overdue
    p.on_changes(state.tick())
    p.flush()
    counts = p.region_counts()
    assert sum(d for _, d in counts.values()) > 0
    assert counts == _expected_counts(state, world, towns)
    # the busiest town is filled with the darkest colour of the ramp in use
    top = max(towns, key=lambda t: counts[t][0])
    fill = p.regions_layer.fill_of(top)
    assert fill is not None and fill.alpha() > 0


def test_click_drills_down_and_up_emits_only_for_gestures(qtbot, ctx, world, state) -> None:
    """A click inside a town drills into it (signal); ↑ goes back (signal); show_region is
    silent; a grid (nothing below) is not drilled into."""
    p = _pane(qtbot, ctx)
    county = world.post["region_id"]
    town = sorted(r["id"] for r in world.regions if r["parent_id"] == county)[1]
    lon, lat = p.geo.shapes[town].label
    vb = p.plot.getViewBox()
    pixel = p.plot.mapFromScene(vb.mapViewToScene(map_view.pg.Point(lon, lat)))
    p.select_at = lambda *_a: None  # a click here is on the region, not on a case
    with qtbot.waitSignal(p.sig_region_chosen, timeout=15000) as chosen:
        qtbot.mouseClick(p.plot.viewport(), map_view.Qt.MouseButton.LeftButton, pos=pixel)
    assert chosen.args == [town] and p.focus() == town
    villages = sorted(r["id"] for r in world.regions if r["parent_id"] == town)
    assert sorted(p.region_counts()) == villages
    assert p.region_counts() == _expected_counts(state, world, villages)
    assert p.crumbs.text().endswith(world.region_names[town])
    (x0, x1), (y0, y1) = vb.viewRange()
    bx0, by0, bx1, by1 = p.geo.shapes[town].bbox
    assert x0 <= bx0 and bx1 <= x1 and y0 <= by0 and by1 <= y1
    with qtbot.waitSignal(p.sig_region_chosen, timeout=15000) as up:
        p.up_button.click()
    assert up.args == [county] and p.focus() == county
    with qtbot.assertNotEmitted(p.sig_region_chosen):
        p.show_region(villages[0])
    assert p.focus() == villages[0]
    grid = p.geo.children[villages[0]][0]
    with qtbot.assertNotEmitted(p.sig_region_chosen):
        assert p.drill_at(*p.geo.shapes[grid].label) is None
    assert p.focus() == villages[0]
    assert ctx.selected == []  # nothing of this selected a case


def test_map_follows_the_queue_filter(qtbot, ctx, state) -> None:
    """The queue's preset becomes the map's filter: points and counts follow it."""
    p = _pane(qtbot, ctx)
    queue = CaseQueuePane(ctx)
    qtbot.addWidget(queue)
    queue.sig_filter_changed.connect(lambda: p.set_filter(queue.filter_predicate(),
                                                          queue.filtered_ids()))
    everything = p.point_count()
    with qtbot.waitSignal(queue.sig_filter_changed, timeout=15000):
        queue.set_preset("critical")
    critical = [cid for cid, c in state.cases.items() if is_active(c)
                and c.get("priority") == "critical"]
    assert 0 < p.point_count() == len(critical) < everything
    assert sum(o for o, _ in p.region_counts().values()) == len(critical)
    hidden = next(cid for cid, c in state.cases.items() if is_active(c)
                  and c.get("priority") != "critical")
    assert p.position_of(hidden) is None
    queue.set_preset("open")
    assert p.point_count() == everything


def test_clusters_at_low_zoom_points_when_zoomed_in(qtbot, ctx, monkeypatch) -> None:
    """Past CLUSTER_MIN cases in view the map clusters them (counts add up); zoomed in
    on a few, it shows the points again."""
    monkeypatch.setattr(map_view_layers, "CLUSTER_MIN", 50)
    p = _pane(qtbot, ctx)
    assert p.point_count() > 50
    assert p.clustered() and p.clusters.isVisible() and not p.scatter.isVisible()
    assert int(p.clusters.counts.sum()) == p.point_count()
    assert p.clusters.counts.max() > 1
    p.grab()
    assert p.clusters.drawn > 0
    # a click on the biggest cluster zooms into it (and selects nothing)
    big = int(np.argmax(p.clusters.counts))
    bx, by = float(p.clusters.x[big]), float(p.clusters.y[big])
    vb = p.plot.getViewBox()
    before = vb.viewRange()
    pixel = p.plot.mapFromScene(vb.mapViewToScene(map_view.pg.Point(bx, by)))
    with qtbot.assertNotEmitted(p.sig_case_selected):
        qtbot.mouseClick(p.plot.viewport(), map_view.Qt.MouseButton.LeftButton, pos=pixel)
    after = vb.viewRange()
    assert after[0][1] - after[0][0] < (before[0][1] - before[0][0]) / 2
    assert after[0][0] <= bx <= after[0][1] and after[1][0] <= by <= after[1][1]
    # zoomed in: only the view and a view's width around it are clustered
    monkeypatch.setattr(map_view_layers, "CLUSTER_MIN", 5)
    x0, y0, x1, y1 = p._points_box()
    w, h = (x1 - x0) / 4, (y1 - y0) / 4
    vb.setRange(xRange=(x0 + w, x0 + 2 * w), yRange=(y0 + h, y0 + 2 * h), padding=0)
    assert p.clustered() and p._cluster_window is not None
    wx0, wy0, wx1, wy1 = p._cluster_window
    xs, ys = p._slots.x[p._visible()], p._slots.y[p._visible()]
    inside = (xs >= wx0) & (xs <= wx1) & (ys >= wy0) & (ys <= wy1)
    assert int(p.clusters.counts.sum()) == int(inside.sum()) < p.point_count()
    monkeypatch.setattr(map_view_layers, "CLUSTER_MIN", 50)
    cid = next(iter(p._slot_of))
    lon, lat = p.position_of(cid)
    p.plot.getViewBox().setRange(xRange=(lon - 0.002, lon + 0.002),
                                 yRange=(lat - 0.002, lat + 0.002), padding=0)
    assert not p.clustered() and p.scatter.isVisible() and not p.clusters.isVisible()


def test_heat_layer_toggle(qtbot, ctx) -> None:
    """Heat shows a density image over the focus and hides points; off brings them back."""
    p = _pane(qtbot, ctx)
    p.heat_button.click()
    assert p.heat_layer.isVisible() and not p.scatter.isVisible()
    image = p.heat_layer.image
    assert image is not None and image.max() == pytest.approx(1.0) and (image == 0).mean() > 0.2
    p.grab()
    p.set_heat(False)
    assert not p.heat_layer.isVisible() and p.scatter.isVisible()
    assert not p.heat_button.isChecked()


def test_follows_the_selection_without_selecting(qtbot, ctx) -> None:
    """A case selected elsewhere and out of view is brought into view; nothing is emitted."""
    p = _pane(qtbot, ctx)
    cid = next(iter(p._slot_of))
    lon, lat = p.position_of(cid)
    vb = p.plot.getViewBox()
    vb.setRange(xRange=(lon + 1, lon + 1.1), yRange=(lat + 1, lat + 1.1), padding=0)
    with qtbot.assertNotEmitted(p.sig_case_selected):
        p.on_selection(cid)
    (x0, x1), (y0, y1) = vb.viewRange()
    assert x0 <= lon <= x1 and y0 <= lat <= y1
    hx, hy = p.highlight.getData()
    assert (hx[0], hy[0]) == (lon, lat)


def test_view_refits_when_a_case_falls_outside_until_the_user_moves_it(
        qtbot, state, world, clock) -> None:
    """Without polygons (a 1.0 hub) the view follows the points; a manual pan stops that."""
    world.with_geometry = False
    ctx = FakeContext(state, world)
    p = _pane(qtbot, ctx)
    assert p.geo is None and p.base_label.text() == ""
    ev = world.created()
    ev["data"]["case"]["lat"] += 0.8
    cid = ev["data"]["case"]["id"]
    p.on_changes(state.apply_events([ev]))
    p.flush()
    (x0, x1), (y0, y1) = p.plot.getViewBox().viewRange()
    lon, lat = p.position_of(cid)
    assert y0 <= lat <= y1 and x0 <= lon <= x1
    p.plot.getViewBox().sigRangeChangedManually.emit([True, True])  # the user panned
    before = p.plot.getViewBox().viewRange()
    ev = world.created()
    ev["data"]["case"]["lat"] -= 1.5
    p.on_changes(state.apply_events([ev]))
    p.flush()
    assert p.plot.getViewBox().viewRange() == before
    p.fit()
    (x0, x1), (y0, y1) = p.plot.getViewBox().viewRange()
    assert y0 <= float(ev["data"]["case"]["lat"]) <= y1


def test_scale_bar_and_north_arrow(qtbot, ctx) -> None:
    """The scale bar shows a round length that matches the view's metres per pixel."""
    p = _pane(qtbot, ctx)
    ov = p.overlay
    assert ov.metres > 0 and 40 < ov.bar_px < 130
    assert ov.scale_text.endswith("km") or ov.scale_text.endswith("m")
    (x0, x1), (y0, y1) = p.plot.getViewBox().viewRange()
    mpp = (x1 - x0) * 111_320 * np.cos(np.radians((y0 + y1) / 2)) / p.plot.viewport().width()
    assert ov.bar_px * mpp == pytest.approx(ov.metres, rel=1e-6)
    img = ov.grab().toImage()
    assert not img.isNull()


def test_geometry_kept_on_disk_and_revalidated(qtbot, state, world, tmp_path) -> None:
    """The polygons are kept beside the cache; the next start sends their ETag."""
    ctx = FakeContext(state, world)
    ctx.cache_dir = tmp_path
    _pane(qtbot, ctx)
    assert (tmp_path / "regions.geojson").exists()
    assert ctx.api.calls[-1] == ("region_geometry", None)
    ctx.api.region_geometry = lambda etag: (ctx.api.calls.append(("region_geometry", etag))
                                            or None)  # 304
    p = _pane(qtbot, ctx)
    assert ctx.api.calls[-1] == ("region_geometry", '"w1"')
    assert p.geo is not None and len(p.geo) == len(world.shapes)
