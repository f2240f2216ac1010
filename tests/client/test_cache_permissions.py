"""The shift cache holds unit phones and case details: its folder is 0700 and its files
(the SQLite file and its -wal/-shm companions) 0600, whatever the umask."""

from __future__ import annotations

import os
from pathlib import Path

from client.cache import CacheDir
from client.shifts import ShiftSchedule


def test_cache_folder_0700_and_files_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = tmp_path / "cache" / "hub" / "officer"
        shift = ShiftSchedule().shift_at(1_780_000_000.0)
        cache = CacheDir(folder).open_for_shift(shift, {"hub_url": "x", "post": {"id": "P"}})
        cache.set_meta({"hub_url": "x"})
        files = list(folder.iterdir())
        assert folder.stat().st_mode & 0o777 == 0o700
        assert files and all(f.stat().st_mode & 0o777 == 0o600 for f in files), [
            (f.name, oct(f.stat().st_mode)) for f in files]
        cache.close()
    finally:
        os.umask(old)
