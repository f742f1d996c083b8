"""生成组卷 PDF…: the assembled volume PDF built off the UI thread with progress and
cancel, then offered to open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from archivist.archive import Archive
from archivist.arrangement import volume_pdf
from ui import errors
from ui.files import open_file
from ui.tasks import TaskContext, TaskHandle, TaskRunner


class VolumePdfJob(QObject):
    """生成组卷 PDF…: build the PDF on a long-running worker with a progress dialog
    (its cancel button stops the build); afterwards offer to open the PDF or its folder."""

    finished = Signal(str)  # the file written; "" when cancelled or failed

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        code: str,
        parent: QWidget,
        out_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.code = code
        self.out_path = out_path
        self.widget = parent
        self.handle: TaskHandle | None = None
        self.path: Path | None = None
        self.cancelled = False
        self.progress = QProgressDialog(parent)
        self.progress.setObjectName("volumePdfProgress")
        self.progress.setWindowTitle(self.tr("生成组卷 PDF"))
        self.progress.setLabelText(self.tr("正在生成 {code} 的组卷 PDF…").format(code=code))
        self.progress.setCancelButtonText(self.tr("取消"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setRange(0, 0)
        self.progress.canceled.connect(self.cancel)

    def start(self) -> None:
        code, out = self.code, self.out_path

        def work(ctx: TaskContext) -> Path:
            return volume_pdf.assemble(self.archive, code, out, ctx.progress, ctx.cancel)

        def progressed(done: int, total: int, what: str) -> None:
            if total:
                self.progress.setRange(0, total)
                self.progress.setValue(min(done, total))
            if what:
                self.progress.setLabelText(
                    self.tr("正在生成 {code} 的组卷 PDF：{what}").format(code=code, what=what)
                )

        def done(path: Any) -> None:
            self.progress.close()
            self.path = Path(str(path))
            self.finished.emit(str(path))
            self.offer_folder(self.path)

        def failed(exc: BaseException, details: str) -> None:
            self.progress.close()
            self.finished.emit("")
            if not isinstance(exc, volume_pdf.AssemblyCancelled):
                errors.show_error(self.widget, exc, details)

        self.progress.show()
        self.handle = self.runner.submit(
            self.tr("生成组卷 PDF {code}").format(code=code),
            work,
            long=True,
            on_done=done,
            on_error=failed,
            on_progress=progressed,
        )

    def cancel(self) -> None:
        self.cancelled = True
        if self.handle is not None:
            self.handle.cancel.cancel()

    def offer_folder(self, path: Path) -> None:
        """Offer to open the PDF just made (打开 PDF, the default) or its folder."""
        box = QMessageBox(self.widget)
        box.setObjectName("volumePdfMade")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("生成组卷 PDF"))
        box.setText(self.tr("已生成 {file}").format(file=path))
        open_pdf = box.addButton(self.tr("打开 PDF"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_pdf)
        self.offer_box = box
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_pdf:
            open_file(path)
        elif clicked is open_folder:
            open_file(path.parent)


