"""Every Qt import of the project goes through here, so the binding's quirks live in one place.

The one door to Qt for ``widgets/`` and ``console/`` (and the tests and benches): PySide6,
its QtMultimedia and pyqtgraph are imported here and nowhere else (an import-linter
contract in pyproject.toml). It lives in ``widgets/``, the lowest Qt layer, which the
console sits on anyway; ``client/`` and ``hub/`` never reach it.

``pg`` (pyqtgraph, ~1.4 s to import here) and ``QtMultimedia`` are imported on first use,
so the tools that draw no chart (``report``, ``assess``) do not pay for them.

PySide6 6.12.0 is excluded in pyproject.toml: on CPython 3.11 it drops a reference to
``True`` on every ``Signal.emit()`` and aborts after a few thousand emits.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

import PySide6  # noqa: F401 - the binding (its __version__)
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401
from PySide6.QtCore import (  # noqa: F401
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (  # noqa: F401
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QCursor,
    QDesktopServices,
    QDrag,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QScreen,
    QShortcut,
    QShowEvent,
    QStaticText,
)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - Qt's name: lupdate finds it
    """Mark ``source`` for translation in ``context`` and return it unchanged, as Qt's does
    (typed: PySide6's stub declares ``object``, which no ``tr()`` call accepts)."""
    return source

if TYPE_CHECKING:
    import pyqtgraph as pg  # noqa: F401
    from PySide6 import QtMultimedia  # noqa: F401

#: the names imported on first use, and their modules
_LAZY = {"pg": "pyqtgraph", "QtMultimedia": "PySide6.QtMultimedia"}


def __getattr__(name: str) -> ModuleType:
    """``pg`` and ``QtMultimedia`` on first use (ImportError when not installed)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = importlib.import_module(module)
    globals()[name] = value
    return value
