"""``python main.py [options]``: the console's command line and start-up sequence.

Start-up: QApplication → translators → theme and font → (demo: embedded hub and simulator
in the background) → login (dialog, or ``--user``/``--password-file`` without one) →
:class:`console.shell.Console`. Nothing on the way blocks the GUI thread.

Exit codes: 0 clean exit (also after ``--quit-after``); 1 the demo hub did not start;
2 usage (bad option, unreadable password file, bad hub URL); 3 hub unreachable (scripted
login); 4 bad credentials or a locked account (scripted login); 5 another hub error.

Seams for later issues: ``--wall`` (video-wall mode) can set ``Options.read_only`` and its
own theme/layout; ``review`` (offline review) can be added to :data:`SUBCOMMANDS`, which
:func:`console_main` dispatches on before parsing the console's options.
"""

from __future__ import annotations

import argparse
import logging
import re
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from client import transport
from client.api import HubClient, normalize_base_url
from client.calendar_file import CalendarFileError, read_calendar_file
from client.errors import HubError, HubUnreachable, RateLimitedError, UnauthenticatedError
from client.protocol import NOTHING
from client.timeutil import DEFAULT_ZONE
from client.working_time import DEFAULT_CALENDAR, WorkingCalendar
from console import i18n, themes
from console import wall as wall_mode
from console.audit_viewer import AuditViewer
from console.demo_mode import DemoMode, DemoServices
from console.jobs import Jobs
from console.layouts import LayoutStore
from console.login import LoginDialog, StartupSplash, login_error_text
from console.scaling import base_point_size
from console.screenshot import grab_all
from console.security_dialogs import RequiredSteps
from console.shell import Console
from console.wall.config import WallConfig
from widgets.qt import QApplication, QFont, QIcon, QObject, QtCore, QTimer, QtWidgets

log = logging.getLogger(__name__)

EXIT_OK, EXIT_DEMO, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_AUTH, EXIT_HUB = 0, 1, 2, 3, 4, 5
APP_NAME = "commandpost"
CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                "WenQuanYi Micro Hei"]

#: subcommands handled before the console's own options: name -> main(argv) -> exit code
SUBCOMMANDS: dict[str, Callable[[list[str]], int]] = {}


class UsageError(Exception):
    """A bad command line (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The console's options."""
    p = _Parser(prog="main.py", description="Command Post (指挥中心) console.")
    p.add_argument("--hub", help="hub URL (default: start the embedded demo hub)")
    p.add_argument("--demo", action="store_true",
                   help="demo mode: offer the demo accounts (implied without --hub)")
    p.add_argument("--user", help="log in as this user without the dialog (with --password-file)")
    p.add_argument("--password-file", type=Path, help="file holding the password")
    p.add_argument("--lang", default=i18n.DEFAULT_LANGUAGE, help="zh_CN (default) or en")
    p.add_argument("--theme", choices=sorted(themes.THEMES), default="day")
    p.add_argument("--lock-after", type=float, default=15.0, metavar="MIN",
                   help="lock after this many minutes without input (0: never)")
    p.add_argument("--quit-after", type=float, metavar="SECONDS",
                   help="quit this many seconds after the console window opened")
    p.add_argument("--screenshot", type=Path, metavar="PATH",
                   help="at exit, save every top-level window as PNG (PATH, PATH-2.png…)")
    p.add_argument("--cache", type=Path, metavar="DIR", help="shift cache folder")
    p.add_argument("--data-dir", type=Path, metavar="DIR",
                   help="folder for the demo database, layouts and caches "
                        "(default: the user's data folder)")
    p.add_argument("--geometry", metavar="WxH", help="window size, e.g. 1920x1080")
    p.add_argument("--layout", choices=("auto", "hd", "uhd", "small", "dual"), default="auto",
                   help="built-in layout: 1920×1080 (hd), 3840×2160 (uhd), 1366×768 (small), "
                        "two screens (dual) or by screen size")
    p.add_argument("--zone", default=DEFAULT_ZONE, help="the post's time zone")
    p.add_argument("--ca-bundle", metavar="FILE",
                   help="PEM file of the CA that signed the hub's certificate")
    p.add_argument("--insecure-http", action="store_true",
                   help="allow plain http to a hub that is not on this machine (shown on "
                        "screen)")
    p.add_argument("--calendar", type=Path, metavar="FILE",
                   help="TOML file of the holidays and adjusted working days of years "
                        "chinese-calendar does not know yet: the hub's file (docs/deploy.md)")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--wall", action="store_true",
                   help="video-wall mode: full-screen read-only pages on each chosen screen")
    p.add_argument("--screens", default="1", metavar="N|all",
                   help="wall screens: how many (left to right) or all (default 1)")
    p.add_argument("--wall-config", type=Path, metavar="FILE",
                   help="wall playlists and takeovers (JSON or INI; see docs/wall.md)")
    p.add_argument("--tiles", metavar="URL",
                   help="base map: XYZ tile URL template with {z} {x} {y} (and {s}, {key}); "
                        "remembered; 'none' forgets it (see docs/map.md)")
    p.add_argument("--tiles-datum", choices=("wgs84", "gcj02"),
                   help="the tile server's datum: wgs84 (also 天地图/CGCS2000) or gcj02 "
                        "(AMap-style servers; the console shifts their tiles to WGS 84)")
    return p


