"""Command Post (指挥中心) from a source checkout: ``.venv/bin/python main.py [COMMAND] …``.

A thin shim: the dispatcher lives in ``commandpost.main`` (installed as the
``command-post`` and ``command-post-hub`` entry points). ``main.py --help`` lists every
command.
"""

from __future__ import annotations

import sys

from commandpost.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
