"""Pruning of old events: by age and by count per post. Clients asking for pruned events
get 410 ``gone`` and reload the snapshot."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import cast

from sqlalchemy import CursorResult, delete, exists, func, select, update

from hub.db import Database
from hub.models import Event, FeedEntry, IdempotencyKey, Post
from hub.timeutil import utcnow

log = logging.getLogger(__name__)


def prune(db: Database, max_age_days: float, max_events_per_post: int) -> int:
    """Delete feed entries older than ``max_age_days`` or beyond the newest
    ``max_events_per_post`` of their post; return how many were deleted."""
    cutoff = utcnow() - timedelta(days=max_age_days)
    deleted = 0
    with db.write() as tx:
        s = tx.session
        for post in list(s.scalars(select(Post))):
            by_count = post.seq - max_events_per_post
            by_age = s.scalar(select(func.max(FeedEntry.seq)).where(
                FeedEntry.post_id == post.id, FeedEntry.ts < cutoff)) or 0
            through = max(by_count, by_age)
            if through <= post.pruned_through:
                continue
            result = cast("CursorResult[tuple[()]]", s.execute(  # a DELETE answers a CursorResult
                delete(FeedEntry).where(FeedEntry.post_id == post.id, FeedEntry.seq <= through)))
            deleted += result.rowcount or 0
            s.execute(update(Post).where(Post.id == post.id).values(pruned_through=through))
        if deleted:
            s.execute(delete(Event).where(~exists().where(FeedEntry.event_id == Event.id)))
        s.execute(delete(IdempotencyKey).where(
            IdempotencyKey.created_at < utcnow() - timedelta(days=2)))
    if deleted:
        log.info("pruned %d feed entries", deleted)
    return deleted
