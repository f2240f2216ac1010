"""Map (one scatter item, slots restyled in place, click selects) and KPI strip."""

from __future__ import annotations

import numpy as np

from client.feed import LinkStatus
from widgets.kpi import KpiPane
from widgets.map_view import MapPane


def test_map_new_case_appears_and_closed_leaves(qtbot, ctx, world, apply) -> None:
    p = MapPane(ctx)
    qtbot.addWidget(p)
    open_ids = {c for c, v in ctx.state.cases.items()
                if v["status"] not in ("resolved", "closed")}
    assert p.point_count() == len(open_ids)
    scatter = p.scatter
    ev = world.created(priority="critical")
    cid = ev["data"]["case"]["id"]
    p.on_changes(apply(ev))
    assert p.position_of(cid) is None  # throttled: not yet drawn
    qtbot.waitUntil(lambda: p.position_of(cid) is not None, timeout=15000)
    assert p.scatter is scatter
    slot = p._slot_of[cid]
    assert scatter.data["visible"][slot]
    assert scatter.data["symbol"][slot] == "o"  # reported
    assert scatter.data["brush"][slot] is p._slots.brushes[0]  # critical
    assert scatter.data["sourceRect"]["w"][slot] > 0
    p.on_changes(apply(world.dispatch(cid, world.units[0]["id"])))
    p.flush()
    assert scatter.data["symbol"][slot] == "s"
    p.on_changes(apply(world.updated(cid, "resolve", status="resolved")))
    p.flush()
    assert p.position_of(cid) is None
    assert not scatter.data["visible"][slot]
    assert np.isnan(scatter.data["x"][slot])


def test_map_click_selects_and_highlights(qtbot, ctx) -> None:
    p = MapPane(ctx)
    qtbot.addWidget(p)
    p.resize(600, 500)
    p.show()
    cid = next(iter(p._slot_of))
    lon, lat = p.position_of(cid)
    with qtbot.waitSignal(p.sig_case_selected, timeout=15000) as b:
        got = p.select_at(lon, lat)
    assert got == b.args[0]
    assert p.position_of(got) is not None
    hx, hy = p.highlight.getData()
    assert (hx[0], hy[0]) == p.position_of(got)
    assert p.select_at(lon + 5.0, lat + 5.0) is None  # nothing near


def test_kpi_counters_link_and_clock(qtbot, ctx, world, apply, clock) -> None:
    p = KpiPane(ctx)
    qtbot.addWidget(p)
    before = ctx.state.counters.reported
    p.on_changes(apply(world.created()))
    assert p.tiles["reported"].value.text() == f"{before + 1:,}"
    status = LinkStatus(state="catching_up", retry_in=None, last_seq=120, hub_latest=150,
                        frames=10, applied=9, duplicates=1, gaps_filled=0, junk=3,
                        reconnects=2, snapshots=1, error="<b>boom</b>", cache_file=None,
                        skipped=1, error_kind="unreachable")
    p.set_link(status)
    assert p.tiles["link"].value.text() == "◐ Catching up"
    assert "lag 30" in p.tiles["link"].sub.text()
    tip = p.tiles["link"].toolTip()
    assert "reconnects: 2" in tip and "junk frames: 3" in tip
    assert "invalid events skipped: 1" in tip
    # why, in words (not the client's exception text)
    assert "last problem: The hub cannot be reached" in tip and "boom" not in tip
    p.on_tick(clock.now)
    assert p.tiles["clock"].value.text() == "19:06:40"  # T0 in Asia/Shanghai (UTC+8)
    p.show()
    p.resize(1200, 200)
    qtbot.waitUntil(lambda: p.tiles["reported"].value.font().pixelSize() > 0, timeout=15000)
    big = p.tiles["reported"].value.font().pixelSize()
    p.resize(1200, 100)
    qtbot.waitUntil(lambda: 0 < p.tiles["reported"].value.font().pixelSize() < big, timeout=15000)


def test_map_paints_with_no_open_case(qtbot, world, clock) -> None:
    """An empty post (every slot hidden, i.e. NaN) paints without numpy's "All-NaN slice"
    warning (an error here; inside paint it would abort the process), before and after
    cases come and go."""
    from client.state import State
    from testkit.pane_context import FakeContext

    state = State(clock=clock)
    p = MapPane(FakeContext(state, world))
    qtbot.addWidget(p)
    p.resize(500, 400)
    p.show()
    assert p.point_count() == 0
    assert p.scatter.dataBounds(0) == (None, None)
    p.grab()
    ev = world.created()
    cid = ev["data"]["case"]["id"]
    p.on_changes(state.apply_events([ev]))
    p.flush()
    assert p.point_count() == 1
    p.grab()
    p.on_changes(state.apply_events([world.updated(cid, "close", status="closed")]))
    p.flush()
    assert p.point_count() == 0
    p.grab()


def _mouse(kind, pos, buttons, modifiers):  # noqa: ANN001, ANN202
    from widgets.qt import QEvent, QMouseEvent, QPointF, Qt

    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else \
        Qt.MouseButton.NoButton
    p = QPointF(pos)
    return QMouseEvent(kind, p, p, button, buttons, modifiers)


