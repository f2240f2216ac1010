"""Every pane the console lists builds on an empty State (before the first snapshot)."""

from __future__ import annotations

import pytest

from client.state import State
from console.panes import PANES, PlaceholderPane, build_pane
from testkit.pane_context import FakeContext
from widgets.pane import Pane


@pytest.mark.parametrize("spec", PANES, ids=lambda s: s.key)
def test_every_pane_builds_on_an_empty_state(qtbot, world, clock, spec) -> None:
    """No pane needs the placeholder fallback: each builds with no units and no cases,
    then takes the first snapshot."""
    state = State(clock=clock)
    ctx = FakeContext(state, world)
    pane = build_pane(spec, ctx)
    qtbot.addWidget(pane)
    assert not isinstance(pane, PlaceholderPane), f"{spec.key} fell back to a placeholder"
    pane.resize(800, 600)
    pane.show()
    pane.grab()
    pane.on_changes(state.load_snapshot(world.snapshot(30)))
    pane.on_tick(clock.now)
    pane.grab()


def test_a_broken_pane_still_falls_back(qtbot, ctx, caplog) -> None:
    """The fallback stays for robustness: a pane that raises while building is replaced."""

    class Broken(Pane):
        def __init__(self, ctx, parent=None) -> None:
            super().__init__(ctx, parent)
            raise RuntimeError("boom")

    spec = PANES[0]
    with caplog.at_level("ERROR"):
        pane = build_pane(spec, ctx, factory=lambda s: Broken)
    qtbot.addWidget(pane)
    assert isinstance(pane, PlaceholderPane) and pane.title() == spec.title()
    assert "failed to build" in caplog.text
