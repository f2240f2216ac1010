"""``hub apikey add|list|revoke``: the API keys of the Open311 intake channels."""

from __future__ import annotations

import argparse
import sys

from hub.config import HubConfig

APIKEY_COMMANDS: tuple[tuple[str, str], ...] = (
    ("add", "create a key for an intake channel of a post (prints the key last)"),
    ("list", "list the keys (never the keys themselves)"),
    ("revoke", "revoke a key by its id"),
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="main.py hub apikey",
        description="API keys of the Open311 intake channels (POST /open311/v2/requests). "
                    "Only a hash of each key is stored: a lost key is revoked and replaced.")
    sub = p.add_subparsers(dest="action", metavar="{add,list,revoke}", required=True)
    helps = dict(APIKEY_COMMANDS)
    db_help = "SQLAlchemy URL of the hub's database (default %(default)s)"
    add = sub.add_parser("add", help=helps["add"], description=helps["add"])
    add.add_argument("--db", default=HubConfig().db_url, help=db_help)
    add.add_argument("--post", required=True, metavar="POST_ID",
                     help="the post whose jurisdiction receives the requests, e.g. P532301")
    add.add_argument("--name", required=True,
                     help="the channel's name, e.g. 'WeChat mini program' (1-60 characters)")
    lst = sub.add_parser("list", help=helps["list"], description=helps["list"])
    lst.add_argument("--db", default=HubConfig().db_url, help=db_help)
    rev = sub.add_parser("revoke", help=helps["revoke"], description=helps["revoke"])
    rev.add_argument("--db", default=HubConfig().db_url, help=db_help)
    rev.add_argument("key_id", metavar="KEY_ID", help="the key's id, as 'list' shows it")
    return p


def apikey_main(argv: list[str]) -> int:
    """Run ``hub apikey …``; the exit status."""
    args = _parser().parse_args(argv)
    from hub.db import Database
    from hub.migrate import SchemaNotReady, ensure_schema, schema_lock
    from hub.open311.keys import ApiKeys

    db = Database(args.db)
    try:
        with schema_lock(db):  # as the hub does: SQLite migrates, PostgreSQL must be migrated
            ensure_schema(db, migrate=db.is_sqlite)
        keys = ApiKeys(db)
        if args.action == "add":
            info, key = keys.add(args.post, args.name)
            print(f"API key {info.id} for {info.name!r} at post {info.post_id} "
                  "(shown once; only its hash is stored):")
            print(key)
        elif args.action == "list":
            rows = keys.list()
            if not rows:
                print("no API keys")
            for info in rows:
                state = "active" if info.active else f"revoked {info.revoked_at:%Y-%m-%d %H:%M}Z"
                print(f"{info.id}\t{info.post_id}\t{info.created_at:%Y-%m-%d %H:%M}Z\t"
                      f"{state}\t{info.name}")
        else:
            info = keys.revoke(args.key_id)
            print(f"revoked {info.id} ({info.name!r}, post {info.post_id})")
    except (ValueError, SchemaNotReady) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    return 0
