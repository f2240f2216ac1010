"""Cyclic-GC settings for a process that streams feed events into a large store.

Feed events and the cases in a :class:`client.state.State` are acyclic JSON dicts:
reference counting frees every replaced case version at once, so the cyclic collector
finds nothing in them. Yet with CPython's default thresholds ``(700, 10, 10)`` every event
held across a 100 ms hand-off survives into the oldest generation, and each time that
generation grows by a quarter a *full* collection rescans every case held. Measured with
``bench/ingest.py`` (100,000 events in flight to a State): 0.62 s of collections (4 full,
41 middle), ~15 % of the catch-up; with a full collection considered only every 1,000
middle ones, 0.27–0.34 s and no full collection. The young generations keep Python's
default sizes, so each pause stays well under a millisecond on the GUI thread.

Cycles that do reach the oldest generation (Qt wrappers, closures) are still collected,
later: a full collection is considered after ~7 million container allocations (about
half an hour at 2,000 events/s). The console also freezes what a snapshot load leaves
alive (``console.bridge.freeze_loaded``).

Threading: call once at startup, from the main thread.
"""

from __future__ import annotations

import gc

#: (young, middle, oldest): CPython's defaults for the young two, full collections rare
STREAMING_THRESHOLDS = (700, 10, 1000)


def tune_for_streaming() -> None:
    """Apply :data:`STREAMING_THRESHOLDS` to this process."""
    gc.set_threshold(*STREAMING_THRESHOLDS)
