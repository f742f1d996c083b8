"""复制…: the copy dialog of the 利用 view. The person chooses the pages (all, or a spec
like 1-3,5 counted through the request's records), sees the first page of the copy with
its watermark, chooses where to save it, and the copy is made off the UI thread with its
progress shown (archivist.use.copies.make_copy: an approved copy request within its
period only; audited, and an export in the access log)."""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from archivist.access import browse
from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.storage.filestore import safe_component
from archivist.use import copies
from ui import errors
from ui.page_viewer import to_image
from ui.tasks import TaskContext, TaskHandle, TaskRunner

PREVIEW_DPI = 100
PREVIEW_DELAY_MS = 400
FOLDER_KEY = "use/copy_folder"
# the preview and the copy typeset with one shared font and write PDFs: one at a time
_WORK_LOCK = threading.Lock()


def _preview(archive: Archive, number: str, pages: str | None) -> QImage:
    """The first page of the copy with its watermark, as the page viewer renders pages."""
    work = Path(tempfile.mkdtemp(prefix="archivist-copy-preview-"))
    try:
        path = copies.write_preview(archive, number, pages, work / "preview.pdf")
        ref = browse.PageRef(1, 0, 1, "", 1, 1, path, "application/pdf")
        return to_image(browse.page_pixels(ref, dpi=PREVIEW_DPI))
    finally:
        shutil.rmtree(work, ignore_errors=True)


