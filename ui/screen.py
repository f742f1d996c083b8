"""Sizes that fit the screen: a dialog asks for the size it likes and gets at most the
screen's available area (less the taskbar) minus its own frame and title bar, so a
1366x768 laptop or a 1280x720 projector shows every button."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left around a window for its frame and title bar (the window manager's).
FRAME = (16, 40)


def available_area(widget: QWidget) -> QRect | None:
    """The part of the widget's screen that windows may use (without the taskbar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` x `height`, or less where the screen is smaller."""
    room = available_area(widget)
    if room is not None:
        width = min(width, room.width() - FRAME[0])
        height = min(height, room.height() - FRAME[1])
    widget.resize(max(1, width), max(1, height))
