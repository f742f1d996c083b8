"""The handover view (交接): batches of volumes handed from a business department to the
archive (`archivist.handover.handovers`).

- 新建交接单…: 移交部门, 移交人, 接收部门 (default from the archive's setting);
- 加入案卷…: volumes being filed (整理中) are ticked into the batch;
- 质量检查: the check runs on the write thread; each volume shows 合格 or 不合格 with
  its reasons in the interface language;
- 退回不合格案卷…: the failed volumes go back to the department, with a reason;
- 签收…: 移交人, 接收人, 日期; the core refuses while a volume has not passed, and its
  sentence comes up in the error dialog;
- 打印交接单…: the registers dialog with the 归档交接单 of the batch chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.arrangement.volumes import VolumeSummary
from archivist.changes.states import HandoverResult, HandoverState
from archivist.errors import ArchivistError
from archivist.handover import handovers
from archivist.handover.handovers import HandoverRow, HandoverSummary, Reason
from archivist.handover.handovers import HandoverView as BatchView
from archivist.registers import forms
from ui import errors
from ui.registers_dialog import RegistersDialog
from ui.tasks import TaskContext, TaskRunner

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PASS_COLOUR = QColor("#1b6e2a")
FAIL_COLOUR = QColor("#a11d1d")
MUTED_COLOUR = QColor("#777777")


def batch_status_text(status: str) -> str:
    texts: dict[str, str] = {
        HandoverState.DRAFT: QCoreApplication.translate("HandoverView", "待检查"),
        HandoverState.CHECKED: QCoreApplication.translate("HandoverView", "已检查"),
        HandoverState.SIGNED: QCoreApplication.translate("HandoverView", "已签收"),
    }
    return texts.get(status, status)


def result_text(result: str | None) -> str:
    texts: dict[str, str] = {
        HandoverResult.PASS: QCoreApplication.translate("HandoverView", "合格"),
        HandoverResult.FAIL: QCoreApplication.translate("HandoverView", "不合格"),
        HandoverResult.RETURNED: QCoreApplication.translate("HandoverView", "已退回"),
    }
    return texts.get(result or "", QCoreApplication.translate("HandoverView", "未检查"))


def reasons_text(reasons: Sequence[Reason]) -> str:
    """The check's reasons in the interface language (the core renders them)."""
    return "；".join(r.text() for r in reasons)


# -- models ------------------------------------------------------------------------------

BATCH_COLUMNS: list[tuple[str, object]] = [
    ("number", QT_TRANSLATE_NOOP("BatchListModel", "交接单号")),
    ("from_department", QT_TRANSLATE_NOOP("BatchListModel", "移交部门")),
    ("to_department", QT_TRANSLATE_NOOP("BatchListModel", "接收部门")),
    ("status", QT_TRANSLATE_NOOP("BatchListModel", "状态")),
    ("volumes", QT_TRANSLATE_NOOP("BatchListModel", "卷数")),
    ("checked", QT_TRANSLATE_NOOP("BatchListModel", "检查结果")),
    ("signed_on", QT_TRANSLATE_NOOP("BatchListModel", "签收日期")),
]
ENTRY_COLUMNS: list[tuple[str, object]] = [
    ("seq", QT_TRANSLATE_NOOP("BatchVolumesModel", "序号")),
    ("code", QT_TRANSLATE_NOOP("BatchVolumesModel", "档号")),
    ("title", QT_TRANSLATE_NOOP("BatchVolumesModel", "案卷题名")),
    ("items", QT_TRANSLATE_NOOP("BatchVolumesModel", "件数")),
    ("pages", QT_TRANSLATE_NOOP("BatchVolumesModel", "页数")),
    ("result", QT_TRANSLATE_NOOP("BatchVolumesModel", "质量检查")),
    ("reasons", QT_TRANSLATE_NOOP("BatchVolumesModel", "原因")),
]


