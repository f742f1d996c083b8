"""`archivist-gui`: the desktop window over the archive core.

    archivist-gui [--archive DIR] [--lang zh|en] [--demo-sign-in] [--smoke] [--screenshot FILE]

Opens the archive given, else $ARCHIVIST_ARCHIVE, else the one chosen in the
preferences, else the per-user default. Where that folder holds no archive, a welcome
dialog offers to create one, open another or open the demo archive. Before the window,
the person signs in (an archive from before accounts first gets its three
administrators); `--demo-sign-in` signs the demo archive's archivist in without asking
(only on the demo archive; elsewhere the sign-in dialog is shown). `--smoke` opens the
main window offscreen as the person of this OS user's command-line session (`archivist
login`, or the demo archivist with --demo-sign-in), renders it and exits 0 (CI runs it;
1 without an archive or a person).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from archivist import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from archivist.archive import Archive
    from archivist.errors import ArchivistError
    from archivist.preferences import Preferences
    from ui.main_window import MainWindow
    from ui.people.signed_in_window import SignedInWindow
    from ui.welcome_dialog import WelcomeDialog

log = logging.getLogger(__name__)

CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="archivist-gui", description="档案室 Archivist")
    parser.add_argument("--archive", type=Path, default=None, help="archive folder")
    parser.add_argument(
        "--demo-sign-in",
        action="store_true",
        help="on the demo archive: sign in as its archivist without asking",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="interface language")
    parser.add_argument(
        "--smoke", action="store_true", help="open the window offscreen, render it, exit 0"
    )
    parser.add_argument("--screenshot", type=Path, default=None, help="with --smoke: save a PNG")
    parser.add_argument(
        "--size",
        type=window_size,
        default=None,
        metavar="WxH",
        help="with --smoke: window size (default 1440x900)",
    )
    parser.add_argument("--no-hot-folder", action="store_true", help="do not watch the hot folder")
    parser.add_argument("--version", action="version", version=f"archivist-gui {__version__}")
    return parser.parse_args(list(argv) if argv is not None else None)


def window_size(text: str) -> tuple[int, int]:
    """'1280x720' -> (1280, 720), for the smoke window."""
    width, _, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1280x720: {text}") from None
    if min(size) < 200:
        raise argparse.ArgumentTypeError(f"too small: {text}")
    return size


def choose_font() -> None:
    """A CJK UI font: Qt on Linux does not always fall back to one by itself."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    families = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in families), None)
    if family is None:
        try:
            from archivist.formats.fonts import find_cjk_font

            loaded = QFontDatabase.addApplicationFont(str(find_cjk_font()))
            names = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
            family = names[0] if names else None
        except Exception as exc:  # no CJK font at all: Qt shows what it can
            log.warning("no Chinese font found (%s): Qt shows what it can", exc)
            family = None
    if family is not None:
        font = QFont(QApplication.font())
        font.setFamilies([family, *QApplication.font().families()])
        if sys.platform != "win32" and font.pointSizeF() < 10:
            font.setPointSizeF(10)
        QApplication.setFont(font)


def make_app(argv: Sequence[str] | None = None) -> object:
    """The QApplication with the settings every window needs (high DPI, names, font)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setOrganizationName("Archivist")
    QCoreApplication.setApplicationName("Archivist")
    app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationDisplayName("档案室")
    app.setStyle("Fusion")
    choose_font()
    return app


def open_archive(path: Path) -> object:
    from archivist.archive import Archive

    return Archive.open(path)


def _same(a: Path, b: Path) -> bool:
    from archivist.preferences import same_folder

    return same_folder(str(a.resolve()), str(b.resolve()))


def demo_sign_in(archive: Archive) -> bool:
    """Sign the demo archivist in, if this is the demo archive (its fonds, and the demo
    account's password works). Nothing is tried on another archive."""
    from archivist.demo.accounts import DEMO_PASSWORD, DEMO_SIGN_IN
    from archivist.demo.build import DEMO_FONDS
    from archivist.errors import ArchivistError

    try:
        fonds = archive.fonds()
        if (fonds.get("code"), fonds.get("name")) != DEMO_FONDS:
            return False
        archive.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD)
    except ArchivistError as exc:
        log.info("demo sign-in not possible: %s", exc.code)
        return False
    return True


def session_sign_in(archive: Archive) -> bool:
    """The person of this OS user's command-line session on the archive, if still valid
    (for smoke runs, which show no dialog)."""
    from archivist.accounts import session_file, signing
    from archivist.errors import ArchivistError

    stored = session_file.load(archive.root)
    if stored is None:
        return False
    try:
        signing.resume_session(archive, stored[1])
    except ArchivistError as exc:
        log.info("no command-line session for the smoke run: %s", exc.code)
        return False
    return True