class Options(argparse.Namespace):
    """Parsed options plus what is derived from them."""

    hub: str | None
    demo: bool
    user: str | None
    password_file: Path | None
    password: str | None = None
    lang: str
    theme: str
    lock_after: float
    quit_after: float | None
    screenshot: Path | None
    cache: Path | None
    data_dir: Path | None
    geometry: str | None
    size: tuple[int, int] | None = None
    layout: str
    zone: str
    verbose: bool
    ca_bundle: str | None
    insecure_http: bool
    read_only: bool = False
    wall: bool
    screens: int | None
    wall_config: Path | None
    wall_settings: WallConfig | None = None
    tiles: str | None = None
    tiles_datum: str | None = None
    calendar: Path | None = None
    working_calendar: WorkingCalendar = DEFAULT_CALENDAR


def parse_options(argv: Sequence[str]) -> Options:
    """Parse and check the command line.

    Raises:
        UsageError: with the message to print.
    """
    opts = build_parser().parse_args(list(argv), namespace=Options())
    transport.configure(opts.ca_bundle, opts.insecure_http)
    if opts.hub is None:
        opts.demo = True
    else:
        try:
            opts.hub = normalize_base_url(opts.hub)
            transport.check_url(opts.hub)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if (opts.user is None) != (opts.password_file is None):
        raise UsageError("--user and --password-file go together")
    if opts.password_file is not None:
        try:
            opts.password = opts.password_file.read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read password file {opts.password_file}: {exc}") from None
    try:
        opts.lang = i18n.normalize(opts.lang)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if opts.geometry:
        m = re.fullmatch(r"(\d{3,5})[xX×](\d{3,5})", opts.geometry.strip())
        if not m:
            raise UsageError(f"bad --geometry {opts.geometry!r}: expected WxH, e.g. 1920x1080")
        opts.size = (int(m.group(1)), int(m.group(2)))
    if opts.quit_after is not None and opts.quit_after < 0:
        raise UsageError("--quit-after must not be negative")
    try:
        opts.screens = wall_mode.parse_screens(opts.screens)
        opts.wall_settings = wall_mode.load_config(opts.wall_config)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if opts.calendar is not None:
        try:
            opts.working_calendar = read_calendar_file(opts.calendar)
        except CalendarFileError as exc:
            raise UsageError(str(exc)) from None
    if opts.wall:
        opts.read_only = True
    return opts


def data_dir(opts: Options) -> Path:
    """Where the demo database, layouts and default caches live."""
    if opts.data_dir is not None:
        return opts.data_dir
    base = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base or Path.home() / ".local" / "share") / APP_NAME


def cache_dir_for(opts: Options, hub_url: str, username: str) -> Path:
    """The shift cache folder: ``--cache`` or one per hub and user in the data folder."""
    if opts.cache is not None:
        return opts.cache
    where = re.sub(r"[^A-Za-z0-9_.-]+", "_", hub_url.split("//", 1)[-1].split("/", 1)[0])
    who = re.sub(r"[^A-Za-z0-9_.-]+", "_", username)
    return data_dir(opts) / "cache" / where / who


