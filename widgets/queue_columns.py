"""The queue's columns as the officer wants them: which are shown, in what order, saved.

:class:`ColumnChooser` works on any table's horizontal header: it puts the columns in a
default order with some hidden, lets the officer drag columns to reorder them and choose
them from the header's context menu, and keeps the header's state per user in QSettings
(restored at the next start; a state that no longer matches the column count is ignored).

Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from widgets.qt import QAction, QByteArray, QHeaderView, QObject, QSettings, Qt, QTimer

#: QSettings key prefix of a saved header state (``<prefix>/<user id>``)
SETTINGS_PREFIX = "queue/header"
#: version stamped into the saved state (bump when the columns change meaning)
STATE_VERSION = 2


class ColumnChooser(QObject):
    """Column order and visibility of one header, chosen by the officer and saved.

    Args:
        header: the table's horizontal header.
        titles: ``() -> list[str]``, the current (translated) column titles.
        order: the default visual order (logical column numbers, first to last).
        hidden: the columns hidden by default.
        user_id: whose choice it is (the settings key).
        settings: where to keep it (default ``QSettings()`` of the application).

    Attributes:
        actions: one checkable action per column ("show this column"), in logical order.
    """

    def __init__(self, header: QHeaderView, titles: Callable[[], list[str]],
                 order: Sequence[int], hidden: Sequence[int], user_id: str,
                 settings: QSettings | None = None) -> None:
        super().__init__(header)
        self.header = header
        self._titles = titles
        self._key = f"{SETTINGS_PREFIX}/{user_id}"
        self._settings = settings if settings is not None else QSettings(self)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self.save)
        header.setSectionsMovable(True)
        header.setFirstSectionMovable(True)
        if not self.restore():
            self.apply_default(order, hidden)
        self.actions: list[QAction] = []
        for col in range(header.count()):
            act = QAction(header)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(col))
            act.toggled.connect(lambda on, col=col: self.set_shown(col, on))
            header.addAction(act)
            self.actions.append(act)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.retranslate()
        header.sectionMoved.connect(lambda *_: self._save_timer.start())
        header.sectionResized.connect(lambda *_: self._save_timer.start())

    def apply_default(self, order: Sequence[int], hidden: Sequence[int]) -> None:
        """Put the columns in ``order`` and hide ``hidden``."""
        h = self.header
        for visual, logical in enumerate(order):
            h.moveSection(h.visualIndex(logical), visual)
        for col in range(h.count()):
            h.setSectionHidden(col, col in hidden)

    def set_shown(self, col: int, shown: bool) -> None:
        """Show or hide column ``col`` (at least one column stays shown)."""
        h = self.header
        if not shown and sum(not h.isSectionHidden(c) for c in range(h.count())) <= 1:
            self.actions[col].setChecked(True)
            return
        h.setSectionHidden(col, not shown)
        if self.actions and self.actions[col].isChecked() != shown:
            self.actions[col].setChecked(shown)
        self._save_timer.start()

    def shown(self) -> list[int]:
        """The shown columns in visual order (logical numbers)."""
        h = self.header
        return [h.logicalIndex(v) for v in range(h.count())
                if not h.isSectionHidden(h.logicalIndex(v))]

    def retranslate(self) -> None:
        """Name the actions after the current column titles."""
        titles = self._titles()
        for col, act in enumerate(self.actions):
            if col < len(titles):
                act.setText(titles[col])

    def save(self) -> None:
        """Keep the header's state (order, visibility, widths) for this user."""
        self._save_timer.stop()
        self._settings.setValue(self._key, self.header.saveState())
        self._settings.setValue(f"{self._key}-version", STATE_VERSION)
        self._settings.sync()

    def restore(self) -> bool:
        """Restore the saved state; False when there is none or it does not match."""
        value = self._settings.value(self._key)
        version = self._settings.value(f"{self._key}-version")
        if not isinstance(value, QByteArray | bytes) or not value \
                or str(version) != str(STATE_VERSION):
            return False
        count = self.header.count()
        ok = bool(self.header.restoreState(QByteArray(value)))
        if not ok or self.header.count() != count:
            return False
        # a state that hides every column is no use
        return any(not self.header.isSectionHidden(c) for c in range(count))