class CopyDialog(QDialog):
    """The pages, the watermark preview, the file, and the copy made with progress."""

    def __init__(
        self, archive: Archive, runner: TaskRunner, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copyDialog")
        self.archive = archive
        self.runner = runner
        self.number = number
        self.plan: copies.CopyPlan | None = None
        self.made: copies.CopyResult | None = None
        self.handle: TaskHandle | None = None
        self._preview_generation = 0
        self.preview_image: QImage | None = None
        self._closed = False

        self.summary = QLabel()
        self.summary.setObjectName("copySummary")
        self.summary.setWordWrap(True)
        self.pages = QLineEdit()
        self.pages.setObjectName("copyPages")
        self.pages.setClearButtonEnabled(True)
        self.pages_note = QLabel()
        self.pages_note.setObjectName("copyPagesNote")
        self.pages_note.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setObjectName("copyFile")
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)

        self.pages_label = QLabel()
        self.file_label = QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.pages_label, self.pages)
        self.form.addRow(QLabel(), self.pages_note)
        self.form.addRow(self.file_label, file_row)

        self.preview = QLabel()
        self.preview.setObjectName("copyPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(260, 340)
        self.preview.setStyleSheet("QLabel#copyPreview { border: 1px solid palette(mid); }")

        self.progress = QProgressBar()
        self.progress.setObjectName("copyProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("copyStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.make_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.make_button.setObjectName("copyMake")
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setVisible(False)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.make_button.clicked.connect(self.make)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addLayout(self.form)
        left.addStretch(1)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.preview, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.pages.textChanged.connect(self._pages_changed)
        self.file.textChanged.connect(self._update_buttons)

        self.retranslate()
        self.resize(760, 480)
        self._load_plan()

    # -- the request and its pages ------------------------------------------------------

    def _load_plan(self) -> None:
        archive, number = self.archive, self.number

        def work(_ctx: TaskContext) -> copies.CopyPlan:
            return copies.copy_plan(archive, number)

        def done(plan: Any) -> None:
            if not self._alive():
                return
            assert isinstance(plan, copies.CopyPlan)
            self.plan = plan
            self._show_summary()
            if not self.file.text():
                self.file.setText(str(self._default_path()))
            self._pages_changed()
            self.refresh_preview()

        def failed(exc: BaseException, details: str) -> None:
            if not self._alive():
                return
            self.status.setText(errors.describe(exc, details)[0])
            self._update_buttons()
            errors.show_error(self, exc, details)

        self.runner.submit(self.tr("复制件"), work, on_done=done, on_error=failed, quiet=True)

    def _show_summary(self) -> None:
        plan = self.plan
        if plan is None:
            self.summary.setText(self.tr("正在读取申请 {number}…").format(number=self.number))
            return
        request = plan.request
        until = f"{request.valid_until}" if request.valid_until else "—"
        self.summary.setText(
            self.tr(
                "申请 {number}　借阅人：{borrower}\n有效期至 {until}；{items} 件档案，共 {total} 页"
            ).format(
                number=request.number,
                borrower=request.borrower_name,
                until=until,
                items=len({p.item_number for p in plan.pages}),
                total=plan.total,
            )
        )

    def _default_path(self) -> Path:
        folder = Path(str(QSettings().value(FOLDER_KEY, str(Path.home()))))
        if not folder.is_dir():
            folder = Path.home()
        return folder / f"{safe_component(self.number)}-复制件.pdf"

    def spec(self) -> str | None:
        """The pages asked for: None (every page) when the field is empty."""
        text = self.pages.text().strip()
        return text or None

    def chosen(self) -> list[int] | None:
        """The pages the field names, or None when it names none that exist (the note
        says why)."""
        if self.plan is None:
            return None
        try:
            return copies.parse_pages(self.spec(), self.plan.total, self.number)
        except ArchivistError as exc:
            self.pages_note.setText(exc.message())
            return None

    def _pages_changed(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.pages_note.setText(
                self.tr("将复制 {count} 页：{spec}").format(
                    count=len(chosen), spec=copies.page_spec(chosen)
                )
            )
            self.timer.start()
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.handle is not None
        ready = self.plan is not None and self.chosen() is not None and bool(self.file.text())
        self.make_button.setEnabled(ready and not running)
        self.pages.setEnabled(not running and self.plan is not None)
        self.file.setEnabled(not running)
        self.browse_button.setEnabled(not running)
        self.cancel_button.setVisible(running)

    # -- the preview --------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Render the first chosen page with its watermark, off the UI thread; only the
        newest preview asked for is shown."""
        if self.plan is None or self.chosen() is None:
            return
        self._preview_generation += 1
        generation = self._preview_generation
        archive, number, spec = self.archive, self.number, self.spec()

        def work(_ctx: TaskContext) -> QImage:
            with _WORK_LOCK:
                return _preview(archive, number, spec)

        def done(image: Any) -> None:
            if not self._alive() or generation != self._preview_generation:
                return
            if isinstance(image, QImage):
                self.preview_image = image
                self._show_preview()

        def failed(exc: BaseException, details: str) -> None:
            if self._alive() and generation == self._preview_generation:
                self.preview.setText(errors.describe(exc, details)[0])

        self.runner.submit(self.tr("复制件预览"), work, on_done=done, on_error=failed, quiet=True)

    def _show_preview(self) -> None:
        image = self.preview_image
        if image is None or image.isNull():
            return
        room = self.preview.contentsRect().size()
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                room,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._show_preview()

    # -- making the copy ----------------------------------------------------------------

    def choose_file(self) -> None:
        start = self.file.text() or str(self._default_path())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("保存复制件"), start, self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        chosen = Path(path)
        if chosen.suffix.lower() != ".pdf":
            chosen = chosen.with_name(chosen.name + ".pdf")
        self.file.setText(str(chosen))

    def make(self) -> None:
        """Make the copy on a worker thread, its progress in the bar."""
        if self.handle is not None or self.plan is None or self.chosen() is None:
            return
        archive, number, spec = self.archive, self.number, self.spec()
        out = Path(self.file.text().strip()).expanduser()

        def work(ctx: TaskContext) -> copies.CopyResult:
            with _WORK_LOCK:
                return copies.make_copy(
                    archive, number, out, spec, progress=ctx.progress, cancel=ctx.cancel
                )

        def progressed(done: int, total: int, _what: str) -> None:
            if self._alive() and total:
                self.progress.setRange(0, total)
                self.progress.setValue(min(done, total))

        def done(result: Any) -> None:
            if not self._alive():
                return
            assert isinstance(result, copies.CopyResult)
            self.handle = None
            self.made = result
            self.progress.setValue(self.progress.maximum())
            QSettings().setValue(FOLDER_KEY, str(result.path.parent))
            self.status.setText(
                self.tr("已生成复制件 {file}（{pages} 页，每页带水印）").format(
                    file=result.path, pages=result.pages
                )
            )
            self._update_buttons()

        def failed(exc: BaseException, details: str) -> None:
            if not self._alive():
                if not isinstance(exc, copies.CopyCancelled):
                    errors.show_error(None, exc, details)
                return
            self.handle = None
            self.progress.setVisible(False)
            self._update_buttons()
            if isinstance(exc, copies.CopyCancelled):
                self.status.setText(self.tr("已取消，未生成任何文件"))
                return
            self.status.setText(errors.describe(exc, details)[0])
            errors.show_error(self, exc, details)

        self.made = None
        self.status.setText(self.tr("正在生成复制件…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.handle = self.runner.submit(
            self.tr("生成复制件 {number}").format(number=number),
            work,
            long=True,
            on_done=done,
            on_error=failed,
            on_progress=progressed,
        )
        self._update_buttons()

    def _alive(self) -> bool:
        """False once the dialog is closed (a late answer of a task is dropped)."""
        return Shiboken.isValid(self) and not self._closed

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel.cancel()

    def reject(self) -> None:
        self.cancel()
        self._closed = True
        super().reject()

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("复制 {number}").format(number=self.number))
        self.pages.setPlaceholderText(self.tr("全部页；或如 1-3,5（按申请中档案的顺序连续计页）"))
        self.browse_button.setText(self.tr("浏览…"))
        self.make_button.setText(self.tr("生成复制件"))
        self.cancel_button.setText(self.tr("取消"))
        self.close_button.setText(self.tr("关闭"))
        self.pages_label.setText(self.tr("页码"))
        self.file_label.setText(self.tr("保存到"))
        if self.preview.pixmap().isNull():
            self.preview.setText(self.tr("水印预览"))
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_copy_dialog(parent: QWidget, archive: Archive, number: str) -> None:
    """Open the copy dialog of request `number` over `parent` (window-modal, not
    blocking); the work runs on the window's task runner when it has one."""
    runner = getattr(parent.window(), "runner", None)
    if not isinstance(runner, TaskRunner):
        runner = getattr(parent, "runner", None)
    dialog = CopyDialog(
        archive, runner if isinstance(runner, TaskRunner) else TaskRunner(parent), number, parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