def setup_app(app: QApplication, opts: Options) -> list:
    """Translators, style, font and theme; return the translators (keep them alive)."""
    translators = i18n.install(app, opts.lang)
    apply_look(app, opts.theme, font_size(opts))
    return translators


def apply_look(app: QApplication, theme: str, pt: float) -> None:
    """Fusion style, the CJK font families first at ``pt`` points, and ``theme`` (the
    console, the wall and the offline review look alike: without the CJK families first,
    the line height comes from a Latin font and Chinese dock titles are clipped)."""
    style = QtWidgets.QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    font = QFont(app.font())
    font.setFamilies(CJK_FAMILIES + [app.font().family()])
    font.setPointSizeF(pt)
    app.setFont(font)
    themes.apply(app, theme, pt)


def font_size(opts: Options) -> float:
    """Base point size for the screen (or the ``--geometry`` height)."""
    screen = QApplication.primaryScreen()
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    if opts.size is not None:
        height = opts.size[1]
    elif screen is not None:
        height = screen.geometry().height()
    else:
        height = 1080
    return base_point_size(height, dpi)


class Launcher(QObject):
    """Runs the start-up sequence and owns what it starts.

    Args:
        demo_mode: demo mode from the composition root (``commandpost.demo``); needed
            without ``--hub`` and to prefill the demo password.

    Attributes:
        console: the running Console once logged in.
        demo: the demo services (demo mode without ``--hub``).
        exit_code: what the process should return.
        finished: True once the launcher has shut everything down.
    """

    def __init__(self, app: QApplication, opts: Options, *, quit_app: bool = True,
                 demo_mode: DemoMode | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.opts = opts
        self.quit_app = quit_app
        if opts.hub is None and demo_mode is None:
            raise ValueError("no --hub and no demo mode: pass demo_mode (commandpost.demo)")
        self.demo_mode = demo_mode
        self.jobs = Jobs(parent=self)
        self.console: Console | None = None
        self.demo: DemoServices | None = None
        self.dialog: LoginDialog | None = None
        self.splash: StartupSplash | None = None
        self.required: RequiredSteps | None = None  # forced password change / OTP enrolment
        self.audit_viewer: AuditViewer | None = None  # an auditor's window
        self.hub_url: str | None = opts.hub
        self.exit_code = EXIT_OK
        self.finished = False
        self.store = LayoutStore(layout_file(opts))

    # ---- Sequence

    def start(self) -> None:
        """Begin: start the demo hub if needed, then log in."""
        scripted = self.opts.user is not None
        if scripted:
            self.splash = StartupSplash()
            self.splash.show()
        else:
            password = self.demo_mode.password if self.demo_mode is not None else ""
            self.dialog = LoginDialog(self.jobs, self.hub_url, demo=self.opts.demo,
                                      demo_password=password)
            self.dialog.sig_logged_in.connect(self._on_dialog_login)
            self.dialog.rejected.connect(lambda: self.finish(EXIT_OK))
            self.dialog.sig_retry.connect(self._start_demo)
            self.dialog.show()
        if self.hub_url is None:
            self._start_demo()
        else:
            self._on_hub_ready(self.hub_url)

    def _start_demo(self) -> None:
        """Start the embedded hub and simulator (again, after a failure)."""
        if self.demo is not None:
            self.demo.stop(timeout=1.0)
        assert self.demo_mode is not None  # checked in __init__
        self.demo = self.demo_mode.services(data_dir(self.opts), self)
        self.demo.sig_progress.connect(self._on_demo_progress)
        self.demo.sig_ready.connect(self._on_hub_ready)
        self.demo.sig_failed.connect(self._on_demo_failed)
        self.demo.start()

    def _on_demo_progress(self, stage: str) -> None:
        for w in (self.dialog, self.splash):
            if w is not None:
                w.set_stage(stage)

    def _on_demo_failed(self, message: str) -> None:
        text = self.tr("The demo hub did not start: {error}").format(error=message)
        if self.dialog is not None:
            self.dialog.show_start_failure(text)
        else:
            self._fail(text, EXIT_DEMO)

    def _on_hub_ready(self, url: str) -> None:
        self.hub_url = normalize_base_url(url)
        if self.dialog is not None:
            self.dialog.set_hub(self.hub_url)
            return
        assert self.opts.user is not None and self.opts.password is not None
        if self.splash is not None:
            self.splash.set_text(self.tr("Logging in…"))
        api = HubClient(self.hub_url)
        user, password = self.opts.user, self.opts.password
        def logged_in(_answer: object) -> None:
            self.open_after_required_steps(api, user)

        self.jobs.submit(lambda: api.login(user, password), logged_in,
                         self._on_scripted_login_failed)

    def _on_scripted_login_failed(self, exc: Exception) -> None:
        if isinstance(exc, HubUnreachable):
            code = EXIT_UNREACHABLE
            text = f"hub unreachable at {self.hub_url}: {exc}"
        elif isinstance(exc, RateLimitedError):
            code, text = EXIT_AUTH, f"login refused for user {self.opts.user!r}: {exc}"
        elif isinstance(exc, UnauthenticatedError):
            code, text = EXIT_AUTH, f"bad credentials for user {self.opts.user!r}"
        elif isinstance(exc, HubError):
            code, text = EXIT_HUB, f"login failed: {exc}"
        else:
            code, text = EXIT_HUB, login_error_text(exc)
        self._fail(text, code)

    def _on_dialog_login(self, api: HubClient) -> None:
        assert self.dialog is not None
        username = self.dialog.username
        self.dialog.hide()
        self.open_after_required_steps(api, username)

    def open_after_required_steps(self, api: HubClient, username: str) -> None:
        """Open the console once the hub's demands are met (a forced password change, a
        required second factor: ``console.security_dialogs``)."""
        if self.splash is not None:
            self.splash.hide()
        self.required = RequiredSteps(api, self.jobs, lambda: self.open_console(api, username),
                                      lambda: self.finish(EXIT_OK), parent=self)
        self.required.start()

    def open_console(self, api: HubClient, username: str) -> Console | wall_mode.WallConsole:
        """Build and show the console (or the video wall) for a logged-in ``api``."""
        if self.opts.wall or str((api.user or NOTHING).get("role")) == "wall":
            return self.open_wall(api, username)
        if str((api.user or NOTHING).get("role")) == "auditor":
            return self.open_audit(api)  # type: ignore[return-value]
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        assert self.hub_url is not None
        opts = self.opts
        console = Console(
            api, username,
            cache_dir=cache_dir_for(opts, self.hub_url, username),
            store=self.store,
            zone_name=opts.zone,
            calendar=opts.working_calendar,
            theme=opts.theme,
            kind=None if opts.layout == "auto" else opts.layout,
            size=opts.size,
            lock_after_s=max(0.0, opts.lock_after * 60.0),
            read_only=opts.read_only,
            parent=self,
        )
        self.console = console
        console.window.sig_theme.connect(self.set_theme)
        console.sig_closed.connect(lambda: self.finish(self.exit_code))
        console.start()
        if opts.quit_after is not None:
            QTimer.singleShot(int(opts.quit_after * 1000), self.quit_after)
        return console

    def open_audit(self, api: HubClient) -> AuditViewer:
        """An auditor's window: the whole hub's audit log, nothing else."""
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        viewer = AuditViewer(api, self.jobs, self.opts.zone)
        self.audit_viewer = viewer
        viewer.sig_closed.connect(lambda: self.finish(self.exit_code))
        viewer.show()
        viewer.load()
        if self.opts.quit_after is not None:
            QTimer.singleShot(int(self.opts.quit_after * 1000), self.quit_after)
        return viewer

    def open_wall(self, api: HubClient, username: str) -> wall_mode.WallConsole:
        """Build and show the video wall for a logged-in ``api``."""
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        assert self.hub_url is not None
        opts = self.opts
        wall = wall_mode.WallConsole(
            api, username, cache_dir=cache_dir_for(opts, self.hub_url, username),
            zone_name=opts.zone, calendar=opts.working_calendar, screens=opts.screens,
            config=opts.wall_settings,
            password=opts.password, size=opts.size, parent=self)
        self.console = wall  # type: ignore[assignment]
        wall.sig_closed.connect(lambda: self.finish(self.exit_code))
        wall.start()
        if opts.quit_after is not None:
            QTimer.singleShot(int(opts.quit_after * 1000), self.quit_after)
        return wall

    # ---- Running

    def set_theme(self, name: str) -> None:
        """Switch the theme of the whole application."""
        self.opts.theme = name
        themes.apply(self.app, name, self.app.font().pointSizeF())

    def quit_after(self) -> None:
        """``--quit-after``: screenshot if asked, then a clean exit with code 0."""
        if self.opts.screenshot is not None:
            first = self.console.window if self.console is not None else None
            files = grab_all(self.opts.screenshot, first)
            log.info("screenshots: %s", ", ".join(map(str, files)))
        self.exit_code = EXIT_OK
        self.finish(EXIT_OK)

    def finish(self, code: int) -> None:
        """Shut everything down and end the event loop with ``code`` (idempotent)."""
        if self.finished:
            return
        self.finished = True
        self.exit_code = code
        console, self.console = self.console, None
        if console is not None:
            if console.window.isVisible():
                console.window.close()
            console.stop()
            console.window.deleteLater()
        for w in (self.dialog, self.splash):
            if w is not None:
                w.close()
                w.deleteLater()
        self.dialog = self.splash = None
        viewer, self.audit_viewer = self.audit_viewer, None
        if viewer is not None:
            viewer.close()
            viewer.deleteLater()
        if self.required is not None and self.required.dialog is not None:
            self.required.dialog.close()
            self.required.dialog.deleteLater()
        self.jobs.shutdown()
        if self.demo is not None:
            self.demo.stop()
        if self.quit_app:
            self.app.exit(code)

    def _fail(self, text: str, code: int) -> None:
        print(f"console: error: {text}", file=sys.stderr, flush=True)
        self.finish(code)


def layout_file(opts: Options) -> Path:
    """The INI file of saved layouts."""
    if opts.data_dir is not None:
        return opts.data_dir / "layouts.ini"
    base = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base or Path.home() / ".config") / APP_NAME / "layouts.ini"


