#!/usr/bin/env bash
# Run every test: offscreen Qt, real hubs on loopback, SQLite files, and a throwaway
# PostgreSQL cluster the tests start themselves (initdb in a temporary folder, its own
# port, removed afterwards; see testkit/pgcluster.py). The machine's own clusters and
# passwords are never touched. Without PostgreSQL installed (local development only):
#   bash scripts/test.sh -m "not postgres"
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

.venv/bin/python -m ruff check .
# the layers (pyproject.toml [tool.importlinter]; docs/layers.md)
.venv/bin/lint-imports --no-cache
# types: strict for client/, rows/ and hub/, every function annotated elsewhere
# ([tool.mypy] in pyproject.toml; docs/types.md)
.venv/bin/python -m mypy
exec .venv/bin/python -m pytest -q "$@"
