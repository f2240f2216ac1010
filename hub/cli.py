"""``main.py hub serve|simulate|apikey`` — the hub's command line."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import TYPE_CHECKING

from hub.config import HubConfig

if TYPE_CHECKING:
    from hub.seed import SeedSizes

# name → (one-line summary, "module:function" run with the rest of the command line).
# A hub subcommand exists only through this table, so `hub --help` names every one.
_HUB_TABLE: dict[str, tuple[str, str]] = {
    "serve": ("run the reference hub (protocol v1, Open311 at /open311/v2, docs at /docs)",
              "hub.cli:serve_main"),
    "simulate": ("drive any hub with synthetic or NYC 311 cases through its API",
                 "hub.simulate:simulate_main"),
    "migrate": ("bring a hub database to the newest schema revision (Alembic)",
                "hub.cli:migrate_main"),
    "revision": ("developers: write the migration for a change to hub/models.py",
                 "hub.cli:revision_main"),
    "regions": ("import a jurisdiction's region polygons from a GeoJSON file",
                "hub.regions_import:regions_main"),
    "apikey": ("Open311 API keys of the intake channels: add, list, revoke",
               "hub.open311.cli:apikey_main"),
    "jurisdiction": ("fill an empty (--no-demo) database with regions, posts and units",
                     "hub.admin_cli:jurisdiction_main"),
    "user": ("accounts: add, list, disable, enable, reset-password, unlock, reset-otp",
             "hub.admin_cli:user_main"),
    "audit": ("the audit log: verify its SM3 chain, export, archive by retention",
              "hub.admin_cli:audit_main"),
    "backup": ("back up the hub database (SQLite online backup, pg_dump)",
               "hub.admin_cli:backup_main"),
    "restore": ("restore a backup into an empty database", "hub.admin_cli:restore_main"),
    "datakey": ("write a new SM4 data key file for reporter data at rest",
                "hub.admin_cli:datakey_main"),
}

HUB_COMMANDS: tuple[tuple[str, str], ...] = tuple((n, s) for n, (s, _) in _HUB_TABLE.items())
"""The hub's subcommands with one line each (``hub --help`` and ``main.py --help``)."""


def hub_usage() -> str:
    """``main.py hub --help``."""
    width = max(len(name) for name in _HUB_TABLE) + 2
    lines = [f"usage: main.py hub {{{','.join(_HUB_TABLE)}}} [options]", "", "commands:"]
    lines += [f"  {name.ljust(width)}{summary}" for name, summary in HUB_COMMANDS]
    lines += ["", "Add --help after a command for its options, e.g. 'main.py hub serve --help'."]
    return "\n".join(lines)


def _serve_parser() -> argparse.ArgumentParser:
    d = HubConfig()
    p = argparse.ArgumentParser(prog="main.py hub serve",
                                description="Run the reference hub (protocol v1).")
    p.add_argument("--db", default=d.db_url,
                   help="SQLAlchemy URL: sqlite:///path/hub.db (default %(default)s) or "
                        "postgresql+psycopg://user:pass@host/db")
    p.add_argument("--host", default=d.host, help="address to listen on (default %(default)s)")
    p.add_argument("--port", type=int, default=d.port, help="port (default %(default)s)")
    p.add_argument("--no-demo", action="store_true",
                   help="do not create the demo jurisdiction and accounts in an empty database")
    p.add_argument("--sizes", default=None, metavar="C,T,V,G",
                   help="demo jurisdiction: counties, towns per county, villages per town, "
                        "grids per village (default 10,2,2,2)")
    p.add_argument("--heartbeat", type=float, default=d.heartbeat_s,
                   help="feed heartbeat interval in seconds, at most 15 (default %(default)s)")
    p.add_argument("--token-ttl", type=int, default=d.token_ttl_s,
                   help="session lifetime in seconds (default %(default)s)")
    p.add_argument("--retention-days", type=float, default=d.retention_days,
                   help="days of events kept for catch-up (default %(default)s)")
    p.add_argument("--retention-events", type=int, default=d.retention_events,
                   help="events kept per post at most (default %(default)s)")
    p.add_argument("--prune-interval", type=float, default=d.prune_interval_s,
                   help="seconds between pruning runs (default %(default)s)")
    p.add_argument("--call-url-template", default=d.call_url_template,
                   help="https URL of a video room; {room} is the call id")
    p.add_argument("--sla-scale", type=float, default=d.sla_scale,
                   help="multiply every SLA (demo: 0.0167 turns hours into minutes)")
    p.add_argument("--feed-queue", type=int, default=d.feed_queue_limit,
                   help="frames a feed subscriber may lag before it is dropped")
    # security (docs/security.md)
    p.add_argument("--tls-cert", default="", help="PEM certificate: serve https and wss")
    p.add_argument("--tls-key", default="", help="PEM private key of --tls-cert")
    p.add_argument("--data-key", default="", metavar="FILE",
                   help="SM4 key file (outside the database) for personal data at rest; "
                        "make one with 'hub datakey FILE'")
    p.add_argument("--require-otp", default="", metavar="ROLES",
                   help="roles that must use a second factor, e.g. supervisor,auditor")
    p.add_argument("--audit-retention-days", type=float, default=d.audit_retention_days,
                   help="audit entries older than this move to an archive file "
                        "(at least 180, default %(default)s)")
    p.add_argument("--audit-archive", default="",
                   help="folder of the audit archive files (default: beside the database)")
    p.add_argument("--sessions-per-user", type=int, default=d.sessions_per_user,
                   help="live sessions per user; a new login ends the oldest beyond this")
    p.add_argument("--feeds-per-user", type=int, default=d.feeds_per_user,
                   help="open feeds per user; more are refused with 429")
    p.add_argument("--migrate", action="store_true",
                   help="PostgreSQL: migrate the schema at start under the advisory lock "
                        "(without it, a database not at the newest revision stops the start; "
                        "run `hub migrate` once instead). SQLite always migrates")
    p.add_argument("--feed-poll", type=float, default=d.feed_poll_s,
                   help="PostgreSQL: seconds between the feed's safety polls "
                        "(default %(default)s)")
    p.add_argument("--trusted-proxy", default="", metavar="ADDRS",
                   help="reverse proxies (addresses or networks, comma-separated, e.g. "
                        "127.0.0.1) whose X-Forwarded-For names the client: the login "
                        "lockout and the audit then see the client, not the proxy")
    p.add_argument("--calendar", default="", metavar="FILE",
                   help="TOML file of the statutory holidays and adjusted working days of "
                        "years chinese-calendar does not know yet (docs/deploy.md); give the "
                        "consoles the same file")
    p.add_argument("--log-level", default="info",
                   choices=["critical", "error", "warning", "info", "debug"])
    return p


