"""Hub settings, with the defaults a county can run as is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hub.seed import SeedSizes


@dataclass(slots=True)
class HubConfig:
    """Everything the hub can be told at start.

    Attributes:
        db_url: SQLAlchemy URL; ``sqlite:///path`` (WAL) or ``postgresql+psycopg://…``.
        host, port: where to listen (port 0 picks a free one).
        token_ttl_s: how long a session token lives.
        heartbeat_s: the feed's heartbeat interval (the protocol caps it at 15 s).
        feed_queue_limit: frames a subscriber may fall behind before it is dropped.
        retention_days / retention_events: how long / how many events per post are kept;
            a client asking for older ones gets 410 ``gone``.
        prune_interval_s: how often old events are pruned.
        call_url_template: the video room URL; ``{room}`` is replaced by the call id.
        sla_scale: multiplies every SLA (demo only: 1/60 makes a 24 h SLA last 24 min).
        lockout_failures / lockout_window_s: login lockout rule.
        seed_demo: create the demo jurisdiction, users and categories in an empty database.
        seed_sizes: the demo jurisdiction's size (``hub.seed.SeedSizes``), None for default.
        lockout_addr_failures: failed logins from one address within the lockout window
            after which that address is refused (so it cannot lock every account).
        hash_workers / hash_queue: password hashes run at once / waiting; beyond → 429.
        sessions_per_user / feeds_per_user: caps; a login over the cap ends the oldest
            session, a feed over the cap is refused with 429.
        require_otp: roles that must log in with a second factor.
        request_timeout_s: a request's head and body must arrive within this time.
        replay_slots / feed_stall_s: feed replay pages held at once hub-wide / seconds a
            feed client may take no frame before it is dropped (1013).
        audit_retention_days / audit_archive_dir: audit entries older than this (at least
            180 days) move to an archive file in that folder (next to the database
            when empty).
        tls_cert / tls_key: PEM files; serve https and wss when both are given.
        data_key: SM4 key file for personal data at rest (``hub.data_at_rest``).
        migrate: bring the schema to the newest revision at start, under the advisory lock
            (PostgreSQL; SQLite always does). Without it a PostgreSQL database that is not
            at the newest revision stops the start with the command to run.
        feed_poll_s: PostgreSQL: the fan-out's safety poll (a lost NOTIFY is found then).
        trusted_proxies: addresses or networks of reverse proxies (nginx) whose
            ``X-Forwarded-For`` names the client (``hub.proxies``); empty: the socket's
            address is the client's.
        calendar_file: a TOML file of holidays and adjusted working days for years the
            ``chinese-calendar`` package does not know yet (:mod:`client.calendar_file`);
            empty: the package's calendar alone.
    """

    db_url: str = "sqlite:///var/hub.db"
    host: str = "127.0.0.1"
    port: int = 8765
    token_ttl_s: int = 12 * 3600
    heartbeat_s: float = 10.0
    feed_queue_limit: int = 4096
    retention_days: float = 7.0
    retention_events: int = 2_000_000
    prune_interval_s: float = 300.0
    call_url_template: str = "https://video.example.org/rooms/{room}"
    sla_scale: float = 1.0
    lockout_failures: int = 5
    lockout_window_s: int = 15 * 60
    max_body_bytes: int = 1024 * 1024
    # security (hub.login_guard, hub.session_policy, hub.audit_chain, hub.tls)
    lockout_addr_failures: int = 20
    hash_workers: int = 4
    hash_queue: int = 16
    sessions_per_user: int = 10
    feeds_per_user: int = 4
    require_otp: tuple[str, ...] = ()
    request_timeout_s: float = 5.0
    replay_slots: int = 16
    feed_stall_s: float = 15.0
    audit_retention_days: float = 180.0
    audit_archive_dir: str = ""
    tls_cert: str = ""
    tls_key: str = ""
    data_key: str = ""
    seed_demo: bool = True
    seed_sizes: SeedSizes | None = None
    log_level: str = "info"
    migrate: bool = False
    feed_poll_s: float = 1.0
    calendar_file: str = ""
    trusted_proxies: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)

    def sqlite_path(self) -> Path | None:
        """Return the SQLite file path of ``db_url``, or None for another database."""
        prefix = "sqlite:///"
        if self.db_url.startswith(prefix) and ":memory:" not in self.db_url:
            return Path(self.db_url[len(prefix):])
        return None