def _press_move_release(p: MapPane, start, end, modifiers):  # noqa: ANN001, ANN202
    from widgets.qt import QApplication, QEvent, Qt

    vp = p.plot.viewport()
    left = Qt.MouseButton.LeftButton
    QApplication.sendEvent(vp, _mouse(QEvent.Type.MouseButtonPress, start, left, modifiers))
    QApplication.sendEvent(vp, _mouse(QEvent.Type.MouseMove, end, left, modifiers))
    QApplication.sendEvent(vp, _mouse(QEvent.Type.MouseButtonRelease, end,
                                      Qt.MouseButton.NoButton, modifiers))


def _pixel_of(p: MapPane, cid: str):  # noqa: ANN202
    from widgets.qt import QPointF

    lon, lat = p.position_of(cid)
    scene = p.plot.getViewBox().mapViewToScene(QPointF(lon, lat))
    return p.plot.mapFromScene(scene)


def test_shift_drag_from_the_map_carries_the_case(qtbot, ctx, monkeypatch) -> None:
    """Shift+press on a point and move: one case (id, version) is dragged, the map does
    not pan; without Shift the same gesture pans and drags nothing."""
    from widgets.case_drag import decode_items
    from widgets.qt import Qt

    p = MapPane(ctx)
    qtbot.addWidget(p)
    p.resize(700, 600)
    p.show()
    qtbot.waitExposed(p)
    dragged: list[list[dict]] = []

    class FakeDrag:  # QDrag.exec would run a nested event loop until a drop
        def __init__(self, parent) -> None:  # noqa: ANN001
            pass

        def setMimeData(self, mime) -> None:  # noqa: ANN001, N802
            dragged.append(decode_items(mime))

        def exec(self, action) -> None:  # noqa: ANN001
            pass

    from widgets import map_view

    monkeypatch.setattr(map_view, "QDrag", FakeDrag)

    cid = next(iter(p._slot_of))
    start = _pixel_of(p, cid)
    assert p.case_at_pixel(start) is not None
    target = p.case_at_pixel(start)
    far = start + type(start)(60, 40)
    before = p.plot.getViewBox().viewRange()
    _press_move_release(p, start, far, Qt.KeyboardModifier.ShiftModifier)
    assert dragged == [[{"id": target, "version": ctx.state.cases[target]["version"]}]]
    assert p.plot.getViewBox().viewRange() == before  # no pan
    _press_move_release(p, start, far, Qt.KeyboardModifier.NoModifier)
    assert len(dragged) == 1  # a plain drag is the map's (pan), not a case drag
    assert p.plot.getViewBox().viewRange() != before


def test_officer_cannot_drag_from_the_map(qtbot, state, world) -> None:
    from testkit.pane_context import FakeContext
    from widgets.qt import Qt

    p = MapPane(FakeContext(state, world, role="officer"))
    qtbot.addWidget(p)
    p.resize(700, 600)
    p.show()
    qtbot.waitExposed(p)
    started: list[str] = []
    p.start_drag = started.append  # type: ignore[method-assign]
    cid = next(iter(p._slot_of))
    start = _pixel_of(p, cid)
    _press_move_release(p, start, start + type(start)(60, 40), Qt.KeyboardModifier.ShiftModifier)
    assert started == []


def test_kpi_figures_follow_the_chosen_scope(qtbot, ctx, world, apply, clock, state) -> None:
    """Narrowed to a town (and then a category too), every figure of the strip equals a
    count over the State's cases in that scope, through a live feed and a clock jump;
    back to the whole post, the State's own counters."""
    from client.regions import EVERYTHING, RegionIndex, Scope
    from client.scope_figures import count_figures

    p = KpiPane(ctx)
    qtbot.addWidget(p)
    index = RegionIndex(state.regions)
    town = next(r for r in state.regions if index.level(r) == "town"
                and count_figures(state, Scope(r), index).today.reported)

    def shown() -> tuple:
        t = p.tiles

        def num(text: str) -> int:
            return int(text.lstrip("⚠ ").replace(",", "") or 0)

        return (num(t["reported"].value.text()), num(t["dispatched"].value.text()),
                num(t["closed"].value.text()), num(t["overdue"].value.text()),
                int(t["overdue"].sub.text().split()[1].replace(",", "")))

    def expected(scope: Scope) -> tuple:
        f = count_figures(state, scope, index)
        return (f.today.reported, f.today.dispatched, f.today.closed, f.overdue, f.near_due)

    whole = expected(EVERYTHING)
    for scope in (Scope(town), Scope(town, world.subs[0][0])):
        p.on_scope(scope)
        assert shown() == expected(scope)
        assert index.name(town) in p.tiles["overdue"].caption.text()
        for _ in range(150):
            p.on_changes(apply(world.random_event()))
        assert shown() == expected(scope)
        clock.now += 6 * 3600
        p.on_changes(state.tick())
        assert shown() == expected(scope)
    assert expected(Scope(town)) != expected(EVERYTHING)
    p.on_scope(EVERYTHING)
    c = state.counters
    assert shown() == (c.reported, c.dispatched, c.closed, len(state.overdue_ids()),
                       len(state.near_due_ids()))
    assert shown() != whole  # the feed moved them meanwhile
