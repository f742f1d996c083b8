"""The window and the log: an exception in a slot is logged and shown, never lost; a
failed task leaves a log line; Help opens the log folder."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices

from archivist import __version__, logs
from archivist.archive import Archive


@pytest.fixture
def log_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    # The hooks this test installs go again when it ends.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield folder
    logs.shutdown()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_window_slot_is_logged_and_shown(
    window: Any,
    qtbot: Any,
    log_dir: Path,
    shown_errors: list[tuple[str, str]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from ui.app import install_exception_hook

    install_exception_hook()

    def boom() -> None:
        raise RuntimeError("槽里出错了")

    action = QAction(window)
    action.triggered.connect(boom)
    with caplog.at_level(logging.ERROR):
        action.trigger()  # a slot Qt calls on a signal
        QTimer.singleShot(0, boom)  # and one the event loop calls
        qtbot.waitUntil(lambda: len(shown_errors) == 2, timeout=5000)
    message, details = shown_errors[0]
    assert "RuntimeError" in message and "槽里出错了" in message
    assert "Traceback" in details and "boom" in details
    logged = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], RuntimeError)]
    assert len(logged) == 2


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_logged(
    log_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from ui.app import install_exception_hook

    install_exception_hook()

    def boom() -> None:
        raise ValueError("线程里出错了")

    with caplog.at_level(logging.ERROR):
        thread = threading.Thread(target=boom)
        thread.start()
        thread.join()
    assert any(r.exc_info and "线程里出错了" in str(r.exc_info[1]) for r in caplog.records)


def test_a_failed_task_leaves_a_log_line(
    window: Any, qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    failures: list[BaseException] = []

    def work(_ctx: Any) -> None:
        raise ZeroDivisionError("任务里出错了")

    with caplog.at_level(logging.WARNING):
        window.runner.submit("测试任务", work, on_error=lambda exc, _d: failures.append(exc))
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    records = [r for r in caplog.records if "测试任务" in r.getMessage()]
    assert records and "任务里出错了" in records[0].getMessage()


def test_help_opens_the_log_folder(
    window: Any, log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    action = window.commands["logs"]
    assert action in window.menus["help"].actions()
    assert action.text() == "打开日志文件夹"
    action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [log_dir]
    assert log_dir.is_dir()


def test_the_window_logs_its_start(
    archive: Archive, log_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.app import main

    assert main(["--archive", str(archive.root), "--smoke", "--no-hot-folder"]) == 0
    logs.flush()
    text = (log_dir / "archivist.log").read_text(encoding="utf-8")
    assert f"archivist-gui {__version__}" in text
    assert str(archive.root) in text
    capsys.readouterr()
