"""``hub audit export``: the entries of a period as CSV, closed by a signature line.

The file is the entries with ``at`` in [from, to), oldest first, every field of the
protocol's entry (``prev`` and ``hash`` included, so the chain can be checked across the
export), then ``# chain: …`` naming the first ``prev`` and the last ``hash``, then
``# signature: hmac-sm3=<hex>`` over every byte before it (with ``--key-file``), or
``# signature: sm3=<hex>`` (a plain digest) without a key. :func:`check` verifies a file.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from client.audit_chain import GENESIS
from hub.audit_chain import entry_json
from hub.db import Database
from hub.models import AuditEntry

FIELDS = ("id", "at", "actor", "role", "action", "target", "outcome", "addr", "detail",
          "prev", "hash")


def _signature(data: bytes, key: bytes | None) -> str:
    if key:
        return "hmac-sm3=" + hmac.new(key, data, "sm3").hexdigest()
    return "sm3=" + hashlib.new("sm3", data).hexdigest()


def export_csv(db: Database, start: datetime, end: datetime, out: Path,
               key: bytes | None = None) -> int:
    """Write the entries of [start, end) to ``out``; return how many."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FIELDS)
    first_prev, last_hash, count = GENESIS, GENESIS, 0
    with db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.at >= start, AuditEntry.at < end)
                         .order_by(AuditEntry.id))
        for row in rows:
            entry = entry_json(row)
            if count == 0:
                first_prev = entry["prev"] or GENESIS
            last_hash = entry["hash"] or GENESIS
            fields: Mapping[str, object] = entry
            writer.writerow([fields[f] for f in FIELDS])
            count += 1
    buf.write(f"# chain: entries={count} first_prev={first_prev} last_hash={last_hash}\n")
    data = buf.getvalue().encode("utf-8")
    out.write_bytes(data + f"# signature: {_signature(data, key)}\n".encode())
    return count


def check(path: Path, key: bytes | None = None) -> bool:
    """Whether the signature line matches the rest of the file."""
    data = path.read_bytes()
    body, _, last = data.rstrip(b"\n").rpartition(b"\n")
    body += b"\n"
    return last.decode() == f"# signature: {_signature(body, key)}"