class Launcher:
    """Opens archives and the window on them. When the chosen folder holds no archive
    (the first start), the welcome dialog offers to create one, open another or build
    the demo archive; the File menu's new, open and recent entries come back through
    `reopen`. Every archive opened is remembered in the per-user recent list."""

    def __init__(
        self,
        prefs: Preferences,
        *,
        demo_sign_in: bool = False,
        watch_hot_folder: bool = True,
        auto_ocr: bool = True,
        remember: bool = True,
        on_language: Callable[[str], object] | None = None,
    ) -> None:
        from ui.welcome_dialog import DEMO_ITEMS, demo_archive_dir

        self.prefs = prefs
        self.demo_sign_in = demo_sign_in  # the demo archive: its archivist, unasked
        self.watch_hot_folder = watch_hot_folder
        self.auto_ocr = auto_ocr
        self.remember = remember  # off for smoke runs: they leave the preferences alone
        self.on_language = on_language
        self.demo_folder: Path = demo_archive_dir()
        self.demo_items = DEMO_ITEMS
        self.window: MainWindow | SignedInWindow | None = None  # the window shown now
        self.welcome: WelcomeDialog | None = None  # the first-start dialog, once shown

    def start(self, root: Path) -> bool:
        """Show the window on the archive at `root`, or, when there is none (or it
        cannot be opened), the welcome dialog first. False: the person quit there."""
        from archivist.archive import Archive
        from archivist.errors import ArchivistError

        try:
            archive = Archive.open(root)
        except ArchivistError as exc:
            chosen = self.ask(root, exc)
            if chosen is None:
                return False
            archive = chosen
        if not self.admit(archive):
            archive.close()
            return False
        self.build(archive).show()
        return True

    def admit(self, archive: Archive, parent: QWidget | None = None) -> bool:
        """Someone signed in on `archive`: its three administrators first if it predates
        accounts; the demo archivist on the demo archive; else the sign-in dialog (and
        the password change a password set by someone else needs). False: cancelled."""
        from PySide6.QtWidgets import QDialog

        from ui.people.administrators_dialog import AdministratorsDialog
        from ui.people.sign_in_dialog import sign_in_flow

        user_name = ""
        if not archive.has_accounts():
            setup = AdministratorsDialog(archive, parent)
            accepted = setup.exec() == int(QDialog.DialogCode.Accepted)
            setup.deleteLater()
            if not accepted:
                return False
            user_name = setup.created_user
        demo = self.demo_sign_in or _same(archive.root, self.demo_folder)
        if demo and demo_sign_in(archive):
            return True
        return sign_in_flow(parent, archive, self.prefs, user_name=user_name)

    def ask(self, folder: Path, problem: ArchivistError | None) -> Archive | None:
        """The welcome dialog: the archive created or opened there, or None."""
        from PySide6.QtWidgets import QDialog

        from ui.welcome_dialog import WelcomeDialog

        dialog = WelcomeDialog(
            self.prefs,
            folder=folder,
            problem=problem,
            demo_folder=self.demo_folder,
            demo_items=self.demo_items,
        )
        self.welcome = dialog
        accepted = dialog.exec() == int(QDialog.DialogCode.Accepted)
        archive = dialog.archive if accepted else None
        if archive is not None:
            self.prefs.archive = str(archive.root)  # opened next time without asking
        return archive

    def build(self, archive: Archive) -> MainWindow | SignedInWindow:
        """The window for the person signed in: the archive's views for a person who
        reads it, else what an administrator may do (ui.people.signed_in_window)."""
        from PySide6.QtCore import QTimer

        from archivist.accounts.rights import permits
        from archivist.accounts.roles import Right
        from ui.main_window import MainWindow
        from ui.people.signed_in_window import RestrictedWindow

        window: MainWindow | SignedInWindow
        if permits(archive.person, Right.READ):
            window = MainWindow(
                archive,
                self.prefs,
                watch_hot_folder=self.watch_hot_folder,
                auto_ocr=self.auto_ocr,
            )
        else:
            window = RestrictedWindow(archive, self.prefs)
        window.person_changed.connect(lambda: QTimer.singleShot(0, self.rebuild))
        log.info(
            "window on archive %s%s", archive.root, " (read-only)" if archive.read_only else ""
        )
        window.reopen_requested.connect(self.reopen)
        if self.on_language is not None:
            window.language_changed.connect(self.on_language)
        self.window = window
        self.remember_archive(archive.root)
        return window

    def rebuild(self) -> None:
        """Another person signed in: a new window on the same archive, for them."""
        from PySide6.QtWidgets import QApplication

        old = self.window
        if old is None:
            return
        app = QApplication.instance()
        quit_on_close = isinstance(app, QApplication) and app.quitOnLastWindowClosed()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)
        try:
            old.close()  # its hot folder and OCR stop before the new window's start
            old.deleteLater()
            self.build(old.archive).show()
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quit_on_close)

    def remember_archive(self, root: Path) -> None:
        if not self.remember:
            return
        self.prefs.remember_archive(root)
        self.save_prefs()

    def save_prefs(self) -> None:
        try:
            self.prefs.save()
        except OSError as exc:  # unwritable preferences must not stop the work
            log.warning("preferences not saved: %s", exc)

    def reopen(self, folder: str) -> None:
        """The window on another archive (File menu: new, open, recent; Settings)."""
        from PySide6.QtWidgets import QApplication

        from archivist.archive import Archive
        from archivist.errors import ArchivistError
        from ui import errors

        old = self.window
        try:
            archive = Archive.open(Path(folder))
        except ArchivistError as exc:
            if exc.code == "archive.missing" and self.remember:
                self.prefs.forget_archive(folder)
                self.save_prefs()
            errors.show_error(old, exc)
            return
        if not self.admit(archive, old):
            archive.close()  # nobody signed in: the window stays on the archive it shows
            return
        if self.remember:
            self.prefs.archive = str(archive.root)
        app = QApplication.instance()
        quit_on_close = isinstance(app, QApplication) and app.quitOnLastWindowClosed()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)  # between the two windows none is shown
        try:
            if old is not None:
                # First: its hot folder stops before the new window watches.
                if not old.close():
                    archive.close()
                    return
                old.archive.close()
            self.build(archive).show()
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quit_on_close)

    def close(self) -> None:
        """The program ends: the person is signed out (an access event), the archive closed."""
        from archivist.errors import ArchivistError

        if self.window is not None:
            archive = self.window.archive
            try:
                archive.sign_out()
            except ArchivistError as exc:  # the archive went away meanwhile: nothing to log
                log.warning("sign-out on closing not recorded: %s", exc.code)
            archive.close()


