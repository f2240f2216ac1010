"""Test doubles and synthetic data shared by ``tests/`` and ``bench/`` (never shipped).

``fakehub`` (a scriptable HTTP/WebSocket hub), ``pgcluster`` (a throwaway PostgreSQL
server), ``world`` (a seeded synthetic jurisdiction and cases), ``clock``,
``pane_context`` (a fake PaneContext), ``tileserver`` (a local XYZ tile server),
``wall_context`` and ``wall_sim`` (the wall's context and a synthetic post),
``synthetic_shift`` (a shift cache written with the real writer).

Tests and benches import from here and never from each other (an import-linter contract
in pyproject.toml).
"""
