"""Review shows the map at the scrubbed moment, with the polygons kept beside the shift."""

from __future__ import annotations

import shutil
from pathlib import Path

from client.geometry import save_cached
from client.review import open_review
from client.workload import is_active
from console.review.window import ReviewWindow
from testkit.world import World


def _open_counts(state, regions) -> dict[str, int]:  # noqa: ANN001
    world = World()
    return {r: sum(1 for c in state.cases.values() if is_active(c)
                   and isinstance(c.get("lat"), float) and world.ancestor(c["region_id"], r))
            for r in regions}


def test_review_map_counts_follow_the_scrubber(qtbot, shift_file: Path, tmp_path: Path) -> None:
    """The polygons come from the cache folder (no hub); the choropleth equals the
    reviewed State at each moment and changes as the cursor moves."""
    folder = tmp_path / "cache"
    folder.mkdir()
    shift = Path(shutil.copy(shift_file, folder / shift_file.name))
    save_cached(folder, '"g1"', World().geometry())
    kept = (folder / "regions.geojson").read_bytes()
    review = open_review(shift, checkpoint_every=500)
    w = ReviewWindow(review)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    m = w.panes["map"]
    assert m.geo is not None
    seen = []
    for t in (review.start, (review.start + review.end) / 2, review.end):
        w.seek_time(t)
        m.flush()
        counts = {r: o for r, (o, _d) in m.region_counts().items()}
        assert counts == _open_counts(w.ctx.state, list(counts))
        seen.append(counts)
    assert seen[0] != seen[-1]
    assert (folder / "regions.geojson").read_bytes() == kept  # read, never rewritten
    assert not (folder / "regions.tmp").exists()
