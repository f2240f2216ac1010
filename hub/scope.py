"""The jurisdiction tree in memory: who sees which region.

A post sees its own region's subtree. Regions and posts are loaded once at start (they
change only with a new seed), so every scope question is a dictionary look-up.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.models import Post, Region


@dataclass(frozen=True, slots=True)
class PostScope:
    """A post with the path of its region (``/532300/532301/``)."""

    id: str
    name: str
    region_id: str
    level: str
    path: str


class RegionTree:
    """Regions, their paths, and the posts whose jurisdiction holds each region."""

    def __init__(self, regions: list[Region], posts: list[Post]) -> None:
        self.path_of: dict[str, str] = {r.id: r.path for r in regions}
        self.regions = {r.id: r for r in regions}
        self.posts: dict[str, PostScope] = {
            p.id: PostScope(p.id, p.name, p.region_id, p.level, self.path_of[p.region_id])
            for p in posts
        }
        post_by_region = {p.region_id: p.id for p in posts}
        self._posts_of_region: dict[str, tuple[str, ...]] = {}
        for region_id, path in self.path_of.items():
            chain = [rid for rid in path.strip("/").split("/") if rid in post_by_region]
            self._posts_of_region[region_id] = tuple(post_by_region[rid] for rid in chain)

    @classmethod
    def load(cls, session: Session) -> RegionTree:
        """Read every region and post."""
        regions = list(session.scalars(select(Region)))
        posts = list(session.scalars(select(Post)))
        return cls(regions, posts)

    def posts_seeing(self, *region_ids: str | None) -> list[str]:
        """Return, sorted, every post whose jurisdiction holds any of ``region_ids``."""
        found: set[str] = set()
        for region_id in region_ids:
            if region_id is not None:
                found.update(self._posts_of_region.get(region_id, ()))
        return sorted(found)

    def in_scope(self, region_id: str | None, post_id: str) -> bool:
        """Whether ``region_id`` lies in ``post_id``'s subtree."""
        if region_id is None:
            return False
        path = self.path_of.get(region_id)
        return path is not None and path.startswith(self.posts[post_id].path)

    def exists(self, region_id: str) -> bool:
        """Whether the region is known."""
        return region_id in self.path_of
