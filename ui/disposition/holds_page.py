"""保全: every hold (the 保全登记簿), filtered by state; 设置保全… and 解除保全…."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from archivist.accounts import directory
from archivist.accounts.rights import permits
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes.states import HoldState
from archivist.disposition import holds
from archivist.disposition.holds import HoldView
from ui.disposition.dialogs import LiftHoldDialog, PlaceHoldDialog
from ui.disposition.models import HoldListModel
from ui.disposition.page import BATCHES, DUE, HOLDS, DispositionPage, Reader, stack, table
from ui.tasks import TaskContext, TaskRunner

HOLD_STATES = (None, HoldState.PLACED, HoldState.LIFTED)


class HoldsPage(DispositionPage):
    KEYS = ("place_hold", "lift_hold", "holds_docx")

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(archive, runner, parent)
        self.hold_filter = QComboBox()
        self.hold_filter.setObjectName("holdFilter")
        for state in HOLD_STATES:
            self.hold_filter.addItem("", state.value if state else "")
        self.hold_filter.currentIndexChanged.connect(lambda _i: self.read_again.emit())
        self.hold_filter_label = QLabel()
        self.hold_count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.hold_filter_label)
        bar.addWidget(self.hold_filter)
        bar.addWidget(self.hold_count)
        bar.addStretch(1)
        bar.addWidget(self._button("place_hold", lambda: self.place_hold()))
        bar.addWidget(self._button("lift_hold", lambda: self.lift_hold()))
        bar.addSpacing(16)
        bar.addWidget(self._button("holds_docx", lambda: self.document.emit("holds")))
        self.hold_rows = HoldListModel(self)
        self.hold_table = table("holdTable", self.hold_rows, (110, 190, 110, 260, 64, 190))
        self.hold_table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self.show_buttons()
        )
        stack(self, bar, self.hold_table)

    def reader(self) -> Reader:
        archive = self.archive
        state = self.hold_filter.currentData()

        def read_holds(_ctx: TaskContext) -> list[HoldView]:
            names = directory.display_names(archive)
            return [
                replace(
                    h,
                    placed_by=names.get(h.placed_by, h.placed_by),
                    lifted_by=names.get(h.lifted_by, h.lifted_by) if h.lifted_by else None,
                )
                for h in holds.list_holds(archive, state=str(state) if state else None)
            ]

        return (
            read_holds,
            self._set_holds,
            QCoreApplication.translate("DispositionView", "读取保全"),
        )

    def _set_holds(self, rows: Any) -> None:
        current = self.current_hold()
        self.refill(
            self.hold_rows, self.hold_table, list(rows), current.number if current else None
        )
        self.show_buttons()

    def current_hold(self) -> HoldView | None:
        index = self.hold_table.selectionModel().currentIndex()
        found: HoldView | None = self.hold_rows.row(index.row()) if index.isValid() else None
        return found

    def why_not(self, key: str) -> str:
        if key == "holds_docx":
            return ""
        if not permits(self.archive.person, Right.HOLD):
            return self.refusal(Right.HOLD)
        if key == "lift_hold":
            hold = self.current_hold()
            if hold is None:
                return QCoreApplication.translate("DispositionView", "未选保全")
            if hold.state != HoldState.PLACED:
                return QCoreApplication.translate("DispositionView", "保全 {number} 已解除").format(
                    number=hold.number
                )
        return ""

    def place_hold(
        self, items: list[str] | None = None, volume: str | None = None
    ) -> PlaceHoldDialog | None:
        """设置保全…: on the items or the volume given."""
        if self.why_not("place_hold"):
            return None
        dialog = PlaceHoldDialog(self.archive, self.runner, self, items=items or [], volume=volume)
        dialog.done_with.connect(
            lambda number: self._hold_changed(
                number, QCoreApplication.translate("DispositionView", "已设置保全 {number}")
            )
        )
        self.open_dialog(dialog)
        return dialog

    def lift_hold(self) -> LiftHoldDialog | None:
        hold = self.current_hold()
        if hold is None or self.why_not("lift_hold"):
            return None
        dialog = LiftHoldDialog(self.archive, self.runner, hold, self)
        dialog.done_with.connect(
            lambda number: self._hold_changed(
                number, QCoreApplication.translate("DispositionView", "已解除保全 {number}")
            )
        )
        self.open_dialog(dialog)
        return dialog

    def _hold_changed(self, number: str, text: str) -> None:
        self.outdated.emit({DUE, BATCHES})
        self.turn_to.emit(HOLDS)
        self.done.emit(HOLDS, number, text.format(number=number))

    def show_count(self) -> None:
        placed = sum(1 for h in self.hold_rows.rows if h.state == HoldState.PLACED)
        self.hold_count.setText(
            QCoreApplication.translate("DispositionView", "读取中…")
            if self.loading
            else QCoreApplication.translate("DispositionView", "{n} 项，保全中 {p} 项").format(
                n=self.hold_rows.rowCount(), p=placed
            )
        )

    def retranslate(self) -> None:
        for key, text in (
            ("place_hold", QCoreApplication.translate("DispositionView", "设置保全…")),
            ("lift_hold", QCoreApplication.translate("DispositionView", "解除保全…")),
            ("holds_docx", QCoreApplication.translate("DispositionView", "保全登记簿…")),
        ):
            self.buttons[key].setText(text)
        self.tips = {
            "place_hold": QCoreApplication.translate(
                "DispositionView", "对档案件或整个案卷设置保全：保全期间不能销毁、移交"
            ),
            "lift_hold": QCoreApplication.translate("DispositionView", "解除所选保全，须填写理由"),
            "holds_docx": QCoreApplication.translate(
                "DispositionView", "生成保全登记簿（.docx）：全部保全及其解除"
            ),
        }
        self.hold_filter_label.setText(QCoreApplication.translate("DispositionView", "状态："))
        for index, state in enumerate(HOLD_STATES):
            self.hold_filter.setItemText(
                index,
                QCoreApplication.translate("DispositionView", "全部")
                if state is None
                else QCoreApplication.translate("DispositionView", "保全中")
                if state == HoldState.PLACED
                else QCoreApplication.translate("DispositionView", "已解除"),
            )
        self.hold_rows.retranslate()
        self.show_count()
        self.show_buttons()
