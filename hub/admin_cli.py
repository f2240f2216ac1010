"""``main.py hub user|audit|backup|restore …`` — what an ops team runs beside the hub.

Exit codes: 0 done; 1 a check failed (``audit verify`` found a broken chain); 2 bad
arguments or a refused change (the message says why).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from hub import accounts, audit_chain, audit_export, backup, otp
from hub.bootstrap import prepare
from hub.db import Database
from hub.errors import HubError

USER_COMMANDS = ("add", "list", "disable", "enable", "reset-password", "unlock", "reset-otp")


def _open(url: str) -> Database:
    db = Database(url)
    prepare(db, seed_demo=False, sizes=None)
    return db


def _password_arg(args: argparse.Namespace) -> str | None:
    if getattr(args, "password_file", None):
        return Path(args.password_file).read_text(encoding="utf-8").strip()
    return None


def user_main(argv: list[str]) -> int:
    """``hub user add|list|disable|enable|reset-password|unlock|reset-otp``."""
    p = argparse.ArgumentParser(prog="main.py hub user",
                                description="Manage the hub's accounts (audited as 'admin').")
    sub = p.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="create an account")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the person's or screen's display name")
    add.add_argument("--role", required=True, choices=accounts.ROLES)
    add.add_argument("--post", required=True, help="command post id, e.g. P532301")
    add.add_argument("--unit", default=None, help="the unit of a unit account")
    add.add_argument("--password-file", default=None,
                     help="initial password (else a temporary one, to change at first login)")
    sub.add_parser("list", help="every account and its state")
    for name, text in (("disable", "disable an account and end its sessions"),
                       ("enable", "enable an account again"),
                       ("unlock", "lift a login lockout"),
                       ("reset-otp", "turn a lost second factor off (the user enrols again)")):
        sub.add_parser(name, help=text).add_argument("username")
    reset = sub.add_parser("reset-password",
                           help="set a temporary password; the user must change it at login")
    reset.add_argument("username")
    reset.add_argument("--password-file", default=None)
    for parser in sub.choices.values():
        parser.add_argument("--db", required=True, help="the hub's database URL")
    args = p.parse_args(argv)
    db = _open(args.db)
    try:
        if args.command == "add":
            given = _password_arg(args)
            chosen = accounts.add_user(db, accounts.NewUser(
                args.username, args.name, args.role, args.post, args.unit), given)
            print(f"added {args.username} ({args.role}, {args.post})")
            if given is None:
                print(f"temporary password (to change at first login): {chosen}")
        elif args.command == "list":
            for u in accounts.list_users(db):
                state = "active" if u["active"] else "disabled"
                flags = [f for f, on in (("must-change", u["must_change_password"]),
                                         ("otp", u["otp"]),
                                         ("failed-logins", u["recent_failures"])) if on]
                print(f"{u['username']:<32} {u['role']:<10} {u['post_id']:<16} {state:<8} "
                      f"{' '.join(flags)}")
        elif args.command in ("disable", "enable"):
            accounts.set_active(db, args.username, args.command == "enable")
            print(f"{args.username} {args.command}d")
        elif args.command == "reset-password":
            chosen = accounts.reset_password(db, args.username, _password_arg(args))
            print(f"{args.username}: sessions ended; temporary password: {chosen}")
        elif args.command == "unlock":
            n = accounts.unlock(db, args.username)
            print(f"{args.username} unlocked ({n} failed logins forgotten)")
        elif args.command == "reset-otp":
            otp.reset(db, args.username)
            print(f"{args.username}: second factor off; enrol again at the next login")
    except HubError as err:
        print(f"error: {err.message}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    return 0


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def audit_main(argv: list[str]) -> int:
    """``hub audit verify|export|archive``."""
    p = argparse.ArgumentParser(prog="main.py hub audit", description="The audit log.")
    sub = p.add_subparsers(dest="command", required=True)
    ver = sub.add_parser("verify", help="check the SM3 hash chain (exit 1 if broken)")
    ver.add_argument("--archive", default=None, help="check an archive file instead")
    exp = sub.add_parser("export", help="entries in [from, to) as CSV with a signature line")
    exp.add_argument("--from", dest="start", required=True, type=_time,
                     help="RFC 3339 or YYYY-MM-DD")
    exp.add_argument("--to", dest="end", required=True, type=_time)
    exp.add_argument("--out", required=True)
    exp.add_argument("--key-file", default=None,
                     help="HMAC-SM3 key for the signature (else a plain SM3 digest)")
    arc = sub.add_parser("archive", help="move entries past the retention to a file now")
    arc.add_argument("--days", type=float, default=audit_chain.MIN_RETENTION_DAYS)
    arc.add_argument("--dir", required=True, help="folder of the archive files")
    for parser in sub.choices.values():
        parser.add_argument("--db", required=False, help="the hub's database URL")
    args = p.parse_args(argv)
    if args.command == "verify" and args.archive:
        verdict = audit_chain.verify_archive(Path(args.archive))
        print(("ok: " if verdict.ok else "BROKEN: ") + verdict.reason)
        return 0 if verdict.ok else 1
    if not args.db:
        p.error("--db is required")
    db = _open(args.db)
    try:
        if args.command == "verify":
            verdict = audit_chain.verify(db)
            print(("ok: " if verdict.ok else "BROKEN: ") + verdict.reason)
            return 0 if verdict.ok else 1
        if args.command == "export":
            key = Path(args.key_file).read_bytes() if args.key_file else None
            n = audit_export.export_csv(db, args.start, args.end, Path(args.out), key)
            print(f"{n} entries written to {args.out}")
            return 0
        try:
            path = audit_chain.archive(db, args.days, Path(args.dir))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"archived to {path}" if path else "nothing older than the retention")
        return 0
    finally:
        db.dispose()


def backup_main(argv: list[str]) -> int:
    """``hub backup --db URL --out FILE``."""
    p = argparse.ArgumentParser(prog="main.py hub backup",
                                description="A consistent copy of a live hub database "
                                            "(SQLite online backup; pg_dump for PostgreSQL).")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    try:
        backup.backup(args.db, Path(args.out))
    except backup.BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"backed up to {args.out}")
    return 0


def restore_main(argv: list[str]) -> int:
    """``hub restore --db URL --from FILE``."""
    p = argparse.ArgumentParser(prog="main.py hub restore",
                                description="Restore a backup into an empty database "
                                            "(stop the hub first).")
    p.add_argument("--db", required=True)
    p.add_argument("--from", dest="source", required=True)
    args = p.parse_args(argv)
    try:
        backup.restore(args.db, Path(args.source))
    except backup.BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"restored {args.source} into the database")
    return 0


def jurisdiction_main(argv: list[str]) -> int:
    """``hub jurisdiction --db URL [--sizes C,T,V,G]``: regions, posts and units, no accounts."""
    from dataclasses import replace

    from hub.bootstrap import is_empty, seed_jurisdiction
    from hub.cli import parse_sizes
    from hub.seed import SeedSizes, build_jurisdiction

    p = argparse.ArgumentParser(
        prog="main.py hub jurisdiction",
        description="Write the Chuxiong jurisdiction (regions, posts, units) into an empty "
                    "database without any account: a --no-demo hub then has only the "
                    "accounts added with 'hub user add'.")
    p.add_argument("--db", required=True)
    p.add_argument("--sizes", default=None, metavar="C,T,V,G")
    args = p.parse_args(argv)
    db = _open(args.db)
    try:
        if not is_empty(db):
            print("error: the database already has a jurisdiction", file=sys.stderr)
            return 2
        sizes = parse_sizes(args.sizes) or SeedSizes()
        seed_jurisdiction(db, replace(build_jurisdiction(sizes), users=()))
    finally:
        db.dispose()
    print("jurisdiction written (no accounts)")
    return 0


def datakey_main(argv: list[str]) -> int:
    """``hub datakey FILE``: a new SM4 key for ``hub serve --data-key`` (mode 0600)."""
    from hub.data_at_rest import new_key_file

    p = argparse.ArgumentParser(prog="main.py hub datakey",
                                description="Write a new SM4 data key (keep it outside the "
                                            "database and its backups).")
    p.add_argument("file")
    args = p.parse_args(argv)
    try:
        new_key_file(args.file)
    except FileExistsError:
        print(f"error: {args.file} exists; a key is never overwritten", file=sys.stderr)
        return 2
    print(f"new data key in {args.file}")
    return 0


COMMANDS = {"jurisdiction": jurisdiction_main, "datakey": datakey_main, "user": user_main, "audit": audit_main, "backup": backup_main,
            "restore": restore_main}
