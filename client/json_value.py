"""``JSON``: any value a JSON text decodes to or encodes from (for what is sent as is).

Where the shape is known, the protocol's TypedDicts (``client.protocol``, ``hub.bodies``)
say more; ``JSON`` types what is only passed through to an encoder (a request body of the
simulator or of ``HubClient.request``), so no ``Any`` is needed to accept it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

JSON: TypeAlias = (None | bool | int | float | str | Sequence["JSON"]
                   | Mapping[str, "JSON"])

#: a GeoJSON FeatureCollection as decoded (``client.geometry`` checks each feature on parsing)
FeatureCollection: TypeAlias = dict[str, object]
