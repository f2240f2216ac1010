"""The map's arithmetic, Qt-free and vectorised: clusters, heat, counts, scale bar.

Costs on 100,000 points (this machine): ``cluster`` 6–9 ms, ``heat`` 4–6 ms,
``region_counts`` < 1 ms.
"""

from __future__ import annotations

import math

import numpy as np

KM_PER_DEG_LAT = 110.574


def cluster(x: np.ndarray, y: np.ndarray, cell: float
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Group points into square cells of side ``cell`` (data units), anchored at 0.

    Anchoring the grid at the origin (not at the view's corner) keeps clusters still while
    the view pans. Returns each non-empty cell's centroid x, y, its point count, and for
    every point the index of its cell (to sum other per-point values with ``bincount``).
    """
    if len(x) == 0:
        empty = np.empty(0)
        return empty, empty, np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    ix = np.floor(x / cell).astype(np.int64)
    iy = np.floor(y / cell).astype(np.int64)
    key = (ix - ix.min()) * (int(iy.max() - iy.min()) + 1) + (iy - iy.min())
    span = int(key.max()) + 1
    if span <= 4 * len(key) + 1_000_000:  # few possible cells: count them in O(n)
        per_cell = np.bincount(key, minlength=span)
        used = np.flatnonzero(per_cell)
        lookup = np.empty(span, dtype=np.int64)
        lookup[used] = np.arange(len(used))
        inverse = lookup[key]
        counts = per_cell[used]
    else:  # tiny cells over a wide area: sort
        _uniq, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    n = len(counts)
    sx = np.bincount(inverse, weights=x, minlength=n)
    sy = np.bincount(inverse, weights=y, minlength=n)
    return sx / counts, sy / counts, counts, inverse


def cluster_level(px_size: float, target_px: float = 90.0, base: float = 1e-4) -> int:
    """The power-of-two level whose cell is closest to ``target_px`` pixels.

    ``px_size`` is one pixel in data units; cells are ``base * 2**level``, so a small zoom
    reuses the same clusters and only crossing a level recomputes them.
    """
    if px_size <= 0 or not math.isfinite(px_size):
        return 0
    return max(0, round(math.log2(target_px * px_size / base)))


def cell_size(level: int, base: float = 1e-4) -> float:
    """Side of a cluster cell at ``level`` (data units)."""
    return base * 2.0 ** level


def _blur_kernel(sigma: float) -> np.ndarray:
    radius = max(1, int(3 * sigma))
    t = np.arange(-radius, radius + 1, dtype=float)
    k = np.exp(-0.5 * (t / sigma) ** 2)
    kernel: np.ndarray = k / k.sum()
    return kernel


def heat(x: np.ndarray, y: np.ndarray, bbox: tuple[float, float, float, float],
         bins: int = 256, sigma: float = 2.0) -> np.ndarray:
    """Point density over ``bbox`` as a (bins, bins) array in [0, 1] (x first, y second).

    A 2-D histogram blurred by a separable Gaussian, scaled by log1p so a few hot spots do
    not hide the rest; 0 where there is nothing.
    """
    minx, miny, maxx, maxy = bbox
    if len(x) == 0 or maxx <= minx or maxy <= miny:
        return np.zeros((bins, bins))
    h, _, _ = np.histogram2d(x, y, bins=bins, range=[[minx, maxx], [miny, maxy]])
    k = _blur_kernel(sigma)
    h = np.apply_along_axis(lambda r: np.convolve(r, k, mode="same"), 0, h)
    h = np.apply_along_axis(lambda r: np.convolve(r, k, mode="same"), 1, h)
    h = np.log1p(h)
    top = h.max()
    out: np.ndarray = h / top if top > 0 else h
    return out


def region_counts(leaf: np.ndarray, mask: np.ndarray, ancestor: np.ndarray, size: int
                  ) -> np.ndarray:
    """Cases per region at one level: ``bincount(ancestor[leaf[mask]])``.

    Args:
        leaf: each slot's region index (-1: unknown, mapped to ``ancestor``'s last entry).
        mask: which slots count.
        ancestor: region index → index of its ancestor at the level (-1: none).
        size: number of regions (length of the answer).
    """
    idx = ancestor[leaf[mask]]
    idx = idx[idx >= 0]
    return np.bincount(idx, minlength=size)[:size]


def nice_scale(metres_per_px: float, target_px: float = 120.0) -> tuple[float, float]:
    """A round scale-bar length (1, 2 or 5 × 10^k metres) near ``target_px``: (metres, px)."""
    if metres_per_px <= 0 or not math.isfinite(metres_per_px):
        return 0.0, 0.0
    raw = metres_per_px * target_px
    power = 10 ** math.floor(math.log10(raw))
    for step in (5, 2, 1):
        if step * power <= raw:
            metres = step * power
            return metres, metres / metres_per_px
    return power, power / metres_per_px


def metres_per_degree_lon(lat: float) -> float:
    """Metres in one degree of longitude at ``lat``."""
    return 111_320.0 * math.cos(math.radians(lat))
