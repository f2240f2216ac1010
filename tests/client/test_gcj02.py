"""GCJ-02 ↔ WGS 84 (client.gcj02): published reference points, round trips, magnitudes."""

from __future__ import annotations

import numpy as np
import pytest

from client.gcj02 import gcj_to_wgs, in_china, wgs_to_gcj

# (WGS 84 lon, lat) → (GCJ-02 lon, lat): the reference points of the widely used
# eviltransform test suite (Shanghai, Shenzhen, Beijing).
REFERENCE = [
    ((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),
    ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),
    ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069)),
]


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE)
def test_forward_matches_reference_points(wgs: tuple[float, float],
                                          gcj: tuple[float, float]) -> None:
    """WGS → GCJ reproduces the published values to 1e-9°."""
    lon, lat = wgs_to_gcj(*wgs)
    assert float(lon) == pytest.approx(gcj[0], abs=1e-9)
    assert float(lat) == pytest.approx(gcj[1], abs=1e-9)


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE)
def test_inverse_recovers_wgs(wgs: tuple[float, float], gcj: tuple[float, float]) -> None:
    """GCJ → WGS inverts the forward transform to < 1e-8° (~1 mm)."""
    lon, lat = gcj_to_wgs(*gcj)
    assert float(lon) == pytest.approx(wgs[0], abs=1e-8)
    assert float(lat) == pytest.approx(wgs[1], abs=1e-8)


def test_chuxiong_offset_and_vector_round_trip() -> None:
    """Over Chuxiong the offset is a few hundred metres; arrays round-trip to ~1 mm."""
    rng = np.random.default_rng(7)
    lon = rng.uniform(100.7, 102.5, 10_000)
    lat = rng.uniform(24.2, 26.5, 10_000)
    g_lon, g_lat = wgs_to_gcj(lon, lat)
    metres = np.hypot((g_lon - lon) * 111_320 * np.cos(np.radians(lat)),
                      (g_lat - lat) * 110_540)
    assert 100 < metres.min() and metres.max() < 800
    back_lon, back_lat = gcj_to_wgs(g_lon, g_lat)
    assert np.max(np.abs(back_lon - lon)) < 1e-8 and np.max(np.abs(back_lat - lat)) < 1e-8


def test_outside_china_is_unchanged() -> None:
    """Outside mainland China GCJ-02 is WGS 84 (New York, London)."""
    assert not in_china(-73.98, 40.75).any()
    for lon, lat in ((-73.98, 40.75), (-0.12, 51.5)):
        assert tuple(map(float, wgs_to_gcj(lon, lat))) == (lon, lat)
        assert tuple(map(float, gcj_to_wgs(lon, lat))) == (lon, lat)
