"""A throwaway PostgreSQL cluster for the tests: ``initdb`` in a temporary folder, its own
free port on 127.0.0.1, removed afterwards. It never touches the machine's own clusters,
users or passwords.

The server binaries come from ``COMMANDPOST_TEST_PG_BIN`` (a folder holding ``initdb`` and
``pg_ctl``), else the newest ``/usr/lib/postgresql/<version>/bin`` (the Debian package that
``scripts/setup.sh --test`` installs), else ``PATH``. ``initdb`` refuses to run as root, so
as root the cluster belongs to the ``postgres`` system user (commands run through
``runuser``); as anyone else it belongs to the current user.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BIN_ENV = "COMMANDPOST_TEST_PG_BIN"
DATABASE = "commandpost_test"


class ClusterError(RuntimeError):
    """The throwaway cluster could not be created or started (the message says why)."""


def find_bindir() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``."""
    given = os.environ.get(BIN_ENV)
    candidates: list[Path] = [Path(given)] if given else []
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = sorted((p for p in debian.iterdir() if p.name.isdigit()),
                          key=lambda p: int(p.name), reverse=True)
        candidates += [v / "bin" for v in versions]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ClusterError("no PostgreSQL server binaries (initdb, pg_ctl) found: install the "
                       "postgresql package (bash scripts/setup.sh --test) or set "
                       f"{BIN_ENV}; to run without PostgreSQL locally: pytest -m 'not postgres'")


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayCluster:
    """One private PostgreSQL server with a ``commandpost_test`` database.

    Args:
        durable: keep fsync and synchronous commits (benchmarks); tests go without.

    Attributes:
        port: its TCP port on 127.0.0.1.
        folder: its temporary folder (data directory, socket, log).
        url: SQLAlchemy URL of the test database (user ``postgres``, trust auth on loopback).
    """

    def __init__(self, durable: bool = False) -> None:
        self.durable = durable
        self.bindir = find_bindir()
        self.folder = Path(tempfile.mkdtemp(prefix="commandpost-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = 0
        self._owner: str | None = None
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise ClusterError("running as root and there is no 'postgres' user to own "
                                   "the throwaway cluster") from None
            os.chown(self.folder, pw.pw_uid, pw.pw_gid)
            self._owner = "postgres"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self._owner:
            cmd = ["runuser", "-u", self._owner, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              cwd=self.folder, check=False)

    def _check(self, what: str, result: subprocess.CompletedProcess[str]) -> None:
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ClusterError(f"{what} failed ({result.returncode}): "
                               f"{result.stderr.strip()[-2000:]}\n{log}")

    def create(self) -> ThrowawayCluster:
        """``initdb``, start on a free port, create the test database."""
        self._check("initdb", self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
            "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"))
        self.start()
        self._check("createdb", self._run(
            str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
            "-U", "postgres", DATABASE))
        return self

    def start(self) -> None:
        """Start the server (on a new free port the first time, the same port after)."""
        for attempt in range(5):
            port = self.port or free_port()
            options = (f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                       "-c max_connections=200 -c shared_buffers=32MB")
            if not self.durable:  # tests: no fsync (benchmarks keep it, as in production)
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            result = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o",
                               options, "-l", str(self.log), "-w", "-t", "60", "start")
            if result.returncode == 0:
                self.port = port
                return
            if self.port or attempt == 4:  # a fixed port, or out of attempts
                self._check("pg_ctl start", result)
            time.sleep(0.2)  # someone took the port meanwhile: pick another

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast`` or ``immediate``)."""
        self._check("pg_ctl stop", self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"))

    def restart(self) -> None:
        """Stop and start again on the same port (every connection is cut)."""
        self.stop()
        self.start()

    def destroy(self) -> None:
        """Stop the server if it runs and remove its folder."""
        if self.data.exists():
            with contextlib.suppress(Exception):
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m",
                          "immediate", "-w", "stop", timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> ThrowawayCluster:
        try:
            return self.create()
        except BaseException:
            self.destroy()
            raise

    def __exit__(self, *_exc: object) -> None:
        self.destroy()
