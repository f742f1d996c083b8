"""到期档案: the due list as of a day (class, year, and the next N years for planning),
grouped by class, year and retention; choosing a group selects its records;
建立鉴定批次… takes the records chosen, or the class and year of the filters, with the
group ticked from the accounts holding the appraiser role."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QWidget,
)

from archivist.accounts.rights import permits
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.disposition import due
from archivist.disposition.appraisers import appraisers
from ui import errors
from ui.disposition.dialogs import NewBatchDialog
from ui.disposition.models import DueGroupsModel, DueRowsModel, day_text
from ui.disposition.page import (
    BATCHES,
    DUE,
    DispositionPage,
    Reader,
    chosen_rows,
    select_rows,
    stack,
    table,
)
from ui.tasks import TaskContext, TaskRunner

MAX_PLANNING_YEARS = due.MAX_WITHIN_YEARS


class DuePage(DispositionPage):
    KEYS = ("new_batch",)

    def __init__(
        self, archive: Archive, runner: TaskRunner, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, parent)
        self.result: due.DueList | None = None
        self.classes: list[tuple[str, str]] = []
        self.as_of = QDateEdit(QDate(day.year, day.month, day.day))
        self.as_of.setObjectName("dueAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda _d: self.read_again.emit())
        self.klass = QComboBox()
        self.klass.setObjectName("dueClass")
        self.klass.setMinimumContentsLength(12)
        self.klass.addItem("", None)
        self.klass.currentIndexChanged.connect(lambda _i: self.read_again.emit())
        self.year = QSpinBox()
        self.year.setObjectName("dueYear")
        self.year.setRange(0, due.LATEST_YEAR)
        self.year.valueChanged.connect(lambda _v: self.read_again.emit())
        self.year.setMinimumWidth(self.fontMetrics().horizontalAdvance("全部年度") + 40)
        self.within = QSpinBox()
        self.within.setObjectName("dueWithin")
        self.within.setRange(0, MAX_PLANNING_YEARS)
        self.within.valueChanged.connect(lambda _v: self.read_again.emit())
        self.within.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 年内") + 40)
        self.due_count = QLabel()
        self.due_count.setObjectName("dueCount")
        self.new_batch_button = QPushButton()
        self.new_batch_button.setObjectName("dueNewBatch")
        self.new_batch_button.clicked.connect(lambda: self.new_batch())
        self.due_labels = [QLabel() for _ in range(4)]
        bar = QHBoxLayout()
        for label, field in zip(
            self.due_labels, (self.as_of, self.klass, self.year, self.within), strict=True
        ):
            bar.addWidget(label)
            bar.addWidget(field)
            bar.addSpacing(8)
        bar.addWidget(self.due_count)
        bar.addStretch(1)
        bar.addWidget(self.new_batch_button)
        self.groups = DueGroupsModel(self)
        self.group_table = table("dueGroups", self.groups, (40, 46, 62, 50, 50))
        self.group_table.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.due_rows = DueRowsModel(self)
        self.due_table = table(
            "dueTable", self.due_rows, (112, 186, 176, 40, 46, 62, 86, 72, 110), many=True
        )
        self.due_table.doubleClicked.connect(lambda i: self.open_item(self.due_rows.row(i.row())))
        self.due_table.selectionModel().selectionChanged.connect(lambda _s, _d: self.show_buttons())
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.addWidget(self.group_table)
        beside.addWidget(self.due_table)
        beside.setStretchFactor(0, 1)
        beside.setStretchFactor(1, 3)
        beside.setSizes([320, 1000])
        beside.setChildrenCollapsible(False)
        self.due_hint = QLabel()
        self.due_hint.setObjectName("dueHint")
        self.due_hint.setWordWrap(True)
        self.due_hint.setStyleSheet("color: #555;")
        stack(self, bar, beside, self.due_hint)

    def as_of_date(self) -> dt.date:
        value = self.as_of.date()
        return dt.date(value.year(), value.month(), value.day())

    def reader(self) -> Reader:
        archive = self.archive
        as_of, code = self.as_of_date(), self.klass.currentData()
        year, within = self.year.value() or None, self.within.value()
        load_classes = not self.classes

        def read_due(_ctx: TaskContext) -> tuple[due.DueList, list[tuple[str, str]]]:
            classes: list[tuple[str, str]] = []
            if load_classes:
                from archivist.access import browse

                classes = [(str(n.scope.class_code), n.label) for n in browse.nav_children(archive)]
            found = due.due_list(
                archive,
                as_of,
                class_code=str(code) if code else None,
                year=year,
                within_years=within,
            )
            return found, classes

        return (
            read_due,
            self._set_due,
            QCoreApplication.translate("DispositionView", "读取到期档案"),
        )

    def _set_due(self, result: Any) -> None:
        found, classes = result
        if classes:
            self.classes = list(classes)
            code = self.klass.currentData()
            self.klass.blockSignals(True)
            for klass, label in self.classes:
                if self.klass.findData(klass) < 0:
                    self.klass.addItem(
                        label if label.startswith(klass) else f"{klass} {label}", klass
                    )
            self.klass.setCurrentIndex(max(0, self.klass.findData(code)) if code else 0)
            self.klass.blockSignals(False)
        self.result = found
        self.groups.set_rows(list(found.groups))
        self.due_rows.set_rows(list(found.rows))
        self.show_buttons()

    def _group_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A group chosen: its records (due now) selected in the list beside it."""
        group = self.groups.row(current.row()) if current.isValid() else None
        if group is None:
            return
        self.due_table.selectionModel().clearSelection()
        rows = [
            row
            for row, item in enumerate(self.due_rows.rows)
            if (item.class_code, item.year, item.retention)
            == (group.class_code, group.year, group.retention)
            and item.due
        ]
        select_rows(self.due_table, rows)
        if rows:
            self.due_table.scrollTo(self.due_rows.index(rows[0], 0))
        self.show_buttons()

    def chosen_due_numbers(self) -> list[str]:
        """The records chosen in the due list that are due now."""
        found = [self.due_rows.row(r) for r in chosen_rows(self.due_table)]
        return [r.number for r in found if r is not None and r.due]

    def why_not(self, key: str) -> str:
        return "" if permits(self.archive.person, Right.APPRAISE) else self.refusal(Right.APPRAISE)

    def show_buttons(self) -> None:
        why = self.why_not("new_batch")
        self.new_batch_button.setEnabled(not why)
        chosen = self.chosen_due_numbers()
        self.new_batch_button.setToolTip(
            why
            or (
                QCoreApplication.translate(
                    "DispositionView", "把所选的 {n} 件到期档案建成一个鉴定批次"
                ).format(n=len(chosen))
                if chosen
                else QCoreApplication.translate(
                    "DispositionView", "按截至日期、类别和年度把到期档案建成一个鉴定批次"
                )
            )
        )

    def new_batch(self, numbers: list[str] | None = None) -> None:
        """建立鉴定批次…: the accounts with the appraiser role are read first."""
        if self.why_not("new_batch"):
            return
        chosen = self.chosen_due_numbers() if numbers is None else numbers
        as_of, code = self.as_of_date(), self.klass.currentData()
        year = self.year.value() or None

        def opened(candidates: Any) -> None:
            dialog = NewBatchDialog(
                self.archive,
                self.runner,
                self,
                candidates=list(candidates),
                as_of=as_of,
                class_code=str(code) if code else None,
                year=year,
                classes=self.classes,
                numbers=chosen,
            )
            dialog.done_with.connect(self._batch_made)
            self.open_dialog(dialog)

        self.runner.submit(
            QCoreApplication.translate("DispositionView", "读取鉴定小组成员"),
            lambda _ctx: appraisers(self.archive),
            on_done=opened,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def _batch_made(self, number: str) -> None:
        self.outdated.emit({DUE})
        self.turn_to.emit(BATCHES)
        self.done.emit(
            BATCHES,
            number,
            QCoreApplication.translate("DispositionView", "已建立鉴定批次 {number}").format(
                number=number
            ),
        )

    def show_count(self) -> None:
        found = self.result
        if self.loading:
            self.due_count.setText(QCoreApplication.translate("DispositionView", "读取中…"))
            return
        if found is None:
            self.due_count.setText("")
            return
        text = QCoreApplication.translate("DispositionView", "已到期 {n} 件").format(
            n=len(found.due_rows)
        )
        if found.until:
            text += QCoreApplication.translate("DispositionView", "，至 {day} 到期 {m} 件").format(
                day=day_text(found.until), m=len(found.planned_rows)
            )
        whole = [v.code for v in found.volumes if v.due]
        if whole:
            text += QCoreApplication.translate("DispositionView", "，其中整卷到期 {v} 卷").format(
                v=len(whole)
            )
            self.due_count.setToolTip("、".join(whole))
        if found.held:
            text += QCoreApplication.translate(
                "DispositionView", "（另有 {h} 件保全中，不列入）"
            ).format(h=found.held)
        self.due_count.setText(text)

    def retranslate(self) -> None:
        for label, text in zip(
            self.due_labels,
            (
                QCoreApplication.translate("DispositionView", "截至"),
                QCoreApplication.translate("DispositionView", "类别"),
                QCoreApplication.translate("DispositionView", "年度"),
                QCoreApplication.translate("DispositionView", "规划"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.klass.setItemText(0, QCoreApplication.translate("DispositionView", "全部类别"))
        self.year.setSpecialValueText(QCoreApplication.translate("DispositionView", "全部年度"))
        self.within.setSpecialValueText(QCoreApplication.translate("DispositionView", "仅已到期"))
        self.within.setSuffix(QCoreApplication.translate("DispositionView", " 年内"))
        self.within.setToolTip(
            QCoreApplication.translate(
                "DispositionView", "同时列出今后若干年内到期的档案，供制定鉴定计划"
            )
        )
        self.new_batch_button.setText(
            QCoreApplication.translate("DispositionView", "建立鉴定批次…")
        )
        self.due_hint.setText(
            QCoreApplication.translate(
                "DispositionView",
                "保管期限从形成年度的次年1月1日起算；保全中的、已在鉴定批次或销毁清册中的档案不列入。"
                "点左侧分组即选中该组已到期的档案；双击一件查看详情。",
            )
        )
        # 件号 whole, a three-letter class too (2019-SYU-000001)
        self.due_table.setColumnWidth(
            0, self.due_table.fontMetrics().horizontalAdvance("0000-SYU-000000") + 16
        )
        self.groups.retranslate()
        self.due_rows.retranslate()
        self.show_count()
        self.show_buttons()
