"""The hot folder panel: watches the configured folder (file-system notifications
plus a timer, since notifications are unreliable on network shares), captures each
stable drop through the core on the serial write pool, and lists what happened."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.capture.hotfolder import DropOutcome, DropWatch, HotFolder, process_drop
from archivist.preferences import Preferences
from ui import errors
from ui.tasks import TaskContext, TaskRunner

POLL_MS = 2000


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


class HotFolderPanel(QWidget):
    captured = Signal(str)  # item number
    quarantined = Signal(str)  # drop name

    def __init__(
        self,
        archive: Archive,
        prefs: Preferences,
        runner: TaskRunner,
        *,
        enabled: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hotFolderPanel")
        self.archive = archive
        self.prefs = prefs
        self.runner = runner
        self.enabled = enabled
        self.folder: HotFolder | None = None
        self.watch: DropWatch | None = None
        self.outcomes: list[DropOutcome] = []
        self.error: str = ""
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self.look())
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.look)
        self.state = QLabel()
        self.state.setObjectName("hotFolderState")
        self.state.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_folder)
        self.log = QListWidget()
        self.log.setObjectName("hotFolderLog")
        self.log.setWordWrap(True)
        # the list takes what the dock has left: never a taller main window (small screens)
        self.log.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.log, 1)
        self.retranslate()
        self.restart()

    def restart(self) -> None:
        self.stop()
        self.error = ""
        path = self.prefs.hot_folder
        if not path or not self.enabled:
            self.folder = self.watch = None
            self._show_state()
            return
        quarantine = Path(self.prefs.hot_quarantine) if self.prefs.hot_quarantine else None
        self.folder = HotFolder.at(Path(path), quarantine=quarantine)
        if _same_folder(self.folder.quarantine, self.folder.inbox):
            # a bad drop would land in the inbox again and be taken again, forever
            self.error = self.tr("隔离文件夹不能是热文件夹本身：{path}").format(path=quarantine)
            self.folder = self.watch = None
            self._show_state()
            return
        try:
            self.folder.prepare()
        except OSError as exc:
            self.error = str(exc)
            self.folder = self.watch = None
            self._show_state()
            return
        self.watch = DropWatch(self.folder)
        self.watcher.addPath(str(self.folder.inbox))
        self.timer.start()
        self._show_state()
        self.look()

    def stop(self) -> None:
        self.timer.stop()
        paths = self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)

    def look(self) -> None:
        """One look at the inbox: drops that stopped changing are captured."""
        if self.watch is None or self.folder is None:
            return
        for drop in self.watch.ready(time.monotonic()):
            self._take(drop)

    def _take(self, drop: Path) -> None:
        assert self.watch is not None and self.folder is not None
        watch, folder = self.watch, self.folder
        watch.in_progress.add(drop.name)

        def work(_ctx: TaskContext) -> DropOutcome:
            return process_drop(self.archive, folder, drop)

        def done(result: object) -> None:
            watch.in_progress.discard(drop.name)
            if isinstance(result, DropOutcome):
                self._record(result)

        def failed(exc: BaseException, details: str) -> None:
            watch.in_progress.discard(drop.name)
            errors.show_error(self, exc, details)

        self.runner.submit(
            self.tr("热文件夹：{name}").format(name=drop.name),
            work,
            write=True,
            on_done=done,
            on_error=failed,
        )

    def _record(self, outcome: DropOutcome) -> None:
        self.outcomes.append(outcome)
        stamp = time.strftime("%H:%M:%S")
        if outcome.status == "captured":
            text = self.tr("{time}　已采集 {drop} → {number}").format(
                time=stamp, drop=outcome.drop, number=outcome.number
            )
            for warning in outcome.warnings:
                text += "\n　" + self.tr("注意：{warning}").format(warning=warning)
        else:
            text = self.tr("{time}　已隔离 {drop}：{reason}").format(
                time=stamp, drop=outcome.drop, reason=outcome.message
            )
        item = QListWidgetItem(text)
        item.setToolTip(str(outcome.moved_to))
        if outcome.status != "captured":
            item.setForeground(QColor("#a11d1d"))
        self.log.insertItem(0, item)
        if outcome.status == "captured" and outcome.number:
            self.captured.emit(outcome.number)
        else:
            self.quarantined.emit(outcome.drop)

    def _show_state(self) -> None:
        if self.error:
            self.state.setText(self.tr("热文件夹无法使用：{error}").format(error=self.error))
        elif self.folder is None:
            self.state.setText(
                self.tr("未设置热文件夹（在“设置”中指定扫描工作站投放文件的文件夹）")
            )
        else:
            self.state.setText(
                self.tr(
                    "正在监视 {inbox}\n采集后移至 {done}；有问题的投放移至 {quarantine}（附“原因.txt”）"
                ).format(
                    inbox=self.folder.inbox,
                    done=self.folder.done,
                    quarantine=self.folder.quarantine,
                )
            )
        self.open_button.setEnabled(self.folder is not None)

    def _open_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder.inbox)))

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("打开文件夹"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
