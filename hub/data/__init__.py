"""Data files shipped with the hub (package data): see ``SOURCES.md`` beside this file.

* ``nyc311-2013-sample.csv``, ``nyc311-2011-sample.csv``: real NYC 311 service requests for
  the simulator's replay mode (``hub simulate --mode nyc311``);
* ``chuxiong-counties.csv``: Chuxiong prefecture's ten counties, seat towns and seat
  coordinates, the source of ``hub.seed.COUNTIES``.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
"""The folder holding the shipped data files (inside the installed ``hub`` package)."""


def data_path(name: str) -> Path:
    """Return the path of the shipped data file ``name``; FileNotFoundError if there is none."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"no data file {name!r} in {DATA_DIR}")
    return path
