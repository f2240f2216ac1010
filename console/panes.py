"""Which panes the console shows, and where each comes from.

Each :class:`PaneSpec` names a module in ``widgets/``; the pane class is the
:class:`widgets.pane.Pane` subclass that module defines. A pane whose module is not there
yet (or fails to import or build) is replaced by a :class:`PlaceholderPane`, so the shell
always runs; the failure is logged.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass

from client.state import ChangeSet
from widgets.pane import Pane, PaneContext
from widgets.qt import QCoreApplication, QLabel, Qt, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

_T = QCoreApplication


@dataclass(frozen=True)
class PaneSpec:
    """One pane of the console.

    Attributes:
        key: stable id (dock object name ``dock-<key>``; layouts refer to it).
        module: the module under ``widgets/`` that defines the pane.
        shortcut: the key that shows/hides and focuses it.
    """

    key: str
    module: str
    shortcut: str

    def title(self) -> str:
        """Translated fallback title (the pane's own ``title()`` wins)."""
        titles = {
            "kpi": _T.translate("Panes", "Key figures"),
            "queue": _T.translate("Panes", "Case queue"),
            "map": _T.translate("Panes", "Map"),
            "detail": _T.translate("Panes", "Case detail"),
            "alerts": _T.translate("Panes", "Alerts"),
            "workload": _T.translate("Panes", "Unit workload"),
            "ticker": _T.translate("Panes", "Live events"),
            "calls": _T.translate("Panes", "Calls and whistles"),
            "regions": _T.translate("Panes", "Regions"),
        }
        return titles.get(self.key, self.key)


PANES: tuple[PaneSpec, ...] = (
    PaneSpec("kpi", "widgets.kpi", "Ctrl+0"),
    PaneSpec("queue", "widgets.case_queue", "Ctrl+1"),
    PaneSpec("map", "widgets.map_view", "Ctrl+2"),
    PaneSpec("detail", "widgets.case_detail", "Ctrl+3"),
    PaneSpec("alerts", "widgets.alerts", "Ctrl+4"),
    PaneSpec("workload", "widgets.workload", "Ctrl+5"),
    PaneSpec("ticker", "widgets.ticker", "Ctrl+6"),
    PaneSpec("calls", "widgets.calls", "Ctrl+7"),
    PaneSpec("regions", "widgets.region_tree", "Ctrl+Shift+G"),
)


class PlaceholderPane(Pane):
    """Stands in for a pane not written yet: shows its name and the open case count."""

    def __init__(self, ctx: PaneContext, spec: PaneSpec, parent: QWidget | None = None) -> None:
        self.pane_id = spec.key
        super().__init__(ctx, parent)
        self.spec = spec
        self.setObjectName("placeholderPane")
        lay = QVBoxLayout(self)
        self._name = QLabel(spec.title(), self)
        self._count = QLabel("", self)
        self._count.setObjectName("placeholderCount")
        for w in (self._name, self._count):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.setTextFormat(Qt.TextFormat.PlainText)
            lay.addWidget(w)
        self._refresh()

    def title(self) -> str:
        return self.spec.title()

    def on_changes(self, changes: ChangeSet) -> None:
        self._refresh()

    def _refresh(self) -> None:
        n = len(self.ctx.state.cases)
        self._count.setText(_T.translate("Panes", "{n} cases").format(n=n))


def pane_class(module_name: str) -> type[Pane] | None:
    """The Pane subclass defined in ``module_name``, or None if there is none (yet)."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        log.exception("pane module %s failed to import", module_name)
        return None
    except Exception:
        log.exception("pane module %s failed to import", module_name)
        return None
    found = [
        obj for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, Pane) and obj is not Pane and obj.__module__ == module_name
    ]
    # Prefer the class whose name ends in "Pane", then the first defined.
    found.sort(key=lambda c: (not c.__name__.endswith("Pane"), c.__name__))
    return found[0] if found else None


def build_pane(spec: PaneSpec, ctx: PaneContext,
               factory: Callable[[PaneSpec], type[Pane] | None] | None = None) -> Pane:
    """Build the pane of ``spec`` (a placeholder when its module is missing or broken)."""
    cls = (factory or (lambda s: pane_class(s.module)))(spec)
    if cls is not None:
        pane = cls.__new__(cls)
        try:
            pane.__init__(ctx)  # type: ignore[misc]
            return pane
        except Exception:
            log.exception("pane %s failed to build; showing a placeholder", spec.key)
            _discard(pane)
    return PlaceholderPane(ctx, spec)


#: half-built panes: kept referenced so Python's GC never frees their Qt objects on
#: another thread (that crashes); their C++ side is deleted on the GUI thread instead.
_BROKEN: list[QWidget] = []


def _discard(pane: QWidget) -> None:
    _BROKEN.append(pane)
    try:
        pane.hide()
        pane.deleteLater()
    except RuntimeError:  # the C++ object was never constructed
        pass
