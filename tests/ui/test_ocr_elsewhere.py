"""Another process recognising the same archive: the window follows it instead of
showing an error, and takes up the pages left (and new ones) when it ends."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from archivist.archive import Archive
from archivist.db.models import OcrJob
from archivist.ocr.queue import runner_state
from archivist.preferences import Preferences

from ..conftest import ROOT
from .conftest import capture_sample

HOLD_LOCK = (
    "import sys; from pathlib import Path; from archivist.storage.filestore import OperationLock;"
    "lock = OperationLock(Path(sys.argv[1])); assert lock.acquire(blocking=False);"
    "print('held', flush=True); sys.stdin.read()"
)


@pytest.fixture
def other_runner(archive: Archive) -> Iterator[subprocess.Popen[str]]:
    """A second process holding the archive's OCR runner lock, as `archivist ocr` does
    for its whole run; it lets go when its stdin is closed."""
    archive.layout.work.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(archive.layout.work / "ocr-runner.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()


def test_window_follows_another_runner_and_takes_over_when_it_ends(
    qtbot: Any,
    archive: Archive,
    prefs: Preferences,
    tmp_path: Path,
    other_runner: subprocess.Popen[str],
    shown_errors: list[tuple[str, str]],
) -> None:
    from ui.main_window import MainWindow

    capture_sample(archive, tmp_path / "in")
    pending = runner_state(archive).pages_pending
    assert pending >= 3
    QSettings().setValue("ocr/auto", True)
    try:
        win = MainWindow(archive, prefs, watch_hot_folder=False, auto_ocr=True)
        qtbot.addWidget(win)
        win.show()
        panel = win.ocr
        panel.poll.setInterval(200)
        expected = f"另一个程序正在识别（{pending} 页待识别）"
        qtbot.waitUntil(lambda: panel.elsewhere, timeout=10000)
        qtbot.waitUntil(lambda: expected in win.work_label.text(), timeout=5000)
        assert win.work_label.text() != "空闲"
        assert expected in panel.bar.format()
        # It finishes a material (as `archivist ocr` stores pages): the window follows.
        with archive.db.writing() as session:
            job = session.scalars(select(OcrJob).order_by(OcrJob.id)).first()
            assert job is not None
            job.pages_done, job.status = job.pages_total, "done"
            left = pending - job.pages_total
        following = f"另一个程序正在识别（{left} 页待识别）"
        qtbot.waitUntil(lambda: following in win.work_label.text(), timeout=5000)
        assert following in panel.bar.format() and panel.bar.value() == pending - left
        assert not panel.start.isEnabled() and not panel.running()
        # 开始识别 anyway (say the button was enabled a moment ago): no red error.
        panel.run()
        qtbot.waitUntil(lambda: not panel.running(), timeout=10000)
        assert panel.elsewhere and panel.auto.isChecked()
        assert shown_errors == []
        # The other process ends: the window takes up the pages it left.
        assert other_runner.stdin is not None
        other_runner.stdin.close()
        other_runner.wait(10)
        qtbot.waitUntil(lambda: panel.running() or not panel._pending(), timeout=10000)
        assert not panel.elsewhere
        qtbot.waitUntil(lambda: not panel.running(), timeout=90000)
        qtbot.waitUntil(lambda: not win.runner.busy(), timeout=20000)
        state = runner_state(archive)
        assert state.pages_pending == 0 and state.jobs_pending == 0
        assert shown_errors == []
        qtbot.waitUntil(lambda: win.work_label.text() == "空闲", timeout=5000)
        win.close()
    finally:
        QSettings().setValue("ocr/auto", False)


def test_pause_is_not_undone_by_the_automatic_start(
    qtbot: Any, archive: Archive, prefs: Preferences, tmp_path: Path
) -> None:
    """暂停 keeps the queue paused (automatic recognition on) until 开始识别."""
    from ui.main_window import MainWindow

    capture_sample(archive, tmp_path / "in")
    QSettings().setValue("ocr/auto", True)
    try:
        win = MainWindow(archive, prefs, watch_hot_folder=False, auto_ocr=True)
        qtbot.addWidget(win)
        win.show()
        panel = win.ocr
        qtbot.waitUntil(panel.running, timeout=10000)
        panel.stop()
        qtbot.waitUntil(lambda: not panel.running(), timeout=60000)
        qtbot.waitUntil(lambda: not win.runner.busy(), timeout=20000)
        win.refresh()  # a capture elsewhere in the window refreshes the queue too
        qtbot.waitUntil(lambda: not win.runner.busy(), timeout=20000)
        assert not panel.running() and runner_state(archive).pages_pending > 0
        assert panel.start.isEnabled()
        panel.start.click()
        assert panel.running()
        qtbot.waitUntil(lambda: not panel.running(), timeout=90000)
        qtbot.waitUntil(lambda: not win.runner.busy(), timeout=20000)
        assert runner_state(archive).pages_pending == 0
        win.close()
    finally:
        QSettings().setValue("ocr/auto", False)
