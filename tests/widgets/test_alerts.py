"""Alerts: follow the clock via State.tick; a distinct sound per alarm level, repeated and
flashing until acknowledged; mute; acknowledge and persist."""

from __future__ import annotations

import pytest

from client.timeutil import parse_time
from widgets.alerts import AlertsPane
from widgets.qt import QSettings, Qt


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "alerts.ini"), QSettings.Format.IniFormat)


def make(qtbot, ctx, settings, beeps=None) -> AlertsPane:
    p = AlertsPane(ctx, settings=settings, refresh_ms=0,
                   beeper=beeps.append if beeps is not None else (lambda level: None))
    qtbot.addWidget(p)
    return p


def test_case_crossing_due_appears_without_event(qtbot, ctx, world, apply, clock, state,
                                                 settings) -> None:
    beeps: list[str] = []
    p = make(qtbot, ctx, settings, beeps)
    ev = world.created(priority="critical")
    cid = ev["data"]["case"]["id"]
    p.on_changes(apply(ev))
    # a new critical case rings and is listed first, flashing, before it is near due
    assert beeps == ["critical"]
    assert p.entries()[0] == (cid, 0)
    assert p.model.index(0, 0).data().startswith("● New critical")
    assert p.bell.ringing
    due = parse_time(ev["data"]["case"]["due_at"])
    rep = parse_time(ev["data"]["case"]["reported_at"])
    clock.now = rep + 0.85 * (due - rep)
    p.on_changes(state.tick())
    assert dict(p.entries())[cid] == 1
    assert p.alarm.level_of(cid) == "critical"  # near due is not an alarm of its own
    p.acknowledge([cid])
    assert p.alarm.level_of(cid) is None
    clock.now = due + 1
    p.on_changes(state.tick())
    assert dict(p.entries())[cid] == 2
    assert p.alarm.level_of(cid) == "overdue" and beeps[-1] == "overdue"
    p.acknowledge()
    assert not p.bell.ringing
    over, near = len(state.overdue_ids()), len(state.near_due_ids())
    assert p.banner.text().startswith(f"⚠ {over} overdue · ◔ {near} near due")
    # overdue first, most overdue first
    phases = [ph for _, ph in p.entries()]
    assert phases == sorted(phases, reverse=True)


def test_mute_silences_the_cue(qtbot, ctx, world, apply, clock, state, settings) -> None:
    beeps: list[str] = []
    p = make(qtbot, ctx, settings, beeps)
    p.mute_button.click()
    assert p.muted and "Sound off" in p.mute_button.text()
    crit = world.created(priority="critical")
    apply(crit)
    clock.now = parse_time(crit["data"]["case"]["due_at"]) + 1
    p.on_changes(state.tick())
    assert crit["data"]["case"]["id"] in dict(p.entries())
    assert beeps == []
    assert p.bell.ringing  # muted, the row and tab still flash
    # the choice is remembered
    assert make(qtbot, ctx, settings).muted


def test_acknowledge_dims_stays_and_persists(qtbot, ctx, state, settings) -> None:
    p = make(qtbot, ctx, settings)
    cid, phase = p.entries()[0]
    p.on_selection(cid)
    p.ack_button.click()
    assert p.is_acknowledged(cid, phase)
    assert cid in dict(p.entries())  # stays listed
    text = p.model.index(0, 0).data()
    assert text.startswith("✓ acknowledged")
    assert "(1 acknowledged)" in p.banner.text()
    # another pane for the same user (a restart) sees it; another user does not
    again = make(qtbot, ctx, settings)
    assert again.is_acknowledged(cid, phase)
    other = AlertsPane(ctx, settings=settings, user_key="someone-else", beeper=lambda level: None,
                       refresh_ms=0)
    qtbot.addWidget(other)
    assert not other.is_acknowledged(cid, phase)


def test_read_only_cannot_acknowledge(qtbot, state, world, settings) -> None:
    from testkit.pane_context import FakeContext

    p = make(qtbot, FakeContext(state, world, role="wall", read_only=True), settings)
    assert p.ack_button.isHidden()
    cid, phase = p.entries()[0]
    p.acknowledge([cid])
    assert not p.is_acknowledged(cid, phase)


def test_refresh_is_throttled(qtbot, ctx, world, apply, clock, state, settings) -> None:
    p = AlertsPane(ctx, settings=settings, beeper=lambda level: None, refresh_ms=50)
    qtbot.addWidget(p)
    crit = world.created(priority="critical")
    apply(crit)
    clock.now = parse_time(crit["data"]["case"]["due_at"]) + 1
    p.on_changes(state.tick())
    cid = crit["data"]["case"]["id"]
    assert cid not in dict(p.entries())
    qtbot.waitUntil(lambda: cid in dict(p.entries()), timeout=15000)


