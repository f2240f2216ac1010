"""The audit log's SM3 hash chain rule (protocol 1.1, "Security additions"), Qt- and I/O-free.

Each entry carries ``prev`` (the ``hash`` of the entry before it in the whole log; 64 zeros
for the first) and ``hash`` = hex SM3 (GB/T 32905) of ``prev`` + the entry's canonical JSON
without ``hash`` (keys sorted, no spaces, UTF-8). :func:`verify_entries` checks a run of
entries and names the first broken one. The hub chains its rows with it
(``hub.audit_chain``); the console's audit viewer checks what ``GET /audit`` returned.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def sm3_hex(data: bytes) -> str:
    """Hex SM3 digest (OpenSSL's, through hashlib)."""
    return hashlib.new("sm3", data).hexdigest()


def canonical(entry: Mapping[str, object]) -> bytes:
    """Keys sorted, no spaces, UTF-8, without ``hash``."""
    body = {k: v for k, v in entry.items() if k != "hash"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def entry_hash(entry: Mapping[str, object]) -> str:
    """``hash`` of an entry dict (its ``prev`` included)."""
    return sm3_hex(str(entry["prev"]).encode("ascii") + canonical(entry))


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a check of the chain found.

    Attributes:
        ok: the chain is intact.
        checked: entries checked.
        broken_id: the id of the first broken entry (None when intact).
        reason: a sentence for the operator.
    """

    ok: bool
    checked: int
    broken_id: int | None
    reason: str


def verify_entries(entries: Iterable[Mapping[str, Any]], start_prev: str, head_last: tuple[int, str] | None = None
                   ) -> Verdict:
    """Check a sequence of entry dicts (in id order) from ``start_prev``."""
    prev, checked, last_id = start_prev, 0, None
    for entry in entries:
        if entry["prev"] != prev:
            return Verdict(False, checked, entry["id"],
                           f"entry {entry['id']}: prev does not match the hash of the entry "
                           "before it (an entry was deleted or inserted before it)")
        if entry_hash(entry) != entry["hash"]:
            return Verdict(False, checked, entry["id"],
                           f"entry {entry['id']}: hash does not match its content "
                           "(the entry was edited)")
        prev, last_id = entry["hash"], entry["id"]
        checked += 1
    if head_last is not None and (last_id or 0, prev) != head_last and checked:
        return Verdict(False, checked, head_last[0],
                       f"the log ends at entry {last_id} but its head names entry "
                       f"{head_last[0]} (entries at the end were deleted)")
    return Verdict(True, checked, None, f"{checked} entries, chain intact")
