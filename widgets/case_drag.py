"""The payload of a case drag: what every case list, the map and the drop targets agree on.

Mime ``application/x-commandpost-case-ids``: a JSON list of ``{"id", "version"}`` (the
version the supervisor saw becomes the reassignment's ``expected_version``). The case
queue and the dispatch board drag natively (their models' ``mimeData``), the map with
Shift held, the alerts list through the drag starter the supervisor feature installs
(:mod:`console.supervisor.drag_and_drop`); the drop targets decode it there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

import orjson

from widgets.qt import QMimeData

MIME_CASE_IDS = "application/x-commandpost-case-ids"


class DragItem(TypedDict):
    """One dragged case: its id and the version the user saw (None when unknown)."""

    id: str
    version: int | None

def encode_items(items: Sequence[Mapping[str, object]]) -> QMimeData:
    """A drag payload for ``[{"id", "version"}, ...]``."""
    mime = QMimeData()
    mime.setData(MIME_CASE_IDS, orjson.dumps(items))
    mime.setText("\n".join(str(i.get("id")) for i in items))
    return mime


def decode_items(mime: QMimeData | None) -> list[DragItem]:
    """The ``{"id", "version"}`` items of a drag payload; [] for anything else or garbage."""
    if mime is None or not mime.hasFormat(MIME_CASE_IDS):
        return []
    try:
        raw = orjson.loads(bytes(mime.data(MIME_CASE_IDS).data()))
    except orjson.JSONDecodeError:
        return []
    if not isinstance(raw, list):
        return []
    out: list[DragItem] = []
    for item in raw[:1000]:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            v = item.get("version")
            out.append({"id": item["id"], "version": v if type(v) is int else None})
    return out