def parse_sizes(text: str | None) -> SeedSizes | None:
    """``"10,2,2,2"`` → ``SeedSizes``."""
    if not text:
        return None
    from hub.seed import SeedSizes

    try:
        counties, towns, villages, grids = (int(x) for x in text.split(","))
    except ValueError:
        raise SystemExit(f"--sizes wants four integers like 10,2,2,2, not {text!r}") from None
    return SeedSizes(counties, towns, villages, grids)


def serve_main(argv: list[str]) -> int:
    """Run the hub in the foreground."""
    args = _serve_parser().parse_args(argv)
    if not args.call_url_template.startswith("https://"):
        print("error: --call-url-template must be an https URL", file=sys.stderr)
        return 2
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = HubConfig(db_url=args.db, host=args.host, port=args.port,
                       seed_demo=not args.no_demo, seed_sizes=parse_sizes(args.sizes),
                       heartbeat_s=args.heartbeat, token_ttl_s=args.token_ttl,
                       retention_days=args.retention_days,
                       retention_events=args.retention_events,
                       prune_interval_s=args.prune_interval,
                       call_url_template=args.call_url_template, sla_scale=args.sla_scale,
                       feed_queue_limit=args.feed_queue, log_level=args.log_level,
                       migrate=args.migrate, feed_poll_s=args.feed_poll,
                       tls_cert=args.tls_cert, tls_key=args.tls_key, data_key=args.data_key,
                       require_otp=tuple(r for r in args.require_otp.split(",") if r),
                       audit_retention_days=args.audit_retention_days,
                       audit_archive_dir=args.audit_archive,
                       sessions_per_user=args.sessions_per_user,
                       feeds_per_user=args.feeds_per_user, calendar_file=args.calendar,
                       trusted_proxies=tuple(a for a in args.trusted_proxy.split(",") if a))
    if bool(args.tls_cert) != bool(args.tls_key):
        print("error: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    from hub.migrate import SchemaNotReady
    from hub.server import serve

    try:
        serve(config)
    except (ValueError, SchemaNotReady) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def migrate_main(argv: list[str]) -> int:
    """``hub migrate``: bring the database to the newest schema revision (once per upgrade;
    safe to run from several machines at once: the advisory lock serialises them)."""
    p = argparse.ArgumentParser(prog="main.py hub migrate",
                                description="Bring the hub database to the newest schema "
                                            "revision, keeping its data.")
    p.add_argument("--db", default=HubConfig().db_url, help="SQLAlchemy URL (as for serve)")
    args = p.parse_args(argv)
    logging.basicConfig(level="INFO", format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    from hub.db import Database
    from hub.migrate import head_revision, schema_lock, upgrade

    db = Database(args.db)
    try:
        with schema_lock(db):
            before, after = upgrade(db)
    finally:
        db.dispose()
    where = args.db.split("@")[-1]
    if before == after:
        print(f"{where}: already at revision {after} (newest {head_revision()})")
    else:
        print(f"{where}: migrated from {before or 'an empty database'} to {after}")
    return 0


def revision_main(argv: list[str]) -> int:
    """``hub revision -m MESSAGE``: write a new migration from the models (developers)."""
    p = argparse.ArgumentParser(prog="main.py hub revision",
                                description="Write a migration script comparing hub/models.py "
                                            "with the newest revision (read it before "
                                            "committing).")
    p.add_argument("-m", "--message", required=True, help="what the revision changes")
    args = p.parse_args(argv)
    from hub.migrate import new_revision

    print(new_revision(args.message))
    return 0


def hub_main(argv: list[str]) -> int:
    """Dispatch ``hub <command>`` through the table of hub commands."""
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(hub_usage(), file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command not in _HUB_TABLE:
        print(f"error: unknown hub command {command!r}\n\n{hub_usage()}", file=sys.stderr)
        return 2
    module, function = _HUB_TABLE[command][1].split(":")
    return int(getattr(importlib.import_module(module), function)(rest))
