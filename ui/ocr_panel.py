"""The OCR queue panel: what is pending, done and failed; start, pause (the run stops
after the pages in flight, and resumes from the database), retry failed pages, and
each failure with its reason. The queue runs in worker processes; this panel only
drives `run_queue` from a worker thread."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.ocr.pages import EngineSettings
from archivist.ocr.queue import (
    RunnerState,
    RunReport,
    queue_status,
    retry_failed,
    run_queue,
    runner_state,
)
from archivist.preferences import Preferences
from ui import errors
from ui.tasks import TaskContext, TaskHandle, TaskRunner


def _lower_priority() -> None:
    """On Linux, niceness is per thread and inherited by the processes a thread starts:
    the OCR runner thread and its Tesseract workers yield the CPU to the window."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


class OcrPanel(QWidget):
    items_changed = Signal()

    def __init__(
        self,
        archive: Archive,
        prefs: Preferences,
        runner: TaskRunner,
        *,
        auto_start: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ocrPanel")
        self.auto_start = auto_start
        self.archive = archive
        self.prefs = prefs
        self.runner = runner
        self.handle: TaskHandle | None = None
        self.progress_text = ""
        self.status: dict[str, Any] = {}
        self.state: RunnerState | None = None
        self.elsewhere = False  # another process (`archivist ocr`, a window) runs the queue
        self.paused = False  # paused by hand: no automatic start until 开始识别
        self.last_report: RunReport | None = None
        self.counts = QLabel()
        self.counts.setObjectName("ocrCounts")
        self.bar = QProgressBar()
        self.bar.setObjectName("ocrProgress")
        self.start = QPushButton()
        self.start.setObjectName("ocrStart")
        self.start.clicked.connect(self.start_clicked)
        self.pause = QPushButton()
        self.pause.setObjectName("ocrPause")
        self.pause.clicked.connect(self.stop)
        self.retry = QPushButton()
        self.retry.setObjectName("ocrRetry")
        self.retry.clicked.connect(self.retry_failed)
        self.auto = QCheckBox()
        self.auto.setChecked(bool(QSettings().value("ocr/auto", True, type=bool)))
        self.auto.toggled.connect(lambda on: QSettings().setValue("ocr/auto", on))
        self.failures = QTableWidget(0, 4)
        self.failures.setObjectName("ocrFailures")
        self.failures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.failures.verticalHeader().setVisible(False)
        header = self.failures.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # On a small screen the dock gives the list what is left: it must not make the
        # main window taller than the screen (the status bar fell off a 1366x768 one).
        self.failures.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.failures_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.auto)
        row.addWidget(self.start)
        row.addWidget(self.pause)
        row.addWidget(self.retry)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)  # compact: the dock shares a laptop's height
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.bar)
        layout.addWidget(self.failures_label)
        layout.addWidget(self.failures, 1)
        self.poll = QTimer(self)
        self.poll.setInterval(3000)
        self.poll.timeout.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- state -------------------------------------------------------------------------
    def running(self) -> bool:
        return self.handle is not None

    def running_text(self) -> str:
        if self.running():
            return self.progress_text
        return self.elsewhere_text() if self.elsewhere else ""

    def elsewhere_text(self) -> str:
        pending = self.state.pages_pending if self.state else 0
        return self.tr("另一个程序正在识别（{n} 页待识别）").format(n=pending)

    def refresh(self) -> None:
        def read(
            _ctx: TaskContext,
        ) -> tuple[dict[str, Any], list[browse.OcrFailure], RunnerState]:
            return (
                queue_status(self.archive),
                browse.ocr_failures(self.archive),
                runner_state(self.archive),
            )

        def shown(result: object) -> None:
            if isinstance(result, tuple):
                self.status, failures, self.state = result
                was_elsewhere = self.elsewhere
                self.elsewhere = self.state.elsewhere and not self.running()
                self._show_status()
                self._show_failures(failures)
                if self.running() or self.elsewhere:
                    self.poll.start()  # follow the other runner's progress
                else:
                    self.poll.stop()
                if was_elsewhere or self.elsewhere:
                    self.runner.changed.emit()  # the status bar follows the other runner
                if (
                    self.auto_start
                    and self.auto.isChecked()
                    and not self.paused
                    and not self.running()
                    and not self.elsewhere
                    and self._pending()
                ):
                    self.run()  # new pages, or what the other runner left

        self.runner.submit(
            self.tr("识别队列"), read, on_done=shown, on_error=lambda e, d: None, quiet=True
        )

    def _pending(self) -> int:
        if self.state is not None:
            return self.state.jobs_pending + self.state.jobs_running
        jobs = self.status.get("jobs", {})
        return int(jobs.get("pending", 0)) + int(jobs.get("running", 0))

    def _show_status(self) -> None:
        jobs = self.status.get("jobs", {})
        total = int(self.status.get("pages_total", 0))
        done = int(self.status.get("pages_done", 0))
        self.counts.setText(
            self.tr(
                "待识别 {pending} 份　已完成 {done} 份　失败 {failed} 份　页：{pages_done}/{pages_total}，失败 {pages_failed} 页"
            ).format(
                pending=int(jobs.get("pending", 0)) + int(jobs.get("running", 0)),
                done=int(jobs.get("done", 0)),
                failed=int(jobs.get("failed", 0)),
                pages_done=done,
                pages_total=total,
                pages_failed=int(self.status.get("pages_failed", 0)),
            )
        )
        if not self.running():
            self.bar.setRange(0, max(1, total))
            self.bar.setValue(done)
        if self.elsewhere:
            self.bar.setFormat(self.elsewhere_text() + "  %v/%m")
            self.bar.setToolTip(self.tr("它结束后，本窗口会接着识别剩下的和新采集的页"))
        else:
            self.bar.setFormat("%p%")
            self.bar.setToolTip("")
        idle = not self.running() and not self.elsewhere
        self.start.setEnabled(idle and self._pending() > 0)
        self.pause.setEnabled(self.running())
        self.retry.setEnabled(idle and int(self.status.get("pages_failed", 0)) > 0)

    def _show_failures(self, failures: list[browse.OcrFailure]) -> None:
        self.failures.setRowCount(len(failures))
        for row, failure in enumerate(failures):
            for col, text in enumerate(
                (failure.number, failure.material_title, str(failure.page), failure.reason)
            ):
                cell = QTableWidgetItem(text)
                if col == 3:
                    cell.setToolTip(f"{failure.code}\n{failure.reason}")
                self.failures.setItem(row, col, cell)
        self.failures_label.setText(
            self.tr("识别失败的页（{n}）").format(n=len(failures))
            if failures
            else self.tr("没有识别失败的页")
        )

    # -- commands ------------------------------------------------------------------------
    def settings(self) -> EngineSettings:
        """The engine and its settings from the per-user preferences (Settings → OCR)."""
        return self.prefs.engine_settings()

    def start_clicked(self) -> None:
        self.paused = False
        self.run()

    def run(self) -> None:
        if self.running():
            return
        try:
            settings, workers = self.settings(), self.prefs.ocr_workers
        except ArchivistError as exc:  # an unknown engine in a hand-edited preferences file
            self.auto.setChecked(False)
            errors.show_error(self, exc)
            return

        def work(ctx: TaskContext) -> RunReport:
            _lower_priority()
            return run_queue(
                self.archive,
                workers=workers,
                settings=settings,
                progress=ctx.progress,
                cancel=ctx.cancel,
            )

        def progress(done: int, total: int, _what: str) -> None:
            self.bar.setRange(0, max(1, total))
            self.bar.setValue(done)
            self.progress_text = self.tr("识别 {done}/{total} 页").format(done=done, total=total)

        def finished(result: object) -> None:
            self.handle = None
            self.progress_text = ""
            self.poll.stop()
            if isinstance(result, RunReport):
                self.last_report = result
            self.refresh()
            self.items_changed.emit()
            self.runner.changed.emit()

        def failed(exc: BaseException, details: str) -> None:
            self.handle = None
            self.progress_text = ""
            self.poll.stop()
            if isinstance(exc, ArchivistError) and exc.code == "ocr.busy":
                self.elsewhere = True  # another process took the queue first: follow it
                self.refresh()
                self.runner.changed.emit()
                return
            self.auto.setChecked(False)  # do not start again into the same error
            self.refresh()
            self.runner.changed.emit()
            errors.show_error(self, exc, details)

        self.progress_text = self.tr("识别")
        self.handle = self.runner.submit(
            self.tr("识别"),
            work,
            long=True,
            on_done=finished,
            on_error=failed,
            on_progress=progress,
            quiet=True,
        )
        self.poll.start()
        self._show_status()
        self.runner.changed.emit()

    def stop(self) -> None:
        """Pause: the run stops after the pages in flight; what is left stays pending."""
        if self.handle is not None:
            self.paused = True
            self.handle.cancel.cancel()
            self.progress_text = self.tr("正在暂停…")
            self.pause.setEnabled(False)
            self.runner.changed.emit()

    def retry_failed(self) -> None:
        def work(_ctx: TaskContext) -> int:
            return retry_failed(self.archive)

        def done(_result: object) -> None:
            self.refresh()
            self.run()

        self.runner.submit(
            self.tr("重试识别"),
            work,
            write=True,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    def retranslate(self) -> None:
        self.start.setText(self.tr("开始识别"))
        self.pause.setText(self.tr("暂停"))
        self.retry.setText(self.tr("重试失败页"))
        self.auto.setText(self.tr("自动识别新采集的页"))
        self.failures.setHorizontalHeaderLabels(
            [self.tr("件号"), self.tr("材料"), self.tr("页"), self.tr("失败原因")]
        )
        self._show_status()
        self.failures_label.setText(
            self.tr("识别失败的页（{n}）").format(n=self.failures.rowCount())
            if self.failures.rowCount()
            else self.tr("没有识别失败的页")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["OcrPanel", "Qt"]