def test_acknowledgements_are_keyed_by_the_context_user_id(qtbot, state, world, settings) -> None:
    """Without an explicit user_key the pane persists under ``ctx.user_id`` (PaneContext):
    the same user sees the acknowledgement again, another user does not."""
    from testkit.pane_context import FakeContext

    first = FakeContext(state, world)
    first.user_id = "u-alice"
    p = make(qtbot, first, settings)
    cid, phase = p.entries()[0]
    p.acknowledge([cid])
    assert p.is_acknowledged(cid, phase)
    assert settings.value("alerts/acknowledged/u-alice", [], type=list) == [f"{cid}#{phase}"]
    same = FakeContext(state, world)
    same.user_id = "u-alice"
    assert make(qtbot, same, settings).is_acknowledged(cid, phase)
    other = FakeContext(state, world)
    other.user_id = "u-bob"
    assert not make(qtbot, other, settings).is_acknowledged(cid, phase)


def test_each_level_has_its_own_sound_repeated_until_acknowledged(qtbot, ctx, world, apply,
                                                                  clock, state,
                                                                  settings) -> None:
    """New critical, newly overdue and urge received each play their own sound; the most
    urgent pending one repeats until acknowledged; the flashing rows alternate."""
    beeps: list[str] = []
    p = AlertsPane(ctx, settings=settings, refresh_ms=0, beeper=beeps.append)
    qtbot.addWidget(p)
    p.bell._repeat.setInterval(30)
    p.bell._flash.setInterval(20)
    normal = world.created(priority="normal")
    p.on_changes(apply(normal))
    assert beeps == []  # a normal new case is not an alarm
    ncid = normal["data"]["case"]["id"]
    p.on_changes(apply(world.dispatch(ncid, "U1")))
    p.on_changes(apply(world.urged(ncid)))
    assert beeps == ["urge"]
    qtbot.waitUntil(lambda: len(beeps) >= 3, timeout=15000)
    assert set(beeps) == {"urge"}
    row = [cid for cid, _ in p.entries()].index(ncid)
    seen: list[tuple[bool, bool]] = []
    p.bell.sig_flash.connect(lambda on: seen.append(
        (on, p.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None)))
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=15000)
    assert {on for on, _ in seen} == {True, False}
    assert all(on == coloured for on, coloured in seen)  # the row flashes with the tab
    crit = world.created(priority="critical")
    p.on_changes(apply(crit))
    assert beeps[-1] == "critical"
    qtbot.waitUntil(lambda: beeps[-1] == "critical" and beeps.count("critical") >= 2,
                    timeout=15000)  # the most urgent pending level repeats
    p.view.clearSelection()
    p.view.setCurrentIndex(p.model.index(-1, 0))
    p.acknowledge()  # nothing selected: every ringing alarm
    assert not p.bell.ringing and p.alarm.count() == 0
    n = len(beeps)
    qtbot.wait(150)
    assert len(beeps) == n
    # newly overdue has its own sound
    clock.now = parse_time(normal["data"]["case"]["due_at"]) + 1
    p.on_changes(state.tick())
    assert beeps[-1] == "overdue"


def test_sound_files_exist_and_differ() -> None:
    from widgets.alarm_bell import SOUNDS

    data = {level: (SOUNDS / f"{level}.wav").read_bytes() for level in
            ("critical", "overdue", "urge")}
    assert all(b[:4] == b"RIFF" and b[8:12] == b"WAVE" for b in data.values())
    assert len(set(data.values())) == 3


def test_a_reset_in_the_same_refresh_window_does_not_swallow_a_new_critical_case(
        qtbot, ctx, world, apply, state, settings) -> None:
    """The stage clocks switched on (a reset change set) right after a critical case
    arrived, before the list's refresh: the case still rings; the reset itself rings
    nothing, and a critical case after it rings too."""
    beeps: list[str] = []
    p = AlertsPane(ctx, settings=settings, beeper=beeps.append, refresh_ms=10_000)
    qtbot.addWidget(p)
    first = world.created(priority="critical")
    p.on_changes(apply(first))
    p.on_changes(state.set_stages(None))  # a reset, as LoopActions.learn delivers
    second = world.created(priority="critical")
    p.on_changes(apply(second))
    p.flush()
    assert p.alarm.level_of(first["data"]["case"]["id"]) == "critical"
    assert p.alarm.level_of(second["data"]["case"]["id"]) == "critical"
    assert beeps == ["critical", "critical"]
    assert p.alarm.raised["critical"] == 2
