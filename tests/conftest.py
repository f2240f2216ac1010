"""Session-wide test setup.

hypothesis is imported here, at a shallow stack depth: imported for the first time from its
pytest plugin's terminal summary (deep in pluggy), CPython 3.11.7's compiler fails with
"SystemError: AST constructor recursion depth mismatch" while pytest rewrites its modules.
"""

import os

import hypothesis  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
