"""The unit of hand-off from the Feed thread to whoever holds the State.

Threading: a :class:`Batch` is immutable by convention once queued; the case, unit,
call and whistle dicts inside it are the decoded frames themselves (not copied) and must
never be mutated by the consumer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from client.protocol import AnySnapshot, Event


@dataclass(frozen=True, slots=True)
class Batch:
    """Events (and maybe a fresh snapshot) that are already in the shift cache.

    Attributes:
        snapshot: a full snapshot to load first (start, restart from cache, 410), or None.
        events: events to apply in order after it (contiguous seqs, no duplicates).
        seq: the last seq this batch brings the state to.
        received_at: epoch seconds when the batch was completed.
    """

    snapshot: AnySnapshot | None
    events: list[Event] = field(default_factory=list)
    seq: int = 0
    received_at: float = 0.0
