"""A file the window just wrote: open it, or print it, with what the system offers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_file(path: Path) -> bool:
    """Open `path` in the program the system opens it with; False if none did."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def print_file(path: Path) -> str:
    """Print `path` with the system's print verb (Windows: the program registered for
    the file type prints it); where there is none, open it to be printed from there.
    "printed", "opened", or "" when nothing could open it."""
    startfile = getattr(os, "startfile", None)
    if sys.platform == "win32" and startfile is not None:
        try:
            startfile(str(path), "print")
            return "printed"
        except OSError:
            pass  # no print verb for this type: opened instead
    return "opened" if open_file(path) else ""


