"""`archivist-gui`: the desktop window over the archive core.

    archivist-gui [--archive DIR] [--lang zh|en] [--smoke] [--screenshot FILE]

Opens the archive given, else $ARCHIVIST_ARCHIVE, else the one chosen in the
preferences, else the per-user default. `--smoke` opens the main window offscreen,
renders it and exits 0 (CI runs it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from archivist import __version__

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
    parser.add_argument("--actor", default=None, help="who is working (audit trail)")
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
            from archivist.fonts import find_cjk_font

            loaded = QFontDatabase.addApplicationFont(str(find_cjk_font()))
            names = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
            family = names[0] if names else None
        except Exception:  # no CJK font at all: Qt shows what it can
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


def open_archive(path: Path, actor: str | None) -> object:
    from archivist.archive import Archive

    return Archive.open(path, actor=actor)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.smoke and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from archivist.archive import Archive, default_archive_dir
    from archivist.errors import ArchivistError
    from archivist.preferences import Preferences
    from ui import errors
    from ui.i18n import translations
    from ui.main_window import MainWindow

    app = make_app()
    assert isinstance(app, QApplication)
    prefs = Preferences.load()
    translations.apply(args.lang or prefs.language or "zh")
    root = args.archive or default_archive_dir()
    try:
        archive = Archive.open(root, actor=args.actor)
    except ArchivistError as exc:
        if args.smoke:
            print(f"archivist-gui: {exc.message()}", file=sys.stderr)
            return 1
        errors.show_error(None, exc)
        return 1

    holder: dict[str, MainWindow] = {}

    def build(archive: Archive) -> MainWindow:
        window = MainWindow(
            archive,
            prefs,
            watch_hot_folder=not (args.smoke or args.no_hot_folder),
            auto_ocr=not args.smoke,
        )
        window.reopen_requested.connect(reopen)
        window.language_changed.connect(translations.apply)
        holder["window"] = window
        return window

    def reopen(folder: str) -> None:
        old = holder["window"]
        try:
            new_archive = Archive.open(Path(folder), actor=args.actor)
        except ArchivistError as exc:
            errors.show_error(old, exc)
            return
        old.close()
        old.archive.close()
        build(new_archive).show()

    window = build(archive)
    if args.smoke:
        return smoke(app, window, args.screenshot, args.size)
    window.show()
    code = app.exec()
    holder["window"].archive.close()
    return int(code)


def smoke(
    app: object, window: object, screenshot: Path | None, size: tuple[int, int] | None = None
) -> int:
    """Render the window once offscreen: the item table, the detail and a page."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import DEFAULT_SIZE, MainWindow

    assert isinstance(app, QApplication) and isinstance(window, MainWindow)
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
    rows = window.model.rowCount()
    print(
        f"archivist-gui smoke: {window.archive.root} · {rows} items · rendered {image.width()}x{image.height()}"
    )
    window.close()
    window.archive.close()
    return 0 if ok else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