# -- failures nobody caught: logged, and shown instead of lost -------------------------
_showing_error = False


def install_exception_hook() -> None:
    """An exception nobody caught on the UI thread (a slot Qt called, a timer, an
    event handler) is logged with its traceback and shown in the error dialog; one in
    another thread is logged. Without this, a window started without a console would
    lose it without a trace."""
    sys.excepthook = unhandled_exception
    threading.excepthook = unhandled_in_thread


def unhandled_exception(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    global _showing_error
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("unhandled exception", exc_info=(kind, error, trace))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    on_ui_thread = threading.current_thread() is threading.main_thread()
    if not isinstance(app, QApplication) or not on_ui_thread or _showing_error:
        return  # logged: a dialog cannot be shown from here (or one is failing)
    _showing_error = True
    try:
        from ui import errors

        details = "".join(traceback.format_exception(kind, error, trace))
        errors.show_error(QApplication.activeWindow(), error, details)
    except Exception:
        log.exception("the error dialog itself failed")
    finally:
        _showing_error = False


def unhandled_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "?"
    log.critical(
        "unhandled exception in thread %s",
        name,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.smoke and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from archivist import logs
    from archivist.archive import Archive, default_archive_dir

    root = args.archive or default_archive_dir()
    logs.configure("archivist-gui", archive=root)
    install_exception_hook()
    from PySide6.QtWidgets import QApplication

    from archivist.errors import ArchivistError
    from archivist.preferences import Preferences
    from ui.i18n import translations

    app = make_app()
    assert isinstance(app, QApplication)
    prefs = Preferences.load()
    translations.apply(args.lang or prefs.language or "zh")
    launcher = Launcher(
        prefs,
        demo_sign_in=args.demo_sign_in,
        watch_hot_folder=not (args.smoke or args.no_hot_folder),
        auto_ocr=not args.smoke,
        remember=not args.smoke,
        on_language=translations.apply,
    )
    if args.smoke:
        try:
            archive = Archive.open(root)
        except ArchivistError as exc:
            log.warning("smoke run: %s", exc.code)
            print(f"archivist-gui: {exc.message()}", file=sys.stderr)
            return 1
        if not ((args.demo_sign_in and demo_sign_in(archive)) or session_sign_in(archive)):
            from archivist.errors import AccessRefused

            print(
                f"archivist-gui: {AccessRefused('auth.not_signed_in').message()}", file=sys.stderr
            )
            archive.close()
            return 1
        return smoke(app, launcher.build(archive), args.screenshot, args.size)
    if not launcher.start(root):
        return 0  # the person left the welcome dialog: nothing was created
    code = app.exec()
    launcher.close()
    return int(code)


def smoke(
    app: object, window: object, screenshot: Path | None, size: tuple[int, int] | None = None
) -> int:
    """Render the window once offscreen: the item table, the detail and a page."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import DEFAULT_SIZE, MainWindow
    from ui.people.signed_in_window import SignedInWindow

    assert isinstance(app, QApplication) and isinstance(window, SignedInWindow)
    window.remember_layout = False  # a smoke run must not change the user's window layout
    window.resize(*(size or DEFAULT_SIZE))
    window.show()
    timer = QElapsedTimer()
    timer.start()
    while window.runner.busy() and timer.elapsed() < 30000:
        app.processEvents()
    app.processEvents()
    image = window.grab()
    ok = not image.isNull() and image.width() > 0
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        ok = image.save(str(screenshot)) and ok
    rows = window.model.rowCount() if isinstance(window, MainWindow) else 0
    print(
        f"archivist-gui smoke: {window.archive.root} · {rows} items · rendered {image.width()}x{image.height()}"
    )
    window.close()
    window.archive.close()
    return 0 if ok else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