class BatchListModel(QAbstractTableModel):
    """The batches (as `handover.list_batches` gives them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[HandoverSummary] = []

    def set_rows(self, rows: list[HandoverSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def batch(self, row: int) -> HandoverSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, number: str) -> int | None:
        return next((r for r, b in enumerate(self.rows) if b.number == number), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BATCH_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(BATCH_COLUMNS[section][1]))
        return None

    def checked_text(self, batch: HandoverSummary) -> str:
        parts = []
        if batch.passed:
            parts.append(self.tr("{n} 合格").format(n=batch.passed))
        if batch.failed:
            parts.append(self.tr("{n} 不合格").format(n=batch.failed))
        if batch.unchecked:
            parts.append(self.tr("{n} 未检查").format(n=batch.unchecked))
        if batch.returned:
            parts.append(self.tr("{n} 已退回").format(n=batch.returned))
        return "　".join(parts)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        batch = self.batch(index.row()) if index.isValid() else None
        if batch is None:
            return None
        key = BATCH_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT) if key == "volumes" else None
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return PASS_COLOUR if batch.status == HandoverState.SIGNED else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = {
            "number": batch.number,
            "from_department": batch.from_department,
            "to_department": batch.to_department,
            "status": batch_status_text(batch.status),
            "volumes": str(batch.volumes),
            "checked": self.checked_text(batch),
            "signed_on": batch.signed_on or "",
        }
        return values[key]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(BATCH_COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(BATCH_COLUMNS) - 1)
            )


class BatchVolumesModel(QAbstractTableModel):
    """The volumes of one batch (`handover.show`): those still in it, then the ones
    returned (greyed, without a 序号)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: BatchView | None = None
        self.entries: list[HandoverRow] = []

    def set_batch(self, view: BatchView | None) -> None:
        self.beginResetModel()
        self.view = view
        self.entries = [*view.rows, *view.returned] if view else []
        self.endResetModel()

    def entry(self, row: int) -> HandoverRow | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ENTRY_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(ENTRY_COLUMNS[section][1]))
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        key = ENTRY_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT) if key in ("seq", "items", "pages") else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.result == HandoverResult.RETURNED:
                return MUTED_COLOUR
            if key == "result" and entry.result == HandoverResult.PASS:
                return PASS_COLOUR
            if key in ("result", "reasons") and entry.result == HandoverResult.FAIL:
                return FAIL_COLOUR
            return None
        if role == Qt.ItemDataRole.ToolTipRole and key == "reasons":
            return "\n".join(r.text() for r in entry.reasons) or None
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return entry.title
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            "seq": "" if entry.seq is None else str(entry.seq),
            "code": entry.code,
            "title": entry.title,
            "items": str(entry.items),
            "pages": str(entry.pages),
            "result": result_text(entry.result),
            "reasons": reasons_text(entry.reasons),
        }
        return values[key]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ENTRY_COLUMNS) - 1)
        if self.entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.entries) - 1, len(ENTRY_COLUMNS) - 1)
            )


# -- the view ----------------------------------------------------------------------------


