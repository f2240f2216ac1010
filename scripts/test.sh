#!/usr/bin/env bash
# Run every test: offscreen Qt, a real hub on loopback, SQLite files, and — when a local
# PostgreSQL is installed — the hub's conformance suite against PostgreSQL as well.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${COMMANDPOST_TEST_PG_URL:-}" ] && command -v pg_lsclusters >/dev/null 2>&1; then
  cluster=$(pg_lsclusters --no-header | head -n 1 | awk '{print $1" "$2}')
  if [ -n "$cluster" ]; then
    as_root pg_ctlcluster $cluster start 2>/dev/null || true
    for _ in $(seq 1 30); do
      as_root su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
      sleep 1
    done
    as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
    as_root su postgres -c "dropdb --if-exists commandpost_test && createdb commandpost_test"
    export COMMANDPOST_TEST_PG_URL=postgresql+psycopg://postgres:postgres@127.0.0.1/commandpost_test
    echo "PostgreSQL suite on: $COMMANDPOST_TEST_PG_URL"
  fi
fi

.venv/bin/python -m ruff check .
exec .venv/bin/python -m pytest -q "$@"
