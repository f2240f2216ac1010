"""Fill an empty database: categories, and the demo jurisdiction with its accounts."""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from hub.catalog import CATEGORIES
from hub.db import Database
from hub.migrate import ensure_schema, schema_lock
from hub.models import Category, Post, Region, Subcategory, Unit, User
from hub.security import hash_password
from hub.seed import Jurisdiction, SeedSizes, build_jurisdiction

log = logging.getLogger(__name__)


def is_empty(db: Database) -> bool:
    """Whether the database has no regions yet."""
    with db.read() as s:
        return not s.scalar(select(func.count()).select_from(Region))


def seed_categories(db: Database) -> None:
    """Write the 11 categories and their subcategories if none are there."""
    with db.write() as tx:
        if tx.session.scalar(select(func.count()).select_from(Category)):
            return
        for pos, cat in enumerate(CATEGORIES):
            tx.session.add(Category(name=cat.name, position=pos))
        tx.session.flush()
        for cat in CATEGORIES:
            for pos, sub in enumerate(cat.subcategories):
                tx.session.add(Subcategory(code=sub.code, name=sub.name, category=cat.name,
                                           sla_hours=sub.sla_hours, position=pos))


def seed_jurisdiction(db: Database, jurisdiction: Jurisdiction) -> None:
    """Write regions, posts, units and users (passwords hashed on every core)."""
    started = time.perf_counter()
    regions = {r.id: r for r in jurisdiction.regions}

    def path(region_id: str) -> str:
        chain = []
        current: str | None = region_id
        while current is not None:
            chain.append(current)
            current = regions[current].parent_id
        return "/" + "/".join(reversed(chain)) + "/"

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        hashes = list(pool.map(lambda u: hash_password(u.password), jurisdiction.users))
    with db.write() as tx:
        s = tx.session
        for r in sorted(jurisdiction.regions, key=lambda r: path(r.id).count("/")):
            s.add(Region(id=r.id, name=r.name, level=r.level, parent_id=r.parent_id,
                         path=path(r.id), lat=r.lat, lon=r.lon))
        s.flush()
        for p in jurisdiction.posts:
            s.add(Post(id=p.id, name=p.name, region_id=p.region_id, level=p.level, seq=0,
                       pruned_through=0))
        for u in jurisdiction.units:
            s.add(Unit(id=u.id, name=u.name, kind=u.kind, region_id=u.region_id,
                       on_duty=u.on_duty, phone=u.phone, categories=list(u.categories)))
        s.flush()
        for n, (user, pw_hash) in enumerate(zip(jurisdiction.users, hashes, strict=True)):
            s.add(User(id=f"u{n + 1}", username=user.username, name=user.name, role=user.role,
                       post_id=user.post_id, unit_id=user.unit_id, password_hash=pw_hash,
                       active=True))
    log.info("seeded %d regions, %d posts, %d units, %d users in %.1f s",
             len(jurisdiction.regions), len(jurisdiction.posts), len(jurisdiction.units),
             len(jurisdiction.users), time.perf_counter() - started)


def prepare(db: Database, seed_demo: bool, sizes: SeedSizes | None,
            migrate: bool = True) -> None:
    """Check or migrate the schema (``hub.migrate``); on an empty database write the
    categories and the demo data. Under the schema lock: processes starting together on
    one PostgreSQL do this one after the other."""
    with schema_lock(db):
        ensure_schema(db, migrate=migrate or db.is_sqlite)
        seed_categories(db)
        if seed_demo and is_empty(db):
            seed_jurisdiction(db, build_jurisdiction(sizes or SeedSizes()))