class HandoverView(QWidget):
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()  # a batch changed (volumes' states may have too)

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverView")
        self.archive = archive
        self.runner = runner
        self.loading = False
        self.checking = False
        self._stale = True
        self._generation = 0
        self._batch_generation = 0
        self._wanted: str | None = None
        self.current_number: str | None = None
        self.dialog: QDialog | None = None

        self.new_button = QPushButton()
        self.new_button.setObjectName("handoverNew")
        self.new_button.clicked.connect(self.new_batch)
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.new_button)

        self.model = BatchListModel(self)
        self.table = QTableView()
        self.table.setObjectName("handoverTable")
        self.table.setModel(self.model)
        self._table_look(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((130, 200, 160, 80, 72, 260, 100)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._batch_chosen)

        self.heading = QLabel()
        self.heading.setObjectName("handoverHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = QLabel()
        self.facts.setObjectName("handoverFacts")
        self.facts.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, slot in (
            ("add", self.add_volumes),
            ("check", self.run_check),
            ("return", self.return_failed),
            ("sign", self.sign),
            ("print", self.print_record),
        ):
            button = QPushButton()
            button.setObjectName(f"handover_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.volumes = BatchVolumesModel(self)
        self.volume_table = QTableView()
        self.volume_table.setObjectName("handoverVolumes")
        self.volume_table.setModel(self.volumes)
        self._table_look(self.volume_table)
        for column, width in enumerate((48, 120, 300, 56, 56, 104)):
            self.volume_table.setColumnWidth(column, width)
        self.volume_table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel()
        self.hint.setObjectName("handoverHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        top = QWidget()
        tlayout = QVBoxLayout(top)
        tlayout.setContentsMargins(0, 0, 0, 0)
        tlayout.addLayout(bar)
        tlayout.addWidget(self.table, 1)
        bottom = QWidget()
        blayout = QVBoxLayout(bottom)
        blayout.setContentsMargins(0, 4, 0, 0)
        blayout.addWidget(self.heading)
        blayout.addWidget(self.facts)
        blayout.addLayout(actions)
        blayout.addWidget(self.volume_table, 1)
        blayout.addWidget(self.hint)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(bottom)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.split)
        self.retranslate()

    def _table_look(self, table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    # -- loading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the batches again (on a worker thread), keeping or choosing one."""
        if select:
            self._wanted = select
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.loading = True
        self._show_count()

        def work(_ctx: TaskContext) -> list[HandoverSummary]:
            return handovers.list_batches(self.archive)

        def done(rows: Any) -> None:
            if generation == self._generation:
                self.loading = False
                self._set_rows(list(rows))

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._generation:
                self.loading = False
                self._show_count()
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取交接单"), work, on_done=done, on_error=failed, quiet=True)

    def _set_rows(self, rows: list[HandoverSummary]) -> None:
        wanted, self._wanted = self._wanted, None
        keep = wanted or self.current_number
        self.model.set_rows(rows)
        self._show_count()
        row = self.model.row_of(keep) if keep else None
        if row is None and rows:
            row = len(rows) - 1  # the latest batch
        if row is None:
            self._show_batch(None)
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _show_count(self) -> None:
        if self.loading:
            self.count_label.setText(self.tr("读取中…"))
        else:
            self.count_label.setText(self.tr("{n} 份交接单").format(n=self.model.rowCount()))

    def _batch_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        batch = self.model.batch(current.row()) if current.isValid() else None
        self._show_batch(batch.number if batch else None)

    def _show_batch(self, number: str | None) -> None:
        self.current_number = number
        self._batch_generation += 1
        generation = self._batch_generation
        if number is None:
            self.volumes.set_batch(None)
            self._show_heading()
            return

        def work(_ctx: TaskContext) -> BatchView:
            return handovers.show(self.archive, number)

        def done(view: Any) -> None:
            if generation == self._batch_generation and isinstance(view, BatchView):
                self.volumes.set_batch(view)
                self._show_heading()

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._batch_generation:
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取交接单"), work, on_done=done, on_error=failed, quiet=True)

    def current_batch(self) -> BatchView | None:
        return self.volumes.view

    def _show_heading(self) -> None:
        view = self.current_batch()
        open_ = view is not None and not view.signed
        rows = view.rows if view else ()
        failed = [r for r in rows if r.result == HandoverResult.FAIL]
        self.buttons["add"].setEnabled(open_ and not self.checking)
        self.buttons["check"].setEnabled(open_ and bool(rows) and not self.checking)
        self.buttons["return"].setEnabled(open_ and bool(failed) and not self.checking)
        self.buttons["sign"].setEnabled(open_ and bool(rows) and not self.checking)
        self.buttons["print"].setEnabled(view is not None and bool(rows))
        if view is None:
            self.heading.setText(
                self.tr("没有交接单：点“新建交接单…”开始一次归档移交")
                if not self.model.rowCount() and not self.loading
                else self.tr("未选交接单")
            )
            self.facts.setText("")
            return
        self.heading.setText(
            self.tr("{number}　{source} → {target}　{status}").format(
                number=view.number,
                source=view.from_department,
                target=view.to_department,
                status=batch_status_text(view.status),
            )
        )
        totals = view.totals
        facts = self.tr("移交人 {giver}　共 {volumes} 卷 {items} 件 {pages} 页").format(
            giver=view.handed_by or "—",
            volumes=totals.volumes,
            items=totals.items,
            pages=totals.pages,
        )
        if view.signed:
            facts += self.tr("　接收人 {receiver}　{day} 签收").format(
                receiver=view.received_by or "", day=view.signed_on or ""
            )
        if view.returned:
            facts += self.tr("　已退回 {n} 卷").format(n=len(view.returned))
        if self.checking:
            facts += self.tr("　正在质量检查…")
        self.facts.setText(facts)

    # -- commands ------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        dialog.open()
        self.dialog = dialog

    def _done(self, number: str, text: str) -> None:
        self.reload(select=number)
        self.changed.emit()
        self.message.emit(text)

    def new_batch(self) -> None:
        dialog = NewBatchDialog(self.archive, self.runner, self)
        dialog.done_with.connect(
            lambda number: self._done(
                number, self.tr("已新建交接单 {number}").format(number=number)
            )
        )
        self._open(dialog)

    def add_volumes(self) -> None:
        """加入案卷…: the volumes being filed (read first)."""
        view = self.current_batch()
        if view is None:
            return
        inside = {r.code for r in view.rows}

        def work(_ctx: TaskContext) -> list[VolumeSummary]:
            # still changing (being filed, or returned and fixed): not handed over or dissolved
            return [
                v for v in volumes.list_volumes(self.archive) if v.editable and v.code not in inside
            ]

        def done(candidates: Any) -> None:
            dialog = AddVolumesDialog(self.archive, self.runner, view, list(candidates), self)
            dialog.done_with.connect(
                lambda number: self._done(
                    number,
                    self.tr("已将 {n} 卷加入 {number}").format(
                        n=len(dialog.chosen()), number=number
                    ),
                )
            )
            self._open(dialog)

        self.runner.submit(
            self.tr("读取案卷"),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def run_check(self) -> None:
        """质量检查 of every volume still in the batch (the write thread: results stored)."""
        view = self.current_batch()
        if view is None or self.checking:
            return
        number = view.number
        self.checking = True
        self._show_heading()

        def work(_ctx: TaskContext) -> handovers.CheckReport:
            return handovers.check(self.archive, number)

        def done(result: Any) -> None:
            self.checking = False
            text = (
                self.tr("{number} 质量检查：{n} 卷全部合格").format(number=number, n=result.passed)
                if result.ok
                else self.tr("{number} 质量检查：{passed} 卷合格，{failed} 卷不合格").format(
                    number=number, passed=result.passed, failed=result.failed
                )
            )
            self._done(number, text)

        def failed(exc: BaseException, details: str) -> None:
            self.checking = False
            self._show_heading()
            errors.show_error(self, exc, details)

        self.runner.submit(
            self.tr("质量检查 {number}").format(number=number),
            work,
            write=True,
            on_done=done,
            on_error=failed,
        )

    def return_failed(self) -> None:
        view = self.current_batch()
        if view is None:
            return
        dialog = ReturnDialog(self.archive, self.runner, view, self)
        dialog.done_with.connect(
            lambda number: self._done(
                number,
                self.tr("已退回 {n} 卷不合格案卷").format(n=len(dialog.failed)),
            )
        )
        self._open(dialog)

    def sign(self) -> None:
        view = self.current_batch()
        if view is None:
            return
        people = sorted(
            {
                str(name)
                for batch in self.model.rows
                for name in (batch.received_by, batch.handed_by)
                if name
            }
        )
        dialog = SignDialog(self.archive, self.runner, view, self, people=people)
        dialog.done_with.connect(
            lambda number: self._done(number, self.tr("{number} 已签收").format(number=number))
        )
        self._open(dialog)

    def print_record(self) -> RegistersDialog | None:
        """打印交接单…: the registers dialog with the batch's 归档交接单."""
        view = self.current_batch()
        if view is None:
            return None
        dialog = RegistersDialog(
            self.archive,
            self.runner,
            self,
            kind="handover",
            selection=forms.Selection(handover=view.number),
        )
        self._open(dialog)
        return dialog

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.new_button.setText(self.tr("新建交接单…"))
        for key, text in (
            ("add", self.tr("加入案卷…")),
            ("check", self.tr("质量检查")),
            ("return", self.tr("退回不合格案卷…")),
            ("sign", self.tr("签收…")),
            ("print", self.tr("打印交接单…")),
        ):
            self.buttons[key].setText(text)
        self.buttons["check"].setToolTip(
            self.tr(
                "逐卷检查：材料齐全、排列有序、顺序号和页号连续、页数相符、已生成卷内文件目录和案卷封面"
            )
        )
        self.hint.setText(
            self.tr(
                "流程：新建交接单 → 加入案卷 → 质量检查 → 退回不合格案卷（填写理由）→ 双方签收。"
                "签收后案卷为“已移交”，不能再修改；每一步都记入审计记录。"
            )
        )
        self.model.retranslate()
        self.volumes.retranslate()
        self._show_count()
        self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- dialogs -------------------------------------------------------------------------------


class _BatchDialog(QDialog):
    """What the batch dialogs share: a heading, a form, a problem line under it, save
    through the runner (the core call on the write thread). What is missing and the
    core's refusal are said on the problem line, the field concerned marked; the dialog
    stays open with what was typed. Only an internal error comes up in the error dialog."""

    done_with = Signal(str)  # the batch to show afterwards

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.busy = False
        self.refusal = ""  # the core's last refusal, until something is changed
        self.marked: QWidget | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.problem = QLabel()
        self.problem.setObjectName("handoverProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _row(self, key: str, field: QWidget) -> None:
        label = QLabel()
        self.labels[key] = label
        self.form.addRow(label, field)

    def _line(self, name: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.textChanged.connect(lambda _t: self.typed())
        return edit

    def typed(self) -> None:
        self.refusal = ""
        self.check()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def problem_text(self) -> str:
        return ""

    def problem_field(self) -> QWidget | None:
        """The field the problem (or the refusal) is about, marked in the form."""
        return None

    def check(self) -> None:
        problem = self.problem_text()
        shown = problem or self.refusal
        self.problem.setText(shown)
        self.problem.setVisible(bool(shown))
        field = self.problem_field() if shown else None
        if field is not self.marked:
            if self.marked is not None:
                self.marked.setStyleSheet("")
            if field is not None and self.refusal:  # what is missing is said, not marked
                field.setStyleSheet("border: 1px solid #a11d1d;")
                self.marked = field
            else:
                self.marked = None
        self.ok_button.setEnabled(not problem and not self.busy)

    def refused(self, message: str) -> None:
        self.refusal = message
        self.check()

    def run(self) -> str:
        """The core call (on a worker thread); the batch to show afterwards."""
        raise NotImplementedError

    def save(self) -> None:
        if self.problem_text() or self.busy:
            return
        self.busy = True
        self.check()

        def work(_ctx: TaskContext) -> str:
            return self.run()

        def done(number: object) -> None:
            self.busy = False
            self.done_with.emit(str(number))
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            if isinstance(exc, ArchivistError):
                self.refused(exc.message())
                return
            self.check()
            errors.show_error(self, exc, details)

        self.runner.submit(self.windowTitle(), work, write=True, on_done=done, on_error=failed)

    def retranslate_common(self, ok: str) -> None:
        self.ok_button.setText(ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("取消"))
        self.check()

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class NewBatchDialog(_BatchDialog):
    """新建交接单: 移交部门, 移交人, 接收部门 (the archive's setting by default)."""

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("newBatchDialog")
        self.source = self._line("batchFrom")
        self.giver = self._line("batchHandedBy")
        self.target = self._line("batchTo", handovers.default_to_department(archive))
        self._row("from", self.source)
        self._row("by", self.giver)
        self._row("to", self.target)
        self.retranslate()

    def problem_text(self) -> str:
        if not self.source.text().strip():
            return self.tr("请填写移交部门")
        if not self.giver.text().strip():
            return self.tr("请填写移交人")
        return ""

    def run(self) -> str:
        made = handovers.create(
            self.archive,
            self.source.text().strip(),
            self.giver.text().strip(),
            self.target.text().strip() or None,
        )
        return made.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("新建交接单"))
        self.heading.setText(
            self.tr("交接单号自动编排（JJ-年度-流水号）；新建后加入要移交的案卷，再做质量检查。")
        )
        for key, text in (
            ("from", self.tr("移交部门")),
            ("by", self.tr("移交人")),
            ("to", self.tr("接收部门")),
        ):
            self.labels[key].setText(text)
        self.source.setPlaceholderText(self.tr("例如：失业保险科"))
        self.retranslate_common(self.tr("新建"))


NUMBER_ROLE = Qt.ItemDataRole.UserRole


class AddVolumesDialog(_BatchDialog):
    """加入案卷: tick volumes being filed (or returned and fixed) into the batch."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        view: BatchView,
        candidates: list[VolumeSummary],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("addVolumesDialog")
        self.number = view.number
        self.list = QListWidget()
        self.list.setObjectName("handoverCandidates")
        self.list.setMinimumHeight(260)
        for volume in candidates:
            item = QListWidgetItem(
                f"{volume.code}　{volume.title}　"
                + self.tr("{items} 件 {pages} 页").format(items=volume.items, pages=volume.pages)
            )
            item.setData(NUMBER_ROLE, volume.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _i: self.check())
        self._row("batch", QLabel(self.number))
        self._row("volumes", self.list)
        self.setMinimumWidth(720)
        self.retranslate()

    def candidates(self) -> list[QListWidgetItem]:
        return [i for i in (self.list.item(r) for r in range(self.list.count())) if i is not None]

    def tick(self, code: str, checked: bool = True) -> None:
        for item in self.candidates():
            if item.data(NUMBER_ROLE) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            str(i.data(NUMBER_ROLE))
            for i in self.candidates()
            if i.checkState() == Qt.CheckState.Checked
        ]

    def problem_text(self) -> str:
        if not self.list.count():
            return self.tr("没有可以移交的案卷（整理中的案卷才能加入交接单）")
        if not self.chosen():
            return self.tr("请勾选要加入的案卷")
        return ""

    def run(self) -> str:
        handovers.add_volumes(self.archive, self.number, self.chosen())
        return self.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("加入案卷"))
        self.heading.setText(
            self.tr("整理中的案卷（含退回后已修正的）；已在其他未签收交接单中的案卷不能重复加入。")
        )
        self.labels["batch"].setText(self.tr("交接单号"))
        self.labels["volumes"].setText(self.tr("案卷"))
        self.retranslate_common(self.tr("加入"))


class ReturnDialog(_BatchDialog):
    """退回不合格案卷: the failed volumes go back to the department, with a reason."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        view: BatchView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("returnDialog")
        self.number = view.number
        self.failed = [r for r in view.rows if r.result == HandoverResult.FAIL]
        lines = [f"{r.code}　{r.title}\n　　{reasons_text(r.reasons)}" for r in self.failed]
        listing = QLabel("\n".join(lines))
        listing.setObjectName("returnVolumes")
        listing.setWordWrap(True)
        listing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        listing.setStyleSheet("color: #a11d1d;")
        self.reason = self._line("returnReason")
        self._row("volumes", listing)
        self._row("reason", self.reason)
        self.setMinimumWidth(720)
        self.retranslate()

    def problem_text(self) -> str:
        if not self.failed:
            return self.tr("没有不合格的案卷")
        if not self.reason.text().strip():
            return self.tr("请填写理由")
        return ""

    def problem_field(self) -> QWidget | None:
        return self.reason

    def run(self) -> str:
        handovers.return_failed(
            self.archive,
            self.number,
            self.reason.text().strip(),
            [r.code for r in self.failed],
        )
        return self.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("退回不合格案卷"))
        self.heading.setText(
            self.tr("以下 {n} 卷质量检查不合格，退回移交部门修正；修正后可加入新的交接单。").format(
                n=len(self.failed)
            )
        )
        self.labels["volumes"].setText(self.tr("不合格案卷"))
        self.labels["reason"].setText(self.tr("理由"))
        self.reason.setPlaceholderText(self.tr("必须填写（记入审计记录）"))
        self.retranslate_common(self.tr("退回"))


class SignDialog(_BatchDialog):
    """签收: both sides sign; the core refuses while a volume has not passed."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        view: BatchView,
        parent: QWidget | None = None,
        people: list[str] | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("signDialog")
        self.view = view
        self.number = view.number
        self.giver = self._line("signHandedBy", str(view.handed_by or ""))
        # the person who receives, typed or chosen from those who signed before; never
        # the computer's login name
        self.receiver = self._line("signReceivedBy")
        self.people = list(people or [])
        completer = QCompleter(self.people, self.receiver)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.receiver.setCompleter(completer)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("signDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self._row(
            "batch",
            QLabel(f"{view.number}　{view.from_department} → {view.to_department}"),
        )
        self._row("by", self.giver)
        self._row("receiver", self.receiver)
        self._row("day", self.day)
        self.retranslate()

    def problem_text(self) -> str:
        if not self.giver.text().strip():
            return self.tr("请填写移交人")
        if not self.receiver.text().strip():
            return self.tr("请填写接收人")
        return ""

    def problem_field(self) -> QWidget | None:
        if not self.giver.text().strip():
            return self.giver
        if not self.receiver.text().strip() or self.refusal:
            return self.receiver
        return None

    def confirmation(self) -> str:
        """What the person confirms: the batch, its counts, who receives and when."""
        totals = self.view.totals
        return self.tr(
            "签收交接单 {number}（{source} → {target}）：\n"
            "共 {volumes} 卷 {items} 件 {pages} 页；移交人 {giver}，接收人 {receiver}，日期 {day}。\n\n"
            "签收后这些案卷为“已移交”，不能再修改。确定签收？"
        ).format(
            number=self.number,
            source=self.view.from_department,
            target=self.view.to_department,
            volumes=totals.volumes,
            items=totals.items,
            pages=totals.pages,
            giver=self.giver.text().strip(),
            receiver=self.receiver.text().strip(),
            day=self.on_date().isoformat(),
        )

    def save(self) -> None:
        if self.problem_text() or self.busy:
            return
        answer = QMessageBox.question(
            self,
            self.tr("确认签收"),
            self.confirmation(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return  # back to the dialog, nothing signed
        super().save()

    def on_date(self) -> dt.date:
        value = self.day.date()
        return dt.date(value.year(), value.month(), value.day())

    def run(self) -> str:
        handovers.sign(
            self.archive,
            self.number,
            self.receiver.text().strip(),
            handed_by=self.giver.text().strip(),
            on_date=self.on_date(),
        )
        return self.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("签收"))
        self.heading.setText(
            self.tr(
                "交接单中的案卷须全部质量检查合格、检查后未再修改，才能签收；签收后案卷为“已移交”。"
            )
        )
        for key, text in (
            ("batch", self.tr("交接单")),
            ("by", self.tr("移交人")),
            ("receiver", self.tr("接收人")),
            ("day", self.tr("日期")),
        ):
            self.labels[key].setText(text)
        self.receiver.setPlaceholderText(self.tr("签收人的姓名"))
        self.retranslate_common(self.tr("签收"))
