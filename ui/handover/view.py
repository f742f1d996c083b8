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

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.arrangement.volumes import VolumeSummary
from archivist.changes.states import HandoverResult
from archivist.handover import handovers
from archivist.handover.handovers import HandoverSummary
from archivist.handover.handovers import HandoverView as BatchView
from archivist.registers import forms
from ui import errors
from ui.changes_hub import HANDOVER_TABLES, VOLUME_TABLES, ChangesHub
from ui.handover.dialogs import AddVolumesDialog, NewBatchDialog, ReturnDialog, SignDialog
from ui.handover.models import BatchListModel, BatchVolumesModel
from ui.registers_dialog import RegistersDialog
from ui.rows_model import table_look
from ui.tasks import LatestRead, TaskContext, TaskRunner
from ui.texts import batch_status_text

# -- the view ----------------------------------------------------------------------------


class HandoverView(QWidget):
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()  # a batch changed (volumes' states may have too)
    # what it shows and what its changes touch (ui.changes_hub): a volume's state follows
    # its batch
    SHOWS = HANDOVER_TABLES | VOLUME_TABLES
    TOUCHES = HANDOVER_TABLES | VOLUME_TABLES
    hub: ChangesHub | None = None

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverView")
        self.archive = archive
        self.runner = runner
        self.loading = False
        self.checking = False
        self._stale = True
        self._generation = 0
        self._batch_read = LatestRead(self.runner, lambda e, d: errors.show_error(self, e, d))
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
        table_look(self.table, interactive=True)
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
        table_look(self.volume_table, interactive=True)
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
        if number is None:
            self._batch_read.drop()
            self.volumes.set_batch(None)
            self._show_heading()
            return

        def work(_ctx: TaskContext) -> BatchView:
            return handovers.show(self.archive, number)

        def show(view: Any) -> None:
            if isinstance(view, BatchView):
                self.volumes.set_batch(view)
                self._show_heading()

        self._batch_read.read(self.tr("读取交接单"), work, show)

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

    def follow_changes(self, hub: ChangesHub) -> None:
        """Hear from the window's hub when what this view shows was changed elsewhere
        (volumes built or changed, a refresh); say there what this view changes."""
        self.hub = hub
        hub.follow(self, self.SHOWS, self.reload)

    def _done(self, number: str, text: str) -> None:
        self.reload(select=number)
        if self.hub is not None:
            self.hub.announce(self.TOUCHES, source=self)
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
