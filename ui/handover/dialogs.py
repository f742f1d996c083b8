"""The handover view's dialogs: a new batch, volumes added, failed volumes returned,
the batch signed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QDate,
    Qt,
)
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from archivist.archive import Archive
from archivist.arrangement.volumes import VolumeSummary
from archivist.changes.states import HandoverResult
from archivist.handover import handovers
from archivist.handover.handovers import HandoverView as BatchView
from ui.change_dialog import RecordFormDialog
from ui.tasks import TaskRunner
from ui.texts import reasons_text

# -- dialogs -------------------------------------------------------------------------------


class _BatchDialog(RecordFormDialog):
    """What the batch dialogs share (ui.change_dialog.RecordFormDialog): a heading, a
    form, a problem line under it, the core call on the write thread."""

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(archive, runner, parent, problem_name="handoverProblem")


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
