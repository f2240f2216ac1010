"""Region tree: the counts it shows equal the State's, live; choosing narrows the console."""

from __future__ import annotations

from client.regions import RegionIndex, Scope, count_directly
from widgets.region_tree import RegionTreePane


def test_tree_counts_equal_the_states_through_a_live_feed(qtbot, ctx, world, apply, clock,
                                                          state) -> None:
    """Every node's open / overdue / near-due figures equal a direct count over the State
    after a snapshot, after 300 random events and after the clock makes cases overdue."""
    pane = RegionTreePane(ctx)
    qtbot.addWidget(pane)
    index = RegionIndex(state.regions)

    def check() -> None:
        for rid in state.regions:
            if rid in pane._items:
                assert pane.shown_counts(rid) == count_directly(state, rid, index), rid
        assert set(pane._items) == set(state.regions)

    check()
    for _ in range(300):
        pane.on_changes(apply(world.random_event()))
    check()
    clock.now += 3 * 86400
    pane.on_changes(state.tick())
    check()
    assert any(pane.shown_counts(r)[1] for r in state.regions)  # some are overdue now


def test_choosing_a_node_sets_the_shared_scope(qtbot, ctx, state, world) -> None:
    """A click on a node or a category asks for a scope (``sig_scope_chosen``); the tree
    shows the scope the console then sets; without a console listening it shows the
    choice itself."""
    pane = RegionTreePane(ctx)
    qtbot.addWidget(pane)
    grid = world.grids[0]
    pane.tree.setCurrentItem(pane._items[grid])  # nobody listens yet: shown here
    assert "Narrowed to" in pane.scope_label.text()
    scopes: list[Scope] = []
    pane.sig_scope_chosen.connect(lambda s: (scopes.append(s), pane.on_scope(s)))
    other = world.grids[1]
    pane.tree.setCurrentItem(pane._items[other])
    assert scopes[-1] == Scope(other)
    pane.choose_category("环境卫生", "垃圾清运不及时")
    assert scopes[-1] == Scope(other, "环境卫生", "垃圾清运不及时")
    pane.choose_region(None)
    assert scopes[-1] == Scope(None, "环境卫生", "垃圾清运不及时")


def test_categories_arrive_through_set_categories(qtbot, ctx) -> None:
    pane = RegionTreePane(ctx)
    qtbot.addWidget(pane)
    assert pane.category_box.count() == 1  # "All categories" only
    pane.set_categories([{"name": "环境卫生", "subcategories": [
        {"code": "0101", "name": "垃圾清运不及时"}]}, {"name": "市政设施"}])
    assert [pane.category_box.itemData(i) for i in range(pane.category_box.count())] == \
        [None, "环境卫生", "市政设施"]
    pane.category_box.setCurrentIndex(1)
    assert pane.subcategory_box.itemText(1) == "垃圾清运不及时"


def test_near_due_column_shows_when_the_dock_is_wide_enough(qtbot, ctx, state) -> None:
    """A narrow dock hides the near-due column (the figure stays in the tooltip); a wide
    one shows it, with the same figures as the State's."""
    from widgets.qt import QMainWindow

    win = QMainWindow()
    qtbot.addWidget(win)
    pane = RegionTreePane(ctx)
    win.setCentralWidget(pane)
    win.resize(260, 500)
    win.show()
    qtbot.waitUntil(lambda: not pane.near_column_shown(), timeout=15000)
    win.resize(700, 500)
    qtbot.waitUntil(pane.near_column_shown, timeout=15000)
    index = RegionIndex(state.regions)
    root = index.roots()[0]
    assert pane.shown_counts(root) == count_directly(state, root, index)
    assert pane.tree.columnWidth(3) > 0 and pane.tree.header().sectionViewportPosition(3) \
        + pane.tree.columnWidth(3) <= pane.tree.viewport().width()  # not cut off
    win.resize(260, 500)
    qtbot.waitUntil(lambda: not pane.near_column_shown(), timeout=15000)


def test_counts_wait_while_the_pane_is_out_of_sight(qtbot, ctx, world, apply, state) -> None:
    """Tabbed behind another dock, the tree keeps counting but repaints its items only
    when shown again, then equal to the State's."""
    from widgets.pacer import pacer
    from widgets.qt import QMainWindow

    win = QMainWindow()
    qtbot.addWidget(win)
    pane = RegionTreePane(ctx)
    win.setCentralWidget(pane)
    win.show()
    index = RegionIndex(state.regions)
    root = index.roots()[0]
    pane.hide()
    shown_before = pane._items[root].text(1)
    for _ in range(50):
        pane.on_changes(apply(world.created()))
    qtbot.waitUntil(lambda: not pane._timer.isActive() and not pacer().pending(), timeout=15000)
    assert pane._items[root].text(1) == shown_before  # not repainted while out of sight
    assert pane.counts.of(root).as_tuple() == count_directly(state, root, index)  # counted
    pane.show()  # repaints what changed meanwhile at once
    assert pane._items[root].text(1) == f"{count_directly(state, root, index)[0]:,}"
    assert pane._items[root].text(1) != shown_before
