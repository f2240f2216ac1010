"""Translations: the console's own .qm files and Qt's qtbase translations.

Chinese (zh_CN) is the default; ``--lang en`` selects English. Source strings are English
(``self.tr("…")`` / ``QCoreApplication.translate("Context", "…")``); the .ts sources and
compiled .qm files live in resources/translations/ (rebuild with
``python resources/build_translations.py``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from widgets.qt import QT_TRANSLATE_NOOP, QLocale, QtCore, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


#: Qt's own words that its qtbase_zh_CN.qm (Qt 6) lacks, seen in the file dialog of the
#: handover report under zh_CN: translated in commandpost_zh_CN.ts, whose translator is
#: asked before Qt's (installed after it). "Folder" is asked for with the comment "All other
#: platforms"; a translator falls back to the entry without one.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
)


def normalize(lang: str | None) -> str:
    """Map user input (``zh``, ``zh-CN``, ``en_US``…) to a supported language code."""
    text = (lang or DEFAULT_LANGUAGE).replace("-", "_").lower()
    if text.startswith("zh"):
        return "zh_CN"
    if text.startswith("en"):
        return "en"
    raise ValueError(f"unsupported language {lang!r}: choose zh_CN or en")


def install(app: QtCore.QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for ``lang`` on ``app``; return them (keep them alive).

    Missing files are logged, never fatal: the console then shows the source strings.
    """
    lang = normalize(lang)
    QLocale.setDefault(QLocale(lang))
    installed: list[QTranslator] = []
    qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{lang}", qt_dir), (f"commandpost_{lang}", str(TRANSLATIONS))):
        tr = QTranslator(app)
        if tr.load(name, folder):
            app.installTranslator(tr)
            installed.append(tr)
        else:
            log.info("no translation %s in %s", name, folder)
    _clear_cached_words()
    return installed


def _clear_cached_words() -> None:
    """Forget words the panes cached in the previous language (status and priority labels)."""
    from widgets.common import clear_label_cache

    clear_label_cache()


def remove(app: QtCore.QCoreApplication, translators: list[QTranslator]) -> None:
    """Uninstall translators installed by :func:`install`."""
    for tr in translators:
        app.removeTranslator(tr)
    _clear_cached_words()
