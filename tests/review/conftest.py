"""Fixtures for the review tests: small synthetic shift files written with the real writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.synthetic_shift import write_synthetic_shift


@pytest.fixture(scope="session")
def shift_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 6,000-event synthetic 12-hour shift (read-only use: tests must not change it)."""
    d = tmp_path_factory.mktemp("shift")
    return write_synthetic_shift(d / "shift-20261122-2000.sqlite", 6000, open_cases=300,
                                 closed_cases=80, seed=3)


@pytest.fixture
def shift_copy(tmp_path: Path) -> Path:
    """A fresh 3,000-event shift in its own directory (for tests that damage it)."""
    d = tmp_path / "cache"
    d.mkdir()
    return write_synthetic_shift(d / "shift-20261122-2000.sqlite", 3000, open_cases=200,
                                 closed_cases=50, seed=4)

