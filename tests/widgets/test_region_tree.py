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
    scopes: list[Scope] = []
    ctx.scope = Scope()
    ctx.set_scope = lambda s: (scopes.append(s), setattr(ctx, "scope", s))
    pane = RegionTreePane(ctx)
    qtbot.addWidget(pane)
    grid = world.grids[0]
    item = pane._items[grid]
    pane.tree.setCurrentItem(item)
    assert scopes[-1] == Scope(grid)
    pane.on_scope(scopes[-1])
    assert "Narrowed to" in pane.scope_label.text()
    pane.choose_category("环境卫生", "垃圾清运不及时")
    assert scopes[-1] == Scope(grid, "环境卫生", "垃圾清运不及时")
