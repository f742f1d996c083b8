"""工具 → 校验档案库…: the core's `verify` from the window.

It runs on a worker thread (the task runner's long pool) with a progress bar and a
cancel button, reads only, and lists its findings in a table — the kind, what it is
about (the item, file, code or event) and the core's sentence in the interface
language — under a summary line. A clean archive says 未发现问题.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.findings import Finding
from archivist.integrity.verify import VerifyCancelled, VerifyReport, verify
from ui import errors
from ui.tasks import TaskContext, TaskHandle, TaskRunner

# the kind of each finding of `verify`, as the table names it
KINDS: dict[str, object] = {
    "verify.missing": QT_TRANSLATE_NOOP("VerifyDialog", "文件缺失"),
    "verify.changed": QT_TRANSLATE_NOOP("VerifyDialog", "文件被改动"),
    "verify.size_changed": QT_TRANSLATE_NOOP("VerifyDialog", "文件大小不符"),
    "verify.unreadable": QT_TRANSLATE_NOOP("VerifyDialog", "文件无法读取"),
    "verify.orphan": QT_TRANSLATE_NOOP("VerifyDialog", "未登记的文件"),
    "verify.gap": QT_TRANSLATE_NOOP("VerifyDialog", "编号不连续"),
    "verify.duplicate_code": QT_TRANSLATE_NOOP("VerifyDialog", "档号重复"),
    "verify.audit_broken": QT_TRANSLATE_NOOP("VerifyDialog", "审计链断裂"),
    "verify.audit_missing": QT_TRANSLATE_NOOP("VerifyDialog", "缺少审计事件"),
    "verify.linked": QT_TRANSLATE_NOOP("VerifyDialog", "文件是链接或在档案库外"),
    "removal.content_left": QT_TRANSLATE_NOOP("VerifyDialog", "已销毁档案仍有内容"),
    # replay: the rows against the audit trail
    "replay.differs": QT_TRANSLATE_NOOP("VerifyDialog", "记录与审计链不符"),
    "replay.missing_row": QT_TRANSLATE_NOOP("VerifyDialog", "记录缺失"),
    "replay.unexpected_row": QT_TRANSLATE_NOOP("VerifyDialog", "来历不明的记录"),
    "replay.rebaselined": QT_TRANSLATE_NOOP("VerifyDialog", "重设基线"),
    "replay.baseline_due": QT_TRANSLATE_NOOP("VerifyDialog", "尚待写入基线"),
    # anchors: the chain head kept outside the database
    "anchor.truncated": QT_TRANSLATE_NOOP("VerifyDialog", "审计链被截短"),
    "anchor.rewritten": QT_TRANSLATE_NOOP("VerifyDialog", "审计链被改写"),
    "anchor.unanchored": QT_TRANSLATE_NOOP("VerifyDialog", "来历不明的审计事件"),
    "anchor.access_truncated": QT_TRANSLATE_NOOP("VerifyDialog", "访问日志被截短"),
    "anchor.access_rewritten": QT_TRANSLATE_NOOP("VerifyDialog", "访问日志被改写"),
    "anchor.identity": QT_TRANSLATE_NOOP("VerifyDialog", "检查点属于另一档案库"),
    "anchor.missing": QT_TRANSLATE_NOOP("VerifyDialog", "检查点缺失"),
    "anchor.unreadable": QT_TRANSLATE_NOOP("VerifyDialog", "检查点无法读取"),
    "anchor.matches": QT_TRANSLATE_NOOP("VerifyDialog", "纸面链头相符"),
    "verify.index_missing": QT_TRANSLATE_NOOP("VerifyDialog", "检索索引缺档案"),
    "verify.index_orphan": QT_TRANSLATE_NOOP("VerifyDialog", "检索索引多余条目"),
    "verify.index_stale": QT_TRANSLATE_NOOP("VerifyDialog", "检索索引过时"),
    "verify.index_reconciled": QT_TRANSLATE_NOOP("VerifyDialog", "检索索引已补齐"),
    # derived data (archivist rebuild-derived makes it again)
    "derived.ocr_incomplete": QT_TRANSLATE_NOOP("VerifyDialog", "识别文本不全"),
    "derived.ocr_extra": QT_TRANSLATE_NOOP("VerifyDialog", "多余的识别文本"),
    "derived.searchable_missing": QT_TRANSLATE_NOOP("VerifyDialog", "缺少可检索副本"),
    "derived.searchable_stale": QT_TRANSLATE_NOOP("VerifyDialog", "可检索副本过时"),
    "derived.searchable_orphan": QT_TRANSLATE_NOOP("VerifyDialog", "多余的可检索副本"),
    "derived.volume_stale": QT_TRANSLATE_NOOP("VerifyDialog", "案卷 PDF 过时"),
    "derived.volume_orphan": QT_TRANSLATE_NOOP("VerifyDialog", "多余的案卷 PDF"),
}
SEVERITIES: dict[str, object] = {
    "error": QT_TRANSLATE_NOOP("VerifyDialog", "错误"),
    "warning": QT_TRANSLATE_NOOP("VerifyDialog", "警告"),
    "info": QT_TRANSLATE_NOOP("VerifyDialog", "提示"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("VerifyDialog", "类型"),
    QT_TRANSLATE_NOOP("VerifyDialog", "对象"),
    QT_TRANSLATE_NOOP("VerifyDialog", "说明"),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate("VerifyDialog", str(text))


def kind_text(finding: Finding) -> str:
    """The kind of a finding in the interface language (its severity when the kind is
    one this window does not know yet)."""
    known = KINDS.get(finding.code)
    if known is not None:
        return _tr(known)
    return _tr(SEVERITIES.get(finding.severity, SEVERITIES["error"]))


def what_text(finding: Finding) -> str:
    """What the finding is about: the item, the file, the code, the numbering or event."""
    params = finding.params
    parts: list[str] = []
    if finding.item:
        parts.append(str(finding.item))
    for key in ("file", "code", "item", "number", "numbers", "label"):
        value = params.get(key)
        if value is not None and str(value) not in parts:
            parts.append(str(value))
    if not parts and "klass" in params and "year" in params:
        parts.append(f"{params['klass']} {params['year']}")
    if not parts and "seq" in params:
        parts.append(
            QCoreApplication.translate("VerifyDialog", "审计事件 {seq}").format(seq=params["seq"])
        )
    return "　".join(parts)


class VerifyDialog(QDialog):
    finished_run = Signal(object)  # the VerifyReport, or None when cancelled or failed

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.archive = archive
        self.runner = runner
        self.handle: TaskHandle | None = None
        self.running = False
        self.cancelled = False
        self.report: VerifyReport | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("verifyProgress")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.current = QLabel()
        self.current.setObjectName("verifyCurrent")
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("verifySummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("verifyFindings")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 260)
        self.start_button = QPushButton()
        self.start_button.setObjectName("verifyStart")
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("verifyCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.current, 1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 520)
        self.retranslate()

    # -- running ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        self.running = True
        self.cancelled = False
        self.report = None
        self.table.setRowCount(0)
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.current.setText("")
        archive = self.archive

        def work(ctx: TaskContext) -> VerifyReport:
            return verify(archive, progress=ctx.progress, cancel=ctx.cancel)

        def progressed(done: int, total: int, what: str) -> None:
            if total:
                self.bar.setRange(0, total)
                self.bar.setValue(min(done, total))
            if what == "replay":  # the trail replayed against the records
                what = self.tr("重放审计链：第 {done} / {total} 条事件").format(
                    done=done, total=total
                )
            self.current.setText(what)

        def done(report: Any) -> None:
            self.running = False
            self.report = report if isinstance(report, VerifyReport) else None
            self._show()
            self.finished_run.emit(self.report)

        def failed(exc: BaseException, details: str) -> None:
            self.running = False
            if isinstance(exc, VerifyCancelled):
                self.cancelled = True
            self._show()
            if not isinstance(exc, VerifyCancelled):
                errors.show_error(self, exc, details)
            self.finished_run.emit(None)

        self._show()
        self.handle = self.runner.submit(
            self.tr("校验档案库"),
            work,
            long=True,
            on_done=done,
            on_error=failed,
            on_progress=progressed,
        )

    def cancel(self) -> None:
        if self.running and self.handle is not None:
            self.handle.cancel.cancel()
            self.summary.setText(self.tr("正在取消…"))
            self.cancel_button.setEnabled(False)

    # -- showing ---------------------------------------------------------------------------
    def _show(self) -> None:
        self.start_button.setEnabled(not self.running)
        self.cancel_button.setEnabled(self.running)
        report = self.report
        if self.running:
            self.summary.setText(self.tr("正在校验…"))
            self.summary.setStyleSheet("")
            return
        if report is None:
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            self.summary.setText(
                self.tr("已取消校验，未得出结论") if self.cancelled else self.tr("尚未校验")
            )
            self.summary.setStyleSheet("")
            return
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.current.setText("")
        counts = self.tr("校验 {files} 个文件、{events} 条审计事件，用时 {seconds:.1f} 秒").format(
            files=report.files_checked, events=report.events_checked, seconds=report.seconds
        )
        findings = report.findings
        problems = [f for f in findings if f.severity in ("error", "warning")]
        if not problems:  # notes (severity info) are listed, but are no problem
            self.summary.setText(self.tr("未发现问题（{counts}）").format(counts=counts))
            self.summary.setStyleSheet("color: #1d6b2a;")
        else:
            errors_found = sum(f.severity == "error" for f in problems)
            self.summary.setText(
                self.tr("发现 {n} 个问题，其中错误 {errors} 个（{counts}）").format(
                    n=len(problems), errors=errors_found, counts=counts
                )
            )
            self.summary.setStyleSheet("color: #a11d1d;" if errors_found else "")
        self._fill(findings)

    def _fill(self, findings: list[Finding]) -> None:
        self.table.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            message = finding.message()
            for col, text in enumerate((kind_text(finding), what_text(finding), message)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)

    def rows(self) -> list[list[str]]:
        return [
            [
                cell.text() if (cell := self.table.item(r, c)) is not None else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]

    # -- closing and language --------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()  # a run still going is stopped; it only read
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel()
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("校验档案库"))
        self.heading.setText(
            self.tr(
                "重新计算每个文件的 SHA-256，查出缺失、被改动和未登记的文件，检查编号是否连续、档号是否重复、"
                "审计记录是否完整。只读取，不修改档案库。"
            )
        )
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.start_button.setText(self.tr("重新校验"))
        self.cancel_button.setText(self.tr("取消"))
        self.close_button.setText(self.tr("关闭"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