def remember_base_map(opts: Options) -> None:
    """``--tiles`` / ``--tiles-datum`` → the map's settings (``map/tile_url``, …)."""
    settings = QtCore.QSettings()
    if opts.tiles is not None:
        if opts.tiles.strip().lower() in ("", "none"):
            settings.remove("map/tile_url")
        else:
            settings.setValue("map/tile_url", opts.tiles.strip())
    if opts.tiles_datum is not None:
        settings.setValue("map/tile_datum", opts.tiles_datum)


def console_main(argv: Sequence[str], *, demo: DemoMode | None = None) -> int:
    """Run the console; return the process exit code.

    Args:
        argv: the console's options.
        demo: demo mode (the embedded hub and simulator) from the composition root.
    """
    argv = list(argv)
    if argv and argv[0] in SUBCOMMANDS:
        return SUBCOMMANDS[argv[0]](argv[1:])
    try:
        opts = parse_options(argv)
    except UsageError as exc:
        print(f"console: error: {exc}", file=sys.stderr, flush=True)
        return EXIT_USAGE
    logging.basicConfig(level=logging.INFO if opts.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("command-post")  # resources/command-post.desktop
    app.setWindowIcon(QIcon(str(themes.RESOURCES / "icons" / "command-post.png")))
    remember_base_map(opts)
    translators = setup_app(app, opts)
    launcher = Launcher(app, opts, demo_mode=demo)
    # Let Ctrl+C in the terminal end the console cleanly.
    signal.signal(signal.SIGINT, lambda *_: launcher.finish(EXIT_OK))
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(250)
    QTimer.singleShot(0, launcher.start)
    code = app.exec()
    wake.stop()
    i18n.remove(app, translators)
    return launcher.exit_code if launcher.finished else code
