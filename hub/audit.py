"""The audit log: every login and every command, accepted or refused, before the answer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from hub.context import Actor, HubContext
from hub.models import AuditEntry
from hub.timeutil import utcnow


def add_entry(session: Session, *, actor: str, role: str, action: str, target: str,
              outcome: str, addr: str, detail: str, region_path: str,
              at: datetime | None = None) -> None:
    """Add one audit row to an open transaction."""
    session.add(AuditEntry(at=at or utcnow(), actor=actor[:80], role=role, action=action,
                           target=target[:80], outcome=outcome, addr=addr[:64],
                           detail=detail[:2000], region_path=region_path))


def record_refusal(ctx: HubContext, actor: Actor, action: str, target: str, outcome: str,
                   detail: str, region_path: str | None = None) -> None:
    """Write a refused command's audit row in a transaction of its own."""
    path = region_path or ctx.tree.posts[actor.post_id].path
    with ctx.db.write() as tx:
        add_entry(tx.session, actor=actor.username, role=actor.role, action=action,
                  target=target, outcome=outcome, addr=actor.addr, detail=detail,
                  region_path=path)
