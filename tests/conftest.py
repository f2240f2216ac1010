"""Session-wide test setup.

``pg_cluster`` is the session's throwaway PostgreSQL server (``testkit/pgcluster.py``): started
on first use, removed at the end; a test that needs it fails when it cannot be started.
Without PostgreSQL installed, deselect those tests locally with ``pytest -m "not postgres"``.

hypothesis is imported here, at a shallow stack depth: imported for the first time from its
pytest plugin's terminal summary (deep in pluggy), CPython 3.11.7's compiler fails with
"SystemError: AST constructor recursion depth mismatch" while pytest rewrites its modules.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import hypothesis  # noqa: F401
import pytest

from testkit.pgcluster import ThrowawayCluster

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep QSettings written by panes (layouts, acknowledgements) out of the developer's
    own settings, in every test package."""
    from widgets.qt import QSettings

    path = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))
    yield


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[ThrowawayCluster]:
    """A private PostgreSQL server for the whole session (initdb in a temporary folder,
    its own port; never the machine's clusters)."""
    with ThrowawayCluster() as cluster:
        yield cluster


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    """A file holding the demo accounts' password (for ``--password-file``)."""
    from hub.seed import DEMO_PASSWORD

    p = tmp_path / "password"
    p.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    return p


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    """The Chinese translation installed, as main.py installs it by default (the label
    cache cleared before and after, so no English label outlives it)."""
    from console import i18n
    from widgets.common import clear_label_cache

    installed = i18n.install(qapp, "zh_CN")
    clear_label_cache()
    yield
    i18n.remove(qapp, installed)
    clear_label_cache()
