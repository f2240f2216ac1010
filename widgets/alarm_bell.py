"""The alarm's sound and flashing: a distinct sound per level, repeated until acknowledged.

:class:`AlarmBell` rings for a :class:`client.alarm.Alarm`: when a level is raised it plays
that level's sound (``resources/sounds/<level>.wav``, through QtMultimedia's
``QSoundEffect``), then repeats the most urgent pending level's sound every
``REPEAT_MS`` until every alarm is acknowledged; meanwhile it toggles a flash phase every
``FLASH_MS`` (``sig_flash``) for the alerts tab and rows. Muting stops the sound, never
the flashing.

Without an audio device (or without QtMultimedia) the sounds are skipped and logged once;
``played`` still records what was asked for.

Threading: GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from client.alarm import Alarm
from widgets.qt import QObject, QTimer, QUrl, Signal

log = logging.getLogger(__name__)

SOUNDS = Path(__file__).resolve().parent.parent / "resources" / "sounds"
#: the most urgent pending sound is played again this often until acknowledged (ms)
REPEAT_MS = 8000
#: the flash phase toggles this often (ms)
FLASH_MS = 500


class SoundPlayer:
    """Plays ``resources/sounds/<level>.wav`` with QSoundEffect (made on first use)."""

    def __init__(self, folder: Path = SOUNDS) -> None:
        self.folder = folder
        self._effects: dict[str, object] = {}
        self._broken = False

    def __call__(self, level: str) -> None:
        if self._broken:
            return
        effect = self._effects.get(level)
        if effect is None:
            try:
                from widgets.qt import QtMultimedia
            except ImportError:
                log.warning("QtMultimedia is not installed: alarm sounds are off")
                self._broken = True
                return
            effect = QtMultimedia.QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(self.folder / f"{level}.wav")))
            effect.setVolume(1.0)
            self._effects[level] = effect
        effect.play()  # type: ignore[attr-defined]


class AlarmBell(QObject):
    """Sound and flash for the pending alarms.

    Args:
        alarm: the pending alarms.
        player: ``player(level)`` plays a level's sound (default :class:`SoundPlayer`).
        muted: start muted.

    Attributes:
        played: the levels whose sound was asked for, in order (for checks).
        flash_on: the current flash phase (True: highlighted).

    Signals:
        sig_flash(bool): the flash phase changed (False once everything is acknowledged).
    """

    sig_flash = Signal(bool)

    def __init__(self, alarm: Alarm, *, player: Callable[[str], None] | None = None,
                 muted: bool = False, repeat_ms: int = REPEAT_MS, flash_ms: int = FLASH_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.alarm = alarm
        self.muted = muted
        self.played: list[str] = []
        self.flash_on = False
        self._player = player or SoundPlayer()
        self._repeat = QTimer(self)
        self._repeat.setObjectName("alarm_repeat")
        self._repeat.setInterval(repeat_ms)
        self._repeat.timeout.connect(self._on_repeat)
        self._flash = QTimer(self)
        self._flash.setObjectName("alarm_flash")
        self._flash.setInterval(flash_ms)
        self._flash.timeout.connect(self._on_flash)

    @property
    def ringing(self) -> bool:
        """Whether alarms are pending (flashing, and sounding unless muted)."""
        return self._flash.isActive()

    def raised(self, levels: list[str]) -> None:
        """New alarms at ``levels`` (most urgent first): sound the first, start flashing."""
        if not levels:
            return
        self._sound(levels[0])
        self._repeat.start()  # the repeat counts from the newest sound
        if not self._flash.isActive():
            self._flash.start()
            self._set_flash(True)

    def update(self) -> None:
        """Stop everything once no alarm is pending (after an acknowledgement)."""
        if self.alarm.top_level() is None and (self._flash.isActive() or self.flash_on):
            self._repeat.stop()
            self._flash.stop()
            self.flash_on = False
            self.sig_flash.emit(False)  # once more, so the tab and rows settle

    def set_muted(self, muted: bool) -> None:
        """Mute the sound (the flashing goes on)."""
        self.muted = bool(muted)

    def _sound(self, level: str) -> None:
        if self.muted:
            return
        self.played.append(level)
        try:
            self._player(level)
        except Exception:
            log.exception("playing the %s sound failed", level)

    def _on_repeat(self) -> None:
        level = self.alarm.top_level()
        if level is None:
            self.update()
            return
        self._sound(level)

    def _on_flash(self) -> None:
        if self.alarm.top_level() is None:
            self.update()
            return
        self._set_flash(not self.flash_on)

    def _set_flash(self, on: bool) -> None:
        if on == self.flash_on:
            return
        self.flash_on = on
        self.sig_flash.emit(on)
